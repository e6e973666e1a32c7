//! Freezes the segmentation dictionary (src/lexicon/jieba_pruned.txt, the readable source) into
//! the vendored jieba-rs's binary form, which the segmenter loads without parsing text: in wasm
//! that load is most of the app's cold start (BENCHMARKS.md, session 6). The text stays the one
//! source of truth; the bytes land in OUT_DIR and are never committed.

use std::{env, fs, path::Path};

const DICT: &str = "src/lexicon/jieba_pruned.txt";

fn main() {
    println!("cargo::rerun-if-changed={DICT}");
    println!("cargo::rerun-if-changed=build.rs");
    let text = fs::read_to_string(DICT).unwrap_or_else(|e| panic!("cannot read {DICT}: {e}"));
    // The header lines start with '#'; jieba's loader takes no comments.
    let body: String = text.lines().skip_while(|l| l.starts_with('#')).flat_map(|l| [l, "\n"]).collect();
    let mut jieba = jieba_rs::Jieba::empty();
    // A bad line would make the loader stop there and the app lose every word after it.
    if let Err(e) = jieba.load_dict_str(&body) {
        panic!("{DICT}: {e}");
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("jieba_pruned.frozen");
    fs::write(&out, jieba.freeze()).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
