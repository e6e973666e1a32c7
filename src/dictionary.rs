//! The segmentation dictionary as huixi builds it: jieba's pruned base dictionary plus the domain
//! lexicons. build.rs compiles this file on its own (`#[path]`) to build the dictionary once on
//! the build machine and freeze it into bytes that `segment.rs` loads at run time
//! (`Jieba::from_frozen`, vendor/jieba-rs/src/frozen.rs). In the library only [`add_row`] runs
//! (for words users add); the rest is there for the tests that check the frozen bytes against
//! it, so the 2 MB text is never in a binary.

use jieba_rs::Jieba;

use crate::lexicon;

/// The base dictionary, `word freq [pos]` a line, after a `#` header (scripts/make-dict.py).
#[allow(dead_code)]
pub const BASE: &str = include_str!("lexicon/jieba_pruned.txt");

/// Domain vocabulary files fed to jieba, each line `word [freq] [pos]`. Split by owner so that
/// separate concerns (titles, institutions, terms) can grow without touching each other.
#[allow(dead_code)]
pub const LEXICONS: &[&str] = &[
    include_str!("lexicon/words_general.txt"),
    include_str!("lexicon/words_titles.txt"),
    include_str!("lexicon/words_orgs.txt"),
    include_str!("lexicon/words_terms.txt"),
];

/// The files above, for build.rs's `rerun-if-changed` (paths from the package root).
#[allow(dead_code)]
pub const FILES: &[&str] = &[
    "src/lexicon/jieba_pruned.txt",
    "src/lexicon/words_general.txt",
    "src/lexicon/words_titles.txt",
    "src/lexicon/words_orgs.txt",
    "src/lexicon/words_terms.txt",
];

/// A segmenter from a base dictionary text plus the domain lexicons, and the frequency total of
/// the base dictionary alone (the denominator of keyword IDF). An error if a base line is
/// malformed: jieba's loader would stop there and lose every word after it.
#[allow(dead_code)]
pub fn build(base: &str) -> Result<(Jieba, usize), String> {
    let mut j = Jieba::empty();
    j.load_dict_str(skip_header(base)).map_err(|e| e.to_string())?;
    let base_total = j.total_freq();
    for data in LEXICONS {
        for row in lexicon::rows(data) {
            add_row(&mut j, &row);
        }
    }
    Ok((j, base_total))
}

/// jieba's loader takes no comments: the header lines go.
#[allow(dead_code)]
pub fn skip_header(dict: &str) -> &str {
    let mut rest = dict;
    while rest.starts_with('#') {
        rest = rest.find('\n').map_or("", |i| &rest[i + 1..]);
    }
    rest
}

/// One lexicon row, `word [freq] [pos]`: without a frequency jieba suggests one that keeps the
/// word whole.
pub fn add_row(j: &mut Jieba, row: &[&str]) {
    let Some(word) = row.first() else { return };
    let (freq, tag) = match row.get(1) {
        Some(f) if f.chars().all(|c| c.is_ascii_digit()) => (f.parse().ok(), row.get(2).copied()),
        Some(t) => (None, Some(*t)),
        None => (None, None),
    };
    j.add_word(word, freq, tag);
}
