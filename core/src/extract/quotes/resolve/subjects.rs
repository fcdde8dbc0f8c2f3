//! The subjects of the writer's sentences that pronouns follow: the last person who was a
//! subject, the plural subject (`Workers objected ... They said`) and the organization or
//! document subject (`The port authority released a memo. “Q,” it said.`) of the sentence
//! before.

use super::*;

/// Prepositions that end the head of a subject noun phrase (`Critics of the plan`).
const SUBJECT_PREPOSITIONS: &[&str] = &["of", "at", "from", "in", "with", "for", "on"];

impl<'d, 'a> Resolver<'d, 'a> {
    /// The subject (token range) of the writer's sentence just before the one holding byte
    /// `pos`, in paragraph `para` or the one before, with that sentence's first token; none
    /// when that sentence quotes anyone.
    fn writers_subject_before(&self, pos: usize, para: u32) -> Option<(Range<usize>, usize)> {
        let doc = self.doc;
        let prev = self.sentence_of(pos).checked_sub(1)?;
        if para.saturating_sub(doc.sent_para[prev]) > 1 {
            return None;
        }
        let sent = doc.sents[prev].clone();
        if doc.has_quotation(sent.clone()) {
            return None;
        }
        crate::extract::quotes::cue_lookup::leading_subject(doc, sent.start, sent.end)
            .map(|subj| (subj, sent.start))
    }

    /// The last person, of a fitting gender, who is the subject of a writer's sentence
    /// after byte `since` and before `pos`, in paragraph `para` or the one before.
    pub(super) fn subject_after(
        &self,
        since: usize,
        pos: usize,
        para: u32,
        fits: &impl Fn(Option<Gender>) -> bool,
    ) -> Option<usize> {
        if since == usize::MAX {
            return None;
        }
        let hi = self.subjects.partition_point(|(at, _, _)| *at < pos);
        self.subjects[..hi]
            .iter()
            .rev()
            // (With no speaker yet, `since` is 0 and a subject at the body's first byte
            // counts.)
            .take_while(|(at, p, _)| (*at > since || since == 0) && para.saturating_sub(*p) <= 1)
            .find(|(_, _, e)| fits(self.known.entities[*e].gender))
            .map(|(_, _, e)| *e)
    }

    /// The plural subject (`Workers`, `Local growers`) of the writer's sentence just before
    /// byte `pos`, in paragraph `para` or the one before, when it starts after byte `since`.
    pub(super) fn plural_subject_before(
        &self,
        since: usize,
        pos: usize,
        para: u32,
    ) -> Option<Speaker> {
        let doc = self.doc;
        if since == usize::MAX {
            return None;
        }
        let (subj, sent_start) = self.writers_subject_before(pos, para)?;
        // (With no speaker yet `since` is 0, and the body's first sentence counts.)
        if since != 0 && doc.toks[subj.start].start <= since {
            return None;
        }
        // (`Three economists at the port institute`, `Critics of the plan`: the head is the
        // noun before the first preposition.)
        let head = (subj.start + 1..subj.end)
            .find(|&i| doc.is_any(i, SUBJECT_PREPOSITIONS))
            .map_or(subj.end, |p| p)
            - 1;
        let h = doc.text(head);
        let plural = doc.toks[head].is_word()
            // (capitalized only when it opens the sentence: `Workers objected`)
            && (head == sent_start || !doc.toks[head].capitalized())
            && h.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
            && h.len() > 3
            && h.ends_with('s')
            && !h.ends_with("ss")
            && (words().is_group(h) || words().flags(h) & ROLE != 0 || h.ends_with("ers"));
        if !plural {
            return None;
        }
        let mut st = subj.start;
        while st < head && doc.is_any(st, DETERMINERS) {
            st += 1;
        }
        Some(Speaker::as_written(
            doc.body,
            doc.bytes(st..subj.end),
            SpeakerKind::Group,
        ))
    }

    /// `Delaney and Ibarra have worked together. Both said ...`: the coordinated names (two
    /// capitalized runs joined by `and`) that the writer's sentence just before byte `pos`,
    /// in paragraph `para` or the one before, has for its subject.
    pub(super) fn coordinated_subject_before(&self, pos: usize, para: u32) -> Option<Range<usize>> {
        let doc = self.doc;
        let (subj, _) = self.writers_subject_before(pos, para)?;
        let and = (subj.start + 1..subj.end.saturating_sub(1)).find(|&i| doc.is(i, "and"))?;
        let names = |r: Range<usize>| {
            !r.is_empty()
                && r.clone()
                    .all(|i| doc.toks[i].capitalized() || doc.toks[i].is_punct('.') && i > r.start)
        };
        (names(subj.start..and) && names(and + 1..subj.end)).then_some(subj)
    }

    /// The organization or document that the writer's sentence just before byte `pos` (in
    /// paragraph `para` or the one before) has for its subject, when that subject starts
    /// after byte `since` (where the current organization last spoke; 0 when none has):
    /// `The port authority released a memo. “Q,” it said.` Only for an `it` that opens its
    /// sentence or follows a quotation (`where it states` may stand for anything the
    /// sentence names).
    pub(super) fn thing_subject_before(
        &self,
        since: usize,
        pos: usize,
        para: u32,
    ) -> Option<Speaker> {
        let doc = self.doc;
        if since == usize::MAX {
            return None;
        }
        let k = doc.toks.partition_point(|t| t.start < pos);
        if k > 0 && doc.toks[k - 1].is_word() {
            return None;
        }
        let (subj, _) = self.writers_subject_before(pos, para)?;
        // (With no speaker yet `since` is 0, and the body's first sentence counts.)
        if since != 0 && doc.toks[subj.start].start <= since {
            return None;
        }
        let mut st = subj.start;
        while st + 1 < subj.end && doc.is_any(st, DETERMINERS) {
            st += 1;
        }
        // A named organization as the whole subject.
        let (from, to) = (doc.toks[st].start, doc.toks[subj.end - 1].end);
        let lo = self.known.mentions.partition_point(|(r, _)| r.start < from);
        if let Some((r, e)) = self.known.mentions.get(lo)
            && r.start == from
            && r.end == to
            && self.known.entities[*e].kind == EntityKind::Organization
        {
            return Some(self.entity_speaker(*e));
        }
        // An organization or document noun as its head, before any preposition (`The
        // harbour commission`, `A letter this month to the board`).
        if st == subj.start {
            return None;
        }
        let head = (st..subj.end)
            .take_while(|&i| doc.toks[i].is_word() && !doc.is_any(i, SUBJECT_PREPOSITIONS))
            .find(|&i| {
                !doc.toks[i].capitalized()
                    && (words().is_document(doc.text(i)) || words().flags(doc.text(i)) & ORG != 0)
            })?;
        let kind = if words().is_document(doc.text(head)) {
            SpeakerKind::Document
        } else {
            SpeakerKind::Organization
        };
        Some(Speaker::as_written(doc.body, doc.bytes(st..head + 1), kind))
    }
}
