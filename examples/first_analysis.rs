//! How long the dictionary, the first analysis and a later one take, natively:
//! `cargo run --release --example first_analysis`.
use std::time::Instant;

fn main() {
    let text = huixi_testkit::seed("000");
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
