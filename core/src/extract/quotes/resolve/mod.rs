//! Speaker resolution: from the words of a source phrase to a canonical speaker.
//!
//! - Names: titles and ranks are dropped (`Maj. Matt Taylor` → `Matt Taylor`); a surname
//!   alone goes to the fullest name seen with it (`Taylor` → `Matt Taylor`).
//! - Pronouns: `he`/`she` go to the current speaker when the gender fits, else to the most
//!   recent person mentioned with a fitting gender; `they` and `it` to the current group,
//!   organization or document.
//! - Role nouns (`the spokeswoman`) go to the person introduced with that role; otherwise
//!   unnamed sources are groups (`officials`, `a WeWork spokesperson` → `WeWork
//!   spokesperson`), documents (`the report`) or organizations (`the company` → the
//!   organization it stands for).

use super::cues::FastMap;
use super::speaker_words::{
    DOCUMENT, FEMALE, GROUP, MALE, ORG, ORGANY, ORGWORD, PRONOUN, ROLE, TITLE, words,
};
use super::text::{Doc, TokKind};
use super::word_match::is_one_of;
use crate::extract::entities::lexicon::is_title_word;
use crate::extract::{EntityKind, SpeakerKind};
use std::ops::Range;

mod anaphora;
mod known;
mod names;
mod subjects;
use anaphora::sentence_subjects;
pub use known::{KnownEntities, KnownEntity};

/// Whether the mention at `r` is a wire credit in a dateline, `OSLO (Reuters) —`: the agency
/// that sent the story out, not an actor in it (so no antecedent for `the company`).
fn is_credit(body: &str, r: &Range<usize>) -> bool {
    let before = body[..r.start].trim_end_matches(' ');
    let after = body[r.end..].trim_start_matches(' ');
    let Some(after) = after.strip_prefix(')') else {
        return false;
    };
    before.ends_with('(')
        && after
            .trim_start_matches(' ')
            .starts_with(['-', '\u{2013}', '\u{2014}'])
}

pub use crate::extract::entities::Gender;

/// `About 9 percent`, `Nearly nine out of 10`: the number (a number word or digits) that
/// opens the phrase `start..end` after any approximate words, if one does.
pub(crate) fn leading_count(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    let mut n = start;
    while n + 1 < end
        && doc.toks[n].is_word()
        && super::frame_words::is(super::frame_words::Section::Approximate, doc.text(n))
    {
        n += 1;
    }
    let counted = n < end
        && doc.toks[n].is_word()
        && (super::frame_words::is(super::frame_words::Section::Number, doc.text(n))
            || doc.text(n).bytes().all(|b| b.is_ascii_digit()));
    counted.then_some(n)
}

/// `47% of voters`, `47 percent`, `About half of voters`, `a majority of Democrats`: a
/// share of people (a count and `percent` or `%`, or a fraction word), alone or with `of`
/// and whom it counts.
fn share_of_people(doc: &Doc, start: usize, end: usize) -> bool {
    const SHARES: &[&str] = &[
        "half",
        "third",
        "quarter",
        "majority",
        "minority",
        "plurality",
    ];
    let mut n = start;
    while n + 1 < end
        && doc.toks[n].is_word()
        && (super::frame_words::is(super::frame_words::Section::Approximate, doc.text(n))
            || doc.is_any(n, &["a", "the"]))
    {
        n += 1;
    }
    let after = if doc.is_any(n, SHARES) {
        n + 1
    } else if leading_count(doc, n, end).is_some()
        && n + 1 < end
        && (doc.is(n + 1, "percent") || doc.toks[n + 1].is_punct('%'))
    {
        n + 2
    } else if doc.toks[n].is_word() && {
        let w = doc.text(n);
        w.len() > 1 && w.ends_with('%') && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit())
    } {
        n + 1
    } else {
        return false;
    };
    after == end || after + 1 < end && doc.is(after, "of")
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub name: Option<String>,
    pub kind: SpeakerKind,
    pub entity: Option<usize>,
    pub span: Option<Range<usize>>,
    pub gender: Option<Gender>,
}

impl Speaker {
    /// A source named by the words at byte range `phrase` of `body`, as written.
    pub(crate) fn as_written(body: &str, phrase: Range<usize>, kind: SpeakerKind) -> Speaker {
        Speaker {
            name: Some(body[phrase.clone()].to_string()),
            kind,
            entity: None,
            span: Some(phrase),
            gender: None,
        }
    }

    fn unknown() -> Speaker {
        Speaker {
            name: None,
            kind: SpeakerKind::Unknown,
            entity: None,
            span: None,
            gender: None,
        }
    }
}

#[derive(Debug, Clone)]
struct Person {
    name: String,
    gender: Option<Gender>,
    roles: Vec<String>,
    entity: Option<usize>,
}

/// Resolution state for one article, fed in reading order.
pub struct Resolver<'d, 'a> {
    doc: &'d Doc<'a>,
    known: &'d KnownEntities,
    people: Vec<Person>,
    /// Surname and given name (lowercase) → person index, latest wins.
    by_part: FastMap<String, usize>,
    /// Entity index → person index.
    by_entity: FastMap<usize, usize>,
    /// Attributions so far: (speaker, paragraph, byte position).
    history: Vec<(Speaker, u32, usize)>,
    /// People who are the subject of a sentence of the writer's, in order: (byte position
    /// of the mention, paragraph, entity).
    subjects: Vec<(usize, u32, usize)>,
    /// Sentences of the writer's whose subject is `he` (male) or `she`: (byte position of the
    /// pronoun, paragraph, gender).
    pronoun_subjects: Vec<(usize, u32, Gender)>,
    /// Last word of a person's name of two words or more → those people's entity indices,
    /// in order; built on first use by [`Resolver::titled_namesake`].
    by_surname: std::cell::OnceCell<FastMap<&'d str, Vec<usize>>>,
}

const DETERMINERS: &[&str] = &["the", "a", "an", "one", "another", "this", "that", "these"];
const POSTMOD: &[&str] = &[
    "of",
    "for",
    "with",
    "from",
    "at",
    "in",
    "to",
    "by",
    "across",
    "on",
    "familiar",
    "close",
    "who",
    "that",
    "based",
    "representing",
    "signed",
    "working",
    "involved",
    "around",
    "inside",
    "within",
    "among",
    "under",
    "behind",
    "near",
    "led",
    "briefed",
    "speaking",
    "knowledgeable",
    "responsible",
    "over",
    "into",
    "about",
    "like",
    "including",
    "seen",
    "obtained",
    "reviewed",
    "published",
    "released",
    "issued",
    "cited",
    "quoted",
    "filed",
    "sent",
    "signed",
    "written",
    "prepared",
    "compiled",
    "shared",
    "provided",
    "made",
    "given",
    "posted",
    "viewed",
];

/// `Poe's`, `Poe’s`, `the Khans'`: a word ending in a possessive.
pub(crate) fn possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
}

impl<'d, 'a> Resolver<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>, known: &'d KnownEntities) -> Self {
        let mut r = Resolver {
            doc,
            known,
            people: Vec::new(),
            by_part: FastMap::default(),
            by_entity: FastMap::default(),
            history: Vec::new(),
            subjects: Vec::new(),
            pronoun_subjects: Vec::new(),
            by_surname: std::cell::OnceCell::new(),
        };
        (r.subjects, r.pronoun_subjects) = sentence_subjects(doc, known);
        let mut titles: Vec<Vec<String>> = vec![Vec::new(); known.entities.len()];
        for (r, e) in &known.mentions {
            if known
                .entities
                .get(*e)
                .is_some_and(|x| x.kind == EntityKind::Person)
            {
                // `President Trump`: the title words before the name are roles.
                // `Interior Minister X`: a title modifier before the role word is skipped.
                for w in doc.body[r.clone()].split_whitespace() {
                    let w = super::frame_words::expand_title(w.trim_end_matches('.'));
                    if words().is_title(w) && words().flags(w) & ROLE != 0 {
                        let w = w.to_lowercase();
                        if !titles[*e].contains(&w) {
                            titles[*e].push(w);
                        }
                    } else if !words().is_title(w) {
                        break;
                    }
                }
                // `China’s ambassador to Britain Liu Xiaming`, `spokeswoman Jo Wren`: role
                // words right before the name.
                let mut lo = r.start.saturating_sub(60);
                while !doc.body.is_char_boundary(lo) {
                    lo += 1;
                }
                let before = &doc.body[lo..r.start];
                for w in before.split_whitespace().rev().take(4) {
                    if w.ends_with([',', '.', ';', ':', '”', '"']) {
                        break;
                    }
                    let lower = w.chars().all(|c| !c.is_alphabetic() || c.is_lowercase());
                    if words().flags(w) & ROLE != 0 && lower {
                        let w = w.to_string();
                        if !titles[*e].contains(&w) {
                            titles[*e].push(w);
                        }
                    } else if lower && !["to", "of", "for", "at", "in"].contains(&w) {
                        // (`The mayor replied to Ellen Cray`: a verb between the role word
                        // and the name; only a place's words may stand there.)
                        break;
                    }
                }
            }
        }
        for (i, e) in known.entities.iter().enumerate() {
            if e.kind == EntityKind::Person {
                let mut roles: Vec<String> = e
                    .role
                    .as_deref()
                    .map(|r| r.split_whitespace().map(str::to_lowercase).collect())
                    .unwrap_or_default();
                roles.append(&mut titles[i]);
                r.add_person(e.name.clone(), e.gender, roles, Some(i));
            }
        }
        r
    }

    fn add_person(
        &mut self,
        name: String,
        gender: Option<Gender>,
        roles: Vec<String>,
        entity: Option<usize>,
    ) -> usize {
        let parts: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        // Same person already known under this full name or as a fuller one.
        if let Some(last) = parts.last()
            && let Some(&i) = self.by_part.get(last)
        {
            let known: Vec<String> = self.people[i]
                .name
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            let compatible = parts.len() == 1
                || known.len() == 1
                || known.first() == parts.first()
                || known.first().zip(parts.first()).is_some_and(|(a, b)| {
                    a.chars().next() == b.chars().next() && (a.len() <= 2 || b.len() <= 2)
                });
            if known.last() == Some(last) && compatible {
                let p = &mut self.people[i];
                if name.split_whitespace().count() > p.name.split_whitespace().count() {
                    p.name = name;
                }
                if p.gender.is_none() {
                    p.gender = gender;
                }
                p.roles.extend(roles);
                if p.entity.is_none() {
                    p.entity = entity;
                }
                if let Some(e) = entity {
                    self.by_entity.entry(e).or_insert(i);
                }
                return i;
            }
        }
        let i = self.people.len();
        if let Some(last) = parts.last() {
            self.by_part.insert(last.clone(), i);
        }
        if parts.len() > 1
            && let Some(first) = parts.first()
        {
            self.by_part.entry(first.clone()).or_insert(i);
        }
        if let Some(e) = entity {
            self.by_entity.entry(e).or_insert(i);
        }
        self.people.push(Person {
            name,
            gender,
            roles,
            entity,
        });
        i
    }

    /// Records that `speaker` spoke at byte `pos` in paragraph `para`.
    pub fn record(&mut self, speaker: &Speaker, para: u32, pos: usize) {
        if speaker.name.is_some() {
            self.history.push((speaker.clone(), para, pos));
        }
    }

    /// The current speaker: the latest one within `back` paragraphs, matching `pred`.
    pub fn current(
        &self,
        para: u32,
        back: u32,
        pred: impl Fn(&Speaker) -> bool,
    ) -> Option<Speaker> {
        self.latest(para, back, pred).map(|(s, _, _)| s.clone())
    }

    /// The latest attribution within `back` paragraphs of `para` (of the last twelve)
    /// whose speaker matches `pred`: (speaker, paragraph, byte position).
    fn latest(
        &self,
        para: u32,
        back: u32,
        pred: impl Fn(&Speaker) -> bool,
    ) -> Option<&(Speaker, u32, usize)> {
        self.history
            .iter()
            .rev()
            .take(12)
            .take_while(|(_, p, _)| para.saturating_sub(*p) <= back)
            .find(|(s, _, _)| pred(s))
    }

    /// Resolves the source phrase `source` (token range). `appos` is an appositive describing
    /// it (`Tal Inbar, a missile expert at X,`). `None` when the words are not a source.
    pub fn resolve(
        &mut self,
        source: Range<usize>,
        appos: Option<Range<usize>>,
        para: u32,
    ) -> Option<Speaker> {
        let doc = self.doc;
        let w = words();
        let mut phrase_start = source.start;
        let mut phrase_end = source.end;
        if phrase_start >= phrase_end {
            return None;
        }
        // `A news report published Wednesday said`, `a poll conducted in May found`: the
        // participle the time left behind describes the source and is no part of its name.
        while phrase_end - phrase_start > 1
            && doc.toks[phrase_end - 1].is_word()
            && doc.toks[phrase_end - 2].is_word()
            && !doc.toks[phrase_end - 2].capitalized()
            && {
                let last = doc.text(phrase_end - 1);
                last.len() > 5
                    && last.ends_with("ed")
                    && last.chars().all(|c| c.is_ascii_lowercase())
            }
            && w.is_document(doc.text(phrase_end - 2))
        {
            phrase_end -= 1;
        }
        // `While Will acknowledges`: a subordinator opening the phrase is not the source.
        if phrase_end - phrase_start > 1
            && doc.is_any(
                phrase_start,
                &[
                    "while", "when", "although", "though", "because", "since", "if", "whereas",
                ],
            )
        {
            phrase_start += 1;
        }
        // A possessive determiner alone (`His repeated claims of ... alleged`) names no one.
        if phrase_end - phrase_start == 1
            && doc.is_any(phrase_start, &["his", "its", "their", "my", "our", "your"])
        {
            return None;
        }
        // `He's claiming`: a pronoun with a contracted `is` or `has`.
        if phrase_end - phrase_start == 1
            && doc.toks[phrase_start].is_word()
            && let Some(stem) = doc
                .text(phrase_start)
                .strip_suffix("’s")
                .or_else(|| doc.text(phrase_start).strip_suffix("'s"))
            && w.flags(stem) & PRONOUN != 0
        {
            return self.pronoun(stem, para, doc.toks[phrase_start].start);
        }
        // `Delaney and Ibarra met. Both said C` / `They said C`: the two people the sentence
        // before has for its subject.
        if phrase_end - phrase_start == 1
            && doc.is_any(phrase_start, &["they", "both"])
            && let Some(pair) = self.coordinated_subject_before(doc.toks[phrase_start].start, para)
        {
            return self.resolve(pair, None, para);
        }
        // Pronouns.
        if phrase_end - phrase_start == 1
            && doc.toks[phrase_start].is_word()
            && w.flags(doc.text(phrase_start)) & PRONOUN != 0
        {
            return self.pronoun(doc.text(phrase_start), para, doc.toks[phrase_start].start);
        }
        // `Trump and his attorneys`, `She and her defenders`, `Ann Toretti, Mrs. Rao and
        // other bundlers`: a named person (or a pronoun) heading a coordination with
        // unnamed others speaks for it.
        if let Some(and) = (phrase_start + 1..phrase_end).find(|&i| doc.is(i, "and"))
            && and + 1 < phrase_end
            && doc.is_any(
                and + 1,
                &[
                    "his", "her", "their", "its", "other", "others", "several", "some",
                ],
            )
        {
            let first_end = (phrase_start + 1..and)
                .find(|&i| doc.toks[i].is_punct(','))
                .unwrap_or(and);
            let first = phrase_start..first_end;
            let pronoun = first.len() == 1
                && doc.toks[phrase_start].is_word()
                && w.flags(doc.text(phrase_start)) & PRONOUN != 0;
            let named = doc.toks[phrase_start].capitalized()
                && self
                    .known
                    .in_range(doc.bytes(first.clone()))
                    .iter()
                    .any(|(_, ei)| {
                        self.known
                            .entities
                            .get(*ei)
                            .is_some_and(|x| x.kind == EntityKind::Person)
                    });
            if pronoun || named {
                return self.resolve(first, None, para);
            }
        }
        // `Kurt Volker and Tim Morrison`: two people named together speak together.
        let in_np = self.known.in_range(doc.bytes(phrase_start..phrase_end));
        let persons: Vec<&(Range<usize>, usize)> = in_np
            .iter()
            .filter(|(_, ei)| {
                self.known
                    .entities
                    .get(*ei)
                    .is_some_and(|x| x.kind == EntityKind::Person)
            })
            .collect();
        if persons.len() == 2
            && persons[1].0.end == doc.toks[phrase_end - 1].end
            && doc.body[persons[0].0.end..persons[1].0.start].trim() == "and"
        {
            let a = self.known.entities[persons[0].1].name.clone();
            let b = self.known.entities[persons[1].1].name.clone();
            return Some(Speaker {
                name: Some(format!("{a} and {b}")),
                kind: SpeakerKind::Group,
                entity: None,
                span: Some(doc.bytes(phrase_start..phrase_end)),
                gender: None,
            });
        }
        // `Khizr and Nadia Okafor`: a given name no list knows and a person who shares the
        // surname, a couple speaking together, as written.
        if persons.len() == 1
            && persons[0].0.end == doc.toks[phrase_end - 1].end
            && phrase_end - phrase_start >= 4
            && doc.toks[phrase_start].capitalized()
            && doc.is(phrase_start + 1, "and")
            && doc.toks[phrase_start + 2].start == persons[0].0.start
        {
            return Some(Speaker::as_written(
                doc.body,
                doc.bytes(phrase_start..phrase_end),
                SpeakerKind::Group,
            ));
        }
        // A phrase that ends with a person's name is that person (`China’s ambassador to
        // Britain Liu Xiaming`), unless the name is whom the phrase is to or for (`an
        // adviser to Sen. Ruth Hale`, `a spokesman for Mayor Jo Lind`).
        let last_tok = doc.toks[phrase_end - 1].end;
        if let Some((r, ei)) = self
            .known
            .in_range(doc.bytes(phrase_start..phrase_end))
            .last()
            .cloned()
            && r.end == last_tok
            && self
                .known
                .entities
                .get(ei)
                .is_some_and(|x| x.kind == EntityKind::Person)
            && !object_of_preposition(doc, phrase_start, r.start)
        {
            let ei = self.titled_namesake(ei, r.clone(), para);
            let ent = self.known.entities[ei].clone();
            let roles = (phrase_start..phrase_end)
                .filter(|&i| {
                    doc.toks[i].is_word()
                        && w.flags(doc.text(i)) & ROLE != 0
                        && !doc.toks[i].capitalized()
                })
                .map(|i| doc.text(i).to_lowercase())
                .collect();
            let pi = self.add_person(ent.name, ent.gender, roles, Some(ei));
            return Some(self.person_speaker(pi, r));
        }
        // `One in three`, `two of the officers`, `About four in 10`, `Nearly nine out of
        // 10`: a share of people, as written.
        if let Some(n) = leading_count(doc, phrase_start, phrase_end)
            && (phrase_end - n > 2 && doc.is_any(n + 1, &["in", "of", "out"])
                || n > phrase_start && phrase_end - n == 2 && w.is_group(doc.text(n + 1)))
        {
            return Some(Speaker::as_written(
                doc.body,
                doc.bytes(phrase_start..phrase_end),
                SpeakerKind::Group,
            ));
        }
        // `47% of voters`, `47 percent`, `About half of voters`, `a majority of Democrats`.
        if share_of_people(doc, phrase_start, phrase_end) {
            return Some(Speaker::as_written(
                doc.body,
                doc.bytes(phrase_start..phrase_end),
                SpeakerKind::Group,
            ));
        }
        // `Another tweeted`: one more of the people the story has just quoted, as written.
        if phrase_end - phrase_start == 1 && doc.is(phrase_start, "another") {
            return Some(Speaker::as_written(
                doc.body,
                doc.bytes(phrase_start..phrase_end),
                SpeakerKind::Group,
            ));
        }
        let mut definite = false;
        while phrase_start < phrase_end && doc.is_any(phrase_start, DETERMINERS) {
            definite |= doc.is(phrase_start, "the")
                || doc.is(phrase_start, "this")
                || doc.is(phrase_start, "these");
            phrase_start += 1;
        }
        if phrase_start >= phrase_end
            || doc.is_any(phrase_start, POSTMOD)
            || doc.is_any(phrase_start, &["according", "as", "if"])
        {
            return None;
        }
        // `Those in favor of X`, `Some analysts`, `Many economists`: a group as written.
        if doc.is_any(
            phrase_start,
            &[
                "those", "some", "many", "others", "most", "several", "few", "half", "all", "both",
                "none", "each",
            ],
        ) && phrase_end - phrase_start > 1
            && !doc.toks[phrase_start + 1].capitalized()
        {
            return Some(Speaker::as_written(
                doc.body,
                doc.bytes(phrase_start..phrase_end),
                SpeakerKind::Group,
            ));
        }
        // `the Florida senator and Republican presidential candidate`: two roles of one
        // person; the first names whom, when the article has named that person.
        if definite
            && let Some(and) = (phrase_start + 1..phrase_end).find(|&i| doc.is(i, "and"))
            && and + 1 < phrase_end
            && doc.toks[and - 1].is_word()
            && !doc.toks[and - 1].capitalized()
            && w.flags(doc.text(and - 1)) & ROLE != 0
            && w.flags(doc.text(phrase_end - 1)) & ROLE != 0
            && let Some(p) = self.resolve(source.start..and, None, para)
            && p.kind == SpeakerKind::Person
        {
            return Some(p);
        }
        // Pre-modifier part ends at the first post-modifier word.
        let mut cut = phrase_end;
        for i in phrase_start + 1..phrase_end {
            if doc.toks[i].is_word() && doc.is_any(i, POSTMOD) {
                cut = i;
                break;
            }
            if doc.toks[i].is_punct(',')
                || doc.toks[i].kind != TokKind::Word
                    && !doc.toks[i].is_punct('.')
                    && !doc.toks[i].is_punct('!')
                    && !doc.toks[i].is_punct('&')
            {
                cut = i;
                break;
            }
        }
        let mut head = cut - 1;
        while head > phrase_start && !doc.toks[head].is_word() {
            head -= 1;
        }
        if !doc.toks[head].is_word() {
            return None;
        }
        let head_text = doc.text(head);
        // Post-modifiers stay in the phrase (`people familiar with the matter`) unless long.
        let phrase = if phrase_end - cut > 7 {
            doc.bytes(phrase_start..cut)
        } else {
            doc.bytes(phrase_start..phrase_end)
        };
        // (`the Post reported` after `The Washington Post`: a capitalized source word that
        // names an organization the article knows is that organization.)
        let known_org = || {
            !(phrase_start..head).any(|i| doc.is(i, "and"))
                && self.known.at(doc.toks[head].start).is_some_and(|e| {
                    self.known.entities[e].kind == EntityKind::Organization
                        && self.known.entities[e].name != head_text
                })
        };
        if !doc.toks[head].capitalized()
            || w.flags(head_text) & (GROUP | DOCUMENT | ORG) != 0
                && !all_caps(head_text)
                && !starts_name(doc, phrase_start, head)
                && !known_org()
        {
            let f = w.flags(head_text);
            let single = head == phrase_start;
            // `the spokeswoman`, `the company’s spokesman`, `China’s ambassador`: one person.
            let lower_mods = head - phrase_start <= 2
                && (phrase_start..head).all(|i| !doc.toks[i].capitalized());
            // `Austria's interior minister`: a possessor and lowercase modifiers.
            let possessed = (1..=3).contains(&(head - phrase_start))
                && possessive(doc.text(phrase_start))
                && (phrase_start + 1..head).all(|i| !doc.toks[i].capitalized());
            // `Wikileaks founder`, `Harbor Watch founder`: capitalized modifiers without an
            // article.
            let org_mod = (1..=3).contains(&(head - phrase_start))
                && (phrase_start..head).all(|i| doc.toks[i].capitalized())
                && (definite || phrase_start == source.start);
            let one_of_a_kind = (definite && (single || lower_mods)) || possessed || org_mod;
            let text = doc.body[phrase.clone()].to_string();
            if f & ROLE != 0
                && one_of_a_kind
                && let Some(p) = self.by_role(head_text, phrase.start)
            {
                return Some(p);
            }
            if f & GROUP != 0 || f & ROLE != 0 {
                let gender = if f & FEMALE != 0 {
                    Some(Gender::Female)
                } else if f & MALE != 0 {
                    Some(Gender::Male)
                } else {
                    None
                };
                return Some(Speaker {
                    name: Some(text),
                    kind: SpeakerKind::Group,
                    entity: None,
                    span: Some(phrase),
                    gender,
                });
            }
            if f & DOCUMENT != 0 {
                return Some(Speaker {
                    name: Some(text),
                    kind: SpeakerKind::Document,
                    entity: None,
                    span: Some(phrase),
                    gender: None,
                });
            }
            if f & ORG != 0 {
                if definite
                    && (single || lower_mods)
                    && let Some(o) = self.org_anaphor(head_text, doc.toks[phrase_start].start, para)
                {
                    return Some(o);
                }
                return Some(Speaker {
                    name: Some(text),
                    kind: SpeakerKind::Organization,
                    entity: None,
                    span: Some(phrase),
                    gender: None,
                });
            }
            // Any plural of people or bodies as the source of a cue (`pilots`, `Harbor
            // pilots`): a group.
            let plural = head_text.ends_with('s')
                && !head_text.ends_with("ss")
                && !head_text.ends_with("’s")
                && !head_text.ends_with("'s")
                && head_text.len() > 3
                && head_text.chars().all(|c| c.is_alphabetic() || c == '-');
            // `a former speechwriter`, `the front-runner`: a noun for someone who does
            // something, though no list has it.
            if plural || super::frame_words::is_agent_noun(head_text) {
                return Some(Speaker {
                    name: Some(text),
                    kind: SpeakerKind::Group,
                    entity: None,
                    span: Some(phrase),
                    gender: None,
                });
            }
            return None;
        }
        self.name(phrase_start, cut, phrase_end, appos, para)
    }
}

/// True when the name starting at byte `name_start`, inside the phrase that starts at token
/// `phrase_start`, is whom the phrase is to or for (titles between them skipped): `an
/// adviser to Sen. Ruth Hale`, `a spokesman for Mayor Jo Lind`, `a friend of Jo Lind`.
/// The kind of speaker an entity of kind `kind` is: a place speaks as an organization
/// (`Russia said`).
pub(super) fn speaker_kind(kind: EntityKind) -> SpeakerKind {
    match kind {
        EntityKind::Person => SpeakerKind::Person,
        EntityKind::Organization | EntityKind::Place => SpeakerKind::Organization,
    }
}

fn object_of_preposition(doc: &Doc, phrase_start: usize, name_start: usize) -> bool {
    let Some(mut i) = (phrase_start..doc.toks.len()).find(|&i| doc.toks[i].start >= name_start)
    else {
        return false;
    };
    loop {
        if i > phrase_start && doc.toks[i - 1].is_word() && is_title_word(doc.text(i - 1)) {
            i -= 1;
        } else if i >= phrase_start + 2
            && doc.toks[i - 1].is_punct('.')
            && doc.toks[i - 2].is_word()
            && doc.toks[i - 2].end == doc.toks[i - 1].start
            && is_title_word(&doc.body[doc.toks[i - 2].start..doc.toks[i - 1].end])
        {
            i -= 2;
        } else {
            break;
        }
    }
    if i < phrase_start + 2 {
        return false;
    }
    // Someone who can speak before the preposition (`adviser to`, `spokesman for`, `friend
    // of`, `close to`): `was steep for Mr. Sanders` and `the laboratory of Jo Lind` are his
    // and hers.
    let before = i - 2;
    doc.is_any(i - 1, &["to", "for", "of"])
        && doc.toks[before].is_word()
        && !doc.toks[before].capitalized()
        && (words().is_speaker_head(doc.text(before))
            || super::frame_words::is_agent_noun(doc.text(before))
            || doc.is_any(before, &["close", "closest", "closer"]))
}

fn all_caps(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// `Marcelo Claure` style runs: a capitalized token that begins a name, as opposed to a
/// capitalized common head at a sentence start (`Officials`).
fn starts_name(doc: &Doc, s: usize, head: usize) -> bool {
    // A capitalized head preceded by other capitalized words is part of a name
    // (`Customs and Border Protection`, `Space Force`).
    head > s && doc.toks[head - 1].capitalized() && !words().is_title(doc.text(head - 1))
}
