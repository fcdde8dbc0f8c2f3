//! Features of the statistical name tagger ([`super::tagger`]), shared by training and
//! inference so both see exactly the same inputs.
//!
//! Every feature is a string hashed into one of `2^bits` buckets. A token's features come
//! from its own word, its neighbours (two on each side), the tags already given to the two
//! tokens before it, the built-in lexicons and two whole-document facts about its word:
//! whether the document also writes it capitalized inside a sentence, and whether it also
//! writes it in lowercase.

use super::lexicon::{Lexicons, lex};
use super::tokens::{NameToken, NameTokenKind};
use std::collections::HashMap;

/// Tags: `O`, then `B-`/`I-` for people, organizations and places.
pub const N_TAGS: usize = 7;
pub const O: u8 = 0;
pub const B_PER: u8 = 1;
pub const B_ORG: u8 = 3;
pub const B_LOC: u8 = 5;

/// `true` for the `B-` tags.
pub fn is_begin(tag: u8) -> bool {
    tag % 2 == 1
}

/// The `B-` tag of a tag's type (`I-ORG` → `B-ORG`); `O` for `O`.
pub fn type_of(tag: u8) -> u8 {
    if tag == O { O } else { (tag - 1) / 2 * 2 + 1 }
}

/// `tag` may follow `prev`: an `I-` tag only continues its own type.
pub fn allowed(prev: u8, tag: u8) -> bool {
    tag == O || is_begin(tag) || (prev != O && type_of(prev) == type_of(tag))
}

/// Punctuation that never sits inside a name: such a token is always `O`.
pub fn outside_names(t: &NameToken) -> bool {
    matches!(t.kind, NameTokenKind::Punct(c) if !matches!(c, '&' | '-' | '.' | '\'' | '\u{2019}'))
}

/// Short names of the tags, for features and reports.
pub const TAG_NAMES: [&str; N_TAGS] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

/// Whole-document facts about words, built in one pass over the tokens for the words asked
/// about (lowercased), so the cost stays linear and small when few words are asked about.
#[derive(Debug, Default)]
pub struct DocStats {
    /// Lowercased word → (times written capitalized not at a sentence start, times written
    /// in lowercase, times written right after a known given name).
    seen: HashMap<String, (u32, u32, u32)>,
}

impl DocStats {
    /// Facts for the words of `queries` (token indices) over the whole document.
    pub fn build(body: &str, toks: &[NameToken], queries: impl Iterator<Item = usize>) -> Self {
        let mut seen: HashMap<String, (u32, u32, u32)> = HashMap::new();
        // Cheap pre-filter on (first byte, length) before any hashing.
        let mut filter = [0u64; 256];
        for i in queries {
            let t = &toks[i];
            if !t.is_word() {
                continue;
            }
            let l = t.text(body).to_lowercase();
            filter[usize::from(l.as_bytes()[0])] |= 1 << (l.len() % 64);
            seen.entry(l).or_default();
        }
        if seen.is_empty() {
            return Self { seen };
        }
        let mut buf = String::new();
        let given = &lex().given;
        for (i, t) in toks.iter().enumerate().filter(|(_, t)| t.is_word()) {
            let w = t.text(body);
            let first = w.as_bytes()[0].to_ascii_lowercase();
            if filter[usize::from(first)] & (1 << (w.len() % 64)) == 0 {
                continue;
            }
            let upper = w.chars().next().is_some_and(char::is_uppercase);
            let lower_word = w.chars().next().is_some_and(char::is_lowercase);
            if !(upper && !t.sent_start || lower_word) {
                continue;
            }
            let key: &str = if w.chars().any(char::is_uppercase) {
                buf.clear();
                buf.extend(w.chars().flat_map(char::to_lowercase));
                &buf
            } else {
                w
            };
            if let Some(e) = seen.get_mut(key) {
                if upper && !t.sent_start {
                    e.0 += 1;
                }
                if lower_word {
                    e.1 += 1;
                }
                if upper && after_given(body, toks, i, given) {
                    e.2 += 1;
                }
            }
        }
        Self { seen }
    }

    /// The word of token `t` is written in lowercase somewhere in the document.
    pub fn lowercase_somewhere(&self, body: &str, t: &NameToken) -> bool {
        let w = t.text(body);
        w.chars().next().is_some_and(char::is_lowercase)
            || self
                .seen
                .get(&w.to_lowercase())
                .is_some_and(|&(_, low, _)| low > 0)
    }

    /// For the word of token `i` (lowercased `lower`): written capitalized inside a
    /// sentence elsewhere, written in lowercase elsewhere, written right after a known given
    /// name elsewhere (a surname: `Okoro` after `Anselm Okoro`).
    fn elsewhere(
        &self,
        lower: &str,
        body: &str,
        toks: &[NameToken],
        i: usize,
    ) -> (bool, bool, bool) {
        let (cap, low, given) = self.seen.get(lower).copied().unwrap_or_default();
        let t = &toks[i];
        let first = t.text(body).chars().next();
        let upper = first.is_some_and(char::is_uppercase);
        let me_cap = u32::from(upper && !t.sent_start);
        let me_low = u32::from(first.is_some_and(char::is_lowercase));
        let me_given = u32::from(upper && after_given(body, toks, i, &lex().given));
        (cap > me_cap, low > me_low, given > me_given)
    }
}

/// Token `i` follows a capitalized known given name directly (`Anselm Okoro`).
fn after_given(
    body: &str,
    toks: &[NameToken],
    i: usize,
    given: &super::lexicon::LexMap<String, Option<super::Gender>>,
) -> bool {
    i > 0
        && toks[i - 1].is_word()
        && !toks[i - 1].possessive
        && given.contains_key(toks[i - 1].text(body))
}

/// What the features need to know about one token.
#[derive(Debug, Clone, Default)]
pub struct Info {
    lower: String,
    shape: String,
    short_shape: String,
    /// `word`, `punct:<c>`, or `<none>` past the document's edges.
    class: &'static str,
    cap: &'static str,
    sent_start: bool,
    possessive: bool,
    lex_flags: u16,
    /// Length of the place / organization / demonym / title entry starting here (0: none).
    place_len: u8,
    org_len: u8,
    /// Capitalized elsewhere inside a sentence, lowercase elsewhere.
    doc_cap: bool,
    doc_lower: bool,
    /// Written right after a known given name elsewhere.
    doc_given: bool,
    /// The capitalized word ends like many surnames (`-son`, `-ski`, `-ova`, `-ez`).
    name_ending: Option<&'static str>,
}

const LX_GIVEN: u16 = 1;
const LX_SURNAME: u16 = 2;
const LX_ORG_CUE: u16 = 4;
const LX_TITLE: u16 = 8;
const LX_DEMONYM: u16 = 16;
const LX_STOP: u16 = 32;
const LX_GENERIC: u16 = 64;
const LX_PLACE_CUE: u16 = 128;
const LX_ROLE: u16 = 256;
const LX_OUTLET: u16 = 512;
const LX_SPEECH: u16 = 1024;
const LX_NAMES: [&str; 11] = [
    "given", "surname", "orgcue", "title", "demonym", "stop", "generic", "placecue", "role",
    "outlet", "speech",
];

/// Last words of newspapers' and outlets' names (`Harbor Ledger`, `Daily Courier`): the
/// organization cues of the rules leave media out, the tagger learns them as one class.
const OUTLET_WORDS: &[&str] = &[
    "Ledger",
    "Post",
    "Times",
    "Herald",
    "Tribune",
    "Journal",
    "Gazette",
    "Chronicle",
    "News",
    "Observer",
    "Guardian",
    "Telegraph",
    "Courier",
    "Mirror",
    "Bulletin",
    "Register",
    "Examiner",
    "Inquirer",
    "Dispatch",
    "Monitor",
    "Review",
    "Express",
    "Standard",
    "Sentinel",
    "Star",
    "Sun",
    "Record",
    "Daily",
    "Weekly",
    "Magazine",
    "Radio",
    "Television",
    "TV",
    "Wire",
    "Advertiser",
    "Argus",
    "Beacon",
    "Clarion",
    "Digest",
    "Globe",
    "Herald-Tribune",
];

/// Words that follow or precede a speaker (`Okoro said`, `according to Okoro`).
const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "explained",
    "wrote",
    "writes",
    "noted",
    "argued",
    "warned",
    "asked",
    "replied",
    "insisted",
    "stated",
    "claimed",
    "recalled",
    "according",
    "testified",
    "announced",
    "admitted",
    "acknowledged",
    "suggested",
];

/// Endings shared by many surnames across languages; a feature only on capitalized words.
const NAME_ENDINGS: &[&str] = &[
    "son", "sen", "ski", "sky", "ska", "ova", "eva", "ovic", "evic", "vić", "ić", "enko", "chuk",
    "yan", "ian", "oglu", "ez", "az", "stein", "berg", "mann", "poulos", "escu", "wicz", "dze",
    "shvili", "elli", "etti", "ini", "ucci", "aki", "awa", "moto", "uchi",
];

fn shapes(w: &str) -> (String, String) {
    let mut long = String::new();
    let mut short = String::new();
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if long.chars().count() < 8 {
            long.push(s);
        }
        if !short.ends_with(s) {
            short.push(s);
        }
    }
    (long, short)
}

fn cap_pattern(w: &str) -> &'static str {
    let mut cs = w.chars();
    let first = cs.next();
    let has_lower = w.chars().any(char::is_lowercase);
    let has_upper = w.chars().any(char::is_uppercase);
    match first {
        Some(c) if c.is_uppercase() && !has_lower => "allcaps",
        Some(c) if c.is_uppercase() && w.chars().skip(1).any(char::is_uppercase) => "mixed",
        Some(c) if c.is_uppercase() => "init",
        Some(c) if c.is_numeric() => "digit",
        _ if has_upper => "lowmixed",
        _ => "lower",
    }
}

/// Consecutive word texts from token `i` on (at most `n`), stopping at punctuation.
fn words_from<'a>(body: &'a str, toks: &[NameToken], i: usize, n: usize) -> Vec<&'a str> {
    toks[i..]
        .iter()
        .take(n)
        .take_while(|t| t.is_word())
        .map(|t| t.text(body))
        .collect()
}

/// The [`Info`] of token `i` (`None` past the edges).
pub fn info(body: &str, toks: &[NameToken], i: Option<usize>, stats: &DocStats) -> Info {
    let Some(i) = i.filter(|&i| i < toks.len()) else {
        return Info {
            class: "<none>",
            ..Info::default()
        };
    };
    let t = &toks[i];
    let w = t.text(body);
    if !t.is_word() {
        return Info {
            lower: w.to_string(),
            shape: w.to_string(),
            short_shape: w.to_string(),
            class: "punct",
            cap: "punct",
            sent_start: t.sent_start,
            ..Info::default()
        };
    }
    let lx: &Lexicons = lex();
    let lower = w.to_lowercase();
    let (shape, short_shape) = shapes(w);
    let mut f = 0;
    for (bit, hit) in [
        (LX_GIVEN, lx.given.contains_key(w)),
        (LX_SURNAME, lx.surnames_first.contains(w)),
        (LX_ORG_CUE, lx.org_cues.contains(w)),
        (LX_TITLE, lx.titles.contains(w)),
        (LX_DEMONYM, lx.demonyms.contains(w)),
        (LX_STOP, lx.stopwords.contains(w)),
        (LX_GENERIC, lx.generic.contains(w)),
        (LX_PLACE_CUE, lx.place_cues.contains(w)),
        (LX_ROLE, lx.roles.contains(lower.as_str())),
        (LX_OUTLET, OUTLET_WORDS.contains(&w)),
        (LX_SPEECH, SPEECH_WORDS.contains(&lower.as_str())),
    ] {
        if hit {
            f |= bit;
        }
    }
    let ahead = words_from(body, toks, i, 6);
    let place_len = lx.places.find(&ahead).map_or(0, |(n, _)| n as u8);
    let org_len = lx.orgs.find(&ahead).map_or(0, |(n, _)| n as u8);
    let (doc_cap, doc_lower, doc_given) = stats.elsewhere(&lower, body, toks, i);
    let cap = cap_pattern(w);
    let name_ending = (cap == "init")
        .then(|| {
            NAME_ENDINGS
                .iter()
                .find(|e| lower.ends_with(*e) && lower.len() > e.len() + 2)
        })
        .flatten()
        .copied();
    Info {
        lower,
        shape,
        short_shape,
        class: "word",
        cap,
        sent_start: t.sent_start,
        possessive: t.possessive,
        lex_flags: f,
        place_len,
        org_len,
        doc_cap,
        doc_lower,
        doc_given,
        name_ending,
    }
}

/// FNV-1a over a feature's parts.
struct Fh(u64);

impl Fh {
    fn new(template: u8) -> Self {
        let mut h = Self(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    fn s(mut self, s: &str) -> Self {
        for &b in s.as_bytes() {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }
    fn bucket(self, mask: u32) -> u32 {
        // Fold the high bits in: FNV's low bits mix poorly.
        ((self.0 ^ (self.0 >> 29) ^ (self.0 >> 47)) as u32) & mask
    }
}

fn prefix(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map_or(s.len(), |(k, _)| k);
    (s.chars().count() >= n).then(|| &s[..end])
}

fn suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count < n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map_or(0, |(k, _)| k);
    Some(&s[start..])
}

/// Hashed features of the token `win[2]`, with `win` its five-token window
/// (`win[0]`, `win[1]` before; `win[3]`, `win[4]` after), and the tags of the two tokens
/// before it. Buckets are masked with `mask`.
pub fn features(win: [&Info; 5], prev: u8, prev2: u8, mask: u32, out: &mut Vec<u32>) {
    out.clear();
    let me = win[2];
    let mut push = |h: Fh| out.push(h.bucket(mask));
    let p = TAG_NAMES[usize::from(prev)];
    let p2 = TAG_NAMES[usize::from(prev2)];
    push(Fh::new(0));
    push(Fh::new(1).s(&me.lower));
    push(Fh::new(2).s(&me.shape));
    push(Fh::new(3).s(&me.short_shape));
    push(
        Fh::new(4)
            .s(me.cap)
            .s(if me.sent_start { "s" } else { "-" }),
    );
    push(Fh::new(5).s(p));
    push(Fh::new(6).s(p).s(p2));
    push(Fh::new(7).s(p).s(&me.lower));
    push(Fh::new(8).s(p).s(&me.short_shape));
    if me.class == "word" {
        for n in 1..=4 {
            if let Some(x) = prefix(&me.lower, n) {
                push(Fh::new(10 + n as u8).s(x));
            }
            if let Some(x) = suffix(&me.lower, n) {
                push(Fh::new(20 + n as u8).s(x));
            }
        }
        for (k, name) in LX_NAMES.iter().enumerate() {
            if me.lex_flags & (1 << k) != 0 {
                push(Fh::new(30).s(name).s(me.cap));
            }
        }
        if me.place_len > 0 {
            push(Fh::new(31).s(&me.place_len.min(3).to_string()));
        }
        if me.org_len > 0 {
            push(Fh::new(32).s(&me.org_len.min(3).to_string()));
        }
        // Inside a lexicon entry that started one or two tokens before.
        for (k, b) in [(1usize, win[1]), (2, win[0])] {
            if usize::from(b.place_len) > k {
                push(Fh::new(33).s("place"));
            }
            if usize::from(b.org_len) > k {
                push(Fh::new(33).s("org"));
            }
        }
        let doc = match (me.doc_cap, me.doc_lower) {
            (true, true) => "both",
            (true, false) => "cap",
            (false, true) => "lower",
            (false, false) => "none",
        };
        push(
            Fh::new(34)
                .s(doc)
                .s(me.cap)
                .s(if me.sent_start { "s" } else { "-" }),
        );
        if me.possessive {
            push(Fh::new(35));
        }
        if me.sent_start {
            push(Fh::new(36).s(&me.lower));
        }
        if me.doc_given {
            push(Fh::new(37).s(if me.sent_start { "s" } else { "-" }));
        }
        if let Some(e) = me.name_ending {
            push(Fh::new(38).s(e));
        }
    }
    // Neighbours.
    for (k, n) in [(0u8, win[0]), (1, win[1]), (3, win[3]), (4, win[4])] {
        push(Fh::new(40 + k).s(n.class).s(&n.lower));
        push(Fh::new(50 + k).s(&n.short_shape));
        if n.class == "word" {
            for (b, name) in LX_NAMES.iter().enumerate() {
                if n.lex_flags & (1 << b) != 0
                    && (k == 1 || k == 3 || k == 4 && (1 << b) & (LX_OUTLET | LX_ORG_CUE) != 0)
                {
                    push(Fh::new(60 + k).s(name));
                }
            }
        }
    }
    push(Fh::new(70).s(&win[1].lower).s(&me.lower));
    push(Fh::new(71).s(&me.lower).s(&win[3].lower));
    push(
        Fh::new(72)
            .s(&win[1].short_shape)
            .s(&me.short_shape)
            .s(&win[3].short_shape),
    );
    push(Fh::new(73).s(p).s(&win[3].short_shape));
    if win[1].possessive {
        push(Fh::new(74).s(&me.short_shape));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn info_of(body: &str, word: &str, nth: usize) -> Info {
        let toks = tokenize(body);
        let stats = DocStats::build(body, &toks, 0..toks.len());
        let i = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.text(body) == word)
            .nth(nth)
            .map(|(i, _)| i)
            .expect("word in body");
        info(body, &toks, Some(i), &stats)
    }

    #[test]
    fn surname_seen_after_a_given_name() {
        let body = "Yesterday John Okoro lost. Later Okoro left the court.";
        // The second mention knows the first stood after a given name; the first does not
        // count itself.
        assert!(info_of(body, "Okoro", 1).doc_given);
        assert!(!info_of(body, "Okoro", 0).doc_given);
        let alone = "Later Okoro left the court.";
        assert!(!info_of(alone, "Okoro", 0).doc_given);
    }

    #[test]
    fn name_endings_only_on_capitalized_words() {
        assert_eq!(
            info_of("We met Kowalski.", "Kowalski", 0).name_ending,
            Some("ski")
        );
        assert_eq!(
            info_of("They met Petrova there.", "Petrova", 0).name_ending,
            Some("ova")
        );
        assert_eq!(info_of("It was risky.", "risky", 0).name_ending, None);
        // Too short to be an ending rather than the word.
        assert_eq!(info_of("We met Ian there.", "Ian", 0).name_ending, None);
    }

    #[test]
    fn outlet_words_and_speech_words_are_flagged() {
        let i = info_of("It was first reported by Harbor Ledger today.", "Ledger", 0);
        assert!(i.lex_flags & LX_OUTLET != 0);
        let s = info_of("Okoro said it was late.", "said", 0);
        assert!(s.lex_flags & LX_SPEECH != 0);
    }
}
