//! The open article prepared for reading: its lines wrapped to a width (cached per width)
//! and the indexes that make quote and speaker jumps O(log n).

use crate::article::Article;
use crate::extract::{Analysis, QuoteKind};
use std::borrow::Cow;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What a wrapped line shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineSrc {
    /// A line of the header (title, byline, dateline); `range` is into that header line.
    Header { line: usize },
    /// A line of the body; `range` is into `article.body`.
    Body,
}

/// One screen line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VLine {
    pub src: LineSrc,
    pub range: Range<usize>,
}

/// Which header line is which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderKind {
    Title,
    Meta,
    Rule,
}

/// The article wrapped to one width.
#[derive(Debug, Clone, Default)]
pub struct Wrapped {
    pub width: usize,
    pub header: Vec<(HeaderKind, String)>,
    pub lines: Vec<VLine>,
    /// Index of the first body line in `lines`.
    pub body_start: usize,
}

impl Wrapped {
    /// Wraps the header and body of `article` to `width` display columns.
    pub fn new(article: &Article, width: usize) -> Wrapped {
        let width = width.max(1);
        let mut header = Vec::new();
        if !article.title.trim().is_empty() {
            header.push((HeaderKind::Title, article.title.trim().to_string()));
        }
        let mut meta = Vec::new();
        if !article.byline.is_empty() {
            meta.push(format!("By {}", article.byline.join(", ")));
        }
        if let Some(d) = &article.dateline {
            meta.push(d.clone());
        }
        if let Some(d) = &article.date {
            meta.push(crate::dates::human_date(d));
        }
        if !meta.is_empty() {
            header.push((HeaderKind::Meta, meta.join(" · ")));
        }
        header.push((HeaderKind::Rule, "─".repeat(width.min(4096))));
        let mut lines = Vec::new();
        for (i, (_, text)) in header.iter().enumerate() {
            for r in wrap_text(text, width) {
                lines.push(VLine {
                    src: LineSrc::Header { line: i },
                    range: r,
                });
            }
        }
        let body_start = lines.len();
        let body = &article.body;
        let mut first = true;
        for para in crate::article::paragraph_ranges(body) {
            if !first {
                lines.push(VLine {
                    src: LineSrc::Body,
                    range: para.start..para.start,
                });
            }
            first = false;
            for r in wrap_text(&body[para.clone()], width) {
                lines.push(VLine {
                    src: LineSrc::Body,
                    range: para.start + r.start..para.start + r.end,
                });
            }
        }
        Wrapped {
            width,
            header,
            lines,
            body_start,
        }
    }

    /// The line that shows body byte `offset`: O(log n).
    pub fn line_of(&self, offset: usize) -> usize {
        let body = &self.lines[self.body_start..];
        if body.is_empty() {
            return self.body_start.min(self.lines.len().saturating_sub(1));
        }
        // A paragraph separator is an empty line with the start of the paragraph after it,
        // so the last line starting at or before `offset` is the right one.
        let i = body
            .partition_point(|l| l.range.start <= offset)
            .saturating_sub(1);
        self.body_start + i
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// The text a grapheme is drawn as: tabs become spaces, control and bidi characters a
/// visible stand-in (so widths here match what reaches the screen).
pub fn display(s: &str) -> Cow<'_, str> {
    if s.chars().any(needs_mapping) {
        Cow::Owned(
            s.chars()
                .map(|c| {
                    if c == '\t' || c == '\n' || c == '\r' {
                        ' '
                    } else if needs_mapping(c) {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

fn needs_mapping(c: char) -> bool {
    crate::safe_text::is_unsafe(c)
}

/// Display width of a grapheme as drawn.
fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        return 1;
    }
    display(g).width()
}

/// Wraps `text` to `width` columns at spaces (words longer than a line are cut). Returns
/// byte ranges into `text`; a `\n` forces a break. Every range but an empty text's is
/// non-empty, and the ranges cover the text in order.
pub fn wrap_text(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut used = 0usize;
    // Byte position just after the last space on this line, and the width up to there.
    let mut brk: Option<(usize, usize)> = None;
    for (i, g) in text.grapheme_indices(true) {
        if g == "\n" || g == "\r\n" {
            out.push(start..i);
            start = i + g.len();
            used = 0;
            brk = None;
            continue;
        }
        let w = grapheme_width(g);
        while used > 0 && used + w > width {
            match brk.take() {
                Some((b, bw)) if b > start && b <= i => {
                    out.push(start..b);
                    start = b;
                    used -= bw;
                }
                _ => {
                    out.push(start..i);
                    start = i;
                    used = 0;
                }
            }
        }
        used += w;
        if g.chars().all(char::is_whitespace) {
            brk = Some((i + g.len(), used));
        }
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Navigation indexes of an article's quotes.
#[derive(Debug, Clone, Default)]
pub struct Nav {
    /// Quote indexes sorted by start.
    pub order: Vec<usize>,
    /// Start byte of each quote in `order` (for binary search).
    pub starts: Vec<usize>,
    /// Distinct speakers in order of their first quote.
    pub speakers: Vec<String>,
    /// Speaker slot of each quote (index into `speakers`), by quote index.
    pub speaker_of: Vec<Option<usize>>,
    /// Quote indexes of each speaker, sorted by start.
    pub by_speaker: Vec<Vec<usize>>,
    /// The quotes `n`/`N` walk (all, or all but indirect), sorted by start.
    pub walk: Vec<usize>,
    pub walk_starts: Vec<usize>,
}

impl Nav {
    pub fn new(analysis: &Analysis, include_indirect: bool) -> Nav {
        let quotes = &analysis.quotes;
        let mut order: Vec<usize> = (0..quotes.len()).collect();
        order.sort_by_key(|&i| (quotes[i].span.start, quotes[i].span.end));
        let starts = order.iter().map(|&i| quotes[i].span.start).collect();
        let mut speakers: Vec<String> = Vec::new();
        let mut slot_of: std::collections::HashMap<&str, usize> = Default::default();
        let mut speaker_of = vec![None; quotes.len()];
        let mut by_speaker: Vec<Vec<usize>> = Vec::new();
        for &i in &order {
            if let Some(name) = quotes[i].speaker.as_deref() {
                let slot = *slot_of.entry(name).or_insert_with(|| {
                    speakers.push(name.to_string());
                    by_speaker.push(Vec::new());
                    speakers.len() - 1
                });
                speaker_of[i] = Some(slot);
                by_speaker[slot].push(i);
            }
        }
        let mut nav = Nav {
            order,
            starts,
            speakers,
            speaker_of,
            by_speaker,
            walk: Vec::new(),
            walk_starts: Vec::new(),
        };
        nav.set_walk(analysis, include_indirect);
        nav
    }

    /// Rebuilds the `n`/`N` walk.
    pub fn set_walk(&mut self, analysis: &Analysis, include_indirect: bool) {
        self.walk = self
            .order
            .iter()
            .copied()
            .filter(|&i| include_indirect || analysis.quotes[i].kind != QuoteKind::Indirect)
            .collect();
        self.walk_starts = self
            .walk
            .iter()
            .map(|&i| analysis.quotes[i].span.start)
            .collect();
    }

    /// Position in the walk of the first quote starting after `offset` (strictly), or at
    /// or after it when `inclusive`.
    pub fn walk_after(&self, offset: usize, inclusive: bool) -> Option<usize> {
        let p = if inclusive {
            self.walk_starts.partition_point(|&s| s < offset)
        } else {
            self.walk_starts.partition_point(|&s| s <= offset)
        };
        (p < self.walk.len()).then_some(p)
    }

    /// Position in the walk of the last quote starting before `offset`.
    pub fn walk_before(&self, offset: usize) -> Option<usize> {
        self.walk_starts
            .partition_point(|&s| s < offset)
            .checked_sub(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_by_width() {
        let t = "the quick brown fox jumps";
        let r = wrap_text(t, 10);
        let parts: Vec<&str> = r.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(parts, ["the quick ", "brown fox ", "jumps"]);
    }

    #[test]
    fn cuts_long_words_and_handles_wide_chars() {
        let t = "abcdefghij";
        let parts: Vec<&str> = wrap_text(t, 4).iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(parts, ["abcd", "efgh", "ij"]);
        // CJK: two columns each.
        let t = "日本語のテキスト";
        let parts: Vec<&str> = wrap_text(t, 5).iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(parts, ["日本", "語の", "テキ", "スト"]);
        // A wide char on a 1-column line still makes progress.
        assert_eq!(wrap_text("日本", 1).len(), 2);
        // Combining marks stay with their base; emoji ZWJ sequences are one unit.
        let t = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(wrap_text(t, 2).len(), 2);
        let t = "👩‍👩‍👧 ok";
        let parts: Vec<&str> = wrap_text(t, 3).iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(parts[0], "👩‍👩‍👧 ");
    }

    #[test]
    fn every_line_fits() {
        let t = "Ein „Zitat“ — 日本語 mixed with e\u{301}mojis 🎉🎉 and\ttabs and a verylongwordthatneverends.";
        for w in 1..30 {
            for r in wrap_text(t, w) {
                let s = display(&t[r.clone()]);
                let width = s.trim_end().width();
                assert!(width <= w.max(2), "width {w}: {s:?} is {width}");
            }
        }
    }

    #[test]
    fn line_of_finds_offsets() {
        let a = Article {
            title: "T".into(),
            body: "aaaa bbbb cccc\n\ndddd eeee".into(),
            ..Default::default()
        };
        let w = Wrapped::new(&a, 5);
        let body = &a.body;
        for off in [0, 5, 10, 16, 21] {
            let l = &w.lines[w.line_of(off)];
            assert!(
                l.range.contains(&off),
                "{off} -> {:?} {:?}",
                l,
                &body[l.range.clone()]
            );
        }
    }
}
