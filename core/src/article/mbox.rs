//! `mbox` files: many e-mail messages in one file, each starting with a `From ` line at
//! the start of the file or after a blank line (mboxo and mboxrd; a `>From ` quoted inside a
//! message loses one `>`). Each message is an article, read as an `.eml` file is
//! ([`super::email`]), and named inside the file by a key that stays the same when the file
//! is read again, also after messages before it were deleted: its `Message-ID`, else a
//! hash of the message. The same key twice in one file (a message saved twice) gets `~2`,
//! `~3`, … in file order.
//!
//! An mbox can be far larger than any one article (years of a mailing list), so it is
//! read as a stream ([`Messages`]): one message at a time, each held only up to a limit of
//! its own, whatever the size of the file.

use mail_parser::MessageParser;
use std::collections::HashMap;
use std::io::BufRead;

/// One message of an mbox: its key and its bytes (without the `From ` line, unquoted).
pub struct RawMessage {
    pub key: String,
    pub bytes: Vec<u8>,
}

/// What reading an mbox gives, message by message.
pub enum Next {
    /// A message, with its key.
    Message(RawMessage),
    /// A message larger than the limit: the `number`th of the file (from 1), `size` bytes.
    /// Its bytes were not kept.
    TooLarge { number: usize, size: u64 },
}

/// The longest key taken from a `Message-ID`, in bytes.
const MAX_KEY: usize = 200;

/// Splits an mbox held in memory into its messages.
pub fn split(bytes: &[u8]) -> Vec<RawMessage> {
    Messages::new(bytes, usize::MAX)
        .filter_map(|next| match next {
            Ok(Next::Message(m)) => Some(m),
            // Reading from memory neither fails nor meets a message over `usize::MAX`.
            Ok(Next::TooLarge { .. }) | Err(_) => None,
        })
        .collect()
}

/// The messages of an mbox read from `reader`, one at a time: memory holds the message
/// being read (at most `max_message` bytes of it; a larger one is counted, not kept) and
/// the keys met so far.
pub struct Messages<R> {
    reader: R,
    max_message: usize,
    /// How many times each key was met, for the `~2` of a message saved twice.
    seen: HashMap<String, usize>,
    /// The message being read, once a separator was met.
    current: Option<Pending>,
    /// Whether the line before was blank (or the file starts here).
    blank_before: bool,
    /// The line being read, up to `max_message` bytes (a longer one goes to the message
    /// as it comes and is never a separator).
    line: Vec<u8>,
    /// Messages begun so far.
    number: usize,
    done: bool,
}

/// A message being read.
struct Pending {
    bytes: Vec<u8>,
    /// Its size so far, also once it is over the limit and its bytes are dropped.
    size: u64,
    number: usize,
}

impl Pending {
    fn push(&mut self, piece: &[u8], max: usize) {
        self.size += piece.len() as u64;
        if self.size > max as u64 {
            self.bytes = Vec::new();
        } else {
            self.bytes.extend_from_slice(piece);
        }
    }
}

impl<R: BufRead> Messages<R> {
    /// Reads messages from `reader`, each of at most `max_message` bytes.
    pub fn new(reader: R, max_message: usize) -> Messages<R> {
        Messages {
            reader,
            max_message,
            seen: HashMap::new(),
            current: None,
            blank_before: true,
            line: Vec::new(),
            number: 0,
            done: false,
        }
    }

    /// Reads the next line into `self.line` (or, past `max_message` bytes, into the
    /// message). Returns `None` at the end of the input, else whether the line was kept
    /// whole.
    fn read_line(&mut self) -> std::io::Result<Option<bool>> {
        self.line.clear();
        let mut whole = true;
        let mut any = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(any.then_some(whole));
            }
            any = true;
            let (piece, ends) = match memchr::memchr(b'\n', buf) {
                Some(at) => (&buf[..=at], true),
                None => (buf, false),
            };
            let n = piece.len();
            if whole && self.line.len() + n > self.max_message {
                // Too long to be a separator: what was kept goes to the message, unquoted
                // as any line; the rest follows as it comes.
                whole = false;
                let kept = std::mem::take(&mut self.line);
                if let Some(m) = self.current.as_mut() {
                    m.push(unquoted(&kept), self.max_message);
                }
            }
            if whole {
                self.line.extend_from_slice(piece);
            } else if let Some(m) = self.current.as_mut() {
                m.push(piece, self.max_message);
            }
            self.reader.consume(n);
            if ends {
                return Ok(Some(whole));
            }
        }
    }

    /// The message read so far, finished.
    fn finish(&mut self, m: Pending) -> Next {
        if m.size > self.max_message as u64 {
            return Next::TooLarge {
                number: m.number,
                size: m.size,
            };
        }
        let base = message_key(&m.bytes);
        let count = self.seen.entry(base.clone()).or_insert(0);
        *count += 1;
        let key = if *count == 1 {
            base
        } else {
            format!("{base}~{count}")
        };
        Next::Message(RawMessage {
            key,
            bytes: m.bytes,
        })
    }
}

impl<R: BufRead> Iterator for Messages<R> {
    type Item = std::io::Result<Next>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let whole = match self.read_line() {
                Ok(Some(whole)) => whole,
                Ok(None) => {
                    self.done = true;
                    break;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            if !whole {
                self.blank_before = false;
                continue;
            }
            let starts = self.blank_before && is_separator(&self.line);
            self.blank_before = self.line.iter().all(|b| matches!(b, b'\r' | b'\n'));
            if starts {
                self.number += 1;
                let fresh = Pending {
                    bytes: Vec::new(),
                    size: 0,
                    number: self.number,
                };
                if let Some(done) = self.current.replace(fresh) {
                    return Some(Ok(self.finish(done)));
                }
            } else if let Some(m) = self.current.as_mut() {
                m.push(unquoted(&self.line), self.max_message);
            }
        }
        let last = self.current.take()?;
        Some(Ok(self.finish(last)))
    }
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

/// A line as it is in the message: `>From `, `>>From `, … lose one `>` (mboxrd quoting).
fn unquoted(line: &[u8]) -> &[u8] {
    let quotes = line.iter().take_while(|&&b| b == b'>').count();
    if quotes > 0 && line[quotes..].starts_with(b"From ") {
        &line[1..]
    } else {
        line
    }
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

    /// Every message of `bytes` as read through a buffer of `capacity` bytes.
    fn streamed(bytes: &[u8], capacity: usize, max: usize) -> Vec<Next> {
        let reader = std::io::BufReader::with_capacity(capacity, bytes);
        Messages::new(reader, max).map(|n| n.unwrap()).collect()
    }

    #[test]
    fn reading_through_a_small_buffer_gives_the_same_messages() {
        let whole = split(MBOX.as_bytes());
        for capacity in [1, 2, 3, 7, 64] {
            let parts = streamed(MBOX.as_bytes(), capacity, usize::MAX);
            assert_eq!(parts.len(), whole.len(), "buffer of {capacity}");
            for (p, w) in parts.iter().zip(&whole) {
                let Next::Message(p) = p else {
                    panic!("no limit, yet a message was too large")
                };
                assert_eq!(
                    (&p.key, &p.bytes),
                    (&w.key, &w.bytes),
                    "buffer of {capacity}"
                );
            }
        }
    }

    #[test]
    fn a_message_over_the_limit_is_counted_not_kept_and_the_next_one_still_comes() {
        let big = "word ".repeat(200);
        let text = format!(
            "From a Mon Jun  1 10:00:00 2026\nSubject: Small\n\nShort.\n\n\
             From b Mon Jun  1 11:00:00 2026\nSubject: Big\n\n{big}\n{big}\n\n\
             From c Mon Jun  1 12:00:00 2026\nMessage-ID: <c@x>\n\nAfter.\n"
        );
        let got = streamed(text.as_bytes(), 16, 300);
        assert_eq!(got.len(), 3);
        assert!(matches!(&got[0], Next::Message(m) if m.bytes.ends_with(b"Short.\n\n")));
        match &got[1] {
            Next::TooLarge { number, size } => {
                assert_eq!(*number, 2);
                assert!(*size > 2000, "{size}");
            }
            Next::Message(m) => panic!("kept {} bytes over the limit", m.bytes.len()),
        }
        assert!(matches!(&got[2], Next::Message(m) if m.key == "c@x"));
    }

    #[test]
    fn a_line_longer_than_the_limit_is_never_a_separator() {
        let long = format!("From x Mon Jun  1 10:00:00 2026 {}\n", "y".repeat(400));
        let text = format!(
            "From a Mon Jun  1 10:00:00 2026\nSubject: A\n\n{long}\nFrom b Mon Jun  1 11:00:00 2026\n\nB.\n"
        );
        let got = streamed(text.as_bytes(), 8, 300);
        assert_eq!(got.len(), 2, "the long line starts no message");
        assert!(matches!(&got[0], Next::TooLarge { number: 1, .. }));
        assert!(matches!(&got[1], Next::Message(m) if m.bytes == b"\nB.\n"));
    }

    #[test]
    fn text_before_the_first_separator_is_not_a_message() {
        assert!(split(b"Just text.\nFrom here on, more.\n").is_empty());
        let got = split(b"Preamble\n\nFrom a Mon Jun  1 10:00:00 2026\n\nBody\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].bytes, b"\nBody\n");
    }

    /// An mbox made of the lines that matter to the splitter: separators (with and without
    /// a time), blank lines, quoted `>From ` lines, text, CRLF endings, a last line without
    /// its newline.
    fn mbox_like() -> impl proptest::strategy::Strategy<Value = Vec<u8>> {
        use proptest::prelude::*;
        let line = prop_oneof![
            Just("From a@x Mon Jun  1 10:00:00 2026\n".to_string()),
            Just("From b@x Tue Jun  2 11:30:00 2026\r\n".to_string()),
            Just("From here on it rained.\n".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just(">From the harbour\n".to_string()),
            Just(">>From the quay\n".to_string()),
            Just("Message-ID: <m1@x>\n".to_string()),
            Just("Message-ID: <m2@x>\n".to_string()),
            Just("Subject: Note\n".to_string()),
            "[a-zA-Z ,.]{0,40}\n",
            "[a-z]{0,12}",
        ];
        proptest::collection::vec(line, 0..40).prop_map(|l| l.concat().into_bytes())
    }

    proptest::proptest! {
        #[test]
        fn any_buffer_size_gives_the_messages_of_the_whole(
            bytes in mbox_like(),
            capacity in 1usize..40,
        ) {
            let whole = split(&bytes);
            let parts = streamed(&bytes, capacity, usize::MAX);
            proptest::prop_assert_eq!(parts.len(), whole.len());
            for (p, w) in parts.iter().zip(&whole) {
                let Next::Message(p) = p else {
                    return Err(proptest::test_runner::TestCaseError::fail("too large without a limit"));
                };
                proptest::prop_assert_eq!(&p.key, &w.key);
                proptest::prop_assert_eq!(&p.bytes, &w.bytes);
            }
        }

        #[test]
        fn a_limit_keeps_the_messages_under_it_and_counts_the_others(
            bytes in mbox_like(),
            capacity in 1usize..40,
            limit in 40usize..400,
        ) {
            // No line is over the limit here (the longest piece is 41 bytes), so the limit
            // changes no separator: message by message, the same cut as without one.
            let whole = split(&bytes);
            let parts = streamed(&bytes, capacity, limit);
            proptest::prop_assert_eq!(parts.len(), whole.len());
            for (n, (p, w)) in parts.iter().zip(&whole).enumerate() {
                match p {
                    Next::Message(p) => {
                        proptest::prop_assert!(w.bytes.len() <= limit);
                        proptest::prop_assert_eq!(&p.bytes, &w.bytes);
                    }
                    Next::TooLarge { number, size } => {
                        proptest::prop_assert_eq!(*number, n + 1);
                        proptest::prop_assert_eq!(*size, w.bytes.len() as u64);
                        proptest::prop_assert!(w.bytes.len() > limit);
                    }
                }
            }
        }
    }
}
