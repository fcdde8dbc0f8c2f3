//! Extraction: quotes, speakers and named entities from an article.
//!
//! Pure and deterministic: [`analyze`] takes an [`Article`] and returns an [`Analysis`];
//! no I/O, no global state, the same input always gives the same output.
//! Every span is a byte range into `article.body` that lies on char boundaries.

pub mod entities;

pub mod quotes;

pub mod rule;

pub mod tokens;

pub use rule::Rule;

use crate::article::Article;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A stamp of the analysis code: a hash of the sources of loading (`core/src/article/`) and
/// extraction (`core/src/extract/`, lexicons included), made by `core/build.rs`. It changes
/// whenever their output can change, so an index redoes analyses stored by other code.
pub const EXTRACTOR_VERSION: u32 = include!(concat!(env!("OUT_DIR"), "/extractor_version.rs"));

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Someone's words in quotation marks, a clause or more.
    Direct,
    /// A quoted fragment inside the writer's sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// The name used in output, the index and the reader (as serialized).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organization,
    Group,
    Document,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

/// One quotation with its speaker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub kind: QuoteKind,
    /// Byte range of the quoted words in the body (without the marks).
    pub span: Range<usize>,
    /// Canonical speaker name, or `None` when the text does not support one.
    pub speaker: Option<String>,
    pub speaker_kind: SpeakerKind,
    /// Index into [`Analysis::entities`] of the speaker, when it is a named entity.
    pub speaker_entity: Option<usize>,
    /// The communication cue as written ("said", "according to").
    pub cue: Option<String>,
    /// Byte range of the speaker mention the quote was attributed through, if any.
    pub speaker_span: Option<Range<usize>>,
    /// The quote goes on in the next paragraph(s).
    pub continues: bool,
    /// The frame that found the quote.
    #[serde(default)]
    pub rule: Rule,
    /// The step that chose its speaker.
    #[serde(default)]
    pub speaker_rule: Rule,
}

/// A named entity, once per article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// Canonical name: the fullest form, without titles or ranks.
    pub name: String,
    /// Other surface forms used in the article.
    pub aliases: Vec<String>,
    /// Byte ranges of its mentions in the body.
    pub mentions: Vec<Range<usize>>,
    /// Mentions outside the body (title, byline, credits).
    pub other_mentions: usize,
    /// A role the article gives the person ("deputy commander of ...").
    pub role: Option<String>,
}

impl Entity {
    pub fn mention_count(&self) -> usize {
        self.mentions.len() + self.other_mentions
    }
}

/// Everything extracted from one article. Quotes are sorted by `span.start`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
}

/// Analyzes an article: quotes, their speakers, and named entities.
pub fn analyze(article: &Article) -> Analysis {
    let body = article.body.as_str();
    // One token stream for both readers.
    let spans = tokens::marks::find_spans(body);
    let stream = tokens::stream::TokenStream::new(body, &spans);
    let table = entities::recognize_in(article, &stream);
    let known = quotes::KnownEntities::from_table(&table);
    let quotes = quotes::extract_in(quotes::text::Doc::from_stream(body, &spans, stream), &known);
    Analysis {
        quotes,
        entities: table.entities,
    }
}

#[cfg(test)]
mod kind_names {
    use super::QuoteKind;

    #[test]
    fn quote_kind_names_are_the_serialized_names() {
        for k in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect] {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
    }
}
