//! The rows of one article (quotes, entities, speakers, the packed analysis), computed on
//! the worker threads so that the writer only inserts them.

use super::{entity_kind_str, format_str, speaker_kind_str};
use crate::article::{Article, Format};
use crate::extract::{Analysis, SpeakerKind};
use crate::library::speaker;
use std::collections::{BTreeMap, HashMap};

/// One quote row.
#[derive(Debug)]
pub(super) struct QuoteRow {
    pub(super) kind: &'static str,
    pub(super) start: i64,
    pub(super) end: i64,
    pub(super) cstart: i64,
    pub(super) cend: i64,
    pub(super) text: String,
    pub(super) speaker: Option<String>,
    pub(super) speaker_kind: &'static str,
    pub(super) key: Option<String>,
}

/// Everything written for one article, computed off the writer thread ([`prepare`]).
#[derive(Debug)]
pub struct Prepared {
    pub(super) format: &'static str,
    pub(super) title: String,
    pub(super) byline: String,
    pub(super) date: Option<String>,
    pub(super) body: String,
    pub(super) meta: String,
    pub(super) analysis: Vec<u8>,
    pub(super) warnings: String,
    pub(super) quotes: Vec<QuoteRow>,
    /// (kind, name, key, mentions)
    pub(super) entities: Vec<(&'static str, String, String, i64)>,
    pub(super) aliases: Vec<(String, String)>,
    /// (key, quotes, shown name, name is the full form, kind)
    pub(super) speakers: Vec<(String, i64, String, bool, &'static str)>,
    /// The reading state the source gives (newsboat's unread flag), stored as the
    /// article's.
    pub(super) read: Option<bool>,
}

impl Prepared {
    /// With the reading state the article's source gives it.
    pub fn with_read(mut self, read: Option<bool>) -> Prepared {
        self.read = read;
        self
    }
}

thread_local! {
    /// One deflate state per worker thread: a new one allocates and clears several hundred KB
    /// of tables, which cost more than compressing a typical analysis.
    static DEFLATE: std::cell::RefCell<flate2::Compress> =
        std::cell::RefCell::new(flate2::Compress::new(flate2::Compression::fast(), true));
}

/// Serializes an analysis for storage: zlib-compressed JSON.
pub fn pack_analysis(analysis: &Analysis) -> anyhow::Result<Vec<u8>> {
    let json = serde_json::to_vec(analysis)?;
    DEFLATE.with(|z| {
        let mut z = z.borrow_mut();
        z.reset();
        let mut out = Vec::with_capacity(json.len() / 2 + 64);
        loop {
            let read = usize::try_from(z.total_in())?;
            let status = z.compress_vec(&json[read..], &mut out, flate2::FlushCompress::Finish)?;
            if status == flate2::Status::StreamEnd {
                return Ok(out);
            }
            out.reserve(out.capacity().max(64));
        }
    })
}

/// Reads an analysis stored by [`pack_analysis`] (bounded, in case the row is damaged).
pub fn unpack_analysis(bytes: &[u8]) -> anyhow::Result<Analysis> {
    use std::io::Read;
    let mut json = Vec::new();
    flate2::read::ZlibDecoder::new(bytes)
        .take(256 * 1024 * 1024)
        .read_to_end(&mut json)?;
    Ok(serde_json::from_slice(&json)?)
}

/// Computes the rows of one article (runs on the worker threads).
pub fn prepare(
    format: Format,
    article: Article,
    analysis: &Analysis,
    warnings: &[String],
) -> anyhow::Result<Prepared> {
    let mut article = article;
    let body = std::mem::take(&mut article.body);
    let meta = serde_json::to_string(&article)?;
    let names = speaker::ArticleNames::new(analysis);
    let mut quotes = Vec::with_capacity(analysis.quotes.len());
    let mut per_speaker: BTreeMap<String, (i64, String, SpeakerKind)> = BTreeMap::new();
    // Quotes are sorted by start: one pass over the body finds every start's char offset.
    let mut offsets = crate::words::CharOffsets::new(&body);
    let mut keys_cache: HashMap<&str, String> = HashMap::new();
    for q in &analysis.quotes {
        let start = body.floor_char_boundary(q.span.start.min(body.len()));
        let end = body
            .floor_char_boundary(q.span.end.min(body.len()))
            .max(start);
        let cstart = offsets.at(start);
        let cend = cstart + body[start..end].chars().count();
        let key = q.speaker.as_deref().and_then(|s| {
            let k = keys_cache
                .entry(s)
                .or_insert_with(|| names.resolve(s))
                .clone();
            (!k.is_empty()).then_some(k)
        });
        if let (Some(k), Some(name)) = (&key, &q.speaker) {
            per_speaker
                .entry(k.clone())
                .or_insert_with(|| (0, name.clone(), q.speaker_kind))
                .0 += 1;
        }
        quotes.push(QuoteRow {
            kind: q.kind.as_str(),
            start: start as i64,
            end: end as i64,
            cstart: cstart as i64,
            cend: cend as i64,
            text: body[start..end].to_string(),
            speaker: q.speaker.clone(),
            speaker_kind: speaker_kind_str(q.speaker_kind),
            key,
        });
    }
    let entity_keys: Vec<String> = analysis
        .entities
        .iter()
        .map(|e| speaker::key(&e.name))
        .collect();
    let speakers = per_speaker
        .into_iter()
        .map(|(key, (n, name, kind))| {
            // A name whose own key is the speaker key is the full form; prefer it for display.
            let (shown, exact) = if speaker::key(&name) == key {
                (name, true)
            } else {
                match entity_keys.iter().position(|k| *k == key) {
                    Some(i) => (analysis.entities[i].name.clone(), true),
                    None => (name, false),
                }
            };
            (key, n, shown, exact, speaker_kind_str(kind))
        })
        .collect();
    let entities = analysis
        .entities
        .iter()
        .zip(entity_keys)
        .map(|(e, k)| {
            (
                entity_kind_str(e.kind),
                e.name.clone(),
                k,
                e.mention_count() as i64,
            )
        })
        .collect();
    Ok(Prepared {
        format: format_str(format),
        title: article.title.clone(),
        byline: serde_json::to_string(&article.byline)?,
        date: article.date.clone(),
        body,
        meta,
        analysis: pack_analysis(analysis)?,
        warnings: serde_json::to_string(warnings)?,
        quotes,
        entities,
        aliases: speaker::alias_evidence(analysis),
        speakers,
        read: None,
    })
}
