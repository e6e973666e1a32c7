//! Builds the segmentation dictionary (the readable base dictionary plus the domain lexicons,
//! with `huixi-dict`, the format code the library itself uses) and freezes it into the vendored
//! jieba-rs's binary form, which the segmenter loads without parsing text or walking words: in
//! wasm that load is most of the app's cold start (docs/perf-history.md, "Frozen dictionary"). The text files stay
//! the one source; the bytes land in OUT_DIR and are never committed.

use std::{env, fs, path::Path};

/// The base dictionary (scripts/make-dict.py).
const BASE: &str = "src/lexicon/jieba_pruned.txt";
/// Domain vocabulary files fed to jieba, each line `word [freq] [pos]`. Split by owner so that
/// separate concerns (titles, institutions, terms) can grow without touching each other.
const LEXICONS: &[&str] = &[
    "src/lexicon/words_general.txt",
    "src/lexicon/words_titles.txt",
    "src/lexicon/words_orgs.txt",
    "src/lexicon/words_terms.txt",
];

fn read(path: &str) -> String {
    println!("cargo::rerun-if-changed={path}");
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let base = read(BASE);
    let lexicons: Vec<String> = LEXICONS.iter().map(|p| read(p)).collect();
    let lexicons: Vec<&str> = lexicons.iter().map(String::as_str).collect();
    let (jieba, base_total) = huixi_dict::build(&base, &lexicons).unwrap_or_else(|e| panic!("{BASE}: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let write = |name: &str, bytes: &[u8]| {
        let p = out.join(name);
        fs::write(&p, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", p.display()));
    };
    write("dictionary.frozen", &jieba.freeze());
    write("dictionary_base_total.rs", base_total.to_string().as_bytes());
    // The same list for the library's tests, which check the frozen bytes against the text, and
    // the names of the files read here, for the test that every lexicon file is read.
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let includes: String = LEXICONS
        .iter()
        .map(|p| format!("    include_str!({:?}),\n", Path::new(&root).join(p).display().to_string()))
        .collect();
    let names: String = std::iter::once(&BASE)
        .chain(LEXICONS)
        .filter_map(|p| Path::new(p).file_name()?.to_str())
        .map(|n| format!("    {n:?},\n"))
        .collect();
    write(
        "lexicons.rs",
        format!("pub const LEXICONS: &[&str] = &[\n{includes}];\npub const FILES: &[&str] = &[\n{names}];\n")
            .as_bytes(),
    );
}
