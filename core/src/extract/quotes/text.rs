//! Tokens and sentences of an article body, with quotations treated as units, over the
//! shared word and sentence rules of [`crate::extract::tokens`].
//!
//! Words keep their inner apostrophes, hyphens and dots (`don’t`, `Kim Jong-ha`, `U.S`);
//! the opening and closing marks of top-level quotations are tokens of their own; sentence
//! ends inside quotations do not split the sentence around them.

use super::cues::{self, Cue};
use super::marks::QSpan;
use super::word_match::{is_one_of, lower};
use crate::extract::tokens::abbreviations::is_abbrev;
use crate::extract::tokens::sentences::{ends_sentence, is_paragraph_break};
use crate::extract::tokens::words::{QUOTE_JOINS, is_alnum, word_end};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct,
    /// Opening mark of a top-level quotation.
    Open,
    /// Closing mark of a top-level quotation.
    Close,
}

#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// 1 + index of the quotation span this token belongs to (its marks or its words);
    /// 0 outside quotations.
    pub q: u32,
    /// First character.
    pub ch: char,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.ch == c
    }
    pub fn capitalized(&self) -> bool {
        self.kind == TokKind::Word && self.ch.is_uppercase()
    }
    pub fn outside(&self) -> bool {
        self.q == 0
    }
}

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
    pub fn new(body: &'a str, spans: &'a [QSpan]) -> Doc<'a> {
        let mut doc = Doc {
            body,
            spans,
            toks: Vec::with_capacity(body.len() / 5),
            sents: Vec::new(),
            sent_para: Vec::new(),
            span_toks: vec![(usize::MAX, None); spans.len()],
            cue_cache: Vec::new(),
        };
        doc.tokenize();
        doc.split_sentences();
        doc
    }

    fn tokenize(&mut self) {
        let body = self.body;
        let bytes = body.as_bytes();
        // Mark positions in order: (pos, end, kind, span).
        let mut marks: Vec<(usize, usize, TokKind, u32)> = Vec::with_capacity(self.spans.len() * 2);
        for (i, s) in self.spans.iter().enumerate() {
            marks.push((s.open.start, s.open.end, TokKind::Open, i as u32));
            if let Some(c) = &s.close {
                marks.push((c.start, c.end, TokKind::Close, i as u32));
            }
        }
        let mut mi = 0;
        let mut si = 0; // current span for `q`
        let mut i = 0;
        let n = bytes.len();
        while i < n {
            // The quotation span containing i, if any.
            while si < self.spans.len() && span_end(&self.spans[si]) <= i {
                si += 1;
            }
            let q = if si < self.spans.len() && self.spans[si].open.start <= i {
                si as u32 + 1
            } else {
                0
            };
            if mi < marks.len() && marks[mi].0 == i {
                let (s, e, kind, span) = marks[mi];
                mi += 1;
                let ti = self.toks.len();
                match kind {
                    TokKind::Open => self.span_toks[span as usize].0 = ti,
                    _ => self.span_toks[span as usize].1 = Some(ti),
                }
                let ch = body[s..].chars().next().unwrap_or(' ');
                self.toks.push(Tok {
                    start: s,
                    end: e,
                    kind,
                    q: span + 1,
                    ch,
                });
                i = e;
                continue;
            }
            let b = bytes[i];
            if b == b' ' || b == b'\t' || b == b'\r' || b == b'\n' {
                i += 1;
                continue;
            }
            let c = body[i..].chars().next().unwrap_or(' ');
            let clen = c.len_utf8();
            if c.is_whitespace() {
                i += clen;
                continue;
            }
            if is_alnum(c) {
                let j = word_end(body, i, QUOTE_JOINS, |j| {
                    mi < marks.len() && marks[mi].0 == j
                });
                self.toks.push(Tok {
                    start: i,
                    end: j,
                    kind: TokKind::Word,
                    q,
                    ch: c,
                });
                i = j;
            } else {
                self.toks.push(Tok {
                    start: i,
                    end: i + clen,
                    kind: TokKind::Punct,
                    q,
                    ch: c,
                });
                i += clen;
            }
        }
    }

    fn split_sentences(&mut self) {
        let body = self.body;
        let toks = &self.toks;
        let mut start = 0;
        let mut para = 0u32;
        for (i, t) in toks.iter().enumerate() {
            let next = toks.get(i + 1);
            let para_break =
                next.is_some_and(|n| is_paragraph_break(&body.as_bytes()[t.end..n.start]));
            let mut end_here = para_break || next.is_none();
            if !end_here && t.q == 0 && t.kind == TokKind::Punct && ends_sentence(t.ch) {
                let prev_abbrev = i > 0
                    && toks[i - 1].is_word()
                    && toks[i - 1].end == t.start
                    && is_abbrev(&body[toks[i - 1].start..toks[i - 1].end]);
                let next_lower = next.is_some_and(|n| {
                    (n.is_word() && !n.ch.is_uppercase()) || n.is_punct(',') || n.is_punct(')')
                });
                // `E! News`, `Yahoo! Finance`: a short name with `!`.
                let bang_name = t.ch == '!'
                    && i > 0
                    && toks[i - 1].capitalized()
                    && toks[i - 1].end == t.start
                    && toks[i - 1].end - toks[i - 1].start <= 5
                    && next.is_some_and(|n| n.capitalized() && n.start == t.end + 1);
                end_here = !(next_lower || t.ch == '.' && prev_abbrev || bang_name);
                // A closing mark right after the period belongs to this sentence.
                if end_here && next.is_some_and(|n| n.kind == TokKind::Close) {
                    end_here = false;
                }
            }
            if !end_here && t.kind == TokKind::Close {
                let inner = body[..t.start].chars().next_back();
                let final_punct = inner.is_some_and(ends_sentence);
                let next_starts = next.is_some_and(|n| {
                    n.kind == TokKind::Open || (n.is_word() && n.ch.is_uppercase())
                });
                // `“Why now?” He Jianxiong said.`: only after ? and ! can the attribution
                // follow with a capital.
                let question = inner.is_some_and(|c| matches!(c, '?' | '!'));
                end_here = final_punct
                    && next_starts
                    && !(question && attribution_follows(body, toks, i + 1));
                // `.”` after a period outside marks: `... 'over'.`
                if !end_here
                    && i > 0
                    && toks[i - 1].kind == TokKind::Punct
                    && toks[i - 1].q == 0
                    && toks[i - 1].ch == '.'
                {
                    end_here = next_starts;
                }
            }
            if end_here {
                self.sents.push(start..i + 1);
                self.sent_para.push(para);
                start = i + 1;
                if para_break {
                    para += 1;
                }
            }
        }
    }

    pub fn text(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.body[t.start..t.end]
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

/// `“Why now?” He Jianxiong, a former director, said.`: a closing mark after final
/// punctuation ends the sentence unless an attribution follows.
fn attribution_follows(body: &str, toks: &[Tok], from: usize) -> bool {
    let lex = cues::lexicon();
    let mut words = 0;
    let mut comma = false;
    for (k, t) in toks.iter().enumerate().skip(from).take(40) {
        match t.kind {
            TokKind::Word => {
                words += 1;
                let mut buf = [0u8; 48];
                let w = &body[t.start..t.end];
                if !t.ch.is_uppercase()
                    && let Some(l) = lower(w, &mut buf)
                    && let Some(v) = lex.verb(l)
                    && matches!(v.form, cues::Form::Past | cues::Form::Third)
                {
                    return words <= 6 || comma;
                }
                if words > 6 && !comma {
                    return false;
                }
            }
            TokKind::Punct => match t.ch {
                ',' => {
                    if words == 0 {
                        return false;
                    }
                    comma = true;
                }
                '.' => {
                    let abbrev = k > 0
                        && toks[k - 1].is_word()
                        && is_abbrev(&body[toks[k - 1].start..toks[k - 1].end]);
                    if !abbrev {
                        return false;
                    }
                }
                '-' | '–' | '—' | '(' | ')' | '&' | '’' | '\'' => {}
                _ => return false,
            },
            _ => return false,
        }
    }
    false
}

fn span_end(s: &QSpan) -> usize {
    s.close.as_ref().map_or(s.text.end, |c| c.end)
}

#[cfg(test)]
mod tests {
    use super::super::marks::find_spans;
    use super::*;

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
