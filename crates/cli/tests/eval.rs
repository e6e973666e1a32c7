//! The accuracy ratchet: when the project's evaluation set sits beside the checkout
//! (`../shared/eval`, real reports with hand-made gold, kept outside the repository because the
//! texts are third-party pages), score this build's CLI on it with the set's own scorer and fail
//! if any field falls below the figure committed in `crates/cli/tests/eval-baseline.json`.
//!
//! Raise the baseline as accuracy improves: `HUIXI_EVAL_WRITE=1 cargo test --test eval` writes
//! the current figures (only upwards: a field never goes down by a rewrite). Without the set, or
//! without python3, the test says so in one line and checks nothing else.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The fields score.py prints, each with its figure (F1 or accuracy, three decimals).
fn scores(gold: &Path, texts: &Path) -> BTreeMap<String, f64> {
    let root = workspace_root();
    let scorer = root.join("../shared/eval/score.py");
    let cmd = format!("{} analyze {{}}", env!("CARGO_BIN_EXE_huixi"));
    let out = Command::new("python3")
        .arg(&scorer)
        .arg(gold)
        .arg(texts)
        .arg("--cmd")
        .arg(&cmd)
        .current_dir(&root)
        .output()
        .expect("run python3 score.py");
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("score.py prints UTF-8");
    print!("{stdout}");
    let mut m = BTreeMap::new();
    for line in stdout.lines() {
        let mut words = line.split_whitespace();
        let Some(field) = words.next() else { continue };
        // "names P=0.923 R=0.901 F1=0.912 (…)" or "date acc=0.837 (36/43)"
        let figure = words.find_map(|w| w.strip_prefix("F1=").or_else(|| w.strip_prefix("acc=")));
        if let Some(v) = figure.and_then(|v| v.parse::<f64>().ok()) {
            m.insert(field.to_string(), v);
        }
    }
    assert!(!m.is_empty(), "score.py printed no figures:\n{stdout}");
    m
}

/// The checkout's root, beside which `../shared/eval` sits.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn baseline_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval-baseline.json")
}

#[test]
fn accuracy_never_falls_below_the_committed_baseline() {
    let root = workspace_root();
    let eval = root.join("../shared/eval");
    if !eval.join("dev").is_dir() || !eval.join("score.py").is_file() {
        println!("eval ratchet skipped: no ../shared/eval/dev beside the checkout");
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        println!("eval ratchet skipped: python3 not found");
        return;
    }
    let sets = [("dev", eval.join("dev"), eval.join("dev")), ("seeds", eval.join("seeds-gold"), root.join("seeds"))];
    let text = std::fs::read_to_string(baseline_path()).expect("crates/cli/tests/eval-baseline.json");
    let mut baseline: BTreeMap<String, BTreeMap<String, f64>> =
        serde_json::from_str(&text).expect("crates/cli/tests/eval-baseline.json is {set: {field: figure}}");
    let write = std::env::var_os("HUIXI_EVAL_WRITE").is_some();
    let mut drops = Vec::new();
    for (set, gold, texts) in sets {
        if !gold.is_dir() {
            continue;
        }
        let now = scores(&gold, &texts);
        let base = baseline.entry(set.to_string()).or_default();
        for (field, &was) in base.iter() {
            match now.get(field) {
                Some(&v) if v + 1e-9 < was => drops.push(format!("{set} {field}: {v:.3} < baseline {was:.3}")),
                None => drops.push(format!("{set} {field}: no longer scored (baseline {was:.3})")),
                _ => {}
            }
        }
        if write {
            for (field, v) in now {
                let e = base.entry(field).or_insert(v);
                *e = e.max(v);
            }
        }
    }
    if write && drops.is_empty() {
        let json = serde_json::to_string_pretty(&baseline).expect("baseline serialises");
        std::fs::write(baseline_path(), json + "\n").expect("write crates/cli/tests/eval-baseline.json");
    }
    assert!(drops.is_empty(), "accuracy fell below crates/cli/tests/eval-baseline.json:\n{}", drops.join("\n"));
}
