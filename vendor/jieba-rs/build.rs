//! The HMM's parameters as Rust statics (`$OUT_DIR/hmm_data.rs`, included by `src/hmm.rs`), made
//! from `src/data/hmm.model`: what upstream's `jieba_macros::generate_hmm_data!()` emits, except
//! the emission table. Upstream stores it as `[[f64; 4]; 14631]` (468 kB of a wasm build, a sixth
//! of huixi's engine module), but the model holds only ~8,700 distinct probabilities: here each
//! row is four u16 indices into one table of the distinct values (117 kB + 70 kB). The values are
//! the model's own literals, written once each, so every emission probability is bit for bit what
//! the f64 table held (`src/hmm.rs` tests it against `HmmModel::load` of the same file).
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const MODEL: &str = "src/data/hmm.model";
/// The range of chars the segmenter runs the HMM over (as upstream's macro).
const HMM_HAN_MIN: u32 = 0x4E00;
const HMM_HAN_MAX: u32 = 0x9FD5;

fn main() {
    println!("cargo:rerun-if-changed={MODEL}");
    println!("cargo:rerun-if-changed=build.rs");
    let model = std::fs::read_to_string(MODEL).unwrap_or_else(|e| panic!("cannot read {MODEL}: {e}"));
    let mut lines = model.lines().filter(|l| !l.is_empty() && !l.starts_with('#'));
    let mut next = |what: &str| lines.next().unwrap_or_else(|| panic!("{MODEL}: no {what} line"));

    let mut out = String::new();
    let init = next("initial probabilities");
    writeln!(out, "pub static INITIAL_PROBS: [f64; 4] = [{}];", list(init.split_whitespace())).unwrap();
    out.push_str("pub static TRANS_PROBS: [[f64; 4]; 4] = [\n");
    for _ in 0..4 {
        writeln!(out, "[{}],", list(next("transition").split_whitespace())).unwrap();
    }
    out.push_str("];\n");

    // Each char's four literals (None: the state never emits it).
    let mut emit: BTreeMap<u32, [Option<&str>; 4]> = BTreeMap::new();
    for state in 0..4 {
        for pair in next("emission").split(',') {
            let (ch, prob) = pair.rsplit_once(':').unwrap_or_else(|| panic!("{MODEL}: bad emission pair `{pair}`"));
            let ch = ch.chars().next().unwrap_or_else(|| panic!("{MODEL}: empty emission key")) as u32;
            prob.parse::<f64>().unwrap_or_else(|e| panic!("{MODEL}: bad probability `{prob}`: {e}"));
            emit.entry(ch).or_default()[state] = Some(prob);
        }
    }
    // Keys outside the range are never looked up (the segmenter only runs the HMM inside it).
    let rows: Vec<(u32, [Option<&str>; 4])> =
        emit.into_iter().filter(|(ch, _)| (HMM_HAN_MIN..=HMM_HAN_MAX).contains(ch)).collect();
    let min_char = rows.first().map_or(HMM_HAN_MIN, |r| r.0);
    let max_char = rows.last().map_or(HMM_HAN_MIN, |r| r.0);
    assert!(rows.len() < u16::MAX as usize, "too many HMM emission rows for a u16 index");

    // The distinct values: index 0 is MIN_FLOAT (a state that never emits the char).
    let mut values: Vec<&str> = vec!["MIN_FLOAT"];
    let mut value_ids: BTreeMap<&str, u16> = BTreeMap::new();
    let mut row_ids: Vec<[u16; 4]> = Vec::with_capacity(rows.len());
    for (_, probs) in &rows {
        row_ids.push(probs.map(|lit| match lit {
            None => 0,
            Some(lit) => *value_ids.entry(lit).or_insert_with(|| {
                values.push(lit);
                u16::try_from(values.len() - 1).expect("more than 65,535 distinct HMM emission values")
            }),
        }));
    }

    let mut index = vec![u16::MAX; (max_char - min_char + 1) as usize];
    for (row, (ch, _)) in rows.iter().enumerate() {
        index[(ch - min_char) as usize] = row as u16;
    }
    writeln!(out, "pub const HMM_HAN_MIN: char = '\\u{{{HMM_HAN_MIN:X}}}';").unwrap();
    writeln!(out, "pub const HMM_HAN_MAX: char = '\\u{{{HMM_HAN_MAX:X}}}';").unwrap();
    writeln!(out, "pub const EMIT_MIN_CHAR: u32 = {min_char:#x};").unwrap();
    out.push_str("pub const EMIT_NONE: u16 = u16::MAX;\n");
    writeln!(out, "pub static EMIT_INDEX: [u16; {}] = [{}];", index.len(), list(index.iter())).unwrap();
    writeln!(out, "pub static EMIT_VALUES: [f64; {}] = [{}];", values.len(), list(values.iter())).unwrap();
    writeln!(out, "pub static EMIT_ROWS: [[u16; 4]; {}] = [", row_ids.len()).unwrap();
    for r in &row_ids {
        writeln!(out, "[{},{},{},{}],", r[0], r[1], r[2], r[3]).unwrap();
    }
    out.push_str("];\n");

    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("hmm_data.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", dest.display()));
}

fn list<T: std::fmt::Display>(items: impl Iterator<Item = T>) -> String {
    let mut s = String::new();
    for (i, x) in items.enumerate() {
        if i > 0 {
            s.push(',');
        }
        write!(s, "{x}").unwrap();
    }
    s
}
