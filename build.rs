//! Builds the segmentation dictionary (src/dictionary.rs: the readable base dictionary plus the
//! domain lexicons) and freezes it into the vendored jieba-rs's binary form, which the segmenter
//! loads without parsing text or walking words: in wasm that load is most of the app's cold start
//! (docs/perf-history.md, "Frozen dictionary"). The text files stay the one source; the bytes land
//! in OUT_DIR and are never committed.

use std::{env, fs, path::Path};

#[path = "src/dictionary.rs"]
mod dictionary;
#[path = "src/lexicon.rs"]
#[allow(dead_code)]
mod lexicon;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/dictionary.rs");
    println!("cargo::rerun-if-changed=src/lexicon.rs");
    for f in dictionary::FILES {
        println!("cargo::rerun-if-changed={f}");
    }
    let (jieba, base_total) =
        dictionary::build(dictionary::BASE).unwrap_or_else(|e| panic!("src/lexicon/jieba_pruned.txt: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let write = |name: &str, bytes: &[u8]| {
        let p = out.join(name);
        fs::write(&p, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", p.display()));
    };
    write("dictionary.frozen", &jieba.freeze());
    write("dictionary_base_total.rs", base_total.to_string().as_bytes());
}
