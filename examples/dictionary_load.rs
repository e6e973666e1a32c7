//! How long the segmentation dictionary takes to load: frozen, as the app loads it (lazily) and
//! whole, against building it from its text (docs/dictionary.md, "Load time"). A measuring aid:
//! `cargo run --release --example dictionary_load [RUNS]`.
use std::time::{Duration, Instant};

use jieba_rs::Jieba;

/// The dictionary as build.rs froze it, and the text it froze (`LEXICONS`; `FILES` names the
/// base and the lexicons).
const FROZEN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dictionary.frozen"));
const BASE: &str = include_str!("../src/lexicon/jieba_pruned.txt");
include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

/// The fastest and the median of `runs` runs of `load`.
fn time(runs: usize, mut load: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            load();
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[0], times[runs / 2])
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(5).max(1);
    let text_bytes = BASE.len() + LEXICONS.iter().map(|l| l.len()).sum::<usize>();
    println!("frozen: {} bytes; text: {text_bytes} bytes ({})", FROZEN.len(), FILES.join(" + "));
    let loads: [(&str, &dyn Fn()); 3] = [
        ("frozen, lazily (the app)", &|| assert!(Jieba::from_frozen_lazy(FROZEN).is_ok())),
        ("frozen, whole", &|| assert!(Jieba::from_frozen(FROZEN).is_ok())),
        ("from the text", &|| assert!(huixi_dict::build(BASE, LEXICONS).is_ok())),
    ];
    for (what, load) in loads {
        let (min, median) = time(runs, load);
        println!("{what:>26}: fastest {min:?}, median {median:?} of {runs}");
    }
}
