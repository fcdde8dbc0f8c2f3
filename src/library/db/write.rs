//! The indexer's side of the index: what it knows of each file (to tell what changed), the
//! batches it writes records in, removals, the library-wide speaker alias rule, and reading
//! state.

use super::prepare::Prepared;
use super::{Flag, Index, IndexedFile, Record, path_from_key, path_key};
use crate::library::speaker;
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

impl Index {
    /// Every indexed file with what is needed to tell whether it changed.
    /// Reads the whole `articles` table; releases the page cache it filled afterwards.
    pub fn known(&self) -> anyhow::Result<HashMap<PathBuf, IndexedFile>> {
        let out = self.known_rows();
        self.release_memory();
        out
    }

    fn known_rows(&self) -> anyhow::Result<HashMap<PathBuf, IndexedFile>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, id, size, mtime, hash, extractor, item FROM articles")?;
        let mut out: HashMap<PathBuf, IndexedFile> = HashMap::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let path: Vec<u8> = r.get(0)?;
            let hash: Vec<u8> = r.get(4)?;
            let mut h = [0u8; 32];
            if hash.len() == 32 {
                h.copy_from_slice(&hash);
            }
            let extractor = r.get::<_, i64>(5)? as u32;
            let item: String = r.get(6)?;
            let known = out
                .entry(path_from_key(&path))
                .or_insert_with(|| IndexedFile {
                    id: r.get(1).unwrap_or_default(),
                    size: r.get(2).unwrap_or_default(),
                    mtime: r.get(3).unwrap_or_default(),
                    hash: h,
                    extractor,
                    items: HashMap::new(),
                });
            // The file counts as analysed by the oldest extractor of its items.
            known.extractor = known.extractor.min(extractor);
            if !item.is_empty() {
                known.items.insert(item, (h, extractor));
            }
        }
        Ok(out)
    }

    /// Files that failed to load, with the size and mtime they had then and the message.
    pub fn known_failures(&self) -> anyhow::Result<HashMap<PathBuf, (i64, i64, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path, size, mtime, message FROM failures")?;
        let mut out = HashMap::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let path: Vec<u8> = r.get(0)?;
            out.insert(path_from_key(&path), (r.get(1)?, r.get(2)?, r.get(3)?));
        }
        Ok(out)
    }

    /// Starts a transaction that records are written into one at a time as they arrive, so
    /// a bulk run never holds more than the records in flight (see [`Batch`]).
    pub fn begin_batch(&self) -> anyhow::Result<Batch<'_>> {
        // `new_unchecked` borrows the connection shared; a connection runs one transaction at
        // a time and SQLite refuses a nested BEGIN, so this cannot interleave unnoticed.
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('aliases_pending', '1')",
        )?
        .execute([])?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Ok(Batch {
            tx,
            now,
            fts_rows: Vec::new(),
            written: 0,
        })
    }
    /// Removes files (and everything under them, for folders) from the index.
    pub fn remove_paths(&mut self, paths: &[PathBuf]) -> anyhow::Result<usize> {
        if paths.is_empty() {
            return Ok(0);
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('aliases_pending', '1')",
        )?
        .execute([])?;
        let mut n = 0;
        for p in paths {
            let key = path_key(p);
            if remove_article(&tx, &key)? {
                n += 1;
            }
            tx.prepare_cached("DELETE FROM failures WHERE path = ?")?
                .execute([&key])?;
        }
        tx.commit()?;
        Ok(n)
    }

    /// Applies the library-wide alias rule (see [`speaker`]): one-word speakers join the one
    /// full name the library's evidence points to, and leave it when the evidence is gone.
    /// Recounts the speakers it moves quotes between.
    pub fn resolve_aliases(&mut self) -> anyhow::Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Every speaker key by its shorter forms ("merkel" -> {"angela merkel"}).
        let mut by_suffix: HashMap<String, BTreeSet<String>> = HashMap::new();
        {
            let mut stmt = tx.prepare("SELECT key FROM speakers WHERE key LIKE '% %'")?;
            let keys = stmt.query_map([], |r| r.get::<_, String>(0))?;
            for k in keys {
                let k = k?;
                for suffix in speaker::suffixes(&k) {
                    by_suffix
                        .entry(suffix.to_string())
                        .or_default()
                        .insert(k.clone());
                }
            }
        }
        let mut evidence: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        {
            let mut stmt = tx.prepare("SELECT DISTINCT alias_key, full_key FROM aliases")?;
            let rows =
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
            for row in rows {
                let (a, f) = row?;
                evidence.entry(a).or_default().insert(f);
            }
        }
        // A short form goes to a full name when some article says it is that person's alias,
        // no article says it is someone else's, and no other speaker's name ends with it.
        let mut target: HashMap<String, String> = HashMap::new();
        for (alias, fulls) in &evidence {
            if fulls.len() != 1 {
                continue;
            }
            let full = fulls.iter().next().cloned().unwrap_or_default();
            let others = by_suffix
                .get(alias)
                .map(|s| s.iter().any(|k| *k != full))
                .unwrap_or(false);
            if !others {
                target.insert(alias.clone(), full);
            }
        }
        let mut touched: BTreeSet<String> = BTreeSet::new();
        // Quotes currently moved whose move is no longer supported go back.
        {
            let mut stmt = tx.prepare(
                "SELECT DISTINCT local_key, speaker_key FROM quotes \
                 WHERE speaker_key <> local_key",
            )?;
            let moved: Vec<(String, String)> = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            for (local, now) in moved {
                if target.get(&local) != Some(&now) {
                    tx.execute(
                        "UPDATE quotes SET speaker_key = local_key \
                         WHERE local_key = ? AND speaker_key = ?",
                        params![local, now],
                    )?;
                    touched.insert(local);
                    touched.insert(now);
                }
            }
        }
        for (alias, full) in &target {
            let n = tx.execute(
                "UPDATE quotes SET speaker_key = ?1 WHERE speaker_key = ?2 AND local_key = ?2",
                params![full, alias],
            )?;
            if n > 0 {
                touched.insert(alias.clone());
                touched.insert(full.clone());
            }
        }
        for key in &touched {
            recount_speaker(&tx, key)?;
        }
        tx.execute("DELETE FROM meta WHERE key = 'aliases_pending'", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Whether a run wrote articles without resolving aliases afterwards (it was cancelled
    /// or killed): the next run resolves them even when no file changed.
    pub fn aliases_pending(&self) -> anyhow::Result<bool> {
        let v: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'aliases_pending'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(v.as_deref() == Some("1"))
    }

    /// Marks an article read or unread.
    pub fn set_flag(&self, id: i64, column: Flag, value: bool) -> anyhow::Result<()> {
        let sql = match column {
            Flag::Read => "UPDATE articles SET read = ? WHERE id = ?",
            Flag::Starred => "UPDATE articles SET starred = ? WHERE id = ?",
        };
        let n = self.conn.execute(sql, params![value as i64, id])?;
        if n == 0 {
            anyhow::bail!("no article with id {id}");
        }
        Ok(())
    }
}

/// An open write transaction of the indexer. Dropping it without [`Batch::commit`] rolls
/// everything in it back.
pub struct Batch<'a> {
    tx: rusqlite::Transaction<'a>,
    now: i64,
    /// Full-text rows go in at commit, together: see migration v3.
    fts_rows: Vec<(i64, String, String)>,
    written: usize,
}

impl Batch<'_> {
    /// Writes one file's result.
    pub fn write(&mut self, rec: Record) -> anyhow::Result<()> {
        let tx = &self.tx;
        match rec {
            Record::Touched { path, size, mtime } => {
                tx.prepare_cached("UPDATE articles SET size = ?, mtime = ? WHERE path = ?")?
                    .execute(params![size, mtime, path_key(&path)])?;
            }
            Record::Failed {
                path,
                size,
                mtime,
                message,
            } => {
                remove_article(tx, &path_key(&path))?;
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO failures(path, size, mtime, message) VALUES (?,?,?,?)",
                )?
                .execute(params![path_key(&path), size, mtime, message])?;
            }
            Record::Indexed {
                path,
                item,
                size,
                mtime,
                hash,
                extractor,
                prepared,
            } => {
                let at = Stored {
                    path: &path,
                    item: &item,
                    size,
                    mtime,
                    hash: &hash,
                    extractor,
                };
                let id = write_article(tx, &at, &prepared, self.now)?;
                let Prepared { title, body, .. } = *prepared;
                self.fts_rows.push((id, title, body));
            }
            Record::Part { records } => {
                for r in records {
                    self.write(r)?;
                }
            }
            Record::Items {
                path,
                records,
                keep,
            } => {
                for r in records {
                    self.write(r)?;
                }
                remove_items_except(&self.tx, &path_key(&path), Some(&keep))?;
                self.tx
                    .prepare_cached("DELETE FROM failures WHERE path = ?")?
                    .execute([path_key(&path)])?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Records written so far.
    pub fn len(&self) -> usize {
        self.written
    }

    /// Whether nothing was written yet.
    pub fn is_empty(&self) -> bool {
        self.written == 0
    }

    /// Adds the full-text rows and commits.
    pub fn commit(self) -> anyhow::Result<()> {
        {
            let mut insert_fts = self
                .tx
                .prepare_cached("INSERT INTO fts(rowid, title, body) VALUES (?,?,?)")?;
            for (id, title, body) in &self.fts_rows {
                insert_fts.execute(params![id, title, body])?;
            }
        }
        self.tx.commit()?;
        Ok(())
    }
}

/// Removes a file's articles (all its items) and their rows; keeps speaker counts right.
/// Returns whether it had any.
fn remove_article(tx: &Connection, path: &[u8]) -> anyhow::Result<bool> {
    Ok(remove_items_except(tx, path, None)? > 0)
}

/// Removes the articles of a file whose item key is not in `keep` (all, for `None`);
/// returns how many.
fn remove_items_except(
    tx: &Connection,
    path: &[u8],
    keep: Option<&std::collections::HashSet<String>>,
) -> anyhow::Result<usize> {
    let rows: Vec<(i64, String)> = tx
        .prepare_cached("SELECT id, item FROM articles WHERE path = ?")?
        .query_map([path], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    let mut n = 0;
    for (id, item) in rows {
        if keep.is_some_and(|k| k.contains(&item)) {
            continue;
        }
        clear_article_rows(tx, id)?;
        tx.prepare_cached("DELETE FROM docs WHERE id = ?")?
            .execute([id])?;
        tx.prepare_cached("DELETE FROM articles WHERE id = ?")?
            .execute([id])?;
        n += 1;
    }
    Ok(n)
}

/// Where an article is stored and what it was read from.
struct Stored<'a> {
    path: &'a Path,
    item: &'a str,
    size: i64,
    mtime: i64,
    hash: &'a [u8; 32],
    extractor: u32,
}

/// Deletes an article's quotes, entities and aliases, subtracting its quotes from speakers.
fn clear_article_rows(tx: &Connection, id: i64) -> anyhow::Result<()> {
    let counts: Vec<(String, i64)> = tx
        .prepare_cached(
            "SELECT speaker_key, count(*) FROM quotes \
             WHERE article_id = ? AND speaker_key IS NOT NULL GROUP BY speaker_key",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<Result<_, _>>()?;
    for (key, n) in counts {
        tx.prepare_cached(
            "UPDATE speakers SET quotes = quotes - ?, articles = articles - 1 WHERE key = ?",
        )?
        .execute(params![n, key])?;
    }
    tx.prepare_cached("DELETE FROM speakers WHERE quotes <= 0")?
        .execute([])?;
    tx.prepare_cached("DELETE FROM quotes WHERE article_id = ?")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM entities WHERE article_id = ?")?
        .execute([id])?;
    tx.prepare_cached("DELETE FROM aliases WHERE article_id = ?")?
        .execute([id])?;
    Ok(())
}

/// Recounts one speaker from its quotes (after quotes moved between keys).
fn recount_speaker(tx: &Connection, key: &str) -> anyhow::Result<()> {
    let (quotes, articles): (i64, i64) = tx.query_row(
        "SELECT count(*), count(DISTINCT article_id) FROM quotes WHERE speaker_key = ?",
        [key],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    if quotes == 0 {
        tx.execute("DELETE FROM speakers WHERE key = ?", [key])?;
        return Ok(());
    }
    let names: Vec<(String, String, i64)> = tx
        .prepare(
            "SELECT speaker, speaker_kind, count(*) c FROM quotes WHERE speaker_key = ? \
             AND speaker IS NOT NULL GROUP BY speaker, speaker_kind ORDER BY c DESC",
        )?
        .query_map([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let exact = names.iter().find(|(n, _, _)| speaker::key(n) == key);
    let (mut name, kind, mut is_exact) = match exact.or(names.first()) {
        Some((n, k, _)) => (n.clone(), k.clone(), exact.is_some()),
        None => (key.to_string(), "unknown".to_string(), false),
    };
    if !is_exact {
        // Quotes moved here from a shorter name: listed by the full name an article gives
        // (what the key was made from), so that the name shown finds the speaker again.
        let full: Option<String> = tx
            .prepare_cached("SELECT name FROM entities WHERE name_key = ? LIMIT 1")?
            .query_row([key], |r| r.get(0))
            .optional()?;
        if let Some(full) = full {
            (name, is_exact) = (full, true);
        }
    }
    tx.execute(
        "INSERT INTO speakers(key, name, name_exact, kind, quotes, articles) VALUES (?,?,?,?,?,?) \
         ON CONFLICT(key) DO UPDATE SET name = excluded.name, name_exact = excluded.name_exact, \
         kind = excluded.kind, quotes = excluded.quotes, articles = excluded.articles",
        params![key, name, is_exact as i64, kind, quotes, articles],
    )?;
    Ok(())
}

/// Writes one article's rows except its full-text row (the caller adds it), returns its id.
/// A batch holds each path at most once (one run's jobs), so no full-text row is deleted here
/// before it was added.
fn write_article(tx: &Connection, at: &Stored<'_>, p: &Prepared, now: i64) -> anyhow::Result<i64> {
    let Stored {
        path,
        item,
        size,
        mtime,
        hash,
        extractor,
    } = *at;
    let pkey = path_key(path);
    let existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM articles WHERE path = ? AND item = ?")?
        .query_row(params![&pkey, item], |r| r.get(0))
        .optional()?;
    let id = match existing {
        Some(id) => {
            clear_article_rows(tx, id)?;
            tx.prepare_cached(
                "UPDATE articles SET size=?, mtime=?, hash=?, extractor=?, format=?, title=?, \
                 byline=?, date=?, quote_count=?, indexed_at=? WHERE id=?",
            )?
            .execute(params![
                size,
                mtime,
                &hash[..],
                extractor as i64,
                p.format,
                p.title,
                p.byline,
                p.date,
                p.quotes.len() as i64,
                now,
                id
            ])?;
            // The old row (if any: after a migration there may be none) leaves the full-text
            // index through its delete trigger; the caller adds the new one.
            tx.prepare_cached("DELETE FROM docs WHERE id = ?")?
                .execute([id])?;
            tx.prepare_cached(
                "INSERT INTO docs(id, title, body, meta, analysis, warnings) VALUES (?,?,?,?,?,?)",
            )?
            .execute(params![id, p.title, p.body, p.meta, p.analysis, p.warnings])?;
            id
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO articles(path, item, size, mtime, hash, extractor, format, title, \
                 byline, date, quote_count, indexed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            )?
            .execute(params![
                pkey,
                item,
                size,
                mtime,
                &hash[..],
                extractor as i64,
                p.format,
                p.title,
                p.byline,
                p.date,
                p.quotes.len() as i64,
                now
            ])?;
            let id = tx.last_insert_rowid();
            tx.prepare_cached(
                "INSERT INTO docs(id, title, body, meta, analysis, warnings) VALUES (?,?,?,?,?,?)",
            )?
            .execute(params![id, p.title, p.body, p.meta, p.analysis, p.warnings])?;
            id
        }
    };
    if let Some(read) = p.read {
        tx.prepare_cached("UPDATE articles SET read = ? WHERE id = ?")?
            .execute(params![read as i64, id])?;
    }
    tx.prepare_cached("DELETE FROM failures WHERE path = ?")?
        .execute([&pkey])?;
    let mut insert_q = tx.prepare_cached(
        "INSERT INTO quotes(article_id, idx, kind, start, end, cstart, cend, text, speaker, \
         speaker_kind, local_key, speaker_key, adate) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
    )?;
    let adate = p.date.as_deref().unwrap_or("");
    for (i, q) in p.quotes.iter().enumerate() {
        insert_q.execute(params![
            id,
            i as i64,
            q.kind,
            q.start,
            q.end,
            q.cstart,
            q.cend,
            q.text,
            q.speaker,
            q.speaker_kind,
            q.key,
            q.key,
            adate
        ])?;
    }
    let mut upsert = tx.prepare_cached(
        "INSERT INTO speakers(key, name, name_exact, kind, quotes, articles) VALUES (?,?,?,?,?,1) \
         ON CONFLICT(key) DO UPDATE SET quotes = quotes + excluded.quotes, \
         articles = articles + 1, \
         name = CASE WHEN speakers.name_exact = 0 AND excluded.name_exact = 1 \
                THEN excluded.name ELSE speakers.name END, \
         name_exact = max(speakers.name_exact, excluded.name_exact)",
    )?;
    for (key, n, shown, exact, kind) in &p.speakers {
        upsert.execute(params![key, shown, *exact as i64, kind, n])?;
    }
    let mut insert_e = tx.prepare_cached(
        "INSERT INTO entities(article_id, idx, kind, name, name_key, mentions) VALUES (?,?,?,?,?,?)",
    )?;
    for (i, (kind, name, key, mentions)) in p.entities.iter().enumerate() {
        insert_e.execute(params![id, i as i64, kind, name, key, mentions])?;
    }
    let mut insert_a = tx.prepare_cached(
        "INSERT OR IGNORE INTO aliases(article_id, alias_key, full_key) VALUES (?,?,?)",
    )?;
    for (a, f) in &p.aliases {
        insert_a.execute(params![id, a, f])?;
    }
    Ok(id)
}
