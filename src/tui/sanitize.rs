//! Making text safe for the terminal: no control characters or escape sequences ever
//! reach the screen from article content, file names, metadata or config.

/// Replaces every character that could act on a terminal with a visible stand-in.
pub fn visible(s: &str) -> String {
    s.chars()
        .map(|c| {
            if crate::article::hygiene::is_unsafe_char(c) || c == '\n' || c == '\u{1B}' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// One line of at most `max` chars, whitespace folded, unsafe chars replaced.
pub fn one_line(s: &str, max: usize) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = visible(&folded);
    if out.chars().count() > max {
        out = out.chars().take(max.saturating_sub(1)).collect();
        out.push('\u{2026}');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_controls_survive() {
        let s = one_line("a\u{1b}[2Jb\u{7}\nc\u{9b}d", 80);
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
    }

    #[test]
    fn truncates() {
        assert_eq!(one_line("abcdef", 4), "abc\u{2026}");
    }
}
