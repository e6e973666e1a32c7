//! `huixi::analyze` on each seed, the segmenter alone on the same text (analysis cost over
//! segmentation cost is the ratio to watch), and both on ~1 MB (the seeds repeated).
//!
//! `cargo bench --bench analyze`; quick run: `cargo bench -- --warm-up-time 1 --measurement-time 2`.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.get(..3)?.to_string();
            Some((name, std::fs::read_to_string(&p).ok()?))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    huixi::warm_up();
    let seeds = seeds();
    assert!(!seeds.is_empty(), "no seeds found");

    let mut g = c.benchmark_group("seed");
    for (name, text) in &seeds {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("analyze", name), text, |b, t| b.iter(|| huixi::analyze(black_box(t))));
        g.bench_with_input(BenchmarkId::new("segment_cut", name), text, |b, t| {
            b.iter(|| huixi::segment::cut(black_box(t)).len())
        });
    }
    g.finish();

    let mut big = String::new();
    while big.len() < 1 << 20 {
        for (_, t) in &seeds {
            big.push_str(t);
            big.push('\n');
        }
    }
    let mut g = c.benchmark_group("1MB");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("analyze", |b| b.iter(|| huixi::analyze(black_box(&big))));
    g.bench_function("segment_cut", |b| b.iter(|| huixi::segment::cut(black_box(&big)).len()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
