//! Looks for texts whose analysis grows faster than the text: each unit (punctuation, the
//! lexicons' words, those words with punctuation after them, or with `--combos N`, N random
//! triples of them) repeated to ~8k and ~32k chars, analysed, and reported when 4× the text took
//! over 7× the time and, checked again, 8× the text (16k → 128k) over 14×. A profiling aid, not
//! a test (timings never fail a test): `cargo run --release --example scaling [-- --combos
//! 3000]`; one unit at 16k, 64k and 256k chars: `… --example scaling -- --unit '：'`.
//! Found this way: a look-back over a run of spaces or colons at each of its chars (the people
//! stage, 1 MB of spaces: minutes; tabs, U+3000 and ASCII colons too, as the text is folded);
//! tests/hard_inputs.rs keeps those shapes.
use std::time::Instant;

fn time(text: &str) -> f64 {
    let t = Instant::now();
    std::hint::black_box(huixi::analyze(text));
    t.elapsed().as_secs_f64() * 1e3
}

fn units() -> Vec<String> {
    let mut units: Vec<String> = "，。、；：？！“”‘’（）《》【】〔〕—…·－ 　\n\t|/\\-_=+*#@&%$^~`'\"<>()[]{}.,;:?!0１一二三四五六七八九十百千万亿年月日时分号第是要条项个等×x※○●■"
        .chars()
        .map(String::from)
        .collect();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/lexicon");
    let mut files: Vec<_> =
        std::fs::read_dir(dir).into_iter().flatten().filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    for f in files
        .iter()
        .filter(|f| !f.ends_with("jieba_pruned.txt") && !f.ends_with("places.txt") && !f.ends_with("stopwords.txt"))
    {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for line in text.lines().filter(|l| !l.starts_with('#')).take(400) {
            let words = line.split(|c: char| c.is_whitespace() || c == '|' || c == ',');
            units.extend(words.filter(|w| (1..=8).contains(&w.chars().count())).map(String::from));
        }
    }
    units.sort();
    units.dedup();
    let punctuated: Vec<String> = units
        .iter()
        .filter(|u| u.chars().count() > 1)
        .flat_map(|u| ["，", "。", "、", "：", " ", "\n"].map(|p| format!("{u}{p}")))
        .collect();
    units.extend(punctuated);
    units
}

fn main() {
    huixi::warm_up();
    huixi::analyze("县委书记张某出席会议并讲话。一、二、");
    let args: Vec<String> = std::env::args().collect();
    if let Some(u) = args.iter().position(|a| a == "--unit").and_then(|i| args.get(i + 1)) {
        for n in [16_000, 64_000, 256_000] {
            let text = u.repeat(n / u.chars().count().max(1) + 1);
            println!("{u:?} × ~{n} chars: {:.1} ms", time(&text));
        }
        return;
    }
    let mut units = units();
    if let Some(n) = args.iter().position(|a| a == "--combos").and_then(|i| args.get(i + 1)?.parse::<usize>().ok()) {
        // A fixed LCG, so a run can be repeated.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) as usize
        };
        let base = std::mem::take(&mut units);
        units = (0..n).map(|_| (0..3).map(|_| base[next() % base.len()].as_str()).collect()).collect();
    }
    eprintln!("{} units", units.len());
    let mut slowest = Vec::new();
    for u in &units {
        let mk = |n: usize| u.repeat(n / u.chars().count().max(1) + 1);
        let (small, big) = (time(&mk(8_000)), time(&mk(32_000)));
        if big / small.max(0.05) > 7.0 && big > 20.0 {
            // Confirmed over a longer stretch (a first-touch or allocator effect passes one pair).
            let (a, b) = (time(&mk(16_000)), time(&mk(128_000)));
            if b / a.max(0.05) > 14.0 {
                println!("grows faster than the text: {u:?}: ~16k chars {a:.1} ms, ~128k chars {b:.1} ms");
            }
        }
        slowest.push((big, u));
    }
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (ms, u) in slowest.iter().take(10) {
        println!("slowest at ~32k chars: {u:?} {ms:.1} ms");
    }
}
