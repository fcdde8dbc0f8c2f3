//! Reported speech without quotation marks.
//!
//! Frames, for a cue outside quotation marks:
//! - `S said (that) C` / `S told reporters on Monday that C` (the clause follows);
//! - `C, S said (on Monday).` / `C, said S.` (the clause comes first);
//! - `according to S, C` / `C, according to S`.
//!
//! The reported clause excludes the source, the cue and a leading `that`, and ends before
//! the sentence's final punctuation. Beliefs, feelings, plans and agreements are not in the
//! cue lexicon, so `X thinks C` or `X agreed that C` are never reported speech.

use super::cue_lookup::{cue_at, phrase_at};
use super::cues::{Cue, Form, PhraseKind};
use super::frame_words::{self, Section};
use super::frames::{SourcePhrase, is_time, name_run_back, np_after, subject_before};
use super::resolve::{Resolver, Speaker};
use super::speaker_words::words;
use super::text::{Doc, TokKind};
use crate::extract::Rule;
use std::ops::Range;

mod clause;
pub use clause::reads_as_clause;
mod framed;
mod sourced;
use clause::*;
use framed::framed;
use sourced::{according, as_source, inverted};

/// One indirect quote: tokens of the clause, the speaker, and the cue tokens.
#[derive(Debug, Clone)]
pub struct ReportedClause {
    pub content: Range<usize>,
    pub speaker: Speaker,
    pub cue: Range<usize>,
    /// The frame that found the clause.
    pub rule: Rule,
}

/// A reported clause never opens with an object pronoun (`accusing the label of
/// preventing her from performing`), nor with `her` before a preposition.
fn bad_start(doc: &Doc, i: usize) -> bool {
    // `said more than 400 homes lost power`, `said no decision had been made`: a quantity
    // opening the clause's subject.
    let quantity = doc.is_any(i, &["more", "less", "fewer"]) && doc.is(i + 1, "than")
        || doc.is(i, "no")
            && doc
                .toks
                .get(i + 1)
                .is_some_and(|t| t.is_word() && t.ch.is_lowercase())
            && !doc.is_any(i + 1, &["to", "one", "comment", "longer", "more", "less"])
        // `said no one was hurt` (not `told no one about it`): a verb right after.
        || doc.is(i, "no")
            && doc.is(i + 1, "one")
            && finite_verb_within(doc, i + 2, doc.toks.len().min(i + 5), 3)
        || about_quantity(doc, i)
        || amount_subject(doc, i);
    if quantity {
        return false;
    }
    doc.is_any(i, frame_words::list(Section::NotClauseStart))
        || doc.is_any(i, &["him", "them", "me", "us", "whom"])
        || doc.is(i, "not") && doc.is(i + 1, "to")
        || doc.is(i, "her")
            && doc.is_any(
                i + 1,
                &[
                    "from", "of", "to", "for", "with", "about", "into", "as", "on", "in",
                ],
            )
}

/// `about` at `i` before a number or a share and then a finite verb (`said about half of
/// the deficit reflects lower revenue`, `said about 500 troops would stay`): an estimate
/// opening the clause's subject, not the cue's preposition (`spoke about the plan`,
/// `asked about 500 jobs`, where no verb follows).
fn about_quantity(doc: &Doc, i: usize) -> bool {
    if !doc.is(i, "about") {
        return false;
    }
    let Some(next) = doc.toks.get(i + 1).filter(|t| t.is_word()) else {
        return false;
    };
    let share = next.ch.is_ascii_digit()
        || doc.is_any(
            i + 1,
            &["half", "two-thirds", "three-quarters", "one-third"],
        )
        || doc.is_any(i + 1, &["a", "one"])
            && doc.is_any(i + 2, &["third", "quarter", "fifth", "dozen", "in"]);
    // (Within the sentence: up to its first full stop, question or exclamation mark.)
    let end = (i + 2..doc.toks.len().min(i + 14))
        .find(|&k| doc.toks[k].kind == TokKind::Punct && matches!(doc.toks[k].ch, '.' | '?' | '!'))
        .unwrap_or(doc.toks.len().min(i + 14));
    share && finite_verb_within(doc, i + 2, end, 12)
}

/// `more`, `much`, `less`, `fewer` or `little` at `i` opening a subject that a finite
/// verb follows (`said more details would be shared`, `said much of the damage was done
/// at night`): the clause's subject, not the amount of what was said (`said more to
/// reporters`, `said little about the plan`).
fn amount_subject(doc: &Doc, i: usize) -> bool {
    if !doc.is_any(i, &["more", "much", "less", "fewer", "little"]) {
        return false;
    }
    // (`insisting more forcefully that`: an adverb after it makes `more` one too.)
    let next_ok = doc.toks.get(i + 1).is_some_and(|t| {
        t.is_word()
            && t.ch.is_lowercase()
            && !doc.text(i + 1).ends_with("ly")
            && !doc.is_any(
                i + 1,
                &[
                    "about",
                    "to",
                    "than",
                    "in",
                    "on",
                    "at",
                    "for",
                    "with",
                    "over",
                    "and",
                    "or",
                    "today",
                    "later",
                    "now",
                    "recently",
                    "publicly",
                    "privately",
                    "since",
                ],
            )
    });
    let end = (i + 2..doc.toks.len().min(i + 10))
        .find(|&k| doc.toks[k].kind == TokKind::Punct && !doc.toks[k].is_punct('-'))
        .unwrap_or(doc.toks.len().min(i + 10));
    next_ok && finite_verb_within(doc, i + 2, end, 6)
}

/// True when `range` is exactly one quotation (its marks and words), i.e. a direct quote
/// frame rather than reported speech.
fn is_whole_quote(doc: &Doc, range: &Range<usize>) -> bool {
    if range.is_empty() {
        return false;
    }
    let first = &doc.toks[range.start];
    let mut last = range.end - 1;
    while last > range.start && doc.toks[last].kind == TokKind::Punct && doc.toks[last].q == 0 {
        last -= 1;
    }
    if first.kind == TokKind::Open && doc.toks[last].q == first.q {
        return true;
    }
    // `Before this, “people ignored them,”`: a quotation that is nearly all of it, after
    // an adjunct and its comma (not `The merger was “good for everyone,”`, where the
    // writer's words are the clause's subject and verb).
    let t = &doc.toks[last];
    t.kind == TokKind::Close
        && (range.start..last.min(range.start + 5)).any(|i| {
            let x = &doc.toks[i];
            x.kind == TokKind::Open
                && x.q == t.q
                && (i == range.start
                    || doc.toks[i - 1].kind == TokKind::Punct
                    || doc.words(range.start..i) <= 1)
        })
}

/// True when `range` opens with a quotation that ends like a quote before its attribution
/// (`“Q,” S, the ROLE, said`): the words are a direct quote and its source, not a reported
/// clause. The search for the closing mark is bounded, so this stays linear.
fn opens_with_framed_quote(doc: &Doc, range: &Range<usize>) -> bool {
    let Some(first) = doc.toks.get(range.start) else {
        return false;
    };
    if first.kind != TokKind::Open || range.is_empty() {
        return false;
    }
    let lim = range.end.min(range.start + 400);
    let Some(close) = (range.start + 1..lim)
        .find(|&i| doc.toks[i].kind == TokKind::Close && doc.toks[i].q == first.q)
    else {
        return false;
    };
    close + 1 < range.end
        && close > range.start + 1
        && doc.toks[close - 1].kind == TokKind::Punct
        && matches!(doc.toks[close - 1].ch, ',' | '?' | '!')
}

/// Trims trailing punctuation (the final period, a comma before the source).
fn trim(doc: &Doc, mut r: Range<usize>) -> Range<usize> {
    r.start = skip_dateline(doc, r.clone());
    while r.end > r.start {
        let t = &doc.toks[r.end - 1];
        if t.kind == TokKind::Punct
            && t.q == 0
            && matches!(t.ch, '.' | ',' | ';' | ':' | '?' | '!' | '—' | '–' | '-')
        {
            r.end -= 1;
        } else {
            break;
        }
    }
    while r.start < r.end {
        let t = &doc.toks[r.start];
        if t.kind == TokKind::Punct && t.q == 0 && matches!(t.ch, ',' | '—' | '–' | '-' | ':') {
            r.start += 1;
        } else {
            break;
        }
    }
    r
}

/// `SEOUL (Reuters) – C`, `(AP) — C`: a wire dateline before the clause is not part of it.
fn skip_dateline(doc: &Doc, r: Range<usize>) -> usize {
    let mut i = r.start;
    let lim = r.end.min(r.start + 10);
    let mut saw = false;
    // `DUBAI, United Arab Emirates —`, `ST. JOSEPH, Mich. (AP) —`: after an all-caps city
    // and a comma, the region may be written in title case.
    let mut region = false;
    while i < lim {
        let t = &doc.toks[i];
        let caps = t.is_word() && doc.text(i).chars().all(|c| !c.is_lowercase());
        if t.is_punct(',')
            && i > r.start
            && doc.toks[r.start].is_word()
            && doc.text(r.start).len() > 1
        {
            region = true;
        }
        let region_word = region
            && (t.is_word() && t.capitalized()
                || t.is_punct('.')
                    && i > r.start
                    && crate::extract::tokens::abbreviations::is_abbrev(doc.text(i - 1)));
        if caps || region_word || t.is_punct(',') || t.is_punct('/') {
            i += 1;
        } else if t.is_punct('(')
            && i + 2 < lim
            && doc.toks[i + 1].capitalized()
            && doc.toks[i + 2].is_punct(')')
        {
            i += 3;
            saw = true;
        } else {
            break;
        }
    }
    let dash =
        i < lim && doc.toks[i].kind == TokKind::Punct && matches!(doc.toks[i].ch, '–' | '—' | '-');
    if dash
        && (saw || i > r.start)
        && i + 1 < r.end
        && (i == r.start || saw || doc.toks[r.start].capitalized())
    {
        // Only at the start of a paragraph-initial clause: all words before are capitals.
        i + 1
    } else {
        r.start
    }
}

/// True when `r` has at least `n` lowercase words outside quotation marks or inside.
fn has_lowercase_words(doc: &Doc, r: &Range<usize>, n: usize) -> bool {
    doc.toks[r.clone()]
        .iter()
        .filter(|t| t.is_word() && t.ch.is_lowercase())
        .take(n)
        .count()
        >= n
}

fn plural_or_they(doc: &Doc, np: &Range<usize>) -> bool {
    if np.is_empty() {
        return false;
    }
    // `Executives across the world say`: the head comes before a post-modifier.
    let post = (np.start + 1..np.end).find(|&i| {
        doc.is_any(
            i,
            &[
                "of", "in", "at", "across", "from", "for", "around", "with", "on",
            ],
        )
    });
    let mut last = post.unwrap_or(np.end) - 1;
    // `people familiar with her thinking`: an adjective after the head.
    if last > np.start && doc.is_any(last, &["familiar", "close", "involved", "aware", "present"]) {
        last -= 1;
    }
    // `People briefed on the talks`: a participle after the head.
    if last > np.start && {
        let w = doc.text(last);
        w.len() > 4 && w.ends_with("ed") && doc.toks[last].ch.is_lowercase()
    } {
        last -= 1;
    }
    let t = doc.text(last);
    // `79 percent of Democrats say`, `45% of Republicans say`: a share takes a plural verb.
    let share = doc.is_any(
        last,
        &["percent", "%", "majority", "minority", "half", "third"],
    ) || doc.text(last).ends_with('%')
        || doc.toks[last].kind == TokKind::Punct && doc.toks[last].ch == '%';
    // `Nearly nine out of 10 say`: a number heading the phrase.
    let counted = super::resolve::leading_count(doc, np.start, last + 1).is_some();
    // `Associates say`: a plural that is capitalized only because it opens the sentence.
    let opening_plural = np.len() == 1
        && doc.toks[last].capitalized()
        && t.ends_with('s')
        && !t.ends_with("ss")
        && t.chars().skip(1).all(|c| c.is_lowercase())
        && !crate::extract::entities::lexicon::is_given_name(t)
        && np
            .start
            .checked_sub(1)
            .is_none_or(|b| !doc.toks[b].is_word());
    // `Many of her supporters say`: a quantifier of a plural.
    let quantified = post == Some(np.start + 1)
        && doc.is(np.start + 1, "of")
        && doc.is_any(
            np.start,
            &["some", "many", "most", "few", "several", "both", "all"],
        );
    // `Mr. Gale and Mr. Lind say`: two sources joined by `and` (outside a name's own words:
    // `Johnson & Johnson`, `Marks and Spencer` take no capital after the conjunction's word).
    // (Not `Khizr and Ghazala Khan`: one word before `and` and a longer name after it share
    // the surname, which the resolver reads as one person.)
    let coordinated = (np.start + 1..np.end.saturating_sub(1)).any(|i| {
        doc.is(i, "and")
            && doc.toks[i - 1].is_word()
            && !(i == np.start + 1
                && doc.toks[np.start].capitalized()
                && np.end >= i + 3
                && (i + 1..np.end).all(|j| doc.toks[j].capitalized()))
            && doc.toks[i + 1].is_word()
            && (doc.toks[i + 1].capitalized() || doc.is_any(i + 1, &["his", "her", "their"]))
    });
    share
        || counted
        || opening_plural
        || quantified
        || coordinated
        || np.len() == 1
            && doc.is_any(
                np.start,
                &[
                    "some", "many", "others", "most", "few", "several", "both", "all",
                ],
            )
        || doc.is_any(last, &["they", "we", "i", "you", "people", "police"])
        || doc.is(np.start, "those")
        || (t.ends_with('s') && !t.ends_with("ss") && !doc.toks[last].capitalized())
        || (t.ends_with('s') && doc.toks[last].capitalized() && words().is_group(t))
        // `the Khans say`, `the Clintons say`: a family by its plural name.
        || (np.len() == 2
            && doc.is(np.start, "the")
            && doc.toks[last].capitalized()
            && t.ends_with('s')
            && !t.ends_with("ss")
            && t.chars().skip(1).all(|c| c.is_lowercase()))
}

/// Finds the indirect quotes of sentence `sent` given its cues (outside quotations).
pub fn find(
    doc: &Doc,
    res: &mut Resolver,
    sent: Range<usize>,
    cues: &[Cue],
    para: u32,
) -> Vec<ReportedClause> {
    let mut clauses: Vec<ReportedClause> = Vec::new();
    let mut last_subject: Option<SourcePhrase> = None;
    let (sent_start, sent_end) = (sent.start, sent.end);
    for cue in cues {
        // `“Fine,” he shrugged`: a verb that frames quotations only. `The board will announce
        // its plan`, `he would say so`: a cue after a modal is speech to come or speech
        // supposed, not speech reported (though it may frame a quotation).
        if cue.verb.is_some_and(|v| v.quote) || after_modal(doc, cue) {
            continue;
        }
        // `X said A, adding (that) B`: B is X's too, and A ends before the comma.
        if let Some(clause) = participle(doc, &mut clauses, sent_end, cue) {
            clauses.push(clause);
            continue;
        }
        // A cue inside reported speech is part of it (`X said Y had concluded that ...`).
        if clauses
            .iter()
            .rev()
            .take(16)
            .any(|x| x.content.contains(&cue.start))
        {
            continue;
        }
        if let Some(clause) = one(doc, res, sent_start, sent_end, cue, para, &mut last_subject) {
            // Keep the first hit for overlapping frames of the same clause.
            if clauses
                .iter()
                .rev()
                .take(16)
                .any(|x| x.content == clause.content)
            {
                continue;
            }
            // `X recalled that he said C, the office said`: the outer frame wins (looking
            // back a bounded number of clauses keeps huge sentences linear).
            let lo = clauses.len().saturating_sub(16);
            let mut tail = clauses.split_off(lo);
            tail.retain(|x| !clause.content.contains(&x.cue.start));
            clauses.extend(tail);
            clauses.push(clause);
        }
    }
    clauses
}

/// True when the cue is a verb's base form after a modal (`will announce`, `could only
/// say`), or its participle after a modal and `have` (`may have said`), adverbs between
/// them skipped.
fn after_modal(doc: &Doc, cue: &Cue) -> bool {
    let Some(v) = cue.verb.filter(|_| !cue.phrase) else {
        return false;
    };
    let perfect = cue.start > 0 && doc.is(cue.start - 1, "have");
    if !(v.form == Form::Base || perfect) {
        return false;
    }
    let modals = [
        "would", "could", "will", "can", "may", "might", "should", "must", "shall",
    ];
    let mut i = cue.start;
    while i > 0 && cue.start - i < 4 {
        i -= 1;
        let t = &doc.toks[i];
        if !t.is_word() || t.capitalized() {
            return false;
        }
        if doc.is_any(i, &modals) {
            return true;
        }
        if !words().is_skip(doc.text(i)) {
            return false;
        }
    }
    false
}

fn participle(
    doc: &Doc,
    clauses: &mut [ReportedClause],
    sent_end: usize,
    cue: &Cue,
) -> Option<ReportedClause> {
    let verb = cue.verb?;
    if verb.form != Form::Ing || cue.phrase || cue.start == 0 {
        return None;
    }
    // `X said A, adding B`; `X said A, before insisting B` (the comma before a preposition);
    // `X said A had “waited long enough,” adding B` (the comma inside the closing mark).
    let comma = if doc.is_comma(cue.start - 1) {
        cue.start - 1
    } else if cue.start >= 2
        && doc.is_any(cue.start - 1, &["before", "while"])
        && doc.toks[cue.start - 2].is_punct(',')
    {
        cue.start - 2
    } else {
        return None;
    };
    // (`C, Hollande said Tuesday in Paris, noting D`: or an inverted frame whose cue and
    // adjuncts run up to the comma.)
    let prev = clauses.iter_mut().rev().find(|clause| {
        clause.content.contains(&comma)
            || clause.content.end == comma
            || clause.rule == Rule::ReportedInverted
                && clause.content.end < clause.cue.start
                && clause.cue.end <= comma
                && comma - clause.cue.end <= 12
                && doc.toks[clause.cue.end..comma]
                    .iter()
                    .all(|t| t.is_word() && t.q == 0 || t.is_punct('.'))
    })?;
    let mut p = cue.end;
    if doc.is(p, "that") {
        p += 1;
    }
    // The earlier clause ends at the comma before the participle, whatever follows it
    // (`X said C, warning: “Q”`).
    if prev.content.contains(&cue.start) {
        // Never before its start: a clause that began at the cue is left empty (and dropped).
        // (A closing mark holding the comma stays with the clause.)
        let end = if doc.toks[comma].kind == TokKind::Close {
            comma + 1
        } else {
            comma
        };
        prev.content.end = end.max(prev.content.start);
        prev.content = trim(doc, prev.content.clone());
    }
    let content = trim(doc, p..sent_end);
    if doc.words(content.clone()) < 3
        || bad_start(doc, content.start)
        || is_whole_quote(doc, &content)
        || doc.toks[content.start].is_punct(':')
        || doc.toks[content.start].kind == TokKind::Open
    {
        return None;
    }
    Some(ReportedClause {
        content,
        speaker: prev.speaker.clone(),
        cue: cue.start..cue.end,
        rule: Rule::ReportedParticiple,
    })
}

fn one(
    doc: &Doc,
    res: &mut Resolver,
    sent_start: usize,
    sent_end: usize,
    cue: &Cue,
    para: u32,
    last_subject: &mut Option<SourcePhrase>,
) -> Option<ReportedClause> {
    if cue.source {
        return according(doc, res, sent_start, sent_end, cue, para);
    }
    if let Some(h) = as_source(doc, res, sent_start, sent_end, cue, para) {
        return Some(h);
    }
    if let Some(h) = framed(doc, res, sent_start, sent_end, cue, para, last_subject) {
        return Some(h);
    }
    inverted(doc, res, sent_start, sent_end, cue, para)
}
