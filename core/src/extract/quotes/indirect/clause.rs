//! The shape of a reported clause: where it starts after its cue (a listener, an adjunct,
//! `that`), whether the words there are a clause or the verb's object, and whether a finite
//! verb makes them a clause.

use super::*;

/// Tokens after which a clause may still follow the cue.
pub(super) const PREPS: &[&str] = &[
    "at", "in", "on", "during", "via", "through", "to", "from", "with", "after", "before", "for",
    "by", "over", "while", "outside", "inside", "ahead", "late", "early", "aboard", "near",
    "across", "beside", "behind", "under",
];

/// Words that open a reported question (`asked the engineers if they were certain`).
pub(super) const QUESTION_OPENERS: &[&str] = &["if", "whether"];

pub(super) const OBJ_PRONOUNS: &[&str] =
    &["him", "her", "them", "us", "me", "you", "it", "everyone"];

/// What follows a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum After {
    /// The reported clause starts at `start`; `that` tells whether `that` introduced it.
    Clause { start: usize, that: bool },
    /// Only adjuncts follow, up to the end of the sentence or a comma at the index given.
    End(usize),
    /// Something else follows (an object, a quotation, a colon): no indirect frame.
    Other,
}

/// Prepositions that open an adjunct between a cue and its clause.
pub(super) const ADJ_PREPS: &[&str] = &[
    "at",
    "in",
    "on",
    "during",
    "via",
    "through",
    "to",
    "from",
    "with",
    "after",
    "before",
    "over",
    "while",
    "outside",
    "inside",
    "ahead",
    "late",
    "early",
    "by",
    "amid",
    "following",
    "earlier",
    "later",
    "for",
    "since",
    "throughout",
    "aboard",
    "near",
    "across",
    "beside",
    "behind",
    "under",
];

/// Words after which `that` is a pronoun, not a conjunction (`Apple says that is what ...`).
pub(super) const THAT_PRONOUN_NEXT: &[&str] = &[
    "is", "was", "will", "would", "has", "had", "can", "could", "may", "might", "should", "does",
    "did", "seems", "means", "remains", "isn't", "isn’t", "wasn't", "wasn’t", "’s", "'s",
];

pub(super) fn that_clause(doc: &Doc, p: usize) -> After {
    if doc.is_any(p + 1, THAT_PRONOUN_NEXT) {
        After::Clause {
            start: p,
            that: true,
        }
    } else {
        After::Clause {
            start: p + 1,
            that: true,
        }
    }
}

/// Where the reported clause starts after a cue ending at `p`.
/// `emailed` in `in a statement emailed to NBC News`: a participle that passes the
/// statement on, skipped so that the listener after it is skipped too.
pub(super) fn skip_sent_to(doc: &Doc, p: usize) -> usize {
    const SENT: &[&str] = &[
        "emailed",
        "e-mailed",
        "sent",
        "posted",
        "released",
        "issued",
        "provided",
        "given",
        "published",
        "shared",
        "obtained",
        "seen",
        "reviewed",
        "circulated",
        "distributed",
        "delivered",
        "forwarded",
    ];
    if doc.is_any(p, SENT) && doc.is_any(p + 1, &["to", "on", "by"]) {
        p + 1
    } else {
        p
    }
}

pub(super) fn clause_after(doc: &Doc, cue: &Cue, mut p: usize, e: usize) -> After {
    // `told the story of a single mother who ...`, `tells a joke`: what was told is the
    // object, and no clause follows.
    if cue
        .verb
        .is_some_and(|v| crate::extract::quotes::cues::lexicon().lemma(v.lemma) == "tell")
        && (p..e.min(p + 4)).any(|i| {
            doc.is_any(
                i,
                &[
                    "story", "stories", "tale", "tales", "joke", "jokes", "anecdote", "truth",
                    "lie", "lies",
                ],
            )
        })
        && !(p..e.min(p + 12)).any(|i| doc.is(i, "that"))
    {
        return After::Other;
    }
    if cue.verb.is_some_and(|v| v.obj) && !cue.phrase {
        p = skip_object(doc, p, e);
    }
    // `said in a statement emailed to NBC News that C`.
    if cue.phrase && skip_sent_to(doc, p) != p {
        p += 1;
        if doc.is_any(p, &["to", "on", "by"]) {
            p += 1;
            while p < e
                && doc.toks[p].is_word()
                && (doc.toks[p].capitalized()
                    || doc.is_any(p, &["the", "a", "its", "his", "her", "their"])
                    || words().is_group(doc.text(p)))
            {
                p += 1;
            }
        }
    }
    for _ in 0..6 {
        if p >= e {
            return After::End(e);
        }
        let t = &doc.toks[p];
        // `He added, that C`: a stray comma right after the cue.
        if t.is_punct(',')
            && doc.is(p + 1, "that")
            && !doc.is_any(p + 2, CLAUSE_VERBS)
            && p > 0
            && doc.toks[p - 1].is_word()
            && cue_at(doc, p - 1).is_some()
            && !parenthetical_cue(doc, p - 1)
        {
            return that_clause(doc, p + 1);
        }
        // `stated, while testifying before Congress, that C`, `said, in a statement, that
        // C`: an adjunct between commas right after the cue.
        if t.is_punct(',')
            && p > 0
            && doc.toks[p - 1].is_word()
            && cue_at(doc, p - 1).is_some()
            && let Some(c2) = (p + 2..e.min(p + 16))
                .take_while(|&i| doc.toks[i].is_word() || doc.toks[i].is_punct(','))
                .find(|&i| doc.toks[i].is_punct(','))
            && doc.is(c2 + 1, "that")
            && !doc.is_any(c2 + 2, CLAUSE_VERBS)
            && !parenthetical_cue(doc, p - 1)
        {
            return that_clause(doc, c2 + 1);
        }
        if t.is_punct(',') {
            return After::End(p);
        }
        // `Obama said “it gets me mad” every time he thinks about it`: a quotation that
        // opens the clause and the writer's words that go on after it.
        if t.kind == TokKind::Open
            && let Some(close) = (p + 1..e.min(p + 300))
                .find(|&i| doc.toks[i].kind == TokKind::Close && doc.toks[i].q == t.q)
            && doc.words(close + 1..e) >= 2
            && doc.toks.get(close + 1).is_some_and(|n| n.is_word())
            && finite_verb_within(doc, p, e, 12)
        {
            return After::Clause {
                start: p,
                that: false,
            };
        }
        // `Residents said: the ferry is always late`: a clause without quotation marks after
        // a colon.
        if t.is_punct(':')
            && t.q == 0
            && doc.toks.get(p + 1).is_some_and(|n| n.is_word() && n.q == 0)
            && finite_verb_within(doc, p + 1, e, 10)
        {
            return After::Clause {
                start: p + 1,
                that: false,
            };
        }
        if !t.is_word() {
            return if t.kind == TokKind::Punct && matches!(t.ch, '.' | '?' | '!') && t.q == 0 {
                After::End(p)
            } else {
                After::Other
            };
        }
        if doc.is(p, "that") {
            return that_clause(doc, p);
        }
        // `complained bitterly that C`, `said repeatedly that C`: a manner adverb before
        // `that`.
        if doc.is(p + 1, "that") && !t.capitalized() && {
            let w = doc.text(p);
            w.len() > 4 && w.ends_with("ly") || doc.is_any(p, &["also", "again", "then"])
        } {
            p += 1;
            continue;
        }
        if let Some(n) = phrase_at(doc, p, PhraseKind::Adjunct) {
            p += n;
            p = skip_sent_to(doc, p);
            // `in an interview with Reuters`, `in a letter to shareholders`.
            if doc.is_any(p, &["with", "to", "on", "from", "by"]) {
                p += 1;
                while p < e
                    && (doc.toks[p].is_word()
                        && (doc.toks[p].capitalized()
                            || doc.is_any(p, &["the", "a", "its", "his", "her", "their"])
                            || words().is_group(doc.text(p))))
                {
                    p += 1;
                }
            }
            if p < e && doc.toks[p].is_punct(',') {
                p += 1;
            }
            continue;
        }
        if doc.is_any(p, &["on", "by", "until", "since", "in", "late", "early"])
            && is_time(doc, p + 1)
        {
            p += 1;
        }
        if is_time(doc, p) {
            p += 1;
            if p < e && doc.toks[p].is_word() && doc.toks[p].ch.is_ascii_digit() {
                p += 1;
            }
            continue;
        }
        // `announced two days earlier that C`.
        if (doc.toks[p].ch.is_ascii_digit()
            || crate::extract::quotes::frame_words::is(
                crate::extract::quotes::frame_words::Section::Number,
                doc.text(p),
            )
            || doc.is_any(p, &["a", "an"]))
            && doc.is_any(
                p + 1,
                &[
                    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour",
                    "hours",
                ],
            )
            && doc.is_any(p + 2, &["earlier", "later", "ago", "before"])
        {
            p += 3;
            continue;
        }
        if doc.is_any(p, &["last", "this", "next"])
            && doc.is_any(
                p + 1,
                &[
                    "week",
                    "month",
                    "year",
                    "weekend",
                    "morning",
                    "afternoon",
                    "evening",
                    "night",
                    "spring",
                    "summer",
                    "fall",
                    "autumn",
                    "winter",
                    "time",
                ],
            )
        {
            p += 2;
            continue;
        }
        if doc.is_any(p, ADJ_PREPS) {
            // A prepositional adjunct: the clause starts after a later `that`, or nothing
            // but the adjunct follows.
            let lim = e.min(p + 25);
            let mut k = p + 1;
            let mut crossed: Option<usize> = None;
            while k < lim {
                let t = &doc.toks[k];
                if t.kind == TokKind::Open || t.is_punct(';') || t.is_punct(':') {
                    break;
                }
                // `that` after another cue belongs to that cue; not after a noun in -s
                // (`said in her opening remarks that C`).
                if t.is_word()
                    && cue_at(doc, k).is_some_and(|c| {
                        c.verb.is_some_and(|v| {
                            matches!(v.form, Form::Past | Form::Third)
                                // (`People briefed on the talks say that C`)
                                || v.form == Form::Base
                                    && doc.is(k + 1, "that")
                                    && !doc.is(k - 1, "to")
                        })
                    })
                    && !plural_noun_in_adjunct(doc, p, k)
                {
                    break;
                }
                if t.is_punct(',') && crossed.is_none() {
                    crossed = Some(k);
                }
                // `at X, south of Y, that C` but not `on Monday, an effort that ...`.
                if doc.is(k, "that") && (crossed.is_none() || doc.toks[k - 1].is_punct(',')) {
                    return that_clause(doc, k);
                }
                k += 1;
            }
            if let Some(c) = crossed {
                return After::End(c);
            }
            // The adjunct runs to the end of the sentence.
            let mut q = p + 1;
            while q < e && q - p < 12 && doc.toks[q].is_word() {
                q += 1;
            }
            if q >= e
                || doc.toks[q].kind == TokKind::Punct
                    && matches!(doc.toks[q].ch, '.' | '?' | '!' | ',')
            {
                return After::End(q.min(e));
            }
            return After::Other;
        }
        return After::Clause {
            start: p,
            that: false,
        };
    }
    After::Other
}

/// Words that open a noun phrase.
pub(super) const NP_OPENERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "one", "two", "three", "four", "five",
    "six", "seven", "eight", "nine", "ten", "another", "more", "some", "several",
];

/// Words that end a noun phrase used as an object: a preposition, a conjunction, `as`.
pub(super) const NP_ENDERS: &[&str] = &[
    "for",
    "as",
    "and",
    "or",
    "but",
    "to",
    "in",
    "on",
    "at",
    "with",
    "from",
    "of",
    "into",
    "against",
    "while",
    "after",
    "before",
    "during",
    "off",
    "than",
    "last",
    "yesterday",
    "today",
    "earlier",
    "later",
];

/// Auxiliaries and modals: a clause's verb.
pub(super) const CLAUSE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "should", "must", "does", "do", "did", "isn't", "wasn't", "won't",
    "isn’t", "wasn’t", "won’t",
];

/// True when the words of `r` can be a clause: a subject pronoun, an auxiliary or modal,
/// a past form, a negation or a word in `-s` somewhere in them. `said in a video message
/// to the convention`, `told moderator John Dickerson`, `conceding the race to Clinton`
/// leave only an adjunct or an object where the clause would be.
pub fn reads_as_clause(doc: &Doc, r: Range<usize>) -> bool {
    r.into_iter().any(|i| {
        let t = &doc.toks[i];
        if !t.is_word() {
            return false;
        }
        let w = doc.text(i);
        doc.is_any(i, SUBJECT_PRONOUNS)
            || doc.is_any(i, &["who", "cannot"])
            || doc.is_any(i, CLAUSE_VERBS)
            || contracted_verb(w)
            || w.ends_with("n't")
            || w.ends_with("n’t")
            || w.ends_with("'s")
            || w.ends_with("’s")
            || crate::extract::quotes::frame_words::is(
                crate::extract::quotes::frame_words::Section::IrregularPast,
                w,
            )
            || w.len() > 3 && w.ends_with("ed")
            || w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
    })
}

/// A finite verb (an auxiliary or modal, a past form, `-s` after a pronoun) in the first
/// `n` tokens from `p`: the words there make a clause.
pub(super) fn finite_verb_within(doc: &Doc, p: usize, e: usize, n: usize) -> bool {
    (p..e.min(p + n)).any(|i| {
        let t = &doc.toks[i];
        if !t.is_word() {
            return false;
        }
        let w = doc.text(i);
        doc.is_any(i, CLAUSE_VERBS)
            || contracted_verb(w)
            || crate::extract::quotes::frame_words::is(
                crate::extract::quotes::frame_words::Section::IrregularPast,
                w,
            )
            || w.ends_with("n't")
            || w.ends_with("n’t")
            || w.len() > 4
                && w.ends_with("ed")
                && t.ch.is_lowercase()
                // (`toward shared goals`, `a closed door`: an adjective)
                && !(i > 0
                    && doc.is_any(
                        i - 1,
                        &[
                            "the", "a", "an", "toward", "towards", "of", "for", "with", "and",
                            "or", "its", "his", "her", "their", "our", "more", "most", "very",
                        ],
                    ))
            || i > p && w.ends_with('s') && t.ch.is_lowercase() && {
                // `it still considers`: one adverb may sit between.
                let mut b = i - 1;
                if b > p && doc.is_any(b, &["still", "also", "now", "never", "always", "already"]) {
                    b -= 1;
                }
                doc.is_any(b, &["he", "she", "it", "they", "who", "that", "which"])
            }
    })
}

/// A subject pronoun with a contracted `is` or `has` (`he’s returning`, `it's over`).
pub(super) fn contracted_verb(w: &str) -> bool {
    let stem = w
        .strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or("");
    ["he", "she", "it", "that", "there", "who", "what"]
        .iter()
        .any(|p| stem.eq_ignore_ascii_case(p))
}

/// Subject pronouns that open a clause (`announced it would`, `confirmed he was`).
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "there", "you"];

/// True when the words at `p` open a clause with its own subject and a finite verb: a
/// subject pronoun and then a verb (`announced it would close`, `confirmed he was aboard`),
/// or a short noun phrase and then an auxiliary or modal (`claims the board had ignored`).
/// This lets a verb that otherwise reports speech only with `that` report a clause without
/// it, while `announced its results` and `confirmed the report` stay objects.
/// A clause that a verb reporting only with `that` may still take without it: its own
/// subject and verb, or a reported question (`questioned whether the board had read it`).
pub(super) fn clause_without_that(doc: &Doc, p: usize, e: usize) -> bool {
    doc.is(p, "whether") || subject_then_verb(doc, p, e)
}

pub(super) fn subject_then_verb(doc: &Doc, p: usize, e: usize) -> bool {
    let Some(t) = doc.toks.get(p) else {
        return false;
    };
    if p >= e || !t.is_word() {
        return false;
    }
    let verb_at = |i: usize| {
        i < e
            && doc.toks[i].is_word()
            && !doc.toks[i].capitalized()
            && (doc.is_any(i, CLAUSE_VERBS) || {
                let w = doc.text(i);
                w.ends_with("n't")
                    || w.ends_with("n’t")
                    || w.len() > 3 && w.ends_with("ed")
                    || crate::extract::quotes::frame_words::is(
                        crate::extract::quotes::frame_words::Section::IrregularPast,
                        w,
                    )
            })
    };
    if contracted_verb(doc.text(p)) {
        return true;
    }
    if doc.is_any(p, SUBJECT_PRONOUNS) {
        let mut k = p + 1;
        if doc.is_any(
            k,
            &["still", "also", "now", "never", "always", "already", "had"],
        ) && verb_at(k + 1)
        {
            k += 1;
        }
        // (`it` is as often an object: `confirmed it on Monday`; a verb must follow.)
        return verb_at(k) || !doc.is(p, "it") && k < e && doc.text(k).ends_with('s');
    }
    // A determiner or a name, up to four more words, then an auxiliary or modal.
    let opens = doc.is_any(
        p,
        &[
            "the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those",
        ],
    ) || t.capitalized() && !doc.is_any(p, &["The", "A", "An"]);
    if !opens {
        return false;
    }
    let mut k = p + 1;
    while k < e && k - p <= 5 && doc.toks[k].is_word() && !doc.is_any(k, CLAUSE_VERBS) {
        if doc.is_any(k, &["that", "who", "which"]) {
            return relative_then_verb(doc, k, e, verb_at);
        }
        if doc.is_any(k, NP_ENDERS) || is_time(doc, k) {
            return false;
        }
        k += 1;
    }
    k < e && doc.is_any(k, CLAUSE_VERBS)
}

/// `claimed the corner that led to the winner should have been a goal kick`: a subject
/// with a relative clause (`that`, `who`, `which` at `rel`, then its verb), then, within
/// seven words with no punctuation or conjunction between, the clause's auxiliary or modal.
/// `admitted the errors that were made by staff` has no second verb: no clause.
fn relative_then_verb(doc: &Doc, rel: usize, e: usize, verb_at: impl Fn(usize) -> bool) -> bool {
    if !verb_at(rel + 1) {
        return false;
    }
    let stop = (rel + 9).min(e);
    for k in rel + 2..stop {
        if !doc.toks[k].is_word()
            || doc.is_any(
                k,
                &[
                    "and", "or", "but", "when", "while", "after", "before", "because", "if",
                    "since", "until", "as", "than", "that", "who", "which", "where",
                ],
            )
        {
            return false;
        }
        // (`a voter who claimed to be undecided to back him`: `be` after `to` is no finite
        // verb.)
        if doc.is_any(k, CLAUSE_VERBS) && !doc.is(k - 1, "to") {
            return true;
        }
    }
    false
}

/// `added a goal as ...`, `added three assists to ...`, `stressed the importance of ...`:
/// a short noun phrase at `p` closed by a preposition, a conjunction or punctuation is the
/// verb's object, not the subject of a reported clause.
pub(super) fn np_object(doc: &Doc, p: usize, e: usize) -> bool {
    let t = &doc.toks[p];
    let opens = t.is_word() && (doc.is_any(p, NP_OPENERS) || t.ch.is_ascii_digit());
    if !opens {
        return false;
    }
    let mut k = p + 1;
    while k < e
        && k - p <= 5
        && doc.toks[k].is_word()
        && !doc.is_any(k, NP_ENDERS)
        && !is_time(doc, k)
    {
        // A finite verb makes it a clause (`two players were injured`).
        if doc.is_any(k, CLAUSE_VERBS) || doc.text(k).ends_with("ed") {
            return false;
        }
        k += 1;
    }
    if k == p + 1 || k - p > 5 {
        return false;
    }
    k >= e
        || doc.is_any(k, NP_ENDERS)
        || is_time(doc, k)
        || !doc.toks[k].is_word() && matches!(doc.toks[k].ch, '.' | ';' | ':')
}

/// Plural nouns of people told something (`told reporters`), besides the group nouns.
const LISTENERS: &[&str] = &[
    "reporters",
    "journalists",
    "lawmakers",
    "shareholders",
    "investors",
    "staff",
    "employees",
    "parliament",
    "congress",
    "senators",
    "listeners",
    "viewers",
    "supporters",
    "members",
    "delegates",
];

pub(super) fn skip_object(doc: &Doc, p: usize, e: usize) -> usize {
    if p >= e || doc.is(p, "that") {
        return p;
    }
    if doc.is_any(p, OBJ_PRONOUNS) {
        return p + 1;
    }
    let w = words();
    if doc.toks[p].capitalized() && !doc.is_any(p, &["The", "A", "An"])
        || doc.is_any(p, &["the", "a", "an", "his", "her", "their", "its", "our"])
    {
        let mut k = p + 1;
        while k < e
            && k - p < 5
            && doc.toks[k].is_word()
            && !doc.is(k, "that")
            && !is_time(doc, k)
            && !doc.is_any(k, PREPS)
            && !doc.is_any(k, QUESTION_OPENERS)
            && !doc.is_any(k, CLAUSE_VERBS)
        {
            // (`told Fox 35 that`, `told Channel 4 that`: a station's number.)
            let station_number = doc.toks[k].ch.is_ascii_digit()
                && doc.toks[k - 1].capitalized()
                && doc.is(k + 1, "that");
            if !doc.toks[p].capitalized() || doc.toks[k].capitalized() || station_number {
                k += 1;
            } else {
                break;
            }
        }
        // `told NBC's Today show`, `told Fox News host Ann Poe`: the program or its host
        // after a broadcaster's name belongs to the listener.
        if doc.toks[p].capitalized()
            && k < e
            && doc.is_any(
                k,
                &[
                    "show",
                    "program",
                    "programme",
                    "podcast",
                    "host",
                    "anchor",
                    "correspondent",
                    "interviewer",
                    "co-host",
                ],
            )
        {
            k += 1;
            while k < e && k - p < 9 && doc.toks[k].is_word() && doc.toks[k].capitalized() {
                k += 1;
            }
        }
        return k;
    }
    let listener = |i: usize| w.is_group(doc.text(i)) || doc.is_any(i, LISTENERS);
    if listener(p) {
        return p + 1;
    }
    // `told state delegates`, `told fellow senators`: one lowercase modifier before them.
    if p + 1 < e
        && doc.toks[p].is_word()
        && doc.toks[p].ch.is_lowercase()
        && !doc.is_any(p, SUBJECT_PRONOUNS)
        && !doc.is_any(p, CLAUSE_VERBS)
        // (`warned other investors would flee`: a quantifier opens the clause's subject.)
        && !doc.is_any(
            p,
            &[
                "other", "many", "some", "most", "all", "few", "several", "more", "those", "these",
                "no", "both", "any",
            ],
        )
        && doc.toks[p + 1].is_word()
        && listener(p + 1)
    {
        return p + 2;
    }
    p
}

/// `in her opening remarks`, `in the comments`: a cue in -s inside the prepositional
/// adjunct opened at `p`, after a determiner, a possessive or a lowercase modifier, is a
/// plural noun.
fn plural_noun_in_adjunct(doc: &Doc, p: usize, k: usize) -> bool {
    k > p + 1
        && cue_at(doc, k).is_some_and(|c| c.verb.is_some_and(|v| v.form == Form::Third))
        && doc.toks[k - 1].is_word()
        && (doc.is_any(k - 1, NP_OPENERS)
            || doc.is_any(k - 1, &["my", "your"])
            || !doc.toks[k - 1].capitalized()
                && !doc.is_any(k - 1, &["he", "she", "it", "who", "which", "that"]))
}

/// `X is so bad, Ann Poe said, that ...`: the cue at `k` and its source sit between commas
/// inside the reported words (the source's words run back to a comma).
fn parenthetical_cue(doc: &Doc, k: usize) -> bool {
    let mut i = k;
    while i > 0 && k - i < 7 && (doc.toks[i - 1].is_word() || doc.toks[i - 1].is_punct('.')) {
        i -= 1;
    }
    i > 0 && doc.toks[i - 1].is_punct(',')
}
