//! `huixi::analyze` on each seed, the segmenter alone on the same text (analysis cost over
//! segmentation cost is the ratio to watch), both on ~1 MB (the seeds repeated), and on texts
//! of degenerate shapes (long runs of one separator or of one institution word), where a rule
//! that looks back or ahead at every char would show as time growing with the run.
//!
//! `cargo bench --bench analyze`; quick run: `cargo bench -- --warm-up-time 1 --measurement-time 2`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// The seeds, each named by its number ("000").
fn seeds() -> Vec<(String, String)> {
    huixi_testkit::seeds().into_iter().map(|(name, text)| (name.chars().take(3).collect(), text)).collect()
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

fn shapes(c: &mut Criterion) {
    huixi::warm_up();
    let mut g = c.benchmark_group("shapes");
    g.sample_size(10);
    for (name, unit) in [
        ("spaces", " "),
        ("colons", "："),
        ("ideographic_spaces", "\u{3000}"),
        ("town", "镇"),
        ("titles", "县委副书记、政法委书记张某，"),
    ] {
        let text = unit.repeat((256 << 10) / unit.len());
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("analyze_256kB", name), &text, |b, t| {
            b.iter(|| huixi::analyze(black_box(t)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench, shapes);
criterion_main!(benches);
