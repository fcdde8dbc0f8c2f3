//! Abbreviations written with a period: the one list (`data/abbreviations.txt`) and the
//! rules for the forms no list holds (initials, dotted forms, titles, `R-Ky.`).
//!
//! The two readers ask different questions of it. The name tokenizer asks whether a word
//! keeps the period that follows it ([`name_keeps_period`]: `Jr.`, `Calif.` are one word);
//! the sentence splitter asks whether a period after a word leaves the sentence open
//! ([`is_abbrev`]: `Sen.`, `etc.`). Each entry of the list says which of them reads it.

use crate::extract::entities::lexicon::{LexSet, is_title_word};
use std::sync::LazyLock;

const ABBREVIATIONS: &str = include_str!("../data/abbreviations.txt");

/// The list, split by reader.
struct Abbreviations {
    /// Read by the name tokenizer, as written.
    names: LexSet<&'static str>,
    /// Read by the sentence splitter, lower case.
    sentences: LexSet<String>,
    /// The longest entry of `sentences`: longer words skip the look-up.
    sentences_max_len: usize,
}

fn build() -> Abbreviations {
    let mut names = LexSet::default();
    let mut sentences = LexSet::default();
    for line in ABBREVIATIONS.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (word, reader) = line.split_once(' ').unwrap_or((line, ""));
        match reader.trim() {
            "" => {
                names.insert(word);
                sentences.insert(word.to_ascii_lowercase());
            }
            "names" => {
                names.insert(word);
            }
            "sentences" => {
                sentences.insert(word.to_ascii_lowercase());
            }
            other => panic!("abbreviations.txt: unknown reader {other:?} after {word}"),
        }
    }
    let sentences_max_len = sentences.iter().map(String::len).max().unwrap_or(0);
    Abbreviations {
        names,
        sentences,
        sentences_max_len,
    }
}

static LIST: LazyLock<Abbreviations> = LazyLock::new(build);

/// A single capital letter: an initial (`W`).
pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Whether the name tokenizer keeps a `.` after `word` (given without it) on the word: an
/// initial (`W.`), a dotted form of short parts (`U.S.`, `N.Y.`), a listed abbreviation
/// (`Jr.`, `Calif.`, case as listed) or a title (`Maj.`).
pub fn name_keeps_period(word: &str) -> bool {
    if is_initial(word) {
        return true;
    }
    if word.contains('.') {
        // U.S / N.Y / D.C: dotted abbreviations.
        return word
            .split('.')
            .all(|p| !p.is_empty() && p.chars().count() <= 2);
    }
    if LIST.names.contains(word) {
        return true;
    }
    is_title_with_period(word)
}

/// Whether `word` (given without its period) is a title written with one (`Maj`, `Fr`).
pub fn is_title_with_period(word: &str) -> bool {
    let mut with_dot = String::with_capacity(word.len() + 1);
    with_dot.push_str(word);
    with_dot.push('.');
    is_title_word(&with_dot)
}

/// Whether a period right after `word` leaves the sentence open: a listed abbreviation
/// (`Sen`, `etc`, any case), a word holding a dot (`U.S`), a party and state (`R-Ky`), an
/// initial (`J`) or a title (`Fr`, `Amb`).
pub fn is_abbrev(word: &str) -> bool {
    is_listed_for_sentences(word)
        || word.contains('.')
        // `R-Ky.`, `D-Calif.`: a party letter and a state abbreviation.
        || is_party_state(word)
        || is_initial(word)
        // `Fr.`, `Amb.`: a title before a name.
        || is_title_abbreviation(word)
}

/// A title written with a period (`Fr.`, `Amb.`, `Atty.`), given without it.
fn is_title_abbreviation(word: &str) -> bool {
    word.len() <= 8
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && is_title_with_period(word)
}

fn is_listed_for_sentences(word: &str) -> bool {
    let list = &*LIST;
    // Every listed abbreviation is short: longer words skip the list.
    if word.len() > list.sentences_max_len || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 16];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|l| list.sentences.contains(l))
}

/// `R-Ky`, `D-Calif`: a US party letter, a hyphen and a state abbreviation (the word before
/// its abbreviation dot).
fn is_party_state(word: &str) -> bool {
    word.split_once('-').is_some_and(|(party, state)| {
        matches!(party, "R" | "D" | "I")
            && (2..=6).contains(&state.len())
            && state.starts_with(|c: char| c.is_ascii_uppercase())
            && state.chars().all(|c| c.is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_reads_for_each_reader() {
        // Both readers.
        assert!(name_keeps_period("Jr") && is_abbrev("Jr") && is_abbrev("JR"));
        assert!(name_keeps_period("Sept") && is_abbrev("sept"));
        // Names only: a state may end a sentence.
        assert!(name_keeps_period("Calif") && !is_abbrev("Calif"));
        // Sentences only.
        assert!(!name_keeps_period("etc") && is_abbrev("etc") && is_abbrev("Approx"));
        // The name tokenizer reads the case as written.
        assert!(!name_keeps_period("JR") && !name_keeps_period("jr"));
        assert!(!is_abbrev("Approximately") && !is_abbrev("said"));
        assert!(LIST.sentences_max_len <= 16);
    }

    #[test]
    fn forms_found_by_rule() {
        assert!(name_keeps_period("W") && is_abbrev("W"));
        assert!(name_keeps_period("U.S") && is_abbrev("U.S"));
        assert!(!name_keeps_period("Dept.Gen") && is_abbrev("Dept.Gen"));
        assert!(name_keeps_period("Maj"));
        assert!(is_abbrev("R-Ky") && is_abbrev("D-Calif") && !is_abbrev("X-Ky"));
        // Titles keep the sentence open, as they keep their period.
        assert!(is_abbrev("Fr") && is_abbrev("Amb") && is_abbrev("Atty") && !is_abbrev("Frank"));
        assert!(!name_keeps_period("w") && !is_abbrev("w"));
    }
}
