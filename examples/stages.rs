//! Time each stage of `analyze` on seed 000 and on ~1 MB (seeds repeated); a profiling aid, not
//! a benchmark: `cargo run --release --example stages [N]`. The stages are those of
//! `huixi::analyze_staged` (the browser benchmark prints the same table for the wasm build).
use std::time::Instant;

fn main() {
    huixi::warm_up();
    let seeds: Vec<String> = huixi_testkit::seeds().into_iter().map(|(_, text)| text).collect();
    let mut big = String::new();
    while big.len() < 1 << 20 {
        for t in &seeds {
            big.push_str(t);
            big.push('\n');
        }
    }
    let reps: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(3);
    for (name, text, n) in [("seed000", &seeds[0], reps * 100), ("1MB", &big, reps)] {
        let mut times: Vec<(&str, f64)> = Vec::new();
        let mut add = |k: &'static str, ms: f64| {
            if let Some(e) = times.iter_mut().find(|e| e.0 == k) {
                e.1 += ms / n as f64
            } else {
                times.push((k, ms / n as f64))
            }
        };
        for _ in 0..n {
            let mut last = Instant::now();
            let mut stages: Vec<(&'static str, f64)> = Vec::new();
            std::hint::black_box(huixi::analyze_staged(text, &mut |stage| {
                stages.push((stage, last.elapsed().as_secs_f64() * 1e3));
                last = Instant::now();
            }));
            for (k, ms) in stages {
                add(k, ms)
            }
        }
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(huixi::segment::cut(text).len());
        }
        add("(cut alone)", t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(huixi::analyze(text));
        }
        add("(analyze)", t.elapsed().as_secs_f64() * 1e3);
        println!("== {name}");
        for (k, ms) in times {
            println!("{k:>16} {ms:9.3} ms");
        }
    }
}
