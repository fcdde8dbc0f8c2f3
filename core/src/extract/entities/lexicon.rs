//! Built-in lexicons, compiled in from the plain-text files under `src/extract/data/`.
//!
//! Every table is built once on first use and only read afterwards. Multiword entries are
//! stored by their words joined with single spaces; look-ups go through [`Lexicon::find`],
//! which tries the longest entry first at a token position.

use super::Gender;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

const PLACES: &str = include_str!("../data/places.txt");
const ORGS: &str = include_str!("../data/orgs.txt");
const ORG_CUES: &str = include_str!("../data/org_cues.txt");
const PLACE_CUES: &str = include_str!("../data/place_cues.txt");
const PLACE_PREFIXES: &str = include_str!("../data/place_prefixes.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const DEMONYMS: &str = include_str!("../data/demonyms.txt");
const GIVEN_NAMES: &str = include_str!("../data/given_names.txt");
const SURNAMES: &str = include_str!("../data/surnames.txt");
const STOPWORDS: &str = include_str!("../data/stopwords.txt");
const GENERIC: &str = include_str!("../data/generic_caps.txt");
const ROLES: &str = include_str!("../data/person_roles.txt");
/// Built by `tools/build_gazetteers.py` from GeoNames and the US Census name lists.
const GAZ_PLACES: &str = include_str!("../../../../assets/gazetteer/places.txt");
const GAZ_GIVEN: &str = include_str!("../../../../assets/gazetteer/given_names.txt");

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A fast hasher for the built-in tables. Their keys are fixed data, so a crafted input can
/// only miss them, never make their chains long; tables keyed by input words keep std's
/// randomized hasher.
#[derive(Default, Clone, Copy)]
pub struct LexHasher(u64);

impl LexHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for LexHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut v = [0u8; 8];
            v.copy_from_slice(c);
            self.add(u64::from_le_bytes(v));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut v = [0u8; 8];
            v[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(v));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type LexMap<K, V> = HashMap<K, V, BuildHasherDefault<LexHasher>>;
pub type LexSet<K> = HashSet<K, BuildHasherDefault<LexHasher>>;

/// A table of names (one or more words) mapping to a value, with the longest entry's
/// word count for bounded longest-match look-ups.
pub struct Lexicon<T> {
    map: LexMap<String, T>,
    /// First words of all entries: most words start none, and are rejected at once.
    firsts: LexSet<String>,
    max_words: usize,
}

impl<T> Lexicon<T> {
    fn new() -> Self {
        Self {
            map: LexMap::default(),
            firsts: LexSet::default(),
            max_words: 1,
        }
    }

    fn insert(&mut self, key: &str, value: T) {
        let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
        self.max_words = self.max_words.max(key.split(' ').count());
        if let Some(first) = key.split(' ').next() {
            self.firsts.insert(first.to_string());
        }
        self.map.entry(key).or_insert(value);
    }

    /// The value of an exact entry.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.map.get(key)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// Longest entry made of `words[0..n]`: returns `(n, value)`.
    pub fn find<S: AsRef<str>>(&self, words: &[S]) -> Option<(usize, &T)> {
        let max = self.max_words.min(words.len());
        if max == 0 || !self.firsts.contains(words[0].as_ref()) {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        for (i, w) in words.iter().take(max).enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(w.as_ref());
            if let Some(v) = self.map.get(&key) {
                best = Some((i + 1, v));
            }
        }
        best
    }
}

/// Index of a canonical place or organization in its table.
pub type Canon = usize;

pub struct Lexicons {
    /// Surface form → index into `place_names`.
    pub places: Lexicon<Canon>,
    pub place_names: Vec<String>,
    /// Surface form → index into `org_names`.
    pub orgs: Lexicon<Canon>,
    pub org_names: Vec<String>,
    pub org_cues: LexSet<String>,
    pub place_cues: Lexicon<()>,
    /// Words that start a place name (`Port Moresby`).
    pub place_prefixes: LexSet<String>,
    /// Title → gender cue.
    pub titles: Lexicon<Option<Gender>>,
    pub demonyms: Lexicon<()>,
    /// Given name → gender (None: either).
    pub given: LexMap<String, Option<Gender>>,
    pub surnames_first: LexSet<String>,
    pub stopwords: LexSet<String>,
    pub generic: LexSet<String>,
    /// Lowercase nouns for a person's role or occupation.
    pub roles: LexSet<String>,
    /// GeoNames places (countries, US states, cities): a place only where the context
    /// says so (`in Tarnów`), since many are also surnames or words.
    pub gazetteer: Lexicon<()>,
}

fn canon_table(data: &str) -> (Lexicon<Canon>, Vec<String>) {
    let mut lex = Lexicon::new();
    let mut names = Vec::new();
    for line in lines(data) {
        let mut forms = line.split('|').map(str::trim).filter(|f| !f.is_empty());
        let Some(canon) = forms.next() else { continue };
        if lex.contains(canon) {
            continue;
        }
        let idx = names.len();
        names.push(canon.to_string());
        lex.insert(canon, idx);
        for f in forms {
            lex.insert(f, idx);
        }
    }
    (lex, names)
}

fn set(data: &str) -> LexSet<String> {
    lines(data).map(str::to_string).collect()
}

fn build() -> Lexicons {
    let (places, place_names) = canon_table(PLACES);
    let (orgs, org_names) = canon_table(ORGS);
    let mut titles = Lexicon::new();
    for line in lines(TITLES) {
        let (t, g) = match line.rsplit_once('=') {
            Some((t, "M")) => (t, Some(Gender::Male)),
            Some((t, "F")) => (t, Some(Gender::Female)),
            _ => (line, None),
        };
        titles.insert(t, g);
    }
    let mut demonyms = Lexicon::new();
    for d in lines(DEMONYMS) {
        demonyms.insert(d, ());
    }
    let mut place_cues = Lexicon::new();
    for c in lines(PLACE_CUES) {
        place_cues.insert(c, ());
    }
    let mut given = LexMap::default();
    // The hand-made list first: its genders win over the census lists'.
    for line in lines(GIVEN_NAMES).chain(lines(GAZ_GIVEN)) {
        let mut it = line.split_whitespace();
        let (Some(n), g) = (it.next(), it.next()) else {
            continue;
        };
        let g = match g {
            Some("M") => Some(Gender::Male),
            Some("F") => Some(Gender::Female),
            _ => None,
        };
        given.entry(n.to_string()).or_insert(g);
    }
    let mut gazetteer = Lexicon::new();
    for p in lines(GAZ_PLACES) {
        gazetteer.insert(p, ());
    }
    Lexicons {
        places,
        place_names,
        orgs,
        org_names,
        org_cues: set(ORG_CUES),
        place_cues,
        place_prefixes: set(PLACE_PREFIXES),
        titles,
        demonyms,
        given,
        surnames_first: set(SURNAMES),
        stopwords: set(STOPWORDS),
        generic: set(GENERIC),
        roles: set(ROLES),
        gazetteer,
    }
}

static LEX: LazyLock<Lexicons> = LazyLock::new(build);

/// The built-in lexicons.
pub fn lex() -> &'static Lexicons {
    &LEX
}

/// `true` when `word` (as written, e.g. `Maj.` or `President`) is a title, rank or honorific.
pub fn is_title_word(word: &str) -> bool {
    lex().titles.contains(word)
}

/// Gender of a given name, when the lexicon knows the name: `Some(None)` for a name used
/// for either gender, `None` for a word that is not a known given name.
pub fn given_name(word: &str) -> Option<Option<Gender>> {
    lex().given.get(word).copied()
}

/// `true` when `word` is a known given name.
pub fn is_given_name(word: &str) -> bool {
    lex().given.contains_key(word)
}

/// The gender cue of a title (`Mrs.` → female), if it carries one.
pub fn title_gender(title: &str) -> Option<Gender> {
    lex().titles.get(title).copied().flatten()
}

/// `true` for a lowercase noun naming a person's role (`spokeswoman`, `analyst`).
pub fn is_role_noun(word: &str) -> bool {
    lex().roles.contains(word)
}

/// `true` for a nationality or regional adjective (`South Korean`, `Israeli`).
pub fn is_demonym(words: &str) -> bool {
    lex().demonyms.contains(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        let l = lex();
        assert!(l.place_names.len() > 300);
        assert!(l.given.len() > 1000);
        assert_eq!(
            l.places.get("U.S.").map(|&i| l.place_names[i].as_str()),
            Some("United States")
        );
        assert!(is_title_word("Maj."));
        assert!(is_title_word("Lieutenant Colonel"));
        assert_eq!(title_gender("Mrs."), Some(Gender::Female));
        assert_eq!(given_name("Matt"), Some(Some(Gender::Male)));
        assert_eq!(given_name("Taylor"), Some(None));
        assert_eq!(given_name("Table"), None);
        assert!(is_demonym("South Korean"));
        // The gazetteers: GeoNames cities, census given names.
        assert!(l.gazetteer.contains("Tarnów"));
        assert!(l.gazetteer.contains("Rio de Janeiro"));
        assert!(!l.gazetteer.contains("March"));
        assert_eq!(given_name("Lupita"), Some(Some(Gender::Female)));
        assert_eq!(given_name("Adalberto"), Some(Some(Gender::Male)));
    }

    #[test]
    fn longest_match_wins() {
        let l = lex();
        let words = ["Lieutenant", "Colonel", "Kim"];
        assert_eq!(l.titles.find(&words).map(|(n, _)| n), Some(2));
        let words = ["New", "York", "City", "Hall"];
        let (n, &i) = l.places.find(&words).unwrap();
        assert_eq!(n, 3);
        assert_eq!(l.place_names[i], "New York City");
    }
}
