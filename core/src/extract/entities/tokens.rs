//! The name finder's tokens: words with their byte spans, sentence starts and possessive
//! marks, in one linear pass over the shared word and sentence rules of
//! [`crate::extract::tokens`].
//!
//! - A word is a run of letters and digits that may hold `-`, `'`, `’`, `.` and `&` between
//!   two letters or digits (`Jong-ha`, `O'Brien`, `U.S`, `AT&T`).
//! - A trailing `.` belongs to the word when the word is an abbreviation: an initial (`W.`),
//!   a dotted form (`U.S.`), a title (`Maj.`) or a listed abbreviation (`Jr.`, `Co.`).
//! - A possessive `'s` / `’s` (or a bare trailing apostrophe after `s`) is cut off the word
//!   and recorded in [`Token::possessive`].
//! - A word starts a sentence after a blank line, after the end of a clause (`.`, `;`, `…`)
//!   and after an opening quotation mark or bracket.

use super::lexicon::{is_title_word, lex};
use crate::extract::tokens::abbreviations::name_keeps_period;
use crate::extract::tokens::sentences::{ends_clause, is_paragraph_break};
use crate::extract::tokens::words::{NAME_JOINS, is_alnum, scan_word};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// A punctuation or symbol character (one token per character).
    Punct(char),
}

#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// First word of a sentence (or of a paragraph, or right after an opening quote mark).
    pub sent_start: bool,
    /// First token of a paragraph.
    pub para_start: bool,
    /// The word carried a possessive `'s` (not part of `end`).
    pub possessive: bool,
    /// A line or paragraph break separates this token from the previous one.
    pub after_break: bool,
}

impl Token {
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
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

/// Tokenizes `body` in one pass.
pub fn tokenize(body: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(body.len() / 5 + 1);
    let bytes = body.as_bytes();
    let mut i = 0;
    let mut sentence_start = true;
    let mut para_start = true;
    let mut after_break = true;
    while let Some(c) = body[i..].chars().next() {
        if c.is_whitespace() {
            let gap_start = i;
            i += c.len_utf8();
            while let Some(d) = body[i..].chars().next().filter(|d| d.is_whitespace()) {
                i += d.len_utf8();
            }
            let gap = &bytes[gap_start..i];
            if gap.contains(&b'\n') {
                after_break = true;
                if is_paragraph_break(gap) {
                    sentence_start = true;
                    para_start = true;
                }
            }
            continue;
        }
        if is_alnum(c) {
            let start = i;
            let scanned = scan_word(body, start, NAME_JOINS, |_| false);
            let mut end = scanned.end;
            // The next character to read: past the possessive mark or the period the word
            // may take below.
            i = end;
            let word = &body[start..end];
            // `Delhi-based`, `Party-controlled`: the name ends at the hyphen and the
            // adjective tail is a word of its own.
            if scanned.hyphen
                && let Some(h) = adjective_tail(word)
            {
                let cut = start + h;
                out.push(Token {
                    start,
                    end: cut,
                    kind: TokenKind::Word,
                    sent_start: sentence_start,
                    para_start,
                    possessive: false,
                    after_break,
                });
                out.push(Token {
                    start: cut,
                    end: cut + 1,
                    kind: TokenKind::Punct('-'),
                    sent_start: false,
                    para_start: false,
                    possessive: false,
                    after_break: false,
                });
                out.push(Token {
                    start: cut + 1,
                    end,
                    kind: TokenKind::Word,
                    sent_start: false,
                    para_start: false,
                    possessive: false,
                    after_break: false,
                });
                sentence_start = false;
                para_start = false;
                after_break = false;
                continue;
            }
            let mut possessive = false;
            // Possessive 's inside the word: "Israel's" (the apostrophe joined above); names
            // that end in a possessive form (`Lowe's`, `McDonald's`) keep it.
            if scanned.apostrophe
                && let Some(stem) = word
                    .strip_suffix("'s")
                    .or_else(|| word.strip_suffix("\u{2019}s"))
                && !stem.is_empty()
                && !lex().orgs.contains(word)
            {
                end = start + stem.len();
                possessive = true;
            }
            // Plural possessive: "Forces’ " (apostrophe not joined, nothing after).
            if !possessive
                && word.ends_with('s')
                && let Some(d) = body[i..].chars().next()
                && is_apostrophe(d)
            {
                let after = body[end + d.len_utf8()..].chars().next();
                if !after.is_some_and(is_alnum) {
                    possessive = true;
                    i += d.len_utf8();
                }
            }
            if !possessive && bytes.get(i) == Some(&b'.') && name_keeps_period(word) {
                i += 1;
                end = i;
            }
            out.push(Token {
                start,
                end,
                kind: TokenKind::Word,
                sent_start: sentence_start,
                para_start,
                possessive,
                after_break,
            });
            sentence_start = false;
            para_start = false;
            after_break = false;
            continue;
        }
        // Punctuation.
        let tok = Token {
            start: i,
            end: i + c.len_utf8(),
            kind: TokenKind::Punct(c),
            sent_start: false,
            para_start,
            possessive: false,
            after_break,
        };
        para_start = false;
        after_break = false;
        i = tok.end;
        match c {
            c if ends_clause(c) => sentence_start = true,
            '"' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '\u{201E}' | '(' | '[' => {
                // An opening mark: the words after it start a clause.
                let prev_is_word = out
                    .last()
                    .is_some_and(|t| t.is_word() && t.end == tok.start);
                if !prev_is_word {
                    sentence_start = true;
                }
            }
            _ => {}
        }
        out.push(tok);
    }
    fix_abbreviation_ends(body, &mut out);
    out
}

/// A word after an abbreviation that took the sentence's full stop (`... in the U.S. The
/// talks`) starts a sentence when it is a function word.
fn fix_abbreviation_ends(body: &str, toks: &mut [Token]) {
    let lx = lex();
    for k in 1..toks.len() {
        let (prev, cur) = (&toks[k - 1], &toks[k]);
        if !cur.is_word() || cur.sent_start || !prev.is_word() {
            continue;
        }
        let p = prev.text(body);
        // `Vexo Inc. Shares rose`: a company suffix ends a name; what follows is new.
        if matches!(p, "Inc." | "Corp." | "Ltd." | "Co." | "LLC.") {
            toks[k].sent_start = true;
            continue;
        }
        if p.ends_with('.') && !is_title_word(p) && p.chars().count() > 2 {
            let w = cur.text(body);
            if lx.stopwords.contains(w) {
                toks[k].sent_start = true;
            }
        }
    }
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
