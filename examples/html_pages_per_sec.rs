//! Pages/s of the HTML loader on one core, by wall time and by process CPU time
//! (CPU time is steadier on a busy machine). Usage: cargo run --release --example html_pages_per_sec
use onrecord::article::html::*;
use std::time::Instant;
fn cpu_secs() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let f: Vec<&str> = s
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks: f64 = f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    ticks / 100.0
}
fn main() {
    let files: Vec<_> = std::fs::read_dir("../shared/eval/html")
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    let pages: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let rounds = 10;
    let (w, c) = (Instant::now(), cpu_secs());
    for _ in 0..rounds {
        for p in &pages {
            std::hint::black_box(load(p));
        }
    }
    let n = (rounds * pages.len()) as f64;
    println!(
        "{} pages: wall {:.0} pages/s, cpu {:.0} pages/s",
        n,
        n / w.elapsed().as_secs_f64(),
        n / (cpu_secs() - c)
    );
}
