use super::*;
use crate::extract::with_ctx;

fn people(text: &str) -> Vec<Person> {
    with_ctx(text, |ctx| extract(ctx))
}

fn show(ps: &[Person]) -> String {
    ps.iter().map(|p| format!("{} {:?} {:?}", p.name, p.titles, p.roles)).collect::<Vec<_>>().join("\n")
}

#[test]
fn seeds_debug() {
    for f in std::fs::read_dir("seeds").unwrap() {
        let path = f.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let ps = people(&text);
        println!("== {}\n{}", path.display(), show(&ps));
        for p in &ps {
            println!("  {} {:?}", p.name, p.mentions.iter().map(|s| {
                let c: String = text.chars().skip(s.0).take(s.1 - s.0).collect(); c }).collect::<Vec<_>>());
        }
    }
}
