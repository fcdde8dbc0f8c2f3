//! Named entities: people, organizations and places, with name coreference.
//!
//! Pure, deterministic and linear in the body's length: one tokenizer pass
//! ([`tokens`]), capitalized-word runs classified with built-in lexicons ([`chunks`],
//! [`lexicon`]), mentions joined into entities ([`resolve`], with the context rules for a
//! lone name in [`context`] and acronyms in [`acronyms`]), roles from appositives
//! ([`roles`]) and people from the byline and credit lines ([`credits`]).

pub mod acronyms;
pub mod chunks;
pub mod context;
pub mod coreference;
pub mod credits;
pub mod entity_words;
pub mod lexicon;
pub mod roles;
pub mod tagger;
pub mod tagger_features;
pub mod tokens;

#[cfg(test)]
mod props;

use crate::article::Article;
use crate::extract::tokens::stream::TokenStream;
use crate::extract::{Entity, EntityKind};
use std::ops::Range;

pub use lexicon::{
    given_name, is_demonym, is_given_name, is_role_noun, is_title_word, title_gender,
};

/// Most byline and credit-line names taken from one article.
const MAX_CREDITED: usize = 32;

/// One mention of an entity in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte span into `article.body` (for people, with the title: `Maj. Matt Taylor`).
    pub span: Range<usize>,
    /// Index into [`EntityTable::entities`].
    pub entity: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

/// The entities of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntityTable {
    pub entities: Vec<Entity>,
    /// Every mention in the body, sorted by `span.start`.
    pub mentions: Vec<Mention>,
    /// Per entity: the gender cue of a person (titles, given names), `None` otherwise.
    pub genders: Vec<Option<Gender>>,
}

impl EntityTable {
    /// The mention covering `byte`, or starting at it.
    pub fn mention_at(&self, byte: usize) -> Option<&Mention> {
        // Mentions are sorted by start and do not overlap; the candidate is the last one
        // starting at or before `byte`.
        let idx = self.mentions.partition_point(|m| m.span.start <= byte);
        let m = self.mentions.get(idx.checked_sub(1)?)?;
        (m.span.start == byte || m.span.contains(&byte)).then_some(m)
    }

    /// Mentions that lie inside `range`.
    pub fn mentions_in(&self, range: Range<usize>) -> &[Mention] {
        let a = self
            .mentions
            .partition_point(|m| m.span.start < range.start);
        let b = self.mentions.partition_point(|m| m.span.start < range.end);
        let b = b.max(a);
        let mut end = b;
        while end > a && self.mentions[end - 1].span.end > range.end {
            end -= 1;
        }
        &self.mentions[a..end]
    }

    /// The gender of entity `e`, when it is a person with a cue.
    pub fn person_gender(&self, e: usize) -> Option<Gender> {
        self.genders.get(e).copied().flatten()
    }

    /// The entity of kind `kind` whose name or alias is `name`.
    pub fn find(&self, kind: EntityKind, name: &str) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.kind == kind && (e.name == name || e.aliases.iter().any(|a| a == name)))
    }
}

/// Gender cue of a person's name as written (`Mrs. Ana Ruiz`, `Matt Taylor`): a gendered
/// title first, then the first given name.
pub fn person_gender(name: &str) -> Option<Gender> {
    let words: Vec<&str> = name.split_whitespace().collect();
    for n in (1..=words.len().min(3)).rev() {
        if let Some(g) = title_gender(&words[..n].join(" ")) {
            return Some(g);
        }
    }
    words
        .iter()
        .find_map(|w| (!is_title_word(w)).then(|| given_name(w)).flatten())
        .flatten()
}

/// Finds the people, organizations and places of an article.
pub fn recognize(article: &Article) -> EntityTable {
    let body = article.body.as_str();
    let spans = crate::extract::tokens::marks::find_spans(body);
    recognize_in(article, &TokenStream::new(body, &spans))
}

/// [`recognize`] on the token stream of the article's body, made once for both readers.
pub fn recognize_in(article: &Article, stream: &TokenStream) -> EntityTable {
    let body = article.body.as_str();
    let toks = tokens::from_stream(body, stream);
    let raws = chunks::classify(body, &toks);
    let resolved = coreference::resolve(body, &toks, &raws);
    let mut entities = resolved.entities;
    let mut genders = resolved.genders;

    // Roles from appositives after a person's mention.
    let raw_at: std::collections::HashMap<usize, &chunks::RawMention> =
        raws.iter().map(|r| (r.full.start, r)).collect();
    for (span, e) in &resolved.mentions {
        if entities[*e].kind != EntityKind::Person || entities[*e].role.is_some() {
            continue;
        }
        if let Some(r) = raw_at.get(&span.start)
            && let Some(role) = roles::appositive_role(body, &toks, r.next_tok)
        {
            entities[*e].role = Some(role);
        }
    }

    // People in the byline and credit lines.
    let mut credited: Vec<String> = article
        .byline
        .iter()
        .flat_map(|b| credits::byline_parts(b))
        .map(str::to_string)
        .collect();
    for line in &article.extra {
        credited.extend(credits::credit_names(line));
    }
    // A page can carry any number of junk lines; real credits name a handful of people.
    credited.truncate(MAX_CREDITED);
    for name in credited {
        let name = name.trim();
        if !credits::looks_like_name(name) {
            continue;
        }
        let existing = entities.iter().position(|e| {
            e.kind == EntityKind::Person && (e.name == name || e.aliases.iter().any(|a| a == name))
        });
        match existing {
            Some(e) => entities[e].other_mentions += 1,
            None => {
                entities.push(Entity {
                    kind: EntityKind::Person,
                    name: name.to_string(),
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    other_mentions: 1,
                    role: None,
                });
                genders.push(person_gender(name));
            }
        }
    }

    let mentions = resolved
        .mentions
        .into_iter()
        .map(|(span, entity)| Mention { span, entity })
        .collect();
    EntityTable {
        entities,
        mentions,
        genders,
    }
}

#[cfg(test)]
mod tests;
