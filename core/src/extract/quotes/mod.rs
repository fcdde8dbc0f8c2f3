//! Quotes and their speakers.
//!
//! The pipeline, one pass over the body (linear in its length):
//! 1. the quotation spans and the token stream with its sentences
//!    ([`crate::extract::tokens`]), made once for both readers;
//! 2. [`text`]: the quote finder's view of them, quotations as units;
//! 3. per sentence: cues ([`cues`], looked up once per token by [`cue_lookup`]), reported
//!    speech ([`indirect`]), attribution frames of each quotation ([`frames`]), speaker
//!    resolution ([`resolve`]);
//! 4. per paragraph: quotations without a cue take the speaker of the paragraph or the
//!    current speaker; scare quotes, titles and names in marks are dropped.
//!
//! The word lists of the rules are data files read by [`frame_words`] and [`speaker_words`];
//! [`word_match`] holds the word comparisons all steps share.

pub mod cue_lookup;
pub mod cues;
pub mod frame_words;
pub mod frames;
pub mod indirect;
pub mod lead_in;
pub mod resolve;
pub mod speaker_words;
pub mod text;
pub mod word_match;

use super::{Quote, QuoteKind, Rule, SpeakerKind};
use cue_lookup::{cue_at, fill_cues, phrase_at};
use cues::{Cue, PhraseKind};
use frame_words::Section;
pub use resolve::{Gender, KnownEntities, KnownEntity};
use resolve::{Resolver, Speaker};
use std::ops::Range;
use text::{Doc, TokKind};

/// A quotation being built: its root span, kind and attribution.
struct Pending {
    /// Index of the first part's span.
    span: usize,
    /// Index of the last part's span (the same for one-paragraph quotes).
    last: usize,
    kind: QuoteKind,
    speaker: Option<Speaker>,
    cue: Option<Range<usize>>,
    /// The step that chose `speaker`.
    speaker_rule: Rule,
    para: u32,
    /// Starts its paragraph.
    leads: bool,
    nonquote: bool,
}

/// Finds the quotes of `body`, attributed with the help of `known` entities.
pub fn extract(body: &str, known: &KnownEntities) -> Vec<Quote> {
    let spans = crate::extract::tokens::marks::find_spans(body);
    extract_in(Doc::new(body, &spans), known)
}

/// [`extract`] on a body already tokenized.
pub fn extract_in(mut doc: Doc, known: &KnownEntities) -> Vec<Quote> {
    let (body, spans) = (doc.body, doc.spans);
    fill_cues(&mut doc);
    let doc = doc;
    let mut res = Resolver::new(&doc, known);
    let mut pending: Vec<Pending> = Vec::new();
    // Root pending index of each span.
    let mut owner: Vec<usize> = vec![usize::MAX; spans.len()];
    let mut out: Vec<Quote> = Vec::new();
    let mut para_first = 0usize; // first pending of the current paragraph
    let mut cur_para = 0u32;
    let mut cues: Vec<Cue> = Vec::new();
    let mut span_i = 0usize;
    let mut para_start_tok = 0usize;

    for (si, sent) in doc.sents.iter().enumerate() {
        let para = doc.sent_para[si];
        if para != cur_para {
            settle_paragraph(&mut pending[para_first..], &mut res, cur_para);
            para_first = pending.len();
            cur_para = para;
            para_start_tok = sent.start;
        }
        // Cues outside quotation marks.
        cues.clear();
        let mut i = sent.start;
        while i < sent.end {
            let t = &doc.toks[i];
            if t.is_word()
                && t.q == 0
                && let Some(c) = cue_at(&doc, i)
            {
                i = c.end;
                cues.push(c);
                continue;
            }
            i += 1;
        }
        let reported = if cues.is_empty() {
            Vec::new()
        } else {
            indirect::find(&doc, &mut res, sent.clone(), &cues, para)
        };
        // Quotations opening in this sentence.
        let mut events: Vec<(usize, Speaker)> = Vec::new();
        let sent_first = pending.len();
        while span_i < spans.len() && doc.span_toks[span_i].0 < sent.end {
            let (open, close) = doc.span_toks[span_i];
            let sp = &spans[span_i];
            if open < sent.start || open == usize::MAX {
                span_i += 1;
                continue;
            }
            if let Some(prev) = sp.cont_of {
                // A later part of a multi-paragraph quote.
                let root = owner.get(prev).copied().unwrap_or(usize::MAX);
                if root != usize::MAX {
                    owner[span_i] = root;
                    pending[root].last = span_i;
                    // The frame after the part that closes the quote names its speaker, unless
                    // a frame in the first paragraph did (a quote that opened a paragraph of
                    // its own and was given to the current speaker goes to this frame's).
                    // (Only when this part opens with the mark the quote opened with: `“` after
                    // `"` is more likely a new quote after a lost closing mark.)
                    let root_open = doc.span_toks[pending[root].span].0;
                    let open_to_frame = pending[root].speaker.is_none()
                        || pending[root].speaker_rule == Rule::CurrentSpeaker
                            && doc.toks[root_open].ch == doc.toks[open].ch;
                    if open_to_frame
                        && let Some(c) = close
                        && let Some((s, cue, rule)) =
                            frames::after_frame(&doc, &mut res, sent.clone(), open, c, para)
                    {
                        pending[root].speaker = Some(s);
                        pending[root].cue = Some(cue);
                        pending[root].speaker_rule = rule;
                    }
                    if let Some(s) = &pending[root].speaker {
                        events.push((doc.toks[open].start, s.clone()));
                    }
                }
                span_i += 1;
                continue;
            }
            let kind = classify(&doc, sent, span_i, open, close);
            let nonquote = (kind == QuoteKind::Partial
                && is_nonquote(&doc, sent.start, span_i, open))
                || is_work_title(&doc, sent.clone(), span_i, open, close);
            let mut speaker = None;
            let mut cue = None;
            let mut speaker_rule = Rule::Unattributed;
            let naming = frame_words::list(Section::NamingVerb);
            if !nonquote {
                if let Some((s, c, r)) =
                    frames::attribute(&doc, &mut res, sent.clone(), open, close, para)
                {
                    speaker = Some(s);
                    cue = Some(c);
                    speaker_rule = r;
                } else if let Some(h) = reported.iter().find(|h| h.content.contains(&open)) {
                    // `X said that during the call he called Omar a “terrorist”`: a naming
                    // verb inside the reported clause names its own source.
                    let naming_inside = kind == QuoteKind::Partial
                        && (h.content.start..open).any(|i| doc.is_any(i, naming));
                    let inner = naming_inside
                        .then(|| {
                            frames::partial_frame(&doc, &mut res, sent.clone(), open, para, naming)
                        })
                        .flatten();
                    let (s, c, r) = own_or_reported(inner, h);
                    (speaker, cue, speaker_rule) = (Some(s), Some(c), r);
                } else if kind == QuoteKind::Partial
                    && let Some(h) = reported.first()
                {
                    // `X said C, and Y vowed to “Q”`: a cue of its own after the reported
                    // clause, nearer the fragment, names its source; so does a naming verb
                    // before a clause reported later (`The alliance called it a “Q,” while
                    // its president warned that C`).
                    let after = h.content.end <= open;
                    let before = h.cue.start > open;
                    let own = (after || before)
                        .then(|| {
                            frames::partial_frame(&doc, &mut res, sent.clone(), open, para, naming)
                        })
                        .flatten()
                        .filter(|(_, c)| {
                            after && c.start >= h.content.end || before && c.end <= open
                        });
                    let (s, c, r) = own_or_reported(own, h);
                    (speaker, cue, speaker_rule) = (Some(s), Some(c), r);
                } else if kind == QuoteKind::Partial
                    && let Some((s, c)) =
                        frames::partial_frame(&doc, &mut res, sent.clone(), open, para, naming)
                {
                    speaker = Some(s);
                    cue = Some(c);
                    speaker_rule = Rule::NamingVerb;
                }
            }
            if speaker.is_none() && !nonquote {
                let prev = si.checked_sub(1);
                // The last sentence of this paragraph, to tell a quotation that is a
                // paragraph of its own.
                let last = (si..doc.sents.len())
                    .take_while(|&j| doc.sent_para[j] == para)
                    .last()
                    .unwrap_or(si);
                let site = lead_in::Site {
                    sent: sent.clone(),
                    prev_sent: prev.map(|p| doc.sents[p].clone()),
                    prev_same_para: prev.is_some_and(|p| doc.sent_para[p] == para),
                    prev_last_para: prev.is_some_and(|p| doc.sent_para[p] + 1 == para),
                    next_para_sent: doc
                        .sents
                        .get(si + 1)
                        .filter(|_| doc.sent_para[si + 1] == para + 1)
                        .cloned(),
                    next_sent: doc
                        .sents
                        .get(si + 1)
                        .filter(|_| doc.sent_para[si + 1] == para)
                        .cloned(),
                    para_end: doc.sents[last].end,
                    open,
                    close,
                    direct: kind == QuoteKind::Direct,
                    para,
                };
                if let Some((s, r)) = lead_in::attribute(&doc, &mut res, &site) {
                    speaker = Some(s);
                    speaker_rule = r;
                }
            }
            if let Some(s) = &speaker {
                events.push((doc.toks[open].start, s.clone()));
            }
            owner[span_i] = pending.len();
            pending.push(Pending {
                span: span_i,
                last: span_i,
                kind,
                speaker,
                cue,
                speaker_rule,
                para,
                leads: open == para_start_tok,
                nonquote,
            });
            span_i += 1;
        }
        // A fragment with no frame of its own shares the sentence's speaker
        // (`It was “awful” and “we will fix it,” she said.`).
        if let Some(sp) = pending[sent_first..]
            .iter()
            .find(|p| p.speaker.is_some() && !p.nonquote)
            .map(|p| (p.speaker.clone(), p.cue.clone()))
        {
            for p in pending[sent_first..].iter_mut() {
                if p.speaker.is_none() && !p.nonquote && p.kind == QuoteKind::Partial {
                    p.speaker = sp.0.clone();
                    p.cue = sp.1.clone();
                    p.speaker_rule = Rule::SameSentence;
                }
            }
        }
        // A clause cut down to nothing (a participle cue at its very start) is no quote.
        for h in reported.iter().filter(|h| h.content.start < h.content.end) {
            events.push((doc.toks[h.content.start].start, h.speaker.clone()));
            // Nor is one with no word of a clause in it and no `that` before it (`said in a
            // video message to the convention`), though its source spoke and it still names
            // the source of a fragment inside. (`suggested that the President change his
            // diet` keeps its verb in the base form.)
            let clause = h.content.start > 0 && doc.is(h.content.start - 1, "that")
                || indirect::reads_as_clause(&doc, h.content.clone());
            if !clause {
                continue;
            }
            out.push(Quote {
                kind: QuoteKind::Indirect,
                span: doc.bytes(h.content.clone()),
                speaker: h.speaker.name.clone(),
                speaker_kind: kind_of(&h.speaker),
                speaker_entity: h.speaker.entity,
                cue: Some(cue_text(&doc, &h.cue)),
                speaker_span: h.speaker.span.clone(),
                continues: false,
                rule: h.rule,
                speaker_rule: match h.rule {
                    _ if h.speaker.name.is_none() => Rule::Unattributed,
                    Rule::ReportedInverted => Rule::CueAfter,
                    Rule::ReportedParticiple => Rule::SameSentence,
                    Rule::AccordingTo => Rule::AccordingTo,
                    Rule::ReportedAs => Rule::AsPutIt,
                    _ => Rule::CueBefore,
                },
            });
        }
        events.sort_by_key(|e| e.0);
        for (pos, s) in events {
            res.record(&s, para, pos);
        }
    }
    settle_paragraph(&mut pending[para_first..], &mut res, cur_para);

    // A word or two quoted more than once is a term under discussion (`“taste”
    // receptors`), not someone's words.
    let mut terms: cues::FastMap<String, u32> = cues::FastMap::default();
    for p in &pending {
        let t = &body[spans[p.span].text.clone()];
        if t.split_whitespace().take(3).count() <= 2 {
            *terms
                .entry(
                    t.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase(),
                )
                .or_default() += 1;
        }
    }
    // A title named once as a title (`the play “The Salt Year”`) is a title wherever it is
    // quoted again (`“The Salt Year” runs until April`).
    let title_key = |t: &str| {
        t.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let titles: std::collections::HashSet<String> = pending
        .iter()
        .filter(|p| p.nonquote)
        .map(|p| &body[spans[p.span].text.clone()])
        .filter(|t| title_case(t, 8))
        .map(title_key)
        .collect();
    for p in pending {
        if p.nonquote {
            continue;
        }
        if !titles.is_empty() {
            let t = &body[spans[p.span].text.clone()];
            if title_case(t, 8) && titles.contains(&title_key(t)) {
                continue;
            }
        }
        if p.kind == QuoteKind::Partial {
            let t = &body[spans[p.span].text.clone()];
            let key = t
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if t.split_whitespace().take(3).count() <= 2 && terms.get(&key).is_some_and(|&n| n >= 2)
            {
                continue;
            }
        }
        // Partial quotes nobody is reported as saying are scare quotes or names.
        if p.kind == QuoteKind::Partial && p.speaker.is_none() {
            continue;
        }
        let sp = &spans[p.span];
        if sp.text.is_empty() {
            continue;
        }
        let speaker = p.speaker.unwrap_or(Speaker {
            name: None,
            kind: SpeakerKind::Unknown,
            entity: None,
            span: None,
            gender: None,
        });
        out.push(Quote {
            kind: p.kind,
            span: sp.text.clone(),
            speaker: speaker.name.clone(),
            speaker_kind: kind_of(&speaker),
            speaker_entity: speaker.entity,
            cue: p.cue.as_ref().map(|c| cue_text(&doc, c)),
            speaker_span: speaker.span.clone(),
            continues: sp.continues,
            rule: Rule::QuotationMarks,
            speaker_rule: if speaker.name.is_some() {
                p.speaker_rule
            } else {
                Rule::Unattributed
            },
        });
    }
    out.sort_by(|a, b| {
        a.span
            .start
            .cmp(&b.span.start)
            .then(a.span.end.cmp(&b.span.end))
    });
    out
}

fn kind_of(s: &Speaker) -> SpeakerKind {
    if s.name.is_none() {
        SpeakerKind::Unknown
    } else {
        s.kind
    }
}

fn cue_text(doc: &Doc, cue: &Range<usize>) -> String {
    doc.body[doc.bytes(cue.clone())].to_string()
}

/// Quotations without a cue take the speaker of another quotation of their paragraph, or,
/// when they open the paragraph, the current speaker.
fn settle_paragraph(pending: &mut [Pending], res: &mut Resolver, para: u32) {
    let n = pending.len();
    let speaks = |p: &Pending| p.speaker.is_some() && p.kind == QuoteKind::Direct && p.para == para;
    // The nearest attributed quotation after each one (one backward pass, linear).
    let mut next: Vec<Option<usize>> = vec![None; n];
    let mut nx = None;
    for i in (0..n).rev() {
        next[i] = nx;
        if speaks(&pending[i]) {
            nx = Some(i);
        }
    }
    let mut prev: Option<Speaker> = None;
    for i in 0..n {
        if speaks(&pending[i]) {
            prev = pending[i].speaker.clone();
            continue;
        }
        if pending[i].speaker.is_some()
            || pending[i].nonquote
            || pending[i].kind != QuoteKind::Direct
        {
            continue;
        }
        let near = prev
            .clone()
            .or_else(|| next[i].and_then(|j| pending[j].speaker.clone()));
        if let Some(s) = near {
            pending[i].speaker = Some(s.clone());
            pending[i].speaker_rule = Rule::SameParagraph;
            prev = Some(s);
            continue;
        }
        // A quotation inside a paragraph where someone already speaks is theirs; one that
        // opens a paragraph goes on with the current speaker.
        let back = u32::from(pending[i].leads);
        if let Some(s) = res.current(para, back, |s| {
            matches!(
                s.kind,
                SpeakerKind::Person
                    | SpeakerKind::Group
                    | SpeakerKind::Organization
                    | SpeakerKind::Document
            )
        }) {
            res.record(&s, para, usize::MAX);
            prev = Some(s.clone());
            pending[i].speaker = Some(s);
            pending[i].speaker_rule = Rule::CurrentSpeaker;
        }
    }
}

/// A fragment's source: its own naming verb or cue when one was found (`own`), else the
/// source of the reported clause `h`; with the cue and the step.
fn own_or_reported(
    own: Option<(Speaker, Range<usize>)>,
    h: &indirect::ReportedClause,
) -> (Speaker, Range<usize>, Rule) {
    match own {
        Some((s, c)) => (s, c, Rule::NamingVerb),
        None => (h.speaker.clone(), h.cue.clone(), Rule::ReportedSource),
    }
}

/// Direct (a clause or more of someone's words) or partial (a fragment in the writer's
/// sentence).
fn classify(
    doc: &Doc,
    sent: &Range<usize>,
    span: usize,
    open: usize,
    close: Option<usize>,
) -> QuoteKind {
    let sp = &doc.spans[span];
    if sp.continues || close.is_none() {
        return QuoteKind::Direct;
    }
    let close = close.unwrap_or(open);
    let inner = open + 1..close;
    let words = doc.words(inner.clone());
    let text = &doc.body[sp.text.clone()];
    let first = text.chars().find(|c| c.is_alphanumeric());
    let upper = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let end_punct = text.trim_end().ends_with(['.', ',', '?', '!', '…']);
    let mut before = open;
    while before > sent.start
        && doc.toks[before - 1].kind == TokKind::Punct
        && matches!(doc.toks[before - 1].ch, '—' | '–' | '(' | '[')
    {
        before -= 1;
    }
    let starts = before == sent.start;
    let prev = (open > sent.start).then(|| &doc.toks[open - 1]);
    // (`“A,” Brooks said afterward, “but B”`: a time word may follow the cue.)
    let cue_before = open >= sent.start + 2 && cue_at(doc, open - 2).is_some()
        || open >= sent.start + 3
            && (frames::is_time(doc, open - 2) || doc.text(open - 2).ends_with("ward"))
            && cue_at(doc, open - 3).is_some();
    // `X said that “Q.”` with the quotation ending the sentence: a clause of speech.
    let said_that = open >= sent.start + 2
        && doc.is(open - 1, "that")
        && cue_at(doc, open - 2).is_some()
        && close + 2 >= sent.end
        && words >= 4;
    let lead = prev.is_some_and(|t| t.is_punct(':') || (t.is_punct(',') && (upper || cue_before)));
    let after_cue = open > sent.start && cue_at(doc, open - 1).is_some() && upper;
    let clause = words >= 3 && end_punct && upper;
    // `…, “nobody knew,” said X`: words closed by a comma and followed by a cue.
    let trailing = text.trim_end().ends_with([',', '?', '!'])
        && (close + 1..sent.end.min(close + 6))
            .any(|i| cue_at(doc, i).is_some_and(|c| cue_lookup::speech_form(&c)));
    // `The merger was “good for everyone,” Kim Sato said`: the writer's words open the
    // clause, so the quoted part is a fragment of reported speech.
    let writer_before = open > sent.start
        && doc.toks[open - 1].is_word()
        && (sent.start..open)
            .filter(|&i| doc.toks[i].is_word() && doc.toks[i].outside())
            .nth(1)
            .is_some();
    if starts && (words >= 2 || end_punct)
        || lead
        || after_cue
        || said_that
        || trailing && words >= 3 && !writer_before
        || clause && words >= 6
    {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

const MINOR: &[&str] = &[
    "of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with", "or", "from", "vs",
];

/// Scare quotes, titles, nicknames and terms: `so-called “experts”`, `the film “Bad
/// Blood”`, `a phone called “Trading Nation”`.
fn is_nonquote(doc: &Doc, sent_start: usize, span: usize, open: usize) -> bool {
    // An appositive to a naming noun: `its unofficial nickname among pupils, "the big
    // lunch", has stuck`.
    if open > sent_start + 1 && doc.toks[open - 1].is_punct(',') {
        let lo = (open - 1).saturating_sub(5).max(sent_start);
        if (lo..open - 1).any(|i| {
            doc.toks[i].is_word()
                && doc.toks[i].outside()
                && frame_words::is(frame_words::Section::Naming, doc.text(i))
        }) {
            return true;
        }
    }
    // A naming phrase right before the marks.
    let mut end = open;
    if end > sent_start && doc.toks[end - 1].is_punct(',') {
        end -= 1;
    }
    for back in 1..=3 {
        if end < sent_start + back {
            break;
        }
        let at = end - back;
        if let Some(n) = phrase_at(doc, at, PhraseKind::Nonquote)
            && at + n == end
        {
            // `which she called “a mistake”` is speech; `a group called “X”` is a name.
            // (`which critics have called “reckless”`: auxiliaries before the verb, and a
            // plural group with no article after the relative word.)
            let mut k = at;
            while k > sent_start + 1
                && doc.is_any(
                    k - 1,
                    &["have", "has", "had", "also", "once", "often", "long"],
                )
            {
                k -= 1;
            }
            let someone = k > sent_start
                && n == 1
                && doc.toks[k - 1].is_word()
                && (doc.is_any(k - 1, &["he", "she", "they", "we", "i", "who"])
                    || doc.toks[k - 1].capitalized() && k - 1 > sent_start
                    || k >= sent_start + 2
                        && doc.is_any(k - 2, &["which", "that", "what", "whom", "as"])
                        && doc.text(k - 1).ends_with('s')
                        && speaker_words::words().is_group(doc.text(k - 1)));
            return !someone;
        }
    }
    // Title case: every word capitalized, no sentence punctuation.
    let sp = &doc.spans[span];
    let text = &doc.body[sp.text.clone()];
    // `said on “Face the Nation,”`, `told “Morning Joe,”`, `an interview with the “Ann
    // Poe Show.”`: a show's title where a program or an outlet goes, its comma or full
    // stop the writer's.
    let program_slot = open > sent_start
        && doc.toks[open - 1].is_word()
        && doc.is_any(open - 1, &["on", "told", "with", "the", "to"]);
    if program_slot && title_case(text.trim_end().trim_end_matches('.'), 6) {
        return true;
    }
    if text.trim_end().ends_with(['.', ',', '?', '!']) {
        return false;
    }
    let mut any = false;
    let mut all = true;
    for (i, w) in text
        .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        any = true;
        let cap = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !cap && (i == 0 || !word_match::is_one_of(w, MINOR)) {
            all = false;
            break;
        }
    }
    any && all
}

/// True when the words between the marks are in title case (minor words aside), with at
/// most a trailing comma, and at most `max` words.
fn title_case(text: &str, max: usize) -> bool {
    let t = text.trim_end();
    let t = t.strip_suffix(',').unwrap_or(t);
    if t.ends_with(['.', ',', '?', '!', ':', ';']) {
        return false;
    }
    let mut n = 0;
    for (i, w) in t
        .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
        .filter(|w| !w.is_empty())
        .enumerate()
    {
        n += 1;
        let cap = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if n > max || !cap && (i == 0 || !word_match::is_one_of(w, MINOR)) {
            return false;
        }
    }
    n > 0
}

/// A title of a work next to a work noun: `her memoir, “Tides and Tempers,” comes out`,
/// `the premiere of “The Salt Year,” a new play by`, `his book about X, “Out There” (2018)`.
fn is_work_title(
    doc: &Doc,
    sent: std::ops::Range<usize>,
    span: usize,
    open: usize,
    close: Option<usize>,
) -> bool {
    let sp = &doc.spans[span];
    if !title_case(&doc.body[sp.text.clone()], 8) {
        return false;
    }
    let w = speaker_words::words();
    let work_at = |i: usize| doc.toks[i].is_word() && doc.toks[i].q == 0 && w.is_work(doc.text(i));
    let lo = open.saturating_sub(8).max(sent.start);
    if (lo..open).any(work_at) {
        return true;
    }
    let Some(c) = close else {
        return false;
    };
    // An appositive after it: `“X,” a new play by`.
    let mut k = c + 1;
    if k < sent.end && doc.toks[k].is_punct(',') {
        k += 1;
    }
    k < sent.end
        && doc.is_any(k, &["a", "an", "the", "his", "her", "their", "its"])
        && (k + 1..sent.end.min(k + 4)).any(work_at)
}

/// Test support: the quotes of `body` (paragraphs split at blank lines) through the whole
/// analysis, with the body they point into.
#[cfg(test)]
pub(crate) fn analyze_paragraphs(body: &str) -> (String, Vec<Quote>) {
    let mut a = crate::article::Article::default();
    a.set_paragraphs(body.split("\n\n"));
    let quotes = crate::extract::analyze(&a).quotes;
    (a.body, quotes)
}

#[cfg(test)]
mod article_tests;
#[cfg(test)]
mod frame_adjunct_tests;
#[cfg(test)]
mod frame_scope_tests;
#[cfg(test)]
mod frame_source_tests;
#[cfg(test)]
mod lead_in_tests;
#[cfg(test)]
mod reported_subject_tests;
#[cfg(test)]
mod reported_tests;
#[cfg(test)]
mod speaker_tests;
#[cfg(test)]
mod tests;
