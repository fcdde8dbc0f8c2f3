//! Candidate names: runs of capitalized words, split at titles and classified into people,
//! organizations, places and unresolved names with the lexicons.
//!
//! A run is a maximal sequence of capitalized words inside one sentence, joined by name
//! particles (`de`, `van`, `bin`) and organization connectors (`of`, `for`, `and`, `&`).
//! Runs end at punctuation and after a possessive (`Israel’s | Fisher Institute`).

use super::Gender;
use super::entity_words::{List, list};
use super::lexicon::{Lexicons, lex};
use super::tokens::{NameToken, NameTokenKind, word_at};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

mod group;
#[cfg(test)]
mod tests;

use group::classify_run;

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
pub struct RawMention {
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

/// `As Justice Scalia wrote`, `by Lord Diplock,`: inside a sentence, a title of the
/// `surname_titles` list (one that also names a thing: `Justice Department`, `Lord Jim`)
/// and one plain capitalized word ending the run, followed by a lowercase word or
/// punctuation: the title and a surname.
fn surname_after_title(
    body: &str,
    toks: &[NameToken],
    run: &[usize],
    norm: &[Cow<'_, str>],
    i: usize,
    title: &str,
) -> bool {
    let lx = lex();
    let Some(next) = norm.get(i + 1) else {
        return false;
    };
    let next = next.as_ref();
    // (Not opening a sentence, where a capital proves nothing: `Justice Marlowe was the
    // ship's name.`)
    i + 2 == run.len()
        && !toks[run[i]].sent_start
        && list(List::SurnameTitles).contains(&title)
        && !lx.generic.contains(next)
        && !lx.titles.contains(next)
        && !lx.gazetteer.contains(next)
        && !lx.stopwords.contains(next)
        && !has_org_cue(lx, next)
        && next.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
        && toks.get(run[i + 1] + 1).is_some_and(|t| {
            !t.is_word() || t.text(body).chars().next().is_some_and(char::is_lowercase)
        })
}

/// `true` when the word (or a part of a hyphenated word) is an organization cue.
pub fn has_org_cue(lx: &Lexicons, w: &str) -> bool {
    lx.org_cues.contains(w) || (w.contains('-') && w.split('-').any(|p| lx.org_cues.contains(p)))
}

/// A run that is a person's name, after any titles or role words (`Robert Gordon`,
/// `Economist Mark M. Zandi`): two or three capitalized words, the first a given name, none
/// a title or an organization cue.
fn is_person_name(body: &str, toks: &[NameToken], run: &[usize]) -> bool {
    let lx = lex();
    let lead = run
        .iter()
        .take_while(|&&k| {
            let w = toks[k].text(body);
            lx.titles.contains(w) || super::lexicon::is_role_noun(&w.to_lowercase())
        })
        .count();
    let run = &run[lead..];
    (2..=3).contains(&run.len())
        && lx.given.contains_key(toks[run[0]].text(body))
        && run.iter().all(|&k| {
            let w = toks[k].text(body);
            toks[k].is_word()
                && is_cap_word(w)
                && !is_all_caps(w)
                && !toks[k].possessive
                && !has_org_cue(lx, w)
                && !lx.titles.contains(w)
        })
}

/// `true` when the words from `i` on are letters written after the name in `cur` (`MP`,
/// `KC`, `OBE`): the run holds two or more capitalized words in ordinary case with no
/// article before them, and no capitalized word follows the letters (`Conservative MP
/// Helen Marsh` is a role).
fn ends_with_post_nominals(body: &str, toks: &[NameToken], cur: &[usize], i: usize) -> bool {
    let is_letters = |k: usize| toks.get(k).is_some_and(|n| is_post_nominal(body, n));
    if cur.len() < 2 || !is_letters(i) {
        return false;
    }
    // `an Ottawa New Democrat MP`: after an article the letters end a description.
    let described = cur[0] > 0
        && toks[cur[0] - 1].is_word()
        && matches!(
            toks[cur[0] - 1].text(body),
            "a" | "an" | "the" | "A" | "An" | "The"
        );
    let name_like = !described
        && cur.iter().all(|&k| {
            let w = toks[k].text(body);
            toks[k].is_word() && is_cap_word(w) && !is_all_caps(w) && !toks[k].possessive
        });
    let mut k = i;
    while is_letters(k) {
        k += 1;
    }
    let next_cap = toks
        .get(k)
        .is_some_and(|n| n.is_word() && !n.sent_start && is_cap_word(n.text(body)));
    name_like && !next_cap
}

/// `MP`, `KC`, `OBE`: a word of the `post_nominals` list.
fn is_post_nominal(body: &str, t: &NameToken) -> bool {
    let w = t.text(body);
    // (All are short and open with a capital: most words fail before the list.)
    t.is_word()
        && w.len() <= 5
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && list(List::PostNominals).contains(&w)
}

/// The index of the surname after a nickname in quotation marks that opens at `i`, right
/// after a given name ending `cur`: one to three capitalized words between the marks, then a
/// capitalized word in the same paragraph.
fn nickname_then_surname(body: &str, toks: &[NameToken], cur: &[usize], i: usize) -> Option<usize> {
    let opens = matches!(toks.get(i)?.kind, NameTokenKind::Punct('\u{201c}' | '"'));
    if !opens
        || !cur
            .last()
            .is_some_and(|&p| lex().given.contains_key(toks[p].text(body)))
    {
        return None;
    }
    let cap = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is_word() && !t.para_start && is_cap_word(t.text(body)))
    };
    let mut k = i + 1;
    while k - i <= 3 && cap(k) {
        k += 1;
    }
    let closes = toks
        .get(k)
        .is_some_and(|t| matches!(t.kind, NameTokenKind::Punct('\u{201d}' | '"')));
    (k > i + 1 && closes && cap(k + 1)).then_some(k + 1)
}

/// Collects the runs of capitalized words: each run is a list of token indices (words and
/// the connectors and `&` inside).
pub fn runs(body: &str, toks: &[NameToken]) -> Vec<Vec<usize>> {
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
        // `Helen Marsh MP said`, `Tom Reid KC OBE, for the families`: letters after a name
        // end it and are no part of it.
        if t.is_word() && cur.len() >= 2 && ends_with_post_nominals(body, toks, &cur, i) {
            out.push(std::mem::take(&mut cur));
            while toks.get(i).is_some_and(|n| is_post_nominal(body, n)) {
                i += 1;
            }
            continue;
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
                // `St. Brendan's Hospital`, `Saint Mary's College`: a saint's name.
                let saint = cur.len() == 2
                    && matches!(toks[cur[0]].text(body), "St." | "St" | "Saint" | "Ste.");
                (lx.generic.contains(w) || lx.titles.contains(w) || saint) && next_cap || plural_org
            };
            if t.possessive && !joins {
                out.push(std::mem::take(&mut cur));
            }
            i += 1;
            continue;
        }
        // `Juan “Chico” Manriquez`: a nickname in quotation marks between a given name and
        // the surname is left out, and the name goes on.
        if !cur.is_empty()
            && t.kind != NameTokenKind::Word
            && let Some(surname) = nickname_then_surname(body, toks, &cur, i)
        {
            cur.push(surname);
            i = surname + 1;
            if toks[surname].possessive {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        // A connector inside a run: a lowercase particle or `&`, followed by a capital.
        if !cur.is_empty() {
            let joinable = match t.kind {
                NameTokenKind::Word => {
                    PARTICLES.contains(&w) || ORG_CONNECTORS.contains(&w) || w == "y"
                }
                NameTokenKind::Punct(c) => c == '&',
            };
            // (A name never runs across a paragraph break.)
            let next_cap = toks.get(i + 1).is_some_and(|n| {
                n.is_word() && !n.sent_start && !n.para_start && is_cap_word(n.text(body))
            });
            // "the" only after "of"/"for": "Council of the European Union".
            let the_ok = w != "the"
                || cur
                    .last()
                    .is_some_and(|&p| matches!(toks[p].text(body), "of" | "for" | "on"));
            // `Robert Gordon of Northwestern University`: `of` after a person's name starts
            // where they work or come from, not a longer name.
            let after_person = w == "of" && is_person_name(body, toks, &cur);
            if joinable && next_cap && the_ok && !after_person {
                cur.push(i);
                i += 1;
                continue;
            }
            // `Carlos Ramírez de la Torre`, `Pieter van der Berg`: two particles before a
            // capital, in a run with a given name.
            let two_particles = PARTICLES.contains(&w)
                && toks.get(i + 1).is_some_and(|n| {
                    n.is_word()
                        && !n.para_start
                        && matches!(n.text(body), "la" | "las" | "los" | "der" | "den")
                })
                && toks.get(i + 2).is_some_and(|n| {
                    n.is_word() && !n.sent_start && !n.para_start && is_cap_word(n.text(body))
                });
            if two_particles
                && cur
                    .iter()
                    .any(|&k| lex().given.contains_key(toks[k].text(body)))
            {
                cur.extend([i, i + 1]);
                i += 2;
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

/// `Captain Idris Farah`: exactly two more words end the run after a title that is also a
/// common word, both capitalized in ordinary case and neither a title, a role, an
/// organization cue or a name any lexicon knows: a given name no list has and a surname.
/// (`General Electric`, `Major League Baseball`, `Chief Executive Officer` stay as they
/// are.)
fn two_plain_words_end(toks: &[NameToken], run: &[usize], norm: &[Cow<str>], from: usize) -> bool {
    let lx = lex();
    run.len() == from + 2
        && (from..from + 2).all(|k| {
            let t = &toks[run[k]];
            let w = norm[k].as_ref();
            t.is_word()
                && is_cap_word(w)
                && !is_all_caps(w)
                && (k == from + 1 || !t.possessive)
                && !has_org_cue(lx, w)
                && !lx.titles.contains(w)
                && !lx.roles.contains(w.to_lowercase().as_str())
                && !lx.orgs.contains(w)
                && !lx.places.contains(w)
                && !lx.demonyms.contains(w)
                && !lx.generic.contains(w)
        })
}

/// Splits one run into pieces: `(first index into run, length, piece)`.
fn pieces(
    body: &str,
    toks: &[NameToken],
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
                // (`Queen Elizabeth Hospital`: or one word later, ending the run.)
                let next_cue = norm.get(i + n).is_some_and(|nw| has_org_cue(lx, nw))
                    || i + n + 2 == norm.len()
                        && norm.get(i + n + 1).is_some_and(|nw| has_org_cue(lx, nw));
                // `Office of Inspector General`: a title ending a name after a connector.
                let ends_name =
                    i + n == run.len() && i >= 2 && !is_cap_word(toks[run[i - 2]].text(body));
                // `General Electric`, `Major Tom`: a title that is also a common word needs a
                // given name after it.
                let weak = n == 1
                    && list(List::AmbiguousTitles).contains(&w)
                    && !norm
                        .get(i + 1)
                        .is_some_and(|nw| lx.given.contains_key(nw.as_ref()))
                    && !two_plain_words_end(toks, run, norm, i + 1)
                    && !surname_after_title(body, toks, run, norm, i, w);
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
        // `Robert Ford`, `Robert S. Ford`, `Michael Dell`, `Michael B. Jordan`: a one-word
        // company or place name right after a given name (and its initial) is the person's
        // surname.
        let after_given = {
            let mut k = i;
            if k >= 2 && group::is_initial(&norm[k - 1]) {
                k -= 1;
            }
            k >= 1
                && toks[run[k - 1]].is_word()
                && lx.given.contains_key(norm[k - 1].as_ref())
                && !lx.gazetteer.contains(norm[k - 1].as_ref())
        };
        // `Obama consultant Cornell Belcher`: a one-word organization opening a two-word run
        // right after a person's role noun is a given name.
        let after_role = i == 0
            && run.len() >= 2
            && run.get(2).is_none_or(|&k| !is_cap_word(toks[k].text(body)))
            && run[0] > 0
            && toks[run[0] - 1].is_word()
            && lx.roles.contains(toks[run[0] - 1].text(body))
            && is_cap_word(toks[run[1]].text(body))
            && !has_org_cue(lx, &norm[1]);
        let mut best: Option<(usize, Piece)> = None;
        for cand in [org, place, title, demonym].into_iter().flatten() {
            if after_role && matches!(cand.1, Piece::Org(_) | Piece::Place(_)) && cand.0 == 1 {
                continue;
            }
            if given_first && matches!(cand.1, Piece::Place(_) | Piece::Demonym) && cand.0 == 1 {
                continue;
            }
            // (`Michael B. Jordan`, `Denzel Washington`: or a one-word place.)
            if after_given && matches!(cand.1, Piece::Org(_) | Piece::Place(_)) && cand.0 == 1 {
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
        // `Liu He`, `Oh Kyeong Taek`: a family name that is also a function word, inside a
        // name; not after another function word (`... Decide If He Wants` in a headline).
        let after_function_word = i > 0 && {
            let prev = toks[run[i - 1]].text(body);
            !toks[run[i - 1]].is_word() || lx.stopwords.contains(prev)
        };
        let family_name =
            lx.surnames_first.contains(w) && !t.sent_start && run.len() > 1 && !after_function_word;
        if (lx.stopwords.contains(w) && !family_name) || common_opener {
            out.push((i, 1, Piece::Stop));
        } else {
            out.push((i, 1, Piece::Word));
        }
        i += 1;
    }
    out
}

/// Runs longer than this are menus or headings, not names.
const MAX_RUN: usize = 16;

/// Lowercase forms of the capitalized sentence openers that the body also writes in
/// lowercase (`Analysts ... analysts`): those openers are common words.
fn lowercase_openers(body: &str, toks: &[NameToken]) -> HashMap<String, bool> {
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
fn headline_tokens(body: &str, toks: &[NameToken]) -> Vec<bool> {
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
fn subhead_tokens(body: &str, toks: &[NameToken]) -> Vec<bool> {
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
fn trim_headline(
    body: &str,
    toks: &[NameToken],
    lx: &Lexicons,
    out: &mut Vec<RawMention>,
    from: usize,
) {
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
pub fn classify(body: &str, toks: &[NameToken]) -> Vec<RawMention> {
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
    drop_work_titles(body, toks, &mut out);
    keep_post_nominals(body, toks, &mut out);
    out
}

/// `Helen Marsh MP, who said`: the letters [`runs`] cut from a name stay in its surface
/// form, so what is said of the name after them is said of the person.
fn keep_post_nominals(body: &str, toks: &[NameToken], out: &mut [RawMention]) {
    for r in out.iter_mut() {
        if !matches!(r.kind, RawKind::Person | RawKind::UnknownMulti) {
            continue;
        }
        while let Some(t) = toks.get(r.next_tok)
            && is_post_nominal(body, t)
        {
            r.full.end = t.end;
            r.next_tok += 1;
        }
    }
}

/// `her 2003 book, Living History, ...`, `the film Silent Harbor opens`: the capitalized
/// words a work noun names in apposition are the work's title, no person or place (unless
/// a lexicon knows them).
fn drop_work_titles(body: &str, toks: &[NameToken], out: &mut Vec<RawMention>) {
    let word = |k: usize| word_at(body, toks, k);
    let work_noun = |k: usize| word(k).is_some_and(|w| list(List::WorkNouns).contains(&w));
    out.retain(|r| {
        let f = r.first_tok;
        if r.canon.is_some() || f < 2 {
            return true;
        }
        // `book, TITLE,`
        let between_commas = toks[f - 1].is_punct(',')
            && work_noun(f - 2)
            && toks.get(r.next_tok).is_some_and(|t| t.is_punct(','));
        // `the film TITLE`
        let after_noun = work_noun(f - 1)
            && word(f - 2).is_some_and(|w| {
                matches!(
                    w,
                    "the" | "The" | "a" | "his" | "her" | "their" | "its" | "new" | "latest"
                )
            });
        !(between_commas || after_noun)
    });
}

fn is_dash(t: &NameToken) -> bool {
    matches!(t.kind, NameTokenKind::Punct('-' | '\u{2013}' | '\u{2014}'))
}

/// A wire dateline opening a paragraph, `PORT HALDEN (Wirepost) –` or `OSLO, May 3
/// (Newsline) -`: the capitals before the credit are a place, the credit in parentheses
/// before the dash an organization.
fn dateline(body: &str, toks: &[NameToken], lx: &Lexicons, out: &mut [RawMention]) {
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
