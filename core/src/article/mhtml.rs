//! Web pages saved as one MIME file (`.mhtml`, `.mht`), as Chrome, Edge and older browsers
//! save them: a `multipart/related` message whose root part is the page's HTML and whose
//! other parts are its images and styles.
//!
//! The root part is the one the `start` parameter names by its `Content-ID`, else the first
//! `text/html` part. Its transfer encoding (quoted-printable or base64) is undone here; a
//! charset on its `Content-Type` decides the encoding, and without one the page's own
//! `<meta charset>` does, as for any saved page. From there it is the HTML path
//! ([`super::html`]). The message's `Subject` is the title when the page has none, and
//! `Snapshot-Content-Location` (or the part's `Content-Location`) the source URL when the
//! page names none. The message's `Date` is when the page was saved, not published, so it
//! is not used.

use super::hygiene::one_line;
use super::{Format, Loaded, hygiene};
use mail_parser::{Encoding, Message, MessageParser, MessagePart, MimeHeaders, PartType};

/// Loads a saved MHTML page from the file's bytes.
pub fn load(bytes: &[u8]) -> Result<Loaded, hygiene::HygieneError> {
    if let Some(kind) = hygiene::binary_page(bytes) {
        return Err(hygiene::HygieneError::Binary(kind));
    }
    let Some(message) = MessageParser::default().parse(bytes) else {
        return Err(hygiene::HygieneError::NotFormat(
            "not an MHTML page (no MIME headers)".into(),
        ));
    };
    let Some(part) = root_html_part(&message) else {
        return Err(hygiene::HygieneError::NotFormat(
            "not an MHTML page (no text/html part)".into(),
        ));
    };
    let mut loaded = match page_text(bytes, part)? {
        Page::Text(text) => super::html::load_text(text, Vec::new()),
        Page::Bytes(raw) => super::html::load(&raw),
    };
    let article = &mut loaded.article;
    if article.title.is_empty()
        && let Some(subject) = message.subject()
    {
        article.title = one_line(subject, 1000);
    }
    if article.url.is_none() {
        let location = message
            .header_raw("Snapshot-Content-Location")
            .or_else(|| part.content_location())
            .map(str::trim)
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        article.url = location.map(|u| one_line(u, 4096));
    }
    loaded.format = Format::Mhtml;
    Ok(loaded)
}

/// The page's HTML as found in its part.
enum Page {
    /// Decoded with the charset the part's header names.
    Text(String),
    /// No charset named: the bytes, for the HTML path to read `<meta charset>` in.
    Bytes(Vec<u8>),
}

/// The root `text/html` part: the one `start` names, else the first HTML part.
fn root_html_part<'a>(message: &'a Message<'a>) -> Option<&'a MessagePart<'a>> {
    let is_html = |p: &MessagePart<'_>| matches!(p.body, PartType::Html(_));
    let start = message
        .content_type()
        .and_then(|ct| ct.attribute("start"))
        .map(bare_id);
    if let Some(start) = start
        && let Some(p) = message
            .parts
            .iter()
            .find(|p| is_html(p) && p.content_id().map(bare_id) == Some(start))
    {
        return Some(p);
    }
    message.parts.iter().find(|p| is_html(p))
}

/// A Content-ID without its angle brackets.
fn bare_id(id: &str) -> &str {
    id.trim().trim_start_matches('<').trim_end_matches('>')
}

/// Undoes the part's transfer encoding and, when its header names a charset, decodes it.
fn page_text(raw: &[u8], part: &MessagePart<'_>) -> Result<Page, hygiene::HygieneError> {
    let start = (part.raw_body_offset() as usize).min(raw.len());
    let end = (part.raw_end_offset() as usize).clamp(start, raw.len());
    let body = &raw[start..end];
    let decoded = match part.encoding {
        Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(body)
        }
        Encoding::Base64 => mail_parser::decoders::base64::base64_decode(body),
        Encoding::None => Some(body.to_vec()),
    };
    let label = part
        .content_type()
        .and_then(|ct| ct.attribute("charset"))
        .and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()));
    let Some(bytes) = decoded else {
        // Malformed transfer encoding: the MIME parser's own lenient reading of it.
        let PartType::Html(text) = &part.body else {
            unreachable!("root_html_part returns HTML parts only")
        };
        return Ok(Page::Text(text.to_string()));
    };
    if let Some(kind) = hygiene::binary_page(&bytes) {
        return Err(hygiene::HygieneError::Binary(format!(
            "the page's HTML part is {kind}"
        )));
    }
    Ok(match label {
        // A byte order mark wins over the header, as browsers have it.
        Some(enc) if encoding_rs::Encoding::for_bom(&bytes).is_none() => {
            Page::Text(enc.decode_without_bom_handling(&bytes).0.into_owned())
        }
        _ => Page::Bytes(bytes),
    })
}
