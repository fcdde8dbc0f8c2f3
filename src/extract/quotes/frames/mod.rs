//! Attribution frames: where the cue and the source sit around a quotation.
//!
//! - after the closing mark: `"Q," said S` / `"Q," S said` / `"Q," S told reporters`
//! - before the opening mark: `S said: "Q"` / `S said, "Q"` / `According to S, "Q"`
//!
//! Source phrases are read with [`subject_before`] (leftwards from a cue, across an
//! appositive: `S, the ROLE of ORG, said`) and [`np_after`] (rightwards after an inverted
//! cue: `said Maj. Matt Taylor, deputy commander`).

use super::cues::{Form, PhraseKind, Verb, lexicon};
use super::frame_words::{self, Section};
use super::resolve::{Resolver, Speaker, words};
use super::text::{Doc, Kind, is_abbrev, lower};
use crate::extract::Rule;
use std::ops::Range;

mod subject;
pub use subject::subject_before;

/// A cue found in the text: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    /// The verb, for verb cues (for multiword verb cues, the phrase counts as past tense).
    pub verb: Option<Verb>,
    /// `according to`: the source follows.
    pub source: bool,
    /// A multiword cue ("was quoted as saying").
    pub phrase: bool,
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

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "later",
    "recently",
    "previously",
    "overnight",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
];

/// A source phrase found left of a cue.
#[derive(Debug, Clone)]
pub struct Np {
    pub range: Range<usize>,
    pub appos: Option<Range<usize>>,
    /// The token just before the phrase (a comma, a closing mark, a stop word), or `None`
    /// when the phrase starts its sentence (after connectives).
    pub before: Option<usize>,
}

const STOP_FWD: &[&str] = &[
    "in",
    "on",
    "at",
    "when",
    "who",
    "during",
    "after",
    "before",
    "while",
    "as",
    "that",
    "told",
    "adding",
    "saying",
    "according",
    "because",
    "since",
    "last",
    "this",
    "earlier",
    "yesterday",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "and",
    "but",
    "via",
    "through",
    "where",
    "which",
    "whose",
    "to",
    "late",
    "early",
    "about",
    "said",
    "says",
    "citing",
    "than",
    "referring",
    "speaking",
];

/// The source phrase right after an inverted cue (`said Maj. Matt Taylor, ...`), with the
/// appositive after it, if any.
pub fn np_after(doc: &Doc, p: usize, e: usize) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let mut j = p;
    while j < e && j - p < 16 {
        let t = &doc.toks[j];
        let ok = match t.kind {
            Kind::Word => {
                // `Omar Said`: a capitalized name inside the phrase is not a stop word.
                let name_part = j > p && t.capitalized() && !is_time(doc, j);
                name_part
                    || !super::text::is_one_of(doc.text(j), STOP_FWD)
                    || j == p && doc.is(j, "the")
            }
            Kind::Punct => {
                (t.ch == '.'
                    && j > p
                    && is_abbrev(doc.text(j - 1))
                    && doc.toks.get(j + 1).is_some_and(|n| n.capitalized()))
                    || t.ch == '&'
            }
            _ => false,
        };
        if !ok {
            break;
        }
        j += 1;
    }
    if j == p {
        return None;
    }
    let mut appos = None;
    if j < e && doc.toks[j].is_punct(',') {
        let a = j + 1;
        let mut b = a;
        while b < e && b - a < 20 && !doc.toks[b].is_punct(',') && doc.toks[b].kind == Kind::Word
            || b < e
                && doc.toks[b].is_punct('.')
                && b > a
                && is_abbrev(doc.text(b - 1))
                && b + 1 < e
            || b < e && doc.toks[b].is_punct('-')
        {
            b += 1;
        }
        if b > a {
            appos = Some(a..b);
        }
    }
    Some((p..j, appos))
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
    if adjacent && let Some((sp, cue)) = before_frame(doc, res, sent.clone(), open, para) {
        return Some((sp, cue, Rule::CueBefore));
    }
    if let Some(c) = close
        && let Some((sp, cue)) = after_frame(doc, res, sent.clone(), c, para)
    {
        return Some((sp, cue, Rule::CueAfter));
    }
    before_frame(doc, res, sent, open, para).map(|(sp, cue)| (sp, cue, Rule::CueBefore))
}

/// `"Q," said S` / `"Q," S said` / `"Q," S told reporters on Monday`.
pub fn after_frame(
    doc: &Doc,
    res: &mut Resolver,
    sent: Range<usize>,
    close: usize,
    para: u32,
) -> Option<(Speaker, Range<usize>)> {
    let e = sent.end;
    let mut j = close + 1;
    while j < e
        && doc.toks[j].kind == Kind::Punct
        && matches!(doc.toks[j].ch, ',' | '—' | '–' | '-')
    {
        j += 1;
    }
    if j >= e || !doc.toks[j].is_word() {
        return None;
    }
    if let Some(cue) = cue_at(doc, j).filter(|c| speech_form(c) || perfect_form(doc, c)) {
        let (np, appos) = np_after(doc, cue.end, e)?;
        let sp = res.resolve_described(np, appos, para)?;
        return Some((sp, cue.start..cue.end));
    }
    // `"Q," Toomey fumed` / `"Q," quipped Ann Poe`: after a quotation, a verb of manner
    // (`fumed`, `quipped`, `joked`) next to a person's name tags the speech.
    if let Some(sp) = manner_tag(doc, res, j, e, para) {
        return Some(sp);
    }
    let lim = e.min(j + 45);
    let mut k = j + 1;
    while k < lim {
        let t = &doc.toks[k];
        // Skip a short parenthesis (`(D-Ore.)`).
        if t.is_punct('(')
            && let Some(c) = (k + 1..lim.min(k + 10)).find(|&i| doc.toks[i].is_punct(')'))
        {
            k = c + 1;
            continue;
        }
        if t.kind == Kind::Open || t.is_punct(';') || t.is_punct('.') && !is_abbrev(doc.text(k - 1))
        {
            return None;
        }
        if t.is_word()
            && let Some(cue) = cue_at(doc, k).filter(|c| speech_form(c) || perfect_form(doc, c))
        {
            let np = subject_before(doc, j, k)?;
            if let Some(b) = np.before
                && b >= j
            {
                // `"Q," NAME, a long description without a closing comma told X.`
                let (run_end, _) = name_run(doc, j, k);
                if run_end > j && doc.toks.get(run_end).is_some_and(|t| t.is_punct(',')) {
                    let sp = res.resolve(j..run_end, Some(run_end + 1..k), para)?;
                    return Some((sp, cue.start..cue.end));
                }
                // `"Q," the county's chief prosecutor, Ann Poe, said`: the role right after
                // the quotation, the name between commas.
                if np.appos.as_ref().is_some_and(|a| a.start == j)
                    && np.range.start == b + 1
                    && doc.toks[b].is_punct(',')
                {
                    let sp = res.resolve(np.range.clone(), np.appos.clone(), para)?;
                    if sp.kind == crate::extract::SpeakerKind::Person {
                        return Some((sp, cue.start..cue.end));
                    }
                }
                // `"Q," JPL scientist and co-author Ann Poe said.`
                let words_only = doc.toks[j..np.range.start].iter().all(|t| t.is_word());
                let sp = res.resolve(np.range, np.appos, para)?;
                if words_only && sp.kind == crate::extract::SpeakerKind::Person {
                    return Some((sp, cue.start..cue.end));
                }
                return None;
            }
            if k - j > 16 && np.appos.is_none() {
                return None;
            }
            let sp = res.resolve_described(np.range, np.appos, para)?;
            return Some((sp, cue.start..cue.end));
        }
        k += 1;
    }
    None
}

/// `"Q," Toomey fumed.` / `"Q," fumed Ann Poe.`: a past form in -ed beside a name that the
/// recogniser knows as a person, ending the sentence or followed by a time or place adjunct.
fn manner_tag(
    doc: &Doc,
    res: &mut Resolver,
    j: usize,
    e: usize,
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
        i >= e
            || doc.toks[i].kind == Kind::Punct && matches!(doc.toks[i].ch, '.' | '!' | '?')
            || doc.is_any(
                i,
                &["on", "in", "at", "during", "after", "before", "as", "while"],
            )
            || is_time(doc, i)
    };
    let (verb, name) = if manner(j) {
        let (end, n) = name_run(doc, j + 1, e);
        (j, (n > 0 && ends(end)).then_some(j + 1..end)?)
    } else {
        let (end, n) = name_run(doc, j, e);
        (n > 0 && manner(end) && ends(end + 1)).then_some(())?;
        (end, j..end)
    };
    let sp = res.resolve(name, None, para)?;
    (sp.kind == crate::extract::SpeakerKind::Person && sp.entity.is_some())
        .then_some((sp, verb..verb + 1))
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
    let lo = open.saturating_sub(12).max(sent.start);
    let mut k = open;
    while k > lo {
        k -= 1;
        let t = &doc.toks[k];
        if t.kind == Kind::Close
            || t.kind == Kind::Open
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
            let (np, appos) = np_after(doc, cue.end, open)?;
            let sp = res.resolve(np, appos, para)?;
            return Some((sp, cue.start..cue.end));
        }
        if !speech_form(&cue) {
            // `He urged X to act, saying: "Q"`: the participle's source is the sentence's.
            let ing = cue.verb.is_some_and(|v| v.form == Form::Ing);
            // (`..., saying: "Q"`, `... by saying, "Q"`)
            if ing && k > sent.start && (doc.toks[k - 1].is_punct(',') || doc.is(k - 1, "by")) {
                return sentence_source(doc, res, sent.start, k, para)
                    .map(|sp| (sp, cue.start..cue.end));
            }
            return None;
        }
        // `X said, "Q"` but not `X said the word "Q"`: only an object or adjunct between.
        if cue.end < open - 1 && !lead && !that {
            return None;
        }
        let Some(np) = subject_before(doc, sent.start, k) else {
            // `He asked about X and said, “Q”`: the source of the sentence's first cue.
            if k > sent.start && doc.is_any(k - 1, &["and", "but"]) {
                return sentence_source(doc, res, sent.start, k, para)
                    .map(|sp| (sp, cue.start..cue.end));
            }
            return None;
        };
        let sp = res.resolve_described(np.range, np.appos, para)?;
        return Some((sp, cue.start..cue.end));
    }
    None
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
            && (doc.is_any(k, naming)
                || cue_at(doc, k).is_some_and(|c| c.verb.is_some() && !adjectival(doc, &c)))
    })?;
    if doc.toks[k..open]
        .iter()
        .any(|t| t.kind != Kind::Word && t.q == 0 && !t.is_punct(',') && !t.is_punct('.'))
    {
        return None;
    }
    let infinitive = k > sent.start && doc.is(k - 1, "to");
    let ing = doc.text(k).ends_with("ing");
    if !infinitive
        && !ing
        && let Some(np) = subject_before(doc, sent.start, k)
        && let Some(sp) = res.resolve(np.range, np.appos, para)
    {
        return Some((sp, k..k + 1));
    }
    if ing {
        // `with the minister warning of ...`
        if let Some(np) = subject_before(doc, sent.start, k)
            && np.before.is_some_and(|b| doc.is(b, "with"))
            && let Some(sp) = res.resolve(np.range, np.appos, para)
        {
            return Some((sp, k..k + 1));
        }
    }
    sentence_source(doc, res, sent.start, k, para).map(|sp| (sp, k..k + 1))
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

/// The source of the first cue of the sentence before token `k` that has one
/// (`He urged Mr. Smith to act, saying ...` → he).
pub fn sentence_source(
    doc: &Doc,
    res: &mut Resolver,
    s: usize,
    k: usize,
    para: u32,
) -> Option<Speaker> {
    let mut i = s;
    // The first cue is near the start of the sentence; a bounded scan stays linear.
    while i < k.min(s + 80) {
        if doc.toks[i].is_word()
            && doc.toks[i].q == 0
            && let Some(c) = cue_at(doc, i)
            && speech_form(&c)
            && !noun_use(doc, &c)
        {
            let np = subject_before(doc, s, i)?;
            return res.resolve(np.range, np.appos, para);
        }
        i += 1;
    }
    // No cue before: the sentence's leading subject (`Kejriwal turned to Twitter to ...`).
    let subj = leading_subject(doc, s, k)?;
    res.resolve(subj, None, para)
}

/// The subject at the start of sentence `s..lim` (`Health care providers have protested
/// ..., warning that C`).
pub fn leading_subject(doc: &Doc, s: usize, lim: usize) -> Option<Range<usize>> {
    let mut a = s;
    // A dateline is never the subject (`WASHINGTON — Sen. Ruth Hale defended ...`,
    // `PORTLAND, Maine (AP) — ...`).
    if let Some(dash) = (s..lim.min(s + 10)).find(|&i| {
        doc.toks[i].kind == Kind::Punct && matches!(doc.toks[i].ch, '—' | '–')
            || doc.toks[i].is_punct('-') && doc.toks.get(i + 1).is_some_and(|n| n.capitalized())
    }) && dash > s
        && doc.toks[s].is_word()
        && doc.text(s).chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !doc.text(s).chars().any(char::is_lowercase)
    {
        a = dash + 1;
    }
    while a < lim
        && doc.is_any(
            a,
            &["but", "and", "so", "yet", "still", "meanwhile", "however"],
        )
    {
        a += 1;
        if a < lim && doc.toks[a].is_punct(',') {
            a += 1;
        }
    }
    // A fronted adjunct up to its comma is not the subject (`Before the vote, Chief Ann
    // Poe lobbied ...`, `On Thursday, after a long silence, Warren endorsed ...`).
    for _ in 0..2 {
        if a < lim && doc.toks[a].is_word() && frame_words::is(Section::Fronted, doc.text(a)) {
            let Some(c) = (a + 1..lim.min(a + 25))
                .find(|&i| doc.toks[i].is_punct(',') && doc.toks[i].outside())
            else {
                break;
            };
            a = c + 1;
        } else {
            break;
        }
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
            // (`Mayor Ann Poe went ...`).
            let after_name = named
                && t.ch.is_lowercase()
                && (!w.ends_with('s') || w.ends_with("ss"))
                && !words().is_speaker_head(w)
                && !doc.is_any(
                    j,
                    &["of", "for", "and", "the", "de", "van", "von", "bin", "al"],
                );
            // A capital that only starts the sentence is not a name (`Health care workers`).
            named |=
                t.capitalized() && (j > a || doc.toks.get(j + 1).is_some_and(|n| n.capitalized()));
            let verbish = t.ch.is_lowercase() && w.ends_with("ed");
            !(after_name || doc.is_any(j, STOP_SUBJECT) || cue_at(doc, j).is_some() || verbish)
        } else {
            t.is_punct('.') && j > a && super::text::is_abbrev(doc.text(j - 1))
        };
        if !ok {
            break;
        }
        j += 1;
    }
    (j > a).then_some(a..j)
}

const STOP_SUBJECT: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may",
    "might", "should", "must", "does", "do", "did", "said", "says", "also", "who", "which", "that",
    "however", "not", "never",
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

/// True for time words that may sit between a cue and its clause.
pub fn is_time(doc: &Doc, i: usize) -> bool {
    doc.is_any(i, WEEKDAYS) || doc.is_any(i, MONTHS)
}

#[cfg(test)]
mod tests {
    use super::super::marks::find_spans;
    use super::super::resolve::{Known, Resolver};
    use super::*;

    fn attr(body: &str) -> Option<String> {
        let spans = find_spans(body);
        let doc = Doc::new(body, &spans);
        let known = Known::default();
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
