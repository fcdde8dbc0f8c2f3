//! A statistical name tagger: an averaged perceptron that gives each token a BIO tag for
//! people, organizations and places, left to right, with the two previous tags among its
//! features ([`super::tagger_features`]).
//!
//! The weights are built into the binary (`assets/ner.bin`, made by
//! `cargo run --release --example train_tagger`) and read in place: hashed feature buckets,
//! each holding one little-endian `i16` weight per tag. Nothing is parsed beyond the header,
//! so loading takes microseconds. The file format:
//!
//! | bytes | content |
//! |---|---|
//! | 8 | magic `ONRNER01` |
//! | 4 | `bits`: `2^bits` buckets (u32 LE) |
//! | 4 | number of tags, 7 (u32 LE) |
//! | 4 | weight unit: the quantized weights times this are the averaged weights (f32 LE) |
//! | 4 | training epochs (u32 LE, informational) |
//! | `2^bits * 7 * 2` | weights, bucket-major |
//!
//! Training ([`train`]) is deterministic: the same documents, epochs and seed give
//! byte-identical weights.

use super::chunks::{RawKind, RawMention};
use super::lexicon::lex;
use super::tagger_features::{
    B_ORG, B_PER, DocStats, Info, N_TAGS, O, allowed, features, info, is_begin, outside_names,
    type_of,
};
use super::tokens::NameToken;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"ONRNER01";
const HEADER: usize = 24;

static WEIGHTS: &[u8] = include_bytes!("../../../../assets/ner.bin");

/// Weights read in place from a byte buffer.
#[derive(Debug, Clone, Copy)]
pub struct Model<'a> {
    mask: u32,
    unit: f32,
    weights: &'a [u8],
}

impl<'a> Model<'a> {
    /// Reads the header; `None` when the buffer is not a weights file of this format.
    pub fn parse(bytes: &'a [u8]) -> Option<Self> {
        let u32_at = |o: usize| -> Option<u32> {
            Some(u32::from_le_bytes(bytes.get(o..o + 4)?.try_into().ok()?))
        };
        if bytes.get(..8)? != MAGIC {
            return None;
        }
        let bits = u32_at(8)?;
        if !(8..=24).contains(&bits) || u32_at(12)? as usize != N_TAGS {
            return None;
        }
        let unit = f32::from_bits(u32_at(16)?);
        let n = (1usize << bits) * N_TAGS * 2;
        let weights = bytes.get(HEADER..HEADER + n)?;
        (bytes.len() == HEADER + n && unit.is_finite()).then_some(Self {
            mask: (1 << bits) - 1,
            unit,
            weights,
        })
    }

    /// Mask for feature buckets.
    pub fn mask(&self) -> u32 {
        self.mask
    }

    /// Adds bucket `b`'s weights to `scores`.
    fn add(&self, b: u32, scores: &mut [i32; N_TAGS]) {
        let o = b as usize * N_TAGS * 2;
        let row = &self.weights[o..o + N_TAGS * 2];
        for (k, s) in scores.iter_mut().enumerate() {
            *s += i32::from(i16::from_le_bytes([row[2 * k], row[2 * k + 1]]));
        }
    }

    /// Scores of every tag for one token.
    fn scores(&self, feats: &[u32]) -> [i32; N_TAGS] {
        let mut s = [0i32; N_TAGS];
        for &f in feats {
            self.add(f, &mut s);
        }
        s
    }

    /// The weight unit (averaged weight per quantized step).
    pub fn unit(&self) -> f32 {
        self.unit
    }
}

/// The built-in model, or `None` when the binary carries no usable weights.
pub fn model() -> Option<Model<'static>> {
    static M: OnceLock<Option<Model<'static>>> = OnceLock::new();
    *M.get_or_init(|| Model::parse(WEIGHTS))
}

/// One token's tag and how far its score leads the best other allowed tag (in model
/// units).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tagged {
    pub tag: u8,
    pub margin: i32,
}

/// Best allowed tag after `prev`, and its lead over the runner-up; `O` for punctuation
/// outside names.
fn best(scores: &[i32; N_TAGS], prev: u8, tok: &NameToken) -> Tagged {
    if outside_names(tok) {
        return Tagged { tag: O, margin: 0 };
    }
    let mut top = (O, i32::MIN);
    let mut second = i32::MIN;
    for (t, &s) in scores.iter().enumerate() {
        let t = t as u8;
        if !allowed(prev, t) {
            continue;
        }
        if s > top.1 {
            second = top.1;
            top = (t, s);
        } else if s > second {
            second = s;
        }
    }
    Tagged {
        tag: top.0,
        margin: top.1.saturating_sub(second),
    }
}

/// Infos of tokens `range.start - 2 .. range.end + 2` (edges as `<none>`).
fn infos(body: &str, toks: &[NameToken], range: &Range<usize>, stats: &DocStats) -> Vec<Info> {
    (range.start as isize - 2..range.end as isize + 2)
        .map(|i| info(body, toks, usize::try_from(i).ok(), stats))
        .collect()
}

/// Tags tokens `range` left to right; the token before the range counts as `O`.
pub fn tag_range(
    m: &Model,
    body: &str,
    toks: &[NameToken],
    range: Range<usize>,
    stats: &DocStats,
) -> Vec<Tagged> {
    let inf = infos(body, toks, &range, stats);
    let mut out = Vec::with_capacity(range.len());
    let (mut prev, mut prev2) = (O, O);
    let mut feats = Vec::with_capacity(64);
    for k in 0..range.len() {
        let win = [&inf[k], &inf[k + 1], &inf[k + 2], &inf[k + 3], &inf[k + 4]];
        features(win, prev, prev2, m.mask, &mut feats);
        let t = best(&m.scores(&feats), prev, &toks[range.start + k]);
        out.push(t);
        prev2 = prev;
        prev = t.tag;
    }
    out
}

/// Tags a whole document (statistics over all its words).
pub fn tag_document(m: &Model, body: &str, toks: &[NameToken]) -> Vec<u8> {
    let stats = DocStats::build(body, toks, 0..toks.len());
    tag_range(m, body, toks, 0..toks.len(), &stats)
        .into_iter()
        .map(|t| t.tag)
        .collect()
}

/// Entity spans of a tag sequence: `(tokens, B- tag of the type)`. An `I-` tag without its
/// `B-` opens a span too.
pub fn spans(tags: &[u8]) -> Vec<(Range<usize>, u8)> {
    let mut out: Vec<(Range<usize>, u8)> = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = t != O && !is_begin(t) && open.is_some_and(|(_, ty)| ty == type_of(t));
        if continues {
            continue;
        }
        if let Some((s, ty)) = open.take() {
            out.push((s..i, ty));
        }
        if t != O {
            open = Some((i, type_of(t)));
        }
    }
    if let Some((s, ty)) = open {
        out.push((s..tags.len(), ty));
    }
    out
}

/// A training document: its body, tokens and one gold tag per token.
pub struct TrainDoc {
    pub body: String,
    pub toks: Vec<NameToken>,
    pub gold: Vec<u8>,
}

/// A small deterministic generator for shuffling (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Averaged-perceptron parameters during training.
struct Params {
    w: Vec<i32>,
    total: Vec<i64>,
    stamp: Vec<u32>,
    step: u32,
}

impl Params {
    fn update(&mut self, feats: &[u32], tag: usize, delta: i32) {
        for &f in feats {
            let k = f as usize * N_TAGS + tag;
            self.total[k] += i64::from(self.w[k]) * i64::from(self.step - self.stamp[k]);
            self.stamp[k] = self.step;
            self.w[k] += delta;
        }
    }

    fn scores(&self, feats: &[u32]) -> [i32; N_TAGS] {
        let mut s = [0i32; N_TAGS];
        for &f in feats {
            let row = &self.w[f as usize * N_TAGS..(f as usize + 1) * N_TAGS];
            for (a, b) in s.iter_mut().zip(row) {
                *a += b;
            }
        }
        s
    }
}

/// Trains on `docs` for `epochs` passes (documents shuffled with `seed`) into `2^bits`
/// buckets, and returns the weights file.
pub fn train(docs: &[TrainDoc], epochs: u32, seed: u64, bits: u32) -> Vec<u8> {
    train_runs(docs, epochs, seed, 1, bits)
}

/// Like [`train`], but averages the weights of `runs` perceptrons trained on different
/// document orders (seeds `seed`, `seed + 1`, …): on a small corpus one order's luck moves
/// the scores by several points, the average much less.
pub fn train_runs(docs: &[TrainDoc], epochs: u32, seed: u64, runs: u32, bits: u32) -> Vec<u8> {
    let n = (1usize << bits) * N_TAGS;
    let mut avg = vec![0f64; n];
    for r in 0..u64::from(runs.max(1)) {
        for (a, b) in avg.iter_mut().zip(train_avg(docs, epochs, seed + r, bits)) {
            *a += b;
        }
    }
    let runs = f64::from(runs.max(1));
    avg.iter_mut().for_each(|a| *a /= runs);
    quantize(&avg, epochs, bits)
}

/// The averaged perceptron weights of one training run.
fn train_avg(docs: &[TrainDoc], epochs: u32, seed: u64, bits: u32) -> Vec<f64> {
    let mask = (1u32 << bits) - 1;
    let n = (1usize << bits) * N_TAGS;
    let mut p = Params {
        w: vec![0; n],
        total: vec![0; n],
        stamp: vec![0; n],
        step: 0,
    };
    // Infos per document, padded with two `<none>` tokens at each edge.
    let infos: Vec<Vec<Info>> = docs
        .iter()
        .map(|d| {
            let stats = DocStats::build(&d.body, &d.toks, 0..d.toks.len());
            infos(&d.body, &d.toks, &(0..d.toks.len()), &stats)
        })
        .collect();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut feats = Vec::with_capacity(64);
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &d in &order {
            let (doc, inf) = (&docs[d], &infos[d]);
            let (mut prev, mut prev2) = (O, O);
            for (k, &gold) in doc.gold.iter().enumerate() {
                let win = [&inf[k], &inf[k + 1], &inf[k + 2], &inf[k + 3], &inf[k + 4]];
                if outside_names(&doc.toks[k]) {
                    (prev2, prev) = (prev, O);
                    continue;
                }
                features(win, prev, prev2, mask, &mut feats);
                p.step += 1;
                let guess = best(&p.scores(&feats), prev, &doc.toks[k]).tag;
                if guess != gold {
                    p.update(&feats, usize::from(gold), 1);
                    p.update(&feats, usize::from(guess), -1);
                }
                prev2 = prev;
                prev = guess;
            }
        }
    }
    // Average.
    let steps = f64::from(p.step.max(1));
    (0..n)
        .map(|k| {
            let total = p.total[k] + i64::from(p.w[k]) * i64::from(p.step - p.stamp[k]);
            total as f64 / steps
        })
        .collect()
}

/// The weights file of averaged weights `avg`, quantized to `i16`.
fn quantize(avg: &[f64], epochs: u32, bits: u32) -> Vec<u8> {
    let n = avg.len();
    let max = avg.iter().fold(0f64, |m, &a| m.max(a.abs())).max(1e-9);
    let unit = max / f64::from(i16::MAX);
    let mut out = Vec::with_capacity(HEADER + n * 2);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
    out.extend_from_slice(&(unit as f32).to_bits().to_le_bytes());
    out.extend_from_slice(&epochs.to_le_bytes());
    for &a in avg {
        let q = (a / unit)
            .round()
            .clamp(f64::from(i16::MIN), f64::from(i16::MAX)) as i16;
        out.extend_from_slice(&q.to_le_bytes());
    }
    out
}

/// Least lead of the tagger's tag over the runner-up (in quantized units) for each token of
/// a name it types.
const MIN_MARGIN: i32 = 0;

/// The tagger's reading of a candidate name over tokens `range`: the type of one name
/// covering exactly those tokens, `Some(O)` when it sees no name there, `None` otherwise.
fn read_name(
    m: &Model,
    body: &str,
    toks: &[NameToken],
    range: Range<usize>,
    stats: &DocStats,
) -> Option<u8> {
    let tags = tag_range(m, body, toks, range.clone(), stats);
    if tags.iter().all(|t| t.tag == O) {
        return Some(O);
    }
    let sp = spans(&tags.iter().map(|t| t.tag).collect::<Vec<_>>());
    match sp.as_slice() {
        [(r, ty)] if *r == (0..range.len()) && tags.iter().all(|t| t.margin > MIN_MARGIN) => {
            Some(*ty)
        }
        _ => None,
    }
}

/// Gives a type to the multiword capitalized runs the rules left open
/// ([`RawKind::UnknownMulti`]) when the tagger reads every mention of that run in the
/// document as one person or one organization (or an organization noun in apposition says
/// so: `its parent company, NAME,`); drops such runs written in capitals that
/// the tagger reads as no name at all (subheads). Names the lexicons, cues or titles typed
/// are left as they are, and so are lone words (they link to a known name or need a context
/// cue) and places (the rules' place contexts are surer than the tagger's).
pub fn refine(body: &str, toks: &[NameToken], raws: &mut Vec<RawMention>) {
    let Some(m) = model() else { return };
    let open = |r: &RawMention| r.kind == RawKind::UnknownMulti;
    if !raws.iter().any(|r| open(r) || lone(r)) {
        return;
    }
    let stats = DocStats::build(
        body,
        toks,
        raws.iter()
            .filter(|r| open(r) || lone(r))
            .flat_map(|r| r.first_tok..r.next_tok),
    );
    let lx = lex();
    // The reading of each run's text over all its mentions: one sense per document, and
    // mentions that disagree leave the name to the rules.
    let mut reading: HashMap<&str, Option<u8>> = HashMap::new();
    // Words that are already a known person's surname: a run that starts with one is named
    // after that person (`Trump Tower`, `Trump Train`), not another person.
    let surnames: std::collections::HashSet<&str> = raws
        .iter()
        .filter(|r| r.kind == RawKind::Person)
        .filter_map(|r| r.words.last().map(|w| &body[w.clone()]))
        .collect();
    let mut subheads: Vec<usize> = Vec::new();
    for (i, r) in raws.iter().enumerate().filter(|(_, r)| open(r)) {
        let text = &body[r.name.clone()];
        // Words the document also writes in lowercase, or that the lexicons know as
        // capitalized common words, make a phrase, a title or a product rather than a name
        // (`Bad Blood`, `Touch Bar`, `Assange Timeline`).
        let common = r.words.iter().any(|w| {
            let k = toks.partition_point(|t| t.start < w.start);
            let word = &body[w.clone()];
            lx.generic.contains(word)
                || lx.stopwords.contains(word)
                || toks
                    .get(k)
                    .is_some_and(|t| stats.lowercase_somewhere(body, t))
        });
        let shouting = r.words.len() >= 2
            && r.words.iter().all(|w| {
                let w = &body[w.clone()];
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase)
            });
        let read = read_name(&m, body, toks, r.first_tok..r.next_tok, &stats);
        if shouting && read == Some(O) {
            subheads.push(i);
        }
        // A title or rank opening the run is the rules' business (`Justice Ann Poe`,
        // `Chief of Staff Ann Poe`): the tagger's reading would keep it in the name.
        let first_word = r.words.first().map(|w| &body[w.clone()]).unwrap_or("");
        let titled = lx.titles.contains(first_word) || first_word == "Staff";
        let named_after = r.words.len() >= 2 && surnames.contains(first_word);
        let read = match read {
            Some(B_PER) if titled || named_after => None,
            Some(ty @ (B_PER | B_ORG)) if !common && !shouting => Some(ty),
            _ => None,
        };
        reading
            .entry(text)
            .and_modify(|e| {
                if *e != read {
                    *e = None;
                }
            })
            .or_insert(read);
    }
    let kinds: Vec<Option<RawKind>> = raws
        .iter()
        .map(|r| {
            if !open(r) {
                return None;
            }
            // (`The quarry's parent company, Hallam Aggregates,`: an organization noun in
            // apposition is surer than the tagger's reading.)
            if super::context::org_appositive(body, toks, r) {
                return Some(RawKind::Org);
            }
            match reading.get(&body[r.name.clone()]).copied().flatten() {
                Some(B_PER) => Some(RawKind::Person),
                Some(B_ORG) => Some(RawKind::Org),
                _ => None,
            }
        })
        .collect();
    for (r, k) in raws.iter_mut().zip(kinds) {
        if let Some(k) = k {
            r.kind = k;
        }
    }
    for i in subheads.into_iter().rev() {
        raws.remove(i);
    }
    lone_people(&m, body, toks, raws, &stats);
}

/// A lone capitalized word no rule placed, inside a sentence.
fn lone(r: &RawMention) -> bool {
    r.kind == RawKind::Unknown && r.words.len() == 1 && !r.sent_initial
}

/// Lone words the rules left open become people when the tagger reads most mentions of the
/// word inside a sentence as a person and one of them stands where people stand (`Okoro
/// said`, `Okoro, who ...`, `the economist Okoro`): the context alone would also take
/// `Vexo said` for a person, and the tagger alone is too unsure about lone words. Words the
/// document writes in lowercase, capitalized common words and demonyms stay open.
fn lone_people(
    m: &Model,
    body: &str,
    toks: &[NameToken],
    raws: &mut [RawMention],
    stats: &DocStats,
) {
    let lx = lex();
    // Per word: mentions read as a person, mentions, a person context seen.
    let mut reading: HashMap<&str, (u32, u32, bool)> = HashMap::new();
    for r in raws.iter().filter(|r| lone(r)) {
        let text = &body[r.name.clone()];
        let t = &toks[r.first_tok];
        let plain = text.chars().skip(1).any(char::is_lowercase)
            && !lx.generic.contains(text)
            && !lx.stopwords.contains(text)
            && !lx.demonyms.contains(text)
            && !text
                .strip_suffix('s')
                .is_some_and(|w| lx.demonyms.contains(w))
            && !lx.titles.contains(text)
            && !stats.lowercase_somewhere(body, t);
        let tags = tag_range(m, body, toks, r.first_tok..r.next_tok, stats);
        let person = plain && tags.len() == 1 && tags[0].tag == B_PER;
        let cue = super::context::person_context(body, toks, r);
        let e = reading.entry(text).or_insert((0, 0, false));
        e.0 += u32::from(person);
        e.1 += 1;
        e.2 |= cue;
    }
    let people: Vec<bool> = raws
        .iter()
        .map(|r| {
            lone(r)
                && reading
                    .get(&body[r.name.clone()])
                    .is_some_and(|&(p, n, cue)| 2 * p >= n && p > 0 && cue)
        })
        .collect();
    for (r, p) in raws.iter_mut().zip(people) {
        if p {
            r.kind = RawKind::Person;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tagger_features::{B_LOC, TAG_NAMES};
    use super::super::tokens::tokenize;
    use super::*;

    /// A document whose names are marked `[PER Ana Lind]`, with its gold tags.
    fn marked(src: &str) -> TrainDoc {
        let mut body = String::new();
        let mut names: Vec<(Range<usize>, u8)> = Vec::new();
        let mut rest = src;
        while let Some(open) = rest.find('[') {
            body.push_str(&rest[..open]);
            let close = rest[open..].find(']').expect("closed mark") + open;
            let (ty, name) = rest[open + 1..close].split_once(' ').expect("typed mark");
            let tag = match ty {
                "PER" => B_PER,
                "ORG" => B_ORG,
                _ => B_LOC,
            };
            names.push((body.len()..body.len() + name.len(), tag));
            body.push_str(name);
            rest = &rest[close + 1..];
        }
        body.push_str(rest);
        let toks = tokenize(&body);
        let gold = toks
            .iter()
            .map(|t| {
                names
                    .iter()
                    .find(|(r, _)| r.contains(&t.start))
                    .map_or(
                        O,
                        |(r, tag)| if r.start == t.start { *tag } else { tag + 1 },
                    )
            })
            .collect();
        TrainDoc { body, toks, gold }
    }

    fn synthetic() -> Vec<TrainDoc> {
        [
            "Yesterday [PER Ana Lind] met [PER Bo Varga] at [ORG Kestrel Bank] in [LOC Oslo].",
            "The mayor of [LOC Tarsk] said [ORG Vexo Holdings] would pay. [PER Ana Lind] agreed.",
            "Later [PER Ilse Moreau] flew to [LOC Lisbon] for [ORG Harbor Mutual].",
        ]
        .iter()
        .map(|s| marked(s))
        .collect()
    }

    #[test]
    fn training_is_reproducible_and_learns() {
        let docs = synthetic();
        let a = train(&docs, 6, 3, 12);
        let b = train(&docs, 6, 3, 12);
        assert_eq!(a, b, "same data and seed, same bytes");
        assert_eq!(a.len(), HEADER + (1 << 12) * N_TAGS * 2);
        let m = Model::parse(&a).expect("weights parse");
        for d in &docs {
            let got = tag_document(&m, &d.body, &d.toks);
            let names = |t: &[u8]| {
                t.iter()
                    .map(|&x| TAG_NAMES[usize::from(x)])
                    .collect::<Vec<_>>()
            };
            assert_eq!(names(&got), names(&d.gold), "{}", d.body);
        }
        // Another seed changes the order of the documents, not the format.
        let c = train(&docs, 6, 4, 12);
        assert_eq!(c.len(), a.len());
    }

    #[test]
    fn bad_weights_are_refused() {
        assert!(Model::parse(b"").is_none());
        assert!(Model::parse(b"ONRNER01\x12\0\0\0\x07\0\0\0").is_none());
        let mut w = train(&synthetic(), 1, 1, 10);
        w.pop();
        assert!(Model::parse(&w).is_none());
    }

    #[test]
    fn spans_from_tags() {
        // O B-PER I-PER B-ORG I-LOC O
        assert_eq!(
            spans(&[O, 1, 2, 3, 6, O]),
            vec![(1..3, B_PER), (3..4, B_ORG), (4..5, B_LOC)]
        );
    }

    #[test]
    fn built_in_weights_load_quickly() {
        let t = std::time::Instant::now();
        let m = model().expect("built-in weights");
        assert!(t.elapsed().as_millis() < 50);
        assert!(m.unit() > 0.0);
        assert!(WEIGHTS.len() <= 10 << 20);
    }

    #[test]
    fn tagging_is_deterministic() {
        let m = model().expect("built-in weights");
        let body = "On Monday, Tomasz Wierzbicki told the Harbor Ledger that Port Velmar was calm.";
        let toks = tokenize(body);
        let a = tag_document(&m, body, &toks);
        let b = tag_document(&m, body, &toks);
        assert_eq!(a, b);
        assert_eq!(a.len(), toks.len());
    }
}

#[cfg(test)]
mod combined {
    use super::super::recognize;
    use crate::article::Article;
    use crate::extract::EntityKind;

    fn names(body: &str, kind: EntityKind) -> Vec<String> {
        let a = Article {
            body: body.to_string(),
            ..Article::default()
        };
        recognize(&a)
            .entities
            .into_iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name)
            .collect()
    }

    #[test]
    fn unknown_person_name_is_a_person() {
        let body = "The plan drew criticism on Monday. Tomasz Wierzbicki met the mayor in \
                    the afternoon, and Tomasz Wierzbicki left before the vote.";
        assert_eq!(names(body, EntityKind::Person), ["Tomasz Wierzbicki"]);
    }

    #[test]
    fn unknown_outlet_is_an_organization() {
        let body = "The figures were first reported by the Harbor Ledger on Tuesday. \
                    The Harbor Ledger later corrected one number.";
        assert_eq!(names(body, EntityKind::Organization), ["Harbor Ledger"]);
        assert!(names(body, EntityKind::Person).is_empty());
    }

    #[test]
    fn capital_subheads_are_no_names() {
        let body = "The council met on Tuesday.\n\nWHAT COMES NEXT\n\nThe vote is in May.";
        for kind in [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Place,
        ] {
            assert!(names(body, kind).is_empty(), "{kind:?}");
        }
    }

    #[test]
    fn lone_unknown_speaker_is_a_person() {
        let body = "The harbour plan was delayed again, Kowalski said on Monday. The \
                    fishermen had asked Kowalski for a delay. \"We are not ready,\" Kowalski \
                    added.";
        assert_eq!(names(body, EntityKind::Person), ["Kowalski"]);
    }

    #[test]
    fn lone_word_without_a_person_context_stays_open() {
        let body = "The harbour plan was delayed again after Kowalski objected on Monday. \
                    The fishermen had asked Kowalski for a delay. Kowalski will meet in June.";
        assert!(names(body, EntityKind::Person).is_empty());
    }

    #[test]
    fn plural_demonym_is_no_speaker() {
        let body = "The vote was close. Many Ukrainians said the plan came too late, \
                    and the council agreed.";
        assert!(names(body, EntityKind::Person).is_empty());
    }

    #[test]
    fn common_phrases_stay_unnamed() {
        let body = "The band played Bad Blood twice. It was a bad night for the crowd.";
        assert!(names(body, EntityKind::Person).is_empty());
    }
}
