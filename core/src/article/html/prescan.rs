//! A linear pass over the page text before the HTML5 parser sees it.
//!
//! - It leaves out what the reader never shows and the parser would spend most of its time
//!   on: the contents of `<script>` (except JSON-LD) and `<style>` elements, inline `<svg>`
//!   drawings and comments. Saved pages are often three quarters script.
//! - It guards against pathological nesting: the tree builder checks element scopes by
//!   scanning its stack of open elements, so 100k nested `<div>`s cost O(n²) (over a
//!   minute). Start tags beyond [`MAX_DEPTH`] open elements (and as many end tags) are left
//!   out. Text is never removed; ordinary pages nest a few dozen levels.

use memchr::{memchr, memmem};

/// Deepest nesting kept.
pub const MAX_DEPTH: usize = 512;

/// Elements with no end tag, or whose end tag is optional (they do not nest in practice).
fn is_unnested(name: &[u8]) -> bool {
    const NAMES: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"colgroup",
        b"dd",
        b"dt",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"li",
        b"link",
        b"meta",
        b"option",
        b"optgroup",
        b"p",
        b"param",
        b"rb",
        b"rp",
        b"rt",
        b"source",
        b"tbody",
        b"td",
        b"tfoot",
        b"th",
        b"thead",
        b"tr",
        b"track",
        b"wbr",
        b"html",
        b"head",
        b"body",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Elements whose content is raw text up to their end tag.
fn is_raw_text(name: &[u8]) -> bool {
    const NAMES: &[&[u8]] = &[
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

enum Tag {
    Start {
        name_end: usize,
        end: usize,
        self_closing: bool,
    },
    End {
        end: usize,
    },
    /// A comment or doctype: skip to `end`.
    Skip {
        end: usize,
        comment: bool,
    },
}

/// The slimmed page and the deepest nesting seen (estimated); tags were left out when
/// that is over [`MAX_DEPTH`].
pub fn slim(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len() / 2);
    let max = scan(text, &mut out);
    (out, max)
}

/// Walks the tags, writing the text without raw-text contents, comments, drawings and
/// over-deep tags; returns the deepest (estimated) nesting.
fn scan(text: &str, out: &mut String) -> usize {
    let b = text.as_bytes();
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut max = 0usize;
    let mut i = 0;
    let mut copied = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        let Some(tag) = read_tag(b, lt) else {
            i = lt + 1;
            continue;
        };
        // What to leave out of the output: the tag itself, or a range after it.
        let mut drop = false;
        let mut cut: Option<(usize, usize)> = None;
        match tag {
            Tag::Start {
                name_end,
                end,
                self_closing,
            } => {
                let name = &b[lt + 1..name_end];
                if is_raw_text(name) {
                    let close = find_end_tag(b, end, name);
                    let attrs = &b[name_end..end];
                    let json_ld = memmem::find(&attrs.to_ascii_lowercase(), b"ld+json").is_some();
                    let is_code =
                        name.eq_ignore_ascii_case(b"script") || name.eq_ignore_ascii_case(b"style");
                    if is_code && !json_ld {
                        cut = Some((end, close));
                    }
                    i = skip_past_tag(b, close);
                } else if name.eq_ignore_ascii_case(b"svg") && !self_closing {
                    let close = find_end_tag(b, end, name);
                    cut = Some((end, close));
                    i = skip_past_tag(b, close);
                } else {
                    if !self_closing && !is_unnested(name) {
                        if depth >= MAX_DEPTH {
                            excess += 1;
                            drop = true;
                        } else {
                            depth += 1;
                            max = max.max(depth);
                        }
                    }
                    i = end;
                }
                if depth + excess > max {
                    max = depth + excess;
                }
            }
            Tag::End { end } => {
                let name_start = lt + 2;
                let name_len = b[name_start..end]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(end - name_start);
                if !is_unnested(&b[name_start..name_start + name_len]) {
                    if excess > 0 {
                        excess -= 1;
                        drop = true;
                    } else {
                        depth = depth.saturating_sub(1);
                    }
                }
                i = end;
            }
            Tag::Skip { end, comment } => {
                if comment {
                    drop = true;
                }
                i = end;
            }
        }
        if drop {
            out.push_str(&text[copied..lt]);
            copied = i;
        } else if let Some((from, to)) = cut {
            out.push_str(&text[copied..from]);
            copied = to;
        }
    }
    out.push_str(&text[copied..]);
    max
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memmem::find(hay.get(from..)?, needle).map(|p| from + p)
}

/// Reads the tag starting at `lt` (which holds `<`). Returns `None` for a literal `<`.
fn read_tag(b: &[u8], lt: usize) -> Option<Tag> {
    let next = *b.get(lt + 1)?;
    if next == b'!' {
        let comment = b[lt..].starts_with(b"<!--");
        let end = if comment {
            find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3)
        } else {
            memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1)
        };
        return Some(Tag::Skip { end, comment });
    }
    if next == b'/' {
        if !b.get(lt + 2)?.is_ascii_alphabetic() {
            return None;
        }
        let end = memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1);
        return Some(Tag::End { end });
    }
    if !next.is_ascii_alphabetic() {
        return None;
    }
    let mut j = lt + 1;
    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
        j += 1;
    }
    let name_end = j;
    // Attributes: skip to the closing '>' outside quotes.
    let mut quote = 0u8;
    let mut prev = 0u8;
    while j < b.len() {
        let c = b[j];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            // Quotes only open a value right after '='.
            if prev == b'=' {
                quote = c;
            }
        } else if c == b'>' {
            return Some(Tag::Start {
                name_end,
                end: j + 1,
                self_closing: prev == b'/',
            });
        }
        if !c.is_ascii_whitespace() {
            prev = c;
        }
        j += 1;
    }
    Some(Tag::Start {
        name_end,
        end: b.len(),
        self_closing: false,
    })
}

/// Where the end tag `</name` of a raw-text element (or drawing) starts, or the end.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memmem::find(&b[i..], b"</") {
        let lt = i + off;
        if b.len() >= lt + 2 + name.len()
            && b[lt + 2..lt + 2 + name.len()].eq_ignore_ascii_case(name)
            && !b
                .get(lt + 2 + name.len())
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return lt;
        }
        i = lt + 2;
    }
    b.len()
}

/// The index after the `>` of the tag starting at `lt`.
fn skip_past_tag(b: &[u8], lt: usize) -> usize {
    memchr(b'>', &b[lt.min(b.len())..]).map_or(b.len(), |e| lt + e + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_drawings_and_comments_are_left_out() {
        let page = "<html><head><style>p{}</style><script type=\"application/ld+json\">{\"a\":1}</script>\
                    <script>if (a < b) document.write('<div></script>')</script></head><body><!-- x <p> -->\
                    <div><p>a<p>b<svg><path d=x/><svg></svg></svg><ul><li>c<li>d</ul></div>";
        let (out, depth) = slim(page);
        assert_eq!(
            out,
            "<html><head><style></style><script type=\"application/ld+json\">{\"a\":1}</script>\
             <script></script>')</script></head><body>\
             <div><p>a<p>b<svg></svg></svg><ul><li>c<li>d</ul></div>"
        );
        assert!(depth < 5);
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let page = "<div class=\"x>y\">".repeat(2000) + "deep" + &"</div>".repeat(2000) + "after";
        let (out, depth) = slim(&page);
        assert!(depth >= 2000);
        assert_eq!(slim(&out).1, MAX_DEPTH);
        assert!(out.contains("deep") && out.ends_with("after"));
        assert_eq!(out.matches("<div").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
    }
}
