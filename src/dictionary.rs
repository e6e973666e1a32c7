//! The segmentation dictionary as huixi builds it: jieba's pruned base dictionary plus the domain
//! lexicons. build.rs builds it once on the build machine with `huixi-dict` and freezes it into
//! bytes that `segment.rs` loads at run time (`Jieba::from_frozen`,
//! vendor/jieba-rs/src/frozen.rs). In the library only [`add_row`] runs (for words users add);
//! the text is there for the tests that check the frozen bytes against it, so the 2 MB text is
//! never in a binary.

pub use huixi_dict::add_row;
#[cfg(test)]
pub use huixi_dict::skip_header;

/// The base dictionary, `word freq [pos]` a line, after a `#` header (scripts/make-dict.py).
#[cfg(test)]
pub const BASE: &str = include_str!("lexicon/jieba_pruned.txt");

// `LEXICONS`: the domain vocabulary files fed to jieba, as build.rs lists them (one list), and
// `FILES`: the names of the files build.rs reads (the base and the lexicons).
#[cfg(test)]
include!(concat!(env!("OUT_DIR"), "/lexicons.rs"));

/// A segmenter from a base dictionary text plus the domain lexicons, and the base's frequency
/// total (see `huixi_dict::build`).
#[cfg(test)]
pub fn build(base: &str) -> Result<(jieba_rs::Jieba, usize), String> {
    huixi_dict::build(base, LEXICONS)
}
