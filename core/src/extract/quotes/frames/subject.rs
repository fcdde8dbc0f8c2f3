//! The source phrase left of a cue: read leftwards over the words a source may have, across
//! an appositive between commas (`S, the ROLE of ORG, said`), a relative clause (`S, who
//! ..., said`) or a long appositive with commas of its own.

use super::*;

/// `quietly`, `angrily`: a lowercase manner adverb in -ly right before a cue (`The company
/// quietly said`), not one of the nouns and names in -ly (`family`, `rally`, `July`).
pub(super) fn manner_adverb(w: &str) -> bool {
    w.len() >= 6
        && w.ends_with("ly")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !crate::extract::quotes::frame_words::is(
            crate::extract::quotes::frame_words::Section::LyNoun,
            w,
        )
}

/// A capitalized name opening the sentence at `s` (after connectives), then an appositive
/// up to the comma at `comma2` that has commas of its own (`Geoff Garin, a pollster who
/// works with Priorities USA, a super PAC,`): (name, appositive).
pub(super) fn long_appositive(
    doc: &Doc,
    s: usize,
    comma2: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let mut a = s;
    while a < comma2 && doc.is_any(a, frame_words::list(Section::Connective)) {
        a += 1;
    }
    let mut n = a;
    while n < comma2 && (doc.toks[n].capitalized() || n > a && doc.toks[n].is_punct('.')) {
        n += 1;
    }
    if n == a || n >= comma2 || !doc.toks[n].is_punct(',') || comma2 - n > 40 {
        return None;
    }
    let ap = n + 1..comma2;
    let inner_commas = doc.toks[ap.clone()]
        .iter()
        .filter(|t| t.is_punct(','))
        .count();
    // (`a pollster`, `who ...`, `chief executive of X`, `45`)
    let opens_appos = doc.toks[ap.start].is_word()
        && (doc.toks[ap.start].ch.is_lowercase() || doc.toks[ap.start].ch.is_ascii_digit());
    let clean = doc.toks[ap.clone()].iter().all(|t| {
        t.kind != TokKind::Open && t.kind != TokKind::Close && !t.is_punct(';') && !t.is_punct(':')
    }) && !ap
        .clone()
        .any(|i| doc.toks[i].is_word() && cue_at(doc, i).is_some_and(|c| speech_form(&c)));
    (inner_commas >= 1 && opens_appos && clean).then_some((a..n, ap))
}

/// Reads a phrase leftwards from the cue at `k`, not before token `s`.
fn collect_back(doc: &Doc, s: usize, k: usize) -> (usize, bool) {
    let w = words();
    let mut j = k;
    let mut n = 0;
    while j > s {
        let t = &doc.toks[j - 1];
        let ok = match t.kind {
            TokKind::Word => {
                let txt = doc.text(j - 1);
                if txt.eq_ignore_ascii_case("to") {
                    // `ambassador to Britain`, `the last man to run`, `a source close to
                    // the campaign`, not `decided to`.
                    j - 1 > s
                        && doc.toks[j - 2].is_word()
                        && !doc.toks[j - 2].capitalized()
                        && w.is_speaker_head(doc.text(j - 2))
                        || j - 1 > s && whom_to(doc, j - 1)
                        || j - 1 > s && noun_to_the(doc, j - 1)
                } else if txt.eq_ignore_ascii_case("and") {
                    // `Customs and Border Protection`, `Pepsi and Coca-Cola`; `Trump and his
                    // attorneys`, `She and her defenders` (a name heading unnamed others);
                    // `the Vermont senator and presidential candidate` (two roles of one).
                    j - 1 > s
                        && (doc.toks[j - 2].capitalized()
                            || doc.is_any(j - 2, &["he", "she", "they", "we"]))
                        && (doc.toks.get(j).is_some_and(|x| x.capitalized())
                            || doc.is_any(j, &["his", "her", "their", "other", "several"]))
                        || j - 1 > s
                            && j < k
                            && doc.toks[j - 2].is_word()
                            && !doc.toks[j - 2].capitalized()
                            && w.is_role(doc.text(j - 2))
                            && (doc
                                .toks
                                .get(j)
                                .is_some_and(|x| x.is_word() && !x.capitalized())
                                // (`the senator and Republican presidential candidate`: a
                                // capitalized modifier of the second role)
                                || j + 1 < k
                                    && doc.toks[j].capitalized()
                                    && doc.toks[j + 1].is_word()
                                    && !doc.toks[j + 1].capitalized())
                        || j < k && doc.toks[j].is_word() && and_in_complement(doc, s, j - 1)
                } else {
                    !crate::extract::quotes::word_match::is_one_of(
                        txt,
                        frame_words::list(Section::SourceStop),
                    ) || j == k && w.is_skip(txt)
                        // `While Will acknowledges`: a capitalized word inside the sentence
                        // is a name, though it is spelled like a stop word.
                        || t.capitalized() && j - 1 > s
                }
            }
            TokKind::Punct => {
                (t.ch == '.'
                    && j - 1 > s
                    && doc.toks[j - 2].is_word()
                    && doc.toks[j - 2].end == t.start
                    && is_abbrev(doc.text(j - 2)))
                    || (t.ch == '&' && j - 1 > s)
                    // `47% say`, `About 60 % of voters said`
                    || (t.ch == '%' && j - 1 > s && doc.toks[j - 2].ch.is_ascii_digit())
                    || (t.ch == '!' && j - 1 > s && doc.toks[j - 2].end == t.start)
            }
            _ => false,
        };
        if !ok || n >= 14 {
            break;
        }
        j -= 1;
        n += 1;
    }
    (j, n < 14)
}

/// The source phrase ending right before the cue at token `k` (aux verbs and adverbs such
/// as `also`, `has` skipped), with an appositive between commas when there is one.
pub fn subject_before(doc: &Doc, s: usize, k: usize) -> Option<SourcePhrase> {
    let w = words();
    let mut end = k;
    // `Taylor also said`, `he has since said`, `officials on Monday said`.
    let mut guard = 0;
    while end > s && guard < 4 {
        let t = &doc.toks[end - 1];
        if !t.is_word() {
            break;
        }
        let txt = doc.text(end - 1);
        // `Feinstein last week said`: a time phrase.
        let time_noun = end - 1 > s
            && crate::extract::quotes::word_match::is_one_of(doc.text(end - 2), &["last", "this"])
            && crate::extract::quotes::word_match::is_one_of(
                txt,
                &[
                    "week", "month", "year", "weekend", "night", "morning", "spring", "fall",
                ],
            );
        // (`Theresa May said`, `While Will acknowledges`: a capital makes a name.)
        let skip = w.is_skip(txt) && !t.capitalized()
            || time_noun
            || end == k && manner_adverb(txt)
            || is_day_word(txt)
            || (crate::extract::quotes::word_match::is_one_of(txt, &["on", "last", "this"])
                && end < k);
        if skip {
            end -= 1;
            guard += 1;
        } else {
            break;
        }
    }
    end = before_time_ago(doc, s, end);
    // `Sen. Ruth Hale (D-Ore.) said`: a parenthesis after the name.
    if end > s + 1 && doc.toks[end - 1].is_punct(')') {
        let lo = end.saturating_sub(10).max(s);
        if let Some(p) = (lo..end - 1).rev().find(|&i| doc.toks[i].is_punct('(')) {
            end = p;
        }
    }
    let (mut start, mut bounded) = collect_back(doc, s, end);
    // `Another intelligence source speaking to Fox News said`: the name after a participle
    // and `to` or `with` is whom the source spoke to; the source is the noun before.
    if start >= s + 3
        && start < end
        && doc.toks[start].capitalized()
        && doc.is_any(start - 1, &["to", "with"])
        && doc.toks[start - 2].is_word()
        && doc.toks[start - 2].ch.is_lowercase()
        && doc.text(start - 2).len() > 5
        && doc.text(start - 2).ends_with("ing")
        && doc.toks[start - 3].is_word()
        && w.is_speaker_head(doc.text(start - 3))
    {
        let participle = start - 2;
        let (st, ok) = collect_back(doc, s, participle);
        if ok && st < participle {
            start = st;
            end = participle;
        }
    }
    // `On Thursday she said`: a subject pronoun takes no modifiers before it.
    if end > start + 1 && doc.is_any(end - 1, &["he", "she", "they", "we"]) {
        start = end - 1;
        bounded = true;
    }
    let mut appos = None;
    // `A spokesperson who did not wish to be named said`: the source is before `who`.
    let lone_pronoun =
        end - start == 1 && doc.is_any(start, &["he", "she", "they", "it", "we", "i"]);
    if (start < end || !bounded) && !lone_pronoun {
        let lo = end.saturating_sub(24).max(s);
        let who = (lo..end)
            .rev()
            .find(|&i| doc.is_who(i) || !(doc.toks[i].is_word() || doc.toks[i].is_punct('.')));
        // Not across a complementizer: `X who heard it recalled that he said`.
        let who = who.filter(|&i| !(i..end).any(|k| doc.is(k, "that")));
        if let Some(wi) = who.filter(|&i| doc.is_who(i) && i > s) {
            let (st, ok) = collect_back(doc, s, wi);
            let head_ok =
                st < wi && (doc.toks[wi - 1].capitalized() || w.is_speaker_head(doc.text(wi - 1)));
            if ok && head_ok {
                appos = Some(wi..end);
                start = st;
                end = wi;
            }
        }
    }
    if !bounded && appos.is_none() {
        return None;
    }
    // `Sam Lau, the communications director for the party said`: the sentence opens with a
    // name and an appositive whose closing comma is missing; the name is the source.
    if appos.is_none()
        && start > s + 1
        && start < end
        && doc.toks[start - 1].is_punct(',')
        && doc.is_any(start, &["the", "a", "an"])
        && doc.toks[start - 2].capitalized()
        && (start + 1..end).any(|i| w.is_speaker_head(doc.text(i)) && !doc.toks[i].capitalized())
    {
        let (st, _) = super::name_run_back(doc, s, start - 1);
        // (Not a fronted time or place: `On Tuesday, the company said`, `In Washington,`.)
        let name = (st..start - 1).all(|i| {
            !doc.is_any(
                i,
                &[
                    "on", "in", "at", "by", "for", "after", "before", "during", "since", "last",
                    "this", "from", "with", "to", "of", "across", "near", "outside",
                ],
            ) && !super::is_time(doc, i)
        });
        if name && st == s && st + 1 < start - 1 {
            appos = Some(start..end);
            end = start - 1;
            start = st;
        }
    }
    // `Paul Porter, a truck driver from Ava, Mo., who backs Mr. Trump, said`: a name opening
    // the sentence and an appositive with commas of its own.
    if start == end
        && appos.is_none()
        && end > s
        && doc.toks[end - 1].is_punct(',')
        && let Some((name, ap)) = long_appositive(doc, s, end - 1)
    {
        start = name.start;
        end = name.end;
        appos = Some(ap);
    }
    // `Gov. Ann Poe (R-Ohio), said`: a party tag and a stray comma before the cue.
    if start == end
        && appos.is_none()
        && end > s + 2
        && doc.toks[end - 1].is_punct(',')
        && doc.toks[end - 2].is_punct(')')
    {
        let p = before_paren(doc, s, end - 1);
        let (st, ok) = collect_back(doc, s, p);
        if ok && st < p && p < end - 1 {
            start = st;
            end = p;
        }
    }
    if start == end && appos.is_none() {
        // `S, the ROLE of ORG, said` or `S, who ..., said`.
        // (`S, who calls him a “bully,” said`: the comma may sit inside the closing mark.)
        if end > s && doc.is_comma(end - 1) {
            let comma2 = end - 1;
            let lo = comma2.saturating_sub(40).max(s);
            let stop = |i: usize| {
                doc.toks[i].is_punct(',') && doc.toks[i].q == 0
                    || doc.toks[i].is_punct('(')
                    || doc.toks[i].kind == TokKind::Close
            };
            let prev_comma = (lo..comma2).rev().find(|&i| stop(i))?;
            // (Only a relative clause may quote a word: `, who calls him a “bully,” said`.)
            if !doc.toks[comma2].is_punct(',') && !doc.is(prev_comma + 1, "who") {
                return None;
            }
            if !doc.toks[prev_comma].is_punct(',') {
                return None;
            }
            // (`State Rep. Ann Poe (R), a leader of the caucus, said`: a party tag after
            // the name.)
            let name_end = before_paren(doc, s, prev_comma);
            let (mut st, ok) = collect_back(doc, s, name_end);
            if !ok || st == name_end {
                return None;
            }
            // `Smith, 45, who runs a bakery, said`: an age between commas.
            let mut prev_comma = prev_comma;
            if prev_comma - st == 1
                && doc.toks[st].ch.is_ascii_digit()
                && st > s
                && doc.toks[st - 1].is_punct(',')
            {
                let (st2, ok2) = collect_back(doc, s, st - 1);
                if !ok2 || st2 == st - 1 {
                    return None;
                }
                prev_comma = st - 1;
                st = st2;
            }
            // `the ROLE of ORG, NAME, said`: the name is between the commas.
            let chunk = prev_comma + 1..comma2;
            // (`One of them, retiree Walt Huber, said`: a role noun or two may come before
            // the name.)
            let described = (chunk.start..chunk.end.min(chunk.start + 3))
                .take_while(|&i| {
                    let t = &doc.toks[i];
                    t.is_word()
                        && t.ch.is_lowercase()
                        && !doc.is_any(i, frame_words::list(Section::SourceStop))
                        && !doc.is_any(i, &["a", "an", "the", "of", "for", "to", "in"])
                        // (`experts, including Ann Poe,`: examples, not the name of the
                        // phrase before.)
                        && !doc.is_any(
                            i,
                            &[
                                "including", "among", "especially", "like", "such", "notably",
                                "particularly", "namely", "except", "excluding", "plus", "not",
                                "even", "only", "mostly", "mainly",
                            ],
                        )
                })
                .count();
            // (`The union representing the nurses, the Allied Health Workers Guild, said`:
            // a name may have its article.)
            let the_name = described == 0
                && doc.is(chunk.start, "the")
                && doc
                    .toks
                    .get(chunk.start + 1)
                    .is_some_and(|t| t.capitalized());
            let names_from = chunk.start + described + usize::from(the_name);
            // (`Another pollster, Ann Poe of Clemson University, said`: with where from.)
            let name_chunk = !chunk.is_empty()
                && chunk.len() <= 8
                && names_from < chunk.end
                // (After a role noun, a full name: `retiree Walt Huber`.)
                && (described == 0 || names_from + 1 < chunk.end)
                && doc.toks[names_from].capitalized()
                && (names_from..chunk.end).all(|i| {
                    let t = &doc.toks[i];
                    t.capitalized()
                        || t.is_punct('.')
                        || doc.is_any(i, &["of", "from", "at", "in"])
                            && i > names_from
                            && doc.toks[i - 1].capitalized()
                            && doc.toks.get(i + 1).is_some_and(|n| n.capitalized())
                })
                && (w.is_title(doc.text(prev_comma - 1))
                    || w.is_speaker_head(doc.text(prev_comma - 1))
                    || !doc.toks[prev_comma - 1].capitalized()
                    // `A spokesman for the Ministry of Transport, Carl Eriksen, said`.
                    || (st..prev_comma).any(|i| {
                        doc.toks[i].is_word()
                            && !doc.toks[i].capitalized()
                            && w.is_speaker_head(doc.text(i))
                    }));
            if name_chunk {
                appos = Some(st..prev_comma);
                start = chunk.start;
                end = chunk.end;
            } else {
                // The phrase before an appositive must be a name (`Ann Poe Jr.,` ends in an
                // abbreviation dot) or a source noun; a noun followed by `who` names
                // people (`Local growers, who ..., said`).
                let mut last = name_end.min(prev_comma) - 1;
                if doc.toks[last].is_punct('.') && last > st {
                    last -= 1;
                }
                let who = doc.is(chunk.start, "who") && doc.toks[last].is_word();
                // `Several candidates, including Ann Poe, said`, `Some groups, such as the
                // union, say`: examples of a plural noun.
                let examples = (doc.is_any(chunk.start, &["including", "among"])
                    || doc.is(chunk.start, "such") && doc.is(chunk.start + 1, "as"))
                    && doc.toks[last].is_word()
                    && doc.text(last).ends_with('s');
                if !doc.toks[last].capitalized()
                    && !w.is_speaker_head(doc.text(last))
                    && !who
                    && !examples
                {
                    return None;
                }
                // (`Ivo Dask, R-Ky., said`: a party and state tag is no description.)
                appos = Some(chunk);
                start = st;
                end = name_end.min(prev_comma);
            }
        } else {
            return None;
        }
    }
    while start < end
        && doc.is_any(start, frame_words::list(Section::Connective))
        && end - start > 1
    {
        start += 1;
    }
    // `with forecasters warning`: `with` is not part of the source.
    if end - start > 1 && doc.is(start, "with") {
        start += 1;
    }
    let before = if start == s {
        None
    } else {
        // Connectives at the sentence start do not count as a boundary.
        let mut b = start;
        while b > s
            && doc.toks[b - 1].is_word()
            && doc.is_any(b - 1, frame_words::list(Section::Connective))
        {
            b -= 1;
        }
        if b == s { None } else { Some(start - 1) }
    };
    Some(SourcePhrase {
        range: start..end,
        appos,
        before,
    })
}

/// `when Dorn mocked Pike on trade and called her`: the subject (a name or a subject pronoun
/// followed by a lowercase word) right after the last subordinator before the coordinated
/// cue at `k`, within its clause.
pub(super) fn subordinate_subject(doc: &Doc, s: usize, k: usize) -> Option<Range<usize>> {
    let lo = k.saturating_sub(25).max(s);
    let sub = (lo..k).rev().find(|&i| {
        doc.is_any(
            i,
            &[
                "when", "after", "before", "while", "because", "since", "until", "once",
                "although", "though", "if", "whenever",
            ],
        ) || !doc.toks[i].is_word() && !doc.toks[i].is_punct('.')
    })?;
    if !doc.toks[sub].is_word() {
        return None;
    }
    let st = sub + 1;
    if st < k && doc.is_any(st, &["he", "she", "they", "we"]) {
        return Some(st..st + 1);
    }
    let end = (st..k).find(|&i| !(doc.toks[i].is_word() && doc.toks[i].capitalized()))?;
    (end > st && doc.toks[end].is_word()).then_some(st..end)
}

/// True when a relative word (`who`, `which`, `that`) stands in the clause before the cue at
/// `k`, after its last punctuation: `an official who oversaw the inquiry and described it as
/// “Q”` has the relative's antecedent for its subject.
pub(super) fn relative_before(doc: &Doc, s: usize, k: usize) -> bool {
    let lo = k.saturating_sub(25).max(s);
    (lo..k)
        .rev()
        .take_while(|&i| doc.toks[i].is_word() || doc.toks[i].is_punct('.'))
        .any(|i| doc.is_who(i) || doc.is_any(i, &["which", "that"]))
}

/// True when the cue at `k` shares its sentence's subject: after `and` or `but` (`smiled
/// and said`), or after `then` or `later` following one of them or a comma (`paused, then
/// said`).
pub(super) fn coordinated_cue(doc: &Doc, s: usize, k: usize) -> bool {
    let mut j = k;
    let adverb = j > s && doc.is_any(j - 1, &["then", "later", "finally"]);
    if adverb {
        j -= 1;
    }
    j > s && (doc.is_any(j - 1, &["and", "but"]) || adverb && doc.toks[j - 1].is_punct(','))
}

/// The source of a cue in the infinitive, `to` at `to` (`He went on to say`, `Ruiz was
/// prompted to say`): the sentence's subject, when a verb stands between it and `to` and
/// no object does (`urged them to say`, `leading advisers like Gene Sperling to counter`,
/// `had this to say` name someone or something else).
pub(super) fn infinitive_source(
    doc: &Doc,
    res: &mut Resolver,
    s: usize,
    to: usize,
    para: u32,
) -> Option<Speaker> {
    let before = &doc.toks[to - 1];
    if !before.is_word()
        || before.capitalized()
        || doc.is_any(
            to - 1,
            &[
                "him",
                "her",
                "them",
                "me",
                "us",
                "you",
                "this",
                "that",
                "something",
                "nothing",
                "everyone",
                "anyone",
                "others",
                "people",
            ],
        )
    {
        return None;
    }
    let subj = leading_subject(doc, s, to)?;
    if subj.end + 1 > to - 1 {
        return None;
    }
    res.resolve(subj, None, para)
}

/// `end` moved before a party tag in parentheses that closes right before it (`Ann Poe
/// (R)`, `(D-R.I.)`: capitals, hyphens and periods only), when one opens within eight
/// tokens; else `end`.
fn before_paren(doc: &Doc, s: usize, end: usize) -> usize {
    if end > s + 1 && doc.toks[end - 1].is_punct(')') {
        let lo = end.saturating_sub(8).max(s);
        if let Some(p) = (lo..end - 1).rev().find(|&i| doc.toks[i].is_punct('('))
            && (p + 1..end - 1).all(|i| {
                let t = &doc.toks[i];
                t.capitalized() || t.is_punct('-') || t.is_punct('.')
            })
        {
            return p;
        }
    }
    end
}

/// `to` at `i` between a noun and a determiner (`the delegation to the forum`, `an envoy to
/// the talks`): part of a noun phrase, not an infinitive or a verb's object (`decided to`,
/// `came to the rally`, `wants to`).
fn noun_to_the(doc: &Doc, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &doc.toks[p]) else {
        return false;
    };
    let w = doc.text(i - 1);
    prev.is_word()
        && !prev.capitalized()
        && w.len() > 3
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !w.ends_with("ly")
        && !frame_words::is(Section::IrregularPast, w)
        && !crate::extract::quotes::word_match::is_one_of(
            w,
            &[
                "want", "wants", "have", "has", "need", "needs", "plan", "plans", "going", "able",
                "likely", "used", "ought", "seem", "seems", "try", "tries", "back", "return",
                "turn", "turns", "come", "comes", "said", "says", "told", "tell",
            ],
        )
        && doc.is_any(i + 1, &["the", "a", "an"])
}

/// `Ann Poe's claim that there were “thousands”`: the name whose possessive stands right
/// before the cue word at `k` (a noun there, followed by `that`); its words, the
/// possessive's included.
pub(super) fn possessor_before(doc: &Doc, s: usize, k: usize) -> Option<Range<usize>> {
    if !after_possessive(doc, s, k) {
        return None;
    }
    let last = k - 1;
    // Only a noun that introduces what was said (`claim that`): after `called Poe's
    // remarks a “Q”` the fragment is the caller's.
    if !doc.is(k + 1, "that") {
        return None;
    }
    // (`Trump's called it ...`: `'s` for `has` before a past form is no possessive.)
    if cue_at(doc, k).is_some_and(|c| c.verb.is_some_and(|v| v.form == Form::Past)) {
        return None;
    }
    let mut a = last;
    while a > s
        && last - a < 4
        && doc.toks[a - 1].is_word()
        && doc.toks[a - 1].q == 0
        && doc.toks[a - 1].capitalized()
        && !doc.is_any(
            a - 1,
            &[
                "the", "a", "an", "at", "in", "on", "for", "with", "by", "from", "of", "to",
                "after", "before", "despite", "amid", "but", "and",
            ],
        )
    {
        a -= 1;
    }
    Some(a..k)
}

/// `of Ann Poe privately saying “Q”`, `about Poe telling`: the name between a preposition
/// and the participle cue at `k` (a manner adverb may sit between), the participle's
/// subject.
pub(super) fn name_after_preposition(doc: &Doc, s: usize, k: usize) -> Option<Range<usize>> {
    let mut end = k;
    if end > s && manner_adverb(doc.text(end - 1)) {
        end -= 1;
    }
    let mut a = end;
    while a > s && end - a < 4 && doc.toks[a - 1].capitalized() && doc.toks[a - 1].q == 0 {
        a -= 1;
    }
    // (Not `of` inside a name: `the Federation of Teachers calling`.)
    let inside_name = a >= s + 2 && doc.toks[a - 2].capitalized();
    (a < end && a > s && doc.is_any(a - 1, &["of", "with", "about"]) && !inside_name)
        .then_some(a..end)
}

/// The word before token `k` is a capitalized possessive (`Poe's`, `Poe’s`) in sentence
/// `s..`.
pub(super) fn after_possessive(doc: &Doc, s: usize, k: usize) -> bool {
    k > s && {
        let t = &doc.toks[k - 1];
        let w = doc.text(k - 1);
        t.is_word() && t.q == 0 && t.capitalized() && (w.ends_with("’s") || w.ends_with("'s"))
    }
}

/// `Experts on taxes and trade said`, `leaders of France and Germany said`: the `and` at
/// `and` joins the nouns of a preposition after a speaker noun, inside one source phrase.
fn and_in_complement(doc: &Doc, s: usize, and: usize) -> bool {
    let lo = and.saturating_sub(5).max(s + 1);
    (lo..and).rev().any(|p| {
        doc.is_any(p, &["on", "of", "in", "from", "for", "at", "about"])
            && doc.toks[p - 1].is_word()
            && words().is_speaker_head(&doc.text(p - 1).to_lowercase())
            && (p + 1..and).all(|i| doc.toks[i].is_word() && doc.toks[i].q == 0)
    })
}

/// `The ministry less than two weeks ago said`, `Poe two days ago said`: the end of the
/// source phrase before a time `ago` that ends at `end`.
fn before_time_ago(doc: &Doc, s: usize, end: usize) -> usize {
    if end < s + 4 || !doc.is(end - 1, "ago") {
        return end;
    }
    let unit = end - 2;
    if !doc.is_any(
        unit,
        &[
            "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
            "minutes",
        ],
    ) {
        return end;
    }
    let mut a = unit - 1;
    if !(doc.toks[a].ch.is_ascii_digit()
        || doc.is_any(a, &["a", "an", "few", "several"])
        || frame_words::is(Section::Number, doc.text(a)))
    {
        return end;
    }
    if a > s && doc.is_any(a - 1, &["a"]) {
        a -= 1;
    }
    if a > s + 1 && doc.is(a - 1, "than") && doc.is_any(a - 2, &["less", "more"]) {
        a -= 2;
    } else if a > s && frame_words::is(Section::Approximate, doc.text(a - 1)) {
        a -= 1;
    }
    if a > s { a } else { end }
}
