//! Character encoding of a saved page: byte order mark, UTF-16 without one (every other
//! byte NUL), then `<meta charset>` or
//! `<meta http-equiv="Content-Type" content="...; charset=...">` near the start, then
//! UTF-8 when the bytes are valid UTF-8, else windows-1252 (the web's legacy default).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a charset declaration is looked for. Browsers look at 1024 bytes;
/// saved pages often carry long heads, so look further.
const PRESCAN_BYTES: usize = 64 * 1024;

/// Where the encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Bom,
    /// UTF-16 without a byte order mark, recognized by its NUL high bytes.
    Utf16Pattern,
    Meta,
    Utf8Valid,
    Default,
}

/// Decodes page bytes to text. Returns the text, the encoding used, where it came from,
/// and whether malformed byte sequences were replaced.
pub fn decode(bytes: &[u8]) -> (String, &'static Encoding, Source, bool) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc, Source::Bom, bad);
    }
    if let Some(little) = crate::article::hygiene::utf16_without_bom(bytes) {
        let enc = if little {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, bad) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), enc, Source::Utf16Pattern, bad);
    }
    if let Some(enc) = sniff_meta(&bytes[..bytes.len().min(PRESCAN_BYTES)]) {
        let (text, bad) = enc.decode_without_bom_handling(bytes);
        return (text.into_owned(), enc, Source::Meta, bad);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), UTF_8, Source::Utf8Valid, false);
    }
    let (text, bad) = WINDOWS_1252.decode_without_bom_handling(bytes);
    (text.into_owned(), WINDOWS_1252, Source::Default, bad)
}

/// Finds a charset declared in a `<meta>` tag.
pub fn sniff_meta(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(off) = find_ci(&head[pos..], b"<meta") {
        let start = pos + off + 5;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        if let Some(enc) = charset_in_tag(&head[start..end]) {
            return Some(enc);
        }
        pos = end.max(start);
    }
    None
}

fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(off) = find_ci(&tag[pos..], b"charset") {
        let mut i = pos + off + 7;
        pos = i;
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < tag.len() && (tag[i].is_ascii_whitespace() || tag[i] == b'"' || tag[i] == b'\'') {
            i += 1;
        }
        let label_end = tag[i..]
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .map_or(tag.len(), |e| i + e);
        let enc = Encoding::for_label(&tag[i..label_end])?;
        // A page read as bytes cannot really be UTF-16 when its meta tag is ASCII-readable.
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            return Some(UTF_8);
        }
        if enc == encoding_rs::X_USER_DEFINED {
            return Some(WINDOWS_1252);
        }
        return Some(enc);
    }
    None
}

fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let first = needle[0].to_ascii_lowercase();
    let upper = needle[0].to_ascii_uppercase();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let rest = &hay[i..hay.len() - needle.len() + 1];
        let j = rest.iter().position(|&b| b == first || b == upper)?;
        i += j;
        if hay[i..i + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_forms() {
        assert_eq!(
            sniff_meta(b"<html><head><META CharSet = 'Shift_JIS'>"),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(
            sniff_meta(
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
            ),
            Some(WINDOWS_1252)
        );
        assert_eq!(sniff_meta(b"<meta charset=utf-16le>"), Some(UTF_8));
        assert_eq!(sniff_meta(b"<meta name=x content=y><p>charset"), None);
        assert_eq!(sniff_meta(b"<meta charset=nonsense>"), None);
    }

    #[test]
    fn invalid_utf8_without_declaration_is_windows_1252() {
        let (t, enc, src, bad) = decode(b"caf\xe9");
        assert_eq!(
            (t.as_str(), enc, src, bad),
            ("caf\u{e9}", WINDOWS_1252, Source::Default, false)
        );
    }
}
