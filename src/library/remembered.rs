//! Read and starred marks kept between runs for a store that has no index of its own (the
//! bundled sample library): a wrapper that writes each mark to the `marks` table of the
//! index database, by path, and puts the saved marks back when it is opened.
//!
//! Only the database is written, never a library file; several marks at once ("mark all
//! read") go in one transaction.

use super::db::{self, Index};
use super::{ArticleId, Store};
use rusqlite::params;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

/// `inner` with its marks saved in an index database.
pub struct Remembered<S> {
    inner: S,
    index: Mutex<Index>,
    paths: HashMap<ArticleId, Vec<u8>>,
}

impl<S: Store> Remembered<S> {
    /// Opens (or creates) the index at `db` and gives `inner` the marks saved there for
    /// its articles' paths. Notices are as in [`Index::open`].
    pub fn open(inner: S, db: &Path) -> anyhow::Result<(Remembered<S>, Vec<String>)> {
        let (index, notices) = Index::open(db, false)?;
        let mut paths = HashMap::new();
        {
            let mut stmt = index
                .conn()
                .prepare("SELECT read, starred FROM marks WHERE path = ?")?;
            for a in inner.articles()? {
                let key = db::path_key(&a.path);
                let saved: Option<(bool, bool)> = stmt
                    .query_row([&key], |r| {
                        Ok((r.get::<_, i64>(0)? != 0, r.get::<_, i64>(1)? != 0))
                    })
                    .ok();
                if let Some((read, starred)) = saved {
                    inner.set_read(a.id, read)?;
                    inner.set_starred(a.id, starred)?;
                }
                paths.insert(a.id, key);
            }
        }
        let store = Remembered {
            inner,
            index: Mutex::new(index),
            paths,
        };
        Ok((store, notices))
    }

    /// Saves one mark of each article in `ids` (`column` is `read` or `starred`), in one
    /// transaction, then applies it to the inner store.
    fn save(&self, ids: &[ArticleId], column: &str, on: bool) -> anyhow::Result<()> {
        let ix = self
            .index
            .lock()
            .map_err(|_| anyhow::anyhow!("index lock poisoned"))?;
        let tx = ix.conn().unchecked_transaction()?;
        let sql = format!(
            "INSERT INTO marks(path, {column}) VALUES (?1, ?2) \
             ON CONFLICT(path) DO UPDATE SET {column} = excluded.{column}"
        );
        for id in ids {
            let Some(path) = self.paths.get(id) else {
                anyhow::bail!("no article with id {id}");
            };
            tx.execute(&sql, params![path, on as i64])
                .map_err(|e| db::explain_full(e.into(), ix.path()))?;
        }
        tx.commit()?;
        Ok(())
    }
}

impl<S: Store> Store for Remembered<S> {
    super::delegate::pass_to_inner!(
        articles,
        open,
        speakers,
        quotes_page,
        speakers_under,
        quotes_page_under,
        search,
        problems,
    );

    fn set_read(&self, id: ArticleId, read: bool) -> anyhow::Result<()> {
        self.set_read_many(&[id], read)
    }

    fn set_read_many(&self, ids: &[ArticleId], read: bool) -> anyhow::Result<()> {
        self.save(ids, "read", read)?;
        self.inner.set_read_many(ids, read)
    }

    fn set_starred(&self, id: ArticleId, starred: bool) -> anyhow::Result<()> {
        self.save(&[id], "starred", starred)?;
        self.inner.set_starred(id, starred)
    }
}
