//! Acronyms: defined after a name, spelled from a name's initials.

use super::tokens::NameToken;
use std::collections::HashSet;

/// `(ACR)` or `, ACR,` right after a name, at token `n`.
pub fn defined_acronym<'a>(body: &'a str, toks: &[NameToken], n: usize) -> Option<&'a str> {
    let paren = toks.get(n).is_some_and(|t| t.is_punct('('))
        && toks.get(n + 2).is_some_and(|t| t.is_punct(')'));
    let commas = toks.get(n).is_some_and(|t| t.is_punct(','))
        && toks.get(n + 2).is_some_and(|t| t.is_punct(','));
    if !paren && !commas {
        return None;
    }
    let acr = toks.get(n + 1).filter(|t| t.is_word())?.text(body);
    let letters = acronym_letters(acr).chars().count();
    let ok = (2..=8).contains(&letters)
        && acr.chars().next().is_some_and(char::is_uppercase)
        && !acr.chars().skip(1).any(char::is_lowercase);
    ok.then_some(acr)
}

/// Initial letters of a name's capitalized words (`California Public Utilities Commission`
/// → `CPUC`), without company suffixes.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "Co." | "Co" | "Inc." | "Inc" | "Corp." | "Corp" | "Ltd." | "LLC"
            )
        })
        .filter_map(|w| {
            let c = w.chars().next()?;
            c.is_uppercase().then_some(c)
        })
        .collect()
}

/// Letters of an acronym (`PG&E` → `PGE`).
pub fn acronym_letters(w: &str) -> String {
    w.chars().filter(|c| c.is_alphabetic()).collect()
}

pub fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters)
        && !w.chars().any(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '&' | '.'))
}

/// Words that may sit inside a defined phrase without giving a letter to its acronym.
const ACRONYM_FILLERS: &[&str] = &["of", "and", "the", "for", "in", "on", "to", "a"];

/// Acronyms the article defines by lowercase words: `hypersensitivity pneumonitis (HP)`,
/// `post-traumatic stress disorder, or PTSD`.
pub fn common_noun_acronyms<'a>(body: &'a str, toks: &[NameToken]) -> HashSet<&'a str> {
    let mut out = HashSet::new();
    for (i, t) in toks.iter().enumerate() {
        if !t.is_word() {
            continue;
        }
        let w = t.text(body);
        // Cheap test first: most words are not in capitals.
        let mut cs = w.chars();
        if !cs.next().is_some_and(char::is_uppercase)
            || cs.next().is_none_or(char::is_lowercase)
            || !is_acronym(w)
        {
            continue;
        }
        let letters = acronym_letters(w).to_lowercase();
        let n = letters.chars().count();
        // The phrase ends before `(` or before `, or` / `or`.
        let mut k = i;
        if k > 0 && toks[k - 1].is_punct('(') {
            k -= 1;
        } else if k > 0 && toks[k - 1].is_word() && toks[k - 1].text(body) == "or" {
            k -= 1;
            if k > 0 && toks[k - 1].is_punct(',') {
                k -= 1;
            }
        } else {
            continue;
        }
        // Read lowercase words leftwards, building the initials from the right.
        let mut initials: Vec<char> = Vec::new();
        let mut j = k;
        let mut steps = 0;
        while j > 0 && steps < 2 * n + 2 && initials.len() < n {
            j -= 1;
            steps += 1;
            let u = &toks[j];
            if !u.is_word() {
                break;
            }
            let uw = u.text(body);
            if !uw.chars().next().is_some_and(char::is_lowercase) {
                break;
            }
            if ACRONYM_FILLERS.contains(&uw) {
                continue;
            }
            for part in uw.rsplit('-') {
                if let Some(c) = part.chars().next() {
                    initials.push(c);
                }
            }
        }
        let got: String = initials.iter().rev().collect();
        if initials.len() == n && got == letters {
            out.insert(w);
        }
    }
    out
}
