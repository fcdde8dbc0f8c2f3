//! The one token stream of an article body and its one sentence splitter, read by both the
//! quote finder ([`crate::extract::quotes::text::Doc`]) and the name finder
//! ([`crate::extract::entities::tokens`]).
//!
//! Words keep their inner apostrophes, hyphens and dots (`don’t`, `Kim Jong-ha`, `U.S`);
//! the opening and closing marks of top-level quotations ([`super::marks`]) are tokens of
//! their own; every other character that is not white space is a punctuation token.
//! Sentences end at `.`, `?` and `!` outside quotations (unless an abbreviation, a
//! lower-case word or a closing mark says otherwise) and at blank lines; sentence ends
//! inside quotations do not split the sentence around them.

use super::abbreviations::{is_abbrev, is_title_with_period, name_keeps_period};
use super::marks::QSpan;
use super::sentences::{ends_clause, ends_sentence, is_paragraph_break};
use super::words::{is_alnum, word_end};
use crate::extract::entities::lexicon::lex;
use crate::extract::quotes::cues;
use crate::extract::quotes::word_match::lower;
use std::ops::Range;

/// What a [`Tok`] of the stream is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct,
    /// Opening mark of a top-level quotation.
    Open,
    /// Closing mark of a top-level quotation.
    Close,
}

/// A token of the stream: a word, a punctuation character or a quotation mark.
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

/// The tokens of a body and its sentences.
pub struct TokenStream {
    pub toks: Vec<Tok>,
    /// Sentences as token index ranges, in order.
    pub sents: Vec<Range<usize>>,
    /// Paragraph index of each sentence.
    pub sent_para: Vec<u32>,
    /// For each quotation span: the index of its opening-mark token and closing-mark token.
    pub span_toks: Vec<(usize, Option<usize>)>,
    /// What starts after each token.
    pub breaks: Vec<Break>,
}

/// What starts after a token: the one splitter's answer, read by the quote finder as
/// sentences ([`TokenStream::sents`]) and by the name finder as the places where a capital
/// may be owed to its position rather than to a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Break {
    /// The sentence goes on.
    None,
    /// A clause: after `;`, `:` or `…`, after an opening quotation mark or bracket, after a
    /// sentence mark the sentence goes on past (inside a quotation, before a lower-case
    /// word, `E! News`), after an abbreviation's period before a function word.
    Clause,
    /// A sentence (or a paragraph, or the body) ends with this token.
    Sentence,
}

impl TokenStream {
    /// Tokenizes `body`, whose top-level quotations are `spans`, and splits its sentences.
    pub fn new(body: &str, spans: &[QSpan]) -> TokenStream {
        let mut out = TokenStream {
            toks: Vec::with_capacity(body.len() / 5),
            sents: Vec::new(),
            sent_para: Vec::new(),
            span_toks: vec![(usize::MAX, None); spans.len()],
            breaks: Vec::new(),
        };
        tokenize(body, spans, &mut out);
        split_sentences(body, &mut out);
        out
    }
}

fn tokenize(body: &str, spans: &[QSpan], out: &mut TokenStream) {
    let bytes = body.as_bytes();
    // Mark positions in order: (pos, end, kind, span).
    let mut marks: Vec<(usize, usize, TokKind, u32)> = Vec::with_capacity(spans.len() * 2);
    for (i, s) in spans.iter().enumerate() {
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
        while si < spans.len() && span_end(&spans[si]) <= i {
            si += 1;
        }
        let q = if si < spans.len() && spans[si].open.start <= i {
            si as u32 + 1
        } else {
            0
        };
        if mi < marks.len() && marks[mi].0 == i {
            let (s, e, kind, span) = marks[mi];
            mi += 1;
            let ti = out.toks.len();
            match kind {
                TokKind::Open => out.span_toks[span as usize].0 = ti,
                _ => out.span_toks[span as usize].1 = Some(ti),
            }
            let ch = body[s..].chars().next().unwrap_or(' ');
            out.toks.push(Tok {
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
            let j = word_end(body, i, |j| mi < marks.len() && marks[mi].0 == j);
            out.toks.push(Tok {
                start: i,
                end: j,
                kind: TokKind::Word,
                q,
                ch: c,
            });
            i = j;
        } else {
            out.toks.push(Tok {
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

fn split_sentences(body: &str, out: &mut TokenStream) {
    let toks = &out.toks;
    let mut start = 0;
    let mut para = 0u32;
    for (i, t) in toks.iter().enumerate() {
        let next = toks.get(i + 1);
        let para_break = next.is_some_and(|n| is_paragraph_break(&body.as_bytes()[t.end..n.start]));
        let mut end_here = para_break || next.is_none();
        if !end_here && t.q == 0 && t.kind == TokKind::Punct && ends_sentence(t.ch) {
            let prev_abbrev = i > 0
                && toks[i - 1].is_word()
                && toks[i - 1].end == t.start
                && is_abbrev(&body[toks[i - 1].start..toks[i - 1].end])
                && !letter_ends_sentence(body, toks, i);
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
            let next_starts = next
                .is_some_and(|n| n.kind == TokKind::Open || (n.is_word() && n.ch.is_uppercase()));
            // `“Why now?” He Jianxiong said.`: only after ? and ! can the attribution
            // follow with a capital.
            let question = inner.is_some_and(|c| matches!(c, '?' | '!'));
            end_here =
                final_punct && next_starts && !(question && attribution_follows(body, toks, i + 1));
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
        out.breaks.push(if end_here {
            Break::Sentence
        } else {
            clause_break(body, toks, i)
        });
        if end_here {
            out.sents.push(start..i + 1);
            out.sent_para.push(para);
            start = i + 1;
            if para_break {
                para += 1;
            }
        }
    }
}

/// What starts after token `i` where no sentence ends (see [`Break::Clause`]).
fn clause_break(body: &str, toks: &[Tok], i: usize) -> Break {
    let t = &toks[i];
    if t.is_word() {
        return Break::None;
    }
    let glued_word = (i > 0 && toks[i - 1].is_word() && toks[i - 1].end == t.start)
        .then(|| &body[toks[i - 1].start..toks[i - 1].end]);
    if t.ch == '.'
        && let Some(word) = glued_word
        && (name_keeps_period(word) || is_abbrev(word))
    {
        let next_word = toks
            .get(i + 1)
            .filter(|n| n.is_word())
            .map(|n| &body[n.start..n.end]);
        return if abbreviation_ends_clause(word, next_word) {
            Break::Clause
        } else {
            Break::None
        };
    }
    let opening = matches!(
        t.ch,
        '"' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{201E}' | '(' | '['
    );
    if ends_clause(t.ch) || opening && glued_word.is_none() {
        Break::Clause
    } else {
        Break::None
    }
}

/// `posted on X. Another wrote`, `low in vitamin D. The study`: a capital letter after a
/// lowercase word, its period at `i`, then a capitalized function word, ends the sentence;
/// an initial stands before a name (`by J. Smith`, `George W. Bush`).
fn letter_ends_sentence(body: &str, toks: &[Tok], i: usize) -> bool {
    let text = |k: usize| &body[toks[k].start..toks[k].end];
    i >= 2
        && super::abbreviations::is_initial(text(i - 1))
        && toks[i - 2].is_word()
        && toks[i - 2].ch.is_lowercase()
        && toks.get(i + 1).is_some_and(|n| {
            n.is_word() && n.ch.is_uppercase() && lex().stopwords.contains(text(i + 1))
        })
}

/// Whether a clause starts after the period of the abbreviation `word` (given without the
/// period), before `next` when that is a word: after a company suffix (`Vexo Inc. Shares
/// rose`), and before a function word after a longer abbreviation that may have taken the
/// sentence's full stop (`in the U.S. The talks`), not after an initial or a title.
fn abbreviation_ends_clause(word: &str, next: Option<&str>) -> bool {
    let Some(next) = next else {
        return false;
    };
    if matches!(word, "Inc" | "Corp" | "Ltd" | "Co" | "LLC") {
        return true;
    }
    !is_title_with_period(word) && word.chars().count() > 1 && lex().stopwords.contains(next)
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
