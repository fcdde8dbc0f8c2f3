//! A guard against pathological nesting.
//!
//! The HTML5 tree builder checks element scopes by scanning its stack of open elements,
//! so 100k nested `<div>`s cost O(n²) (over a minute). Before parsing, a linear scan
//! estimates the nesting depth; only when it passes [`MAX_DEPTH`] are the start tags beyond
//! that depth (and as many end tags) left out. Text is never removed, and ordinary pages
//! (which nest a few dozen levels) are passed through untouched.

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
    /// A comment, doctype or raw-text element: skip to `end`, keep as is.
    Skip {
        end: usize,
    },
}

/// Returns a copy of `text` with over-deep tags left out, or `None` when the page nests
/// no deeper than [`MAX_DEPTH`].
pub fn cap(text: &str) -> Option<String> {
    if scan(text, None) <= MAX_DEPTH {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    scan(text, Some(&mut out));
    Some(out)
}

/// Walks the tags; returns the deepest (estimated) nesting. With `out`, writes the text
/// with start tags past [`MAX_DEPTH`] and their matching end tags removed.
fn scan(text: &str, mut out: Option<&mut String>) -> usize {
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
        let mut drop = false;
        match tag {
            Tag::Start {
                name_end,
                end,
                self_closing,
            } => {
                let name = &b[lt + 1..name_end];
                if is_raw_text(name) {
                    i = skip_raw(b, end, name);
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
            Tag::Skip { end } => i = end,
        }
        if drop && let Some(o) = out.as_deref_mut() {
            o.push_str(&text[copied..lt]);
            copied = i;
        }
    }
    if let Some(o) = out {
        o.push_str(&text[copied..]);
    }
    max
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Reads the tag starting at `lt` (which holds `<`). Returns `None` for a literal `<`.
fn read_tag(b: &[u8], lt: usize) -> Option<Tag> {
    let next = *b.get(lt + 1)?;
    if next == b'!' {
        let end = if b[lt..].starts_with(b"<!--") {
            find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3)
        } else {
            memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1)
        };
        return Some(Tag::Skip { end });
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

/// Skips a raw-text element's content; returns the index after its end tag.
fn skip_raw(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        if b.get(lt + 1) == Some(&b'/')
            && b.len() >= lt + 2 + name.len()
            && b[lt + 2..lt + 2 + name.len()].eq_ignore_ascii_case(name)
        {
            return memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1);
        }
        i = lt + 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_through() {
        let page =
            "<html><body><div><p>a<p>b<ul><li>c<li>d</ul><script>'<div><div>'</script></div>";
        assert!(cap(page).is_none());
    }

    #[test]
    fn deep_nesting_is_capped_and_text_kept() {
        let page = "<div class=\"x>y\">".repeat(2000) + "deep" + &"</div>".repeat(2000) + "after";
        let out = cap(&page).expect("capped");
        assert_eq!(scan(&out, None), MAX_DEPTH);
        assert!(out.contains("deep") && out.ends_with("after"));
        assert_eq!(out.matches("<div").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
    }
}
