//! Speaker steps for a quotation that no cue frames directly, tried in this order:
//!
//! - [`Rule::AsPutIt`]: `As Professor Foner (, a historian,) put it, "Q"`, `As the columnist
//!   Hedda Morrow had written years earlier, "Q"`;
//! - [`Rule::DashCredit`]: `"Q" ― Nell Grey`, or `- Nell Grey.` opening the next paragraph;
//! - [`Rule::ColonLeadIn`]: `Smith agreed: "Q"`, `He then listed the qualities:` closing
//!   the paragraph before a quoted one, `Said Ellis: "Q"` — the subject of the clause that
//!   leads in with a colon; also `Trump issued a statement, "Q"` and a headline's short
//!   `NAME:` lead (the only step a fragment gets);
//! - [`Rule::CueAfter`] across a full stop: `"Q." Trump said.` — a sentence of nothing but
//!   a source and a speech verb right after the quotation's;
//! - [`Rule::QuoteCredit`]: `"Q." That remark from S appeared ...` — the next sentence
//!   opens by crediting the quotation;
//! - [`Rule::CueBefore`] across a full stop: `Lau said in a statement. "Q"` — a speech verb
//!   with nothing after it but where and when, in the sentence before;
//! - [`Rule::ParagraphSubject`]: `Clinton touted her record. "We need ..."` — a sentence
//!   of the writer's, just before the quotation in its paragraph, whose subject is a person;
//! - [`Rule::ParagraphBefore`]: `Valastro praised the governor.` closing a paragraph, then
//!   a paragraph that is nothing but the quotation — the person that sentence is about.
//!
//! Each step only accepts a source that can speak: with no speech verb in the lead-in, a
//! person (named, by role or by pronoun) or a named organization, never a plain noun
//! phrase (`The rules are simple: "No phones."` has no speaker).

use super::cue_lookup::{cue_at, leading_subject, noun_use, speech_form};
use super::frame_words::{self, Section};
use super::frames::{name_run_back, sentence_source};
use super::resolve::{Resolver, Speaker};
use super::text::{Doc, TokKind};
use crate::extract::{Rule, SpeakerKind};
use crate::words::WEEKDAYS;
use std::ops::Range;

/// Where a quotation sits, for the lead-in steps.
pub struct Site {
    /// Token range of the quotation's sentence.
    pub sent: Range<usize>,
    /// Token range of the sentence before it, when there is one.
    pub prev_sent: Option<Range<usize>>,
    /// The sentence before is in the same paragraph.
    pub prev_same_para: bool,
    /// The sentence before is in the paragraph right before this one.
    pub prev_last_para: bool,
    /// Token range of the sentence after it, when that sentence opens the next paragraph.
    pub next_para_sent: Option<Range<usize>>,
    /// Token range of the sentence after it in the same paragraph, when there is one.
    pub next_sent: Option<Range<usize>>,
    /// The token after the last one of the quotation's paragraph.
    pub para_end: usize,
    /// Token of the opening mark.
    pub open: usize,
    /// Token of the closing mark, when the quotation closes in this paragraph.
    pub close: Option<usize>,
    /// The quotation is a clause or more (direct), not a fragment.
    pub direct: bool,
    pub para: u32,
}

/// The speaker of an unframed quotation by a lead-in step, with the step.
pub fn attribute(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<(Speaker, Rule)> {
    // A fragment only by a short `NAME:` lead (`Kelli Ward: Impeach the AG, 'Stop DC'`).
    if !site.direct {
        return headline_lead(doc, res, site).map(|sp| (sp, Rule::ColonLeadIn));
    }
    if let Some(sp) = as_put_it(doc, res, site) {
        return Some((sp, Rule::AsPutIt));
    }
    if let Some(sp) = dash_credit(doc, res, site) {
        return Some((sp, Rule::DashCredit));
    }
    // (A headline's capitalized lead before the colon step, which would read its words
    // as a sentence.)
    if let Some(sp) = headline_lead(doc, res, site) {
        return Some((sp, Rule::ColonLeadIn));
    }
    if let Some(sp) = document_words(doc, site) {
        return Some((sp, Rule::CueBefore));
    }
    if let Some(sp) = possessed_reply(doc, res, site) {
        return Some((sp, Rule::ColonLeadIn));
    }
    if let Some(sp) = colon(doc, res, site) {
        return Some((sp, Rule::ColonLeadIn));
    }
    if let Some(sp) = statement_lead(doc, res, site) {
        return Some((sp, Rule::ColonLeadIn));
    }
    if let Some(sp) = short_cue_after(doc, res, site) {
        return Some((sp, Rule::CueAfter));
    }
    if let Some(sp) = quote_credit(doc, res, site) {
        return Some((sp, Rule::QuoteCredit));
    }
    if let Some(sp) = cue_without_words(doc, res, site) {
        return Some((sp, Rule::CueBefore));
    }
    if let Some(sp) = paragraph_subject(doc, res, site) {
        return Some((sp, Rule::ParagraphSubject));
    }
    paragraph_before(doc, res, site).map(|sp| (sp, Rule::ParagraphBefore))
}

/// True when the quotation closes in its paragraph with nothing but punctuation after it in
/// its sentence.
fn ends_its_sentence(doc: &Doc, site: &Site) -> bool {
    site.close
        .is_some_and(|close| (close + 1..site.sent.end).all(|i| doc.toks[i].kind == TokKind::Punct))
}

/// `"Q." Trump said.` / `"Q." said the mayor.`: the quotation ends its sentence and the next
/// one, in the same paragraph, is only a source and a speech verb (a full stop put inside
/// the marks where a comma belongs).
fn short_cue_after(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    if !ends_its_sentence(doc, site) {
        return None;
    }
    let next = site.next_sent.clone()?;
    let last = next.end.checked_sub(1)?;
    if next.len() > 7 || last <= next.start || !doc.toks[last].is_punct('.') {
        return None;
    }
    let body = next.start..last;
    if body
        .clone()
        .any(|i| !doc.toks[i].is_word() && !doc.toks[i].is_punct('.'))
    {
        return None;
    }
    let cue = body
        .clone()
        .find(|&i| cue_at(doc, i).is_some_and(|c| speech_form(&c) && !noun_use(doc, &c)))?;
    let source = if cue == body.start {
        // `said the mayor.`
        if !frame_words::is(Section::Inverted, doc.text(cue)) {
            return None;
        }
        cue + 1..body.end
    } else if cue + 1 == body.end {
        // `Trump said.`
        body.start..cue
    } else {
        return None;
    };
    res.resolve(source, None, site.para).filter(can_speak)
}

/// Words that may follow a speech verb that has no words of its own before the full stop
/// (`said in a statement.`, `told reporters on Tuesday.`, `wrote on Twitter.`), with the
/// weekdays.
const CUE_ADJUNCT: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "a",
    "an",
    "the",
    "his",
    "her",
    "their",
    "its",
    "statement",
    "interview",
    "email",
    "e-mail",
    "release",
    "reporters",
    "twitter",
    "facebook",
    "later",
    "earlier",
    "today",
    "yesterday",
    "afterward",
    "afterwards",
    "written",
    "press",
    "news",
    "conference",
    "briefing",
    "post",
    "tweet",
    "message",
    "letter",
    "speech",
    "remarks",
    "phone",
    "call",
    "by",
    "via",
    "also",
    "then",
    "recently",
];

/// `Sam Lau, the party's spokesman, said in a statement. "Q"`: the sentence before the
/// quotation, in its paragraph, is a speech verb with no words of its own (nothing after
/// it but where and when); the quotation is those words, and the verb's subject their
/// source.
fn cue_without_words(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    if !site.prev_same_para || site.open != site.sent.start {
        return None;
    }
    let prev = site.prev_sent.clone()?;
    let last = prev.end.checked_sub(1)?;
    if last <= prev.start || !doc.toks[last].is_punct('.') || doc.has_quotation(prev.clone()) {
        return None;
    }
    let lo = last.saturating_sub(8).max(prev.start);
    let cue = (lo..last).rev().find(|&i| {
        doc.toks[i].is_word()
            && cue_at(doc, i).is_some_and(|c| speech_form(&c) && !noun_use(doc, &c))
    })?;
    let c = cue_at(doc, cue)?;
    if !(c.end..last)
        .all(|i| doc.toks[i].is_word() && (doc.is_any(i, CUE_ADJUNCT) || doc.is_any(i, &WEEKDAYS)))
    {
        return None;
    }
    let subject = super::frames::subject_before(doc, prev.start, cue)?;
    res.resolve(subject.range, subject.appos, site.para)
        .filter(can_speak)
}

/// `Valastro praised the governor's record.` closing a paragraph, then a paragraph that is
/// nothing but the quotation: the sentence's subject, when it is a person the article names
/// and the sentence is the writer's (no quotation, no speech verb: a speaker of those is
/// already the current one).
fn paragraph_before(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    if !site.prev_last_para || site.open != site.sent.start {
        return None;
    }
    let close = site.close?;
    if (close + 1..site.para_end).any(|i| doc.toks[i].kind != TokKind::Punct) {
        return None;
    }
    let prev = site
        .prev_sent
        .clone()
        .filter(|p| writers_sentence(doc, p))?;
    let subj = leading_subject(doc, prev.start, prev.end)?;
    // A sentence, not a caption or a name alone: a full stop after a lowercase word (its
    // verb and what follows).
    let last = prev.end.checked_sub(1)?;
    if !doc.toks[last].is_punct('.')
        || !(subj.end..last).any(|i| doc.toks[i].is_word() && !doc.toks[i].capitalized())
    {
        return None;
    }
    // `The union issued a statement apologizing for the delay.`: whoever issued the
    // statement the next paragraph quotes, an organization too.
    let issued = (subj.end..last).any(|i| {
        frame_words::is(Section::SpeechNoun, doc.text(i))
            && (i.saturating_sub(3).max(subj.end)..i)
                .any(|j| doc.is_any(j, &["issued", "released", "posted", "published", "sent"]))
    });
    if issued
        && let Some(sp) = res.resolve(subj.clone(), None, site.para)
        && matches!(sp.kind, SpeakerKind::Person | SpeakerKind::Organization)
        && sp.name.is_some()
    {
        return Some(sp);
    }
    // A person the article names, by a name of two to four words (a capitalized heading
    // or list item before the quotation is no one).
    res.resolve(subj, None, site.para).filter(|sp| {
        sp.kind == SpeakerKind::Person
            && sp.entity.is_some()
            && sp.name.as_deref().is_some_and(is_full_name)
    })
}

/// `"Q" ― Nell Grey` / `"Q" — Ann Poe, a voter in Ohio`: a name after a dash closing the
/// quotation's paragraph credits it (lists of reader comments, epigraphs).
fn dash_credit(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    let close = site.close?;
    let is_dash = |i: usize| {
        doc.toks
            .get(i)
            .is_some_and(|t| t.kind == TokKind::Punct && matches!(t.ch, '―' | '—' | '–' | '-'))
    };
    // The dash right after the quotation, or opening the next paragraph (`"Q."` then
    // `- Bernie Sanders.`).
    let (dash, lim) = if is_dash(close + 1) && !doc.toks[close + 1].is_punct('-') {
        (close + 1, site.sent.end)
    } else {
        let rest = (close + 1..site.sent.end).all(|i| doc.toks[i].kind == TokKind::Punct);
        let next = site.next_para_sent.clone().filter(|_| rest)?;
        if !is_dash(next.start) {
            return None;
        }
        (next.start, next.end)
    };
    let start = dash + 1;
    let mut end = start;
    while end < lim
        && end - start < 6
        && (doc.toks[end].capitalized() || doc.toks[end].is_punct('.'))
    {
        end += 1;
    }
    // The name ends the sentence or is followed by an appositive.
    let ends = end >= lim
        || doc.toks[end].is_punct(',')
        || doc.toks[end].kind == TokKind::Punct && matches!(doc.toks[end].ch, '.' | '(');
    if end == start || !ends {
        return None;
    }
    res.resolve(start..end, None, site.para).filter(can_speak)
}

/// `Trump issued a statement, "Q"`: a comma after a clause ending with a speech noun.
fn statement_lead(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    let open = site.open;
    if open < site.sent.start + 3 || !doc.toks[open - 1].is_punct(',') {
        return None;
    }
    if !doc.toks[open - 2].is_word() || !frame_words::is(Section::SpeechNoun, doc.text(open - 2)) {
        return None;
    }
    let clause = site.sent.start..open - 1;
    if clause.len() > 25 {
        return None;
    }
    let subj = leading_subject(doc, clause.start, clause.end)?;
    res.resolve(subj, None, site.para).filter(can_speak)
}

/// `Ruiz's response was: “Q”`, `Republicans' reaction: “Q”`: whose reply a colon lead names
/// with a possessive.
fn possessed_reply(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    const REPLIES: &[&str] = &[
        "response",
        "reply",
        "answer",
        "reaction",
        "retort",
        "message",
        "comment",
        "comments",
        "statement",
        "words",
        "explanation",
        "excuse",
        "verdict",
        "assessment",
        "advice",
    ];
    let open = site.open;
    if open < site.sent.start + 3 || !doc.toks[open - 1].is_punct(':') {
        return None;
    }
    let mut n = open - 2;
    if doc.is_any(n, &["was", "is", "were", "are"]) {
        n = n.checked_sub(1)?;
    }
    if n <= site.sent.start || !doc.toks[n].is_word() || !doc.is_any(n, REPLIES) {
        return None;
    }
    // (`Ruiz's first response`: a modifier or two between.)
    let mut own = n - 1;
    while own > site.sent.start && n - own <= 2 && doc.toks[own].ch.is_lowercase() {
        own -= 1;
    }
    if !doc.toks[own].capitalized() || !super::resolve::possessive(doc.text(own)) {
        return None;
    }
    let (st, end) = name_run_back(doc, site.sent.start, own + 1);
    res.resolve(st..end, None, site.para).filter(can_speak)
}

/// `Bill Clinton: Hillary 'Better Qualified ...'`, `Kelli Ward: Impeach AG Lynch, 'Stop
/// DC'`: a short name and a colon open the sentence (a headline's lead).
fn headline_lead(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    let s = site.sent.start;
    let colon = (s + 1..site.open.min(s + 12)).find(|&i| doc.toks[i].is_punct(':'))?;
    // `Gillibrand on Hillary's Speeches:`, `CNN President On Trump:`: who speaks, and on
    // what.
    let on = (s + 1..colon).find(|&i| doc.is(i, "on"));
    let lead = s..on.unwrap_or(colon);
    if !lead
        .clone()
        .all(|i| doc.toks[i].capitalized() || doc.toks[i].is_punct('.'))
    {
        return None;
    }
    if on.is_none() && colon - s > 7 {
        return None;
    }
    // `Trump Addresses Munich Attack:`, `Elizabeth Warren Hammers Wells Fargo CEO:`: a
    // person named first, then the headline's verb (a capitalized word in -s).
    for k in lead.start + 1..lead.end {
        let w = doc.text(k);
        let verb_like = doc.toks[k].is_word()
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.chars().skip(1).all(|c| c.is_lowercase());
        if verb_like
            && let Some(sp) = res.resolve(lead.start..k, None, site.para)
            && sp.kind == SpeakerKind::Person
            && sp.entity.is_some()
        {
            return Some(sp);
        }
    }
    res.resolve(lead, None, site.para).filter(can_speak)
}

/// A source that can speak without a speech verb: a person, or an organization the
/// recogniser named.
fn can_speak(sp: &Speaker) -> bool {
    sp.name.is_some()
        && (sp.kind == SpeakerKind::Person
            || sp.kind == SpeakerKind::Document
            || sp.kind == SpeakerKind::Organization && sp.entity.is_some())
}

/// Any source a speech verb gives.
fn named(sp: &Speaker) -> bool {
    sp.name.is_some() && sp.kind != SpeakerKind::Unknown
}

/// `As S put it, "Q"` / `As S puts it: "Q"`.
fn as_put_it(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    let open = site.open;
    let s = site.sent.start;
    if open < s + 4 || !(doc.toks[open - 1].is_punct(',') || doc.toks[open - 1].is_punct(':')) {
        return None;
    }
    // `... put it` right before the punctuation.
    let it = open - 2;
    if !doc.is(it, "it") || !doc.is_any(it - 1, &["put", "puts"]) {
        return as_cue_lead(doc, res, site);
    }
    let verb = it - 1;
    // The nearest `as` before the verb (`As Steven Rosenthal, a tax lawyer, recently put
    // it`): the source is the phrase after it, up to an appositive's comma.
    let lo = verb.saturating_sub(25).max(s);
    let a = (lo..verb).rev().find(|&i| doc.is(i, "as"))?;
    let mut end = verb;
    // `recently`, `once` (adverbs only: `As the coach put it` keeps its noun).
    while end > a + 1
        && doc.toks[end - 1].is_word()
        && doc.toks[end - 1].ch.is_lowercase()
        && (doc.text(end - 1).ends_with("ly")
            || super::speaker_words::words().is_skip(doc.text(end - 1)))
    {
        end -= 1;
    }
    let (src, appos) = match (a + 1..end).find(|&i| doc.toks[i].is_punct(',')) {
        Some(c) => (a + 1..c, Some(c + 1..end.saturating_sub(1).max(c + 1))),
        None => (a + 1..end, None),
    };
    if src.is_empty()
        || src
            .clone()
            .any(|i| !doc.toks[i].is_word() && !doc.toks[i].is_punct('.'))
    {
        return None;
    }
    res.resolve(src, appos, site.para).filter(named)
}

/// `As the columnist Hedda Morrow had written years earlier, "Q"`, `As Poe noted, "Q"`: a
/// sentence opening with `as`, a source and a speech verb (after `had` or `has` too), then
/// only words of time before the lead-in mark.
fn as_cue_lead(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    let (s, open) = (site.sent.start, site.open);
    if !doc.is(s, "as") || open < s + 4 {
        return None;
    }
    let lead = s + 1..open - 1;
    if lead
        .clone()
        .any(|i| !doc.toks[i].is_word() && !doc.toks[i].is_punct('.'))
    {
        return None;
    }
    let k = lead.clone().skip(1).find(|&i| {
        cue_at(doc, i).is_some_and(|c| {
            (speech_form(&c) || super::cue_lookup::perfect_form(doc, &c)) && !noun_use(doc, &c)
        })
    })?;
    // (Only when and how after the verb: `As Poe wrote in 1998`, not `As Poe said the town
    // would`.)
    let after_ok = (k + 1..lead.end).all(|i| {
        let w = doc.text(i);
        doc.toks[i].ch.is_lowercase() && (w.ends_with("ly") || w.ends_with("er"))
            || doc.is_any(
                i,
                &[
                    "just", "a", "few", "years", "months", "weeks", "days", "ago",
                ],
            )
            || doc.is_any(
                i,
                &["once", "then", "in", "on", "at", "last", "this", "that"],
            )
            || doc.toks[i].ch.is_ascii_digit()
            || doc.is_any(i, &WEEKDAYS)
    });
    let mut end = k;
    while end > s + 1 && doc.is_any(end - 1, &["had", "has", "have", "once", "famously"]) {
        end -= 1;
    }
    if !after_ok || end <= s + 1 {
        return None;
    }
    res.resolve(s + 1..end, None, site.para).filter(named)
}

/// `held up a sign saying "Q"`, `a banner that read "Q"`, `a front page reading "Q"`: the
/// words a document carries are the document's.
fn document_words(doc: &Doc, site: &Site) -> Option<Speaker> {
    let mut k = site.open;
    if k > site.sent.start && (doc.toks[k - 1].is_punct(',') || doc.toks[k - 1].is_punct(':')) {
        k -= 1;
    }
    if k < site.sent.start + 2 {
        return None;
    }
    let verb = k - 1;
    if !doc.is_any(
        verb,
        &[
            "saying",
            "reading",
            "read",
            "reads",
            "declaring",
            "proclaiming",
            "said",
            "says",
        ],
    ) {
        return None;
    }
    // (`a sign saying`, or `a banner that read`.)
    let mut noun = verb - 1;
    if doc.is_any(noun, &["that", "which"]) {
        noun = noun.checked_sub(1).filter(|&n| n >= site.sent.start)?;
    } else if !doc.text(verb).ends_with("ing") {
        return None;
    }
    let w = doc.text(noun);
    if !doc.toks[noun].is_word()
        || doc.toks[noun].capitalized()
        || !(super::speaker_words::words().is_document(w)
            || frame_words::is(Section::DisplayNoun, w))
    {
        return None;
    }
    // The noun with its modifiers back to a determiner (`a front page`, `a hand-painted
    // sign`).
    let start = (noun.saturating_sub(3).max(site.sent.start)..noun)
        .rev()
        .find(|&i| doc.is_any(i, &["a", "an", "the", "one", "his", "her", "their", "its"]))
        .map_or(noun, |d| d + 1);
    if (start..noun).any(|i| !doc.toks[i].is_word() || doc.toks[i].capitalized()) {
        return None;
    }
    Some(Speaker::as_written(
        doc.body,
        doc.bytes(start..noun + 1),
        SpeakerKind::Document,
    ))
}

/// `"Q." That remark from county commissioner Paul Rusk appeared on the front page`: the
/// quotation ends its sentence and the next, in its paragraph, opens by crediting it.
fn quote_credit(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    if !ends_its_sentence(doc, site) {
        return None;
    }
    let next = site.next_sent.clone()?;
    let a = next.start;
    if next.len() < 5
        || !doc.is_any(a, &["that", "the", "this", "those", "these"])
        || !doc.is_any(
            a + 1,
            &[
                "quote",
                "quotes",
                "remark",
                "remarks",
                "comment",
                "comments",
                "line",
                "words",
                "quip",
                "warning",
                "statement",
            ],
        )
        || !doc.is_any(a + 2, &["from", "by"])
    {
        return None;
    }
    let start = a + 3;
    let end = (start..next.end.min(start + 10))
        .find(|&i| !(doc.toks[i].is_word() || doc.toks[i].is_punct('.')))
        .unwrap_or(next.end.min(start + 10));
    // The source runs up to the verb: the last capitalized word of the run ends the name.
    let name_end = (start..end).rev().find(|&i| doc.toks[i].capitalized())? + 1;
    res.resolve(start..name_end, None, site.para)
        .filter(can_speak)
}

/// `S verb ...: "Q"` in one sentence, or a paragraph ending with `S verb ...:` before a
/// quoted one.
fn colon(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    let open = site.open;
    let clause = if open > site.sent.start && doc.toks[open - 1].is_punct(':') {
        site.sent.start..open - 1
    } else if open == site.sent.start && site.prev_last_para {
        let prev = site.prev_sent.clone()?;
        let last = prev.end.checked_sub(1)?;
        if last <= prev.start || !doc.toks[last].is_punct(':') {
            return None;
        }
        prev.start..last
    } else {
        return None;
    };
    clause_source(doc, res, clause, site.para)
}

/// The source of a lead-in clause: `Said Ellis`, the subject of its speech verb, or its
/// leading subject when that is someone who can speak.
fn clause_source(
    doc: &Doc,
    res: &mut Resolver,
    clause: Range<usize>,
    para: u32,
) -> Option<Speaker> {
    if clause.is_empty() || clause.len() > 40 {
        return None;
    }
    // No quotation inside the lead-in: its words may be someone else's frame.
    if doc.has_quotation(clause.clone()) {
        return None;
    }
    // `Said Ellis:` / `Added the mayor:`: an inverted cue opens the clause.
    // (A capitalized verb is never a cue by itself: `Said Ahmed` may be a name.)
    if clause.len() >= 2 && frame_words::is(Section::Inverted, doc.text(clause.start)) {
        return res
            .resolve(clause.start + 1..clause.end, None, para)
            .filter(named);
    }
    let has_cue = clause.clone().any(|i| {
        doc.toks[i].is_word()
            && cue_at(doc, i).is_some_and(|c| speech_form(&c) && !noun_use(doc, &c))
    });
    // (`The columnist Ann Poe went so far as to say:` — when the speech verb's own subject
    // cannot be read, the clause's subject.)
    let sp = sentence_source(doc, res, clause.start, clause.end, para).or_else(|| {
        let subj = leading_subject(doc, clause.start, clause.end)?;
        res.resolve(subj, None, para).filter(can_speak)
    })?;
    if has_cue { named(&sp) } else { can_speak(&sp) }.then_some(sp)
}

/// The writer's sentence right before the quotation, in its paragraph, when its subject is
/// a person (`Clinton touted her credentials ... "Q"`).
fn paragraph_subject(doc: &Doc, res: &mut Resolver, site: &Site) -> Option<Speaker> {
    if !site.prev_same_para || site.open != site.sent.start {
        return None;
    }
    let prev = site
        .prev_sent
        .clone()
        .filter(|p| writers_sentence(doc, p))?;
    let subj = leading_subject(doc, prev.start, prev.end)?;
    res.resolve(subj, None, site.para)
        .filter(|sp| sp.name.is_some() && sp.kind == SpeakerKind::Person)
}

/// A sentence of the writer's only: no quotation, no speech verb (those have their own
/// frames, and their speaker is already the current one).
fn writers_sentence(doc: &Doc, sent: &Range<usize>) -> bool {
    !doc.has_quotation(sent.clone())
        && !sent
            .clone()
            .any(|i| doc.toks[i].is_word() && cue_at(doc, i).is_some())
}

/// `Buddy Valastro`, `Mary J. Blige`: two to four capitalized words, not all capitals, no
/// digits.
fn is_full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase)
                && !w.chars().any(|c| c.is_ascii_digit())
                && (w.chars().count() <= 2 || w.chars().any(char::is_lowercase))
        })
}
