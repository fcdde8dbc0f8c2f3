//! Text hygiene: decoding bytes to clean text before any loader sees them.
//!
//! - invalid UTF-8 is decoded lossily (with a warning);
//! - binary files (NUL bytes or mostly non-text) are refused;
//! - C0/C1 control characters and terminal escape sequences are removed, tabs expanded,
//!   line endings normalized to `\n`; bidi override characters are removed.

use super::LoadWarning;

/// Why bytes could not be turned into article text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HygieneError {
    #[error("binary file (not text): {0}")]
    Binary(String),
    /// Text, but not of the file's format (an `.xml` file that is no feed, a message
    /// without headers).
    #[error("{0}")]
    NotFormat(String),
}

const TAB_WIDTH: usize = 4;

/// Decodes raw file bytes into clean text.
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<LoadWarning>), HygieneError> {
    let mut warnings = Vec::new();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(text) = decode_utf16(bytes) {
        warnings.push(LoadWarning("decoded as UTF-16 (byte order mark)".into()));
        return Ok((clean(&text), warnings));
    }
    if let Some(little) = utf16_without_bom(bytes) {
        let enc = if little {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (text, _) = enc.decode_without_bom_handling(bytes);
        warnings.push(LoadWarning(format!(
            "decoded as {} (no byte order mark)",
            enc.name()
        )));
        return Ok((clean(&text), warnings));
    }
    if looks_binary(bytes) {
        return Err(HygieneError::Binary(describe_binary(bytes)));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes);
            let bad = s.chars().filter(|&c| c == '\u{FFFD}').count();
            warnings.push(LoadWarning(format!(
                "invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD"
            )));
            s
        }
    };
    Ok((clean(&text), warnings))
}

fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (le, rest) = if let Some(r) = bytes.strip_prefix(b"\xFF\xFE") {
        (true, r)
    } else if let Some(r) = bytes.strip_prefix(b"\xFE\xFF") {
        (false, r)
    } else {
        return None;
    };
    let units = rest.chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect(),
    )
}

/// Why a saved page's bytes are not a web page: None for a page (UTF-16 with or without a
/// byte order mark included), else what the bytes look like. Same rules as text files.
pub fn binary_page(bytes: &[u8]) -> Option<String> {
    if encoding_rs::Encoding::for_bom(bytes).is_some() || utf16_without_bom(bytes).is_some() {
        return None;
    }
    looks_binary(bytes).then(|| describe_binary(bytes))
}

/// UTF-16 text saved without a byte order mark: in its first bytes, every other byte is NUL
/// (the high byte of ASCII characters) and the others are not. `Some(true)` for
/// little-endian.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(1024) & !1];
    if head.len() < 8 {
        return None;
    }
    let half = head.len() / 2;
    let zeros = |offset: usize| {
        head.iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // ASCII-heavy text: nearly all high bytes NUL, almost no low byte NUL
    if odd * 10 >= half * 9 && even * 20 <= half {
        Some(true)
    } else if even * 10 >= half * 9 && odd * 20 <= half {
        Some(false)
    } else {
        None
    }
}

/// How much of the start of a file [`binary_page`] reads: no byte after these counts.
pub const BINARY_HEAD_BYTES: usize = 8192;

/// A file is binary when it has NUL bytes or when more than a tenth of its first 8 KiB
/// are control bytes other than whitespace.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(BINARY_HEAD_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

fn describe_binary(bytes: &[u8]) -> String {
    let kind = match bytes {
        [0x25, 0x50, 0x44, 0x46, ..] => "a PDF document",
        [0x89, b'P', b'N', b'G', ..] => "a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        [b'P', b'K', 3, 4, ..] => "a ZIP archive",
        [0x1F, 0x8B, ..] => "gzip-compressed data",
        [0x7F, b'E', b'L', b'F', ..] => "an executable",
        _ => "contains NUL or control bytes",
    };
    kind.to_string()
}

/// Removes control characters and escape sequences, expands tabs, normalizes line ends.
pub fn clean(text: &str) -> String {
    let out = strip_controls(text);
    compose(out)
}

/// One clean line of header text (a title, an author, a URL): [`clean`], white space folded
/// to single spaces, cut to at most `max` bytes on a character boundary.
pub fn one_line(s: &str, max: usize) -> String {
    let clean = clean(s);
    let mut out = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if out.len() > max {
        let mut end = max;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    out
}

/// Text in Unicode's composed form (NFC): `e` + a combining acute accent becomes `é`, so
/// a name typed or saved in decomposed form (common from macOS) is one word to extraction
/// and matches the same name written composed. Text already composed is returned as it is.
pub fn compose(text: String) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    text.nfc().collect()
}

fn strip_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut col = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
                col = 0;
            }
            '\n' => {
                out.push('\n');
                col = 0;
            }
            '\t' => {
                let n = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\u{1B}' => skip_escape(&mut chars),
            // C1 CSI / OSC / DCS and other string introducers
            '\u{9B}' => skip_csi(&mut chars),
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars),
            '\u{0C}' | '\u{0B}' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                out.push('\n');
                col = 0;
            }
            c if is_unsafe_char(c) => {}
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// Characters never allowed into article text: what the output policy
/// ([`crate::safe_text::is_unsafe`]) lets out of the program neither, except the tab and
/// line feed that [`clean`] handles itself.
pub fn is_unsafe_char(c: char) -> bool {
    c != '\t' && c != '\n' && crate::safe_text::is_unsafe(c)
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_escape(chars: &mut Chars) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            chars.next();
            skip_string(chars);
        }
        Some(c) if ('\u{20}'..='\u{7E}').contains(c) => {
            // two-character escapes such as ESC c, ESC 7; intermediates then a final byte
            while let Some(&c) = chars.peek() {
                chars.next();
                if !('\u{20}'..='\u{2F}').contains(&c) {
                    break;
                }
            }
        }
        _ => {}
    }
}

fn skip_csi(chars: &mut Chars) {
    // parameters and intermediates, then one final byte in 0x40..=0x7E
    while let Some(&c) = chars.peek() {
        if ('\u{20}'..='\u{3F}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7E}').contains(&c) {
                chars.next();
            }
            break;
        }
    }
}

fn skip_string(chars: &mut Chars) {
    // until BEL, ST (ESC \) or C1 ST; bounded by the end of the line to never eat text
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9C}' => {
                chars.next();
                break;
            }
            '\u{1B}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            '\n' => break,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_letters_are_composed() {
        let decomposed = "Ange\u{301}lique Roy said";
        assert_eq!(clean(decomposed), "Ang\u{e9}lique Roy said");
        // Already composed text comes back unchanged.
        assert_eq!(clean("Ang\u{e9}lique"), "Ang\u{e9}lique");
    }

    #[test]
    fn strips_escapes_and_controls() {
        let s = "a\u{1b}[31mred\u{1b}[0m b\u{7}c\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{7} \u{202E}d";
        assert_eq!(clean(s), "ared bclink d");
    }

    #[test]
    fn normalizes_lines_and_tabs() {
        assert_eq!(clean("a\r\nb\rc\td"), "a\nb\nc   d");
    }

    #[test]
    fn refuses_binary() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(HygieneError::Binary(_))
        ));
    }

    #[test]
    fn lossy_utf8_warns() {
        let (s, w) = decode(b"caf\xE9 ok").unwrap();
        assert_eq!(s, "caf\u{FFFD} ok");
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Hi \u{201C}x\u{201D}".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b).unwrap().0, "Hi \u{201C}x\u{201D}");
    }

    #[test]
    fn utf16_without_bom_is_recognized_and_binary_is_not() {
        let le: Vec<u8> = "Plain words, she said."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Plain words, she said."
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(utf16_without_bom(&le), Some(true));
        assert_eq!(utf16_without_bom(&be), Some(false));
        let (text, w) = decode(&be).unwrap();
        assert_eq!(text, "Plain words, she said.");
        assert_eq!(w.len(), 1);
        assert_eq!(
            utf16_without_bom(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"),
            None
        );
        assert_eq!(utf16_without_bom(b"plain ascii text"), None);
        assert!(binary_page(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_some());
        assert!(binary_page(&le).is_none());
        assert!(binary_page(b"<p>caf\xe9</p>").is_none());
    }
}
