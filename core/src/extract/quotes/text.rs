//! The quote finder's view of an article body: the one token stream and its sentences
//! ([`crate::extract::tokens::stream`]), with the cue found at each token once
//! `cue_lookup::fill_cues` has run.

use super::cues::Cue;
use super::word_match::is_one_of;
pub use crate::extract::tokens::marks::QSpan;
pub use crate::extract::tokens::stream::{Tok, TokKind, TokenStream};
use std::ops::Range;

/// The tokenized body.
pub struct Doc<'a> {
    pub body: &'a str,
    pub spans: &'a [QSpan],
    pub toks: Vec<Tok>,
    /// Sentences as token index ranges, in order.
    pub sents: Vec<Range<usize>>,
    /// Paragraph index of each sentence.
    pub sent_para: Vec<u32>,
    /// For each span: the index of its opening-mark token and closing-mark token.
    pub span_toks: Vec<(usize, Option<usize>)>,
    /// The cue starting at each token, once `cue_lookup::fill_cues` has run.
    pub cue_cache: Vec<Option<Cue>>,
}

/// Word counts stop here.
pub const WORDS_CAP: usize = 64;

impl<'a> Doc<'a> {
    /// Tokenizes `body`, whose top-level quotations are `spans`.
    pub fn new(body: &'a str, spans: &'a [QSpan]) -> Doc<'a> {
        Doc::from_stream(body, spans, TokenStream::new(body, spans))
    }

    /// The quote finder's view of a stream already made of `body` and `spans`.
    pub fn from_stream(body: &'a str, spans: &'a [QSpan], stream: TokenStream) -> Doc<'a> {
        let TokenStream {
            toks,
            sents,
            sent_para,
            span_toks,
            breaks: _,
        } = stream;
        Doc {
            body,
            spans,
            toks,
            sents,
            sent_para,
            span_toks,
            cue_cache: Vec::new(),
        }
    }

    pub fn text(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.body[t.start..t.end]
    }

    /// True when token `i` is a comma, or a closing mark right after one (`“enough,”`), as
    /// before a participle or a cue.
    pub fn is_comma(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.is_punct(',') || t.kind == TokKind::Close && self.body[..t.start].ends_with(',')
        })
    }

    /// True when token `i` is the relative `who`, alone or with an auxiliary run into it
    /// (`who'd`, `who’s`, `who've`, `who'll`).
    pub fn is_who(&self, i: usize) -> bool {
        if !self.toks.get(i).is_some_and(|t| t.is_word()) {
            return false;
        }
        let w = self.text(i);
        if !w.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("who")) {
            return false;
        }
        let rest = &w[3..];
        rest.is_empty()
            || rest
                .strip_prefix('\'')
                .or_else(|| rest.strip_prefix('’'))
                .is_some_and(|r| ["d", "s", "ve", "ll", "re"].contains(&r))
    }

    /// True when token `i` is a word equal to `w` ignoring ASCII case.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word()) && self.text(i).eq_ignore_ascii_case(w)
    }

    pub fn is_any(&self, i: usize, set: &[&str]) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_word()) && is_one_of(self.text(i), set)
    }

    /// Number of word tokens in `range`, counted up to [`WORDS_CAP`] (callers compare with
    /// small numbers; the cap keeps per-cue work bounded in huge sentences).
    /// True when a quotation mark of a top-level quotation lies in `range`.
    pub fn has_quotation(&self, range: Range<usize>) -> bool {
        self.toks[range]
            .iter()
            .any(|t| t.kind == TokKind::Open || t.kind == TokKind::Close)
    }

    pub fn words(&self, range: Range<usize>) -> usize {
        self.toks[range]
            .iter()
            .filter(|t| t.is_word())
            .take(WORDS_CAP)
            .count()
    }

    /// Byte range covering tokens `range` (non-empty).
    pub fn bytes(&self, range: Range<usize>) -> Range<usize> {
        self.toks[range.start].start..self.toks[range.end - 1].end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::marks::find_spans;

    fn sentences(body: &str) -> Vec<String> {
        let spans = find_spans(body);
        let doc = Doc::new(body, &spans);
        doc.sents
            .iter()
            .map(|r| body[doc.bytes(r.clone())].to_string())
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_dots() {
        let body = "Kim Jong-ha didn’t see the U.S. plan, worth 4,000 dollars.";
        let spans = find_spans(body);
        let doc = Doc::new(body, &spans);
        let words: Vec<&str> = (0..doc.toks.len())
            .filter(|&i| doc.toks[i].is_word())
            .map(|i| doc.text(i))
            .collect();
        assert_eq!(
            words,
            [
                "Kim", "Jong-ha", "didn’t", "see", "the", "U.S", "plan", "worth", "4,000",
                "dollars"
            ]
        );
    }

    #[test]
    fn sentences_skip_abbreviations_and_quotes() {
        let s = sentences(
            "Maj. Matt Taylor said it. “We came. We saw,” he said. “Then we left.” The end.",
        );
        assert_eq!(
            s,
            [
                "Maj. Matt Taylor said it.",
                "“We came. We saw,” he said.",
                "“Then we left.”",
                "The end."
            ]
        );
        let s = sentences("First one.\n\nSecond one without end\n\nThird.");
        assert_eq!(s.len(), 3);
    }
}
