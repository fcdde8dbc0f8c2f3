//! Entity recognition throughput (MB/s on one core).
//!
//! Corpus: the dev articles under `../shared/eval/quotes` when present (read at run time,
//! never copied), else generated sentences; plus a generated 1 MB body full of distinct
//! names, which would expose any scan that grows faster than the input.

// Measured with the allocator the binary uses (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use onrecord::article::{Article, text};
use onrecord::extract::entities::recognize;
use std::hint::black_box;
use std::path::Path;

fn dev_corpus() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/quotes");
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            if let Ok(s) = std::fs::read_to_string(&p) {
                out.push(text::parse(&s));
            }
        }
    }
    if out.is_empty() {
        eprintln!("../shared/eval/quotes not found: using generated articles");
        out.push(generated(200_000, 40));
    }
    out
}

/// A body of about `bytes` bytes with `distinct` different people, places and groups.
fn generated(bytes: usize, distinct: usize) -> Article {
    let given = [
        "Ana", "Bo", "Carl", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivan", "Jo",
    ];
    let mut body = String::with_capacity(bytes + 200);
    let mut i = 0usize;
    while body.len() < bytes {
        let k = i % distinct.max(1);
        let g = given[k % given.len()];
        body.push_str(&format!(
            "Lt. Col. {g} Varn{k}, deputy head of the Orvel{k} Institute for Coastal Studies, \
             said in Lisbon on Monday that the U.S. and Varn{k} Group (VG{k}) would act. \
             \u{201C}We are ready,\u{201D} Varn{k} added.\n\n"
        ));
        i += 1;
    }
    Article {
        body,
        ..Article::default()
    }
}

fn bench(c: &mut Criterion) {
    let corpus = dev_corpus();
    let bytes: usize = corpus.iter().map(|a| a.body.len()).sum();
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("dev corpus", |b| {
        b.iter(|| {
            for a in &corpus {
                black_box(recognize(black_box(a)));
            }
        })
    });
    let many = generated(1_000_000, 20_000);
    g.throughput(Throughput::Bytes(many.body.len() as u64));
    g.sample_size(10);
    g.bench_function("1 MB, 20k distinct names", |b| {
        b.iter(|| black_box(recognize(black_box(&many))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
