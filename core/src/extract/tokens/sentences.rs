//! Where sentences and paragraphs end, as both readers see them: a blank line ends a
//! paragraph (and its sentence), `.`, `?` and `!` end a sentence, and `;`, `:` and `…` end a
//! clause. What a period after an abbreviation does is [`super::abbreviations`]'s.

/// True when the white space between two tokens holds a blank line (`\n\n`). The gap is
/// nearly always one space: its bytes are looked at, with no substring search.
#[inline]
pub fn is_paragraph_break(gap: &[u8]) -> bool {
    gap.len() >= 2 && gap.windows(2).any(|w| w == b"\n\n")
}

/// True when the white space between two tokens holds a line break. The gap is nearly
/// always one byte: that case needs no search.
#[inline]
pub fn is_line_break(gap: &[u8]) -> bool {
    match gap {
        [] => false,
        [b] => *b == b'\n',
        _ => gap.contains(&b'\n'),
    }
}

/// `.`, `?` and `!`: the marks that end a sentence (unless an abbreviation, a lower-case
/// word or a closing quotation mark says otherwise).
#[inline]
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '?' | '!')
}

/// The marks after which a clause starts, its first word capitalized whatever it is: the
/// sentence ends, `;`, `:` and `…`.
#[inline]
pub fn ends_clause(c: char) -> bool {
    ends_sentence(c) || matches!(c, ';' | ':' | '\u{2026}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_break_paragraphs() {
        assert!(is_paragraph_break(b"\n\n"));
        assert!(is_paragraph_break(b" \n\n  "));
        assert!(!is_paragraph_break(b"\n \n"));
        assert!(!is_paragraph_break(b"\n"));
        assert!(!is_paragraph_break(b" "));
        assert!(is_line_break(b"\n") && is_line_break(b" \n ") && is_line_break(b"\n\n"));
        assert!(!is_line_break(b"") && !is_line_break(b" ") && !is_line_break(b"  \t"));
    }

    #[test]
    fn sentence_and_clause_marks() {
        assert!(ends_sentence('.') && ends_sentence('?') && ends_sentence('!'));
        assert!(!ends_sentence(';') && ends_clause(';') && ends_clause('…'));
        assert!(!ends_clause(',') && !ends_clause('—'));
    }
}
