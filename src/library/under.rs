//! Speakers and quotes of the articles under some folders, answered in SQL: what a reader
//! opened on folders, and `speakers`/`quotes --library`, show.
//!
//! Paths are stored as their exact bytes, so the articles under a folder `/a/b` are one
//! range of the `articles.path` index: from `/a/b/` up to (not including) `/a/b0` (`0`
//! is the byte after `/`), plus `/a/b` itself when a file was given.

use super::sqlite::SqliteStore;
use super::{QuoteHit, QuotePage, SpeakerSummary, db};
use rusqlite::OptionalExtension;
use rusqlite::types::Value;
use std::path::PathBuf;

/// An SQL condition on the path column `col` that keeps the paths under one of `roots`,
/// with its parameters appended to `params`. No roots: a condition nothing meets.
pub fn paths_under(col: &str, roots: &[PathBuf], params: &mut Vec<Value>) -> String {
    let mut parts = Vec::new();
    for r in roots {
        let exact = db::path_key(r);
        let mut low = exact.clone();
        if low.last() != Some(&b'/') {
            low.push(b'/');
        }
        let mut high = low.clone();
        if let Some(last) = high.last_mut() {
            *last = b'/' + 1;
        }
        parts.push(format!("({col} = ? OR ({col} >= ? AND {col} < ?))"));
        params.push(Value::Blob(exact));
        params.push(Value::Blob(low));
        params.push(Value::Blob(high));
    }
    if parts.is_empty() {
        "0".to_string()
    } else {
        format!("({})", parts.join(" OR "))
    }
}

impl SqliteStore {
    /// Every speaker of the articles under `roots`, counted in those articles only, most
    /// quotes first.
    pub fn speakers_in(&self, roots: &[PathBuf]) -> anyhow::Result<Vec<SpeakerSummary>> {
        self.with(|ix| {
            let mut params = Vec::new();
            let cond = paths_under("a.path", roots, &mut params);
            let sql = format!(
                "SELECT s.name, s.kind, c.n, c.arts FROM \
                 (SELECT q.speaker_key k, count(*) n, count(DISTINCT q.article_id) arts \
                  FROM quotes q JOIN articles a ON a.id = q.article_id \
                  WHERE q.speaker_key IS NOT NULL AND {cond} GROUP BY q.speaker_key) c \
                 JOIN speakers s ON s.key = c.k ORDER BY c.n DESC, s.name"
            );
            let mut stmt = ix.conn().prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
                Ok(SpeakerSummary {
                    name: r.get(0)?,
                    kind: db::speaker_kind_from(&r.get::<_, String>(1)?),
                    quotes: r.get::<_, i64>(2)? as usize,
                    articles: r.get::<_, i64>(3)? as usize,
                })
            })?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// A page of the quotes of the speaker with this key in the articles under `roots`, in
    /// library order (see [`super::Store::quotes_page`]); `total` counts those articles only.
    pub fn quotes_page_in(
        &self,
        key: &str,
        roots: &[PathBuf],
        after: Option<&QuoteHit>,
        limit: usize,
    ) -> anyhow::Result<QuotePage> {
        self.with(|ix| {
            let name: String = ix
                .conn()
                .prepare_cached("SELECT name FROM speakers WHERE key = ?")?
                .query_row([key], |r| r.get(0))
                .optional()?
                .unwrap_or_else(|| key.to_string());
            let mut params = vec![Value::Text(key.to_string())];
            let cond = paths_under("a.path", roots, &mut params);
            let total: i64 = ix.conn().query_row(
                &format!(
                    "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id \
                     WHERE q.speaker_key = ? AND {cond}"
                ),
                rusqlite::params_from_iter(params.iter()),
                |r| r.get(0),
            )?;
            let (date, article, start) = match after {
                Some(h) => {
                    let (d, a, s) = h.order_key();
                    (d.to_string(), a, s as i64)
                }
                None => (String::new(), -1, -1),
            };
            params.extend([
                Value::Text(date),
                Value::Integer(article),
                Value::Integer(start),
                Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)),
            ]);
            let sql = format!(
                "SELECT q.article_id, a.path, a.title, a.date, q.idx, q.kind, q.text, \
                 q.start, q.end, q.cstart, q.cend, a.item \
                 FROM quotes q JOIN articles a ON a.id = q.article_id \
                 WHERE q.speaker_key = ? AND {cond} AND (q.adate, q.article_id, q.start) > (?, ?, ?) \
                 ORDER BY q.adate, q.article_id, q.start LIMIT ?"
            );
            let mut stmt = ix.conn().prepare(&sql)?;
            let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
                super::sqlite::hit_from_row(r, &name)
            })?;
            let hits: Vec<QuoteHit> = rows.collect::<Result<_, _>>()?;
            Ok(QuotePage {
                total: (total.max(0) as usize).max(hits.len()),
                hits,
            })
        })
    }
}
