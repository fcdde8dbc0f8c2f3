//! The article outside the reader: its file in `$EDITOR` or `$PAGER` (the reader gives the
//! terminal to the program and takes it back when it ends), and its source URL copied.
//!
//! Which program runs is worked out once at start ([`Programs::from_env`]); each is a
//! program and its arguments split at spaces, run without a shell, with the file as one
//! more argument.

use super::effect::{Effect, Viewer};
use super::state::{Focus, State};
use std::path::{Path, PathBuf};

/// The programs that show a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Programs {
    pub editor: Vec<String>,
    pub pager: Vec<String>,
}

impl Programs {
    /// The editor: `$VISUAL`, else `$EDITOR`, else `vi`; the pager: `$PAGER`, else `less`.
    /// Empty values count as unset.
    pub fn from_env(var: &dyn Fn(&str) -> Option<String>) -> Programs {
        let words = |name: &str| -> Option<Vec<String>> {
            let w: Vec<String> = var(name)?.split_whitespace().map(str::to_string).collect();
            (!w.is_empty()).then_some(w)
        };
        Programs {
            editor: words("VISUAL")
                .or_else(|| words("EDITOR"))
                .unwrap_or_else(|| vec!["vi".into()]),
            pager: words("PAGER").unwrap_or_else(|| vec!["less".into()]),
        }
    }

    /// The program and arguments that show `file` with `viewer`: the file is the last
    /// argument, as it is (a relative path that starts with `-` gets `./` first, so that it
    /// is never read as an option).
    pub fn command(&self, viewer: Viewer, file: &Path) -> (String, Vec<std::ffi::OsString>) {
        let words = match viewer {
            Viewer::Editor => &self.editor,
            Viewer::Pager => &self.pager,
        };
        let (program, args) = match words.split_first() {
            Some((p, a)) => (p.clone(), a.to_vec()),
            None => ("less".to_string(), Vec::new()),
        };
        let mut args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
        let file = if file.is_relative() && file.as_os_str().to_string_lossy().starts_with('-') {
            Path::new(".").join(file)
        } else {
            file.to_path_buf()
        };
        args.push(file.into_os_string());
        (program, args)
    }
}

/// The file of the article a key means: the selected row in the list, else the open one.
fn article_file(state: &State) -> Option<PathBuf> {
    let id = match (state.focus, &state.reader) {
        (Focus::List, _) | (_, None) => state.list.current()?.id,
        (_, Some(r)) => r.id,
    };
    state
        .list
        .all
        .iter()
        .find(|a| a.id == id)
        .map(|a| a.path.clone())
}

/// `E` / `v`: the article's file in the editor or pager, when it is on disk.
pub fn open_file(state: &mut State, viewer: Viewer) -> Vec<Effect> {
    match article_file(state) {
        Some(path) if path.is_file() => vec![Effect::OpenFile { viewer, path }],
        Some(_) => {
            state.message = Some("the article's file is not on disk".into());
            Vec::new()
        }
        None => {
            state.message = Some("no article selected".into());
            Vec::new()
        }
    }
}

/// `Y`: the open article's source URL on the clipboard.
pub fn copy_url(state: &mut State) -> Vec<Effect> {
    let url = state.reader.as_ref().and_then(|r| r.article.url.clone());
    match url.map(|u| u.trim().to_string()).filter(|u| !u.is_empty()) {
        Some(u) => vec![Effect::CopyUrl(u)],
        None => {
            state.message = Some(if state.reader.is_some() {
                "this article has no source URL".into()
            } else {
                "open an article first (Enter)".into()
            });
            Vec::new()
        }
    }
}

/// Only plain http(s) URLs without spaces or control characters are handed to the opener.
pub fn is_web_url(u: &str) -> bool {
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && u.len() > 8
        && !u.chars().any(|c| c.is_whitespace() || c.is_control())
        && !u.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_then_editor_then_vi_and_pager_then_less() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let p = Programs::from_env(&env(&[]));
        assert_eq!(
            (p.editor, p.pager),
            (vec!["vi".into()], vec!["less".into()])
        );
        let p = Programs::from_env(&env(&[("EDITOR", "nano -w"), ("PAGER", " ")]));
        assert_eq!(p.editor, ["nano", "-w"]);
        assert_eq!(p.pager, ["less"]);
        let p = Programs::from_env(&env(&[("EDITOR", "nano"), ("VISUAL", "code --wait")]));
        assert_eq!(p.editor, ["code", "--wait"]);
        // The file is one argument, whatever it holds; never an option.
        let odd = Path::new("/lib/a b; rm -rf ~ $(x).txt");
        let (prog, args) = p.command(Viewer::Editor, odd);
        assert_eq!(prog, "code");
        assert_eq!(args, ["--wait", "/lib/a b; rm -rf ~ $(x).txt"]);
        let (_, args) = p.command(Viewer::Pager, Path::new("-n.txt"));
        assert_eq!(args, ["./-n.txt"]);
    }
}
