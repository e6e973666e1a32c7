//! How long the dictionary, the first analysis and a later one take, natively:
//! `cargo run --release --example first_analysis`.
use std::time::Instant;

fn main() {
    let text = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds"))
        .ok()
        .and_then(|mut d| d.find_map(|e| e.ok().filter(|e| e.file_name().to_string_lossy().starts_with("000"))))
        .and_then(|e| std::fs::read_to_string(e.path()).ok())
        .unwrap_or_default();
    let t = Instant::now();
    huixi::warm_up();
    println!("warm_up (dictionary): {:?}", t.elapsed());
    let t = Instant::now();
    let _ = huixi::analyze(&text);
    println!("first analyze (seed 000): {:?}", t.elapsed());
    let t = Instant::now();
    let _ = huixi::analyze(&text);
    println!("second analyze: {:?}", t.elapsed());
}
