//! Indexing an mbox as a stream: its messages are read one at a time and go to the writer
//! in parts of a few megabytes, each holding its bytes of the run's budget until it is
//! written. A mailbox of any size is indexed in the memory of a
//! few parts; `limits.max_file_bytes` caps each message, not the file.

use super::IndexOptions;
use super::budget::Budget;
use super::work::{Done, Job, Outcome};
use crate::article::load;
use crate::article::mbox::Next;
use crate::library::db::Record;
use crate::library::items::{self, FileItems, ItemsOutcome};
use std::sync::atomic::Ordering;

/// A part goes to the writer at this many bytes of messages, or this many messages.
const PART_BYTES: u64 = 4 << 20;
const PART_ITEMS: usize = 256;

/// Indexes the mbox of `job`, sending its parts to `send` (the writer's channel; `false`
/// when it is closed) and returning its last record and what the file did, or `None` when
/// the run stops midway (what was sent stays, marked unfinished: the next run reads the
/// file again and analyses only what is not stored yet).
pub(super) fn index_mbox<'b>(
    job: &Job<'_>,
    opts: &IndexOptions,
    budget: &'b Budget,
    send: &mut dyn FnMut(Done<'b>) -> bool,
) -> Option<Done<'b>> {
    use rayon::prelude::*;
    let (path, size, mtime) = (job.path, job.size, job.mtime);
    let done = |(record, outcome, left_out): (Record, ItemsOutcome, Vec<String>), permit| Done {
        record,
        outcome: Outcome::from(outcome),
        left_out,
        permit,
    };
    let failed = |m: String| {
        let (record, outcome) = items::failed(path, size, mtime, m);
        done((record, outcome, Vec::new()), budget.take(0))
    };
    let messages = match load::open_mbox(path, opts.max_file_bytes) {
        Ok(m) => m,
        Err(e) => return Some(failed(e.to_string())),
    };
    let mut file = FileItems::new(
        path,
        size,
        mtime,
        job.known.as_ref(),
        opts.extractor_version,
    );
    let mut part: Vec<load::RawItem<'static>> = Vec::new();
    let mut part_bytes = 0u64;
    // Analyses a part's items on the pool (a large mailbox is not one core's work), then
    // takes its bytes of the budget for the records to wait for the writer with. Never
    // the other way round: a thread waiting for its part's items may run another file's
    // job meanwhile, which may wait for the budget, and must never wait for a permit held
    // further down its own stack.
    let analyse = |part: &mut Vec<load::RawItem<'static>>,
                   part_bytes: u64,
                   file: &mut FileItems<'_>,
                   stored_size: i64| {
        let results: Vec<_> = part
            .par_iter()
            .map(|item| items::analyse(path, item, stored_size, mtime, opts))
            .collect();
        part.clear();
        let mut records = Vec::with_capacity(results.len());
        for r in results {
            file.analysed(r, &mut records);
        }
        (records, budget.take(part_bytes))
    };
    for next in messages {
        if opts.cancel.load(Ordering::Relaxed) {
            return None;
        }
        match next {
            Ok(Next::Message(m)) => {
                let item = load::mbox_item(m);
                if file.wants(&item) {
                    part_bytes += item.bytes.len() as u64;
                    part.push(item);
                }
            }
            Ok(Next::TooLarge {
                number,
                size: bytes,
            }) => {
                let e = load::LoadError::MessageTooLarge {
                    path: path.display().to_string(),
                    number,
                    size: bytes,
                    limit: opts.max_file_bytes,
                };
                file.problems.push(e.to_string());
            }
            Err(e) => {
                let m = format!("{}: cannot read: {e}", path.display());
                return Some(failed(m));
            }
        }
        if part_bytes >= PART_BYTES || part.len() >= PART_ITEMS {
            let (records, permit) =
                analyse(&mut part, part_bytes, &mut file, items::SIZE_UNFINISHED);
            part_bytes = 0;
            let part = Done {
                record: Record::Part { records },
                outcome: Outcome::Part,
                left_out: Vec::new(),
                permit,
            };
            if !send(part) {
                return None;
            }
        }
    }
    let (mut records, permit) = analyse(&mut part, part_bytes, &mut file, size);
    // Last, so the items of the earlier parts get the file's size and mtime too.
    records.push(Record::Touched {
        path: path.to_path_buf(),
        size,
        mtime,
    });
    Some(done(file.finish(records), permit))
}
