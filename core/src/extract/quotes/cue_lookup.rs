//! Cues in the tokenized body: the speech verb or phrase starting at a token (looked up once
//! per token), the forms that frame speech, a cue form used as a plural noun (`the
//! reports`), and the subject that opens a sentence.

use super::cues::{Cue, Form, PhraseKind, Verb, lexicon};
use super::frame_words::{self, Section};
use super::speaker_words::words;
use super::text::{Doc, TokKind};
use super::word_match::lower;
use crate::extract::tokens::abbreviations::is_abbrev;
use crate::words::{MONTHS, WEEKDAYS};
use std::ops::Range;

/// Looks up every token's cue once, for [`cue_at`].
pub fn fill_cues(doc: &mut Doc) {
    let cache: Vec<_> = (0..doc.toks.len()).map(|i| find_cue(doc, i)).collect();
    doc.cue_cache = cache;
}

/// Length in tokens of a phrase of `kind` starting at token `i`, longest first.
pub fn phrase_at(doc: &Doc, i: usize, kind: PhraseKind) -> Option<usize> {
    let t = doc.toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    let mut buf = [0u8; 48];
    let first = lower(doc.text(i), &mut buf)?;
    let mut best: Option<usize> = None;
    for ph in lexicon().phrases_from(kind, first) {
        let n = ph.words.len();
        let ok = (1..n).all(|k| {
            doc.toks
                .get(i + k)
                .is_some_and(|t| t.is_word() && t.q == doc.toks[i].q)
                && doc.text(i + k).eq_ignore_ascii_case(&ph.words[k])
        });
        if ok && best.is_none_or(|b| n > b) {
            best = Some(n);
        }
    }
    best
}

/// The cue starting at token `i`, if any (from the document's cue table when filled).
pub fn cue_at(doc: &Doc, i: usize) -> Option<Cue> {
    if let Some(c) = doc.cue_cache.get(i) {
        return *c;
    }
    find_cue(doc, i)
}

/// Looks up the cue starting at token `i` in the lexicon.
pub fn find_cue(doc: &Doc, i: usize) -> Option<Cue> {
    let t = doc.toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    let entry = {
        let w = doc.text(i);
        if !lexicon().may_enter(w) {
            return None;
        }
        let mut buf = [0u8; 48];
        lexicon().entry(lower(w, &mut buf)?)?
    };
    if entry.starts(PhraseKind::Source)
        && let Some(n) = phrase_at(doc, i, PhraseKind::Source)
    {
        return Some(Cue {
            start: i,
            end: i + n,
            verb: None,
            source: true,
            phrase: true,
        });
    }
    let lex = lexicon();
    if entry.starts(PhraseKind::Verb)
        && let Some(n) = phrase_at(doc, i, PhraseKind::Verb)
    {
        let mut buf = [0u8; 48];
        let verb = lower(doc.text(i + n - 1), &mut buf)
            .and_then(|w| lex.verb(w))
            .or_else(|| lower(doc.text(i), &mut [0u8; 48]).and_then(|w| lex.verb(w)))
            .map(|v| Verb {
                form: Form::Past,
                ..v
            });
        return Some(Cue {
            start: i,
            end: i + n,
            verb: verb.or(Some(Verb {
                lemma: 0,
                form: Form::Past,
                obj: false,
                weak: false,
                that: false,
                quote: false,
            })),
            source: false,
            phrase: true,
        });
    }
    let v = entry.verb?;
    // `United States`, `Said Ahmed`: a capitalized word is a name, not a cue — except a
    // third-person form between capitalized words, a headline's cue (`Bellwether County Says
    // Trump Should Win`).
    if t.ch.is_uppercase() {
        let headline = v.form == Form::Third
            && i > 0
            && doc.toks[i - 1].capitalized()
            && doc.toks.get(i + 1).is_some_and(|n| n.capitalized());
        if !headline {
            return None;
        }
    }
    Some(Cue {
        start: i,
        end: i + 1,
        verb: Some(v),
        source: false,
        phrase: false,
    })
}

/// `even as shares fell,`, `Just after the vote,`: an adverb of the `fronted_adverb` list
/// before a word opening a fronted adjunct, or before `as`, at token `a`.
fn fronted_adverb(doc: &Doc, a: usize, lim: usize) -> bool {
    a + 1 < lim
        && frame_words::is(Section::FrontedAdverb, doc.text(a))
        && doc.toks[a + 1].is_word()
        && (doc.is(a + 1, "as") || frame_words::is(Section::Fronted, doc.text(a + 1)))
}

/// Determiners and quantifiers before a plural noun that looks like a cue (`the reports`,
/// `Other estimates`).
pub const NOUN_BEFORE: &[&str] = &[
    "the", "a", "an", "other", "these", "those", "some", "many", "its", "their", "his", "her",
    "our", "new", "recent", "previous", "such", "several", "few", "more", "no", "any", "all",
    "both", "earlier", "latest", "initial", "early", "official", "public", "press",
];

/// `three demands`, `the reports`, `12 claims`: a third-person cue form after a
/// determiner, quantifier or number is a plural noun, not a verb.
pub fn noun_use(doc: &Doc, c: &Cue) -> bool {
    c.verb.is_some_and(|v| v.form == Form::Third)
        && c.start > 0
        && (doc.is_any(c.start - 1, NOUN_BEFORE)
            || frame_words::is(Section::Number, doc.text(c.start - 1))
            || doc.is_any(
                c.start - 1,
                &[
                    "in", "of", "for", "from", "across", "among", "with", "by", "like", "between",
                ],
            )
            || doc.toks[c.start - 1].ch.is_ascii_digit()
            // `Mr. Poe's remarks, Ms. Lee said`: after a possessive, a noun (one that names
            // its content, `Mr. Poe's claims that C`, is a noun cue of its own).
            || doc.toks[c.start - 1].is_word()
                && super::resolve::possessive(doc.text(c.start - 1))
                && !(c.end..doc.toks.len().min(c.end + 16)).any(|i| doc.is(i, "that"))
            || verb_follows(doc, c.end)
            // `the states that held primaries`: `that` and a verb make a relative clause.
            || doc.is(c.end, "that")
                && (verb_follows(doc, c.end + 1)
                    || doc.toks.get(c.end + 1).is_some_and(|t| t.is_word() && t.q == 0)
                        && frame_words::is(
                            Section::IrregularPast,
                            doc.text(c.end + 1),
                        )))
}

/// A finite verb or auxiliary at token `i` (`states rejected`, `reports are`): the `-s`
/// word before it is a plural noun, its subject.
pub fn verb_follows(doc: &Doc, i: usize) -> bool {
    let Some(t) = doc.toks.get(i) else {
        return false;
    };
    if !t.is_word() || t.q != 0 || !t.ch.is_lowercase() {
        return false;
    }
    let w = doc.text(i);
    doc.is_any(
        i,
        &[
            "are", "were", "have", "had", "will", "would", "could", "should", "can", "may",
            "might", "must", "did", "do",
        ],
    ) || w.len() > 4 && w.ends_with("ed") && !doc.is_any(i, &["need", "indeed", "seed", "speed"])
}

/// The subject at the start of sentence `s..lim` (`Health care providers have protested
/// ..., warning that C`).
pub fn leading_subject(doc: &Doc, s: usize, lim: usize) -> Option<Range<usize>> {
    let mut a = s;
    // A dateline is never the subject (`WASHINGTON — Sen. Ruth Hale defended ...`,
    // `PORTLAND, Maine (AP) — ...`).
    if let Some(dash) = (s..lim.min(s + 10)).find(|&i| {
        doc.toks[i].kind == TokKind::Punct && matches!(doc.toks[i].ch, '—' | '–')
            || doc.toks[i].is_punct('-') && doc.toks.get(i + 1).is_some_and(|n| n.capitalized())
    }) && dash > s
        && doc.toks[s].is_word()
        && doc.text(s).chars().filter(|c| c.is_alphabetic()).count() >= 2
        // (`Washington (AFP) – Democrat Ann Poe ...`: a place in title case with a
        // credit in parentheses right before the dash.)
        && (!doc.text(s).chars().any(char::is_lowercase)
            || dash >= s + 3
                && doc.toks[dash - 1].is_punct(')')
                && doc.toks[s].capitalized()
                && (s..dash).any(|i| doc.toks[i].is_punct('(')))
    {
        a = dash + 1;
    }
    while a < lim
        && doc.is_any(
            a,
            &[
                "but",
                "and",
                "so",
                "yet",
                "still",
                "meanwhile",
                "however",
                "then",
            ],
        )
    {
        a += 1;
        if a < lim && doc.toks[a].is_punct(',') {
            a += 1;
        }
    }
    // `Now Ann Poe, the candidate, is ...`, `Instead she ...`: a sentence adverb right
    // before a name or a pronoun is no adjunct reaching to the next comma.
    if a + 1 < lim
        && doc.toks[a].is_word()
        && doc.is_any(a, frame_words::list(Section::Connective))
        && doc.toks[a + 1].is_word()
        && (doc.toks[a + 1].capitalized()
            && !doc.is_any(a + 1, &WEEKDAYS)
            && !doc.is_any(a + 1, &MONTHS)
            || doc.is_any(a + 1, &["he", "she", "they", "we", "i"]))
    {
        a += 1;
    }
    // A fronted adjunct up to its comma is not the subject (`Before the vote, Chief Ann
    // Poe lobbied ...`, `On Thursday, after a long silence, Warren endorsed ...`).
    for _ in 0..3 {
        // (`Hours later,`, `Two days earlier,`, `A week ago,`: a time that ends its adjunct.)
        let time_adjunct = (a + 1..lim.min(a + 6))
            .find(|&i| doc.toks[i].is_punct(','))
            .is_some_and(|c| doc.is_any(c - 1, &["later", "earlier", "ago", "before"]));
        if a < lim
            && doc.toks[a].is_word()
            && (time_adjunct
                || frame_words::is(Section::Fronted, doc.text(a))
                || fronted_adverb(doc, a, lim))
        {
            // (`After saying her foot was “swollen,” she was`: a comma before a closing
            // mark ends the adjunct too.)
            let Some(c) = (a + 1..lim.min(a + 40)).find(|&i| {
                doc.toks[i].is_punct(',')
                    && (doc.toks[i].outside()
                        || doc
                            .toks
                            .get(i + 1)
                            .is_some_and(|n| n.kind == TokKind::Close))
            }) else {
                break;
            };
            a = c + 1;
            if doc.toks.get(a).is_some_and(|t| t.kind == TokKind::Close) {
                a += 1;
            }
            // `Speaking in Salem, New Hampshire, Trump went`: a place's region after the
            // adjunct's comma belongs to the adjunct.
            // (`At a meeting in Ames, Iowa, on Sunday, Dora Quill ...`: or another adjunct.)
            if a >= 2
                && doc.toks[a - 2].capitalized()
                && let Some(c2) = (a..lim.min(a + 3)).find(|&i| !doc.toks[i].capitalized())
                && c2 > a
                && doc.toks[c2].is_punct(',')
                && doc.toks[c2].outside()
                && doc.toks.get(c2 + 1).is_some_and(|t| {
                    t.capitalized()
                        || t.is_word()
                            && frame_words::is(Section::Fronted, doc.text(c2 + 1))
                            && (c2 + 2..lim.min(c2 + 8)).any(|i| doc.toks[i].is_punct(','))
                })
            {
                a = c2 + 1;
            }
        } else {
            break;
        }
    }
    // `What do you think of ...`: a question word is no subject that speaks.
    if a < lim && doc.is_any(a, &["what", "who", "why", "how", "which", "whom", "whose"]) {
        return None;
    }
    // A subject pronoun is the whole subject (`She then addressed ...`).
    if a < lim && doc.toks[a].is_word() && doc.is_any(a, &["he", "she", "they", "it", "we", "i"]) {
        return Some(a..a + 1);
    }
    let mut j = a;
    let mut named = false;
    while j < lim && j - a < 8 {
        let t = &doc.toks[j];
        let ok = if t.is_word() {
            let w = doc.text(j);
            // After a name, the first ordinary lowercase word is the verb
            // (`Mayor Ann Poe went ...`), unless it is the noun of a preposition (`The
            // French minister of environment and energy`) or modifies a speaker noun (`The
            // Democratic presidential candidate`).
            // (`Mr. Poe tries`: a verb in -s right after the name itself.)
            let verb_s = j > a
                && doc.toks[j - 1].capitalized()
                && !words().is_speaker_head(w)
                && ![
                    "ers", "ists", "ans", "ors", "ates", "ions", "ents", "’s", "'s",
                ]
                .iter()
                .any(|e| w.ends_with(e))
                && !doc.text(j - 1).ends_with('s')
                && !doc.text(j - 1).ends_with('’')
                && !doc.text(j - 1).ends_with('\'');
            let after_name = named
                && t.ch.is_lowercase()
                && (!w.ends_with('s') || w.ends_with("ss") || verb_s)
                && !words().is_speaker_head(w)
                && !doc.is_any(
                    j,
                    &["of", "for", "and", "the", "de", "van", "von", "bin", "al"],
                )
                && !(j > a && doc.is_any(j - 1, &["of", "for", "and"]))
                && !doc.toks.get(j + 1).is_some_and(|n| {
                    n.is_word() && !n.capitalized() && words().is_speaker_head(doc.text(j + 1))
                })
                && !role_before_name(doc, j, lim);
            // A capital that only starts the sentence is not a name (`Health care workers`).
            named |=
                t.capitalized() && (j > a || doc.toks.get(j + 1).is_some_and(|n| n.capitalized()));
            // `Trump replied`, `Trump shot back`: a past form ends a subject.
            let verbish = t.ch.is_lowercase()
                && (w.ends_with("ed") || frame_words::is(Section::IrregularPast, w));
            !(after_name || doc.is_any(j, STOP_SUBJECT) || cue_at(doc, j).is_some() || verbish)
        } else {
            t.is_punct('.') && j > a && is_abbrev(doc.text(j - 1))
        };
        if !ok {
            break;
        }
        j += 1;
    }
    (j > a).then_some(a..j)
}

/// `Republican presidential nominee Donald Trump`, `Clinton campaign chairman John
/// Podesta`: lowercase words at `j` up to a role noun right before a name describe the
/// name; they are not the verb after the words before.
fn role_before_name(doc: &Doc, j: usize, lim: usize) -> bool {
    let mut k = j;
    while k < lim.min(j + 3) && doc.toks[k].is_word() && !doc.toks[k].capitalized() {
        let w = doc.text(k);
        if words().is_speaker_head(w)
            || crate::extract::entities::lexicon::is_role_noun(&w.to_lowercase())
        {
            return doc
                .toks
                .get(k + 1)
                .is_some_and(|n| k + 1 < lim && n.is_word() && n.capitalized());
        }
        k += 1;
    }
    false
}

const STOP_SUBJECT: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "does",
    "do",
    "did",
    "said",
    "says",
    "also",
    "who",
    "which",
    "that",
    "however",
    "not",
    "never",
    // Adverbs between a subject and its verb (`Delaney later released`, `Officials then
    // said`).
    "later",
    "then",
    "still",
    "again",
    "already",
    "previously",
    "recently",
    "subsequently",
    "initially",
    "finally",
    "immediately",
    "repeatedly",
    "quickly",
    "once",
];

/// Finite forms that can frame speech (`said`, `says`, `adds`; multiword cues).
pub fn speech_form(c: &Cue) -> bool {
    c.verb
        .is_some_and(|v| c.phrase || matches!(v.form, Form::Past | Form::Third | Form::Base))
}

/// `has written`, `had told`: a participle after a perfect auxiliary frames speech too.
pub fn perfect_form(doc: &Doc, c: &Cue) -> bool {
    c.verb.is_some_and(|v| v.form == Form::Participle)
        && c.start > 0
        && doc.is_any(c.start - 1, &["has", "have", "had"])
}
