//! Frames whose source is named around the clause: `according to S, C` / `C, according to
//! S`, and `C, said S` (the source after an inverted cue).

use super::*;

pub(super) fn according(
    doc: &Doc,
    res: &mut Resolver,
    sent_start: usize,
    sent_end: usize,
    cue: &Cue,
    para: u32,
) -> Option<ReportedClause> {
    let cue_start = cue.start;
    // The source runs to the next comma or the end of the sentence.
    let mut j = cue.end;
    while j < sent_end
        && j - cue.end < 16
        && !doc.toks[j].is_punct(',')
        && !doc.toks[j].is_punct(';')
        // (a dash opens an aside: `a report - still the latest - found`)
        && !(doc.toks[j].kind == TokKind::Punct && matches!(doc.toks[j].ch, '-' | '—' | '–'))
        && !(doc.toks[j].is_punct('.')
            && (j + 1 == sent_end
                || !crate::extract::tokens::abbreviations::is_abbrev(doc.text(j - 1))))
        && doc.toks[j].kind != TokKind::Open
    {
        j += 1;
    }
    if j == cue.end {
        return None;
    }
    let source = cue.end..j;
    let at_start = cue_start == sent_start
        || (cue_start > sent_start
            && doc.toks[sent_start..cue_start].iter().all(|t| {
                t.is_word()
                    && crate::extract::quotes::word_match::is_one_of(
                        &doc.body[t.start..t.end],
                        &["but", "and", "so", "yet", "still", "also", "however"],
                    )
            }));
    let content = if at_start {
        if j >= sent_end || !doc.toks[j].is_punct(',') {
            return None;
        }
        let c = trim(doc, j + 1..sent_end);
        // `According to their lawyer, two guards told managers that C`: the inner frame
        // has its own source, who is the speaker of C; the outer source is not.
        let inner = (c.start..c.end.min(c.start + 12)).any(|i| {
            doc.toks[i].q == 0
                && doc.is_any(i, &["said", "says", "told", "tells", "wrote", "writes"])
                && i > c.start
        });
        if inner {
            return None;
        }
        c
    } else if doc.toks[cue_start - 1].is_punct(',')
        || doc.toks[cue_start - 1].is_punct('(')
        || doc.toks[cue_start - 1].is_punct('—')
    {
        let c = trim(doc, sent_start..cue_start - 1);
        // `X said C, according to a newspaper`: the source cited is not the speaker.
        let framed = (c.start..c.end.min(c.start + 200))
            .any(|i| doc.toks[i].q == 0 && doc.is_any(i, &["said", "says", "told", "tells"]));
        if framed {
            return None;
        }
        // `Other major cleavages, according to the poll, include ideology`: the words
        // before are only the subject of a clause that goes on after the source, and the
        // whole sentence is what the source says (the cue inside it).
        if j < sent_end
            && doc.toks[j].is_punct(',')
            && !reads_as_clause(doc, c.clone())
            && reads_as_clause(doc, j + 1..sent_end)
        {
            trim(doc, sent_start..sent_end)
        } else {
            c
        }
    } else {
        return None;
    };
    if content.is_empty() || doc.words(content.clone()) < 3 || is_whole_quote(doc, &content) {
        return None;
    }
    // `C, according to her spokesman, Tim Boyle.`: a person's name in apposition that ends
    // the sentence is the source the description stands for.
    let appos = (!at_start && j < sent_end && doc.toks[j].is_punct(','))
        .then(|| {
            let mut e = sent_end;
            while e > j + 1 && doc.toks[e - 1].kind == TokKind::Punct {
                e -= 1;
            }
            j + 1..e
        })
        .filter(|ap| !ap.is_empty());
    if let Some(ap) = appos
        && let Some(speaker) = res.named_in_apposition(source.clone(), Some(ap), para)
    {
        return Some(ReportedClause {
            content,
            speaker,
            cue: cue.start..cue.end,
            rule: Rule::AccordingTo,
        });
    }
    let speaker = match res.resolve(source.clone(), None, para) {
        Some(speaker) => described_in_full(doc, source, speaker),
        // `according to the think tank`: whatever the phrase names is the source, as
        // written without its article, when no rule knows its head.
        None => {
            let mut st = source.start;
            if doc.is_any(st, &["the", "a", "an"]) && st + 1 < source.end {
                st += 1;
            }
            let last = &doc.toks[source.end - 1];
            // (Not a pronoun or a lone article, and not when the words have a speech verb of
            // their own: `According to her account, after examining him, she insisted that
            // C` is hers.)
            let own_cue = (content.start..content.end)
                .any(|i| doc.toks[i].q == 0 && cue_at(doc, i).is_some_and(|c| c.verb.is_some()));
            if !last.is_word()
                || doc.words(st..source.end) > 8
                || own_cue
                || doc.is_any(
                    source.end - 1,
                    &[
                        "him", "her", "them", "it", "me", "us", "the", "a", "an", "this", "that",
                    ],
                )
            {
                return None;
            }
            Speaker::as_written(
                doc.body,
                doc.bytes(st..source.end),
                crate::extract::SpeakerKind::Group,
            )
        }
    };
    Some(ReportedClause {
        content,
        speaker,
        cue: cue.start..cue.end,
        rule: Rule::AccordingTo,
    })
}

/// `according to a poll released last week`, `according to interviews with his friends`:
/// a source that is not a person, described by a document or group noun, is the whole
/// phrase as written (without a leading article), not its head alone.
fn described_in_full(doc: &Doc, mut source: Range<usize>, speaker: Speaker) -> Speaker {
    use crate::extract::SpeakerKind;
    if speaker.kind == SpeakerKind::Person || source.len() < 2 {
        return speaker;
    }
    let w = words();
    let mut document = false;
    let described = doc.toks[source.clone()].iter().enumerate().any(|(n, t)| {
        let i = source.start + n;
        let text = doc.text(i);
        let hit = t.is_word() && t.ch.is_lowercase() && (w.is_document(text) || w.is_group(text));
        document |= hit && w.is_document(text);
        hit
    });
    if !described {
        return speaker;
    }
    if doc.is_any(source.start, &["a", "an", "the"]) {
        source.start += 1;
    }
    let kind = if document {
        SpeakerKind::Document
    } else {
        SpeakerKind::Group
    };
    Speaker::as_written(doc.body, doc.bytes(source), kind)
}

/// `C, said S.`: the cue right after the clause, the source after the cue.
pub(super) fn inverted(
    doc: &Doc,
    res: &mut Resolver,
    sent_start: usize,
    sent_end: usize,
    cue: &Cue,
    para: u32,
) -> Option<ReportedClause> {
    let cue_start = cue.start;
    if !(cue_start > sent_start
        && (doc.toks[cue_start - 1].is_punct(',')
            || doc.toks[cue_start - 1].kind == TokKind::Close))
    {
        return None;
    }
    // `C, citing S`: a participle is never inverted with its subject.
    if !cue.phrase && cue.verb.is_some_and(|v| v.form == Form::Ing) {
        return None;
    }
    // `The meeting, requested by Ivo Brandt, would ...`: a passive participle and its
    // agent describe the noun before them; they frame no speech.
    if doc.is(cue.end, "by") {
        return None;
    }
    let (source, appos) = np_after(doc, cue.end, sent_end)?;
    // `Another pollster, Ann Poe, said his survey showed C`: a verb after the words read as
    // the source makes them the subject of the reported clause; the frame is not inverted.
    if (source.start + 1..source.end).any(|i| finite_verb_after_noun(doc, i)) {
        return None;
    }
    let rest = source.end;
    if rest < sent_end
        && !doc.toks[rest].is_punct('.')
        && !doc.toks[rest].is_punct(',')
        && !doc.is_any(
            rest,
            &[
                "in",
                "on",
                "at",
                "when",
                "during",
                "who",
                "last",
                "this",
                "according",
                "citing",
                "adding",
            ],
        )
        && !is_time(doc, rest)
    {
        return None;
    }
    let mut content = trim(doc, sent_start..cue_start);
    // `This system, says Ann Poe, an immunologist, helps the body`: the clause is around
    // the source; its larger part follows.
    // Not after a quotation the cue frames (`“Nobody told us,” said Ruiz, 54, a retired
    // teacher`), and not when what follows is one more appositive (it opens with an
    // article or a number), where the main clause would open with its verb.
    let after = appos.as_ref().map_or(source.end, |a| a.end);
    if after < sent_end
        && doc.toks[after].is_punct(',')
        && doc.words(content.clone()) < 4
        && !is_whole_quote(doc, &content)
    {
        let c2 = trim(doc, after + 1..sent_end);
        let appositive = doc.toks.get(c2.start).is_some_and(|t| {
            t.is_word() && t.ch.is_ascii_digit() || doc.is_any(c2.start, &["a", "an", "the"])
        });
        if doc.words(c2.clone()) >= 3 && !bad_start(doc, c2.start) && !appositive {
            content = c2;
        }
    }
    if doc.words(content.clone()) < 3
        || is_whole_quote(doc, &content)
        || opens_with_framed_quote(doc, &content)
    {
        return None;
    }
    if !has_lowercase_words(doc, &content, 2) {
        return None;
    }
    let speaker = match res.named_in_apposition(source.clone(), appos.clone(), para) {
        Some(sp) => sp,
        None => res.resolve(source, appos, para)?,
    };
    Some(ReportedClause {
        content,
        speaker,
        cue: cue.start..cue.end,
        rule: Rule::ReportedInverted,
    })
}

/// A lowercase past form or auxiliary at `i` right after a noun (not after an article, a
/// possessive or an adverb, where it is an adjective: `a retired teacher`): the verb of a
/// clause.
fn finite_verb_after_noun(doc: &Doc, i: usize) -> bool {
    let t = &doc.toks[i];
    if !t.is_word() || t.capitalized() || !doc.toks[i - 1].is_word() {
        return false;
    }
    let w = doc.text(i);
    let verb = w.len() > 4 && w.ends_with("ed")
        || frame_words::is(Section::IrregularPast, w)
        || doc.is_any(
            i,
            &[
                "is", "are", "was", "were", "has", "have", "had", "will", "would",
            ],
        );
    let before = doc.text(i - 1);
    // (`recently named executive chair`, `the company's newly hired chief`: an adverb or a
    // possessive before it makes it a modifier.)
    verb && !doc.is_any(i - 1, super::super::word_match::DETERMINERS)
        && !before.ends_with("ly")
        && !before.ends_with("’s")
        && !before.ends_with("'s")
}

/// `As S told reporters, C` / `As S has pointed out, C`: a fronted `as` clause names the
/// source, and the sentence's main clause after its comma is what S said.
pub(super) fn as_source(
    doc: &Doc,
    res: &mut Resolver,
    sent_start: usize,
    sent_end: usize,
    cue: &Cue,
    para: u32,
) -> Option<ReportedClause> {
    let verb = cue.verb?;
    if !matches!(verb.form, Form::Past | Form::Third | Form::Participle) || cue.source {
        return None;
    }
    // `As` opens the sentence, after connectives only.
    let mut a = sent_start;
    while a < cue.start && doc.is_any(a, &["but", "and", "so", "yet", "still", "also"]) {
        a += 1;
    }
    if !(doc.is(a, "as") && doc.toks[a].capitalized() || doc.is(a, "as") && a > sent_start) {
        return None;
    }
    // `As Quill said`: the source between `As` and the cue (auxiliaries skipped by
    // `subject_before`); never `As reported` with no source.
    let source = subject_before(doc, a + 1, cue.start)?;
    if source.range.is_empty() || source.range.start != a + 1 && source.before != Some(a) {
        return None;
    }
    // The `as` clause ends at the first comma after the cue, within a few words
    // (`told the Coastal Gazette,`, `put it last week,`).
    let lim = sent_end.min(cue.end + 10);
    let comma = (cue.end..lim).find(|&i| doc.toks[i].is_punct(','))?;
    if (cue.end..comma).any(|i| !doc.toks[i].is_word() || doc.is(i, "that")) {
        return None;
    }
    let content = trim(doc, comma + 1..sent_end);
    if doc.words(content.clone()) < 3
        || bad_start(doc, content.start)
        || is_whole_quote(doc, &content)
        || doc.toks[content.start].kind == TokKind::Open
    {
        return None;
    }
    let speaker = res.resolve(source.range, source.appos, para)?;
    Some(ReportedClause {
        content,
        speaker,
        cue: cue.start..cue.end,
        rule: Rule::ReportedAs,
    })
}
