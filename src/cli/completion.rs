//! Shell completion: `onrecord completions SHELL` prints a script that asks the binary
//! itself what to complete (through `ONRECORD_COMPLETE`), so `quotes --speaker` completes
//! the speakers of the index, as `onrecord speakers` lists them.

use super::Cli;
use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Shells, Zsh};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The variable the completion scripts set when they call the binary back. A name of
/// our own, so a `COMPLETE` in the user's environment never turns a normal run into one.
pub const VAR: &str = "ONRECORD_COMPLETE";

/// The shells, with bash's values escaped for its command line.
const SHELLS: Shells<'static> = Shells(&[&BashEscaped, &Elvish, &Fish, &Powershell, &Zsh]);

/// Answers a completion request when the script called the binary back (and exits);
/// returns when this is a normal run.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(VAR)
        .shells(SHELLS)
        .complete();
}

/// The completion script for `shell`, calling back `program` (the name or path the user
/// ran the binary by, made absolute when it is a relative path of several parts).
pub fn script(shell: clap_complete::Shell, program: &Path) -> std::io::Result<Vec<u8>> {
    let name = shell.to_string();
    let completer = SHELLS
        .completer(&name)
        .ok_or_else(|| std::io::Error::other(format!("no completion for {name}")))?;
    let program = if program.components().count() > 1 && program.is_relative() {
        std::env::current_dir()?.join(program)
    } else {
        program.to_path_buf()
    };
    let mut buf = Vec::new();
    completer.write_registration(
        VAR,
        "onrecord",
        "onrecord",
        &program.to_string_lossy(),
        &mut buf,
    )?;
    Ok(buf)
}

/// Speaker names for `quotes --speaker`, from the index the command line names (its
/// `--index` and `--config`, else the configured one), limited to the configured library
/// folders as `speakers` is. Nothing when there is no index yet: completing never creates
/// or changes anything.
pub fn speaker_candidates() -> Vec<CompletionCandidate> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let config_flag = flag_value(&args, "--config");
    let Ok(config) = crate::config::Config::load(config_flag.as_deref()) else {
        return Vec::new();
    };
    let index_flag = flag_value(&args, "--index");
    let db = super::library_commands::index_path(index_flag.as_deref(), &config);
    if !db.is_file() {
        return Vec::new();
    }
    let roots = (!config.library.paths.is_empty()).then(|| config.library.paths.clone());
    let Ok(list) = crate::library::query::speaker_list(roots.as_deref(), &db) else {
        return Vec::new();
    };
    list.into_iter()
        .map(|s| {
            let name = crate::safe_text::one_line(&s.name, 200);
            let quotes = if s.quotes == 1 { "quote" } else { "quotes" };
            CompletionCandidate::new(name).help(Some(format!("{} {quotes}", s.quotes).into()))
        })
        .collect()
}

/// The value of `flag` on the command line being completed (after the script's `--`),
/// as `--flag VALUE` or `--flag=VALUE`; the last one wins, as for clap.
fn flag_value(args: &[OsString], flag: &str) -> Option<PathBuf> {
    let start = args.iter().position(|a| a == "--").map_or(0, |i| i + 1);
    let words = &args[start..];
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        let w = w.to_string_lossy();
        if w == flag {
            if let Some(next) = words.get(i + 1) {
                found = Some(PathBuf::from(next));
            }
        } else if let Some(v) = w.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
            found = Some(PathBuf::from(v));
        }
    }
    found
}

/// Bash inserts a value as it is typed, so a name with a space would become two words:
/// each value is escaped for bash's command line (`Ana\ Ruiz`, `O\'Brien`).
struct BashEscaped;

impl EnvCompleter for BashEscaped {
    fn name(&self) -> &'static str {
        Bash.name()
    }
    fn is(&self, name: &str) -> bool {
        Bash.is(name)
    }
    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        Bash.write_registration(var, name, bin, completer, buf)
    }
    fn write_complete(
        &self,
        cmd: &mut clap::Command,
        args: Vec<OsString>,
        current_dir: Option<&Path>,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let mut raw = Vec::new();
        Bash.write_complete(cmd, args, current_dir, &mut raw)?;
        let ifs = std::env::var("_CLAP_IFS").unwrap_or_else(|_| "\n".into());
        let raw = String::from_utf8_lossy(&raw);
        let values: Vec<String> = raw.split(ifs.as_str()).map(bash_escaped).collect();
        buf.write_all(values.join(&ifs).as_bytes())
    }
}

/// `value` as one word on bash's command line: a backslash before every character the
/// shell would read as syntax.
fn bash_escaped(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if !(c.is_alphanumeric() || "/_-.,+=:@%~".contains(c)) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn flag_values_are_read_after_the_scripts_separator() {
        let args = os(&[
            "/bin/onrecord",
            "--",
            "onrecord",
            "quotes",
            "--index",
            "a.db",
        ]);
        assert_eq!(flag_value(&args, "--index"), Some(PathBuf::from("a.db")));
        let args = os(&["onrecord", "--", "onrecord", "--config=c.toml", "quotes"]);
        assert_eq!(flag_value(&args, "--config"), Some(PathBuf::from("c.toml")));
        assert_eq!(flag_value(&args, "--index"), None);
        // A flag still being typed has no value yet.
        let args = os(&["onrecord", "--", "onrecord", "quotes", "--index"]);
        assert_eq!(flag_value(&args, "--index"), None);
        // Not a prefix match: `--indexes` is not `--index`.
        let args = os(&["onrecord", "--", "onrecord", "--indexes=x"]);
        assert_eq!(flag_value(&args, "--index"), None);
    }

    #[test]
    fn bash_values_with_spaces_and_quotes_stay_one_word() {
        assert_eq!(bash_escaped("Ana María Ruiz"), "Ana\\ María\\ Ruiz");
        assert_eq!(bash_escaped("O'Brien"), "O\\'Brien");
        assert_eq!(bash_escaped("$(rm -rf ~)"), "\\$\\(rm\\ -rf\\ ~\\)");
        assert_eq!(bash_escaped("--speaker"), "--speaker");
    }

    #[test]
    fn every_shell_of_the_completions_command_has_a_script() {
        use clap::ValueEnum;
        for shell in clap_complete::Shell::value_variants() {
            let script = script(*shell, Path::new("onrecord")).unwrap();
            let text = String::from_utf8(script).unwrap();
            assert!(text.contains(VAR), "{shell}: {text}");
        }
    }
}
