//! E-mail messages (`.eml` files, and the files of a Maildir's `cur/` and `new/` folders):
//! newsletters and articles sent by mail.
//!
//! The `Subject` is the title, the name in `From` the byline (never the address), `Date`
//! the date, and the name in `List-Id` (else in `Sender`, else in `From`) the outlet. The
//! HTML body goes through the HTML path ([`super::html`]) and a text-only body through the
//! text path ([`super::text`]); either way the newsletter's own furniture — "view in
//! browser" lines, unsubscribe and preference links, "you are receiving this" footers,
//! forward-to-a-friend and address-book prompts, and everything under such a footer — is
//! set aside in [`Article::extra`](super::Article::extra), never read as body text.

use super::{Article, Format, LoadWarning, Loaded, PARAGRAPH_BREAK, hygiene};
use mail_parser::{Address, HeaderValue, Message, MessageParser, PartType};

/// Loads one e-mail message from the file's bytes.
pub fn load(bytes: &[u8]) -> Result<Loaded, hygiene::HygieneError> {
    if let Some(kind) = hygiene::binary_page(bytes) {
        return Err(hygiene::HygieneError::Binary(kind));
    }
    let message = MessageParser::default()
        .parse(bytes)
        .filter(|m| m.subject().is_some() || m.from().is_some() || m.date().is_some())
        .ok_or_else(|| {
            hygiene::HygieneError::NotFormat(
                "not an e-mail message (no Subject, From or Date header)".into(),
            )
        })?;
    let mut warnings = Vec::new();
    let subject = message
        .subject()
        .map(|s| hygiene::one_line(s, 1000))
        .filter(|s| !s.is_empty());
    let mut article = body_article(&message, subject.as_deref(), &mut warnings);
    if let Some(subject) = subject {
        article.title = subject;
    }
    let from = name_of(message.from());
    if article.byline.is_empty()
        && let Some(name) = &from
    {
        article.byline = vec![name.clone()];
    }
    if let Some(date) = message.date() {
        article.date = Some(date.to_rfc3339());
    }
    article.outlet = list_name(message.list_id())
        .or_else(|| name_of(message.sender()))
        .or(from);
    drop_furniture(&mut article);
    if article.body.is_empty() {
        warnings.push(LoadWarning("the message has no article text".into()));
    }
    Ok(Loaded {
        article,
        format: Format::Email,
        warnings,
    })
}

/// The article in the message's body: its first HTML body, else its first text body.
/// (The MIME parser also lists a text-only message's text part among its HTML bodies, so
/// the part's own type decides.)
fn body_article(
    message: &Message<'_>,
    subject: Option<&str>,
    warnings: &mut Vec<LoadWarning>,
) -> Article {
    let subject = subject.map(normalize).unwrap_or_default();
    let html = message.html_bodies().find_map(|p| match &p.body {
        PartType::Html(html) => Some(html),
        _ => None,
    });
    if let Some(html) = html {
        let loaded = super::html::load_text(html.to_string(), Vec::new());
        warnings.extend(
            loaded
                .warnings
                .into_iter()
                .filter(|w| !w.0.contains("no readable text")),
        );
        // A newsletter's <title> is its name or its subject, not body text; the subject
        // repeated as a heading at the top leaves the body.
        let mut article = loaded.article;
        article.title.clear();
        let mut paragraphs: Vec<&str> = article.body.split(PARAGRAPH_BREAK).collect();
        if let Some(i) = paragraphs
            .iter()
            .take(5)
            .position(|p| !subject.is_empty() && normalize(p) == subject)
        {
            paragraphs.remove(i);
        }
        let paragraphs: Vec<String> = paragraphs.into_iter().map(str::to_string).collect();
        article.set_paragraphs(paragraphs);
        return article;
    }
    let text = message.text_bodies().find_map(|p| match &p.body {
        PartType::Text(text) => Some(text),
        _ => None,
    });
    if let Some(text) = text {
        let text = hygiene::clean(&without_signature(text));
        let mut article = super::text::parse(&text);
        // A headline the text opened with that is not the subject stays body text.
        let headline = std::mem::take(&mut article.title);
        if !headline.is_empty() && normalize(&headline) != subject {
            article.body = if article.body.is_empty() {
                headline
            } else {
                format!("{headline}{PARAGRAPH_BREAK}{}", article.body)
            };
        }
        return article;
    }
    Article::default()
}

/// The text before a signature delimiter (`-- ` on a line of its own).
fn without_signature(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "-- " {
            break;
        }
        out.push_str(line);
    }
    out
}

/// The display name of the first address, cleaned: never the address itself.
fn name_of(address: Option<&Address<'_>>) -> Option<String> {
    let name = address?.first()?.name()?;
    let name = hygiene::one_line(name.trim_matches(['"', '\'']), 200);
    (!name.is_empty() && !name.contains('@')).then_some(name)
}

/// The phrase of a `List-Id` (`Harbour Weekly <weekly.harbour.example>`).
fn list_name(value: &HeaderValue<'_>) -> Option<String> {
    match value {
        HeaderValue::Address(a) => name_of(Some(a)),
        HeaderValue::Text(t) => {
            let phrase = t.split('<').next().unwrap_or("");
            let phrase = hygiene::one_line(phrase.trim_matches([' ', '"']), 200);
            (!phrase.is_empty() && !phrase.contains('@')).then_some(phrase)
        }
        _ => None,
    }
}

/// Words of a newsletter's own furniture, in lowercase.
const FURNITURE: &[&str] = &[
    "view in browser",
    "view in your browser",
    "view this email in your browser",
    "view this email online",
    "view online",
    "view it online",
    "trouble viewing this email",
    "having trouble reading this email",
    "unsubscribe",
    "update your preferences",
    "manage your preferences",
    "manage your subscription",
    "email preferences",
    "you are receiving this",
    "you're receiving this",
    "you received this email",
    "you are subscribed to",
    "was this email forwarded to you",
    "forward to a friend",
    "forward this email",
    "add us to your address book",
    "our mailing address is",
];

/// Footer words: a paragraph with one of these in the last part of the message ends the
/// article; everything from it on is the footer.
const FOOTER: &[&str] = &[
    "unsubscribe",
    "you are receiving this",
    "you're receiving this",
    "you received this email",
    "you are subscribed to",
    "our mailing address is",
];

/// A paragraph longer than this is article text, whatever words it has.
const MAX_FURNITURE_CHARS: usize = 400;

/// Moves the newsletter's furniture out of the body into `extra`.
fn drop_furniture(article: &mut Article) {
    let paragraphs: Vec<String> = article
        .body
        .split(PARAGRAPH_BREAK)
        .map(str::to_string)
        .collect();
    let n = paragraphs.len();
    let is = |p: &str, words: &[&str]| {
        p.chars().count() <= MAX_FURNITURE_CHARS && {
            let lower = p.to_lowercase();
            words.iter().any(|w| lower.contains(w))
        }
    };
    // The footer starts at the first footer paragraph in the last third of the message.
    let footer = (n - n / 3..n)
        .find(|&i| is(&paragraphs[i], FOOTER))
        .unwrap_or(n);
    let mut kept = Vec::with_capacity(n);
    for (i, p) in paragraphs.into_iter().enumerate() {
        if i >= footer || is(&p, FURNITURE) {
            article.extra.push(p);
        } else {
            kept.push(p);
        }
    }
    article.set_paragraphs(kept);
}

fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a file with no article extension is a message in a Maildir: its folder is
/// `cur` or `new`, and its name is a Maildir unique name (`1733500000.M1P2.host`, maybe
/// with `:2,FLAGS`), which starts with the delivery time in digits and a dot.
pub fn is_maildir_message(path: &std::path::Path) -> bool {
    let folder_ok = path
        .parent()
        .and_then(|p| p.file_name())
        .is_some_and(|f| f == "cur" || f == "new");
    let Some(name) = path.file_name().map(|n| n.as_encoded_bytes()) else {
        return false;
    };
    let digits = name.iter().take_while(|b| b.is_ascii_digit()).count();
    folder_ok && digits > 0 && name.get(digits) == Some(&b'.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn maildir_names() {
        assert!(is_maildir_message(Path::new(
            "m/cur/1733500000.M1P2Q3.host:2,S"
        )));
        assert!(is_maildir_message(Path::new("m/new/1733500000.M1P2.host")));
        assert!(!is_maildir_message(Path::new("m/tmp/1733500000.M1P2.host")));
        assert!(!is_maildir_message(Path::new("m/cur/notes")));
        assert!(!is_maildir_message(Path::new("m/cur/.1733500000.x")));
        assert!(!is_maildir_message(Path::new("m/other/1733500000.x")));
    }

    #[test]
    fn furniture_leaves_the_body() {
        let mut a = Article::default();
        a.set_paragraphs([
            "View this email in your browser",
            "The harbour board met on Monday. \u{201C}We are ready,\u{201D} the chair said.",
            "Forward to a friend",
            "The ferry timetable changes in June.",
            "More news tomorrow.",
            "You are receiving this because you signed up at harbour.example.",
            "Harbour Weekly, 1 Quay Street",
        ]);
        drop_furniture(&mut a);
        assert_eq!(
            a.body,
            "The harbour board met on Monday. \u{201C}We are ready,\u{201D} the chair said.\
             \n\nThe ferry timetable changes in June.\n\nMore news tomorrow."
        );
        assert_eq!(a.extra.len(), 4, "{:?}", a.extra);
    }

    #[test]
    fn a_signature_ends_the_text() {
        assert_eq!(
            without_signature("Body.\r\n-- \r\nJo\r\n"),
            "Body.\r\n".to_string()
        );
        assert_eq!(without_signature("a -- b\n"), "a -- b\n");
    }
}
