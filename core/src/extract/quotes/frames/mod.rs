//! Attribution frames: where the cue and the source sit around a quotation.
//!
//! - after the closing mark (`after.rs`): `"Q," said S` / `"Q," S said` / `"Q," S told
//!   reporters`
//! - before the opening mark: `S said: "Q"` / `S said, "Q"` / `According to S, "Q"`
//!
//! Source phrases are read with [`subject_before`] (leftwards from a cue, across an
//! appositive: `S, the ROLE of ORG, said`) and [`np_after`] (rightwards after an inverted
//! cue: `said Maj. Matt Taylor, deputy commander`).

use super::cue_lookup::{cue_at, leading_subject, noun_use, speech_form};
use super::cues::{Cue, Form};
use super::frame_words::{self, Section};
use super::resolve::{Resolver, Speaker};
use super::speaker_words::words;
use super::text::{Doc, TokKind};
use super::word_match::{DETERMINERS, is_one_of};
use crate::extract::Rule;
use crate::extract::tokens::abbreviations::is_abbrev;
use crate::words::{MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS};
use std::ops::Range;

mod after;
mod forward;
mod subject;
pub use after::after_frame;
use after::inverted_source;
pub use forward::np_after;
use forward::whom_to;
pub use subject::subject_before;
use subject::{coordinated_cue, infinitive_source};

/// Time words that, like the weekdays, may sit between a cue and its clause.
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "recently",
    "previously",
    "overnight",
];

/// A weekday or another time word ([`TIME_WORDS`]), ignoring ASCII case.
fn is_day_word(w: &str) -> bool {
    is_one_of(w, &WEEKDAYS) || is_one_of(w, TIME_WORDS)
}

/// A source phrase found left of a cue.
#[derive(Debug, Clone)]
pub struct SourcePhrase {
    pub range: Range<usize>,
    pub appos: Option<Range<usize>>,
    /// The token just before the phrase (a comma, a closing mark, a stop word), or `None`
    /// when the phrase starts its sentence (after connectives).
    pub before: Option<usize>,
}

/// Attributes the quotation whose marks are the tokens `open` and `close` in sentence
/// `sent`: the cue and speaker, when a frame is found.
pub fn attribute(
    doc: &Doc,
    res: &mut Resolver,
    sent: Range<usize>,
    open: usize,
    close: Option<usize>,
    para: u32,
) -> Option<(Speaker, Range<usize>, Rule)> {
    // `X said, "Q," the office said`: the cue right before the marks wins.
    let adjacent = open >= sent.start + 2
        && (doc.toks[open - 1].is_punct(',') || doc.toks[open - 1].is_punct(':'))
        && cue_at(doc, open - 2).is_some_and(|c| speech_form(&c) && c.end == open - 1);
    if adjacent && let Some((speaker, cue)) = before_frame(doc, res, sent.clone(), open, para) {
        return Some((speaker, cue, Rule::CueBefore));
    }
    if let Some(c) = close
        && let Some(found) = after_frame(doc, res, sent.clone(), open, c, para)
    {
        return Some(found);
    }
    before_frame(doc, res, sent, open, para).map(|(speaker, cue)| (speaker, cue, Rule::CueBefore))
}

/// Words right before a cue word that make it a noun.
const NOUN_MARKERS: &[&str] = &[
    "of", "the", "a", "an", "his", "her", "its", "their", "our", "this",
];

/// `Rikkie Wells, who tweeted`, `McConnell, now the majority leader, who in 2010 said`,
/// `Trump, who has called`: the name a relative `who` before the cue at `k` stands for.
/// A few words may sit between `who` and the cue (an auxiliary, a time); a lowercase
/// appositive between the name and `, who` is passed over.
pub fn relative_antecedent(doc: &Doc, s: usize, k: usize) -> Option<Range<usize>> {
    let lo = k.saturating_sub(5).max(s);
    let who = (lo..k).rev().find(|&i| doc.is_who(i))?;
    if who <= s || (who + 1..k).any(|i| !doc.toks[i].is_word() || doc.toks[i].q != 0) {
        return None;
    }
    // `Hal Brandt, who he blasted as`: with a subject of its own, `who` is the object.
    if who + 1 < k
        && (doc.toks[who + 1].capitalized()
            || doc.is_any(who + 1, &["he", "she", "they", "we", "i", "you"]))
    {
        return None;
    }
    let mut end = who;
    if doc.toks[end - 1].is_punct(',') {
        end -= 1;
    }
    let (mut st, _) = name_run_back(doc, s, end);
    // `Sen. Ann Poe of Ohio, the ranking Democrat on the Senate Finance Committee, who`: a
    // name inside a lowercase appositive is not the antecedent.
    let in_appositive = st < end
        && end < who
        && (st.saturating_sub(12).max(s)..st)
            .rev()
            .find(|&i| !doc.toks[i].is_word())
            .is_some_and(|c| {
                doc.toks[c].is_punct(',') && c + 1 < st && doc.is_any(c + 1, &["the", "a", "an"])
            });
    if in_appositive {
        st = end;
    }
    if st == end && end < who {
        // `NAME, now the Senate majority leader, who`: the name before the appositive.
        let lo = end.saturating_sub(12).max(s);
        let comma = (lo..end).rev().find(|&i| doc.toks[i].is_punct(','))?;
        let (st2, _) = name_run_back(doc, s, comma);
        if st2 == comma {
            return None;
        }
        st = st2;
        end = comma;
    }
    (st < end && doc.toks[st].capitalized()).then_some(st..end)
}

/// The capitalized words (a name) ending right before `end`, no further back than `s`,
/// with one `of` or `from` and its place (`Sen. Ann Poe of Ohio`): (start, end).
pub fn name_run_back(doc: &Doc, s: usize, end: usize) -> (usize, usize) {
    let run = |mut st: usize, end: usize| {
        while st > s
            && st + 6 > end
            && (doc.toks[st - 1].capitalized()
                || doc.toks[st - 1].is_punct('.') && st - 1 > s && doc.toks[st - 2].capitalized())
        {
            st -= 1;
        }
        st
    };
    let mut st = run(end, end);
    if st < end
        && st > s + 1
        && doc.is_any(st - 1, &["of", "from"])
        && doc.toks[st - 2].capitalized()
    {
        st = run(st - 1, st - 1);
    }
    (st, end)
}

/// `S said: "Q"` / `S told reporters, "Q"` / `According to S, "Q"`.
pub fn before_frame(
    doc: &Doc,
    res: &mut Resolver,
    sent: Range<usize>,
    open: usize,
    para: u32,
) -> Option<(Speaker, Range<usize>)> {
    if open <= sent.start {
        return None;
    }
    let prev = &doc.toks[open - 1];
    let lead = prev.is_punct(':') || prev.is_punct(',') || prev.is_punct('—');
    // `Said Ann Poe, who grew up on the street, “Q”`: an inverted cue (a verb of the
    // `inverted` list) opening the sentence, however long the source's relative clause.
    // (Before a colon, `Said Ellis: “Q”` is the lead-in step's.)
    let first = sent.start;
    if prev.is_punct(',')
        && first + 1 < open
        && doc.toks[first].capitalized()
        && frame_words::is(Section::Inverted, doc.text(first))
        && let Some(speaker) = inverted_lead(doc, res, first + 1, open, para)
    {
        return Some((speaker, first..first + 1));
    }
    let lo = open.saturating_sub(12).max(sent.start);
    let mut k = open;
    while k > lo {
        k -= 1;
        let t = &doc.toks[k];
        if t.kind == TokKind::Close
            || t.kind == TokKind::Open
            || t.is_punct('.') && k > 0 && !is_abbrev(doc.text(k - 1))
        {
            return None;
        }
        if !t.is_word() || t.q != 0 {
            continue;
        }
        let Some(cue) = cue_at(doc, k) else {
            continue;
        };
        // `X said that “Q.”`
        let that = cue.end + 1 == open && doc.is(cue.end, "that");
        if !(lead || cue.end == open || that) {
            return None;
        }
        if cue.source {
            let (subject, appos) = np_after(doc, cue.end, open)?;
            let speaker = res.resolve(subject, appos, para)?;
            return Some((speaker, cue.start..cue.end));
        }
        if !speech_form(&cue) {
            // `He urged X to act, saying: "Q"`: the participle's source is the sentence's.
            let ing = cue.verb.is_some_and(|v| v.form == Form::Ing);
            // (`..., saying: "Q"`, `... by saying, "Q"`)
            // (`answered her question on Facebook writing, "Q"`: right before the marks, after
            // the place it was said in.)
            if ing
                && k > sent.start
                && (doc.is_comma(k - 1)
                    || doc.is_any(k - 1, &["by", "before", "after", "while"])
                    || lead
                        && cue.end + 1 == open
                        && k >= sent.start + 3
                        && (doc.toks[k - 1].capitalized()
                            || doc.is_any(
                                k - 1,
                                &["blog", "website", "page", "account", "podcast", "feed"],
                            ))
                        && (k - 3..k - 1).any(|i| doc.is_any(i, &["on", "in", "via"])))
            {
                // (`Trump returned the compliment, telling Reuters, "Q"`: no cue before, so
                // the sentence's subject.)
                return sentence_source(doc, res, sent.start, k, para)
                    .or_else(|| leading_source(doc, res, sent.start, k, para))
                    .map(|sp| (sp, cue.start..cue.end));
            }
            // `with Ann Poe reportedly yelling: "Q"`: the name after the preposition.
            if ing
                && let Some(name) = subject::name_after_preposition(doc, sent.start, k)
                && let Some(sp) = res.resolve(name, None, para)
            {
                return Some((sp, cue.start..cue.end));
            }
            // `Ruth Hale released a statement saying, "Q"`, `sent a message to supporters
            // saying: "Q"`: the sentence's subject.
            let noun_before = (k.saturating_sub(5).max(sent.start)..k).any(|j| {
                super::frame_words::is(super::frame_words::Section::SpeechNoun, doc.text(j))
                    && (j + 1 == k
                        || doc.is_any(j + 1, &["to", "on", "from"])
                            && (j + 1..k).all(|i| doc.toks[i].is_word() && doc.toks[i].q == 0))
            });
            if ing && k > sent.start && noun_before {
                return leading_source(doc, res, sent.start, k, para)
                    .map(|sp| (sp, cue.start..cue.end));
            }
            return None;
        }
        // `X said, "Q"` but not `X said the word "Q"`: only an object or adjunct between.
        if cue.end < open - 1 && !lead && !that {
            return None;
        }
        // `this tweet from Rikkie Wells, who tweeted, "Q"`: the name before `who`.
        if let Some(ante) = relative_antecedent(doc, sent.start, k) {
            let sp = res.resolve(ante, None, para)?;
            return Some((sp, cue.start..cue.end));
        }
        if k > sent.start && doc.is(k - 1, "who") {
            return None;
        }
        let Some(subject) = subject_before(doc, sent.start, k) else {
            // `In other words, explained moderator Ann Poe: “Q”`: an inverted cue after a
            // fronted adverbial, its source up to the lead-in mark.
            if lead
                && (k == sent.start || doc.toks[k - 1].is_punct(','))
                && let Some(speaker) = inverted_lead(doc, res, cue.end, open, para)
            {
                return Some((speaker, cue.start..cue.end));
            }
            // `He asked about X and said, “Q”`, `She paused, then said, “Q”`, `He went on to
            // say, “Q”`: the source of the sentence's first cue, or its subject.
            if k > sent.start + 1 && doc.is(k - 1, "to") {
                return infinitive_source(doc, res, sent.start, k - 1, para)
                    .map(|speaker| (speaker, cue.start..cue.end));
            }
            if coordinated_cue(doc, sent.start, k) {
                // (`When asked, Ana Ruiz smiled and said`: the first cue has no subject of its
                // own; the sentence's subject is the source.)
                return sentence_source(doc, res, sent.start, k, para)
                    .or_else(|| leading_source(doc, res, sent.start, k, para))
                    .map(|speaker| (speaker, cue.start..cue.end));
            }
            return None;
        };
        let speaker = res.resolve_described(subject.range, subject.appos, para)?;
        return Some((speaker, cue.start..cue.end));
    }
    None
}

/// The source right after an inverted cue ending at `after`, before a quotation (`explained
/// Ann Poe: “Q”`, `Said Ann Poe, who grew up there, “Q”`): a capitalized name or a described
/// name whose phrase (and appositive, or relative clause) reaches the lead-in mark before
/// `open`.
fn inverted_lead(
    doc: &Doc,
    res: &mut Resolver,
    after: usize,
    open: usize,
    para: u32,
) -> Option<Speaker> {
    let (subject, appos) = inverted_source(doc, after, open)?;
    let end = appos.as_ref().map_or(subject.end, |a| a.end);
    let reaches = end + 1 == open
        || doc.toks[subject.end].is_punct(',')
            && doc.is(subject.end + 1, "who")
            && (subject.end + 2..open - 1).all(|i| doc.toks[i].q == 0);
    // (`Said Jalili said: “Q”`: a cue inside the phrase makes the first word a name.)
    if !reaches
        || !(subject.start..subject.end).any(|i| doc.toks[i].capitalized())
        || (subject.start..subject.end).any(|i| cue_at(doc, i).is_some_and(|c| speech_form(&c)))
    {
        return None;
    }
    res.resolve_described(subject, appos, para)
}

/// The speaker the sentence's subject (before token `k`) names; a description followed by
/// a name between commas is that name's (`Schilling's son, Grant, defended his father,
/// saying: "Q"`).
fn leading_source(doc: &Doc, res: &mut Resolver, s: usize, k: usize, para: u32) -> Option<Speaker> {
    let subj = leading_subject(doc, s, k)?;
    if doc.toks.get(subj.end).is_some_and(|t| t.is_punct(','))
        && let Some(close) =
            (subj.end + 1..k.min(subj.end + 8)).find(|&i| doc.toks[i].is_punct(','))
        && let Some(sp) = res.named_in_apposition(subj.clone(), Some(subj.end + 1..close), para)
    {
        return Some(sp);
    }
    res.resolve(subj, None, para)
}

/// A fragment's source: the nearest cue or naming verb before it in the sentence
/// (`Kejriwal turned to Twitter to describe his city as a “gas chamber”`, `with the
/// minister warning of “dangerous consequences”`).
pub fn partial_frame(
    doc: &Doc,
    res: &mut Resolver,
    sent: Range<usize>,
    open: usize,
    para: u32,
    naming: &[&str],
) -> Option<(Speaker, Range<usize>)> {
    let lo = open.saturating_sub(12).max(sent.start);
    let k = (lo..open).rev().find(|&k| {
        let t = &doc.toks[k];
        t.q == 0
            && t.is_word()
            // (`the former secretary of state`, `her charge`: a noun, not the verb)
            && !(k > sent.start && doc.is_any(k - 1, NOUN_MARKERS))
            // (`called Poe's remarks a “Q”`: a noun after a name's possessive, unless it
            // introduces a clause, `Poe's claim that`)
            && (!subject::after_possessive(doc, sent.start, k) || doc.is(k + 1, "that"))
            && (doc.is_any(k, naming)
                || cue_at(doc, k).is_some_and(|c| c.verb.is_some() && !adjectival(doc, &c)))
    })?;
    if let Some(owner) = subject::possessor_before(doc, sent.start, k) {
        return res.resolve(owner, None, para).map(|sp| (sp, k..k + 1));
    }
    // `Trump, who has called the pact "insanity"`: the name before `who`.
    if let Some(ante) = relative_antecedent(doc, sent.start, k) {
        return res.resolve(ante, None, para).map(|sp| (sp, k..k + 1));
    }
    if doc.toks[k..open]
        .iter()
        .any(|t| t.kind != TokKind::Word && t.q == 0 && !t.is_punct(',') && !t.is_punct('.'))
    {
        return None;
    }
    let infinitive = k > sent.start && doc.is(k - 1, "to");
    let ing = doc.text(k).ends_with("ing");
    // `what is called a “debate”`, `was described as “reckless”`: a passive verb says nothing
    // of who used the words.
    if !ing
        && k > sent.start
        && doc.is_any(k - 1, &["is", "are", "was", "were", "be", "been", "being"])
    {
        return None;
    }
    // `Dorn mocked Pike on trade and called her a “radical”`: a coordinated verb has the
    // subject of the verb before it, the one after a subordinator when the clause has one
    // (`the feud grew when Dorn mocked Pike and called her`).
    if !ing && coordinated_cue(doc, sent.start, k) && !subject::relative_before(doc, sent.start, k)
    {
        let speaker = match subject::subordinate_subject(doc, sent.start, k) {
            Some(r) => res.resolve(r, None, para),
            None => leading_source(doc, res, sent.start, k, para),
        };
        if let Some(speaker) = speaker {
            return Some((speaker, k..k + 1));
        }
    }
    if !infinitive
        && !ing
        && let Some(subject) = subject_before(doc, sent.start, k)
        && let Some(speaker) = res.resolve(subject.range, subject.appos, para)
    {
        return Some((speaker, k..k + 1));
    }
    // `After saying her foot was “swollen,” Mara Quill was taken ...`: a participle opening
    // the sentence has the main clause's subject, after the adjunct.
    if ing
        && k == sent.start + 1
        && doc.is_any(k - 1, &["before", "after", "while", "upon"])
        && let Some(subj) = leading_subject(doc, sent.start, sent.end)
        && subj.start > open
    {
        return res.resolve(subj, None, para).map(|sp| (sp, k..k + 1));
    }
    if ing {
        // `Pike saying she was “encouraged” and Dorn calling it a “great start”`: a name
        // right before the participle is its subject (a participle near the fragment, not
        // `Poe calling for a ban on imports makes him “Q”`).
        let (st, _) = name_run_back(doc, sent.start, k);
        if st < k
            && open <= k + 6
            && st > sent.start
            && doc.toks[st].capitalized()
            && !doc.is_any(st - 1, &["to", "with", "of", "for", "by"])
            && !(st..k).any(|i| doc.is_any(i, &WEEKDAYS) || doc.is_any(i, &MONTHS))
            && let Some(speaker) = res.resolve(st..k, None, para)
        {
            return Some((speaker, k..k + 1));
        }
        // `of Carson privately saying`
        if let Some(name) = subject::name_after_preposition(doc, sent.start, k)
            && let Some(speaker) = res.resolve(name, None, para)
        {
            return Some((speaker, k..k + 1));
        }
        // `with the minister warning of ...`
        if let Some(subject) = subject_before(doc, sent.start, k)
            && subject.before.is_some_and(|b| doc.is(b, "with"))
            && let Some(speaker) = res.resolve(subject.range, subject.appos, para)
        {
            return Some((speaker, k..k + 1));
        }
    }
    sentence_source(doc, res, sent.start, k, para).map(|speaker| (speaker, k..k + 1))
}

/// `of alleged victims`, `the reported deal`: a participle between a preposition or
/// determiner and a noun is an adjective, not a speech verb.
fn adjectival(doc: &Doc, c: &Cue) -> bool {
    let k = c.start;
    c.end == k + 1
        && c.verb
            .is_some_and(|v| matches!(v.form, Form::Past | Form::Participle))
        && k > 0
        && (doc.is_any(
            k - 1,
            &[
                "of", "for", "with", "about", "on", "in", "from", "against", "over", "the", "a",
                "an", "his", "her", "its", "their", "our",
            ],
        ) || doc.text(k - 1).ends_with("’s")
            || doc.text(k - 1).ends_with("'s"))
        && doc.toks.get(k + 1).is_some_and(|t| {
            t.is_word() && t.ch.is_lowercase() && !doc.is_any(k + 1, &["that", "to", "by"])
        })
}

/// The source of the first cue of the sentence before token `limit` that has one
/// (`He urged Mr. Smith to act, saying ...` → he).
pub fn sentence_source(
    doc: &Doc,
    res: &mut Resolver,
    sent_start: usize,
    limit: usize,
    para: u32,
) -> Option<Speaker> {
    let mut i = sent_start;
    // The first cue is near the start of the sentence; a bounded scan stays linear.
    while i < limit.min(sent_start + 80) {
        if doc.toks[i].is_word()
            && doc.toks[i].q == 0
            && let Some(c) = cue_at(doc, i)
            && speech_form(&c)
            && !noun_use(doc, &c)
            && !base_form_noun(doc, &c)
        {
            let subject = subject_before(doc, sent_start, i)?;
            // `Mr. Cole deflected numerous questions`: a past form before the cue word makes
            // it the object noun of that verb, not a cue; the sentence's subject is read on
            // (not after a verb that delivers speech: `made the following comment`).
            let past_before = subject.range.clone().any(|j| {
                let t = &doc.toks[j];
                let w = doc.text(j);
                t.is_word()
                    && t.ch.is_lowercase()
                    && (w.len() > 4 && w.ends_with("ed")
                        || super::frame_words::is(super::frame_words::Section::IrregularPast, w))
                    && !doc.is_any(
                        j,
                        &[
                            "made",
                            "gave",
                            "issued",
                            "offered",
                            "delivered",
                            "released",
                            "posted",
                            "sent",
                            "had",
                            "shared",
                            "published",
                            "tweeted",
                        ],
                    )
            });
            if !past_before {
                return res.resolve(subject.range, subject.appos, para);
            }
        }
        i += 1;
    }
    // No cue before: the sentence's leading subject (`Kejriwal turned to Twitter to ...`).
    let subj = leading_subject(doc, sent_start, limit)?;
    res.resolve(subj, None, para)
}

/// `a Trump-style retort`, `the answer`, `his reply`: a cue's base form after a determiner,
/// a possessive or a hyphenated modifier is a noun.
fn base_form_noun(doc: &Doc, c: &Cue) -> bool {
    c.verb.is_some_and(|v| v.form == Form::Base)
        && !c.phrase
        && c.start > 0
        && doc.toks[c.start - 1].is_word()
        && {
            let prev = doc.text(c.start - 1);
            doc.is_any(c.start - 1, DETERMINERS)
                || doc.is_any(c.start - 1, &["every", "any", "no"])
                || prev.contains('-')
                || prev.ends_with("'s")
                || prev.ends_with("’s")
        }
}

/// True for time words that may sit between a cue and its clause.
pub fn is_time(doc: &Doc, i: usize) -> bool {
    doc.is_any(i, &WEEKDAYS)
        || doc.is_any(i, TIME_WORDS)
        || doc.is_any(i, &MONTHS)
        || doc.is_any(i, &MONTH_ABBREVIATIONS)
}

#[cfg(test)]
mod tests {
    use super::super::resolve::{KnownEntities, Resolver};
    use super::*;
    use crate::extract::tokens::marks::find_spans;

    fn attr(body: &str) -> Option<String> {
        let spans = find_spans(body);
        let doc = Doc::new(body, &spans);
        let known = KnownEntities::default();
        let mut res = Resolver::new(&doc, &known);
        let (open, close) = doc.span_toks[0];
        let sent = doc
            .sents
            .iter()
            .find(|r| r.contains(&open))
            .unwrap()
            .clone();
        attribute(&doc, &mut res, sent, open, close, 0).and_then(|(s, _, _)| s.name)
    }

    #[test]
    fn a_party_and_state_tag_after_the_name() {
        assert_eq!(
            attr("“We condemn it,” Ivo Dask, R-Ky., said.").as_deref(),
            Some("Ivo Dask")
        );
        assert_eq!(
            attr("“It was wrong,” Senate Leader Ana Ruiz, D-Calif., told reporters.").as_deref(),
            Some("Ana Ruiz")
        );
        assert!(crate::extract::tokens::abbreviations::is_abbrev("R-Ky"));
    }

    #[test]
    fn a_document_after_the_quotation_and_a_relative_before_it() {
        assert_eq!(
            attr("“The changes add to the urgency,” the report said.").as_deref(),
            Some("report")
        );
        assert_eq!(
            attr("Among the replies was one from Rikkie Wells, who tweeted, “You never listen.”")
                .as_deref(),
            Some("Rikkie Wells")
        );
        assert_eq!(
            attr("At the time, Ruth Hale released a statement saying, “We are confident.”")
                .as_deref(),
            Some("Ruth Hale")
        );
    }

    #[test]
    fn two_roles_of_one_source() {
        assert_eq!(
            attr("“It is a paranoid nation,” the Vermont senator and presidential candidate told reporters.")
                .as_deref(),
            Some("Vermont senator and presidential candidate")
        );
    }

    /// The speaker `partial_frame` gives the first quotation of `body` (`naming`: the
    /// naming verbs it looks for besides the cues).
    fn fragment_speaker(naming: &[&str], body: &str) -> Option<String> {
        let spans = find_spans(body);
        let doc = Doc::new(body, &spans);
        let known = KnownEntities::default();
        let mut res = Resolver::new(&doc, &known);
        let open = doc.span_toks[0].0;
        let sent = doc
            .sents
            .iter()
            .find(|r| r.contains(&open))
            .unwrap()
            .clone();
        partial_frame(&doc, &mut res, sent, open, 0, naming).and_then(|x| x.0.name)
    }

    #[test]
    fn a_relative_who_gives_its_name() {
        assert_eq!(
            fragment_speaker(
                &["called"],
                "Contrast that with Ivo Dask, who has called the pact “insanity,” and others."
            )
            .as_deref(),
            Some("Ivo Dask")
        );
        assert_eq!(
            fragment_speaker(
                &["called"],
                "Ruiz met Dask, now the Senate leader, who in 2010 said the goal was to make \
                 her a “one-term mayor.”"
            )
            .as_deref(),
            Some("Dask")
        );
    }

    #[test]
    fn a_name_spelled_like_a_stop_word_or_a_contracted_pronoun() {
        assert_eq!(
            fragment_speaker(
                &[],
                "While Will acknowledges the appeal of a “forceful persona,” he prefers Dask."
            )
            .as_deref(),
            Some("Will")
        );
        // A pronoun with a contracted verb is a pronoun, never a name.
        let he = fragment_speaker(
            &[],
            "He’s claiming that fraud is “a big, big problem” here.",
        );
        assert!(
            !he.as_deref().is_some_and(|n| n.starts_with("He")),
            "{he:?}"
        );
    }

    #[test]
    fn cue_then_source() {
        assert_eq!(
            attr("“We will go,” said Maj. Matt Taylor, deputy commander of the unit.").as_deref(),
            Some("Matt Taylor")
        );
        assert_eq!(
            attr("“We will go,” said a company spokesperson when asked.").as_deref(),
            Some("company spokesperson")
        );
    }

    #[test]
    fn source_then_cue() {
        assert_eq!(
            attr("“We will go,” Jane Roe told reporters.").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            attr("“We will go,” Jane Roe, the mayor of Springfield, said.").as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            attr("“Not now,” the ministry’s officials added on Monday.").as_deref(),
            Some("ministry’s officials")
        );
    }

    #[test]
    fn cue_before_the_quote() {
        assert_eq!(
            attr("Lt. Col. Ann Poe, the head of the squadron, said: “It works.”").as_deref(),
            Some("Ann Poe")
        );
        assert_eq!(
            attr("According to Ann Poe, “it works.”").as_deref(),
            Some("Ann Poe")
        );
        assert_eq!(attr("He used the word “freedom” a lot."), None);
    }
}
