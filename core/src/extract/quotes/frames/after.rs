//! Frames after the closing mark: `"Q," said S`, `"Q," S said`, `"Q," Toomey fumed`, and
//! across an adjunct after a quotation that opens its sentence (`"Q," since the pier would
//! close, said S`).

use super::super::cue_lookup::{cue_at, perfect_form, speech_form};
use super::super::cues::Cue;
use super::super::resolve::{Resolver, Speaker};
use super::super::text::{Doc, TokKind};
use super::{is_time, np_after, subject_before};
use crate::extract::Rule;
use crate::extract::tokens::abbreviations::is_abbrev;
use std::ops::Range;

/// `"Q," said S` / `"Q," S said` / `"Q," S told reporters on Monday`.
pub fn after_frame(
    doc: &Doc,
    res: &mut Resolver,
    sent: Range<usize>,
    open: usize,
    close: usize,
    para: u32,
) -> Option<(Speaker, Range<usize>, Rule)> {
    let sent_end = sent.end;
    // (`"Q," ADJUNCT, said S`: only a quotation that opens its sentence and ends with a comma.)
    let opens_sentence = doc.toks[sent.start..open].iter().all(|t| !t.is_word())
        && (doc.toks[close - 1].is_punct(',')
            || doc.toks.get(close + 1).is_some_and(|t| t.is_punct(',')));
    let mut j = close + 1;
    while j < sent_end
        && doc.toks[j].kind == TokKind::Punct
        && matches!(doc.toks[j].ch, ',' | '—' | '–' | '-')
    {
        j += 1;
    }
    if j >= sent_end || !doc.toks[j].is_word() {
        return None;
    }
    // `X accuses Y of “Q” and Z says C`: a conjunction after the marks opens the writer's next
    // clause, whose cue is its own subject's.
    if doc.is_any(j, &["and", "but", "while", "whereas", "or", "yet"]) {
        return None;
    }
    // (`"Q," according to a council memo.`: a source phrase right after the marks.)
    if let Some(cue) = cue_at(doc, j).filter(|c| c.source || speech_form(c) || perfect_form(doc, c))
    {
        let (subject, appos) = inverted_source(doc, cue.end, sent_end)?;
        let speaker = res.resolve_described(subject, appos, para)?;
        return Some((speaker, cue.start..cue.end, Rule::CueAfter));
    }
    // `"Q," Toomey fumed` / `"Q," quipped Ann Poe`: after a quotation, a verb of manner
    // (`fumed`, `quipped`, `joked`) next to a person's name tags the speech.
    if let Some((speaker, cue)) = manner_tag(doc, res, j, sent_end, para) {
        return Some((speaker, cue, Rule::CueAfter));
    }
    let lim = sent_end.min(j + 45);
    let mut k = j + 1;
    let mut quoted_name = false;
    while k < lim {
        let t = &doc.toks[k];
        // Skip a short parenthesis (`(D-Ore.)`).
        if t.is_punct('(')
            && let Some(c) = (k + 1..lim.min(k + 10)).find(|&i| doc.toks[i].is_punct(')'))
        {
            k = c + 1;
            continue;
        }
        // Skip a short quoted name inside an appositive after a comma (`"Q," Ines Varga,
        // wearing "Save the Pier" badges, said`).
        if t.kind == TokKind::Open
            && (j + 1..k).any(|i| doc.toks[i].is_punct(','))
            && let Some(c) = (k + 1..lim.min(k + 8)).find(|&i| doc.toks[i].kind == TokKind::Close)
            && c > k + 1
            && doc.toks[k + 1].capitalized()
            && (k + 1..c).all(|i| doc.toks[i].is_word())
        {
            quoted_name = true;
            k = c + 1;
            continue;
        }
        if t.kind == TokKind::Open
            || t.is_punct(';')
            || t.is_punct('.') && !is_abbrev(doc.text(k - 1))
        {
            return None;
        }
        // (`the report said`: after a determiner, a cue word is the subject's noun.)
        if t.is_word()
            && !doc.is_any(
                k - 1,
                &[
                    "the", "a", "an", "this", "that", "his", "her", "its", "their", "our",
                ],
            )
            && let Some(cue) = cue_at(doc, k).filter(|c| speech_form(c) || perfect_form(doc, c))
        {
            if let Some(speaker) = subject_frame(doc, res, j, k, para) {
                return Some((speaker, cue.start..cue.end, Rule::CueAfter));
            }
            // (Past a quoted name in the appositive: the subject before its first comma.)
            if quoted_name
                && let Some(comma) = (j + 1..k).find(|&i| doc.toks[i].is_punct(','))
                && let Some(subject) = subject_before(doc, j, comma)
                && let Some(speaker) = res.resolve(subject.range, subject.appos, para)
            {
                return Some((speaker, cue.start..cue.end, Rule::CueAfter));
            }
            if !opens_sentence {
                return None;
            }
            if let Some(speaker) = after_adjunct(doc, res, j, k, &cue, sent_end, para) {
                return Some((speaker, cue.start..cue.end, Rule::CueAfterAdjunct));
            }
            // (`"Q," in contrast to what the developer promised, says S`: a cue inside a
            // clause of the adjunct is passed over for the frame after it.)
            let inside_adjunct = (k.saturating_sub(4).max(j + 1)..k)
                .any(|i| doc.is_any(i, &["what", "which", "whom", "whose"]));
            if !inside_adjunct {
                return None;
            }
            k = cue.end;
            continue;
        }
        k += 1;
    }
    None
}

/// `"Q," S said` with the subject `S` of the cue at `k` right after the quotation (from `j`),
/// across a name's appositive or a role before the name.
fn subject_frame(doc: &Doc, res: &mut Resolver, j: usize, k: usize, para: u32) -> Option<Speaker> {
    let subject = subject_before(doc, j, k)?;
    if let Some(b) = subject.before
        && b >= j
    {
        // `"Q," NAME, a long description without a closing comma told X.`
        let (run_end, _) = name_run(doc, j, k);
        if run_end > j && doc.toks.get(run_end).is_some_and(|t| t.is_punct(',')) {
            // `"Q," Ivo Dask, R-Ky., said`: a party and state tag describes no role.
            let appos = Some(run_end + 1..k);
            return res.resolve(j..run_end, appos, para);
        }
        // `"Q," the county's chief prosecutor, Ann Poe, said`: the role right after
        // the quotation, the name between commas.
        if subject.appos.as_ref().is_some_and(|a| a.start == j)
            && subject.range.start == b + 1
            && doc.toks[b].is_punct(',')
        {
            let speaker = res.resolve(subject.range.clone(), subject.appos.clone(), para)?;
            if speaker.kind == crate::extract::SpeakerKind::Person {
                return Some(speaker);
            }
        }
        // `"Q," JPL scientist and co-author Ann Poe said.`
        let words_only = doc.toks[j..subject.range.start].iter().all(|t| t.is_word());
        let speaker = res.resolve(subject.range, subject.appos, para)?;
        if words_only && speaker.kind == crate::extract::SpeakerKind::Person {
            return Some(speaker);
        }
        return None;
    }
    if k - j > 16 && subject.appos.is_none() {
        return None;
    }
    res.resolve_described(subject.range, subject.appos, para)
}

/// The source after an inverted cue ending at `p` (`said Ann Poe, ...`), not past `e`; none
/// when a clause with its own verb follows instead (`Poe, citing “Q,” said the plan could
/// work`).
pub(super) fn inverted_source(
    doc: &Doc,
    p: usize,
    e: usize,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let (subject, appos) = np_after(doc, p, e)?;
    let clause = (subject.start + 1..subject.end + 1).any(|i| {
        doc.toks
            .get(i)
            .is_some_and(|t| t.is_word() && t.ch.is_lowercase())
            && doc.is_any(
                i,
                &[
                    "could", "would", "will", "can", "may", "might", "should", "must", "is", "was",
                    "are", "were", "has", "had", "have",
                ],
            )
    });
    (!clause).then_some((subject, appos))
}

/// `"Q," since the pier would close the channel, said Owen Pask` / `..., Owen Pask said`:
/// after an adjunct between commas, a cue with its source; the speaker when the cue at `k`
/// is inverted (its source after it) or its subject is a person's name right after the
/// adjunct's comma.
fn after_adjunct(
    doc: &Doc,
    res: &mut Resolver,
    j: usize,
    k: usize,
    cue: &Cue,
    sent_end: usize,
    para: u32,
) -> Option<Speaker> {
    if doc.toks[k - 1].is_punct(',') && k - 1 > j {
        if is_time(doc, cue.end) {
            return None;
        }
        let (subject, appos) = inverted_source(doc, cue.end, sent_end)?;
        return res.resolve_described(subject, appos, para);
    }
    let subject = subject_before(doc, j, k)?;
    let b = subject.before?;
    let (run_end, n) = name_run(doc, subject.range.start, k);
    if !(doc.toks[b].is_punct(',') && b > j && n >= 1 && run_end == subject.range.end) {
        return None;
    }
    let speaker = res.resolve(subject.range, subject.appos, para)?;
    (speaker.kind == crate::extract::SpeakerKind::Person && speaker.entity.is_some())
        .then_some(speaker)
}

/// `"Q," Toomey fumed.` / `"Q," fumed Ann Poe.`: a past form in -ed beside a name that the
/// recogniser knows as a person, ending the sentence or followed by a time or place adjunct.
fn manner_tag(
    doc: &Doc,
    res: &mut Resolver,
    j: usize,
    sent_end: usize,
    para: u32,
) -> Option<(Speaker, Range<usize>)> {
    let manner = |i: usize| {
        doc.toks
            .get(i)
            .is_some_and(|t| t.is_word() && t.ch.is_lowercase())
            && doc.text(i).len() > 4
            && doc.text(i).ends_with("ed")
    };
    let ends = |i: usize| {
        i >= sent_end
            || doc.toks[i].kind == TokKind::Punct && matches!(doc.toks[i].ch, '.' | '!' | '?')
            || doc.is_any(
                i,
                &["on", "in", "at", "during", "after", "before", "as", "while"],
            )
            || is_time(doc, i)
    };
    let (verb, name) = if manner(j) {
        let (end, n) = name_run(doc, j + 1, sent_end);
        (j, (n > 0 && ends(end)).then_some(j + 1..end)?)
    } else {
        let (end, n) = name_run(doc, j, sent_end);
        (n > 0 && manner(end) && ends(end + 1)).then_some(())?;
        (end, j..end)
    };
    let speaker = res.resolve(name, None, para)?;
    (speaker.kind == crate::extract::SpeakerKind::Person && speaker.entity.is_some())
        .then_some((speaker, verb..verb + 1))
}

/// The run of capitalized words (with abbreviation dots) from `j`, not past `lim`:
/// (end, word count).
fn name_run(doc: &Doc, j: usize, lim: usize) -> (usize, usize) {
    let mut k = j;
    let mut n = 0;
    while k < lim {
        let t = &doc.toks[k];
        if t.capitalized() {
            n += 1;
        } else if !(t.is_punct('.') && k > j && is_abbrev(doc.text(k - 1))) {
            break;
        }
        k += 1;
    }
    (k, n)
}
