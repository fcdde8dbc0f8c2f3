//! A person's role from an appositive right after the name:
//! `NAME, deputy commander of the Harbour Authority, said` → `deputy commander of the
//! Harbour Authority`; `NAME, a historian at ...,` → `historian at ...`.

use super::lexicon::lex;
use super::tokens::NameToken;

/// Longest appositive taken as a role, in words.
const MAX_ROLE_WORDS: usize = 16;

const NOT_ROLE_START: &[&str] = &[
    "who",
    "which",
    "that",
    "said",
    "says",
    "told",
    "added",
    "and",
    "but",
    "or",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "however",
    "though",
    "although",
    "while",
    "as",
    "if",
    "when",
    "where",
    "because",
    "so",
    "then",
    "also",
    "not",
    "both",
    "including",
    "according",
    // An auxiliary opens the sentence's predicate, not an appositive (`NAME, had argued that
    // ...`).
    "had",
    "has",
    "have",
    "was",
    "is",
    "were",
    "are",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
];

/// The role in an appositive that starts at token `k` (the token right after the name).
pub fn appositive_role(body: &str, toks: &[NameToken], k: usize) -> Option<String> {
    if !toks.get(k)?.is_punct(',') {
        return None;
    }
    let first = toks.get(k + 1)?;
    if !first.is_word() {
        return None;
    }
    let fw = first.text(body);
    let starts_lower = fw.chars().next().is_some_and(char::is_lowercase);
    if !starts_lower || NOT_ROLE_START.contains(&fw) {
        return None;
    }
    let mut words = 0;
    let mut end_tok = None;
    for (j, t) in toks.iter().enumerate().skip(k + 1) {
        if t.is_word() {
            words += 1;
            if words > MAX_ROLE_WORDS {
                return None;
            }
            let w = t.text(body);
            if j > k + 1 && matches!(w, "said" | "says" | "told" | "who") {
                return None;
            }
            continue;
        }
        if t.is_punct(',')
            || t.is_punct('.')
            || t.is_punct(';')
            || t.is_punct(')')
            || t.is_punct('(')
        {
            end_tok = Some(j);
            break;
        }
        if t.after_break {
            return None;
        }
    }
    let end = toks.get(end_tok?.checked_sub(1)?)?;
    let mut start = first.start;
    for art in ["a ", "an ", "the "] {
        if body[start..].starts_with(art) {
            start += art.len();
            break;
        }
    }
    let role = body.get(start..end.end)?.trim();
    // A role is a noun phrase naming a position or occupation (`chief economist at ...`),
    // not a clause (`indulged in ...`) or an aside (`via ...`).
    let lx = lex();
    let names_role = role
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| {
            let w = w.to_lowercase();
            // Occupations by their endings: `physiologist`, `historian`.
            lx.roles.contains(w.as_str())
                || w.len() > 5 && (w.ends_with("ist") || w.ends_with("ian"))
        });
    if role.is_empty() || !names_role {
        return None;
    }
    Some(role.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn role_after(s: &str, name: &str) -> Option<String> {
        let toks = tokenize(s);
        let end = s.find(name).unwrap() + name.len();
        let k = toks.iter().position(|t| t.start >= end).unwrap();
        appositive_role(s, &toks, k)
    }

    #[test]
    fn role_phrase() {
        assert_eq!(
            role_after(
                "Ana Ruiz, deputy head of the Port Authority, said no.",
                "Ana Ruiz"
            )
            .as_deref(),
            Some("deputy head of the Port Authority")
        );
        assert_eq!(
            role_after("Bo Lind, a historian at Lund University, said", "Bo Lind").as_deref(),
            Some("historian at Lund University")
        );
    }

    #[test]
    fn no_role_for_a_predicate_after_the_appositive() {
        // `The lawyer, Neil Pryce, had argued that ...`: the words after the name's comma
        // are the sentence's verb and its clause.
        assert_eq!(
            role_after(
                "The company's lawyer, Neil Pryce, had argued that new expert evidence needed review.",
                "Neil Pryce"
            ),
            None
        );
    }

    #[test]
    fn no_role_for_clauses() {
        assert_eq!(role_after("Ana Ruiz, who left, said no.", "Ana Ruiz"), None);
        assert_eq!(role_after("Ana Ruiz said, yes.", "Ana Ruiz"), None);
        assert_eq!(
            role_after("Ana Ruiz, by her own account, won.", "Ana Ruiz"),
            None
        );
        assert_eq!(
            role_after("Ana Ruiz, a marine biologist, said", "Ana Ruiz").as_deref(),
            Some("marine biologist")
        );
        assert_eq!(
            role_after(
                "Bo Lind, a fellow at the Policy Council (PC), said",
                "Bo Lind"
            )
            .as_deref(),
            Some("fellow at the Policy Council")
        );
    }
}
