//! Frames whose source stands before its cue: `S said (that) C`, `S told reporters C`,
//! `which S said would resume`, and `C, S said` (the clause first), with the checks that
//! end the clause where the sentence moves on.

use super::*;
use crate::extract::quotes::{cue_lookup, cues};

/// The source of a quotation's speech frame before a participle at `cue_start` (`"Q,"
/// Clark said, noting` / `"Q," said Clark, noting`): the sentence opens with a quotation
/// and the frame follows it.
fn frame_source(doc: &Doc, sent_start: usize, cue_start: usize) -> Option<Range<usize>> {
    if doc
        .toks
        .get(sent_start)
        .is_none_or(|t| t.kind != TokKind::Open)
    {
        return None;
    }
    let close = (sent_start + 1..cue_start).find(|&i| doc.toks[i].kind == TokKind::Close)?;
    let mut j = close + 1;
    while j < cue_start && doc.toks[j].is_punct(',') {
        j += 1;
    }
    // `said Clark,` (inverted) or `Clark said,`.
    if let Some(c) = cue_at(doc, j).filter(|c| c.verb.is_some() && !c.source) {
        let (subject, _) = np_after(doc, c.end, cue_start)?;
        return Some(subject);
    }
    let cue = (j + 1..cue_start).find(|&i| {
        doc.toks[i].is_word() && cue_at(doc, i).is_some_and(|c| c.verb.is_some() && !c.source)
    })?;
    subject_before(doc, j, cue).map(|subject| subject.range)
}

/// The `and` or `but` before the cue at `cue_start` that joins it to the sentence's first
/// verb, right before it or before one auxiliary or `also` (`but said`, `and has said`,
/// `but also said`).
fn coordinating_word(doc: &Doc, sent_start: usize, cue_start: usize) -> Option<usize> {
    let mut j = cue_start;
    if j > sent_start + 1 && doc.is_any(j - 1, &["has", "have", "had", "also"]) {
        j -= 1;
    }
    (j > sent_start && doc.is_any(j - 1, &["and", "but"])).then(|| j - 1)
}

/// `One of the men, Jessie Elkins, 70, had served in the navy and said C`: the name between
/// commas after a description (a subject ending in a lowercase word), before `lim`.
fn appositive_name(doc: &Doc, subject: &Range<usize>, lim: usize) -> Option<Range<usize>> {
    let last = subject.end.checked_sub(1)?;
    if !doc.toks[last].is_word() || doc.toks[last].capitalized() || !doc.is_comma(subject.end) {
        return None;
    }
    let start = subject.end + 1;
    let end = (start..lim.min(start + 6)).find(|&i| {
        let t = &doc.toks[i];
        !(t.is_word() && t.capitalized()
            || t.is_punct('.')
                && i > start
                && crate::extract::tokens::abbreviations::is_abbrev(doc.text(i - 1)))
    })?;
    // (`The growers, Hallam Farms, Pike Orchards and others,`: a list is no apposition.)
    let list = doc
        .toks
        .get(end + 1)
        .is_some_and(|t| t.is_word() && t.capitalized());
    (end > start && doc.toks[end].is_punct(',') && !list).then_some(start..end)
}

/// Auxiliaries before a progressive cue (`are alleging`).
const PROGRESSIVE: &[&str] = &["is", "are", "was", "were", "been", "be"];

pub(super) fn framed(
    doc: &Doc,
    res: &mut Resolver,
    sent_start: usize,
    sent_end: usize,
    cue: &Cue,
    para: u32,
    last_subject: &mut Option<SourcePhrase>,
) -> Option<ReportedClause> {
    let cue_start = cue.start;
    let verb = cue.verb?;
    // The subject ends before the cue, or before the auxiliary of `are alleging`.
    let mut subject_end = cue_start;
    let progressive =
        verb.form == Form::Ing && cue_start > sent_start && doc.is_any(cue_start - 1, PROGRESSIVE);
    if progressive {
        subject_end = cue_start - 1;
        if subject_end > sent_start && doc.is(subject_end - 1, "been") {
            subject_end -= 1;
        }
        if subject_end > sent_start && doc.is_any(subject_end - 1, &["has", "have", "had"]) {
            subject_end -= 1;
        }
    } else if cue_start > sent_start
        && doc.is_any(cue_start - 1, frame_words::list(Section::NotBeforeCue))
        // (`Theresa May said`: a capitalized modal inside the sentence ends a name.)
        && !(cue_start - 1 > sent_start && doc.toks[cue_start - 1].capitalized())
        && !(doc.is(cue_start - 1, "who")
            && cue_start >= sent_start + 3
            && doc.toks[cue_start - 2].is_word())
        && !(doc.is(cue_start - 1, "who")
            && cue_start >= sent_start + 3
            && doc.toks[cue_start - 2].is_punct(','))
    {
        return None;
    }
    if verb.form == Form::Third && cue_lookup::noun_use(doc, cue) {
        return None;
    }
    // `moves to bigger states`, `swing states such as`, `at the federal and state levels`:
    // `state` and `states` are nouns far more often than speech; they report only after a
    // pronoun or a document (`It states`, `The document on the website states`).
    if matches!(verb.form, Form::Third | Form::Base)
        && cues::lexicon().lemma(verb.lemma) == "state"
        && !(cue_start > sent_start
            && doc.toks[cue_start - 1].is_word()
            && (doc.is_any(cue_start - 1, &["it", "they", "he", "she", "which", "that"])
                || words().is_document(&doc.text(cue_start - 1).to_lowercase())
                || frame_words::is(Section::RuleText, doc.text(cue_start - 1))))
    {
        return None;
    }
    // `Voters in key states rejected`: a plural noun before the sentence's verb.
    if verb.form == Form::Third && cue_lookup::verb_follows(doc, cue.end) {
        return None;
    }
    // `Epstein’s alleged scheme`, `the reported deal`, `a brief bout`: a participle or
    // base form after a determiner is an adjective or a noun.
    if matches!(verb.form, Form::Past | Form::Participle | Form::Base)
        && cue_start > sent_start
        && (doc.is_any(
            cue_start - 1,
            &[
                "the", "a", "an", "his", "her", "its", "their", "our", "’s", "'s", "of", "for",
                "with",
            ],
        ) || doc.text(cue_start - 1).ends_with("’s")
            || doc.text(cue_start - 1).ends_with("'s"))
    {
        return None;
    }
    // `who`, right before the cue or before up to three words that do not change the
    // source (`who previously said`, `who have already said`).
    let who = {
        let mut k = cue_start;
        while k > sent_start + 1
            && cue_start - k < 3
            && doc.toks[k - 1].is_word()
            && !doc.toks[k - 1].capitalized()
            && words().is_skip(doc.text(k - 1))
        {
            k -= 1;
        }
        (k >= sent_start + 3 && doc.is(k - 1, "who")).then(|| k - 1)
    };
    // `Mayor Lisa Varga, who said C, left early`: a relative clause reports for its
    // antecedent, and the clause ends at the comma that closes it.
    let relative = !progressive
        && matches!(
            verb.form,
            Form::Past | Form::Third | Form::Participle | Form::Base
        )
        && who.is_some_and(|w| doc.toks[w - 1].is_punct(','));
    // `fresh ammunition to residents who say C`: a restrictive relative clause after the
    // sentence's verb reports for the noun it follows (not `People who say C are wrong`,
    // where the clause would run into the main verb).
    let restrictive = !progressive && !relative && who.is_some_and(|w| doc.toks[w - 1].is_word());
    let subject = if let (true, Some(who)) = (restrictive, who) {
        let subject = subject_before(doc, sent_start, who)?;
        let after_verb = subject
            .before
            .is_some_and(|b| doc.toks[b].is_word() && !doc.toks[b].capitalized())
            && subject.range.start > sent_start + 1;
        if !after_verb {
            return None;
        }
        Some(subject)
    } else if let (true, Some(who)) = (relative, who) {
        // `said Howard Rubel, a senior analyst, who notes that C`: the antecedent is the
        // name before the role's appositive.
        subject_before(doc, sent_start, who - 1).map(|subject| match subject.before {
            Some(b)
                if doc.toks[b].is_punct(',')
                    && b > sent_start
                    && doc.toks[b - 1].capitalized()
                    && doc.is_any(subject.range.start, &["a", "an", "the"]) =>
            {
                // (`Sen. Ann Poe of Ohio, the ranking Democrat, who`: with its place.)
                let (st, _) = name_run_back(doc, sent_start, b);
                SourcePhrase {
                    range: st..b,
                    appos: Some(subject.range.clone()),
                    before: (st > sent_start).then(|| st - 1),
                }
            }
            _ => subject,
        })
    } else {
        subject_before(doc, sent_start, subject_end)
    };
    if let Some(subject) = &subject
        && !subject.range.is_empty()
    {
        *last_subject = Some(subject.clone());
    }
    // `X issued a statement saying that C`: a participle after a speech noun reports for
    // the sentence's subject, as one after a comma does.
    // `Trump told reporters, before insisting C`, `... by saying C`: a participle after
    // a preposition reports for the sentence's subject too.
    // (`while also suggesting C`, `– saying C`: an `also` between, a dash for the comma.)
    let mut b = if cue_start > sent_start + 1 && doc.is(cue_start - 1, "also") {
        cue_start - 2
    } else {
        cue_start.saturating_sub(1)
    };
    // (`issued a statement on Friday saying C`: a time between the noun and the participle.)
    if verb.form == Form::Ing && b > sent_start + 2 && is_time(doc, b) {
        let t = if doc.is_any(b - 1, &["on", "late", "early", "last", "this"]) {
            b - 2
        } else {
            b - 1
        };
        if doc.toks[t].is_word() && frame_words::is(frame_words::Section::SpeechNoun, doc.text(t)) {
            b = t;
        }
    }
    let participle = verb.form == Form::Ing
        && !cue.phrase
        && cue_start > sent_start
        && (doc.toks[b].is_punct(',')
            || doc.toks[b].kind == TokKind::Punct && matches!(doc.toks[b].ch, '—' | '–')
            || doc.toks[b].is_word()
                && (frame_words::is(frame_words::Section::SpeechNoun, doc.text(b))
                    || b > sent_start && doc.is_any(b, &["by", "before", "after", "while"])));
    if !cue.phrase && matches!(verb.form, Form::Ing | Form::Participle) && !progressive {
        // `with forecasters warning that C`.
        let with = subject
            .as_ref()
            .is_some_and(|n| n.before.is_some_and(|b| doc.is(b, "with")));
        if participle {
            // `The agency, citing a police source, reported that C`: what follows `citing`
            // is a source, and the clause belongs to the main verb.
            if cues::lexicon().lemma(verb.lemma) == "cite" {
                return None;
            }
            // `Health care providers have protested X, warning that C`; `"Q," Clark said,
            // noting C`: the source of the speech frame before the participle.
            let subj = match frame_source(doc, sent_start, cue_start) {
                Some(r) => r,
                None => cue_lookup::leading_subject(doc, sent_start, cue_start)?,
            };
            // `characterizing the moon and ...`: a verb that reports speech only with `that`.
            let After::Clause { start, that } = clause_after(doc, cue, cue.end, sent_end) else {
                return None;
            };
            if verb.that && !that && (verb.weak || !clause_without_that(doc, start, sent_end)) {
                return None;
            }
            let content = trim(doc, start..sent_end);
            if doc.words(content.clone()) < 3 || !that && bad_start(doc, content.start) {
                return None;
            }
            let speaker = res.resolve(subj, None, para)?;
            return Some(ReportedClause {
                content,
                speaker,
                cue: cue.start..cue.end,
                rule: Rule::ReportedClause,
            });
        }
        if !(verb.form == Form::Ing && with) {
            return None;
        }
    }
    // `X accused Y of Z and warned that C`: the source of the first verb.
    let subject = match subject {
        Some(subject) => Some(subject),
        // `Kim Sato met with the union but said C`: the sentence's subject.
        // (`has urged X to act but has said C`: an auxiliary or `also` may come between.)
        None if let Some(conj) = coordinating_word(doc, sent_start, cue_start) => {
            let leading = || {
                cue_lookup::leading_subject(doc, sent_start, conj).map(|range| SourcePhrase {
                    range: appositive_name(doc, &range, conj).unwrap_or(range),
                    appos: None,
                    before: None,
                })
            };
            if conj + 1 == cue_start {
                last_subject.clone().or_else(leading)
            } else {
                // (With an auxiliary, the sentence's subject first: `Experts have discounted
                // Pyongyang's claims, but have speculated that C`, where the noun cue
                // `claims` had a subject of its own.)
                leading().or_else(|| last_subject.clone())
            }
        }
        None => None,
    }?;
    if subject.range.is_empty() {
        return None;
    }
    if verb.form == Form::Base && !plural_or_they(doc, &subject.range) {
        return None;
    }
    if subject
        .before
        .is_some_and(|b| doc.toks[b].is_word() && doc.is_any(b, &["who", "which", "that", "whom"]))
    {
        // `The ferry, which the operator said would resume next week, ...`: the clause's
        // subject is the relative pronoun, and its verb follows the cue.
        return object_relative(doc, res, subject, cue, sent_end, para);
    }
    let first = doc.text(subject.range.start);
    let first_person = ["i", "we", "you"].iter().any(|p| {
        first.eq_ignore_ascii_case(p)
            || first.len() > p.len()
                && first.is_char_boundary(p.len())
                && first[..p.len()].eq_ignore_ascii_case(p)
                && first[p.len()..].starts_with(['’', '\''])
    });
    if first_person {
        return None;
    }
    let single_pronoun =
        subject.range.len() == 1 && doc.is_any(subject.range.start, &["he", "she", "it", "they"]);
    if verb.weak && single_pronoun {
        return None;
    }
    let mut rule = Rule::ReportedClause;
    let content = match clause_after(doc, cue, cue.end, sent_end) {
        After::Clause { start, that } => {
            if start >= sent_end
                || verb.that && !that && (verb.weak || !clause_without_that(doc, start, sent_end))
            {
                return None;
            }
            // (A restrictive relative takes a clause with its own subject and verb only.)
            if restrictive && !that && !subject_then_verb(doc, start, sent_end) {
                return None;
            }
            // `said` and `told` never take a plain object before a clause.
            let takes_np = !matches!(cues::lexicon().lemma(verb.lemma), "say" | "tell");
            // (After `that` the clause may open with an adjunct: `said that with the votes
            // he had, the debate would not matter`.)
            if !that && bad_start(doc, start)
                || !that && takes_np && np_object(doc, start, sent_end)
            {
                return None;
            }
            // Without `that`, a verb that also takes objects (`added trucks`, `stressed
            // those worries`, `answered an early question`) reports a clause only when a
            // finite verb follows soon.
            if !that
                && takes_np
                && doc.toks[start].kind != TokKind::Open
                && !finite_verb_within(doc, start, sent_end, 8)
            {
                return None;
            }
            // `declared Cruz to be anointed`, `urged voters to stay home`: an object and an
            // infinitive, no clause (the `to` comes before any finite verb).
            if !that
                && takes_np
                && let Some(to) = (start + 1..sent_end.min(start + 6)).find(|&i| doc.is(i, "to"))
                && !finite_verb_within(doc, start, to, to - start)
                && doc
                    .toks
                    .get(to + 1)
                    .is_some_and(|t| t.is_word() && !t.capitalized())
            {
                return None;
            }
            let c = trim(doc, start..sent_end);
            if c.is_empty() {
                return None;
            }
            // (`“A,” Brooks said afterward, “B.”`: a time word and its comma before the rest of
            // a split quotation are no clause either.)
            let time_then_quote = c.len() > 2
                && (is_time(doc, c.start) || doc.text(c.start).ends_with("ward"))
                && doc.toks[c.start + 1].is_punct(',')
                && doc.toks[c.start + 2].kind == TokKind::Open;
            if (doc.toks[c.start].kind == TokKind::Open
                || doc.toks[c.start].is_punct(':')
                || time_then_quote)
                && is_whole_quote(doc, &c)
            {
                return None;
            }
            c
        }
        // `C, analysts say.` but not `C, they say` (an idiom as often as a source).
        After::End(_)
            if verb.form == Form::Base
                && (subject.range.len() == 1
                    && doc.is_any(subject.range.start, &["they", "we", "you"])
                    || !subject.before.is_some_and(|b| doc.toks[b].is_punct(','))) =>
        {
            return None;
        }
        After::End(q) => {
            // `C, S said.`: the clause comes first.
            rule = Rule::ReportedInverted;
            // (`C, its president, Gary Holm, said`: a role before the name is part of the
            // source, and the clause ends before it.)
            let b = match &subject.appos {
                Some(a)
                    if a.end <= subject.range.start
                        && a.start > sent_start
                        && doc.toks[a.start - 1].is_punct(',') =>
                {
                    a.start - 1
                }
                _ => subject.before?,
            };
            let bt = &doc.toks[b];
            // (`was “good for everyone,” Kim Sato said`: the comma inside the marks.)
            // Only when the writer's words lead into the quotation (`was “good`, `but at
            // the moment, “we won't`), not for `"A," he said, "B"` or a quotation after a
            // sentence end (`at 7 a.m. "A year ago`).
            let quote_comma = bt.kind == TokKind::Close
                && doc.body[..bt.start].ends_with(',')
                && doc.toks[sent_start].kind != TokKind::Open
                && doc
                    .spans
                    .get((bt.q as usize).wrapping_sub(1))
                    .is_some_and(|sp| {
                        let open = doc.span_toks[bt.q as usize - 1].0;
                        sp.cont_of.is_none()
                            && open > sent_start
                            && (doc.toks[open - 1].is_word() || doc.toks[open - 1].is_punct(','))
                    });
            if !(bt.is_punct(',') || bt.is_punct('—') || bt.is_punct('–') || quote_comma) {
                return None;
            }
            let c1 = trim(doc, sent_start..if quote_comma { b + 1 } else { b });
            // `The cell, Herbert said, is always sensing`: the clause is around the source,
            // and is reported whole, the frame inside it.
            // (`On Tuesday, Ivo Marsh wrote to investors, telling them C`: a participle after
            // the frame is the writer's, neither the rest of a clause nor one of its own.)
            // (A gerund subject is the clause's: `, he said, replacing her would be hard`.)
            let participle_after = q + 1 < sent_end
                && !doc.toks[q + 1].capitalized()
                && cue_at(doc, q + 1).is_some_and(|c| c.verb.is_some_and(|v| v.form == Form::Ing));
            if q < sent_end && doc.toks[q].is_punct(',') && !participle_after {
                let c2 = trim(doc, q + 1..sent_end);
                let (w1, w2) = (doc.words(c1.clone()), doc.words(c2.clone()));
                // The rest of C1's clause goes on with its verb (`, have involved`, `, is
                // the flow of`), not an appositive of the writer's (`, an effort that`).
                let goes_on = w2 >= 2
                    && !bad_start(doc, c2.start)
                    && doc.toks[c2.start].is_word()
                    && !doc.toks[c2.start].capitalized()
                    && !frame_words::is(frame_words::Section::ClauseBreak, doc.text(c2.start))
                    && cue_at(doc, c2.start).is_none()
                    && finite_verb_within(doc, c2.start, sent_end, 2);
                // `During his years in office, Mr. Obama said, a majority of Americans have
                // come to believe ...`: C1 is an adjunct and C2 the clause; reported whole.
                let adjunct = doc.toks[c1.start].is_word()
                    && (doc.is_any(c1.start, ADJ_PREPS)
                        || frame_words::is(frame_words::Section::Fronted, doc.text(c1.start)));
                let clause_after_adjunct = adjunct
                    && w2 >= 3
                    && doc.toks[c2.start].is_word()
                    && !frame_words::is(frame_words::Section::ClauseBreak, doc.text(c2.start))
                    && !bad_start(doc, c2.start)
                    && finite_verb_within(doc, c2.start, sent_end, 10);
                if (goes_on || clause_after_adjunct) && w1 >= 1 && !is_whole_quote(doc, &c1) {
                    let whole = trim(doc, c1.start..sent_end);
                    return finish(doc, res, subject, whole, cue, para, rule);
                }
                if w1 <= 4 && w2 > w1 && !bad_start(doc, c2.start) && !is_whole_quote(doc, &c2) {
                    return finish(doc, res, subject, c2, cue, para, rule);
                }
            }
            if is_whole_quote(doc, &c1) {
                return None;
            }
            // A fronted adjunct is not a clause: `During the call, he asked ...`; nor is a
            // fronted subordinate clause: `After the minister spoke, commuters protested`.
            let w1 = doc.words(c1.clone());
            // (`When the storm hit, the bridge failed, S said` has its main clause.)
            // (`Even as shares fell, S wrote ...`: an adverb may come before the conjunction.)
            let conj =
                if c1.len() > 1 && frame_words::is(Section::FrontedAdverb, doc.text(c1.start)) {
                    c1.start + 1
                } else {
                    c1.start
                };
            if doc.is_any(conj, frame_words::list(Section::Subordinator))
                && doc.toks[c1.start].capitalized()
                && !doc.toks[c1.clone()]
                    .iter()
                    .any(|t| t.is_punct(',') && t.outside())
            {
                return None;
            }
            if w1 < 4
                || (doc.is_any(c1.start, ADJ_PREPS)
                    || doc.is_any(c1.start, &["for", "as", "of", "about"]))
                    && w1 < 8
            {
                return None;
            }
            // A clause has verbs; a bare name (`(CNN) President Donald Trump`) does not.
            if !has_lowercase_words(doc, &c1, 2) {
                return None;
            }
            // `Addressing the crowd on Monday, S urged`, `At a press conference in Salem, S
            // said`, `Even after the vote, S said`: a fronted adjunct without a verb of its
            // own is no clause, however long.
            let first = doc.text(c1.start);
            let adjunct_start = doc.toks[c1.start].is_word()
                && (first.len() > 4 && first.ends_with("ing")
                    || doc.is_any(c1.start, ADJ_PREPS)
                    || doc.is_any(c1.start, &["even", "just", "only", "despite"]));
            if adjunct_start && !finite_verb_within(doc, c1.start, c1.end, c1.len()) {
                return None;
            }
            // (`On Tuesday, even as shares fell, S wrote to investors`: all that comes before
            // the source is fronted adjuncts, read past as the sentence's subject is found.)
            // (Only two adjuncts or more: `Now there is doubt, S said` has one word of the
            // list and then its clause.)
            if doc.toks[c1.clone()]
                .iter()
                .any(|t| t.is_punct(',') && t.outside())
                && doc.toks[c1.start].is_word()
                && (doc.is_any(c1.start, ADJ_PREPS)
                    || frame_words::is(Section::Fronted, doc.text(c1.start))
                    || frame_words::is(Section::FrontedAdverb, doc.text(c1.start)))
                && cue_lookup::leading_subject(doc, sent_start, cue.start)
                    .is_some_and(|l| l.start == subject.range.start)
            {
                return None;
            }
            // `Asked if the vote had rattled them, S said ...`: the question put to the
            // source, not what the source said.
            if doc.toks[c1.start].capitalized()
                && doc.is_any(c1.start, &["asked", "pressed", "questioned", "challenged"])
            {
                return None;
            }
            c1
        }
        After::Other => return None,
    };
    let content = if relative || restrictive {
        let end = (content.start + 1..content.end)
            .find(|&i| doc.toks[i].is_punct(',') && doc.toks[i].outside())
            .unwrap_or(content.end);
        trim(doc, content.start..end)
    } else {
        content
    };
    finish(doc, res, subject, content, cue, para, rule)
}

/// `which S said would resume`: the words from the verb after the cue to the end of the
/// relative clause (its closing comma or the sentence's end), when a finite verb follows
/// the cue at once.
fn object_relative(
    doc: &Doc,
    res: &mut Resolver,
    subject: SourcePhrase,
    cue: &Cue,
    sent_end: usize,
    para: u32,
) -> Option<ReportedClause> {
    let verb = cue.verb?;
    let p = cue.end;
    if cue.phrase
        || !matches!(verb.form, Form::Past | Form::Third | Form::Base)
        || p >= sent_end
        || !doc.is_any(p, CLAUSE_VERBS)
        || doc.is_any(p, &["be", "been"])
    {
        return None;
    }
    let end = (p + 1..sent_end)
        .find(|&i| doc.toks[i].is_punct(',') && doc.toks[i].outside())
        .unwrap_or(sent_end);
    let content = trim(doc, p..end);
    if doc.words(content.clone()) < 3 {
        return None;
    }
    let speaker = res.resolve(subject.range, subject.appos, para)?;
    Some(ReportedClause {
        content,
        speaker,
        cue: cue.start..cue.end,
        rule: Rule::ReportedClause,
    })
}

fn finish(
    doc: &Doc,
    res: &mut Resolver,
    subject: SourcePhrase,
    content: Range<usize>,
    cue: &Cue,
    para: u32,
    rule: Rule,
) -> Option<ReportedClause> {
    // `X said C, according to a statement`: the citation is not part of the clause.
    let mut content = content;
    if let Some(i) = (content.start + 1..content.end.min(content.start + 200))
        .find(|&i| doc.toks[i - 1].is_punct(',') && cue_at(doc, i).is_some_and(|c| c.source))
    {
        content = trim(doc, content.start..i - 1);
    }
    // `When X said that C, residents protested`: a frame inside a fronted subordinate
    // clause reports up to the comma that closes that clause.
    // (A capital: the conjunction opens the sentence.)
    let fronted = subject.before.is_some_and(|b| {
        doc.is_any(b, frame_words::list(Section::Subordinator)) && doc.toks[b].capitalized()
    });
    if fronted
        && let Some(i) = (content.start + 1..content.end.min(content.start + 200))
            .find(|&i| doc.toks[i].is_punct(',') && doc.toks[i].outside())
    {
        content = trim(doc, content.start..i);
    }
    // `X said C, while Y did D` / `X said C, and Y said D`: the writer's next clause or
    // another source's frame ends the reported clause.
    if let Some(i) = (content.start + 1..content.end.min(content.start + 200))
        .find(|&i| doc.toks[i].is_punct(',') && doc.toks[i].outside() && next_frame(doc, i + 1))
    {
        content = trim(doc, content.start..i);
    }
    // `The agency said roads were closed and urged drivers to stay home`: a second
    // speech verb sharing the source ends the reported clause.
    if let Some(i) = (content.start + 1..content.end.min(content.start + 200)).find(|&i| {
        doc.toks[i].outside()
            && doc.is_any(i, &["and", "but"])
            && cue_at(doc, i + 1).is_some_and(|c| {
                // (Past forms only: `and forecasts called for` has a plural noun.)
                !c.source && c.verb.is_some_and(|v| v.form == Form::Past)
            })
    }) {
        content = trim(doc, content.start..i);
    }
    if content.is_empty()
        || doc.words(content.clone()) < 3
        || opens_with_framed_quote(doc, &content)
    {
        return None;
    }
    let speaker = res.resolve(subject.range, subject.appos, para)?;
    Some(ReportedClause {
        content,
        speaker,
        cue: cue.start..cue.end,
        rule,
    })
}

/// After a comma at `i - 1`: `while` / `whereas` and a new subject, or `and` / `but` /
/// `though` and a short subject followed by a speech cue (`, and the company said ...`,
/// `, though she acknowledged ...`).
fn next_frame(doc: &Doc, i: usize) -> bool {
    if doc.is_any(i, &["while", "whereas"]) {
        return doc.toks.get(i + 1).is_some_and(|t| {
            t.is_word()
                && (t.capitalized()
                    || doc.is_any(i + 1, NP_OPENERS)
                    || doc.is_any(i + 1, &["its", "many", "most", "others", "critics"]))
        });
    }
    if !doc.is_any(i, &["and", "but", "though", "although"]) {
        return false;
    }
    let lim = doc.toks.len().min(i + 7);
    let mut k = i + 1;
    // (`, and Ms. Ana Acosta said`: a title's period is part of the subject.)
    while k < lim
        && (doc.toks[k].is_word()
            || doc.toks[k].is_punct('.')
                && k > i + 1
                && crate::extract::tokens::abbreviations::is_abbrev(doc.text(k - 1)))
    {
        if k > i + 1
            && let Some(c) = cue_at(doc, k)
            && c.verb
                .is_some_and(|v| matches!(v.form, Form::Past | Form::Third))
        {
            return true;
        }
        if doc.is_any(k, &["that", "who", "which", "to"]) {
            return false;
        }
        k += 1;
    }
    false
}
