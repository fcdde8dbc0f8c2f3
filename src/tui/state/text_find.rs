//! Finding text in an article's body: every case-insensitive occurrence of a string, and
//! where a piece of text moved to when the body changed.

use std::ops::Range;

/// Where the text at `old[off..off + len]` is in `new`: the occurrence nearest to `off`
/// (text put in or taken out before it moves it); `None` when it is no longer there.
pub fn moved_offset(old: &str, new: &str, off: usize, len: usize) -> Option<usize> {
    let end = (off + len).min(old.len());
    let text = old.get(off..end).filter(|t| !t.is_empty())?;
    new.match_indices(text)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(off))
}

/// Every case-insensitive occurrence of `needle` in `hay` (byte ranges into `hay`).
pub fn find_all(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < hay.len() {
        let mut it = hay[pos..].char_indices().flat_map(|(i, c)| {
            let len = c.len_utf8();
            c.to_lowercase().map(move |l| (i + len, l))
        });
        let mut end = None;
        for (k, want) in needle.iter().enumerate() {
            match it.next() {
                Some((e, c)) if c == *want => {
                    if k + 1 == needle.len() {
                        end = Some(e);
                    }
                }
                _ => break,
            }
        }
        let step = hay[pos..].chars().next().map_or(1, char::len_utf8);
        match end {
            Some(e) => {
                out.push(pos..pos + e);
                pos += e.max(step);
            }
            None => pos += step,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_case_insensitively() {
        let h = "Bridge bridge BRIDGE Brücke";
        let m = find_all(h, "bridge");
        assert_eq!(m.len(), 3);
        assert_eq!(&h[m[2].clone()], "BRIDGE");
        assert_eq!(find_all(h, "BRÜCKE").len(), 1);
        assert!(find_all(h, "").is_empty());
    }
}
