//! Extraction throughput in MB/s on one core (quotes and speakers, and the full `analyze`
//! with entities), on a generated corpus of news-like articles written for this benchmark;
//! plus 100 KB and 1 MB bodies of the same kind, whose MB/s must match (linear time).
//!
//! Run: `cargo bench --bench extract`

// Measured with the allocator the binary uses (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group};
use onrecord::article::Article;
use onrecord::extract::{analyze, quotes};
use std::hint::black_box;

const GIVEN: &[&str] = &[
    "Ana", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kwame",
    "Lucia", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tomas",
];
const FAMILY: &[&str] = &[
    "Abbott",
    "Brandt",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fontaine",
    "Gallo",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quinn",
    "Rossi",
    "Santos",
    "Tanaka",
];
const ROLES: &[&str] = &[
    "a spokeswoman for the port authority",
    "the chief economist at Harbor Bank",
    "a professor of law at Riverside University",
    "the mayor of Eastfield",
    "deputy commander of the Northern Fleet",
];
const GROUPS: &[&str] = &[
    "Officials",
    "Analysts",
    "Union leaders",
    "Port officials",
    "Economists",
];
const CLAUSES: &[&str] = &[
    "the new terminal will open before the end of the year",
    "freight volumes fell sharply in the third quarter",
    "the agreement does not cover seasonal workers",
    "talks with the ministry are expected to resume next week",
    "the budget leaves little room for new hiring",
    "the storm damaged two of the four cranes",
];
const QUOTES: &[&str] = &[
    "We are not going to rush this, because the workers deserve a fair deal,",
    "Nobody expected the numbers to drop this fast,",
    "It’s a ‘temporary’ measure, and we’ll review it in the spring,",
    "The ’90s were different; the town’s economy has changed,",
];

/// A deterministic article of about `bytes` bytes.
fn article(bytes: usize, seed: u64) -> Article {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = |n: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((x >> 33) as usize) % n
    };
    let mut paras: Vec<String> = Vec::new();
    let mut len = 0;
    while len < bytes {
        let (g, f) = (GIVEN[next(GIVEN.len())], FAMILY[next(FAMILY.len())]);
        let role = ROLES[next(ROLES.len())];
        let clause = CLAUSES[next(CLAUSES.len())];
        let quote = QUOTES[next(QUOTES.len())];
        let group = GROUPS[next(GROUPS.len())];
        let p = match next(6) {
            0 => format!("{g} {f}, {role}, said on Tuesday that {clause}. “{quote}” {f} added."),
            1 => format!(
                "“{quote}” said {g} {f}, {role}. She said the so-called “fast track” was dead."
            ),
            2 => format!(
                "{}, {group} said on Wednesday, an effort that could take years.",
                capitalize(clause)
            ),
            3 => format!(
                "According to {group}, {clause}. The report said the “three-dimensional” plan was costly."
            ),
            4 => format!(
                "{g} {f} told reporters at a briefing in Eastfield, north of the river, that {clause}."
            ),
            _ => format!(
                "“{quote}” he said. “We will see what happens next.” The council thinks {clause}."
            ),
        };
        len += p.len() + 2;
        paras.push(p);
    }
    let mut a = Article::default();
    a.set_paragraphs(&paras);
    a
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    let corpus: Vec<Article> = (0..50).map(|i| article(6_000, i)).collect();
    let total: usize = corpus.iter().map(|a| a.body.len()).sum();
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("quotes_corpus_300KB", |b| {
        b.iter(|| {
            for a in &corpus {
                black_box(quotes::extract(&a.body, &quotes::KnownEntities::default()));
            }
        })
    });
    g.bench_function("analyze_corpus_300KB", |b| {
        b.iter(|| {
            for a in &corpus {
                black_box(analyze(a));
            }
        })
    });
    for size in [100_000usize, 1_000_000] {
        let a = article(size, 7);
        g.throughput(Throughput::Bytes(a.body.len() as u64));
        g.bench_function(format!("quotes_one_article_{}KB", size / 1000), |b| {
            b.iter(|| black_box(quotes::extract(&a.body, &quotes::KnownEntities::default())))
        });
        g.bench_function(format!("analyze_one_article_{}KB", size / 1000), |b| {
            b.iter(|| black_box(analyze(&a)))
        });
    }
    g.finish();
}

/// CPU time this thread has run, in nanoseconds (Linux `schedstat`), so that throughput can
/// be reported per core even on a machine shared with other work.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Throughput per core: bytes extracted per second of this thread's CPU time.
fn cpu_throughput() {
    let corpus: Vec<Article> = (0..50).map(|i| article(6_000, i)).collect();
    let total: usize = corpus.iter().map(|a| a.body.len()).sum();
    let Some(t0) = thread_cpu_ns() else {
        println!("cpu-time throughput: /proc/thread-self/schedstat not available");
        return;
    };
    for (name, full) in [("quotes", false), ("analyze", true)] {
        let start = thread_cpu_ns().unwrap_or(t0);
        let mut bytes = 0usize;
        while thread_cpu_ns().unwrap_or(start) - start < 2_000_000_000 {
            for a in &corpus {
                if full {
                    black_box(analyze(a));
                } else {
                    black_box(quotes::extract(&a.body, &quotes::KnownEntities::default()));
                }
            }
            bytes += total;
        }
        let ns = thread_cpu_ns().unwrap_or(start) - start;
        println!(
            "cpu-time throughput, {name}: {:.1} MB/s per core ({} MB in {:.2} s of CPU)",
            bytes as f64 / 1e6 / (ns as f64 / 1e9),
            bytes / 1_000_000,
            ns as f64 / 1e9
        );
    }
}

criterion_group!(benches, bench);

fn main() {
    cpu_throughput();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
