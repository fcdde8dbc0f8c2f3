//! Pages per second of the HTML loader (charset, parse, metadata, extraction) on one core.
//!
//! Uses the saved pages of `../shared/eval/html` when present, else generated pages.
//! Run: `cargo bench --bench html` (criterion reports the throughput in pages/s).

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

fn bench(c: &mut Criterion) {
    let pages = pages();
    let mut g = c.benchmark_group("html");
    g.throughput(Throughput::Elements(pages.len() as u64));
    g.sample_size(10);
    g.bench_function("load_pages", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(onrecord::article::html::load(black_box(p)));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
