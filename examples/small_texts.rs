//! How long `analyze` takes on short texts (a headline and a few sentences, as many small
//! documents of a corpus are): the fixed cost per call. `cargo run --release --example small_texts`.
use std::time::Instant;

fn main() {
    huixi::warm_up();
    let seed = huixi_testkit::seed("000");
    let chars: Vec<char> = seed.chars().collect();
    for n in [50, 200, 500, 2000] {
        let texts: Vec<String> =
            chars.chunks(n).take(40).map(|c| c.iter().collect()).filter(|t: &String| t.chars().count() == n).collect();
        let _ = huixi::analyze(&texts[0]);
        let t = Instant::now();
        let mut runs = 0;
        while t.elapsed().as_secs_f64() < 1.0 {
            for text in &texts {
                std::hint::black_box(huixi::analyze(text));
                runs += 1;
            }
        }
        println!("{n:>5} chars: {:.3} ms an analysis", t.elapsed().as_secs_f64() * 1e3 / runs as f64);
    }
}
