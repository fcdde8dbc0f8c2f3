//! Suggestions for a mistyped command (`speaker` for `speakers`, `serch` for `search`),
//! made before clap would take the word for a path to open.

use super::Cli;
use clap::CommandFactory;
use std::path::Path;

/// The command the user probably meant, when the first positional argument is neither a
/// command nor an existing path but close to a command's name (`speaker`, `quote --speaker
/// X`, `serch`): the typed word and the command. Without this, clap takes the word for a
/// path to open ("no such file") or trips on the command's options (`-- --speaker`).
pub fn mistyped_command(args: &[std::ffi::OsString]) -> Option<(String, String)> {
    let mut args = args.iter();
    let first = loop {
        let arg = args.next()?.to_string_lossy();
        if arg == "--" {
            return None;
        }
        if arg == "--config" {
            args.next();
            continue;
        }
        if arg.starts_with('-') {
            continue;
        }
        break arg.into_owned();
    };
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .chain(["help".to_string()])
        .collect();
    if names.contains(&first) || first.contains(['/', '.']) || Path::new(&first).exists() {
        return None;
    }
    suggest_command(&first, &names).map(|meant| (first, meant))
}

/// The command name closest to `typed`: one it starts (three letters at least) or that
/// starts it, else one within two edits; `None` when nothing is that close.
pub fn suggest_command(typed: &str, names: &[String]) -> Option<String> {
    let typed = typed.to_lowercase();
    let prefix = |n: &str| {
        (typed.chars().count() >= 3 && n.starts_with(typed.as_str())) || typed.starts_with(n)
    };
    names
        .iter()
        .map(|n| {
            let d = if prefix(n) {
                0
            } else {
                edit_distance(&typed, n)
            };
            (d, n)
        })
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n.clone())
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diag + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggest(args: &[&str]) -> Option<String> {
        let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
        mistyped_command(&args).map(|(_, meant)| meant)
    }

    #[test]
    fn suggestions_for_mistyped_commands() {
        assert_eq!(suggest(&["speaker"]).as_deref(), Some("speakers"));
        assert_eq!(suggest(&["Speakrs"]).as_deref(), Some("speakers"));
        assert_eq!(
            suggest(&["quote", "--speaker", "x"]).as_deref(),
            Some("quotes")
        );
        assert_eq!(
            suggest(&["--config", "c.toml", "serch"]).as_deref(),
            Some("search")
        );
        assert_eq!(suggest(&["completion"]).as_deref(), Some("completions"));
        assert_eq!(suggest(&["searches"]).as_deref(), Some("search"));
        // Commands, paths and words far from any command are left to clap.
        assert_eq!(suggest(&["speakers"]), None);
        assert_eq!(suggest(&["--", "speaker"]), None);
        assert_eq!(suggest(&["articles"]), None);
        assert_eq!(suggest(&["speaker.txt"]), None);
        assert_eq!(suggest(&["news/speaker"]), None);
        assert_eq!(suggest(&["src"]), None, "an existing folder");
        assert_eq!(suggest(&[]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
