//! The output policy: what may leave the program. Everything onrecord writes where a
//! terminal or a shell could act on it — the screen, the text and JSON outputs of every
//! command, the clipboard payload, messages and log lines — goes through this module.
//!
//! The policy: no control character (C0, DEL, C1), hence no escape sequence, and no bidi
//! override, embedding, isolate or mark, and no line or paragraph separator.
//! - In text, such a character is replaced by a visible stand-in (U+FFFD, `�`).
//! - In JSON, it is escaped as `\uXXXX`, so the value stays exact and decodes to the same
//!   string.
//!
//! This module sits at the bottom of the layers: every layer may use it, it uses none.

use serde::Serialize;

/// The visible stand-in for a character the policy does not let out.
pub const SUBSTITUTE: char = '\u{FFFD}';

/// Whether `c` may not leave the program as it is: C0 controls (tab and line feed
/// included), DEL, C1 controls, bidi overrides, embeddings, isolates and marks, and the
/// Unicode line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

/// `s` with every unsafe character replaced by [`SUBSTITUTE`].
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| if is_unsafe(c) { SUBSTITUTE } else { c })
        .collect()
}

/// One line of at most `max` chars: whitespace folded to single spaces, unsafe
/// characters replaced, an ellipsis where it was cut.
pub fn one_line(s: &str, max: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = visible(&folded);
    if out.chars().count() > max {
        out = out.chars().take(max.saturating_sub(1)).collect();
        out.push('\u{2026}');
    }
    out
}

/// The text that goes on the clipboard (OSC 52): one line, nothing a shell or terminal
/// could act on when it is pasted (no line feed that would run a command, no escape that
/// would end a bracketed paste).
pub fn clipboard(s: &str) -> String {
    one_line(s, usize::MAX)
}

/// Writes one line to stderr, for the messages of the command line. A stderr that cannot
/// be written — closed (`2>&-`), a pipe whose reader is gone, a full disk, a terminal that
/// went away (EIO) — loses the message and nothing else: `eprintln!` would panic there.
/// Use it through [`crate::message!`]; the text is the caller's to make safe
/// ([`one_line`]).
pub fn write_message(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args).and_then(|()| err.write_all(b"\n"));
}

/// `eprintln!` that never panics: see [`write_message`]. The library crate denies
/// `eprintln!` and `println!` (`clippy::print_stderr`, `clippy::print_stdout`).
#[macro_export]
macro_rules! message {
    ($($arg:tt)*) => {
        $crate::safe_text::write_message(format_args!($($arg)*))
    };
}

/// One JSON value on one line, safe to print on a terminal and still exact: serde_json
/// escapes only C0 controls, so DEL, C1 controls, bidi controls and the line separators are
/// escaped here as `\uXXXX` (which decodes to the same string).
pub fn to_json_line<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut buf = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, SafeJson);
    value.serialize(&mut ser)?;
    Ok(String::from_utf8(buf).expect("serde_json writes UTF-8"))
}

/// [`to_json_line`] written straight to `out`, with its newline: a big object is never
/// held whole in memory as text.
pub fn write_json_line<W: std::io::Write, T: Serialize + ?Sized>(
    out: &mut W,
    value: &T,
) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeJson);
    value.serialize(&mut ser).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// serde_json's compact format with the policy's characters escaped in strings.
struct SafeJson;

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str =
        "a\u{1b}]0;x\u{7} \u{9b}2J \u{9c}\u{9d} \u{202e}r\u{2066} \u{7f} \u{2028} \u{e9}\n\tz";

    #[test]
    fn text_has_no_unsafe_character_left() {
        for s in [
            visible(HOSTILE),
            one_line(HOSTILE, 1000),
            clipboard(HOSTILE),
        ] {
            assert!(!s.chars().any(is_unsafe), "{s:?}");
            assert!(s.contains('\u{e9}'), "ordinary text stays: {s:?}");
        }
        assert!(!one_line(HOSTILE, 1000).contains('\n'));
    }

    #[test]
    fn one_line_truncates() {
        assert_eq!(one_line("abcdef", 4), "abc\u{2026}");
    }

    #[test]
    fn a_pasted_citation_cannot_end_a_bracketed_paste_or_run_a_line() {
        let s = clipboard("\u{201c}Hi\u{201d}, x\u{1b}[201~\ntouch PWNED\nnote.txt");
        assert!(
            !s.contains('\u{1b}') && !s.contains('\n') && !s.contains('\r'),
            "{s:?}"
        );
    }

    #[test]
    fn json_escapes_what_a_terminal_would_act_on_and_stays_exact() {
        let line = to_json_line(&HOSTILE).unwrap();
        assert!(!line.chars().any(is_unsafe), "{line:?}");
        for esc in [
            "\\u009b", "\\u009c", "\\u009d", "\\u202e", "\\u2066", "\\u007f",
        ] {
            assert!(line.contains(esc), "{esc} in {line}");
        }
        let back: String = serde_json::from_str(&line).unwrap();
        assert_eq!(back, HOSTILE, "lossless");
    }
}
