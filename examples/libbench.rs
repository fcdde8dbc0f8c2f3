//! Library scale benchmark (not a test): generates a synthetic library of N articles (once),
//! then measures cold indexing, warm open + article list, speaker queries, full-text search,
//! and the peak RSS of a process holding the store open with the article list loaded.
//!
//! ```text
//! cargo run --release --example libbench -- 100000            # library in /tmp/onrecord-bench-100000
//! cargo run --release --example libbench -- 100000 /some/dir  # elsewhere
//! LIBBENCH_DENSE=1 cargo run --release --example libbench -- 100000  # 4x the quotes per KB
//! ```
//!
//! The indexing uses the real extractor (`extract::analyze`), so its time moves with the
//! extractor. The warm-start and RSS figures come from fresh child processes.

// Measured with the allocator the binary uses (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use onrecord_testkit::corpus;

use onrecord::library::Store;
use onrecord::library::indexer::{IndexEvent, IndexOptions, Scope, open_and_update};
use onrecord::library::sqlite::SqliteStore;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(|v| v.parse().unwrap_or(0)))
        })
        .unwrap_or(0)
}

/// CPU time of this process (all threads), from /proc (clock ticks of 10 ms).
fn process_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<u64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    // Fields 14 and 15 of the file are utime and stime; `after` starts at field 3.
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// CPU time of the calling thread, in nanoseconds (/proc/thread-self/schedstat).
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .map_or(Duration::ZERO, Duration::from_nanos)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Child mode: open the store, load the list, report time and peak RSS.
fn child(db: &Path) {
    let t = Instant::now();
    let cpu0 = thread_cpu();
    let (store, _) = SqliteStore::open(db).expect("open");
    let list = store.articles().expect("articles");
    let ready = t.elapsed();
    let cpu = thread_cpu().saturating_sub(cpu0);
    // Touch what a first frame would show: the first screenful of rows.
    let visible: usize = list.iter().take(60).map(|a| a.title.len()).sum();
    println!(
        "{} {} {} {} {}",
        ready.as_micros(),
        list.len(),
        peak_rss_kb(),
        cpu.as_micros(),
        visible
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child") {
        child(Path::new(&args[2]));
        return;
    }
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    // LIBBENCH_DENSE=1: about four times as many quotes per KB as real news (stress case).
    let dense = std::env::var_os("LIBBENCH_DENSE").is_some();
    let density = if dense {
        corpus::Density::Dense
    } else {
        corpus::Density::News
    };
    let dir = args.get(2).map(PathBuf::from).unwrap_or_else(|| {
        let suffix = if dense { "-dense" } else { "" };
        std::env::temp_dir().join(format!("onrecord-bench-{n}{suffix}"))
    });
    let lib = dir.join("library");
    let db = dir.join("index.sqlite3");
    // The marker names the generator's output version: an older corpus is made anew.
    let marker = dir.join("generated");
    let stamp = format!("{n} {density:?} v2\n");
    if std::fs::read_to_string(&marker).ok().as_deref() != Some(stamp.as_str()) {
        let t = Instant::now();
        let _ = std::fs::remove_dir_all(&lib);
        let paths = corpus::generate_with(&lib, n, 7, density).expect("generate");
        let bytes: u64 = paths
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        std::fs::write(&marker, &stamp).expect("marker");
        println!(
            "generated {} articles, {:.0} MB, in {:.1} s",
            paths.len(),
            bytes as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
    }
    // LIBBENCH_REUSE=1 keeps an existing index (skips the cold index).
    let reuse = std::env::var_os("LIBBENCH_REUSE").is_some() && db.exists();
    if !reuse {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("library: {} ({n} articles), {cores} cores", lib.display());

    // Where indexing time goes, per article on one thread: load (read + parse) vs extraction.
    {
        let (files, _) = onrecord::library::scan::scan(std::slice::from_ref(&lib));
        let sample: Vec<_> = files.iter().step_by((files.len() / 500).max(1)).collect();
        let t = Instant::now();
        let loaded: Vec<_> = sample
            .iter()
            .filter_map(|p| onrecord::article::load::load_file(p, 1 << 24).ok())
            .collect();
        let load_t = t.elapsed();
        let t = Instant::now();
        let mut quotes = 0;
        let body_bytes: usize = loaded.iter().map(|l| l.article.body.len()).sum();
        for l in &loaded {
            quotes += onrecord::extract::analyze(&l.article).quotes.len();
        }
        let an_t = t.elapsed();
        let per = |d: Duration| d.as_secs_f64() * 1000.0 / loaded.len().max(1) as f64;
        println!(
            "per article, one thread ({} sampled): load {:.2} ms, extract {:.2} ms ({:.1} quotes/article, {:.1} KB/article, {:.1} quotes/KB)",
            loaded.len(),
            per(load_t),
            per(an_t),
            quotes as f64 / loaded.len().max(1) as f64,
            body_bytes as f64 / 1000.0 / loaded.len().max(1) as f64,
            quotes as f64 / (body_bytes as f64 / 1000.0).max(1e-9)
        );
    }

    // Cold index.
    let mut opts = IndexOptions::default();
    // LIBBENCH_BATCH=N overrides the articles per transaction (for tuning).
    if let Some(b) = std::env::var("LIBBENCH_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        opts.batch_size = b;
    }
    // LIBBENCH_LIGHT=1: the reader's background settings (IndexOptions::light).
    if std::env::var_os("LIBBENCH_LIGHT").is_some() {
        opts = opts.light();
    }
    if !reuse {
        let t = Instant::now();
        let cpu0 = process_cpu();
        let mut commits = 0usize;
        let summary = open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |e| {
            if matches!(e, IndexEvent::Committed { .. }) {
                commits += 1;
            }
        })
        .expect("index");
        let cold = t.elapsed();
        let cpu = process_cpu().saturating_sub(cpu0);
        let db_mb = std::fs::metadata(&db).map_or(0, |m| m.len()) as f64 / 1e6;
        println!(
            "cold index: {:.1} s wall, {:.1} s CPU ({} new, {} failed, {commits} commits, db {db_mb:.0} MB, \
             peak RSS so far {:.0} MB, batch {}, in flight {}, writer cache {} MiB)  [target <= 60 s]",
            cold.as_secs_f64(),
            cpu.as_secs_f64(),
            summary.new,
            summary.failed,
            peak_rss_kb() as f64 / 1024.0,
            opts.batch_size,
            opts.in_flight,
            opts.writer_cache_mib
        );
    }

    // Warm re-index (nothing changed).
    let t = Instant::now();
    let s = open_and_update(&db, &Scope::Roots(vec![lib.clone()]), &opts, &mut |_| {})
        .expect("reindex");
    println!(
        "no-change re-index: {} ({} unchanged)",
        ms(t.elapsed()),
        s.unchanged
    );

    // Warm start + RSS in fresh processes (page cache warm after the first).
    let exe = std::env::current_exe().expect("exe");
    let mut starts = Vec::new();
    let mut cpus = Vec::new();
    let mut rss = 0u64;
    for _ in 0..3 {
        let out = std::process::Command::new(&exe)
            .arg("--child")
            .arg(&db)
            .output()
            .expect("child");
        let line = String::from_utf8_lossy(&out.stdout).to_string();
        let f: Vec<u64> = line
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        if f.len() >= 4 {
            starts.push(Duration::from_micros(f[0]));
            rss = rss.max(f[2]);
            cpus.push(Duration::from_micros(f[3]));
        }
    }
    starts.sort();
    cpus.sort();
    println!(
        "warm start (open + articles() of {n}): best {}, worst {} wall; CPU {}  [first frame target <= 150 ms]",
        starts.first().map_or("?".into(), |d| ms(*d)),
        starts.last().map_or("?".into(), |d| ms(*d)),
        cpus.first().map_or("?".into(), |d| ms(*d))
    );
    println!(
        "peak RSS with the store open and the list loaded: {:.1} MB  [target <= 150 MB]",
        rss as f64 / 1024.0
    );

    let (store, _) = SqliteStore::open(&db).expect("open");
    // Speaker queries: the most quoted speaker, a middling one, and a name typed as surname.
    let speakers = store.speakers().expect("speakers");
    println!("speakers: {}", speakers.len());
    let mut picks: Vec<String> = Vec::new();
    // The most quoted speaker of any kind, the most quoted person, a middling person.
    if let Some(s) = speakers.first() {
        picks.push(s.name.clone());
    }
    let persons: Vec<_> = speakers
        .iter()
        .filter(|s| s.kind == onrecord::extract::SpeakerKind::Person && s.name.contains(' '))
        .collect();
    if let Some(s) = persons.first() {
        picks.push(s.name.clone());
    }
    if let Some(s) = persons.get(persons.len() / 2) {
        picks.push(s.name.clone());
    }
    if picks.is_empty() {
        // The extractor found no speakers: query names the corpus uses anyway.
        for p in corpus::people(7, 2_000).iter().take(2) {
            picks.push(p.full());
        }
    }
    let t = Instant::now();
    let all = store.speakers().expect("speakers");
    println!("speakers() list: {} ({} rows)", ms(t.elapsed()), all.len());
    // What `quotes --speaker` and the Speakers view do: the first page (the same query pages
    // on with), and, apart, reading all of a speaker's quotes page by page.
    for name in &picks {
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..5 {
            let t = Instant::now();
            total = store.quotes_page(name, None, 1000).map_or(0, |p| p.total);
            times.push(t.elapsed());
        }
        times.sort();
        let t = Instant::now();
        let all = store.quotes_by(name).map_or(0, |h| h.len());
        println!(
            "quotes --speaker {name:?}: {total} quotes; first page of 1000: median {}, worst {}  \
             [target <= 20 ms]; all {all} paged through in {}",
            ms(times[2]),
            ms(times[4]),
            ms(t.elapsed())
        );
    }
    for q in [
        "strike",
        "Okafor",
        "battery plant",
        "flood defences reviewed",
        "Gdańsk",
        "said",
        "\"unbalanced (query",
    ] {
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..5 {
            let t = Instant::now();
            hits = store.search(q, 50).map(|h| h.len()).unwrap_or(0);
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "search {q:?}: {hits} hits (limit 50), median {}, worst {}  [target <= 50 ms]",
            ms(times[2]),
            ms(times[4])
        );
    }
}
