//! The passage of a library search hit as its list row shows it: from the first word that
//! matches the search, so the match is in view however narrow the column.

/// `snippet` from the first word that starts with a word of `query` (case aside), with
/// `…` before it when something was cut; on one line. The whole snippet when no word
/// matches.
pub fn from_match(snippet: &str, query: &str) -> String {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let text = crate::safe_text::one_line(snippet, usize::MAX);
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        let starts_word = c.is_alphanumeric() && !prev_alnum;
        prev_alnum = c.is_alphanumeric();
        if !starts_word {
            continue;
        }
        let matches = words.iter().any(|w| {
            let mut rest = text[i..].chars().flat_map(char::to_lowercase);
            w.chars().all(|wc| rest.next() == Some(wc))
        });
        if matches {
            let head = text[..i].trim_start_matches('\u{2026}').trim();
            return if head.is_empty() {
                text[i..].to_string()
            } else {
                format!("\u{2026}{}", &text[i..])
            };
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_at_the_first_matching_word() {
        assert_eq!(
            from_match("…the council said the Bridge would close…", "bridge"),
            "…Bridge would close…"
        );
        assert_eq!(
            from_match("Bridge works begin", "BRIDGE"),
            "Bridge works begin"
        );
        assert_eq!(
            from_match("…a rebridged road…", "bridge"),
            "…a rebridged road…"
        );
        assert_eq!(from_match("Café Ölberg opens", "ölberg"), "…Ölberg opens");
        assert_eq!(from_match("line\nbreak\u{1b}[2J here", "here"), "…here");
    }
}
