//! Where the pruned dictionary cuts the seeds and the genre texts otherwise than jieba's full one
//! (docs/dictionary.md, "The pruning rule"): each differing stretch, tags that differ on the same
//! span, and the share of tokens that differ. A measuring aid:
//! `cargo run --release --example pruned_vs_full`, with jieba's full dict.txt at `HUIXI_FULL_DICT`
//! or in cargo's registry (jieba-rs 0.11.0), and `HUIXI_DICT=path` to try a candidate other than
//! `src/lexicon/jieba_pruned.txt`. Both get huixi's lexicons on top, as the app does.
use huixi::segment::{tag_with, Token};
use huixi::text::Doc;
use jieba_rs::Jieba;

const PRUNED: &str = include_str!("../src/lexicon/jieba_pruned.txt");
include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

/// The full dictionary: `HUIXI_FULL_DICT` or jieba-rs's dict.txt in cargo's registry.
fn full_dict() -> Option<String> {
    if let Ok(p) = std::env::var("HUIXI_FULL_DICT") {
        return std::fs::read_to_string(p).ok();
    }
    let home = std::env::var("CARGO_HOME").or_else(|_| std::env::var("HOME").map(|h| format!("{h}/.cargo"))).ok()?;
    let src = std::fs::read_dir(format!("{home}/registry/src")).ok()?;
    src.flatten().find_map(|d| std::fs::read_to_string(d.path().join("jieba-rs-0.11.0/src/data/dict.txt")).ok())
}

/// The seeds and the genre texts, normalised as the analysis normalises them.
fn corpus() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut out = Vec::new();
    for dir in ["seeds", "tests/genre"] {
        let Ok(rd) = std::fs::read_dir(format!("{root}/{dir}")) else { continue };
        let mut paths: Vec<_> =
            rd.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        paths.sort();
        for p in paths {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push((p.display().to_string(), Doc::new(&t).text.clone()));
            }
        }
    }
    out
}

/// The tokens of `text` as huixi tags them with `j`, spaces left out.
fn words<'t>(j: &Jieba, text: &'t str) -> Vec<Token<'t>> {
    let mut ts = tag_with(j, text);
    ts.retain(|t| !t.word.trim().is_empty());
    ts
}

fn build(what: &str, text: &str) -> Jieba {
    huixi_dict::build(text, LEXICONS).map(|(j, _)| j).unwrap_or_else(|e| {
        eprintln!("{what}: {e}");
        std::process::exit(1)
    })
}

fn main() {
    let Some(full) = full_dict() else {
        eprintln!("jieba's full dict.txt not found: set HUIXI_FULL_DICT to its path");
        std::process::exit(1)
    };
    let candidate = std::env::var("HUIXI_DICT").ok();
    let pruned = match &candidate {
        Some(p) => std::fs::read_to_string(p).unwrap_or_else(|e| {
            eprintln!("HUIXI_DICT={p}: {e}");
            std::process::exit(1)
        }),
        None => PRUNED.to_string(),
    };
    let (full, pruned) = (build("the full dictionary", &full), build("the candidate", &pruned));
    let (mut total, mut differ, mut pos_differ) = (0usize, 0usize, 0usize);
    for (name, text) in corpus() {
        let (a, b) = (words(&full, &text), words(&pruned, &text));
        let (mut i, mut k, mut d) = (0, 0, 0);
        while i < a.len() && k < b.len() {
            if a[i].span == b[k].span {
                if a[i].pos != b[k].pos {
                    pos_differ += 1;
                    println!("  pos {}: {} vs {}", a[i].word, a[i].pos, b[k].pos);
                }
                i += 1;
                k += 1;
                continue;
            }
            // A differing stretch: advance whichever ends first until both end together.
            let (si, sk) = (i, k);
            loop {
                let (ea, eb) = (a.get(i).map_or(usize::MAX, |t| t.span.1), b.get(k).map_or(usize::MAX, |t| t.span.1));
                if ea <= eb {
                    i += 1;
                }
                if eb <= ea {
                    k += 1;
                }
                if ea == eb || i >= a.len() || k >= b.len() {
                    break;
                }
            }
            d += i - si;
            let show = |ts: &[Token]| ts.iter().map(|t| format!("{}/{}", t.word, t.pos)).collect::<Vec<_>>().join(" ");
            println!("  full: {}\n    pruned: {}", show(&a[si..i]), show(&b[sk..k]));
        }
        println!("{name}: {d} of {} tokens differ", a.len());
        total += a.len();
        differ += d;
    }
    println!(
        "TOTAL: {differ} of {total} tokens differ ({:.2} %); same-span POS differences: {pos_differ}",
        100.0 * differ as f64 / total.max(1) as f64
    );
}
