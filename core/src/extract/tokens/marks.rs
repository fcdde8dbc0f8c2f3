//! Quotation spans: which quote marks open and close speech, which are apostrophes.
//!
//! One left-to-right pass per paragraph with a small stack of open marks. Double marks
//! (“ ” „ " « » 「 」) nest single ones (‘ ’ ' ‹ ›). An apostrophe (don't, Korea’s,
//! the ’90s, officials’) is never taken for a mark. A paragraph that ends inside a quote
//! and is followed by one that reopens it makes one quote over several paragraphs. Marks
//! left unbalanced are dropped at the end of their paragraph, so they never affect the rest
//! of the article.

use crate::extract::tokens::words::is_alnum;
use std::ops::Range;

/// Families of marks: a closing mark only closes an opening mark of its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkFamily {
    CurlyDouble,
    StraightDouble,
    Guillemet,
    Corner,
    CurlySingle,
    StraightSingle,
    SingleGuillemet,
}

impl MarkFamily {
    fn is_double(self) -> bool {
        matches!(
            self,
            MarkFamily::CurlyDouble
                | MarkFamily::StraightDouble
                | MarkFamily::Guillemet
                | MarkFamily::Corner
        )
    }
}

#[derive(Debug, Clone, Copy)]
struct Open {
    fam: MarkFamily,
    ch: char,
    /// Byte offset of the mark.
    pos: usize,
    /// Byte offset just after the mark.
    after: usize,
    /// This opening mark reopens a quote continued from the previous paragraph.
    cont_of: Option<usize>,
}

/// One top-level quotation in one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QSpan {
    /// Byte range of the opening mark.
    pub open: Range<usize>,
    /// Byte range of the words between the marks (up to the paragraph end when the
    /// quote continues in the next paragraph).
    pub text: Range<usize>,
    /// Byte range of the closing mark, when this part has one.
    pub close: Option<Range<usize>>,
    /// The quote goes on in the next paragraph.
    pub continues: bool,
    /// This part continues the quote of the given earlier part.
    pub cont_of: Option<usize>,
}

const MAX_DEPTH: usize = 12;

fn is_open_boundary(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | ':'
                        | ';'
                        | ','
                        | '“'
                        | '‘'
                        | '„'
                        | '«'
                        | '‹'
                        | '"'
                        | '\''
                        | '…'
                        | '\u{a0}'
                )
        }
    }
}

fn alnum(c: Option<char>) -> bool {
    c.is_some_and(is_alnum)
}

fn space_or_end(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Finds the top-level quotation spans of `body` (paragraphs separated by a blank line),
/// in order of position.
pub fn find_spans(body: &str) -> Vec<QSpan> {
    let mut spans: Vec<QSpan> = Vec::new();
    let paras = crate::article::paragraph_ranges(body);
    // Quote continued from the previous paragraph: (index of the part, family).
    let mut carry: Option<(usize, MarkFamily)> = None;
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH);
    for (pi, para) in paras.iter().enumerate() {
        stack.clear();
        let text = &body[para.clone()];
        let tb = text.as_bytes();
        let mut prev: Option<char> = None;
        let mut first = true;
        let mut i = 0;
        while i < tb.len() {
            // Fast skip over plain ASCII (no quotation mark) once the first character is met.
            if !first {
                let s = i;
                while i < tb.len() && tb[i] < 0x80 && tb[i] != b'"' && tb[i] != b'\'' {
                    i += 1;
                }
                if i > s {
                    prev = Some(char::from(tb[i - 1]));
                }
                if i >= tb.len() {
                    break;
                }
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let next = text[i + c.len_utf8()..].chars().next();
            let pos = para.start + i;
            let after = pos + c.len_utf8();
            let mut cont_of = None;
            if first && !c.is_whitespace() {
                first = false;
                if let Some((part, fam)) = carry.take()
                    && opener_at(&text[i..]) == Some(fam)
                {
                    cont_of = Some(part);
                }
            }
            let push = |stack: &mut Vec<Open>, fam: MarkFamily, cont_of: Option<usize>| {
                if stack.len() < MAX_DEPTH {
                    stack.push(Open {
                        fam,
                        ch: c,
                        pos,
                        after,
                        cont_of,
                    });
                }
            };
            match c {
                '“' | '„' | '‟' => {
                    let top_double = top_double(&stack);
                    if c == '“'
                        && let Some(k) = top_double
                        && stack[k].fam == MarkFamily::CurlyDouble
                        && (stack[k].ch == '„' || (!is_open_boundary(prev) && !alnum(next)))
                    {
                        close_at(&mut stack, k, pos, after, &mut spans);
                    } else {
                        push(&mut stack, MarkFamily::CurlyDouble, cont_of);
                    }
                }
                '”' => {
                    // Also closes a straight opening mark (`"Mixed,” he said`).
                    if let Some(k) = top_double(&stack).filter(|&k| {
                        stack[k].fam == MarkFamily::CurlyDouble
                            || stack[k].fam == MarkFamily::StraightDouble
                    }) {
                        close_at(&mut stack, k, pos, after, &mut spans);
                    } else if is_open_boundary(prev) && alnum(next) {
                        push(&mut stack, MarkFamily::CurlyDouble, cont_of);
                    }
                }
                '"' => {
                    // Also closes a curly opening mark (`“Mixed," he said`).
                    let k = top_double(&stack).filter(|&k| {
                        stack[k].fam == MarkFamily::StraightDouble
                            || stack[k].fam == MarkFamily::CurlyDouble
                    });
                    if let Some(k) = k
                        && (!alnum(next) || !is_open_boundary(prev))
                    {
                        close_at(&mut stack, k, pos, after, &mut spans);
                    } else if is_open_boundary(prev) && !space_or_end(next) {
                        push(&mut stack, MarkFamily::StraightDouble, cont_of);
                    } else if let Some(k) = k {
                        close_at(&mut stack, k, pos, after, &mut spans);
                    }
                }
                '«' => {
                    if let Some(k) = top_double(&stack).filter(|&k| stack[k].ch == '»') {
                        close_at(&mut stack, k, pos, after, &mut spans);
                    } else {
                        push(&mut stack, MarkFamily::Guillemet, cont_of);
                    }
                }
                '»' => {
                    if let Some(k) = top_double(&stack).filter(|&k| stack[k].ch == '«') {
                        close_at(&mut stack, k, pos, after, &mut spans);
                    } else if is_open_boundary(prev) && alnum(next) {
                        push(&mut stack, MarkFamily::Guillemet, cont_of);
                    }
                }
                '「' | '『' => push(&mut stack, MarkFamily::Corner, cont_of),
                '」' | '』' => {
                    if let Some(k) =
                        top_double(&stack).filter(|&k| stack[k].fam == MarkFamily::Corner)
                    {
                        close_at(&mut stack, k, pos, after, &mut spans);
                    }
                }
                '‹' => push(&mut stack, MarkFamily::SingleGuillemet, cont_of),
                '›' if stack
                    .last()
                    .is_some_and(|o| o.fam == MarkFamily::SingleGuillemet) =>
                {
                    let k = stack.len() - 1;
                    close_at(&mut stack, k, pos, after, &mut spans);
                }
                '‘' | '‚' => {
                    // ‘90s, rock ‘n’ roll: apostrophes, not marks.
                    let elision =
                        next.is_some_and(|n| n.is_ascii_digit()) || (alnum(prev) && alnum(next));
                    if !elision && !space_or_end(next) {
                        push(&mut stack, MarkFamily::CurlySingle, cont_of);
                    }
                }
                // ``''Two single marks,''`` typed for an opening double mark (a newspaper
                // convention); the closing pair is handled below.
                '\'' if next == Some('\'')
                    && is_open_boundary(prev)
                    && !stack.last().is_some_and(|o| o.fam.is_double())
                    && text[i + 2..]
                        .chars()
                        .next()
                        .is_some_and(|n| !n.is_whitespace() && n != '\'') =>
                {
                    if stack.len() < MAX_DEPTH {
                        stack.push(Open {
                            fam: MarkFamily::StraightDouble,
                            ch: '"',
                            pos,
                            after: after + 1,
                            cont_of,
                        });
                    }
                    i += 1;
                    prev = Some('"');
                    i += 1;
                    continue;
                }
                // `,’’` typed for a closing double mark (two single marks).
                '’' | '\''
                    if next == Some(c)
                        && !space_or_end(prev)
                        && stack.last().is_some_and(|o| {
                            matches!(o.fam, MarkFamily::CurlyDouble | MarkFamily::StraightDouble)
                        })
                        && !alnum(text[i + 2 * c.len_utf8()..].chars().next()) =>
                {
                    let k = stack.len() - 1;
                    close_at(&mut stack, k, pos, after + c.len_utf8(), &mut spans);
                    i += c.len_utf8();
                }
                '’' | '\'' => {
                    let fam = if c == '’' {
                        MarkFamily::CurlySingle
                    } else {
                        MarkFamily::StraightSingle
                    };
                    if alnum(prev) && alnum(next) {
                        // don't, Korea’s: an apostrophe.
                    } else if let Some(top) = stack.last()
                        && top.fam == fam
                        && !space_or_end(prev)
                        && !alnum(next)
                        && !plural_possessive(text, i, next)
                    {
                        let k = stack.len() - 1;
                        close_at(&mut stack, k, pos, after, &mut spans);
                    } else if c == '\''
                        && is_open_boundary(prev)
                        && next.is_some_and(char::is_alphabetic)
                        && !is_elision(&text[i + 1..])
                    {
                        push(&mut stack, MarkFamily::StraightSingle, cont_of);
                    }
                }
                _ => {}
            }
            prev = Some(c);
            i += c.len_utf8();
        }
        // Paragraph end: a quote left open either continues in the next paragraph or is
        // dropped (with everything nested in it).
        if let Some(bottom) = stack.first().copied() {
            let next_para = paras.get(pi + 1).map(|p| &body[p.clone()]);
            let reopens = next_para
                .and_then(|t| opener_at(t.trim_start()))
                .is_some_and(|f| f == bottom.fam || (f.is_double() && bottom.fam.is_double()));
            let end = trim_end(body, bottom.after, para.end);
            if reopens
                && bottom.fam.is_double()
                && end > bottom.after
                && introduced(body, para.start, bottom.pos)
            {
                let idx = spans.len();
                spans.push(QSpan {
                    open: bottom.pos..bottom.after,
                    text: bottom.after..end,
                    close: None,
                    continues: true,
                    cont_of: bottom.cont_of,
                });
                let fam = next_para
                    .and_then(|t| opener_at(t.trim_start()))
                    .unwrap_or(bottom.fam);
                carry = Some((idx, fam));
            } else if bottom.cont_of.is_some() && end > bottom.after {
                // The last paragraph of a continued quote may lack its closing mark.
                spans.push(QSpan {
                    open: bottom.pos..bottom.after,
                    text: bottom.after..end,
                    close: None,
                    continues: false,
                    cont_of: bottom.cont_of,
                });
            }
        }
    }
    spans
}

/// A quotation that may run on into the next paragraph opens its paragraph or follows a
/// colon, a comma, a dash or a speech verb (`She said: “...`), not a stray mark inside a
/// sentence (`the word “never is ...`).
fn introduced(body: &str, para_start: usize, pos: usize) -> bool {
    let before = body[para_start..pos].trim_end();
    if before.is_empty()
        || before.ends_with([':', ',', '—', '–', '.', '?', '!', '”', '"', '’', ')'])
    {
        return true;
    }
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let mut buf = [0u8; 48];
    crate::extract::quotes::word_match::lower(word, &mut buf)
        .and_then(|w| crate::extract::quotes::cues::lexicon().verb(w))
        .is_some()
}

/// `teachers’ union`: a closing single mark right after an `s` followed by a lowercase
/// word is far more often a plural possessive.
fn plural_possessive(text: &str, i: usize, next: Option<char>) -> bool {
    let before = &text[..i];
    if !before.ends_with('s') {
        return false;
    }
    if next != Some(' ') {
        return false;
    }
    let mut rest = text[i..].chars().skip(2);
    rest.next().is_some_and(char::is_lowercase)
}

fn is_elision(rest: &str) -> bool {
    const E: [&str; 6] = ["em ", "til ", "cause ", "n ", "n'", "tis "];
    E.iter().any(|e| rest.starts_with(e))
}

/// The family of the opening mark `t` starts with (`''` counts as a double mark).
fn opener_at(t: &str) -> Option<MarkFamily> {
    if t.starts_with("''") {
        return Some(MarkFamily::StraightDouble);
    }
    t.chars().next().and_then(opener_family)
}

fn opener_family(c: char) -> Option<MarkFamily> {
    match c {
        '“' | '„' | '‟' | '”' => Some(MarkFamily::CurlyDouble),
        '"' => Some(MarkFamily::StraightDouble),
        '«' | '»' => Some(MarkFamily::Guillemet),
        '「' | '『' => Some(MarkFamily::Corner),
        '‘' => Some(MarkFamily::CurlySingle),
        '\'' => Some(MarkFamily::StraightSingle),
        '‹' => Some(MarkFamily::SingleGuillemet),
        _ => None,
    }
}

/// Index of the innermost open double mark, looking through single marks above it.
fn top_double(stack: &[Open]) -> Option<usize> {
    stack.iter().rposition(|o| o.fam.is_double())
}

fn trim_end(body: &str, start: usize, end: usize) -> usize {
    start + body[start..end].trim_end().len()
}

/// Closes `stack[k]` with the mark at `pos..after`; marks above it were apostrophes or
/// strays and are dropped. A top-level close records a span.
fn close_at(stack: &mut Vec<Open>, k: usize, pos: usize, after: usize, spans: &mut Vec<QSpan>) {
    let open = stack[k];
    stack.truncate(k);
    if k == 0 {
        spans.push(QSpan {
            open: open.pos..open.after,
            text: open.after..pos,
            close: Some(pos..after),
            continues: false,
            cont_of: open.cont_of,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        find_spans(body)
            .into_iter()
            .map(|s| &body[s.text])
            .collect()
    }

    #[test]
    fn two_single_marks_close_a_double_quote() {
        let body = "“It was a trick,’’ Ann Moy said. “Fine.’’ Then \"ok,'' he said, ‘no.’";
        assert_eq!(texts(body), ["It was a trick,", "Fine.", "ok,", "no."]);
        let s = &find_spans(body)[0];
        assert_eq!(&body[s.close.clone().unwrap()], "’’");
    }

    #[test]
    fn two_straight_single_marks_open_and_close_a_double_quote() {
        let body = "''We can't wait,'' said Ora Vell. ''It's late.'' Then 'no' he said.";
        assert_eq!(texts(body), ["We can't wait,", "It's late.", "no"]);
        let s = &find_spans(body)[0];
        assert_eq!(&body[s.open.clone()], "''");
        assert_eq!(&body[s.close.clone().unwrap()], "''");
    }

    #[test]
    fn two_straight_single_marks_carry_a_quote_over_paragraphs() {
        let body = "She said: ''First part.\n\n''Second part.''\n\nAfter.";
        let spans = find_spans(body);
        assert_eq!(spans.len(), 2);
        assert!(spans[0].continues);
        assert_eq!(spans[1].cont_of, Some(0));
        assert_eq!(&body[spans[1].text.clone()], "Second part.");
    }

    #[test]
    fn curly_and_straight_doubles() {
        assert_eq!(
            texts("“Go now,” she said. \"Stay,\" he said."),
            ["Go now,", "Stay,"]
        );
        assert_eq!(
            texts("Er sagte: „Wir kommen.“ Dann ging er."),
            ["Wir kommen."]
        );
        assert_eq!(texts("Il a dit : « Nous venons. »"), [" Nous venons. "]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let body = "‘We don’t know what the ’90s or Korea’s teachers’ union want,’ she said.";
        assert_eq!(
            texts(body),
            ["We don’t know what the ’90s or Korea’s teachers’ union want,"]
        );
        assert_eq!(
            texts("It wasn't the officials' fault, he said."),
            Vec::<&str>::new()
        );
        assert_eq!(texts("Rock 'n' roll is 'over', they said."), ["over"]);
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let body = "“He told me ‘never again’ and left,” she said.";
        assert_eq!(texts(body), ["He told me ‘never again’ and left,"]);
    }

    #[test]
    fn multi_paragraph_quote_is_one() {
        let body = "She said: “First part.\n\n“Second part.”\n\nAfter.";
        let spans = find_spans(body);
        assert_eq!(spans.len(), 2);
        assert_eq!(&body[spans[0].text.clone()], "First part.");
        assert!(spans[0].continues);
        assert_eq!(spans[1].cont_of, Some(0));
        assert_eq!(&body[spans[1].text.clone()], "Second part.");
    }

    #[test]
    fn unbalanced_marks_stay_in_their_paragraph() {
        let body = "He said “never and left.\n\nShe said “yes” and “no.”";
        assert_eq!(texts(body), ["yes", "no."]);
        assert_eq!(texts("A stray ” mark and “a quote” here."), ["a quote"]);
    }
}
