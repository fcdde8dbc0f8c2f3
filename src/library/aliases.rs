//! Speakers the user merged or renamed: "show Ana María Ruiz as Ana Ruiz" (a merge, when
//! Ana Ruiz is a speaker too) or "show Ana Ruiz as Ana R. Ruiz" (a rename). Kept as a list
//! of edits in the index database (`speaker_edits`, never in the library), applied to
//! every list of speakers, every speaker's quotes and every opened article; the last edit
//! can be undone.
//!
//! [`Renamed`] applies them to any [`Store`]; the query commands apply them through
//! [`Aliases`] directly.

use super::db::Index;
use super::speaker;
use super::{ArticleId, QuoteHit, QuotePage, SpeakerSummary, Store};
use crate::article::Article;
use crate::extract::Analysis;
use rusqlite::{Connection, OptionalExtension};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::{Mutex, RwLock};

/// The user's speaker edits, in the order they were made.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aliases {
    /// (name as found, name shown), oldest first.
    edits: Vec<(String, String)>,
    /// Key of a name as found -> the name it is shown as (its latest edit).
    by_key: HashMap<String, String>,
}

impl Aliases {
    /// From a list of edits, oldest first.
    pub fn new(edits: Vec<(String, String)>) -> Aliases {
        let by_key = edits
            .iter()
            .map(|(from, to)| (speaker::key(from), to.clone()))
            .collect();
        Aliases { edits, by_key }
    }

    /// The edits saved in an index database.
    pub fn load(conn: &Connection) -> anyhow::Result<Aliases> {
        let mut stmt = conn.prepare("SELECT from_name, to_name FROM speaker_edits ORDER BY seq")?;
        let edits = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(Aliases::new(edits))
    }

    /// Saves the edit "show `from` as `to`".
    pub fn add(conn: &Connection, from: &str, to: &str) -> anyhow::Result<()> {
        let (from, to) = (from.trim(), to.trim());
        if to.is_empty() || speaker::key(to).is_empty() {
            anyhow::bail!("a speaker's name cannot be empty");
        }
        if from == to {
            anyhow::bail!("the name is the same");
        }
        conn.execute(
            "INSERT INTO speaker_edits(from_name, to_name, made) VALUES (?, ?, strftime('%s','now'))",
            [from, to],
        )?;
        Ok(())
    }

    /// Removes the latest edit; it is returned (`None` when there was none).
    pub fn undo(conn: &Connection) -> anyhow::Result<Option<(String, String)>> {
        let tx = conn.unchecked_transaction()?;
        let last: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT seq, from_name, to_name FROM speaker_edits ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((seq, from, to)) = last else {
            return Ok(None);
        };
        tx.execute("DELETE FROM speaker_edits WHERE seq = ?", [seq])?;
        tx.commit()?;
        Ok(Some((from, to)))
    }

    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The name `name` is shown as: edits followed one after another (Ana María Ruiz ->
    /// Ana Ruiz -> Ana R. Ruiz), stopping at a loop.
    pub fn display(&self, name: &str) -> String {
        let mut current = name.to_string();
        let mut seen = HashSet::new();
        while seen.insert(speaker::key(&current)) {
            match self.by_key.get(&speaker::key(&current)) {
                Some(next) => current = next.clone(),
                None => break,
            }
        }
        current
    }

    /// The name shown for `name` when it is one the user gave (the target of an edit,
    /// matched as speaker names are: case and accents aside).
    pub fn shown_as(&self, name: &str) -> Option<String> {
        let key = speaker::key(name);
        self.edits
            .iter()
            .rev()
            .find(|(_, to)| speaker::key(to) == key)
            .map(|(_, to)| self.display(to))
    }

    /// The names as found that are shown as `shown`: itself unless it was renamed away,
    /// and every name merged or renamed into it.
    pub fn members(&self, shown: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |n: &str| {
            if !out.iter().any(|o| speaker::key(o) == speaker::key(n)) {
                out.push(n.to_string());
            }
        };
        if self.display(shown) == shown {
            push(shown);
        }
        for (from, _) in &self.edits {
            if self.display(from) == shown {
                push(from);
            }
        }
        out
    }

    /// A list of speakers as shown: renamed, and those merged into one summed (their
    /// articles counted by `articles_of` the members, as an article may have several).
    pub fn apply_speakers(
        &self,
        list: Vec<SpeakerSummary>,
        articles_of: impl Fn(&[String]) -> anyhow::Result<usize>,
    ) -> anyhow::Result<Vec<SpeakerSummary>> {
        if self.is_empty() {
            return Ok(list);
        }
        let mut groups: BTreeMap<String, (SpeakerSummary, Vec<String>)> = BTreeMap::new();
        for s in list {
            let shown = self.display(&s.name);
            match groups.get_mut(&shown) {
                Some((sum, names)) => {
                    sum.quotes += s.quotes;
                    names.push(s.name);
                }
                None => {
                    let name = s.name.clone();
                    groups.insert(
                        shown.clone(),
                        (
                            SpeakerSummary {
                                name: shown.clone(),
                                ..s
                            },
                            vec![name],
                        ),
                    );
                }
            }
        }
        let mut out = Vec::with_capacity(groups.len());
        for (_, (mut sum, names)) in groups {
            if names.len() > 1 {
                sum.articles = articles_of(&names)?;
            }
            out.push(sum);
        }
        out.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.name.cmp(&b.name)));
        Ok(out)
    }

    /// A page of the quotes shown as `shown`'s: those of every member, in library order,
    /// each under the name shown. `page_of` fetches a member's page.
    pub fn page(
        &self,
        shown: &str,
        after: Option<&QuoteHit>,
        limit: usize,
        page_of: impl Fn(&str, Option<&QuoteHit>, usize) -> anyhow::Result<QuotePage>,
    ) -> anyhow::Result<QuotePage> {
        let members = self.members(shown);
        let mut page = match members.as_slice() {
            [] => QuotePage {
                total: 0,
                hits: Vec::new(),
            },
            [one] => page_of(one, after, limit)?,
            many => {
                // Each member's next `limit` quotes, merged in order: the first `limit`
                // of the merge are the page.
                let mut total = 0;
                let mut hits = Vec::new();
                for m in many {
                    let p = page_of(m, after, limit)?;
                    total += p.total;
                    hits.extend(p.hits);
                }
                hits.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
                hits.truncate(limit);
                QuotePage { total, hits }
            }
        };
        for h in &mut page.hits {
            h.speaker = shown.to_string();
        }
        Ok(page)
    }

    /// An analysis with its speakers shown as edited.
    pub fn apply_analysis(&self, analysis: &mut Analysis) {
        if self.is_empty() {
            return;
        }
        for q in &mut analysis.quotes {
            if let Some(s) = &q.speaker {
                let shown = self.display(s);
                if &shown != s {
                    q.speaker = Some(shown);
                }
            }
        }
    }
}

/// A store with the user's speaker edits applied, and the keys to make and undo them.
pub struct Renamed<S> {
    inner: S,
    index: Mutex<Index>,
    aliases: RwLock<Aliases>,
}

impl<S: Store> Renamed<S> {
    /// `inner` with the edits saved in the index database at `db` (opened or created);
    /// `inner` comes back with the error when the database cannot be read.
    #[allow(clippy::result_large_err)]
    pub fn open(inner: S, db: &Path) -> Result<Renamed<S>, (S, anyhow::Error)> {
        let opened = Index::open(db, false).and_then(|(index, _)| {
            let aliases = Aliases::load(index.conn())?;
            Ok((index, aliases))
        });
        match opened {
            Ok((index, aliases)) => Ok(Renamed {
                inner,
                index: Mutex::new(index),
                aliases: RwLock::new(aliases),
            }),
            Err(e) => Err((inner, e)),
        }
    }

    fn aliases(&self) -> anyhow::Result<std::sync::RwLockReadGuard<'_, Aliases>> {
        self.aliases
            .read()
            .map_err(|_| anyhow::anyhow!("aliases lock poisoned"))
    }

    fn edit(&self, f: impl FnOnce(&Connection) -> anyhow::Result<()>) -> anyhow::Result<()> {
        let ix = self
            .index
            .lock()
            .map_err(|_| anyhow::anyhow!("index lock poisoned"))?;
        f(ix.conn())?;
        let fresh = Aliases::load(ix.conn())?;
        *self
            .aliases
            .write()
            .map_err(|_| anyhow::anyhow!("aliases lock poisoned"))? = fresh;
        Ok(())
    }

    fn articles_of(&self, names: &[String]) -> anyhow::Result<usize> {
        let mut ids = HashSet::new();
        for n in names {
            ids.extend(self.inner.quotes_by(n)?.into_iter().map(|h| h.article));
        }
        Ok(ids.len())
    }
}

impl<S: Store> Store for Renamed<S> {
    super::delegate::pass_to_inner!(
        articles,
        articles_after,
        speakers_under,
        quotes_page_under,
        search,
        set_read,
        set_read_many,
        set_starred,
        problems,
    );

    fn open(&self, id: ArticleId) -> anyhow::Result<(Article, Analysis)> {
        let (article, mut analysis) = self.inner.open(id)?;
        self.aliases()?.apply_analysis(&mut analysis);
        Ok((article, analysis))
    }

    fn speakers(&self) -> anyhow::Result<Vec<SpeakerSummary>> {
        let list = self.inner.speakers()?;
        let aliases = self.aliases()?.clone();
        aliases.apply_speakers(list, |names| self.articles_of(names))
    }

    fn quotes_page(
        &self,
        speaker: &str,
        after: Option<&QuoteHit>,
        limit: usize,
    ) -> anyhow::Result<QuotePage> {
        let aliases = self.aliases()?.clone();
        aliases.page(speaker, after, limit, |m, after, limit| {
            self.inner.quotes_page(m, after, limit)
        })
    }

    fn rename_speaker(&self, from: &str, to: &str) -> anyhow::Result<()> {
        self.edit(|c| Aliases::add(c, from, to))
    }

    fn undo_speaker_edit(&self) -> anyhow::Result<Option<(String, String)>> {
        let mut undone = None;
        self.edit(|c| {
            undone = Aliases::undo(c)?;
            Ok(())
        })?;
        Ok(undone)
    }
}
