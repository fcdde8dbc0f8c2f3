//! The filter of the article and speaker lists: each word typed must match a word of the
//! item, best first.
//!
//! A query word matches a word of the text as, from best to weakest: the whole word; its
//! start; a run of letters inside it; its letters in order inside that one word, starting
//! with its first letter (`brdg` in `bridge`, three letters or more). Letters scattered
//! over several words are no match: `tar` does not find "Tax and regulation", nor a
//! surname a story whose words merely share its letters. Case and accents are ignored
//! (`maria` finds "María"). Items rank by the sum of their words' matches, then by how
//! early the first match comes (the title before the byline), then in their own order.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// How well one query word matched, weakest first.
const SUBSEQUENCE: u32 = 1;
const INSIDE: u32 = 2;
const PREFIX: u32 = 3;
const WHOLE: u32 = 4;

/// Keeps the items whose text matches every word of `pattern`, best first (ties keep
/// their order). An empty pattern keeps everything.
pub fn fuzzy_filter<T, S: AsRef<str>, F: Fn(&T) -> S>(
    pattern: &str,
    items: Vec<T>,
    text: F,
) -> Vec<T> {
    let query: Vec<Vec<char>> = words(pattern).map(|(_, w)| w).collect();
    if query.is_empty() {
        return items;
    }
    // One buffer for the folded text of every item: no allocation per item or word (a
    // filter runs over 100,000 titles at each key).
    let mut folded = Folded::default();
    let mut scored: Vec<(u32, usize, usize, T)> = items
        .into_iter()
        .enumerate()
        .filter_map(|(i, item)| {
            folded.set(text(&item).as_ref());
            let (score, first) = score(&query, &folded)?;
            Some((score, first, i, item))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().map(|(_, _, _, t)| t).collect()
}

/// The score of `text` for the query words and the position of its first matching word;
/// `None` when a query word matches no word of the text.
fn score(query: &[Vec<char>], text: &Folded) -> Option<(u32, usize)> {
    let mut best = text.best.take();
    best.clear();
    best.resize(query.len(), (0u32, usize::MAX));
    for (pos, range) in text.words.iter().enumerate() {
        let word = &text.chars[range.clone()];
        for (q, b) in query.iter().zip(best.iter_mut()) {
            let s = word_match(q, word);
            if s > b.0 {
                *b = (s, pos);
            }
        }
    }
    let found = best.iter().all(|b| b.0 > 0);
    let total = best.iter().map(|b| b.0).sum();
    let first = best.iter().map(|b| b.1).min().unwrap_or(0);
    text.best.set(best);
    found.then_some((total, first))
}

/// How query word `q` matches text word `w` (0: not at all).
fn word_match(q: &[char], w: &[char]) -> u32 {
    if q.len() > w.len() {
        return 0;
    }
    if q == w {
        return WHOLE;
    }
    if w.starts_with(q) {
        return PREFIX;
    }
    if w.windows(q.len()).any(|win| win == q) {
        return INSIDE;
    }
    if q.len() >= 3 && w[0] == q[0] {
        let mut rest = w[1..].iter();
        if q[1..].iter().all(|c| rest.any(|x| x == c)) {
            return SUBSEQUENCE;
        }
    }
    0
}

/// A text folded (lower case, no accents) and cut into words (runs of letters and digits).
#[derive(Default)]
struct Folded {
    chars: Vec<char>,
    words: Vec<std::ops::Range<usize>>,
    /// Room for the best match of each query word, reused.
    best: std::cell::Cell<Vec<(u32, usize)>>,
}

impl Folded {
    fn set(&mut self, s: &str) {
        self.chars.clear();
        self.words.clear();
        let mut start = None;
        for c in s.chars() {
            if c.is_ascii_alphanumeric() {
                start.get_or_insert(self.chars.len());
                self.chars.push(c.to_ascii_lowercase());
            } else if !c.is_ascii() && c.is_alphanumeric() {
                start.get_or_insert(self.chars.len());
                self.chars.extend(fold(c));
            } else if let Some(st) = start.take() {
                self.words.push(st..self.chars.len());
            }
        }
        if let Some(st) = start {
            self.words.push(st..self.chars.len());
        }
    }
}

/// The words of `s` (runs of letters and digits), folded (lower case, no accents), with
/// their position in order.
fn words(s: &str) -> impl Iterator<Item = (usize, Vec<char>)> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .enumerate()
        .map(|(i, w)| (i, w.chars().flat_map(fold).collect()))
}

/// A character without case or accent: `É` → `e`.
fn fold(c: char) -> impl Iterator<Item = char> {
    let mut base = c;
    if !c.is_ascii() {
        let mut first = None;
        decompose_canonical(c, |d| {
            if first.is_none() && !is_combining_mark(d) {
                first = Some(d);
            }
        });
        base = first.unwrap_or(c);
    }
    base.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter<'a>(q: &str, items: &[&'a str]) -> Vec<&'a str> {
        fuzzy_filter(q, items.to_vec(), |s| *s)
    }

    #[test]
    fn a_word_beats_letters_scattered_over_words_which_do_not_match_at_all() {
        let items = [
            "Tax and regulation",
            "Star wars",
            "Tariff talks",
            "The tar pits",
        ];
        assert_eq!(
            filter("tar", &items),
            ["The tar pits", "Tariff talks", "Star wars"]
        );
    }

    #[test]
    fn a_surname_finds_its_person_not_stories_sharing_its_letters() {
        let items = [
            "Ports operator opens second site",
            "Osei says the rail deal is done",
            "Kestrel Rail profits rise · Dr. Amara Osei",
        ];
        assert_eq!(filter("osei", &items), [items[1], items[2]]);
    }

    #[test]
    fn letters_in_order_inside_one_word_still_match_weakest() {
        let items = ["Budget vote", "River bridge rebuilt", "Bridging the gap"];
        assert_eq!(
            filter("brdg", &items),
            ["Bridging the gap", "River bridge rebuilt"]
        );
        assert_eq!(filter("rvr brdg", &items), ["River bridge rebuilt"]);
        // Two letters: a run only.
        assert_eq!(filter("bg", &items), Vec::<&str>::new());
    }

    #[test]
    fn every_word_must_match_and_case_and_accents_do_not_count() {
        let items = ["Ana María Ruiz", "Ana Ruiz", "Maria Lopez"];
        assert_eq!(filter("MARIA", &items), ["Maria Lopez", "Ana María Ruiz"]);
        assert_eq!(filter("ana ruiz", &items), ["Ana María Ruiz", "Ana Ruiz"]);
        assert_eq!(filter("", &items), items);
    }
}
