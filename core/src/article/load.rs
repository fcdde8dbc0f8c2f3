//! Reading one file from disk into an [`Article`](super::Article).

use super::{Format, LoadWarning, Loaded, hygiene};
use std::path::Path;

/// Default cap on the size of one article file.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Why a file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: file is {size} bytes, over the limit of {limit} bytes (limits.max_file_bytes)"
    )]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error(
        "{path}: message {number} is {size} bytes, over the limit of {limit} bytes (limits.max_file_bytes)"
    )]
    MessageTooLarge {
        path: String,
        number: usize,
        size: u64,
        limit: u64,
    },
    #[error("{path}: refused: {reason}")]
    Binary { path: String, reason: String },
    #[error(
        "{path}: not a supported article file (.txt, .md, .markdown, .html, .htm, .html.gz, .mhtml, .mht, .eml, .mbox, .rss, .atom, .xml, .epub, Maildir messages, newsboat's cache.db)"
    )]
    Unsupported { path: String },
}

/// The format of a path, from its extension (also when the rest of the name is not valid
/// UTF-8).
pub fn format_of(path: &Path) -> Option<Format> {
    if super::newsboat::is_cache(path) {
        return Some(Format::Newsboat);
    }
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    if name == "mbox" {
        return Some(Format::Mbox);
    }
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    let by_extension = by_extension(ext);
    if by_extension.is_none() && super::email::is_maildir_message(path) {
        return Some(Format::Email);
    }
    by_extension
}

/// How much of an `.xml` file is read to tell a feed from other XML.
const XML_HEAD_BYTES: u64 = 16 * 1024;

/// Whether a file met in a library folder is an article file: its name gives a format,
/// and an `.xml` file (a name feeds share with sitemaps, settings and office documents)
/// opens as a feed. A file that cannot be opened as a regular file counts as one, so that
/// loading it says why; one named directly is loaded whatever it is.
pub fn is_article_file(path: &Path) -> bool {
    if format_of(path).is_none() {
        return false;
    }
    let is_xml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
    if !is_xml {
        return true;
    }
    let Ok(file) = crate::safe_open::open_regular(path) else {
        return true;
    };
    let mut head = Vec::new();
    match std::io::Read::read_to_end(&mut std::io::Read::take(file, XML_HEAD_BYTES), &mut head) {
        Ok(_) => super::feed::opens_as_feed(&head),
        Err(_) => true,
    }
}

fn by_extension(ext: &str) -> Option<Format> {
    match ext {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "mhtml" | "mht" => Some(Format::Mhtml),
        "eml" => Some(Format::Email),
        "mbox" | "mbx" => Some(Format::Mbox),
        "rss" | "atom" | "xml" => Some(Format::Feed),
        "epub" => Some(Format::Epub),
        _ => None,
    }
}

/// The bytes of the regular file at `path` (`shown` in errors), refused when larger than
/// `max_bytes`. Opened without blocking and checked on the open handle: a FIFO or a device
/// (also one that replaced the file since it was listed) is refused, never waited on.
fn read_regular(path: &Path, shown: &str, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        path: shown.to_string(),
        source,
    };
    let file = crate::safe_open::open_regular(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.len() > max_bytes {
        return Err(LoadError::TooLarge {
            path: shown.to_string(),
            size: meta.len(),
            limit: max_bytes,
        });
    }
    read_capped(file, meta.len(), max_bytes).map_err(io)
}

/// Loads one file, refusing files larger than `max_bytes`.
pub fn load_file(path: &Path, max_bytes: u64) -> Result<Loaded, LoadError> {
    let shown = path.display().to_string();
    let format = format_of(path).ok_or_else(|| LoadError::Unsupported {
        path: shown.clone(),
    })?;
    let mut bytes = read_regular(path, &shown, max_bytes)?;
    let io = |source| LoadError::Io {
        path: shown.clone(),
        source,
    };
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
    {
        bytes = gunzip_capped(&bytes, max_bytes).map_err(io)?;
    }
    load_bytes(&bytes, format).map_err(|e| LoadError::Binary {
        path: shown,
        reason: e.to_string(),
    })
}

fn read_capped(file: std::fs::File, size: u64, max_bytes: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::with_capacity(size.min(max_bytes) as usize + 1);
    file.take(max_bytes + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > max_bytes {
        return Err(std::io::Error::other(format!(
            "file grew past the limit of {max_bytes} bytes while reading"
        )));
    }
    Ok(buf)
}

fn gunzip_capped(bytes: &[u8], max_bytes: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .take(max_bytes + 1)
        .read_to_end(&mut out)?;
    if out.len() as u64 > max_bytes {
        return Err(std::io::Error::other(format!(
            "decompressed size is over the limit of {max_bytes} bytes (limits.max_file_bytes)"
        )));
    }
    Ok(out)
}

/// Loads an article from bytes already read, in the given format.
pub fn load_bytes(bytes: &[u8], format: Format) -> Result<Loaded, hygiene::HygieneError> {
    if format == Format::Html {
        if let Some(kind) = hygiene::binary_page(bytes) {
            return Err(hygiene::HygieneError::Binary(kind));
        }
        return Ok(super::html::load(bytes));
    }
    if format == Format::Mhtml {
        return super::mhtml::load(bytes);
    }
    if format == Format::Email {
        return super::email::load(bytes);
    }
    if format.holds_many() {
        // One article: the first one ([`split_items`] gives them all).
        let first = split_items(bytes, format)?.into_iter().next();
        return match first {
            Some(item) => load_item(&item),
            None => Err(hygiene::HygieneError::NotFormat(
                "no article in the file (no message, or no feed item with content)".into(),
            )),
        };
    }
    let (text, mut warnings) = hygiene::decode(bytes)?;
    let article = match format {
        Format::Text => super::text::parse(&text),
        Format::Markdown => super::markdown::parse(&text, &mut warnings),
        Format::Html
        | Format::Mhtml
        | Format::Email
        | Format::Mbox
        | Format::Feed
        | Format::Epub
        | Format::Newsboat => unreachable!(),
    };
    if article.body.is_empty() {
        warnings.push(LoadWarning("the file has no article text".into()));
    }
    Ok(Loaded {
        article,
        format,
        warnings,
    })
}

/// One article of a file, before loading: its key inside the file (empty for the formats of
/// one article per file), its bytes and their format.
#[derive(Debug)]
pub struct RawItem<'a> {
    pub key: String,
    pub bytes: std::borrow::Cow<'a, [u8]>,
    pub format: Format,
    /// What the container says of the article (a feed item's title, author, date, link and
    /// feed title; a chapter's title in the book's contents); it wins over what its bytes
    /// say.
    pub meta: Option<Box<super::Article>>,
    /// What the container says of all its articles (a book's author and date): only for
    /// what the article's bytes leave out.
    pub fallback: Option<Box<super::Article>>,
    /// The format of the file the item came from, when it is not the item's own.
    pub container: Option<Format>,
    /// Whether the source has the article as read (newsboat's unread flag, inverted).
    pub read: Option<bool>,
}

impl RawItem<'_> {
    /// The item with its bytes owned.
    pub fn into_owned(self) -> RawItem<'static> {
        RawItem {
            key: self.key,
            bytes: std::borrow::Cow::Owned(self.bytes.into_owned()),
            format: self.format,
            meta: self.meta,
            fallback: self.fallback,
            container: self.container,
            read: self.read,
        }
    }

    /// A hash of everything the article is made from: it changes when the item does.
    pub fn hash(&self) -> [u8; 32] {
        let mut h = blake3::Hasher::new();
        h.update(&self.bytes);
        for (tag, a) in [(b"\0meta\0", &self.meta), (b"\0back\0", &self.fallback)] {
            if let Some(a) = a {
                h.update(tag);
                h.update(serde_json::to_string(a).unwrap_or_default().as_bytes());
            }
        }
        if let Some(read) = self.read {
            h.update(if read { b"\0read" } else { b"\0unread" });
        }
        *h.finalize().as_bytes()
    }
}

/// Loads one item of [`split_items`].
pub fn load_item(item: &RawItem<'_>) -> Result<Loaded, hygiene::HygieneError> {
    let mut loaded = load_bytes(&item.bytes, item.format)?;
    if let Some(meta) = &item.meta {
        let a = &mut loaded.article;
        if !meta.title.is_empty() {
            a.title = meta.title.clone();
        }
        if !meta.byline.is_empty() {
            a.byline = meta.byline.clone();
        }
        a.date = meta.date.clone().or(a.date.take());
        a.url = meta.url.clone().or(a.url.take());
        a.outlet = meta.outlet.clone().or(a.outlet.take());
    }
    if let Some(back) = &item.fallback {
        let a = &mut loaded.article;
        if a.byline.is_empty() {
            a.byline = back.byline.clone();
        }
        a.date = a.date.take().or(back.date.clone());
        a.outlet = a.outlet.take().or(back.outlet.clone());
    }
    if let Some(container) = item.container {
        loaded.format = container;
    }
    Ok(loaded)
}

/// The articles in a file's bytes, in file order: the messages of an mbox, the items with
/// content of a feed, else the whole file as one item with an empty key. Binary bytes are refused as a whole.
pub fn split_items(
    bytes: &[u8],
    format: Format,
) -> Result<Vec<RawItem<'_>>, hygiene::HygieneError> {
    split_items_capped(bytes, format, DEFAULT_MAX_BYTES)
}

/// [`split_items`], decompressing at most `max_bytes` (an EPUB is a zip archive).
pub fn split_items_capped(
    bytes: &[u8],
    format: Format,
    max_bytes: u64,
) -> Result<Vec<RawItem<'_>>, hygiene::HygieneError> {
    match format {
        Format::Newsboat => Err(read_in_place()),
        Format::Epub => Ok(super::epub::split(bytes, max_bytes)?
            .into_iter()
            .map(|c| RawItem {
                key: c.key,
                bytes: std::borrow::Cow::Owned(c.bytes),
                format: super::epub::CHAPTER_FORMAT,
                meta: Some(Box::new(c.meta)),
                fallback: Some(Box::new(c.fallback)),
                container: Some(Format::Epub),
                read: None,
            })
            .collect()),
        Format::Mbox => {
            if let Some(kind) = hygiene::binary_page(bytes) {
                return Err(hygiene::HygieneError::Binary(kind));
            }
            Ok(super::mbox::split(bytes)
                .into_iter()
                .map(mbox_item)
                .collect())
        }
        Format::Feed => Ok(super::feed::split(bytes)?
            .into_iter()
            .map(|f| RawItem {
                key: f.key,
                bytes: std::borrow::Cow::Owned(f.content.into_bytes()),
                format: f.format,
                meta: Some(Box::new(f.meta)),
                fallback: None,
                container: Some(Format::Feed),
                read: None,
            })
            .collect()),
        _ => Ok(vec![RawItem {
            key: String::new(),
            bytes: std::borrow::Cow::Borrowed(bytes),
            format,
            meta: None,
            fallback: None,
            container: None,
            read: None,
        }]),
    }
}

/// One message of an mbox as an item: an e-mail.
pub fn mbox_item(m: super::mbox::RawMessage) -> RawItem<'static> {
    RawItem {
        key: m.key,
        bytes: std::borrow::Cow::Owned(m.bytes),
        format: Format::Email,
        meta: None,
        fallback: None,
        container: None,
        read: None,
    }
}

/// An mbox opened to be read one message at a time ([`open_mbox`]).
pub type MboxMessages = super::mbox::Messages<
    std::io::BufReader<std::io::Chain<std::io::Cursor<Vec<u8>>, std::fs::File>>,
>;

/// Opens the mbox at `path` to read its messages one at a time, each of at most
/// `max_message` bytes, whatever the size of the file (an mbox of years of mail is read in
/// the memory of its largest message). Opened as [`load_file`] opens a file (never
/// blocking, regular files only); a binary file is refused from its first bytes.
pub fn open_mbox(path: &Path, max_message: u64) -> Result<MboxMessages, LoadError> {
    use std::io::Read;
    let shown = path.display().to_string();
    let io = |source| LoadError::Io {
        path: shown.clone(),
        source,
    };
    let mut file = crate::safe_open::open_regular(path).map_err(io)?;
    // What the binary check reads of a file.
    let mut head = Vec::with_capacity(hygiene::BINARY_HEAD_BYTES);
    (&mut file)
        .take(hygiene::BINARY_HEAD_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(io)?;
    if let Some(kind) = hygiene::binary_page(&head) {
        return Err(LoadError::Binary {
            path: shown,
            reason: hygiene::HygieneError::Binary(kind).to_string(),
        });
    }
    let reader = std::io::BufReader::with_capacity(
        1 << 16,
        std::io::Read::chain(std::io::Cursor::new(head), file),
    );
    let max = usize::try_from(max_message).unwrap_or(usize::MAX);
    Ok(super::mbox::Messages::new(reader, max))
}

/// Reads the items of a file that is read in place rather than as bytes, given its path,
/// format and size cap: newsboat's cache, an SQLite database, which the library reads
/// (`onrecord::library::sources::file_items`); `None` for a file read as bytes.
pub type InPlace<'a> =
    &'a dyn Fn(&Path, Format, u64) -> Option<Result<Vec<RawItem<'static>>, hygiene::HygieneError>>;

/// Why newsboat's cache is not read from bytes.
fn read_in_place() -> hygiene::HygieneError {
    hygiene::HygieneError::NotFormat(
        "a newsboat cache is read from its file, not from bytes".into(),
    )
}

/// Every article of one file, each with its key (see [`split_items`]) and how it loaded:
/// one message of an mbox that cannot be read does not stop the others.
pub type Items = Vec<(String, Result<Loaded, LoadError>)>;

/// Loads every article of one file (size cap and checks as [`load_file`]). newsboat's
/// cache, read in place, is refused: [`load_file_items_with`] is given its reader.
pub fn load_file_items(path: &Path, max_bytes: u64) -> Result<Items, LoadError> {
    load_file_items_with(path, max_bytes, &|_, _, _| None)
}

/// [`load_file_items`], `in_place` reading the files that are not read as bytes.
pub fn load_file_items_with(
    path: &Path,
    max_bytes: u64,
    in_place: InPlace<'_>,
) -> Result<Items, LoadError> {
    let mut items = Vec::new();
    each_file_item(path, max_bytes, in_place, &mut |key, loaded| {
        items.push((key, loaded));
        true
    })?;
    Ok(items)
}

/// Loads the articles of one file one at a time, giving each to `each` (with its key, as
/// [`load_file_items_with`] lists them) until it returns `false`. An mbox is read as a
/// stream: `max_bytes` caps each message, not the file, and memory holds one message.
/// An error for the whole file (unreadable, binary, over the limit) is returned; one for
/// an article goes to `each` (a message over the limit, with an empty key).
pub fn each_file_item(
    path: &Path,
    max_bytes: u64,
    in_place: InPlace<'_>,
    each: &mut dyn FnMut(String, Result<Loaded, LoadError>) -> bool,
) -> Result<(), LoadError> {
    let Some(format) = format_of(path).filter(|f| f.holds_many()) else {
        each(String::new(), Ok(load_file(path, max_bytes)?));
        return Ok(());
    };
    let shown = path.display().to_string();
    let refused = |shown: String, e: hygiene::HygieneError| LoadError::Binary {
        path: shown,
        reason: e.to_string(),
    };
    let load_one = |item: RawItem<'_>| {
        let at = format!("{shown}#{}", item.key);
        let loaded = load_item(&item).map_err(|e| refused(at, e));
        (item.key, loaded)
    };
    if format == Format::Mbox {
        for next in open_mbox(path, max_bytes)? {
            let (key, loaded) = match next {
                Ok(super::mbox::Next::Message(m)) => load_one(mbox_item(m)),
                Ok(super::mbox::Next::TooLarge { number, size }) => {
                    let e = LoadError::MessageTooLarge {
                        path: shown.clone(),
                        number,
                        size,
                        limit: max_bytes,
                    };
                    (String::new(), Err(e))
                }
                Err(source) => {
                    let e = LoadError::Io {
                        path: shown.clone(),
                        source,
                    };
                    each(String::new(), Err(e));
                    break;
                }
            };
            if !each(key, loaded) {
                break;
            }
        }
        return Ok(());
    }
    let items = match in_place(path, format, max_bytes) {
        Some(items) => items.map_err(|e| refused(shown.clone(), e))?,
        None if format == Format::Newsboat => return Err(refused(shown, read_in_place())),
        None => {
            let bytes = read_regular(path, &shown, max_bytes)?;
            let items = split_items_capped(&bytes, format, max_bytes)
                .map_err(|e| refused(shown.clone(), e))?;
            // The items borrow nothing of the bytes for these formats; owned, they outlive them.
            items.into_iter().map(RawItem::into_owned).collect()
        }
    };
    for item in items {
        let (key, loaded) = load_one(item);
        if !each(key, loaded) {
            break;
        }
    }
    Ok(())
}

/// How a command names one article of a file: `PATH#KEY`, or the path alone for a file of
/// one article.
pub fn item_name(path: &Path, key: &str) -> String {
    if key.is_empty() {
        path.display().to_string()
    } else {
        format!("{}#{key}", path.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(format_of(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(format_of(Path::new("b.md")), Some(Format::Markdown));
        assert_eq!(format_of(Path::new("b.html.gz")), Some(Format::Html));
        assert_eq!(format_of(Path::new("b.pdf")), None);
        assert_eq!(format_of(Path::new("page.MHTML")), Some(Format::Mhtml));
        assert_eq!(format_of(Path::new("page.mht")), Some(Format::Mhtml));
        assert_eq!(format_of(Path::new("letter.eml")), Some(Format::Email));
        assert_eq!(
            format_of(Path::new("Mail/cur/1733500000.M1P2.host:2,S")),
            Some(Format::Email)
        );
        assert_eq!(format_of(Path::new("Mail/mbox")), Some(Format::Mbox));
        assert_eq!(format_of(Path::new("list.MBOX")), Some(Format::Mbox));
        // An article file keeps its format in a folder named like a Maildir's.
        assert_eq!(format_of(Path::new("news/new/1.txt")), Some(Format::Text));
        assert_eq!(format_of(Path::new("README")), None);
    }
}
