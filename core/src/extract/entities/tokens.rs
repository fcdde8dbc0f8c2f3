//! The name finder's tokens: words with their byte spans, sentence starts and possessive
//! marks, read in one linear pass off the one token stream of
//! [`crate::extract::tokens::stream`].
//!
//! - A word is a word of the stream (letters and digits that may hold `-`, `'`, `’`, `.`,
//!   `&` between two of them: `Jong-ha`, `O'Brien`, `U.S`, `AT&T`, `4,000`), parted at
//!   underscores (`Director_Ana` is two words here; a handle is no name).
//! - A trailing `.` belongs to the word when the word is an abbreviation: an initial (`W.`),
//!   a dotted form (`U.S.`), a title (`Maj.`) or a listed abbreviation (`Jr.`, `Co.`).
//! - A possessive `'s` / `’s` (or a bare trailing apostrophe after `s`) is cut off the word
//!   and recorded in [`NameToken::possessive`].
//! - `London-based`: an adjective tail after a hyphen is a word of its own.
//! - A word is marked [`NameToken::sent_start`] where the stream's splitter ends a sentence or
//!   starts a clause before it ([`crate::extract::tokens::stream::Break`]), and after a
//!   blank line.

use super::lexicon::lex;
use crate::extract::tokens::abbreviations::name_keeps_period;
use crate::extract::tokens::marks::find_spans;
use crate::extract::tokens::sentences::{is_line_break, is_paragraph_break};
use crate::extract::tokens::stream::{Break, Tok, TokKind, TokenStream};
use crate::extract::tokens::words::is_alnum;

/// What a [`NameToken`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameTokenKind {
    Word,
    /// A punctuation or symbol character (one token per character).
    Punct(char),
}

/// A token as the name finder reads it: a word of the stream (possessive cut, abbreviation
/// period joined) or one punctuation character.
#[derive(Debug, Clone)]
pub struct NameToken {
    pub start: usize,
    pub end: usize,
    pub kind: NameTokenKind,
    /// First word of a sentence or a clause (of a paragraph, after `;` or `:`, right after an
    /// opening quotation mark): its capital may be owed to its position.
    pub sent_start: bool,
    /// First token of a paragraph.
    pub para_start: bool,
    /// The word carried a possessive `'s` (not part of `end`).
    pub possessive: bool,
    /// A line or paragraph break separates this token from the previous one.
    pub after_break: bool,
}

impl NameToken {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == NameTokenKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == NameTokenKind::Punct(c)
    }
}

/// The text of token `k` when it is a word.
pub fn word_at<'a>(body: &'a str, toks: &[NameToken], k: usize) -> Option<&'a str> {
    toks.get(k).filter(|t| t.is_word()).map(|t| t.text(body))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Adjective tails after a hyphen that turn a name into a modifier (`London-based`).
const ADJECTIVE_TAILS: &[&str] = &[
    "based",
    "led",
    "backed",
    "owned",
    "run",
    "born",
    "controlled",
    "funded",
    "made",
    "style",
    "era",
    "sponsored",
    "linked",
    "affiliated",
    "allied",
    "bound",
    "focused",
    "wide",
    "like",
    "type",
    "friendly",
    "specific",
    "centric",
    "dominated",
    "held",
    "occupied",
    "related",
    "speaking",
    "bred",
    "raised",
    "educated",
    "listed",
    "registered",
    "headquartered",
    "brokered",
    "appointed",
    "designated",
    "area",
    "level",
    "class",
];

/// Byte offset of the hyphen before an adjective tail in a capitalized word.
fn adjective_tail(word: &str) -> Option<usize> {
    let h = word.rfind('-')?;
    let tail = &word[h + 1..];
    let head_cap = word.chars().next().is_some_and(char::is_uppercase);
    (head_cap && h > 0 && ADJECTIVE_TAILS.contains(&tail)).then_some(h)
}

/// What the next word starts: a sentence (or clause), a paragraph, a line.
struct Starts {
    sentence: bool,
    para: bool,
    after_break: bool,
}

/// Pushes the word at `span` (one token of the stream, or a part of one between
/// underscores), its possessive cut, its abbreviation period joined and an adjective tail
/// split off. `next` is the stream token after it, when nothing parts them; returns true
/// when the word took that token (a plural possessive's apostrophe, a period).
fn push_word(
    out: &mut Vec<NameToken>,
    body: &str,
    span: std::ops::Range<usize>,
    starts: &mut Starts,
    next: Option<&Tok>,
) -> bool {
    let start = span.start;
    let mut end = span.end;
    let word = &body[start..end];
    let first = NameToken {
        start,
        end,
        kind: NameTokenKind::Word,
        sent_start: starts.sentence,
        para_start: starts.para,
        possessive: false,
        after_break: starts.after_break,
    };
    starts.sentence = false;
    starts.para = false;
    starts.after_break = false;
    // `Delhi-based`, `Party-controlled`: the name ends at the hyphen and the adjective tail
    // is a word of its own.
    if word.contains('-')
        && let Some(h) = adjective_tail(word)
    {
        let cut = start + h;
        let plain = |start, end, kind| NameToken {
            start,
            end,
            kind,
            sent_start: false,
            para_start: false,
            possessive: false,
            after_break: false,
        };
        out.push(NameToken { end: cut, ..first });
        out.push(plain(cut, cut + 1, NameTokenKind::Punct('-')));
        out.push(plain(cut + 1, end, NameTokenKind::Word));
        return false;
    }
    let mut possessive = false;
    let mut took_next = false;
    // Possessive 's inside the word: "Israel's"; names that end in a possessive form
    // (`Lowe's`, `McDonald's`) keep it.
    if let Some(stem) = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        && !stem.is_empty()
        && !lex().orgs.contains(word)
    {
        end = start + stem.len();
        possessive = true;
    }
    let next = next.filter(|n| n.start == span.end);
    // Plural possessive: "Forces’ " (an apostrophe right after, no letter after it).
    if !possessive
        && word.ends_with('s')
        && let Some(n) = next
        && n.kind != TokKind::Word
        && is_apostrophe(n.ch)
        && !body[n.end..].chars().next().is_some_and(is_alnum)
    {
        possessive = true;
        took_next = true;
    }
    if !possessive && next.is_some_and(|n| n.is_punct('.')) && name_keeps_period(word) {
        end = span.end + 1;
        took_next = true;
    }
    out.push(NameToken {
        end,
        possessive,
        ..first
    });
    took_next
}

/// Tokenizes `body`: its quotation marks, the one token stream and the name finder's view
/// of it. [`crate::extract::analyze`] makes the stream once for both readers and calls
/// [`from_stream`]; this is for callers that want the names' tokens alone.
pub fn tokenize(body: &str) -> Vec<NameToken> {
    let spans = find_spans(body);
    from_stream(body, &TokenStream::new(body, &spans))
}

/// The name finder's tokens, read off the one token stream in one pass: possessives cut,
/// abbreviation periods joined, adjective tails split off, clause starts marked.
pub fn from_stream(body: &str, stream: &TokenStream) -> Vec<NameToken> {
    let toks = &stream.toks;
    let bytes = body.as_bytes();
    let mut out: Vec<NameToken> = Vec::with_capacity(toks.len() + toks.len() / 8);
    let mut starts = Starts {
        sentence: true,
        para: true,
        after_break: true,
    };
    // End of the last stream token read: the white space from here to the next token is
    // the gap before it.
    let mut read_to = 0;
    let mut k = 0;
    while k < toks.len() {
        let t = toks[k];
        k += 1;
        let gap = &bytes[read_to..t.start];
        if is_line_break(gap) {
            starts.after_break = true;
            if is_paragraph_break(gap) {
                starts.sentence = true;
                starts.para = true;
            }
        }
        read_to = t.end;
        if t.kind == TokKind::Word {
            // `Director_Oh Kyeong`, `@mike_pence`: the stream keeps a handle whole; to the
            // name finder an underscore parts two words.
            let mut part_start = t.start;
            let underscores = bytes[t.start..t.end]
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'_');
            for (at, _) in underscores {
                let cut = t.start + at;
                push_word(&mut out, body, part_start..cut, &mut starts, None);
                out.push(NameToken {
                    start: cut,
                    end: cut + 1,
                    kind: NameTokenKind::Punct('_'),
                    sent_start: false,
                    para_start: false,
                    possessive: false,
                    after_break: false,
                });
                part_start = cut + 1;
            }
            if push_word(&mut out, body, part_start..t.end, &mut starts, toks.get(k)) {
                // The period or apostrophe the word took: what starts after it starts after
                // the word.
                read_to = toks[k].end;
                starts.sentence |= stream.breaks[k] != Break::None;
                k += 1;
            }
            continue;
        }
        // Punctuation, quotation marks among it (`''` is one mark): a token per character.
        for (at, c) in body[t.start..t.end].char_indices() {
            let start = t.start + at;
            let tok = NameToken {
                start,
                end: start + c.len_utf8(),
                kind: NameTokenKind::Punct(c),
                sent_start: false,
                para_start: starts.para,
                possessive: false,
                after_break: starts.after_break,
            };
            starts.para = false;
            starts.after_break = false;
            out.push(tok);
        }
        starts.sentence |= stream.breaks[k - 1] != Break::None;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s)
            .into_iter()
            .filter(|t| t.is_word())
            .map(|t| &s[t.start..t.end])
            .collect()
    }

    #[test]
    fn abbreviations_keep_their_dot() {
        assert_eq!(
            words("Maj. Ana Ruiz met U.S. envoys in Calif. today."),
            [
                "Maj.", "Ana", "Ruiz", "met", "U.S.", "envoys", "in", "Calif.", "today"
            ]
        );
        assert_eq!(
            words("John W. Hale Jr. spoke"),
            ["John", "W.", "Hale", "Jr.", "spoke"]
        );
    }

    #[test]
    fn hyphens_and_ampersands_join() {
        assert_eq!(
            words("Park Min-ji of AT&T left."),
            ["Park", "Min-ji", "of", "AT&T", "left"]
        );
    }

    #[test]
    fn adjective_tails_split() {
        assert_eq!(
            words("a Lisbon-based group and Kim Min-ho"),
            ["a", "Lisbon", "based", "group", "and", "Kim", "Min-ho"]
        );
    }

    #[test]
    fn possessives_are_cut() {
        let s = "Norway’s fleet and the Rangers’ coach";
        let t: Vec<_> = tokenize(s).into_iter().filter(|t| t.is_word()).collect();
        assert_eq!(t[0].text(s), "Norway");
        assert!(t[0].possessive);
        assert_eq!(t[4].text(s), "Rangers");
        assert!(t[4].possessive);
        assert!(!t[1].possessive);
    }

    #[test]
    fn sentence_starts() {
        let s = "He left. Then Ana came.\n\nBob said “Yes.”";
        let starts: Vec<_> = tokenize(s)
            .into_iter()
            .filter(|t| t.is_word() && t.sent_start)
            .map(|t| &s[t.start..t.end])
            .collect();
        assert_eq!(starts, ["He", "Then", "Bob", "Yes"]);
    }

    #[test]
    fn abbreviation_at_sentence_end() {
        let s = "They met in the U.S. The talks ended.";
        let t: Vec<_> = tokenize(s).into_iter().filter(|t| t.is_word()).collect();
        assert_eq!(t[4].text(s), "U.S.");
        assert!(t[5].sent_start);
    }
}
