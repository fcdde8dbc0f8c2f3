//! The one way an article body is cut into words and sentences, shared by the name finder
//! (`entities::tokens`) and the quote finder (`quotes::text`).
//!
//! - [`marks`]: which quotation marks open and close speech (apostrophes told apart).
//! - [`stream`]: the one token stream (words, punctuation, the marks of top-level
//!   quotations) and the one sentence splitter, which says after each token whether a
//!   sentence ends, a clause starts or the sentence goes on. [`crate::extract::analyze`]
//!   makes it once per article: the quote finder reads its sentences, the name finder reads
//!   its words (cutting possessives and joining abbreviation periods) and its breaks (where
//!   a capital may be owed to its position).
//! - [`words`]: where a word ends (letters and digits joined by inner hyphens, apostrophes,
//!   dots, ampersands, underscores and thousands separators).
//! - [`abbreviations`]: the one abbreviation list (`data/abbreviations.txt`) and the rules
//!   for initials, dotted forms, titles and `R-Ky.`: which words keep their period, and
//!   after which a period does not end a sentence.
//! - [`sentences`]: paragraph breaks and the marks that end a sentence or a clause.

pub mod abbreviations;
pub mod marks;
pub mod sentences;
pub mod stream;
pub mod words;

#[cfg(test)]
mod tests;
