//! One indexing run's work: each changed file read, hashed, loaded and analyzed on the
//! rayon pool, and the results written in batches (one transaction each) by the calling
//! thread.

use super::budget::{Budget, Permit};
use super::work::{Done, Job, Outcome, record_path};
use super::{IndexEvent, IndexOptions, IndexSummary};
use crate::article::load;
use crate::library::db::{self, Index, Record};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// A file's modification time in nanoseconds since 1970 (0 when unknown).
pub(super) fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0)
}

/// Reads, hashes, loads and analyzes one file, holding its bytes in `permit` (grown to the
/// decompressed size of a `.gz` page).
fn process(
    job: &Job<'_>,
    opts: &IndexOptions,
    permit: &mut Permit<'_>,
) -> (Record, Outcome, Vec<String>) {
    let fail = |message: String| {
        (
            Record::Failed {
                path: job.path.to_path_buf(),
                size: job.size,
                mtime: job.mtime,
                message: message.clone(),
            },
            Outcome::Failed(message),
            Vec::new(),
        )
    };
    let many = load::format_of(job.path).filter(|f| f.holds_many());
    // A file read in place (newsboat's cache): its items, without reading it whole.
    let in_place =
        many.and_then(|f| crate::library::sources::file_items(job.path, f, opts.max_file_bytes));
    let bytes = match in_place {
        Some(_) => Vec::new(),
        None => match read_capped(job.path, opts.max_file_bytes, job.size) {
            Ok(b) => b,
            Err(e) => return fail(format!("{}: cannot read: {e}", job.path.display())),
        },
    };
    if let Some(format) = many {
        let known = job.known.as_ref();
        let items = match in_place {
            Some(items) => items,
            None => load::split_items_capped(&bytes, format, opts.max_file_bytes),
        };
        let (record, outcome, left_out) =
            crate::library::items::process(job.path, job.size, job.mtime, known, items, opts);
        return (record, outcome.into(), left_out);
    }
    let hash: [u8; 32] = *blake3::hash(&bytes).as_bytes();
    let mut outcome = Outcome::New;
    if let Some(k) = &job.known {
        if k.hash == hash && k.extractor == opts.extractor_version {
            return (
                Record::Touched {
                    path: job.path.to_path_buf(),
                    size: job.size,
                    mtime: job.mtime,
                },
                Outcome::Unchanged,
                Vec::new(),
            );
        }
        outcome = if k.hash == hash {
            Outcome::Reextracted
        } else {
            Outcome::Changed
        };
    }
    let Some(format) = load::format_of(job.path) else {
        return fail(format!(
            "{}: not a supported article file",
            job.path.display()
        ));
    };
    let gz = job
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
    let loaded = if gz {
        // The page may be up to `max_file_bytes` once decompressed.
        permit.resize(opts.max_file_bytes);
        load::load_file(job.path, opts.max_file_bytes).map_err(|e| e.to_string())
    } else {
        load::load_bytes(&bytes, format)
            .map_err(|e| format!("{}: refused: {e}", job.path.display()))
    };
    let loaded = match loaded {
        Ok(l) => l,
        Err(m) => return fail(m),
    };
    let mut article = loaded.article;
    article.ensure_title(job.path);
    let analyzer = &opts.analyzer;
    let analysis =
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyzer(&article))) {
            Ok(a) => a,
            Err(_) => return fail(format!("{}: extraction failed (panic)", job.path.display())),
        };
    let warnings: Vec<String> = loaded.warnings.into_iter().map(|w| w.0).collect();
    let prepared = match db::prepare(loaded.format, article, &analysis, &warnings) {
        Ok(p) => p,
        Err(e) => return fail(format!("{}: cannot store: {e}", job.path.display())),
    };
    (
        Record::Indexed {
            path: job.path.to_path_buf(),
            item: String::new(),
            size: job.size,
            mtime: job.mtime,
            hash,
            extractor: opts.extractor_version,
            prepared: Box::new(prepared),
        },
        outcome,
        Vec::new(),
    )
}

/// Reads at most `max` bytes (an error beyond); `size` (from the scan) sizes the buffer once.
/// Never blocks: a file replaced by a FIFO or a device since the scan is refused
/// ([`crate::safe_open`]).
fn read_capped(path: &Path, max: u64, size: i64) -> std::io::Result<Vec<u8>> {
    let expect = u64::try_from(size).unwrap_or(0);
    crate::safe_open::read_capped(path, max, expect, || {
        format!("file is over the limit of {max} bytes (limits.max_file_bytes)")
    })
}

pub(super) fn run_jobs(
    index: &mut Index,
    jobs: Vec<Job<'_>>,
    opts: &IndexOptions,
    summary: &mut IndexSummary,
    on_event: &mut dyn FnMut(IndexEvent),
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    let total = jobs.len();
    // Room for the workers to go on analyzing while the writer commits.
    // Bounded twice: by count, and by the bytes of the files read, analyzed or waiting,
    // which is what their memory grows with.
    // At the default 16 MiB, about 3,000 news articles: more than `in_flight`.
    let budget = Budget::new(opts.in_flight_bytes.unwrap_or(opts.max_file_bytes));
    let (tx, rx) = std::sync::mpsc::sync_channel::<Done<'_>>(opts.in_flight.max(1));
    let stop = Arc::new(AtomicBool::new(false));
    std::thread::scope(|s| -> anyhow::Result<()> {
        let stop_w = stop.clone();
        let cancel = opts.cancel.clone();
        let jobs = &jobs;
        let budget = &budget;
        s.spawn(move || {
            jobs.par_iter().for_each_with(tx, |tx, job| {
                if stop_w.load(Ordering::Relaxed) || cancel.load(Ordering::Relaxed) {
                    return;
                }
                if load::format_of(job.path) == Some(crate::article::Format::Mbox) {
                    // Read as a stream, in parts that each hold their own bytes.
                    let mut send = |done| tx.send(done).is_ok();
                    let last = super::mbox_stream::index_mbox(job, opts, budget, &mut send);
                    if last.is_none_or(|last| tx.send(last).is_err()) {
                        stop_w.store(true, Ordering::Relaxed);
                    }
                    return;
                }
                let size = u64::try_from(job.size).unwrap_or(0);
                let mut permit = budget.take(size.min(opts.max_file_bytes));
                if stop_w.load(Ordering::Relaxed) || cancel.load(Ordering::Relaxed) {
                    return;
                }
                let (record, outcome, left_out) = process(job, opts, &mut permit);
                let done = Done {
                    record,
                    outcome,
                    left_out,
                    permit,
                };
                if tx.send(done).is_err() {
                    stop_w.store(true, Ordering::Relaxed);
                }
            });
        });
        // Each record goes into the open transaction as it arrives; a commit every
        // `batch_size` records or every second. Memory holds the records in flight only.
        let mut done = 0usize;
        let mut last_progress = Instant::now();
        let mut batch: Option<(db::Batch<'_>, Instant)> = None;
        let mut outcome_err = None;
        let delay = writer_delay();
        for Done {
            record,
            outcome,
            left_out,
            permit,
        } in rx.iter()
        {
            summary.articles_left_out += left_out.len();
            let at = record_path(&record);
            summary
                .failures
                .extend(left_out.into_iter().map(|m| (at.clone(), m)));
            if !matches!(outcome, Outcome::Part) {
                done += 1;
            }
            match outcome {
                Outcome::Part => {}
                Outcome::New => summary.new += 1,
                Outcome::Changed => summary.changed += 1,
                Outcome::Reextracted => summary.reextracted += 1,
                Outcome::Unchanged => summary.unchanged += 1,
                Outcome::Failed(m) => {
                    summary.failed += 1;
                    if let Record::Failed { path, .. } = &record {
                        summary.failures.push((path.clone(), m));
                    }
                }
            }
            let index: &Index = index;
            let step = (|| -> anyhow::Result<()> {
                if batch.is_none() {
                    batch = Some((index.begin_batch()?, Instant::now()));
                }
                let Some((b, started)) = batch.as_mut() else {
                    unreachable!("opened above")
                };
                b.write(record)?;
                if let Some(d) = delay {
                    std::thread::sleep(d);
                }
                // The record is in the transaction (and freed): its bytes may go on.
                drop(permit);
                if b.len() >= opts.batch_size || started.elapsed() > Duration::from_secs(1) {
                    if let Some((b, _)) = batch.take() {
                        b.commit()?;
                    }
                    on_event(IndexEvent::Committed { done, total });
                }
                Ok(())
            })();
            if let Err(e) = step {
                outcome_err = Some(e);
                stop.store(true, Ordering::Relaxed);
                break;
            }
            if last_progress.elapsed() > Duration::from_millis(50) {
                on_event(IndexEvent::Progress { done, total });
                last_progress = Instant::now();
            }
        }
        if let Some(e) = outcome_err {
            drop(batch);
            // Drain so the workers finish; they stop at the flag.
            for _ in rx.iter() {}
            return Err(e);
        }
        if let Some((b, _)) = batch.take() {
            b.commit()?;
            on_event(IndexEvent::Committed { done, total });
        }
        on_event(IndexEvent::Progress { done, total });
        Ok(())
    })
}

/// Test hook: `ONRECORD_WRITER_DELAY_MS=N` makes the writer take N ms more per file, as a
/// slow disk would, so that tests can see what piles up while it writes.
fn writer_delay() -> Option<Duration> {
    std::env::var("ONRECORD_WRITER_DELAY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map(Duration::from_millis)
}
