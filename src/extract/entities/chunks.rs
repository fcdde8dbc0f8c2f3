//! Candidate names: runs of capitalized words, split at titles and classified into people,
//! organizations, places and unresolved names with the lexicons.
//!
//! A run is a maximal sequence of capitalized words inside one sentence, joined by name
//! particles (`de`, `van`, `bin`) and organization connectors (`of`, `for`, `and`, `&`).
//! Runs end at punctuation and after a possessive (`Israel’s | Fisher Institute`).

use super::Gender;
use super::lexicon::{Lexicons, lex};
use super::tokens::{Kind, Token};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawKind {
    Person,
    Org,
    Place,
    /// One capitalized word that no rule placed: linked later to a known entity or dropped.
    Unknown,
    /// Several capitalized words without a given name or title: a person when the context
    /// says so (an appositive, a speech verb), dropped otherwise.
    UnknownMulti,
}

#[derive(Debug, Clone)]
pub struct Raw {
    pub kind: RawKind,
    /// The name without a title or rank.
    pub name: Range<usize>,
    /// The whole surface form, with a title when there is one.
    pub full: Range<usize>,
    /// Byte spans of the name's words (people: given names, particles, surname).
    pub words: Vec<Range<usize>>,
    /// Canonical name from a lexicon (places, known organizations).
    pub canon: Option<String>,
    /// The title before the name, if any.
    pub title: Option<Range<usize>>,
    pub gender: Option<Gender>,
    /// The name opens its sentence (its capital says nothing).
    pub sent_initial: bool,
    /// Index of the token after the name.
    pub next_tok: usize,
    /// Index of the first token of the surface form.
    pub first_tok: usize,
}

/// Lowercase words that may sit inside a person's name.
pub const PARTICLES: &[&str] = &[
    "de", "del", "della", "der", "den", "di", "da", "do", "dos", "das", "du", "van", "von", "ter",
    "bin", "ibn", "al", "el", "la", "le", "st.",
];

/// Lowercase words that may sit inside an organization's name.
const ORG_CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "de", "du", "des"];

fn is_cap_word(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => true,
        // al-Assad, el-Sisi, d'Estaing
        Some('a' | 'e') => {
            (w.starts_with("al-") || w.starts_with("el-"))
                && w[3..].chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

fn is_all_caps(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !w.chars().any(char::is_lowercase)
}

/// `SEOUL` → `Seoul` for lexicon look-ups of words written in capitals.
fn titlecase(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut first = true;
    for c in w.chars() {
        if first {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        first = !c.is_alphanumeric();
    }
    out
}

/// `true` when the word (or a part of a hyphenated word) is an organization cue.
pub fn has_org_cue(lx: &Lexicons, w: &str) -> bool {
    lx.org_cues.contains(w) || (w.contains('-') && w.split('-').any(|p| lx.org_cues.contains(p)))
}

/// Collects the runs of capitalized words: each run is a list of token indices (words and
/// the connectors and `&` inside).
pub fn runs(body: &str, toks: &[Token]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let w = t.text(body);
        let starts_new = t.para_start || (t.sent_start && !cur.is_empty());
        if starts_new && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if t.is_word() && is_cap_word(w) {
            cur.push(i);
            // `People’s Liberation Army`, `Magistrate's Court`: a possessive generic word or
            // title inside a name does not end it.
            let lx = lex();
            let joins = t.possessive && {
                let next_cap = toks
                    .get(i + 1)
                    .is_some_and(|n| n.is_word() && is_cap_word(n.text(body)));
                // `Teachers’ Union`, `Farmers' Federation`: a plural possessive before an
                // organization cue is inside the name.
                let plural_org = w.len() > 3
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| n.is_word() && lx.org_cues.contains(n.text(body)));
                (lx.generic.contains(w) || lx.titles.contains(w)) && next_cap || plural_org
            };
            if t.possessive && !joins {
                out.push(std::mem::take(&mut cur));
            }
            i += 1;
            continue;
        }
        // A connector inside a run: a lowercase particle or `&`, followed by a capital.
        if !cur.is_empty() {
            let joinable = match t.kind {
                Kind::Word => PARTICLES.contains(&w) || ORG_CONNECTORS.contains(&w) || w == "y",
                Kind::Punct(c) => c == '&',
            };
            let next_cap = toks
                .get(i + 1)
                .is_some_and(|n| n.is_word() && !n.sent_start && is_cap_word(n.text(body)));
            // "the" only after "of"/"for": "Council of the European Union".
            let the_ok = w != "the"
                || cur
                    .last()
                    .is_some_and(|&p| matches!(toks[p].text(body), "of" | "for" | "on"));
            if joinable && next_cap && the_ok {
                cur.push(i);
                i += 1;
                continue;
            }
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        i += 1;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Piece {
    Title(Option<Gender>),
    Demonym,
    Place(usize),
    Org(usize),
    Stop,
    Word,
    Connector,
}

/// Splits one run into pieces: `(first index into run, length, piece)`.
fn pieces(
    body: &str,
    toks: &[Token],
    run: &[usize],
    norm: &[Cow<str>],
    lower: &HashMap<String, bool>,
) -> Vec<(usize, usize, Piece)> {
    let lx = lex();
    let mut out = Vec::new();
    let mut i = 0;
    while i < run.len() {
        let t = &toks[run[i]];
        let w = t.text(body);
        if !t.is_word() || !is_cap_word(w) {
            out.push((i, 1, Piece::Connector));
            i += 1;
            continue;
        }
        let rest = &norm[i..];
        // Only take whole words up to the next possessive within the run's tail.
        let org = lx.orgs.find(rest).map(|(n, &c)| (n, Piece::Org(c)));
        let place = lx.places.find(rest).map(|(n, &c)| (n, Piece::Place(c)));
        // `Ministry of Justice`: no title right after `of`, `for` or `the`.
        let after_connector =
            i > 0 && matches!(toks[run[i - 1]].text(body), "of" | "for" | "the" | "on");
        let title = if after_connector {
            None
        } else {
            lx.titles.find(rest).and_then(|(n, &g)| {
                // Not a title inside an organization's name: `General Assembly`,
                // `Attorney’s Office`.
                let last = &toks[run[i + n - 1]];
                let next_cue = norm.get(i + n).is_some_and(|nw| has_org_cue(lx, nw));
                // `Office of Inspector General`: a title ending a name after a connector.
                let ends_name =
                    i + n == run.len() && i >= 2 && !is_cap_word(toks[run[i - 2]].text(body));
                // `General Electric`, `Major Tom`: a title that is also a common word needs a
                // given name after it.
                let weak = n == 1
                    && AMBIGUOUS_TITLES.contains(&w)
                    && !norm
                        .get(i + 1)
                        .is_some_and(|nw| lx.given.contains_key(nw.as_ref()));
                (!last.possessive && !next_cue && !ends_name && !weak)
                    .then_some((n, Piece::Title(g)))
            })
        };
        let demonym = lx.demonyms.find(rest).map(|(n, _)| (n, Piece::Demonym));
        // A given name followed by a capitalized word is a person's first name, even when
        // it is also a place (`Jordan`, `Georgia`, `Victoria`).
        let given_first = lx.given.contains_key(w)
            && run.get(i + 1).is_some_and(|&n| {
                let nw = toks[n].text(body);
                is_cap_word(nw) && !has_org_cue(lx, nw) && !lx.titles.contains(nw)
            });
        let mut best: Option<(usize, Piece)> = None;
        for cand in [org, place, title, demonym].into_iter().flatten() {
            if given_first && matches!(cand.1, Piece::Place(_) | Piece::Demonym) && cand.0 == 1 {
                continue;
            }
            if best.is_none_or(|b| cand.0 > b.0) {
                best = Some(cand);
            }
        }
        // Entries never reach over a possessive boundary inside the run.
        if let Some((n, p)) = best {
            let n = (0..n)
                .position(|k| toks[run[i + k]].possessive)
                .map_or(n, |k| n.min(k + 1));
            out.push((i, n, p));
            i += n;
            continue;
        }
        // A sentence's first word that the article also writes in lowercase is a common
        // word, not a name.
        // `Watching NBA games ...`: a sentence opening with a gerund.
        let gerund = w.len() > 5 && w.ends_with("ing") && run.len() > 1;
        // `Sadly Quill ...`, `Initially the board ...`: a sentence adverb in -ly that is
        // no known given name or surname (`Kelly`, `Connolly` stay names).
        let adverb = w.len() > 4
            && w.ends_with("ly")
            && t.sent_start
            && run.len() > 1
            && !lx.given.contains_key(w)
            && !lx.surnames_first.contains(w);
        let common_opener = i == 0
            && t.sent_start
            && !given_first
            && (gerund || adverb || lower.contains_key(&w.to_lowercase()));
        // `Liu He`: a family name that is also a function word, inside a name.
        let family_name = lx.surnames_first.contains(w) && !t.sent_start && run.len() > 1;
        if (lx.stopwords.contains(w) && !family_name) || common_opener {
            out.push((i, 1, Piece::Stop));
        } else {
            out.push((i, 1, Piece::Word));
        }
        i += 1;
    }
    out
}

/// Last words that make a name a work, event or law rather than an organization
/// (`Royal Society Transactions`, `Party Congress Report`, `Cabinet Room`).
const WORK_HEADS: &[&str] = &[
    "Journal",
    "Transactions",
    "Review",
    "Report",
    "Magazine",
    "Index",
    "Survey",
    "Study",
    "Letters",
    "Proceedings",
    "Bulletin",
    "Act",
    "Bill",
    "Law",
    "Treaty",
    "Accord",
    "Agreement",
    "Award",
    "Awards",
    "Prize",
    "Cup",
    "Championship",
    "Games",
    "Olympics",
    "Summit",
    "Room",
    "Knife",
    "Day",
    "Week",
    "Plan",
    "Strategy",
    "Doctrine",
];

/// Titles that are also common words: titles only before a given name.
const AMBIGUOUS_TITLES: &[&str] = &[
    "General",
    "Major",
    "Private",
    "Count",
    "Chief",
    "Deputy",
    "Officer",
    "Father",
    "Brother",
    "Sister",
    "Chair",
    "Marshal",
    "Specialist",
    "Airman",
    "Seaman",
    "Ensign",
    "Counsel",
    "Attorney",
    "Lawyer",
    "Coach",
    "Captain",
    "Commander",
    "Constable",
    "Trooper",
    "Delegate",
    "Director",
    "Inspector",
    "Lady",
    "Lord",
    "Doctor",
    "Justice",
    "Judge",
    "Prince",
    "King",
    "Queen",
    "Bishop",
    "Cardinal",
    "Detective",
    "Pastor",
    "Dame",
    "Envoy",
    "Consul",
];

/// Runs longer than this are menus or headings, not names.
const MAX_RUN: usize = 16;

/// Last words of newspaper and broadcaster names.
const MEDIA_HEADS: &[&str] = &[
    "Times",
    "Post",
    "Herald",
    "Tribune",
    "Gazette",
    "Chronicle",
    "Globe",
    "Courier",
    "Observer",
    "Telegraph",
    "Register",
    "Inquirer",
    "Examiner",
    "Sentinel",
    "Dispatch",
    "Intelligencer",
    "Enquirer",
    "Advertiser",
    "Statesman",
    "Bee",
    "Democrat",
    "Mercury",
    "News",
    "Daily",
    "Weekly",
    "Standard",
    "Mirror",
    "Express",
    "Mail",
    "Ledger",
    "Monitor",
    "Reporter",
    "Guardian",
    "Courant",
    "Beacon",
    "Clarion",
];

/// Last words of a street's name. The annotation guide lists no streets among places, so
/// `Elm Street` and `Fifth Avenue` name no entity (a lexicon entry such as `Wall Street`
/// still does).
pub const STREET_WORDS: &[&str] = &["Street", "Avenue", "Boulevard", "Road", "Lane", "Drive"];

/// Compass words that make a region out of a place (`North India`, `Kowloon West`).
const COMPASS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Upper",
    "Lower",
    "Greater",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
];

/// Lowercase forms of the capitalized sentence openers that the body also writes in
/// lowercase (`Analysts ... analysts`): those openers are common words.
fn lowercase_openers(body: &str, toks: &[Token]) -> HashMap<String, bool> {
    // Lowercased sentence openers, each flagged once the body writes it in lowercase too
    // (one look-up per word).
    let mut openers: HashMap<String, bool> = HashMap::new();
    // Cheap pre-filter on (first byte, length) before any hashing.
    let mut seen = [0u64; 256];
    for t in toks.iter().filter(|t| t.is_word() && t.sent_start) {
        let w = t.text(body);
        if w.chars().next().is_some_and(char::is_uppercase) {
            let l = w.to_lowercase();
            seen[usize::from(l.as_bytes()[0])] |= 1 << (l.len() % 64);
            openers.entry(l).or_insert(false);
        }
    }
    for t in toks.iter().filter(|t| t.is_word() && !t.sent_start) {
        let w = t.text(body);
        let b = w.as_bytes()[0];
        if seen[usize::from(b)] & (1 << (w.len() % 64)) != 0
            && let Some(hit) = openers.get_mut(w)
        {
            *hit = true;
        }
    }
    openers.retain(|_, hit| *hit);
    openers
}

/// Per token: it lies in a paragraph written in title case or capitals (a headline, a
/// link list), where capitals say little about names.
fn headline_tokens(body: &str, toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut start = 0;
    while start < toks.len() {
        let mut end = start + 1;
        while end < toks.len() && !toks[end].para_start {
            end += 1;
        }
        let (mut long, mut caps) = (0usize, 0usize);
        for t in toks[start..end].iter().filter(|t| t.is_word()) {
            let w = t.text(body);
            let letters = if w.is_ascii() {
                w.bytes().filter(u8::is_ascii_alphabetic).count()
            } else {
                w.chars().filter(|c| c.is_alphabetic()).count()
            };
            if letters >= 4 {
                long += 1;
                caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
            }
        }
        if long >= 5 && caps * 10 >= long * 9 {
            out[start..end].iter_mut().for_each(|b| *b = true);
        }
        start = end;
    }
    out
}

/// Per token: it lies in a paragraph written wholly in capitals (`CANADA ADVANCES`), a
/// subhead whose words say nothing about names.
fn subhead_tokens(body: &str, toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut start = 0;
    while start < toks.len() {
        let mut end = start + 1;
        while end < toks.len() && !toks[end].para_start {
            end += 1;
        }
        let mut words = toks[start..end].iter().filter(|t| t.is_word()).peekable();
        let caps = words.peek().is_some()
            && words.all(|t| !t.text(body).chars().any(char::is_lowercase))
            && toks[start..end]
                .iter()
                .any(|t| t.is_word() && is_all_caps(t.text(body)));
        if caps {
            out[start..end].iter_mut().for_each(|b| *b = true);
        }
        start = end;
    }
    out
}

/// In a headline, only names with firm evidence stay, cut to what the evidence covers:
/// a given name and one more word (`Ana Ruiz Wins Race` → `Ana Ruiz`), an organization up
/// to its last cue word (`Lund University Study Finds` → `Lund University`).
fn trim_headline(body: &str, toks: &[Token], lx: &Lexicons, out: &mut Vec<Raw>, from: usize) {
    let tok_after = |end: usize| toks.partition_point(|t| t.start < end);
    let mut k = from;
    while k < out.len() {
        let r = &mut out[k];
        match r.kind {
            RawKind::Unknown | RawKind::UnknownMulti => {
                out.remove(k);
                continue;
            }
            RawKind::Person if r.title.is_none() && r.words.len() > 2 => {
                let middle = &body[r.words[1].clone()];
                let keep = if middle.ends_with('.') || PARTICLES.contains(&middle) {
                    3
                } else {
                    2
                };
                r.words.truncate(keep);
                let end = r.words[keep - 1].end;
                r.name.end = end;
                r.full.end = end;
                r.next_tok = tok_after(end);
            }
            RawKind::Org if r.canon.is_none() => {
                if let Some(last_cue) = r
                    .words
                    .iter()
                    .rposition(|w| has_org_cue(lx, &body[w.clone()]))
                    && last_cue + 1 < r.words.len()
                {
                    r.words.truncate(last_cue + 1);
                    let end = r.words[last_cue].end;
                    r.name.end = end;
                    r.full.end = end;
                    r.next_tok = tok_after(end);
                }
            }
            _ => {}
        }
        k += 1;
    }
}

/// Classifies the runs of a body into raw mentions.
pub fn classify(body: &str, toks: &[Token]) -> Vec<Raw> {
    let lx = lex();
    let mut out = Vec::new();
    let lower = lowercase_openers(body, toks);
    let headline = headline_tokens(body, toks);
    let subhead = subhead_tokens(body, toks);
    for run in runs(body, toks) {
        if run.len() > MAX_RUN {
            continue;
        }
        let norm: Vec<Cow<str>> = run
            .iter()
            .map(|&k| {
                let w = toks[k].text(body);
                if is_all_caps(w)
                    && w.chars().count() >= 3
                    && !lx.orgs.contains(w)
                    && !lx.places.contains(w)
                {
                    Cow::Owned(titlecase(w))
                } else {
                    Cow::Borrowed(w)
                }
            })
            .collect();
        let ps = pieces(body, toks, &run, &norm, &lower);
        let from = out.len();
        classify_run(body, toks, &run, &norm, &ps, lx, &mut out);
        if subhead[run[0]] {
            // Only names a lexicon knows, and people's names (a signature block), stay in
            // a paragraph written in capitals.
            let mut k = from;
            while k < out.len() {
                if out[k].canon.is_none() && out[k].kind != RawKind::Person {
                    out.remove(k);
                } else {
                    k += 1;
                }
            }
            trim_headline(body, toks, lx, &mut out, from);
        } else if headline[run[0]] {
            trim_headline(body, toks, lx, &mut out, from);
        }
    }
    dateline(body, toks, lx, &mut out);
    super::tagger::refine(body, toks, &mut out);
    out
}

fn is_dash(t: &Token) -> bool {
    matches!(t.kind, Kind::Punct('-' | '\u{2013}' | '\u{2014}'))
}

/// A wire dateline opening a paragraph, `PORT HALDEN (Wirepost) –` or `OSLO, May 3
/// (Newsline) -`: the capitals before the credit are a place, the credit in parentheses
/// before the dash an organization.
fn dateline(body: &str, toks: &[Token], lx: &Lexicons, out: &mut [Raw]) {
    // The `(` of the credit: preceded in its paragraph by at most a few capitalized words,
    // numbers and commas; followed by one to three words, `)` and a dash.
    let credit_open = |open: usize| -> bool {
        if !toks.get(open).is_some_and(|t| t.is_punct('(')) {
            return false;
        }
        let mut k = open;
        let mut n = 0;
        while !toks[k].para_start {
            k -= 1;
            n += 1;
            let t = &toks[k];
            let w = t.text(body);
            let ok = t.is_punct(',')
                || t.is_word()
                    && w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            if n > 8 || !ok {
                return false;
            }
        }
        true
    };
    for r in out.iter_mut() {
        let (f, n) = (r.first_tok, r.next_tok);
        let is_credit = f > 0
            && credit_open(f - 1)
            && n > f
            && n - f <= 3
            && toks.get(n).is_some_and(|t| t.is_punct(')'))
            && toks.get(n + 1).is_some_and(is_dash)
            && r.title.is_none();
        if is_credit {
            if matches!(r.kind, RawKind::Unknown | RawKind::UnknownMulti) {
                r.kind = RawKind::Org;
            }
            continue;
        }
        // A lone capitalized acronym-like word (`NATO, the alliance`) only with a credit.
        let credit_follows = || (n..toks.len().min(n + 6)).any(credit_open);
        let place = toks[f].para_start
            && (matches!(
                r.kind,
                RawKind::Unknown | RawKind::UnknownMulti | RawKind::Place
            ) || r.kind == RawKind::Org && r.canon.is_none() && credit_follows())
            && r.words.iter().all(|w| {
                let w = &body[w.clone()];
                is_all_caps(w) && w.chars().count() >= 3 && {
                    let t = titlecase(w);
                    !lx.generic.contains(t.as_str()) && !lx.stopwords.contains(t.as_str())
                }
            })
            && toks.get(n).is_some_and(|t| {
                is_dash(t) || t.is_punct(',') || t.is_punct('(') && credit_open(n)
            });
        if place {
            r.kind = RawKind::Place;
            if r.canon.is_none() {
                let words: Vec<String> = r
                    .words
                    .iter()
                    .map(|w| titlecase(&body[w.clone()]))
                    .collect();
                r.canon = Some(words.join(" "));
            }
        }
    }
}

struct Group {
    /// Indices into the pieces list.
    pieces: Vec<usize>,
    title: Option<(usize, Option<Gender>)>,
}

fn classify_run(
    body: &str,
    toks: &[Token],
    run: &[usize],
    norm: &[Cow<str>],
    ps: &[(usize, usize, Piece)],
    lx: &Lexicons,
    out: &mut Vec<Raw>,
) {
    // Split into groups at titles and stopwords; a title opens the group that follows it.
    let mut groups: Vec<Group> = Vec::new();
    let mut cur = Group {
        pieces: Vec::new(),
        title: None,
    };
    for (pi, &(_, _, p)) in ps.iter().enumerate() {
        match p {
            Piece::Title(g) => {
                // A title at the end of a run ("... Squadron Commander") names no one.
                let followed = ps[pi + 1..]
                    .first()
                    .is_some_and(|&(_, _, q)| matches!(q, Piece::Word | Piece::Place(_)));
                if !cur.pieces.is_empty() || cur.title.is_some() {
                    groups.push(std::mem::replace(
                        &mut cur,
                        Group {
                            pieces: Vec::new(),
                            title: None,
                        },
                    ));
                }
                if followed {
                    cur.title = Some((pi, g));
                }
            }
            Piece::Stop => {
                if !cur.pieces.is_empty() || cur.title.is_some() {
                    groups.push(std::mem::replace(
                        &mut cur,
                        Group {
                            pieces: Vec::new(),
                            title: None,
                        },
                    ));
                }
            }
            _ => cur.pieces.push(pi),
        }
    }
    if !cur.pieces.is_empty() {
        groups.push(cur);
    }
    for g in groups {
        classify_group(body, toks, run, norm, ps, lx, &g, out);
    }
}

#[allow(clippy::too_many_arguments)]
fn classify_group(
    body: &str,
    toks: &[Token],
    run: &[usize],
    norm: &[Cow<str>],
    ps: &[(usize, usize, Piece)],
    lx: &Lexicons,
    g: &Group,
    out: &mut Vec<Raw>,
) {
    // Trim connectors at both ends.
    let mut idx: Vec<usize> = g.pieces.clone();
    while idx.last().is_some_and(|&p| ps[p].2 == Piece::Connector) {
        idx.pop();
    }
    while idx.first().is_some_and(|&p| ps[p].2 == Piece::Connector) {
        idx.remove(0);
    }
    if idx.is_empty() {
        return;
    }
    let tok_range = |p: usize| {
        let (s, n, _) = ps[p];
        (run[s], run[s + n - 1])
    };
    let span_of = |a: usize, b: usize| {
        let (s, _) = tok_range(a);
        let (_, e) = tok_range(b);
        toks[s].start..toks[e].end
    };
    let first_tok = tok_range(idx[0]).0;
    let sent_initial = toks[first_tok].sent_start && g.title.is_none();
    let title_span = g.title.map(|(tp, _)| {
        let (s, e) = tok_range(tp);
        toks[s].start..toks[e].end
    });
    let gender = g.title.and_then(|(_, g)| g);
    let mk = |kind: RawKind, a: usize, b: usize, canon: Option<String>| {
        let name = span_of(a, b);
        // The group's title belongs to the name that opens the group only.
        let own_title = if a == idx[0] && kind == RawKind::Person {
            title_span.clone()
        } else {
            None
        };
        let full = match &own_title {
            Some(t) => t.start..name.end,
            None => name.clone(),
        };
        let own_first = tok_range(a).0;
        let words = idx
            .iter()
            .filter(|&&p| p >= a && p <= b)
            .flat_map(|&p| {
                let (s, n, _) = ps[p];
                (s..s + n).map(|k| toks[run[k]].start..toks[run[k]].end)
            })
            .filter(|r| is_cap_word(&body[r.clone()]) || PARTICLES.contains(&&body[r.clone()]))
            .collect();
        let (_, e) = tok_range(b);
        Raw {
            kind,
            name,
            full,
            words,
            canon,
            gender: if own_title.is_some() { gender } else { None },
            sent_initial: if a == idx[0] {
                sent_initial
            } else {
                toks[own_first].sent_start
            },
            next_tok: e + 1,
            first_tok: match (&own_title, g.title) {
                (Some(_), Some((tp, _))) => tok_range(tp).0,
                _ => own_first,
            },
            title: own_title,
        }
    };

    // A name followed by its own initials (`Doctors for Open Borders (DOB)`) is an
    // organization.
    let last_tok = tok_range(*idx.last().unwrap_or(&idx[0])).1;
    if idx.len() >= 2
        && !lx.generic.contains(toks[last_tok].text(body))
        && let Some(acr) = defined_acronym(body, toks, last_tok + 1)
        && initials(&body[span_of(idx[0], *idx.last().unwrap_or(&idx[0]))]) == acronym_letters(acr)
    {
        out.push(mk(
            RawKind::Org,
            idx[0],
            *idx.last().unwrap_or(&idx[0]),
            None,
        ));
        return;
    }

    // `the Rowing Federation and Castellan`: an organization ending in its cue word, then
    // `and` and a name with no cue of its own, are two names, not one. (`Department of
    // Health and Human Services` and `Securities and Exchange Commission` stay whole.)
    let word_cue = |p: usize| ps[p].2 == Piece::Word && has_org_cue(lx, &norm[ps[p].0]);
    if let Some(m) = idx
        .iter()
        .position(|&p| ps[p].2 == Piece::Connector && toks[run[ps[p].0]].text(body) == "and")
        && m >= 2
        && word_cue(idx[m - 1])
        && idx[..m].iter().all(|&p| ps[p].2 != Piece::Connector)
        && (!idx[m + 1..].iter().any(|&p| word_cue(p))
            // `Pemberton Foods and Skyreach Media`: two names, each with its own cue.
            || idx.len() >= m + 3
                && idx[m + 1..].iter().all(|&p| ps[p].2 == Piece::Word)
                && idx.last().is_some_and(|&p| word_cue(p))
                && !idx[m + 1..idx.len() - 1].iter().any(|&p| word_cue(p)))
    {
        let before = Group {
            pieces: idx[..m].to_vec(),
            title: g.title,
        };
        let after = Group {
            pieces: idx[m + 1..].to_vec(),
            title: None,
        };
        classify_group(body, toks, run, norm, ps, lx, &before, out);
        let from = out.len();
        classify_group(body, toks, run, norm, ps, lx, &after, out);
        // A name coordinated with an organization (`Castellan`, `Castellan Boatworks`) is
        // one too, unless it is a person's name.
        if out.len() == from + 1 && out[from].kind == RawKind::Unknown {
            let name = &body[out[from].name.clone()];
            let w = name.split_whitespace().next().unwrap_or(name);
            if !lx.given.contains_key(w)
                && !lx.surnames_first.contains(w)
                && !out[from].sent_initial
            {
                out[from].kind = RawKind::Org;
            }
        }
        return;
    }

    // Organization cue anywhere in the group: one organization over the group.
    // A known organization that ends in a cue, after other name words, is only the tail of
    // a longer name: `Coastal Defense Department`.
    let cue_at = idx.iter().enumerate().position(|(m, &p)| match ps[p].2 {
        Piece::Word => has_org_cue(lx, &norm[ps[p].0]),
        Piece::Org(_) => {
            let (s0, n, _) = ps[p];
            n > 1 && has_org_cue(lx, &norm[s0 + n - 1]) && m > 0 && ps[idx[m - 1]].2 == Piece::Word
        }
        _ => false,
    });
    // A newspaper's name: `Harbor City Herald`, `Dunmore News-Register`.
    let media_at = {
        let last = *idx.last().unwrap_or(&idx[0]);
        let lw = norm[ps[last].0].as_ref();
        let first = norm[ps[idx[0]].0].as_ref();
        let is_media = ps[last].2 == Piece::Word
            && lw.split('-').all(|p| MEDIA_HEADS.contains(&p))
            && idx.len() >= 2
            && !lx.given.contains_key(first)
            && g.title.is_none();
        is_media.then_some(idx.len() - 1)
    };
    let cue_at = cue_at.or(media_at);
    let last_word = toks[last_tok].text(body);
    if cue_at.is_some() && WORK_HEADS.contains(&last_word) {
        return;
    }
    if let Some(ci) = cue_at {
        // A lone cue word ("Force", "Court") names nothing.
        let words = idx.iter().filter(|&&p| ps[p].2 != Piece::Connector).count();
        let lone = words == 1 && ps[idx[ci]].1 == 1;
        // The title before a group that turns out to be an organization is not a title of a
        // person: "Chief Justice"? keep it simple, drop it.
        if !(lone || sent_initial && words == 1) {
            let mut a = 0;
            // Sentence-initial stray words before a demonym/place are kept; leading
            // people's given names are not organizations.
            while a < ci && ps[idx[a]].2 == Piece::Connector {
                a += 1;
            }
            // `Space Operations Squadron Commander`: a title after the last cue word, with
            // no connector between (unlike `Office of Inspector General`), is not part of
            // the name.
            let mut z = idx.len() - 1;
            let connector_after_cue = idx[ci..].iter().any(|&p| ps[p].2 == Piece::Connector);
            while z > ci
                && !connector_after_cue
                && ps[idx[z]].2 == Piece::Word
                && lx.titles.contains(norm[ps[idx[z]].0].as_ref())
            {
                z -= 1;
            }
            out.push(mk(RawKind::Org, idx[a], idx[z], None));
        }
        return;
    }

    // Walk the pieces: lexicon pieces stand alone, words gather into names.
    let word_text = |p: usize| toks[run[ps[p].0]].text(body);
    let mut k = 0;
    while k < idx.len() {
        let p = idx[k];
        match ps[p].2 {
            Piece::Org(c) => {
                out.push(mk(RawKind::Org, p, p, Some(lx.org_names[c].clone())));
                k += 1;
            }
            Piece::Place(c) => {
                let rest = &idx[k + 1..];
                // `Kowloon West`.
                if rest.len() == 1
                    && ps[rest[0]].2 == Piece::Word
                    && COMPASS.contains(&word_text(rest[0]))
                {
                    out.push(mk(RawKind::Place, p, rest[0], None));
                    k += 2;
                    continue;
                }
                // A country before a known organization: `U.S. Securities and Exchange
                // Commission` is one organization.
                if rest.len() == 1 && matches!(ps[rest[0]].2, Piece::Org(_)) {
                    out.push(mk(RawKind::Org, p, rest[0], None));
                    k += 2;
                    continue;
                }
                // A place cue after the place's name: `Napa County`, `Osan Air Base`.
                let cue_len = (1..=rest.len().min(3)).rev().find(|&n| {
                    rest[..n].iter().all(|&q| ps[q].2 == Piece::Word) && {
                        let ws: Vec<&str> =
                            rest[..n].iter().map(|&q| norm[ps[q].0].as_ref()).collect();
                        lx.place_cues.contains(ws[ws.len() - 1])
                            || ws.len() >= 2
                                && lx.place_cues.contains(&ws[ws.len() - 2..].join(" "))
                    }
                });
                if let Some(n) = cue_len
                    && n <= 2
                {
                    if !STREET_WORDS.contains(&norm[ps[rest[n - 1]].0].as_ref()) {
                        out.push(mk(RawKind::Place, p, rest[n - 1], None));
                    }
                    k += 1 + n;
                    continue;
                }
                // A place followed by a plural capitalized word: a team or club
                // (`Denver Falcons`).
                let next_plural = rest.len() == 1 && ps[rest[0]].2 == Piece::Word && {
                    let w = &norm[ps[rest[0]].0];
                    w.ends_with('s')
                        && !w.ends_with("ss")
                        && w.len() > 3
                        && !lx.generic.contains(w.as_ref())
                        && !is_all_caps(w)
                };
                if next_plural && g.title.is_none() {
                    out.push(mk(RawKind::Org, p, rest[0], None));
                    k += 2;
                    continue;
                }
                out.push(mk(RawKind::Place, p, p, Some(lx.place_names[c].clone())));
                k += 1;
            }
            Piece::Demonym | Piece::Connector | Piece::Title(_) | Piece::Stop => {
                k += 1;
            }
            Piece::Word
                if COMPASS.contains(&word_text(p))
                    && idx
                        .get(k + 1)
                        .is_some_and(|&q| matches!(ps[q].2, Piece::Place(_)))
                    && idx.get(k + 2).is_none() =>
            {
                // `North India`: a region of a known place.
                out.push(mk(RawKind::Place, p, idx[k + 1], None));
                k += 2;
            }
            Piece::Word => {
                // Gather words (and particles between words) into one name.
                let mut j = k;
                while j + 1 < idx.len() {
                    let q = idx[j + 1];
                    let prev_given = lx.given.contains_key(norm[ps[idx[j]].0].as_ref())
                        || (g.title.is_some() && k == 0);
                    let ok = match ps[q].2 {
                        Piece::Word => true,
                        Piece::Connector => {
                            let w = toks[run[ps[q].0]].text(body);
                            PARTICLES.contains(&w)
                                && idx.get(j + 2).is_some_and(|&r| ps[r].2 == Piece::Word)
                        }
                        // A surname that is also a place: `Ronny Jackson`, `Tom Jordan`.
                        Piece::Place(_) | Piece::Demonym => ps[q].1 == 1 && prev_given,
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    j += 1;
                }
                let words_in = |from: usize| {
                    (from..=j)
                        .filter(|&m| ps[idx[m]].2 != Piece::Connector)
                        .collect::<Vec<_>>()
                };
                let ws = words_in(k);
                // `Browns DL Larry Ogunjobi`, `Insider Jason Poe`: words before a given name
                // that is followed by a surname are not part of the name, unless the name
                // starts with a given or family name itself.
                if !(g.title.is_some() && k == 0) && ws.len() >= 3 {
                    let w0 = norm[ps[idx[ws[0]]].0].as_ref();
                    let starts_name = lx.given.contains_key(w0) || lx.surnames_first.contains(w0);
                    let split = (1..ws.len() - 1).find(|&m| {
                        lx.given.contains_key(norm[ps[idx[ws[m]]].0].as_ref())
                            && ps[idx[ws[m]]].2 == Piece::Word
                    });
                    if !starts_name && let Some(m) = split {
                        k = ws[m];
                        continue;
                    }
                }
                let a = p;
                let b = idx[j];
                let n_words = ws.len();
                let first = &norm[ps[a].0];
                let first_raw = word_text(a);
                let last_words: Vec<&str> =
                    ws.iter().map(|&m| norm[ps[idx[m]].0].as_ref()).collect();
                let last = last_words[last_words.len() - 1];
                // A place cue word ending the name: `Osan Air Base`, `Heinz Field`.
                let place_cue = n_words >= 2
                    && (lx.place_cues.contains(last)
                        || last_words.len() >= 3
                            && lx
                                .place_cues
                                .contains(&last_words[last_words.len() - 2..].join(" ")));
                // `Port Moresby`, `Fort Worth`: a place word starting a short name.
                let place_prefix = (2..=3).contains(&n_words)
                    && lx.place_prefixes.contains(first_raw)
                    && !has_org_cue(lx, last)
                    && !lx.generic.contains(last);
                let kind = if g.title.is_some() && k == 0 {
                    RawKind::Person
                } else if place_cue || place_prefix {
                    RawKind::Place
                } else if n_words >= 2
                    && (lx.given.contains_key(first.as_ref())
                        || lx.surnames_first.contains(first.as_ref()))
                    && !lx.generic.contains(last)
                {
                    RawKind::Person
                } else if n_words == 1 {
                    if is_all_caps(first_raw)
                        && first_raw.chars().all(|c| c.is_alphabetic() || c == '&')
                        && (3..=6).contains(&first_raw.chars().count())
                        && !lx.generic.contains(first_raw)
                        && !lx.stopwords.contains(first_raw)
                    {
                        RawKind::Org
                    } else {
                        RawKind::Unknown
                    }
                } else {
                    RawKind::UnknownMulti
                };
                let generic_only = last_words.iter().all(|w| lx.generic.contains(*w));
                let street =
                    n_words >= 2 && STREET_WORDS.contains(&last) && kind != RawKind::Person;
                if !(generic_only && kind != RawKind::Person || street) {
                    out.push(mk(kind, a, b, None));
                }
                k = j + 1;
            }
        }
    }
}

/// `(ACR)` or `, ACR,` right after a name, at token `n`.
pub fn defined_acronym<'a>(body: &'a str, toks: &[Token], n: usize) -> Option<&'a str> {
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

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn raws(s: &str) -> Vec<(RawKind, String, String)> {
        let t = tokenize(s);
        classify(s, &t)
            .into_iter()
            .map(|r| {
                (
                    r.kind,
                    s[r.name.clone()].to_string(),
                    s[r.full.clone()].to_string(),
                )
            })
            .collect()
    }

    fn has(v: &[(RawKind, String, String)], k: RawKind, name: &str) -> bool {
        v.iter().any(|(kk, n, _)| *kk == k && n == name)
    }

    #[test]
    fn rank_then_name() {
        let v = raws("The plan was backed by Lt. Col. Dana Whitfield, who spoke first.");
        assert!(v.contains(&(
            RawKind::Person,
            "Dana Whitfield".into(),
            "Lt. Col. Dana Whitfield".into()
        )));
    }

    #[test]
    fn place_title_name() {
        let v =
            raws("Later, French President Amélie Durand met Kenyan Prime Minister Joseph Otieno.");
        assert!(has(&v, RawKind::Person, "Amélie Durand"));
        assert!(has(&v, RawKind::Person, "Joseph Otieno"));
        assert!(!v.iter().any(|(_, n, _)| n.contains("French")));
    }

    #[test]
    fn org_with_cue_and_connectors() {
        let v = raws("He works at the Halvorsen Institute for Marine and Coastal Studies in Oslo.");
        assert!(has(
            &v,
            RawKind::Org,
            "Halvorsen Institute for Marine and Coastal Studies"
        ));
        assert!(has(&v, RawKind::Place, "Oslo"));
    }

    #[test]
    fn title_after_an_org_is_not_in_its_name() {
        let v = raws(
            "the Harbor Patrol Squadron Commander, Col. Ana Ruiz, said that the Office of Inspector General would review this matter",
        );
        assert!(has(&v, RawKind::Org, "Harbor Patrol Squadron"));
        assert!(has(&v, RawKind::Org, "Office of Inspector General"));
        assert!(has(&v, RawKind::Person, "Ana Ruiz"));
    }

    #[test]
    fn possessive_splits_runs() {
        let v = raws("a researcher at Norway’s Halvorsen Institute said");
        assert!(has(&v, RawKind::Place, "Norway"));
        assert!(has(&v, RawKind::Org, "Halvorsen Institute"));
    }

    #[test]
    fn east_asian_order_and_hyphens() {
        let v = raws("The talks included Park Min-ji and officials.");
        assert!(has(&v, RawKind::Person, "Park Min-ji"));
    }

    #[test]
    fn sentence_initial_word_is_not_a_name() {
        let v = raws("Analysts expect rain. Critics disagree.");
        assert!(v.iter().all(|(k, _, _)| *k == RawKind::Unknown));
    }

    #[test]
    fn team_after_city() {
        let v = raws("the game against the Denver Falcons ended late");
        assert!(has(&v, RawKind::Org, "Denver Falcons"));
    }

    #[test]
    fn acronym_is_org() {
        let v = raws("a deal with the WTO was signed by PZQ officials");
        assert!(has(&v, RawKind::Org, "WTO"));
        assert!(has(&v, RawKind::Org, "PZQ"));
    }

    #[test]
    fn name_with_its_initials_is_an_org() {
        let v = raws("They joined Nurses for Open Borders (NOB) last year.");
        assert!(has(&v, RawKind::Org, "Nurses for Open Borders"));
        let v = raws("They joined the group Nurses for Open Borders, NOB, last year.");
        assert!(has(&v, RawKind::Org, "Nurses for Open Borders"));
    }

    #[test]
    fn weak_titles_need_a_given_name() {
        let v =
            raws("shares of General Foobar rose, and General Ana Ruiz and Major Ivan Dahl spoke");
        assert!(has(&v, RawKind::Person, "Ana Ruiz"));
        assert!(has(&v, RawKind::Person, "Ivan Dahl"));
        assert!(v.contains(&(
            RawKind::Person,
            "Ivan Dahl".into(),
            "Major Ivan Dahl".into()
        )));
        assert!(v.contains(&(
            RawKind::Person,
            "Ana Ruiz".into(),
            "General Ana Ruiz".into()
        )));
        assert!(
            !v.iter()
                .any(|(k, n, _)| *k == RawKind::Person && n == "Foobar")
        );
    }

    #[test]
    fn menus_are_not_names() {
        let v = raws(
            "Home News Sport Scores Teams Players Stats Odds Picks Video Shop Golf Tennis Racing Boxing Rugby Soccer Hockey",
        );
        assert!(v.is_empty());
    }

    #[test]
    fn gerund_opener_and_company_suffix() {
        let v =
            raws("Watching Harbor League games is fun. They bought Vexo Inc. Dana Obi said so.");
        assert!(has(&v, RawKind::Org, "Harbor League"));
        assert!(has(&v, RawKind::Org, "Vexo Inc."));
        assert!(has(&v, RawKind::Person, "Dana Obi"));
    }

    #[test]
    fn headlines_keep_only_firm_names() {
        let v = raws("Adam Poe Working Late Again As Lund University Study Finds Nothing New");
        assert!(has(&v, RawKind::Person, "Adam Poe"));
        assert!(has(&v, RawKind::Org, "Lund University"));
        assert!(
            !v.iter()
                .any(|(k, _, _)| matches!(k, RawKind::Unknown | RawKind::UnknownMulti))
        );
    }

    #[test]
    fn newspapers() {
        let v = raws("a report in the Dunmore News-Register and the Harbor City Herald said");
        assert!(has(&v, RawKind::Org, "Dunmore News-Register"));
        assert!(has(&v, RawKind::Org, "Harbor City Herald"));
        let v = raws("said Mary Sun and Jake Daily");
        assert!(has(&v, RawKind::Person, "Mary Sun"));
        assert!(has(&v, RawKind::Person, "Jake Daily"));
    }

    #[test]
    fn given_name_that_is_a_place() {
        let v = raws("the coach Jordan Ellery said");
        assert!(has(&v, RawKind::Person, "Jordan Ellery"));
    }
}
