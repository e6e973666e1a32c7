//! `huixi analyze FILE…` — the native command line over the analysis core.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    for path in args.iter().skip(1) {
        match std::fs::read(path) {
            Ok(bytes) => match huixi::analyze_bytes(&bytes) {
                Ok((_, report)) => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
                Err(e) => eprintln!("huixi: {path}: {e}"),
            },
            Err(e) => eprintln!("huixi: {path}: {e}"),
        }
    }
}
