//! The index's schema: the version this build writes and the migrations that bring an older
//! index up to it, run when the index is opened.

use super::Index;
use anyhow::Context;

/// The schema version this build writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = 6;

/// Migrations, in order: `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // v1
    r#"
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash BLOB NOT NULL,
    extractor INTEGER NOT NULL,
    format TEXT NOT NULL,
    title TEXT NOT NULL,
    byline TEXT NOT NULL,
    date TEXT,
    quote_count INTEGER NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    indexed_at INTEGER NOT NULL
);
CREATE TABLE docs(
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    meta TEXT NOT NULL,
    analysis TEXT NOT NULL,
    warnings TEXT NOT NULL
);
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, content='docs', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER docs_ai AFTER INSERT ON docs BEGIN
    INSERT INTO fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER docs_ad AFTER DELETE ON docs BEGIN
    INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER docs_au AFTER UPDATE ON docs BEGIN
    INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TABLE quotes(
    article_id INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    cstart INTEGER NOT NULL,
    cend INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,
    speaker_kind TEXT NOT NULL,
    local_key TEXT,
    speaker_key TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_by_speaker ON quotes(speaker_key);
CREATE INDEX quotes_by_local ON quotes(local_key);
CREATE INDEX quotes_moved ON quotes(local_key, speaker_key) WHERE speaker_key <> local_key;
CREATE TABLE entities(
    article_id INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX entities_by_key ON entities(name_key);
CREATE TABLE aliases(
    article_id INTEGER NOT NULL,
    alias_key TEXT NOT NULL,
    full_key TEXT NOT NULL,
    PRIMARY KEY (article_id, alias_key, full_key)
) WITHOUT ROWID;
CREATE INDEX aliases_by_alias ON aliases(alias_key);
CREATE TABLE speakers(
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_exact INTEGER NOT NULL,
    kind TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    articles INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX speakers_by_quotes ON speakers(quotes DESC);
CREATE TABLE failures(
    path BLOB PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    message TEXT NOT NULL
) WITHOUT ROWID;
"#,
    // v2: analyses are stored compressed (zlib JSON, in the `analysis` column whatever its
    // declared type). Stored content is dropped and every article re-indexed on the next
    // run; ids and reading state are kept.
    r#"
DROP INDEX quotes_by_local;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
DROP TRIGGER docs_ad;
DROP TRIGGER docs_au;
DELETE FROM docs;
INSERT INTO fts(fts) VALUES ('delete-all');
CREATE TRIGGER docs_ad AFTER DELETE ON docs BEGIN
    INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER docs_au AFTER UPDATE ON docs BEGIN
    INSERT INTO fts(fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
DELETE FROM quotes;
DELETE FROM entities;
DELETE FROM aliases;
DELETE FROM speakers;
DELETE FROM failures;
UPDATE articles SET size = -1, mtime = -1, hash = x'', extractor = -1, quote_count = 0;
"#,
    // v3: full-text index tuned for bulk writes (nothing is re-indexed). The insert trigger
    // goes: a statement that fires a trigger opens a statement savepoint, and FTS5 flushes
    // its pending terms to a new segment at every savepoint, i.e. one segment per article,
    // all merged again later. The writer now inserts the batch's rows into `fts` itself at
    // the end of the batch (one segment per transaction). Merging 8 segments at a time
    // instead of 4 rewrites each posting fewer times (crisismerge still bounds the segments
    // per level), and a larger in-memory term hash lets a whole batch fit before a flush.
    r#"
INSERT INTO fts(fts, rank) VALUES ('automerge', 8);
INSERT INTO fts(fts, rank) VALUES ('hashsize', 8388608);
DROP TRIGGER docs_ai;
"#,
    // v4: quote rows carry their article's date ('' when undated) and the speaker index is
    // in library order (speaker, date, article, position), so a page of a speaker's quotes
    // is read off the index in order instead of sorting all of them (0.6 s -> a few ms for
    // a speaker with 143k quotes).
    r#"
ALTER TABLE quotes ADD COLUMN adate TEXT NOT NULL DEFAULT '';
UPDATE quotes SET adate = coalesce((SELECT date FROM articles a WHERE a.id = quotes.article_id), '');
DROP INDEX quotes_by_speaker;
CREATE INDEX quotes_by_speaker ON quotes(speaker_key, adate, article_id, start);
"#,
    // v5: an article is a file and an item key inside it ('' for a file of one article; a
    // message's key in an mbox), so one file can hold many articles. Rows, ids and reading
    // state are kept; the table is rebuilt because SQLite cannot widen a UNIQUE constraint.
    r#"
CREATE TABLE articles_v5(
    id INTEGER PRIMARY KEY,
    path BLOB NOT NULL,
    item TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash BLOB NOT NULL,
    extractor INTEGER NOT NULL,
    format TEXT NOT NULL,
    title TEXT NOT NULL,
    byline TEXT NOT NULL,
    date TEXT,
    quote_count INTEGER NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    indexed_at INTEGER NOT NULL,
    UNIQUE(path, item)
);
INSERT INTO articles_v5(id, path, item, size, mtime, hash, extractor, format, title, byline,
    date, quote_count, read, starred, indexed_at)
    SELECT id, path, '', size, mtime, hash, extractor, format, title, byline, date,
    quote_count, read, starred, indexed_at FROM articles;
DROP TABLE articles;
ALTER TABLE articles_v5 RENAME TO articles;
"#,
    // v6: the user's state beside the index. Read and starred marks of libraries that are
    // not indexed (the bundled sample), by path (indexed articles keep theirs in
    // `articles`); the speakers the user merged or renamed, in order (library::aliases).
    r#"
CREATE TABLE marks(
    path BLOB PRIMARY KEY,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE speaker_edits(
    seq INTEGER PRIMARY KEY,
    from_name TEXT NOT NULL,
    to_name TEXT NOT NULL,
    made INTEGER NOT NULL
);
"#,
];

impl Index {
    /// Brings the schema up to [`SCHEMA_VERSION`] (in one transaction); refuses a newer one.
    pub(super) fn migrate(&mut self) -> anyhow::Result<()> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            anyhow::bail!(
                "the index has schema version {version}, newer than this onrecord ({SCHEMA_VERSION}); \
                 use a newer onrecord or another --index"
            );
        }
        if version == SCHEMA_VERSION {
            // Touch the schema so a damaged file is noticed now, not mid-query.
            self.conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                    r.get::<_, i64>(0)
                })?;
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql)
                .with_context(|| format!("migration {} -> {}", i, i + 1))?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        Ok(())
    }
}
