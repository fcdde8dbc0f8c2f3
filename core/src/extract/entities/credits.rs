//! People named outside the body: byline names and credit lines such as
//! `(Reporting by A B; Editing by C D)`.

/// Names in a credit line: every `by NAME` (names split at `and` and commas), ending at
/// `.`, `;`, `)` or the next credit verb.
pub fn credit_names(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(pos) = find_by(rest) {
        rest = &rest[pos + 3..];
        let end = rest.find(['.', ';', ')', '|', '\n']).unwrap_or(rest.len());
        // Keep initials ("John W. Hale"): a dot right after one capital letter continues.
        let end = extend_over_initials(rest, end);
        let chunk = &rest[..end];
        for part in chunk.split(',').flat_map(|p| p.split(" and ")) {
            // `Ada Mensah in Lisbon`: the place of the reporting is not part of the name.
            let part = [" in ", " at ", " from ", " for "]
                .iter()
                .fold(part, |p, sep| p.split(sep).next().unwrap_or(p));
            let name = part.trim().trim_end_matches('.').trim();
            if looks_like_name(name) {
                out.push(name.to_string());
            }
        }
        rest = &rest[end..];
    }
    out
}

fn find_by(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("by ") {
        let at = from + p;
        let before_ok = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphabetic();
        if before_ok {
            return Some(at);
        }
        from = at + 3;
    }
    None
}

fn extend_over_initials(s: &str, mut end: usize) -> usize {
    while end < s.len() && s.as_bytes()[end] == b'.' {
        let before = &s[..end];
        let initial = before
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().count() == 1 && w.chars().all(char::is_uppercase));
        if !initial {
            break;
        }
        match s[end + 1..].find(['.', ';', ')', '|', '\n']) {
            Some(n) => end = end + 1 + n,
            None => end = s.len(),
        }
    }
    end
}

/// Two to five capitalized words that are not an organization or a place.
/// A byline entry cut at full stops after whole words (`Ann Doe. Sputnik News` → `Ann
/// Doe`, `Sputnik News`); initials (`John W. Hale`) stay.
pub fn byline_parts(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, _) in s.match_indices(". ") {
        let word = s[from..i].rsplit(' ').next().unwrap_or("");
        if word.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            out.push(s[from..i].trim());
            from = i + 2;
        }
    }
    out.push(s[from..].trim().trim_end_matches('.'));
    out.retain(|p| !p.is_empty());
    out
}

pub fn looks_like_name(s: &str) -> bool {
    let lx = lex();
    let words: Vec<&str> = s.split_whitespace().collect();
    let org_or_place = lx.orgs.contains(s)
        || lx.places.contains(s)
        || words.iter().any(|w| {
            lx.org_cues.contains(*w) || lx.stopwords.contains(*w) && !lx.given.contains_key(*w)
        });
    // `Jill Doe, CNN Business`, `CBS Detroit`: a known organization or an acronym among
    // ordinary words; `Finian Doe. Sputnik`: a full stop after a whole word.
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !w.chars().any(char::is_lowercase)
    };
    let n_caps = words.iter().filter(|w| caps(w)).count();
    let org_word = words
        .iter()
        .any(|w| lx.orgs.contains(w) && !lx.given.contains_key(*w));
    let mixed_caps = n_caps > 0 && n_caps < words.len();
    let stop_inside = words
        .iter()
        .any(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() >= 4);
    !org_or_place
        && !org_word
        && !mixed_caps
        && !stop_inside
        && (2..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    *w,
                    "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "la" | "le"
                )
        })
        && !words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
}

use super::lexicon::lex;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organizations_in_a_byline_are_no_names() {
        assert!(looks_like_name("Ada Mensah"));
        assert!(looks_like_name("ADA MENSAH"));
        assert!(looks_like_name("John W. Hale Jr."));
        assert!(!looks_like_name("CNN Business"));
        assert!(!looks_like_name("KLM Travel"));
        assert!(!looks_like_name("Ada Mensah. Sputnik International"));
        assert_eq!(
            byline_parts("Ada Mensah. Sputnik International"),
            ["Ada Mensah", "Sputnik International"]
        );
        assert_eq!(byline_parts("John W. Hale"), ["John W. Hale"]);
        assert!(!looks_like_name("Sputnik International"));
    }

    #[test]
    fn reporting_and_editing() {
        assert_eq!(
            credit_names("(Reporting by Ada Mensah and Tom Reyes. Editing by Li Wei)"),
            ["Ada Mensah", "Tom Reyes", "Li Wei"]
        );
        assert_eq!(
            credit_names("Additional reporting by John W. Hale; editing by Mary Poe"),
            ["John W. Hale", "Mary Poe"]
        );
        assert!(credit_names("Leave a reply").is_empty());
        assert_eq!(
            credit_names("Reporting by Ada Mensah in Lisbon; Editing by Li Wei"),
            ["Ada Mensah", "Li Wei"]
        );
        assert!(credit_names("Compiled by Associated Press staff").is_empty());
        assert!(!looks_like_name("Associated Press"));
        assert!(!looks_like_name("Harbour News Service"));
        assert!(looks_like_name("Will Dunmore"));
    }
}
