//! Name coreference: raw mentions become entities.
//!
//! - People: a full name opens an entity; a later surname alone (`Taylor`), a titled surname
//!   (`Mr. Taylor`) or a shorter first name (`Josh` for `Joshua`) joins the person with that
//!   surname. Different first names with one surname stay different people; of several
//!   people with one surname, a titled surname goes to the one of the title's gender and a
//!   bare surname to the one named most so far. The last family names of a longer name
//!   (`López Obrador`) and a lone inner family name (`Buenrostro`) join it too.
//! - Organizations: forms that agree once a leading country and `the` are dropped are one
//!   organization (`U.S. Space Force`, `US Space Force`, `Space Force`); an acronym defined
//!   in parentheses right after a name joins it.
//! - Places: lexicon forms join their canonical name (`U.S.`, `US` → United States).
//! - A lone capitalized word joins a known entity or is dropped.

mod merges;
use merges::{compact, merge_context_people, merge_org_parts, merge_single_names};

use super::Gender;
use super::acronyms::{
    acronym_letters, common_noun_acronyms, defined_acronym, initials, is_acronym,
};
use super::chunks::{PARTICLES, RawKind, RawMention};
use super::context::{
    coordinated_with_person, locative_place, org_context, person_context, place_context,
    result_person, word_at,
};
use super::entity_words::{List, list};
use super::lexicon::{given_name, lex};
use super::tokens::NameToken;
use crate::extract::{Entity, EntityKind};
use std::collections::HashMap;
use std::ops::Range;

/// Most surface forms kept per entity.
const MAX_ALIASES: usize = 24;

const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

pub struct Resolved {
    pub entities: Vec<Entity>,
    /// `(span, entity)` of every body mention.
    pub mentions: Vec<(Range<usize>, usize)>,
    pub genders: Vec<Option<Gender>>,
}

struct PersonInfo {
    /// Given-name words (everything before the surname).
    first: Vec<String>,
    surname: String,
    gender: Option<Gender>,
}

fn person_words(body: &str, r: &RawMention) -> (Vec<String>, String) {
    let mut words: Vec<&str> = r.words.iter().map(|w| &body[w.clone()]).collect();
    while words.len() > 1 && words.last().is_some_and(|w| NAME_SUFFIXES.contains(w)) {
        words.pop();
    }
    let surname = words.last().copied().unwrap_or_default().to_string();
    // Particles go with the surname for matching ("von Moltke" → "Moltke").
    let first: Vec<String> = words[..words.len().saturating_sub(1)]
        .iter()
        .filter(|w| !PARTICLES.contains(w))
        .map(|w| w.to_string())
        .collect();
    (first, surname)
}

fn compatible_first(a: &[String], b: &[String]) -> bool {
    match (a.first(), b.first()) {
        (None, _) | (_, None) => true,
        (Some(x), Some(y)) => {
            let x = x.trim_end_matches('.');
            let y = y.trim_end_matches('.');
            x == y || x.starts_with(y) || y.starts_with(x)
        }
    }
}

/// Org key: lowercase words without a leading `the` or country form.
fn org_key(s: &str) -> String {
    let lx = lex();
    let mut words: Vec<&str> = s.split_whitespace().collect();
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        words.remove(0);
    }
    if words.len() > 2
        && let Some((n, _)) = lx.places.find(&words)
        && n < words.len()
        && n <= 2
    {
        words.drain(..n);
    }
    let mut words: Vec<String> = words
        .iter()
        .map(|w| w.to_lowercase().replace(['.', '\u{2019}', '\''], ""))
        .collect();
    // `Department of Homeland Security` and `Homeland Security Department` agree.
    if words.len() >= 3
        && words[1] == "of"
        && matches!(
            words[0].as_str(),
            "department" | "ministry" | "office" | "bureau"
        )
    {
        let head = words.remove(0);
        words.remove(0);
        words.push(head);
    }
    words.join(" ")
}

#[derive(Default)]
struct Builder {
    entities: Vec<Entity>,
    mentions: Vec<(Range<usize>, usize)>,
    people: HashMap<usize, PersonInfo>,
    org_keys: HashMap<String, usize>,
    place_keys: HashMap<String, usize>,
    /// People by surname and by first word (entries may be stale after merges).
    by_surname: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
    /// People by a family name inside their full name, before the last one
    /// (`Buenrostro` of `Raquel Buenrostro Sánchez`): words after the first that no list
    /// knows as a given name.
    by_inner: HashMap<String, Vec<usize>>,
    /// Organizations by name without trailing cue words, and by initials (and their
    /// endings); built for pass 2.
    org_heads: HashMap<String, Vec<usize>>,
    org_initials: HashMap<String, Vec<usize>>,
    /// Newspapers and broadcasters by the last word of their name (`Post` → `The
    /// Washington Post`); built for pass 2.
    org_media: HashMap<String, Vec<usize>>,
    /// Merged entity → the entity it was merged into.
    redirect: HashMap<usize, usize>,
    /// People opened only by context (several capitalized words before a speech verb, say),
    /// with no given name or title behind them yet.
    context_people: Vec<usize>,
}

/// Distinct live values of an index entry.
fn uniq(v: Option<&Vec<usize>>, live: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut out: Vec<usize> = v
        .into_iter()
        .flatten()
        .copied()
        .filter(|&e| live(e))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The one value of `v`, when it holds exactly one.
fn only(v: Vec<usize>) -> Option<usize> {
    match v.as_slice() {
        [e] => Some(*e),
        _ => None,
    }
}

/// `name` without trailing organization cue words (`Vexo Group Corp` → `Vexo`).
fn org_head(name: &str) -> &str {
    let lx = lex();
    let mut head = name.trim_end();
    while let Some((rest, last)) = head.rsplit_once(' ') {
        if lx.org_cues.contains(last) {
            head = rest.trim_end();
        } else {
            break;
        }
    }
    head
}

impl Builder {
    fn new_entity(&mut self, kind: EntityKind, name: &str) -> usize {
        self.entities.push(Entity {
            kind,
            name: name.to_string(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            other_mentions: 0,
            role: None,
        });
        self.entities.len() - 1
    }

    fn add_form(&mut self, e: usize, form: &str) {
        let form = form.trim();
        let ent = &mut self.entities[e];
        if form.is_empty()
            || form == ent.name
            || ent.aliases.len() >= MAX_ALIASES
            || ent.aliases.iter().any(|a| a == form)
        {
            return;
        }
        ent.aliases.push(form.to_string());
    }

    fn mention(&mut self, e: usize, span: Range<usize>) {
        self.entities[e].mentions.push(span.clone());
        self.mentions.push((span, e));
    }

    /// Of the people `cands`, the one the article has named most so far, the first named
    /// on a tie.
    fn most_named(&self, cands: impl IntoIterator<Item = usize>) -> Option<usize> {
        cands
            .into_iter()
            .max_by_key(|&e| (self.entities[e].mentions.len(), std::cmp::Reverse(e)))
    }

    /// Person with this surname, the latest one opened (or any matching first name).
    fn live_person(&self, e: usize) -> bool {
        self.people.contains_key(&e)
    }

    fn find_person(
        &self,
        first: &[String],
        surname: &str,
        gender: Option<Gender>,
    ) -> Option<usize> {
        let cands = uniq(self.by_surname.get(surname), |e| self.live_person(e));
        let fitting: Vec<usize> = cands
            .iter()
            .copied()
            .filter(|e| compatible_first(&self.people[e].first, first))
            .collect();
        // `Mr. Trump` after Donald and Ivanka Trump: a surname with no given name goes to
        // the person of the title's gender, then to the one named most so far (the first
        // named on a tie); a given name that fits picks the last person registered.
        let chosen = if first.is_empty() && fitting.len() > 1 {
            let gender_of = |e: usize| {
                let p = &self.people[&e];
                p.gender
                    .or_else(|| p.first.first().and_then(|f| given_name(f)).flatten())
            };
            let same: Vec<usize> = fitting
                .iter()
                .copied()
                .filter(|&e| gender.is_none_or(|g| gender_of(e).is_none_or(|x| x == g)))
                .collect();
            let pool = if same.is_empty() { &fitting } else { &same };
            self.most_named(pool.iter().copied())
        } else {
            fitting.iter().copied().max()
        };
        chosen.or_else(|| {
            // `López Obrador` after `Andrés Manuel López Obrador`: the last words of a
            // longer name, the one of that surname that ends so.
            let tail: Vec<usize> = cands
                .into_iter()
                .filter(|e| {
                    let f = &self.people[e].first;
                    !first.is_empty()
                        && f.len() > first.len()
                        && f.ends_with(first)
                        && first.iter().all(|w| given_name(w).is_none())
                })
                .collect();
            only(tail)
        })
    }

    fn person_by_surname(&self, w: &str) -> Option<usize> {
        // Of several people with that surname (`Hillary Clinton`, `Bill Clinton`), the
        // surname alone is the one the article has named most so far, the first named on a
        // tie: the story's own person, not a relative named in passing.
        let by_surname = self.most_named(uniq(self.by_surname.get(w), |e| self.live_person(e)));
        by_surname
            .or_else(|| {
                uniq(self.by_first.get(w), |e| self.live_person(e))
                    .into_iter()
                    .filter(|e| single_matches(&self.people[e], w))
                    .max()
            })
            .or_else(|| only(uniq(self.by_inner.get(w), |e| self.live_person(e))))
    }

    fn person_by_first(&self, w: &str) -> Option<usize> {
        let hits: Vec<usize> = uniq(self.by_first.get(w), |e| self.live_person(e))
            .into_iter()
            .filter(|e| self.people[e].first.first().is_some_and(|f| f == w))
            .collect();
        (hits.len() == 1).then(|| hits[0])
    }

    /// Indexes the organizations by head and initials, for pass 2.
    fn index_orgs(&mut self) {
        self.org_heads.clear();
        self.org_initials.clear();
        self.org_media.clear();
        for e in 0..self.entities.len() {
            let ent = &self.entities[e];
            if ent.kind != EntityKind::Organization || ent.name.is_empty() {
                continue;
            }
            let head = org_head(&ent.name);
            if head.len() < ent.name.len() {
                self.org_heads.entry(head.to_string()).or_default().push(e);
            }
            let mut words = ent.name.split_whitespace();
            if let Some(last) = words.next_back()
                && words.next().is_some()
                && list(List::MediaHeads).contains(&last)
            {
                self.org_media.entry(last.to_string()).or_default().push(e);
            }
            for n in std::iter::once(&ent.name).chain(&ent.aliases) {
                let ini: Vec<char> = initials(n).chars().collect();
                if ini.len() < 2 {
                    continue;
                }
                for k in 0..=ini.len().saturating_sub(3) {
                    if k == 0 || ini.len() - k >= 3 {
                        let key: String = ini[k..].iter().collect();
                        self.org_initials.entry(key).or_default().push(e);
                    }
                }
            }
        }
    }

    /// The one organization named `W` plus cue words (`Vexo` → `Vexo Corp`).
    fn org_by_head(&self, w: &str) -> Option<usize> {
        only(uniq(self.org_heads.get(w), |_| true))
    }

    /// `the Post`, `the Times`: the one newspaper or broadcaster whose name ends in `w`.
    fn org_by_media_head(&self, w: &str) -> Option<usize> {
        only(uniq(self.org_media.get(w), |_| true))
    }

    /// The organization whose initials spell the acronym (`JPL` → `Jet Propulsion
    /// Laboratory`), or end it (`PUC` → `California Public Utilities Commission`).
    fn org_by_initials(&self, acr: &str) -> Option<usize> {
        let letters = acronym_letters(acr);
        if letters.chars().count() < 2 {
            return None;
        }
        let hits = uniq(self.org_initials.get(&letters), |_| true);
        (hits.len() == 1).then(|| hits[0])
    }

    /// `Rakeyia Scott can be heard` after `Keith Lamont Scott`: one more capitalized word
    /// before the surname of a person the article named is a relative's given name, when
    /// no list knows it as a common word, a title or a role and it is no verb form or
    /// plural (`Endorsed Trump`, `Senators Rubio`). (The caller also asks that the article
    /// never write it in lowercase.)
    fn relative(&self, first: &[String], surname: &str) -> bool {
        let lx = lex();
        let [given] = first else {
            return false;
        };
        let g = given.as_str();
        let plain = g.chars().count() >= 3
            && g.chars().next().is_some_and(char::is_uppercase)
            && g.chars().skip(1).all(char::is_lowercase)
            && !["ly", "ed", "ing", "s"].iter().any(|end| g.ends_with(end))
            && !lx.stopwords.contains(g)
            && !lx.generic.contains(g)
            && !lx.titles.contains(g)
            && !lx.roles.contains(g.to_lowercase().as_str())
            && !lx.places.contains(g)
            && !lx.orgs.contains(g)
            && !lx.demonyms.contains(g);
        plain
            && uniq(self.by_surname.get(surname), |e| self.live_person(e))
                .iter()
                .any(|e| !self.people[e].first.is_empty())
    }

    /// The person an ambiguous title or a capitalized role noun before a surname names
    /// (`Judge Kline` after `Judge Robert Kline`, `Justice Kline`, `Administrator Bolden`):
    /// the one person of that surname named before.
    fn titled_surname(&self, first: &[String], surname: &str) -> Option<usize> {
        let [title] = first else {
            return None;
        };
        // (The surname first: it is known far less often than a name has one given name.)
        let [e] = uniq(self.by_surname.get(surname), |e| self.live_person(e))[..] else {
            return None;
        };
        // (`Administrator Bolden`: a role noun written as a title counts too.)
        (list(List::AmbiguousTitles).contains(&title.as_str())
            || lex().roles.contains(title.to_lowercase().as_str()))
        .then_some(e)
    }

    fn add_person(&mut self, body: &str, r: &RawMention) -> usize {
        let (mut first, surname) = person_words(body, r);
        if self.titled_surname(&first, &surname).is_some() {
            first.clear();
        }
        // (`Juan “Chico” Manriquez`: a nickname between the words is no part of the name.)
        let joined;
        let name = if body[r.name.clone()].contains(['\u{201c}', '"']) {
            joined = r
                .words
                .iter()
                .map(|w| &body[w.clone()])
                .collect::<Vec<_>>()
                .join(" ");
            joined.as_str()
        } else {
            &body[r.name.clone()]
        };
        let e = match self.find_person(&first, &surname, r.gender) {
            Some(e) => {
                // A fuller form becomes the canonical name.
                let info = self.people.get_mut(&e).expect("person info");
                if first.len() > info.first.len()
                    || (first.len() == info.first.len()
                        && first.first().map(String::len) > info.first.first().map(String::len))
                {
                    let old = std::mem::replace(&mut self.entities[e].name, name.to_string());
                    if let Some(f) = first.first() {
                        self.by_first.entry(f.clone()).or_default().push(e);
                    }
                    for w in first.iter().skip(1) {
                        if given_name(w).is_none() && !w.ends_with('.') {
                            self.by_inner.entry(w.clone()).or_default().push(e);
                        }
                    }
                    info.first = first;
                    self.add_form(e, &old);
                } else {
                    self.add_form(e, name);
                }
                e
            }
            None => {
                let e = self.new_entity(EntityKind::Person, name);
                self.by_surname.entry(surname.clone()).or_default().push(e);
                if let Some(f) = first.first() {
                    self.by_first.entry(f.clone()).or_default().push(e);
                }
                for w in first.iter().skip(1) {
                    if given_name(w).is_none() && !w.ends_with('.') {
                        self.by_inner.entry(w.clone()).or_default().push(e);
                    }
                }
                self.people.insert(
                    e,
                    PersonInfo {
                        first,
                        surname,
                        gender: None,
                    },
                );
                e
            }
        };
        if r.full != r.name {
            self.add_form(e, &body[r.full.clone()]);
        }
        if let Some(info) = self.people.get_mut(&e)
            && info.gender.is_none()
        {
            info.gender = r.gender;
        }
        self.mention(e, r.full.clone());
        e
    }

    fn add_org(&mut self, body: &str, r: &RawMention) -> usize {
        let surface = &body[r.name.clone()];
        let key = match &r.canon {
            Some(c) => org_key(c),
            None => org_key(surface),
        };
        let e = match self.org_keys.get(&key) {
            Some(&e) => {
                let cur_len = self.entities[e].name.len();
                if r.canon.is_none() && surface.len() > cur_len && self.entities[e].name != surface
                {
                    let old = std::mem::replace(&mut self.entities[e].name, surface.to_string());
                    self.add_form(e, &old);
                } else {
                    self.add_form(e, surface);
                }
                e
            }
            None => {
                let name = r.canon.clone().unwrap_or_else(|| surface.to_string());
                let e = self.new_entity(EntityKind::Organization, &name);
                self.add_form(e, surface);
                self.org_keys.insert(key, e);
                if let Some(c) = &r.canon {
                    self.org_keys.insert(org_key(surface), e);
                    self.org_keys.entry(org_key(c)).or_insert(e);
                }
                e
            }
        };
        self.mention(e, r.name.clone());
        e
    }

    fn add_place(&mut self, body: &str, r: &RawMention) -> usize {
        let surface = &body[r.name.clone()];
        let key = r.canon.clone().unwrap_or_else(|| surface.to_string());
        let e = match self.place_keys.get(&key) {
            Some(&e) => e,
            None => {
                let e = self.new_entity(EntityKind::Place, &key);
                self.place_keys.insert(key, e);
                e
            }
        };
        self.add_form(e, surface);
        self.mention(e, r.name.clone());
        e
    }
}

/// Resolves raw mentions (in body order) into entities.
pub fn resolve(body: &str, toks: &[NameToken], raws: &[RawMention]) -> Resolved {
    let mut b = Builder::default();
    let lx = lex();

    // Acronyms defined in parentheses: NAME (ACR).
    let mut acronym_of: HashMap<String, Option<usize>> = HashMap::new();
    let mut raw_entity: Vec<Option<usize>> = vec![None; raws.len()];

    // `hypersensitivity pneumonitis (HP)`: an acronym of common nouns names nothing here,
    // even when a lexicon knows a company of that name.
    let common = common_noun_acronyms(body, toks);

    // Words the article writes in lowercase somewhere, made on first need.
    let lower_words: std::cell::OnceCell<std::collections::HashSet<String>> =
        std::cell::OnceCell::new();

    // Pass 1: people with full names or titles, organizations, places.
    for (i, r) in raws.iter().enumerate() {
        if !common.is_empty() && common.contains(&body[r.name.clone()]) {
            raw_entity[i] = Some(usize::MAX);
            continue;
        }
        let defined = defined_acronym(body, toks, r.next_tok);
        let kind = r.kind;
        let e = match kind {
            RawKind::Person => {
                if r.words.len() >= 2 || r.title.is_some() {
                    let e = b.add_person(body, r);
                    b.context_people.retain(|&c| c != e);
                    Some(e)
                } else {
                    None
                }
            }
            RawKind::UnknownMulti => {
                // `Omar bin Said`: particles that only occur inside people's names, after a
                // short first word (German nouns take `von` too: `Herstellung von ...`).
                let particle = r.words.len() == 3
                    && matches!(&body[r.words[1].clone()], "van" | "bin" | "ibn" | "von")
                    && body[r.words[0].clone()].chars().count() <= 7;
                let prev = r
                    .first_tok
                    .checked_sub(1)
                    .and_then(|k| word_at(body, toks, k));
                let shouting = r.words.iter().any(|w| {
                    let w = &body[w.clone()];
                    w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                        && !w.chars().any(char::is_lowercase)
                });
                // A sentence's first word may be a capitalized common word: only a clear
                // person context counts there.
                let free = !r.sent_initial;
                if free && (place_context(body, toks, r) || locative_place(body, toks, r)) {
                    Some(b.add_place(body, r))
                } else if free && prev == Some("at") {
                    Some(b.add_org(body, r))
                } else if !shouting
                    && (free && particle
                        || person_context(body, toks, r)
                        || coordinated_with_person(body, toks, raws, i, |p| {
                            raw_entity[p].is_some_and(|e| {
                                b.entities
                                    .get(e)
                                    .is_some_and(|x| x.kind == EntityKind::Person)
                            })
                        })
                        || result_person(body, toks, r)
                        || r.words
                            .last()
                            .is_some_and(|w| b.by_surname.contains_key(&body[w.clone()]))
                            && {
                                // (Only for a surname the article has given someone already.)
                                let (first, surname) = person_words(body, r);
                                b.titled_surname(&first, &surname).is_some()
                                    || b.relative(&first, &surname) && {
                                        // (Neither word a common word of the article: `Pill
                                        // Hill` by `a hill`.)
                                        let lower =
                                            lower_words.get_or_init(|| lowercase_words(body, toks));
                                        !lower.contains(&first[0].to_lowercase())
                                            && !lower.contains(&surname.to_lowercase())
                                    }
                            })
                {
                    let before = b.entities.len();
                    let e = b.add_person(body, r);
                    if e >= before {
                        b.context_people.push(e);
                    }
                    Some(e)
                } else {
                    None
                }
            }
            RawKind::Org => {
                let w = &body[r.name.clone()];
                if r.canon.is_none() && is_acronym(w) {
                    None // lone acronyms: pass 2, after definitions are known
                } else {
                    Some(b.add_org(body, r))
                }
            }
            RawKind::Place => Some(b.add_place(body, r)),
            _ => None,
        };
        raw_entity[i] = e;
        // NAME (ACR): record the definition.
        if let Some(acr) = defined {
            let target = match (kind, e) {
                (RawKind::Org, Some(e)) => Some(e),
                _ => None,
            };
            acronym_of.entry(acr.to_string()).or_insert(target);
        }
    }

    // A name read as a person from its context alone is the organization or place of that
    // name when the article names one (`at Merrow Steelworks` … `Merrow Steelworks said`).
    merge_context_people(&mut b);

    // Pass 2: lone words and acronyms link to what is known.
    b.index_orgs();
    for (i, r) in raws.iter().enumerate() {
        if raw_entity[i].is_some() {
            continue;
        }
        let w = &body[r.name.clone()];
        let e = match r.kind {
            RawKind::Org => match acronym_of.get(w) {
                Some(Some(e)) => {
                    b.add_form(*e, w);
                    b.mention(*e, r.name.clone());
                    Some(*e)
                }
                Some(None) => None,
                None => {
                    let link = b
                        .org_keys
                        .get(&org_key(w))
                        .copied()
                        .or_else(|| b.org_by_initials(w));
                    if let Some(e) = link {
                        b.add_form(e, w);
                        b.mention(e, r.name.clone());
                        Some(e)
                    } else if w.contains('&') {
                        // `B&H`, `AT&T`: company names rather than abbreviations.
                        Some(b.add_org(body, r))
                    } else {
                        None
                    }
                }
            },
            RawKind::Person | RawKind::Unknown => {
                let link = b
                    .person_by_surname(w)
                    .or_else(|| b.person_by_first(w))
                    .or_else(|| b.org_keys.get(&org_key(w)).copied())
                    .or_else(|| b.org_by_head(w))
                    .or_else(|| {
                        let after_the = r
                            .first_tok
                            .checked_sub(1)
                            .and_then(|k| word_at(body, toks, k))
                            .is_some_and(|p| p == "the" || p == "The");
                        after_the.then(|| b.org_by_media_head(w)).flatten()
                    })
                    .or_else(|| match acronym_of.get(w) {
                        Some(Some(e)) => Some(*e),
                        _ => None,
                    });
                if let Some(e) = link {
                    if r.full != r.name {
                        b.add_form(e, &body[r.full.clone()]);
                    }
                    b.add_form(e, w);
                    let span = if b.entities[e].kind == EntityKind::Person {
                        r.full.clone()
                    } else {
                        r.name.clone()
                    };
                    b.mention(e, span);
                    Some(e)
                } else if r.kind == RawKind::Person
                    || word_at(body, toks, r.next_tok) == Some("administration")
                {
                    // `the Marlow administration`: a leader's surname.
                    Some(b.add_person(body, r))
                } else if r.sent_initial {
                    None
                } else if place_context(body, toks, r) || locative_place(body, toks, r) {
                    Some(b.add_place(body, r))
                } else if org_context(body, toks, r) {
                    Some(b.add_org(body, r))
                } else {
                    None
                }
            }
            RawKind::UnknownMulti => {
                // Its surname alone speaking elsewhere makes it a person too: decided by
                // linking the last word.
                None
            }
            RawKind::Place => None,
        };
        raw_entity[i] = e;
    }

    for e in raw_entity.iter_mut() {
        if *e == Some(usize::MAX) {
            *e = None;
        }
    }

    // Single-name people (`President Smith`) who later appear in full join that person.
    merge_single_names(&mut b);
    merge_org_parts(&mut b);
    compact(&mut b);

    // A person named by one given name only (`Her husband, Joseph,`) has that name's gender.
    let genders = (0..b.entities.len())
        .map(|e| {
            let info = b.people.get(&e)?;
            info.gender
                .or_else(|| info.first.first().and_then(|f| given_name(f)).flatten())
                .or_else(|| {
                    let only = info.first.is_empty() && b.entities[e].name == info.surname;
                    only.then(|| given_name(&info.surname)).flatten().flatten()
                })
        })
        .collect();
    let _ = lx;
    let mut mentions = b.mentions;
    mentions.sort_by_key(|(s, _)| (s.start, s.end));
    Resolved {
        entities: b.entities,
        mentions,
        genders,
    }
}

/// A single name matches a full name by surname, or by a family name written first
/// (`Mr. Xi` → `Xi Jinping`).
fn single_matches(p: &PersonInfo, w: &str) -> bool {
    p.surname == w || p.first.first().is_some_and(|f| f == w) && lex().surnames_first.contains(w)
}

/// Every word the article writes in lowercase (for telling common words from names).
fn lowercase_words(body: &str, toks: &[NameToken]) -> std::collections::HashSet<String> {
    toks.iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(body))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(str::to_string)
        .collect()
}
