//! Exporting quotes from the reader (`x`): the article's quotes, or in the Speakers view
//! the chosen speaker's quotes across the library, written with their citations to a
//! Markdown file in the data dir (never inside the library); the status bar says where.

use super::effect::{Effect, ExportWhat};
use super::msg::Msg;
use super::state::{Screen, SpeakersFocus, State};
use crate::library::Store;
use crate::library::export::{self, HitRows};
use std::path::PathBuf;

/// Where exports go, and the library folders they must stay out of.
#[derive(Debug, Clone, Default)]
pub struct ExportPlace {
    pub dir: PathBuf,
    pub roots: Vec<PathBuf>,
}

impl ExportPlace {
    /// `exports/` in the platform data dir.
    pub fn new(roots: Vec<PathBuf>) -> ExportPlace {
        ExportPlace {
            dir: crate::dirs::data_dir().join("exports"),
            roots,
        }
    }
}

/// The reducer's part: what to export, from what is on screen.
pub fn request(state: &mut State) -> Vec<Effect> {
    let what = match state.screen {
        Screen::Speakers => {
            let sv = &state.speakers;
            let name = match (sv.focus, &sv.quotes) {
                (SpeakersFocus::Quotes, Some(q)) => Some(q.speaker.clone()),
                _ => sv.current().map(|s| s.name.clone()),
            };
            name.map(ExportWhat::Speaker)
        }
        Screen::Reader => state.reader.as_ref().map(|r| {
            let path = state
                .list
                .all
                .iter()
                .find(|a| a.id == r.id)
                .map(|a| a.path.clone())
                .unwrap_or_default();
            ExportWhat::Article {
                id: r.id,
                path,
                title: r.article.title.clone(),
            }
        }),
    };
    match what {
        Some(w) => {
            state.message = Some("exporting quotes…".into());
            vec![Effect::Export(w)]
        }
        None => {
            state.message = Some(match state.screen {
                Screen::Speakers => "no speaker to export".into(),
                Screen::Reader => "open an article to export its quotes (Enter)".into(),
            });
            Vec::new()
        }
    }
}

/// The worker's part: writes the file and says where it went (or why it did not).
pub fn run(store: &dyn Store, what: ExportWhat, place: &ExportPlace) -> Msg {
    let written = (|| -> anyhow::Result<(usize, PathBuf)> {
        let (name, heading, rows) = match what {
            ExportWhat::Article { id, path, title } => {
                let (article, analysis) = store.open(id)?;
                let rows = export::article_rows(&article, &analysis, &path);
                (title.clone(), format!("Quotes in “{title}”"), rows)
            }
            ExportWhat::Speaker(name) => {
                let mut rows = Vec::new();
                let mut hits = HitRows::new(store);
                for h in store.quotes_by(&name)? {
                    rows.extend(hits.row(&h)?);
                }
                (name.clone(), format!("Quotes by {name}"), rows)
            }
        };
        let file = export::write_file(&place.dir, &name, &heading, &rows, &place.roots)?;
        Ok((rows.len(), file))
    })();
    Msg::Notify(match written {
        Ok((n, file)) => format!(
            "{n} quote{} exported to {}",
            if n == 1 { "" } else { "s" },
            crate::safe_text::one_line(&file.display().to_string(), 300)
        ),
        Err(e) => format!(
            "cannot export: {}",
            crate::safe_text::one_line(&format!("{e:#}"), 300)
        ),
    })
}
