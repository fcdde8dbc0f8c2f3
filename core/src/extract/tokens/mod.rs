//! The one way an article body is cut into words and sentences, shared by the name finder
//! (`entities::tokens`) and the quote finder (`quotes::text`).
//!
//! - [`words`]: where a word ends (letters and digits joined by inner hyphens, apostrophes,
//!   dots and ampersands), with the few joins each reader adds.
//! - [`abbreviations`]: the one abbreviation list (`data/abbreviations.txt`) and the rules
//!   for initials, dotted forms and `R-Ky.`: which words keep their period, and after which
//!   a period does not end a sentence.
//! - [`sentences`]: paragraph breaks and the marks that end a sentence or a clause.
//!
//! Each reader builds its own tokens from these: the name finder's words keep their
//! abbreviation periods and lose their possessive `'s`; the quote finder's words stop at
//! quotation marks, which are tokens of their own.

pub mod abbreviations;
pub mod sentences;
pub mod words;

#[cfg(test)]
mod tests;
