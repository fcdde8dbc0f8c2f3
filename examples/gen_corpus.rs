//! Writes a synthetic library for benchmarks and manual tests.
//!
//! `cargo run --release --example gen_corpus -- DIR N [SEED]`

use onrecord_testkit::corpus;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: gen_corpus DIR N [SEED]");
        std::process::exit(2);
    }
    let dir = std::path::PathBuf::from(&args[1]);
    let n: usize = args[2].parse().expect("N must be a number");
    let seed: u64 = args
        .get(3)
        .map_or(7, |s| s.parse().expect("SEED must be a number"));
    let t = std::time::Instant::now();
    let paths = corpus::generate(&dir, n, seed).expect("cannot write the corpus");
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "wrote {} articles ({:.1} MB) to {} in {:.1}s",
        paths.len(),
        bytes as f64 / 1e6,
        dir.display(),
        t.elapsed().as_secs_f64()
    );
}
