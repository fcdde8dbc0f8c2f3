//! `mbox` files: many e-mail messages in one file, each starting with a `From ` line at
//! the start of the file or after a blank line (mboxo and mboxrd; a `>From ` quoted inside a
//! message loses one `>`). Each message is an article, read as an `.eml` file is
//! ([`super::email`]), and named inside the file by a key that stays the same when the file
//! is read again, also after messages before it were deleted: its `Message-ID`, else a
//! hash of the message. The same key twice in one file (a message saved twice) gets `~2`,
//! `~3`, … in file order.

use mail_parser::MessageParser;
use std::collections::HashMap;

/// One message of an mbox: its key and its bytes (without the `From ` line, unquoted).
pub struct RawMessage {
    pub key: String,
    pub bytes: Vec<u8>,
}

/// The longest key taken from a `Message-ID`, in bytes.
const MAX_KEY: usize = 200;

/// Splits an mbox into its messages.
pub fn split(bytes: &[u8]) -> Vec<RawMessage> {
    let mut starts = Vec::new();
    let mut blank_before = true;
    let mut i = 0;
    while i < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |e| i + e + 1);
        if blank_before && is_separator(&bytes[i..end]) {
            starts.push(i);
        }
        blank_before = bytes[i..end].iter().all(|b| matches!(b, b'\r' | b'\n'));
        i = end;
    }
    let mut out = Vec::with_capacity(starts.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(bytes.len());
        let chunk = &bytes[start..end];
        // Past the `From ` separator line.
        let body_start = memchr::memchr(b'\n', chunk).map_or(chunk.len(), |e| e + 1);
        let message = unquote(&chunk[body_start..]);
        let base = message_key(&message);
        let count = seen.entry(base.clone()).or_insert(0);
        *count += 1;
        let key = if *count == 1 {
            base
        } else {
            format!("{base}~{count}")
        };
        out.push(RawMessage {
            key,
            bytes: message,
        });
    }
    out
}

/// A `From ` line that separates messages: `From SENDER DATE`, the date with a time
/// (`10:00:00`), so that an unquoted sentence starting with "From " is not one.
fn is_separator(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"From ") else {
        return false;
    };
    let words = rest
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let mut n = 0;
    let mut time = false;
    for w in words {
        n += 1;
        time |= n > 1
            && w.len() >= 4
            && w.contains(&b':')
            && w.iter().all(|b| b.is_ascii_digit() || *b == b':');
    }
    time
}

/// Lines `>From `, `>>From `, … lose one `>` (mboxrd quoting).
fn unquote(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len());
    for line in message.split_inclusive(|&b| b == b'\n') {
        let quotes = line.iter().take_while(|&&b| b == b'>').count();
        if quotes > 0 && line[quotes..].starts_with(b"From ") {
            out.extend_from_slice(&line[1..]);
        } else {
            out.extend_from_slice(line);
        }
    }
    out
}

/// The message's `Message-ID` (printable ASCII without `#`, `<` and `>`, at most
/// [`MAX_KEY`] bytes), else `h` and 16 hex digits of a hash of the message.
fn message_key(message: &[u8]) -> String {
    let id = MessageParser::default()
        .parse_headers(message)
        .and_then(|m| m.message_id().map(str::to_string))
        .unwrap_or_default();
    let mut key: String = id
        .chars()
        .filter(|c| c.is_ascii_graphic() && !matches!(c, '#' | '<' | '>'))
        .collect();
    key.truncate(MAX_KEY);
    if key.is_empty() {
        let hash = blake3::hash(message);
        key = format!("h{}", &hash.to_hex()[..16]);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    const MBOX: &str = "From a@x.example Mon Jun  1 10:00:00 2026\n\
        Message-ID: <one@x.example>\nSubject: One\n\nFirst body.\n>From the harbour, she said.\n\n\
        From b@x.example Mon Jun  1 11:00:00 2026\n\
        Subject: Two\n\nFrom here on\nthe text goes on.\n\n\
        From c@x.example Mon Jun  1 12:00:00 2026\n\
        Message-ID: <one@x.example>\nSubject: One again\n\nSaved twice.\n";

    #[test]
    fn messages_split_at_from_lines_after_a_blank_line() {
        let m = split(MBOX.as_bytes());
        assert_eq!(m.len(), 3);
        assert_eq!(m[0].key, "one@x.example");
        assert!(
            String::from_utf8_lossy(&m[0].bytes).contains("\nFrom the harbour, she said."),
            "mboxrd quoting undone"
        );
        // No Message-ID: a hash of the message; a sentence starting "From " is text.
        assert!(
            m[1].key.starts_with('h') && m[1].key.len() == 17,
            "{}",
            m[1].key
        );
        assert!(String::from_utf8_lossy(&m[1].bytes).contains("From here on\nthe text"));
        assert_eq!(m[2].key, "one@x.example~2");
    }

    #[test]
    fn keys_stay_when_an_earlier_message_is_deleted() {
        let all = split(MBOX.as_bytes());
        let second_on = &MBOX[MBOX.find("From b@").unwrap()..];
        let rest = split(second_on.as_bytes());
        assert_eq!(rest[0].key, all[1].key);
        assert_eq!(rest[0].bytes, all[1].bytes);
    }

    #[test]
    fn hostile_message_ids_give_plain_keys() {
        let m =
            split(b"From x Mon Jun  1 10:00:00 2026\nMessage-ID: <a#b\x1b[2J\xc2\x9b@x>\n\nBody\n");
        assert!(!m[0].key.is_empty());
        assert!(
            m[0].key.chars().all(|c| c.is_ascii_graphic() && c != '#'),
            "{:?}",
            m[0].key
        );
    }
}
