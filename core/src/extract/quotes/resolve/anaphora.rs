//! Anaphora: pronouns, role nouns and organization nouns resolved to the entity they stand
//! for, and the writer's sentence subjects that pronouns follow; also the described
//! sources of a quotation's own frame (`said the 46-year-old`).

use super::*;
use crate::extract::quotes::frame_words::{self, Section};
use crate::extract::quotes::word_match;

impl<'d, 'a> Resolver<'d, 'a> {
    /// [`Resolver::resolve`] for the source of a quotation's own frame (`"Q," said the
    /// 46-year-old`, `"Q," the bespectacled diplomat said`), where the cue leaves no doubt
    /// that the phrase is a speaker: a described person that no word list knows is the
    /// person the article gave that role, else the description as written.
    pub fn resolve_described(
        &mut self,
        np: Range<usize>,
        appos: Option<Range<usize>>,
        para: u32,
    ) -> Option<Speaker> {
        let doc = self.doc;
        if let Some(sp) = self.named_in_apposition(np.clone(), appos.clone(), para) {
            return Some(sp);
        }
        if appos.is_none()
            && let Some(sp) = self.described_speaker(np.clone(), para)
        {
            return Some(sp);
        }
        if let Some(sp) = self.resolve(np.clone(), appos, para) {
            return Some(sp);
        }
        let (mut s, e) = (np.start, np.end);
        if e <= s || e - s > 6 {
            return None;
        }
        let definite = doc.is_any(s, &["the", "a", "an", "this", "one"])
            || doc.toks[s].is_word() && possessive(doc.text(s));
        if !definite {
            return None;
        }
        if doc.is_any(s, &["the", "a", "an", "this", "one"]) {
            s += 1;
        }
        let head = e - 1;
        let head_ok = s <= head
            && doc.toks[head].is_word()
            && !doc.toks[head].capitalized()
            && doc
                .text(head)
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-')
            && (s..e).all(|i| {
                doc.toks[i].is_word() || doc.toks[i].is_punct(',') || doc.toks[i].is_punct('.')
            });
        if !head_ok {
            return None;
        }
        if let Some(p) = self.by_role(doc.text(head), doc.toks[s].start) {
            return Some(p);
        }
        // `said the 29-year-old`: the person of that age, else the person the story is on.
        if head == s
            && doc.is(np.start, "the")
            && let Some(age) = age_noun(doc.text(head))
            && let Some(p) = self.aged_person(age, para, doc.toks[np.start].start)
        {
            return Some(p);
        }
        Some(Speaker::as_written(
            doc.body,
            doc.bytes(s..e),
            SpeakerKind::Group,
        ))
    }

    /// `"Q," the retired engineer said` after Stuart Bell's words in the same paragraph: a
    /// definite description (`the`, lowercase modifiers, a singular noun for a person that is
    /// nobody's known role) in a quotation's own frame is the person who spoke last in the
    /// paragraph, as a writer varies the name.
    fn described_speaker(&self, np: Range<usize>, para: u32) -> Option<Speaker> {
        let doc = self.doc;
        if np.len() < 3 || !doc.is(np.start, "the") {
            return None;
        }
        let head = np.end - 1;
        let h = doc.text(head);
        let person_noun = words().flags(h) & ROLE != 0 || frame_words::is_agent_noun(h);
        let modifiers = (np.start + 1..head).all(|i| {
            let t = &doc.toks[i];
            t.is_word() && !t.capitalized() && !possessive(doc.text(i)) && !doc.is(i, "and")
        });
        if !person_noun
            || !modifiers
            || h.ends_with('s')
            || !doc.toks[head].is_word()
            || doc.toks[head].capitalized()
            || self.by_role(h, doc.toks[np.start].start).is_some()
        {
            return None;
        }
        let (sp, _, _) = self.latest(para, 0, |s| s.kind == SpeakerKind::Person)?;
        let f = words().flags(h);
        let clash = f & FEMALE != 0 && sp.gender == Some(Gender::Male)
            || f & MALE != 0 && sp.gender == Some(Gender::Female);
        (!clash).then(|| sp.clone())
    }

    /// The person a role noun at byte `pos` stands for: of the people with that role, the
    /// one mentioned last before `pos` (`The president says` after `President Trump`, not a
    /// `president of the Farm Bureau` named later); else the last one registered.
    pub(super) fn by_role(&self, role: &str, pos: usize) -> Option<Speaker> {
        let role = role.to_lowercase();
        fn generic(r: &str) -> &str {
            match r {
                "spokeswoman" | "spokesman" | "spokesperson" => "spokes",
                "co-founder" | "cofounder" => "founder",
                _ => r,
            }
        }
        let want = generic(&role);
        let has_role = |p: &Person| p.roles.iter().any(|r| generic(r) == want);
        let last = self.people.iter().rposition(has_role)?;
        // Only a choice between several people needs the mentions.
        let cands: Vec<usize> = self
            .people
            .iter()
            .filter(|p| has_role(p))
            .filter_map(|p| p.entity)
            .take(8)
            .collect();
        let pi = if cands.len() < 2 {
            last
        } else {
            let end = self.known.mentions.partition_point(|(r, _)| r.start < pos);
            let from = end.saturating_sub(300);
            self.known.mentions[from..end]
                .iter()
                .rev()
                .find(|(_, e)| cands.contains(e))
                .and_then(|(_, e)| self.by_entity.get(e).copied())
                .unwrap_or(last)
        };
        let p = &self.people[pi];
        // A gendered role must not contradict the person's gender.
        let f = words().flags(&role);
        if f & FEMALE != 0 && p.gender == Some(Gender::Male)
            || f & MALE != 0 && p.gender == Some(Gender::Female)
        {
            return None;
        }
        Some(self.person_speaker(pi, 0..0)).map(|mut s| {
            s.span = None;
            s
        })
    }

    pub(super) fn org_anaphor(&self, head: &str, pos: usize, para: u32) -> Option<Speaker> {
        // `the agency` → an organization named `... Agency`, else the current one.
        let named = |n: &str| {
            n.split_whitespace().any(|w| {
                w.trim_end_matches(['’', '\'', 's'])
                    .eq_ignore_ascii_case(head)
            })
        };
        if let Some(s) = self.current(para, 3, |s| {
            s.kind == SpeakerKind::Organization
                && s.entity.is_some()
                && s.name.as_deref().is_some_and(named)
        }) {
            return Some(s);
        }
        let end = self.known.mentions.partition_point(|(r, _)| r.start < pos);
        let from = end.saturating_sub(300);
        if let Some((_, e)) = self.known.mentions[from..end].iter().rev().find(|(_, e)| {
            self.known
                .entities
                .get(*e)
                .is_some_and(|x| x.kind == EntityKind::Organization && named(&x.name))
        }) {
            return Some(Speaker {
                name: Some(self.known.entities[*e].name.clone()),
                kind: SpeakerKind::Organization,
                entity: Some(*e),
                span: None,
                gender: None,
            });
        }
        // Past here any organization will do: only for company-like heads (`the company`),
        // not `the government` (a story's only organization may be a news agency).
        if words().flags(head) & ORGANY == 0 {
            return None;
        }
        if let Some(s) = self.current(para, 3, |s| {
            s.kind == SpeakerKind::Organization && s.entity.is_some()
        }) {
            return Some(s);
        }
        // The organization mentioned most often before this point.
        let end = self.known.mentions.partition_point(|(r, _)| r.start < pos);
        let mut counts: FastMap<usize, (usize, usize)> = FastMap::default();
        // Bounded look-back keeps this linear on very long bodies.
        let from = end.saturating_sub(300);
        for (i, (r, e)) in self.known.mentions[from..end].iter().enumerate() {
            if self
                .known
                .entities
                .get(*e)
                .is_some_and(|x| x.kind == EntityKind::Organization)
                && !is_credit(self.doc.body, r)
            {
                let c = counts.entry(*e).or_default();
                c.0 += 1;
                c.1 = i;
            }
        }
        let (&e, _) = counts.iter().max_by_key(|(_, (n, last))| (*n, *last))?;
        Some(Speaker {
            name: Some(self.known.entities[e].name.clone()),
            kind: SpeakerKind::Organization,
            entity: Some(e),
            span: None,
            gender: None,
        })
    }

    /// The speaker for person entity `e`.
    pub(super) fn entity_speaker(&self, e: usize) -> Speaker {
        let ent = &self.known.entities[e];
        match self.by_entity.get(&e).copied() {
            Some(pi) => {
                let mut s = self.person_speaker(pi, 0..0);
                s.span = None;
                s
            }
            None => Speaker {
                name: Some(ent.name.clone()),
                kind: speaker_kind(ent.kind),
                entity: Some(e),
                span: None,
                gender: ent.gender,
            },
        }
    }

    /// True when the sentence holding byte `pos` names a person before it, outside
    /// quotation marks (`Ronald Reagan was known for what he called ...`).
    fn names_person_before(&self, pos: usize) -> bool {
        let doc = self.doc;
        let Some(sent) = doc.sents.get(self.sentence_of(pos)) else {
            return false;
        };
        self.mentions_from(sent.start, pos)
            .any(|(e, outside)| outside && self.known.entities[e].kind == EntityKind::Person)
    }

    /// The entity mentions from token `first_tok` up to byte `pos`, in order: (entity, whether
    /// the mention stands outside quotation marks). Empty when `first_tok` is past the end.
    fn mentions_from(&self, first_tok: usize, pos: usize) -> impl Iterator<Item = (usize, bool)> {
        let doc = self.doc;
        let ms = &self.known.mentions;
        let (lo, hi) = match doc.toks.get(first_tok) {
            Some(t) => {
                let lo = ms.partition_point(|(r, _)| r.start < t.start);
                (lo, ms.partition_point(|(r, _)| r.start < pos).max(lo))
            }
            None => (0, 0),
        };
        ms[lo..hi].iter().map(move |(r, e)| {
            let k = doc.toks.partition_point(|t| t.start < r.start);
            (*e, doc.toks.get(k).is_some_and(|t| t.outside()))
        })
    }

    /// `Mr. Poe fits that bill, he added`: for the pronoun at byte `pos` after a comma, the
    /// start of its sentence (the words before are what it reports, and their subject is
    /// not whom it stands for); else `pos`.
    fn before_reported_words(&self, pos: usize) -> usize {
        let doc = self.doc;
        let k = doc.toks.partition_point(|t| t.start < pos);
        if k == 0 || !doc.toks[k - 1].is_punct(',') {
            return pos;
        }
        let si = self.sentence_of(pos);
        let Some(first) = doc.sents.get(si).map(|r| r.start) else {
            return pos;
        };
        // (`As for Trump, he said`: the topic before the comma is whom the pronoun stands
        // for.)
        let mut a = first;
        while a < k && doc.is_any(a, frame_words::list(Section::Connective)) {
            a += 1;
        }
        if a + 1 < k && doc.is(a, "as") && doc.is_any(a + 1, &["for", "to"]) {
            return pos;
        }
        doc.toks.get(first).map_or(pos, |t| t.start)
    }

    /// `said Ruiz's introducer, actress Jamie Lee Curtis`, `said the company's chief
    /// executive, John J. Ferriola`: a description ending in a lowercase word, then the
    /// person's name in apposition (not a relative clause): that person.
    pub fn named_in_apposition(
        &mut self,
        np: Range<usize>,
        appos: Option<Range<usize>>,
        para: u32,
    ) -> Option<Speaker> {
        let doc = self.doc;
        let ap = appos?;
        // (A short appositive that is only a name with its role: not `saying that ...
        // Netanyahu`, not a long aside that ends on someone.)
        let short = ap.len() <= 8
            && np.len() <= 6
            && !doc.text(ap.start).ends_with("ing")
            && (ap.clone()).all(|i| doc.toks[i].is_word() || doc.toks[i].is_punct('.'));
        (np.end > np.start
            && doc.toks[np.end - 1].is_word()
            && !doc.toks[np.end - 1].capitalized()
            && ap.end > ap.start
            && short
            && !doc.is_any(ap.start, &["who", "which", "that", "whose", "whom"])
            && self.ends_with_person(ap.clone()))
        .then(|| self.resolve(ap, None, para))
        .flatten()
    }

    /// The words `r` end with the name of a person the article knows.
    fn ends_with_person(&self, r: Range<usize>) -> bool {
        let doc = self.doc;
        let last = doc.toks[r.end - 1].end;
        self.known
            .in_range(doc.bytes(r))
            .last()
            .is_some_and(|(m, e)| {
                m.end == last
                    && self
                        .known
                        .entities
                        .get(*e)
                        .is_some_and(|x| x.kind == EntityKind::Person)
            })
    }

    /// True when entity `e` is the subject of a writer's sentence of paragraph `para`
    /// before byte `pos`.
    fn subject_in_paragraph(&self, e: usize, para: u32, pos: usize) -> bool {
        self.subjects
            .iter()
            .any(|&(at, p, x)| p == para && x == e && at < pos)
    }

    /// True when a writer's sentence led by the pronoun of gender `want` stands in a
    /// paragraph after `from` and before `para`: the pronoun kept the current speaker.
    fn pronoun_kept(&self, from: u32, para: u32, want: Option<Gender>) -> bool {
        want.is_some_and(|g| {
            self.pronoun_subjects
                .iter()
                .any(|&(_, p, x)| p > from && p < para && x == g)
        })
    }

    /// The index of the sentence holding byte `pos`.
    pub(super) fn sentence_of(&self, pos: usize) -> usize {
        let k = self.doc.toks.partition_point(|t| t.start < pos);
        self.doc.sents.partition_point(|r| r.end <= k)
    }

    /// The first person of a fitting gender named outside quotation marks in paragraph
    /// `para` before byte `pos`.
    pub(super) fn paragraph_person(
        &self,
        para: u32,
        pos: usize,
        fits: &impl Fn(Option<Gender>) -> bool,
    ) -> Option<usize> {
        self.paragraph_entity(para, pos, &|ent: &KnownEntity| {
            ent.kind == EntityKind::Person && fits(ent.gender)
        })
    }

    /// The first entity matching `pred` named outside quotation marks in paragraph `para`
    /// before byte `pos`.
    pub(super) fn paragraph_entity(
        &self,
        para: u32,
        pos: usize,
        pred: &impl Fn(&KnownEntity) -> bool,
    ) -> Option<usize> {
        let doc = self.doc;
        let si = doc.sent_para.partition_point(|&q| q < para);
        let first_tok = doc.sents.get(si)?.start;
        self.mentions_from(first_tok, pos)
            .take(40)
            .find_map(|(e, outside)| (outside && pred(&self.known.entities[e])).then_some(e))
    }

    pub(super) fn pronoun(&self, p: &str, para: u32, pos: usize) -> Option<Speaker> {
        let lowered = p.to_ascii_lowercase();
        match lowered.as_str() {
            "he" => self.person_anaphor(Some(Gender::Male), para, pos),
            "she" => self.person_anaphor(Some(Gender::Female), para, pos),
            "they" => {
                let cur = self.latest(para, 2, |s| {
                    matches!(s.kind, SpeakerKind::Group | SpeakerKind::Organization)
                });
                // `Workers objected to the move. They also said ...`: a plural subject of the
                // writer's sentence just before, after the current group last spoke.
                let since = cur.map_or(0, |(_, _, at)| *at);
                if let Some(g) = self.plural_subject_before(since, pos, para) {
                    return Some(g);
                }
                Some(
                    cur.map(|(s, _, _)| s.clone())
                        .unwrap_or_else(Speaker::unknown),
                )
            }
            "it" => {
                let cur = self.latest(para, 3, |s| {
                    matches!(s.kind, SpeakerKind::Organization | SpeakerKind::Document)
                });
                // `Teck wants the gap narrowed. Still, the business council opposed an
                // increase. “Q,” it recommended.`: an organization or document subject of the
                // writer's sentence just before, after the current one last spoke, is where the
                // story went.
                // (Past a current organization, only a named one: `The union objects to the
                // rosters. It says C` is still the union that spoke.)
                let since = cur.map_or(0, |(_, _, at)| *at);
                if let Some(t) = self.thing_subject_before(since, pos, para)
                    && (cur.is_none() || t.entity.is_some())
                {
                    return Some(t);
                }
                let Some((s, p, _)) = cur else {
                    return Some(Speaker::unknown());
                };
                // A new paragraph that names another organization before `it` moves the
                // story to that organization.
                if *p < para
                    && s.kind == SpeakerKind::Organization
                    && let Some(e) = self.paragraph_entity(para, pos, &|ent: &KnownEntity| {
                        ent.kind == EntityKind::Organization
                    })
                    && s.entity != Some(e)
                {
                    return Some(Speaker {
                        name: Some(self.known.entities[e].name.clone()),
                        kind: SpeakerKind::Organization,
                        entity: Some(e),
                        span: None,
                        gender: None,
                    });
                }
                Some(s.clone())
            }
            _ => Some(Speaker::unknown()),
        }
    }

    /// The person `the N-year-old` at byte `pos` stands for: the one person named before
    /// with that age (`Kwame Asante, 29,`, `29-year-old Kwame Asante`), else whom a
    /// pronoun with no gender would stand for there.
    fn aged_person(&self, age: u32, para: u32, pos: usize) -> Option<Speaker> {
        let body = self.doc.body;
        let end = self.known.mentions.partition_point(|(r, _)| r.start < pos);
        // (Bounded look-back keeps this linear on very long bodies.)
        let from = end.saturating_sub(300);
        let mut aged = self.known.mentions[from..end]
            .iter()
            .filter(|(r, e)| {
                self.known.entities[*e].kind == EntityKind::Person
                    && (age_after(&body[r.end..], age) || age_before(&body[..r.start], age))
            })
            .map(|(_, e)| *e);
        if let Some(first) = aged.next() {
            return aged.all(|e| e == first).then(|| self.entity_speaker(first));
        }
        self.person_anaphor(None, para, pos)
            .filter(|sp| sp.kind == SpeakerKind::Person && sp.name.is_some())
    }

    /// The person `he` or `she` (`want`), or a description that gives no gender (`the
    /// 29-year-old`, `want` = `None`), at byte `pos` of paragraph `para` stands for.
    fn person_anaphor(&self, want: Option<Gender>, para: u32, pos: usize) -> Option<Speaker> {
        let fits = |g: Option<Gender>| match (want, g) {
            (Some(w), Some(g)) => g == w,
            _ => true,
        };
        // `Hollande said the remarks were hurtful. “Q,” he said`: a one-word name no
        // list knows, taken for an organization when it spoke, is the person the
        // pronoun stands for when it spoke last.
        if let Some((s, _, _)) = self.latest(para, 1, |_| true)
            && is_unknown_single_name(s)
        {
            let mut s = s.clone();
            s.kind = SpeakerKind::Person;
            return Some(s);
        }
        let cur = self.latest(para, 2, |s| s.kind == SpeakerKind::Person && fits(s.gender));
        // The subject of a sentence of the writer's after the current speaker last
        // spoke, in this paragraph or the one before, is where the story went
        // (`Byrne expressed concern that .... He wrote, "Q"`).
        let since = cur.map_or(0, |(_, _, at)| *at);
        let reach = self.before_reported_words(pos);
        if let Some(e) = self.subject_after(since, reach, para, &fits) {
            return Some(self.entity_speaker(e));
        }
        if let Some((s, p, _)) = cur {
            // A new paragraph that names another fitting person before the pronoun
            // (`Councillor Ann Poe backed the plan. “...,” she said`) moves the
            // story to that person.
            // (Only a person who is that paragraph's subject, or when no pronoun of the
            // writer's kept the current speaker in the paragraph between: `Choosing between
            // Pike and Dorn is a “false choice,” she said` after `she does not think Pike
            // can win` stays with the one the writer's `she` stood for.)
            if *p < para
                && let Some(e) = self.paragraph_person(para, reach, &fits)
                && s.entity != Some(e)
                && (self.subject_in_paragraph(e, para, reach) || !self.pronoun_kept(*p, para, want))
            {
                return Some(self.entity_speaker(e));
            }
            return Some(s.clone());
        }
        // `He started with a story about X. Then he described Y. “Q,” he said`: a
        // writer's sentence led by the same pronoun, in this paragraph or the one
        // before, carries the same person; what it stood for is found from there
        // (the names after it are its objects).
        if let Some(want) = want
            && let Some(&(at, p, _)) = self
                .pronoun_subjects
                .iter()
                .rev()
                .skip_while(|(at, _, _)| *at >= pos)
                .take_while(|(_, p, _)| para.saturating_sub(*p) <= 1)
                .find(|(_, _, g)| *g == want)
            && self.sentence_of(at) < self.sentence_of(pos)
            && !self.names_person_before(pos)
            && let Some(s) = self.pronoun(p_word(want), p, at)
            && s.name.is_some()
        {
            return Some(s);
        }
        // Most recent person mention with a fitting gender, outside quotation marks
        // (a name in someone's words is not who the writer's pronoun stands for:
        // `"Trump is unlike any candidate," said Baron. ... He continued`).
        let doc = self.doc;
        let end = self.known.mentions.partition_point(|(r, _)| r.start < pos);
        for (r, e) in self.known.mentions[..end].iter().rev().take(40) {
            let ent = &self.known.entities[*e];
            let k = doc.toks.partition_point(|t| t.start < r.start);
            let outside = doc.toks.get(k).is_some_and(|t| t.outside());
            if ent.kind == EntityKind::Person && fits(ent.gender) && outside {
                return Some(self.entity_speaker(*e));
            }
        }
        Some(Speaker::unknown())
    }
}

/// `29` for `29-year-old` (an age a person can have).
fn age_noun(w: &str) -> Option<u32> {
    let n = w
        .strip_suffix("-year-old")
        .or_else(|| w.strip_suffix("\u{2011}year\u{2011}old"))?;
    let age: u32 = n.parse().ok().filter(|_| n.len() <= 3)?;
    (1..=120).contains(&age).then_some(age)
}

/// `, 29,` or `, 29.` right after a name.
fn age_after(rest: &str, age: u32) -> bool {
    let Some(r) = rest.strip_prefix(", ") else {
        return false;
    };
    let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0
        && r[..digits].parse() == Ok(age)
        && matches!(r[digits..].chars().next(), Some(',' | '.' | ';'))
}

/// `29-year-old ` right before a name.
fn age_before(before: &str, age: u32) -> bool {
    before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .and_then(age_noun)
        == Some(age)
}

/// The pronoun for a gender.
fn p_word(g: Gender) -> &'static str {
    match g {
        Gender::Male => "he",
        Gender::Female => "she",
    }
}

/// A speaker taken for an organization only because its one-word name is unknown to every
/// list (`Hollande`): not an organization word (`Pentagon`), a word in capitals, a function
/// word or sentence opener (`There`), nor a participle or adverb (`Walking`, `Likewise`).
fn is_unknown_single_name(s: &Speaker) -> bool {
    s.kind == SpeakerKind::Organization
        && s.entity.is_none()
        && s.name.as_deref().is_some_and(|n| {
            let mut cs = n.chars();
            !n.contains(' ')
                && cs.next().is_some_and(char::is_uppercase)
                && cs.all(|c| c.is_lowercase() || c == '-')
                && !n.ends_with("ing")
                && !n.ends_with("ly")
                && !crate::extract::entities::lexicon::lex()
                    .stopwords
                    .contains(n)
                && words().flags(n) & (ORG | ORGWORD | GROUP | DOCUMENT) == 0
        })
}

/// True when every quotation in sentence `sent` is a fragment of a few words inside the
/// writer's sentence (`calling the government “strong”`), not someone's clause.
fn only_fragments(doc: &Doc, sent: Range<usize>) -> bool {
    let mut open = None;
    for i in sent {
        match doc.toks[i].kind {
            TokKind::Open => open = Some(i),
            TokKind::Close => match open.take() {
                Some(o) if doc.words(o + 1..i) <= 4 && o > 0 => {}
                _ => return false,
            },
            _ => {}
        }
    }
    open.is_none()
}

/// The person entity that is the leading subject of each sentence of the writer's (no
/// quotation but fragments), in order.
/// Between the last comma before the cue at `i` and the cue, a word that can be its source
/// (not only adverbs: `, also questioned`).
fn source_before_cue(doc: &Doc, s: usize, i: usize) -> bool {
    let Some(comma) = (s..i).rev().find(|&j| doc.toks[j].is_punct(',')) else {
        return true;
    };
    (comma + 1..i).any(|j| {
        doc.toks[j].is_word()
            && !doc.is_any(
                j,
                &["also", "then", "later", "further", "again", "now", "still"],
            )
            && !{
                let w = doc.text(j);
                w.len() > 4 && w.ends_with("ly") && doc.toks[j].ch.is_lowercase()
            }
    })
}

pub(super) fn sentence_subjects(doc: &Doc, known: &KnownEntities) -> Subjects {
    let mut out = Vec::new();
    let mut pronouns = Vec::new();
    for (si, sent) in doc.sents.iter().enumerate() {
        if doc.has_quotation(sent.clone()) && !only_fragments(doc, sent.clone()) {
            continue;
        }
        // `McCain and Grassley are in trouble, Tester said.`: the subject of a clause the
        // sentence reports is not the writer's subject.
        // (`Michael Brown, a retired teacher, explained the reason`: a cue with an object
        // after it is the writer's sentence about its subject.)
        let tail = sent.end.saturating_sub(8).max(sent.start);
        let inverted = (tail..sent.end).any(|i| {
            doc.toks[i].is_word()
                // (`the reason`, `a comment`: a noun.)
                && !(i > 0 && doc.is_any(i - 1, word_match::DETERMINERS))
                // (`took her there to explain who he was`: an infinitive frames nothing.)
                && !(i > 0 && doc.is(i - 1, "to"))
                && crate::extract::quotes::cue_lookup::cue_at(doc, i)
                    .is_some_and(|c| crate::extract::quotes::cue_lookup::speech_form(&c))
                && (i.saturating_sub(6).max(sent.start)..i).any(|j| doc.toks[j].is_punct(','))
                && !doc.toks.get(i + 1).is_some_and(|n| n.is_word() && doc.is_any(i + 1, word_match::DETERMINERS))
                // (`Juan Zarro, an adviser to Bush, also questioned Trask's logic`: no source
                // between the comma and the cue, and a possessive object after it.)
                && source_before_cue(doc, sent.start, i)
                && !doc.toks.get(i + 1).is_some_and(|n| {
                    n.is_word() && {
                        let w = doc.text(i + 1);
                        w.ends_with("’s") || w.ends_with("'s")
                    }
                })
        });
        // (`C, said Katie Poe, the company's outreach director.`: an inverted cue and its
        // source, however long the appositive after it.)
        let inverted_named = (sent.start + 1..sent.end).any(|i| {
            doc.toks[i - 1].is_punct(',')
                && doc.is_any(i, &["said", "says", "added", "adds", "wrote", "writes"])
                && doc
                    .toks
                    .get(i + 1)
                    .is_some_and(|n| n.is_word() && n.capitalized())
        });
        if inverted || inverted_named {
            continue;
        }
        // `To political scientist Brigid Harrison, the stare seemed to reflect sadness.`:
        // the person whose view the sentence gives is where the story went.
        if doc.is(sent.start, "to")
            && doc.toks[sent.start].capitalized()
            && let Some(comma) =
                (sent.start + 1..sent.end.min(sent.start + 14)).find(|&i| doc.toks[i].is_punct(','))
            && let Some((r, e)) = known
                .in_range(doc.bytes(sent.start..comma))
                .iter()
                .rev()
                .find(|(_, e)| is_person(known, *e))
        {
            out.push((r.start, doc.sent_para[si], *e));
            continue;
        }
        // `Was Szlachta satisfied with the answer?`: in a question opened by an auxiliary,
        // the person named right after it is the subject.
        if doc.is_any(
            sent.start,
            &[
                "was", "is", "were", "are", "did", "does", "do", "will", "would", "can", "could",
                "has", "have", "had", "should",
            ],
        ) && doc.toks[sent.start].capitalized()
            && sent.end > sent.start + 2
            && doc.toks[sent.end - 1].is_punct('?')
            && let Some((r, e)) = known
                .in_range(doc.bytes(sent.start + 1..sent.end.min(sent.start + 5)))
                .first()
            && r.start == doc.toks[sent.start + 1].start
            && is_person(known, *e)
        {
            out.push((r.start, doc.sent_para[si], *e));
            continue;
        }
        let Some(subj) =
            crate::extract::quotes::cue_lookup::leading_subject(doc, sent.start, sent.end)
        else {
            continue;
        };
        let Some(first) = doc.toks.get(subj.start) else {
            continue;
        };
        if subj.len() == 1 && doc.is_any(subj.start, &["he", "she"]) {
            let g = if doc.is(subj.start, "he") {
                Gender::Male
            } else {
                Gender::Female
            };
            pronouns.push((first.start, doc.sent_para[si], g));
            continue;
        }
        let byte = first.start;
        let mut end = doc.toks[subj.end - 1].end;
        // `Kazakhstan's foreign minister, Erlan Idrissov, plays down concerns`: the name in
        // the appositive after a role is the subject.
        if doc.toks.get(subj.end).is_some_and(|t| t.is_punct(','))
            && let Some(close) =
                (subj.end + 1..sent.end.min(subj.end + 6)).find(|&i| doc.toks[i].is_punct(','))
            && (subj.end + 1..close).all(|i| doc.toks[i].capitalized() || doc.toks[i].is_punct('.'))
        {
            end = doc.toks[close - 1].end;
        }
        let persons: Vec<&(Range<usize>, usize)> = known
            .in_range(byte..end)
            .iter()
            .filter(|(_, e)| is_person(known, *e))
            .collect();
        // `Clinton spokeswoman Jennifer Palmieri criticized`: a person named in a role
        // before the name is not the subject; the name the role leads to is.
        let head = match persons.as_slice() {
            [first, .., last] if role_between(doc.body, first.0.end, last.0.start) => last,
            [first, ..] => first,
            [] => continue,
        };
        out.push((head.0.start, doc.sent_para[si], head.1));
    }
    (out, pronouns)
}

/// True when entity `e` is a person.
fn is_person(known: &KnownEntities, e: usize) -> bool {
    known
        .entities
        .get(e)
        .is_some_and(|x| x.kind == EntityKind::Person)
}

/// True when the text between two names (bytes `a..b`) is lowercase words only, with no
/// `and`, `or` or punctuation: a role leading from the first to the second (`Clinton
/// spokeswoman Jennifer Palmieri`), not two people (`Clinton and Sanders`).
fn role_between(body: &str, a: usize, b: usize) -> bool {
    let Some(between) = body.get(a..b) else {
        return false;
    };
    let words: Vec<&str> = between.split_whitespace().collect();
    !words.is_empty()
        && words.iter().all(|w| {
            w.chars().all(|c| c.is_lowercase() || c == '-')
                && !matches!(*w, "and" | "or" | "nor" | "with" | "to" | "for" | "of")
        })
}

/// What [`sentence_subjects`] finds: person subjects (byte, paragraph, entity) and pronoun
/// subjects (byte, paragraph, gender).
type Subjects = (Vec<(usize, u32, usize)>, Vec<(usize, u32, Gender)>);

#[cfg(test)]
mod tests {
    use super::*;

    fn org(name: &str) -> Speaker {
        Speaker {
            name: Some(name.to_string()),
            kind: SpeakerKind::Organization,
            entity: None,
            span: None,
            gender: None,
        }
    }

    #[test]
    fn an_unknown_one_word_name_is_not_a_function_word_an_org_word_or_capitals() {
        assert!(is_unknown_single_name(&org("Varkonyi")));
        assert!(is_unknown_single_name(&org("Groberg")));
        for name in [
            "There", "Will", "Walking", "Likewise", "Pentagon", "NATO", "Ann Poe",
        ] {
            assert!(!is_unknown_single_name(&org(name)), "{name}");
        }
        let mut known = org("Varkonyi");
        known.entity = Some(0);
        assert!(!is_unknown_single_name(&known));
        known.entity = None;
        known.kind = SpeakerKind::Person;
        assert!(!is_unknown_single_name(&known));
    }
}
