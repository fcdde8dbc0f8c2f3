//! Pages per second of the HTML loader (charset, parse, metadata, extraction) on one core.
//!
//! Uses the saved pages of `../shared/eval/html` when present, else generated pages.
//! Run: `cargo bench --bench html` (criterion reports the throughput in pages/s).
//!
//! Two groups: `html` by wall time, and `html_cpu` by the thread's CPU time (Linux
//! `/proc/thread-self/schedstat`, else wall time), which stays meaningful on a busy machine
//! where other processes share the cores.

// Measured with the allocator the binary uses (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn pages() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/html");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "html"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    if !files.is_empty() {
        eprintln!(
            "html bench: {} saved pages from {}",
            files.len(),
            dir.display()
        );
        return files.iter().filter_map(|p| std::fs::read(p).ok()).collect();
    }
    eprintln!(
        "html bench: {} missing; using generated pages",
        dir.display()
    );
    (0..50).map(generated_page).collect()
}

fn generated_page(seed: usize) -> Vec<u8> {
    let mut s = String::from(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Story</title>\
         <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Story\",\
         \"author\":{\"name\":\"Ann Lee\"},\"datePublished\":\"2024-01-02\"}</script>\
         <script>var x = '<div>'.repeat(10);</script></head><body><nav><ul>",
    );
    for i in 0..40 {
        s.push_str(&format!("<li><a href=/s{i}>Section {i}</a></li>"));
    }
    s.push_str("</ul></nav><main><article><h1>Story</h1><div class=article-body>");
    for p in 0..(20 + seed % 30) {
        s.push_str(&format!(
            "<p>Paragraph {p} of page {seed}, with <a href=/x>a link</a>, some commas, and \
             \u{201C}a quote,\u{201D} said Ann Lee, a spokeswoman for the city council.</p>"
        ));
        if p % 7 == 3 {
            s.push_str("<div class=ad-slot><span>Advertisement</span></div>");
        }
    }
    s.push_str("</div></article><aside class=related><ul>");
    for i in 0..20 {
        s.push_str(&format!("<li><a href=/r{i}>Related story {i}</a></li>"));
    }
    s.push_str("</ul></aside><footer>Copyright</footer></body></html>");
    s.into_bytes()
}

/// CPU time of the current thread in nanoseconds, when the kernel reports it.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Criterion measurement of the benchmark thread's CPU time (falls back to wall time).
struct CpuTime;

enum Start {
    Cpu(u64),
    Wall(std::time::Instant),
}

impl Measurement for CpuTime {
    type Intermediate = Start;
    type Value = u64;

    fn start(&self) -> Start {
        thread_cpu_ns().map_or_else(|| Start::Wall(std::time::Instant::now()), Start::Cpu)
    }
    fn end(&self, i: Start) -> u64 {
        match i {
            Start::Cpu(t) => thread_cpu_ns().unwrap_or(t).saturating_sub(t),
            Start::Wall(t) => t.elapsed().as_nanos() as u64,
        }
    }
    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }
    fn zero(&self) -> u64 {
        0
    }
    fn to_f64(&self, v: &u64) -> f64 {
        *v as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        // Values are nanoseconds, like wall time.
        WallTime.formatter()
    }
}

fn bench_with<M: Measurement>(c: &mut Criterion<M>, name: &str, pages: &[Vec<u8>]) {
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.sample_size(10);
    g.bench_function("load_pages", |b| {
        b.iter(|| {
            for p in pages {
                black_box(onrecord::article::html::load(black_box(p)));
            }
        })
    });
    g.finish();
}

fn wall(c: &mut Criterion) {
    bench_with(c, "html", &pages());
}

fn cpu(c: &mut Criterion<CpuTime>) {
    bench_with(c, "html_cpu", &pages());
}

criterion_group!(wall_benches, wall);
criterion_group! {
    name = cpu_benches;
    config = Criterion::default().with_measurement(CpuTime);
    targets = cpu
}
criterion_main!(wall_benches, cpu_benches);
