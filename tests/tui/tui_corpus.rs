//! The reader on real articles: the bundled sample library and, when present, the shared
//! seed and evaluation articles. Whatever the extractor finds, every key works at every
//! common size, quotes are reachable with `n`, and the screen never shows a control
//! character.

use crate::shared_data;
use crate::tui_fixtures;

use onrecord::article::load;
use onrecord::library::ArticleSummary;
use onrecord::tui::action::Action;
use onrecord::tui::keymap::Keymap;
use onrecord::tui::msg::Msg;
use onrecord::tui::state::State;
use onrecord::tui::theme::Theme;
use onrecord::tui::update::update;
use std::path::{Path, PathBuf};
use tui_fixtures::{press, screen_text, status};

fn files() -> Vec<PathBuf> {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/library");
    let dirs = std::iter::once(Some(sample))
        .chain(["seed", "eval/quotes"].map(shared_data::dir))
        .flatten();
    let mut out = Vec::new();
    for d in dirs {
        let rd = std::fs::read_dir(&d).unwrap();
        for e in rd.flatten() {
            let p = e.path();
            if load::format_of(&p).is_some() {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_article_reads_at_every_common_size() {
    let files = files();
    assert!(!files.is_empty(), "the sample library is part of the crate");
    for path in files {
        let Ok(loaded) = load::load_file(&path, load::DEFAULT_MAX_BYTES) else {
            continue;
        };
        let article = loaded.article;
        let analysis = onrecord::extract::analyze(&article);
        let n = analysis.quotes.len();
        for (w, h) in [(120, 40), (80, 24), (20, 6)] {
            let mut s = State::new(Keymap::default(), Theme::plain());
            update(&mut s, Action::Resize(w, h));
            update(
                &mut s,
                Msg::ArticlesLoaded(vec![ArticleSummary {
                    id: 0,
                    path: path.clone(),
                    item: String::new(),
                    title: article.title.clone(),
                    byline: article.byline.clone(),
                    date: article.date.clone(),
                    quote_count: n,
                    read: false,
                    starred: false,
                }]),
            );
            update(
                &mut s,
                Msg::ArticleLoaded {
                    id: 0,
                    article: Box::new(article.clone()),
                    analysis: Box::new(analysis.clone()),
                },
            );
            press(&mut s, &["n"]);
            if n > 0 && w >= 80 {
                assert!(
                    status(&s).contains(&format!("quote 1/{n}")),
                    "{}: {}",
                    path.display(),
                    status(&s)
                );
            }
            for keys in [
                &["n", "n", "s", "s", "S", "]", "[", "i", "n", "i"][..],
                &["j", "pagedown", "G", "k", "pageup", "g"],
                &["tab", "j", "enter", "enter", "G", "enter", "shift-tab"],
                &["/", "t", "h", "e", "enter", "n", "N", "esc"],
                &["z", "e", "?", "esc", "z", "e"],
            ] {
                press(&mut s, keys);
                let text = screen_text(&s);
                assert!(
                    !text.chars().any(|c| c.is_control() && c != '\n'),
                    "{}: control character on screen",
                    path.display()
                );
            }
        }
    }
}
