//! Shared by huixi's tests, benchmarks, examples and fuzz targets: the five seed documents of
//! `seeds/`, and the invariants every Report must satisfy for its input.

use std::path::{Path, PathBuf};

use huixi::{OutlineNode, Report, Span};

/// `seeds/` at the workspace root.
pub fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// Paths of the seeds, sorted by name.
pub fn seed_paths() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("seeds/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

/// Path of the seed whose file name starts with `prefix` ("000", "003_").
pub fn seed_path(prefix: &str) -> PathBuf {
    seed_paths()
        .into_iter()
        .find(|p| p.file_name().and_then(|f| f.to_str()).is_some_and(|f| f.starts_with(prefix)))
        .unwrap_or_else(|| panic!("no seed {prefix}"))
}

/// Text of the seed whose file name starts with `prefix`.
pub fn seed(prefix: &str) -> String {
    std::fs::read_to_string(seed_path(prefix)).expect("seed is UTF-8")
}

/// Every seed as (file stem, text), sorted by name.
pub fn seeds() -> Vec<(String, String)> {
    seed_paths()
        .into_iter()
        .map(|p| {
            let name = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
            (name, std::fs::read_to_string(&p).expect("seed is UTF-8"))
        })
        .collect()
}

/// Panics (a libFuzzer crash) when a span of the Report is inverted or leaves the input, or when
/// the document length is not the input's char count. The web UI slices the input by these spans,
/// so a bad one is a crash or a wrong highlight there.
pub fn check_report(text: &str, r: &Report) {
    let n = text.chars().count();
    assert_eq!(r.document.chars, n, "document.chars");
    let check = |what: &str, sp: Span| {
        assert!(sp.0 <= sp.1 && sp.1 <= n, "{what} span {sp:?} outside 0..{n}");
    };
    if let Some(sp) = r.meeting.span {
        check("meeting", sp);
    }
    for p in &r.people {
        p.mentions.iter().for_each(|&m| check("person", m));
    }
    for o in &r.organizations {
        o.mentions.iter().for_each(|&m| check("organization", m));
    }
    for f in &r.formulas {
        f.mentions.iter().for_each(|&m| check("formula", m));
    }
    for t in r.campaigns.iter().chain(&r.quoted) {
        t.mentions.iter().for_each(|&m| check("term", m));
    }
    r.targets.iter().for_each(|t| check("target", t.span));
    r.anomalies.iter().for_each(|a| check("anomaly", a.span));
    fn outline(nodes: &[OutlineNode], check: &dyn Fn(&str, Span)) {
        for node in nodes {
            check("outline", node.span);
            outline(&node.children, check);
        }
    }
    outline(&r.outline, &check);
}

/// `text` in GBK, as old Windows tools save it; panics if a char has no GBK form.
pub fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "a char of the text has no GBK form");
    bytes.into_owned()
}
