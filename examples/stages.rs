//! Time each stage of `analyze` on the seeds and on ~1 MB (seeds repeated); a profiling aid,
//! not a benchmark: `cargo run --release --example stages [N]`.
use huixi::extract::{self, Ctx};
use huixi::text::Doc;
use std::time::Instant;

fn main() {
    huixi::warm_up();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let seeds: Vec<String> = files.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
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
        let mut add = |k: &'static str, t: Instant| {
            let ms = t.elapsed().as_secs_f64() * 1e3 / n as f64;
            if let Some(e) = times.iter_mut().find(|e| e.0 == k) { e.1 += ms } else { times.push((k, ms)) }
        };
        for _ in 0..n {
            let t = Instant::now();
            let mut doc = Doc::new(text);
            add("doc", t);
            let t = Instant::now();
            let info = extract::document::extract(&doc);
            let masked: Vec<_> = info.boilerplate.iter().map(|a| a.span).collect();
            doc.mask(&masked);
            add("document", t);
            let t = Instant::now();
            let tokens = huixi::segment::tag(&doc.text);
            add("tag", t);
            let t = Instant::now();
            let ctx = Ctx::new(&doc, &tokens);
            add("ctx", t);
            let document = info.document;
            let t = Instant::now();
            let region = extract::region::extract(&ctx, &document);
            add("region", t);
            let t = Instant::now();
            let meeting = extract::meeting::extract(&ctx, &document, region.as_ref());
            add("meeting", t);
            let t = Instant::now();
            let people = extract::people::extract(&ctx);
            add("people", t);
            let t = Instant::now();
            let _o = extract::organizations::extract(&ctx, &people);
            add("organizations", t);
            let t = Instant::now();
            let _o = extract::outline::extract(&ctx, &people);
            add("outline", t);
            let t = Instant::now();
            let _f = extract::formulas::extract(&ctx);
            add("formulas", t);
            let t = Instant::now();
            let _c = extract::campaigns::extract(&ctx);
            add("campaigns", t);
            let t = Instant::now();
            let _q = extract::quoted::extract(&ctx);
            add("quoted", t);
            let year = meeting.date.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok());
            let t = Instant::now();
            let _t = extract::targets::extract(&ctx, year);
            add("targets", t);
            let t = Instant::now();
            let _k = extract::keywords::extract(&ctx);
            add("keywords", t);
            let t = Instant::now();
            let _a = extract::anomalies::extract(&ctx, &document, region.as_ref());
            add("anomalies", t);
        }
        let t = Instant::now();
        for _ in 0..n { std::hint::black_box(huixi::segment::cut(text).len()); }
        add("(cut alone)", t);
        let t = Instant::now();
        for _ in 0..n { std::hint::black_box(huixi::analyze(text)); }
        add("(analyze)", t);
        println!("== {name}");
        for (k, ms) in times { println!("{k:>16} {ms:9.3} ms"); }
    }
}
