//! The cue lexicon: communication verbs in all their inflections and multiword cues,
//! compiled from `src/extract/data/cues.txt` into the binary and parsed once; and the
//! [`Cue`] found at a token of the text.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/cues.txt");

/// A small, fast, deterministic hasher for short ASCII keys (FNV-1a).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The grammatical form of a cue verb as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `say` (with a plural subject: "analysts say").
    Base,
    /// `says`.
    Third,
    /// `said` (past tense, also the participle when it is the same word).
    Past,
    /// `written` (participle distinct from the past tense).
    Participle,
    /// `saying`.
    Ing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    pub lemma: u16,
    pub form: Form,
    /// Can take a listener before the clause ("told reporters that").
    pub obj: bool,
    /// Only a cue with a named, group or document source.
    pub weak: bool,
    /// Reports speech only with `that` (`maintained that C`, not `maintained its lead`).
    pub that: bool,
    /// A cue next to quotation marks only, never of reported speech (`“Fine,” he
    /// shrugged`).
    pub quote: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    Verb,
    Source,
    Adjunct,
    Nonquote,
}

#[derive(Debug, Clone)]
pub struct Phrase {
    pub kind: PhraseKind,
    pub words: Vec<String>,
}

/// What a lowercase word can start: a bit per [`PhraseKind`], and the verb it is a form of.
#[derive(Debug, Clone, Copy, Default)]
pub struct Entry {
    pub kinds: u8,
    pub verb: Option<Verb>,
}

impl Entry {
    pub fn starts(&self, kind: PhraseKind) -> bool {
        self.kinds & (1 << kind as u8) != 0
    }
}

pub struct Lexicon {
    verbs: FastMap<String, Verb>,
    entries: FastMap<String, Entry>,
    lemmas: Vec<String>,
    phrases: Vec<Phrase>,
    /// Per phrase kind: first word → phrases.
    by_first: [FastMap<String, Vec<usize>>; 4],
    /// Pre-filter of `entries` on (first two bytes, length): most words are no cue and are
    /// rejected here without lowercasing or hashing.
    bloom: Vec<u64>,
}

const BLOOM_SLOTS: usize = 1024;

/// Bloom slot and bit of a lowercase ASCII key.
fn bloom_key(b0: u8, b1: u8, len: usize) -> (usize, u64) {
    let slot = (usize::from(b0) * 31 + usize::from(b1)) % BLOOM_SLOTS;
    (slot, 1u64 << (len % 64))
}

/// The lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(DATA))
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Regular third person singular: says, pushes, denies.
pub fn third(lemma: &str) -> String {
    let b = lemma.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &lemma[..n - 1])
    } else if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with('o')
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    }
}

/// Regular past tense: added, noted, denied.
pub fn past(lemma: &str) -> String {
    let b = lemma.as_bytes();
    let n = b.len();
    if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ied", &lemma[..n - 1])
    } else {
        format!("{lemma}ed")
    }
}

/// Regular -ing form: adding, noting, lying.
pub fn ing(lemma: &str) -> String {
    if let Some(stem) = lemma.strip_suffix("ie") {
        format!("{stem}ying")
    } else if lemma.ends_with('e')
        && !lemma.ends_with("ee")
        && !lemma.ends_with("ye")
        && !lemma.ends_with("oe")
        && lemma.len() > 2
    {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    }
}

impl Lexicon {
    fn parse(data: &str) -> Lexicon {
        let mut lex = Lexicon {
            verbs: FastMap::default(),
            entries: FastMap::default(),
            lemmas: Vec::new(),
            phrases: Vec::new(),
            by_first: Default::default(),
            bloom: vec![0; BLOOM_SLOTS],
        };
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(rest) = line.strip_prefix('@') {
                let mut it = rest.split_whitespace();
                let kind = match it.next() {
                    Some("verb") => PhraseKind::Verb,
                    Some("source") => PhraseKind::Source,
                    Some("adjunct") => PhraseKind::Adjunct,
                    Some("nonquote") => PhraseKind::Nonquote,
                    _ => continue,
                };
                let words: Vec<String> = it.map(|w| w.to_ascii_lowercase()).collect();
                if words.is_empty() {
                    continue;
                }
                let idx = lex.phrases.len();
                lex.by_first[kind as usize]
                    .entry(words[0].clone())
                    .or_default()
                    .push(idx);
                lex.phrases.push(Phrase { kind, words });
                continue;
            }
            let (forms, flags) = match line.split_once('|') {
                Some((f, fl)) => (f, fl),
                None => (line, ""),
            };
            let forms: Vec<&str> = forms.split_whitespace().collect();
            let Some(&lemma) = forms.first() else {
                continue;
            };
            if lex.lemmas.iter().any(|l| l == lemma) {
                continue;
            }
            let obj = flags.split_whitespace().any(|f| f == "obj");
            let weak = flags.split_whitespace().any(|f| f == "weak");
            let that = flags.split_whitespace().any(|f| f == "that");
            let quote = flags.split_whitespace().any(|f| f == "quote");
            let id = lex.lemmas.len() as u16;
            lex.lemmas.push(lemma.to_string());
            let third_f = forms.get(1).map_or_else(|| third(lemma), |s| s.to_string());
            let past_f = forms.get(2).map_or_else(|| past(lemma), |s| s.to_string());
            let part_f = forms
                .get(3)
                .map_or_else(|| past_f.clone(), |s| s.to_string());
            let ing_f = forms.get(4).map_or_else(|| ing(lemma), |s| s.to_string());
            let mut put = |w: &str, form: Form| {
                lex.verbs.entry(w.to_string()).or_insert(Verb {
                    lemma: id,
                    form,
                    obj,
                    weak,
                    that,
                    quote,
                });
            };
            put(&past_f, Form::Past);
            put(&third_f, Form::Third);
            put(lemma, Form::Base);
            put(&part_f, Form::Participle);
            put(&ing_f, Form::Ing);
        }
        for (w, v) in &lex.verbs {
            lex.entries.entry(w.clone()).or_default().verb = Some(*v);
        }
        for (k, map) in lex.by_first.iter().enumerate() {
            for w in map.keys() {
                lex.entries.entry(w.clone()).or_default().kinds |= 1 << k;
            }
        }
        for k in lex.entries.keys() {
            let b = k.as_bytes();
            let (slot, bit) = bloom_key(
                b.first().copied().unwrap_or(0),
                b.get(1).copied().unwrap_or(0),
                b.len(),
            );
            lex.bloom[slot] |= bit;
        }
        lex
    }

    /// False when no entry can equal `word` lowercased (ASCII); true means maybe.
    pub fn may_enter(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let (slot, bit) = bloom_key(
            b.first().map_or(0, u8::to_ascii_lowercase),
            b.get(1).map_or(0, u8::to_ascii_lowercase),
            b.len(),
        );
        self.bloom[slot] & bit != 0
    }

    /// Everything a lowercase word can start, in one lookup.
    pub fn entry(&self, lower: &str) -> Option<Entry> {
        self.entries.get(lower).copied()
    }

    /// The verb a lowercase word is a form of.
    pub fn verb(&self, lower: &str) -> Option<Verb> {
        self.verbs.get(lower).copied()
    }

    pub fn lemma(&self, id: u16) -> &str {
        &self.lemmas[id as usize]
    }

    pub fn lemma_count(&self) -> usize {
        self.lemmas.len()
    }

    /// Phrases whose first word is `lower`.
    pub fn phrases_from(&self, kind: PhraseKind, lower: &str) -> impl Iterator<Item = &Phrase> {
        self.by_first[kind as usize]
            .get(lower)
            .into_iter()
            .flat_map(move |v| v.iter().map(move |&i| &self.phrases[i]))
    }
}

/// A cue found in the text: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    /// The verb, for verb cues (for multiword verb cues, the phrase counts as past tense).
    pub verb: Option<Verb>,
    /// `according to`: the source follows.
    pub source: bool,
    /// A multiword cue ("was quoted as saying").
    pub phrase: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_are_generated() {
        assert_eq!(third("deny"), "denies");
        assert_eq!(third("stress"), "stresses");
        assert_eq!(past("note"), "noted");
        assert_eq!(past("testify"), "testified");
        assert_eq!(past("add"), "added");
        assert_eq!(ing("argue"), "arguing");
        assert_eq!(ing("see"), "seeing");
    }

    #[test]
    fn every_verb_is_listed_once() {
        // (The first line of a verb wins, so a second one would be dead data.)
        let mut seen = std::collections::HashSet::new();
        for line in DATA.lines().map(str::trim) {
            if line.is_empty() || line.starts_with(['#', '@']) {
                continue;
            }
            let lemma = line
                .split('|')
                .next()
                .and_then(|f| f.split_whitespace().next());
            if let Some(lemma) = lemma {
                assert!(seen.insert(lemma), "`{lemma}` is listed twice");
            }
        }
    }

    #[test]
    fn bloom_admits_every_entry_in_any_case() {
        let lex = lexicon();
        for k in lex.entries.keys() {
            assert!(lex.may_enter(k), "{k}");
            assert!(lex.may_enter(&k.to_ascii_uppercase()), "{k}");
        }
        assert!(!lex.may_enter("zzzzqqqq"));
    }

    #[test]
    fn lexicon_knows_forms_and_flags() {
        let lex = lexicon();
        assert!(lex.lemma_count() > 120, "{}", lex.lemma_count());
        let said = lex.verb("said").unwrap();
        assert_eq!(said.form, Form::Past);
        assert_eq!(lex.lemma(said.lemma), "say");
        assert_eq!(lex.verb("testified").unwrap().form, Form::Past);
        assert_eq!(lex.verb("wrote").unwrap().form, Form::Past);
        assert_eq!(lex.verb("written").unwrap().form, Form::Participle);
        assert!(lex.verb("told").unwrap().obj);
        assert!(lex.verb("reads").unwrap().weak);
        assert!(lex.verb("indicated").is_none() && lex.verb("ordered").is_none());
        assert!(lex.verb("maintained").unwrap().that);
        assert!(!lex.verb("added").unwrap().that);
        assert_eq!(lex.verb("adds").unwrap().form, Form::Third);
        for belief in [
            "thought", "believed", "hoped", "expected", "wanted", "agreed", "decided",
        ] {
            assert!(lex.verb(belief).is_none(), "{belief}");
        }
        assert!(
            lex.phrases_from(PhraseKind::Source, "according")
                .any(|p| p.kind == PhraseKind::Source && p.words == ["according", "to"])
        );
        assert!(
            lex.phrases_from(PhraseKind::Adjunct, "in")
                .any(|p| p.kind == PhraseKind::Adjunct)
        );
    }
}
