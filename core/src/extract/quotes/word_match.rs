//! Word comparisons shared by the quote rules: ASCII lowercasing into a buffer, membership
//! in a word list ignoring ASCII case, and abbreviations before a period.

/// The longest entry of [`ABBREV`] (a test keeps this true).
const ABBREV_MAX_LEN: usize = 8;

const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "col", "maj", "capt", "sgt", "gov",
    "sen", "rep", "rev", "prof", "no", "inc", "corp", "co", "ltd", "vs", "etc", "jan", "feb",
    "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "adm", "cmdr", "cpl", "pvt", "ft",
    "mt", "messrs", "esq", "gov", "supt", "det", "insp", "cdr", "brig", "hon", "fig", "approx",
];

/// Lowercases an ASCII word into `buf`; `None` when too long or not ASCII.
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// True when `word` equals one of `set` ignoring ASCII case.
pub fn is_one_of(word: &str, set: &[&str]) -> bool {
    let w = word.as_bytes();
    let Some(&f) = w.first() else {
        return set.iter().any(|s| s.is_empty());
    };
    let f = f.to_ascii_lowercase();
    // Length and first byte reject most entries before the full comparison.
    set.iter().any(|s| {
        let b = s.as_bytes();
        b.len() == w.len() && b[0].to_ascii_lowercase() == f && s.eq_ignore_ascii_case(word)
    })
}

pub fn is_abbrev(word: &str) -> bool {
    // Every listed abbreviation is short: longer words skip the list.
    (word.len() <= ABBREV_MAX_LEN && is_one_of(word, ABBREV))
        || word.contains('.')
        // `R-Ky.`, `D-Calif.`: a party letter and a state abbreviation.
        || is_party_state(word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
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
    fn abbreviations_fit_the_length_cut() {
        assert!(ABBREV.iter().all(|a| a.len() <= ABBREV_MAX_LEN));
        assert!(is_abbrev("Messrs") && is_abbrev("approx") && is_abbrev("Jr"));
        assert!(!is_abbrev("Approximately"));
    }
}
