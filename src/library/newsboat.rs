//! Reading newsboat's cache (`cache.db`): every `rss_item` with content is an article. Its
//! title, author, link and date are the item's, the feed's title is the outlet, and the item
//! is keyed by newsboat's own id for it. Whether newsboat has it as unread is carried along
//! to be shown; it is never changed. Which file is a cache, and where newsboat keeps it, is
//! the core's ([`crate::article::newsboat`]); reading it needs SQLite, which the core does
//! not have, so it is done here.
//!
//! The cache is opened strictly read-only and without locks (an SQLite URI with
//! `mode=ro&immutable=1`): newsboat can go on writing it while we read, and nothing we do
//! writes it, its journal or its folder. A read that meets the cache in the middle of a
//! write fails with SQLite's own words and is tried again at the next change. A cache whose
//! tables are not newsboat's is refused with the columns it lacks. A `cache.db` is read
//! only where it was named, never because a library folder holds one (`library::scan`).

use crate::article::hygiene::{self, one_line};
use crate::article::{Article, Format};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// One item of the cache, before its content is loaded.
#[derive(Debug)]
pub struct CacheItem {
    /// newsboat's id of the item.
    pub key: String,
    pub content: String,
    /// `text/plain` content is text, anything else HTML.
    pub format: Format,
    /// Title, byline, date, URL, outlet.
    pub meta: Article,
    /// Whether newsboat has the item as unread.
    pub unread: bool,
}

/// The columns read from `rss_item`.
const ITEM_COLUMNS: [&str; 10] = [
    "id", "guid", "title", "author", "url", "feedurl", "pubDate", "content", "unread", "deleted",
];

/// Every item of the cache with content, oldest id first. Items whose content is over
/// `max_bytes` are left out.
pub fn items(path: &Path, max_bytes: u64) -> Result<Vec<CacheItem>, hygiene::HygieneError> {
    let not =
        |why: String| hygiene::HygieneError::NotFormat(format!("not a newsboat cache ({why})"));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(uri(path), flags).map_err(|e| not(e.to_string()))?;
    // The file is input like any other. Defence in depth (we register no functions and
    // read two plain tables): schema-defined code is not trusted, defensive mode is on.
    conn.pragma_update(None, "trusted_schema", "OFF")
        .and_then(|_| {
            conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)
        })
        .map_err(|e| not(e.to_string()))?;
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('rss_item')")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(|e| not(e.to_string()))?;
    let missing: Vec<&str> = ITEM_COLUMNS
        .iter()
        .copied()
        .filter(|c| !columns.iter().any(|have| have.eq_ignore_ascii_case(c)))
        .collect();
    if !missing.is_empty() {
        return Err(not(if columns.is_empty() {
            "no rss_item table".into()
        } else {
            format!("rss_item has no {}", missing.join(", "))
        }));
    }
    let has_mime = columns.iter().any(|c| c == "content_mime_type");
    let feeds = conn
        .prepare("SELECT name FROM pragma_table_info('rss_feed')")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()
        })
        .map(|c| c.iter().any(|n| n == "rssurl") && c.iter().any(|n| n == "title"))
        .unwrap_or(false);
    let sql = format!(
        "SELECT i.id, i.title, i.author, i.url, i.pubDate, i.content, i.unread, {mime}, {feed} \
         FROM rss_item i {join} WHERE i.deleted = 0 AND length(i.content) > 0 ORDER BY i.id",
        mime = if has_mime {
            "i.content_mime_type"
        } else {
            "''"
        },
        feed = if feeds { "f.title" } else { "NULL" },
        join = if feeds {
            "LEFT JOIN rss_feed f ON f.rssurl = i.feedurl"
        } else {
            ""
        },
    );
    let read = |e: rusqlite::Error| not(format!("cannot read it: {e}"));
    let mut stmt = conn.prepare(&sql).map_err(read)?;
    let mut rows = stmt.query([]).map_err(read)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next().map_err(read)? {
        let text = |i: usize| -> String {
            match r.get_ref(i) {
                Ok(v) => match v {
                    rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                        String::from_utf8_lossy(t).into_owned()
                    }
                    rusqlite::types::ValueRef::Integer(n) => n.to_string(),
                    _ => String::new(),
                },
                Err(_) => String::new(),
            }
        };
        let content = text(5);
        if content.len() as u64 > max_bytes {
            continue;
        }
        let id: i64 = r.get(0).unwrap_or_default();
        let date = r
            .get::<_, i64>(4)
            .ok()
            .filter(|&t| t > 0)
            .and_then(rfc3339_utc);
        let url = one_line(&text(3), 4096);
        let author = one_line(&text(2), 300);
        let outlet = one_line(&text(8), 300);
        out.push(CacheItem {
            key: id.to_string(),
            format: if text(7).eq_ignore_ascii_case("text/plain") {
                Format::Text
            } else {
                Format::Html
            },
            content,
            meta: Article {
                title: one_line(&text(1), 1000),
                byline: (!author.is_empty() && !author.contains('@'))
                    .then_some(author)
                    .into_iter()
                    .collect(),
                date,
                url: (url.starts_with("http://") || url.starts_with("https://")).then_some(url),
                outlet: (!outlet.is_empty()).then_some(outlet),
                ..Article::default()
            },
            unread: r.get::<_, i64>(6).unwrap_or(0) != 0,
        });
    }
    Ok(out)
}

/// The read-only, lock-free URI of a file: `file:/path?mode=ro&immutable=1`, with the
/// characters a URI gives a meaning to percent-encoded.
fn uri(path: &Path) -> String {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = String::from("file:");
    for &b in abs.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push_str("?mode=ro&immutable=1");
    out
}

/// A Unix time as `2026-06-14T09:00:00Z`.
fn rfc3339_utc(t: i64) -> Option<String> {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (0..=9999).contains(&y).then(|| {
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_uris() {
        assert_eq!(rfc3339_utc(0).as_deref(), Some("1970-01-01T00:00:00Z"));
        assert_eq!(
            rfc3339_utc(1_781_427_600).as_deref(),
            Some("2026-06-14T09:00:00Z")
        );
        assert_eq!(
            uri(Path::new("/home/a b/#x?/cache.db")),
            "file:/home/a%20b/%23x%3F/cache.db?mode=ro&immutable=1"
        );
    }
}
