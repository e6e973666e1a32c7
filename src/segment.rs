//! Word segmentation: jieba-rs with huixi's domain lexicon, tokens carrying char spans and POS.
//!
//! The segmenter is built once (the dictionary takes ~150 ms natively) and shared. Users may add
//! words at runtime with [`add_words`]; later analyses see them.

use std::sync::{LazyLock, RwLock};

use jieba_rs::Jieba;

use crate::lexicon;
use crate::report::Span;

/// Domain vocabulary files fed to jieba, each line `word [freq] [pos]`. Split by owner so that
/// separate concerns (titles, institutions, terms) can grow without touching each other.
const LEXICONS: &[&str] = &[
    include_str!("lexicon/words_general.txt"),
    include_str!("lexicon/words_titles.txt"),
    include_str!("lexicon/words_orgs.txt"),
    include_str!("lexicon/words_terms.txt"),
];

static JIEBA: LazyLock<RwLock<Jieba>> = LazyLock::new(|| {
    let mut j = Jieba::new();
    for data in LEXICONS {
        for row in lexicon::rows(data) {
            add_row(&mut j, &row);
        }
    }
    RwLock::new(j)
});

fn add_row(j: &mut Jieba, row: &[&str]) {
    let Some(word) = row.first() else { return };
    let (freq, tag) = match row.get(1) {
        Some(f) if f.chars().all(|c| c.is_ascii_digit()) => (f.parse().ok(), row.get(2).copied()),
        Some(t) => (None, Some(*t)),
        None => (None, None),
    };
    j.add_word(word, freq, tag);
}

/// Build the dictionary now (otherwise it is built on the first analysis). The web worker calls
/// this while the page paints.
pub fn warm_up() {
    LazyLock::force(&JIEBA);
}

/// Add user words (one per entry: `word [freq] [pos]`, as in the lexicon files). Returns how many
/// were added. Blank entries are ignored.
pub fn add_words<S: AsRef<str>>(words: &[S]) -> usize {
    let mut j = match JIEBA.write() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    let mut n = 0;
    for w in words {
        let row: Vec<&str> = w.as_ref().split_whitespace().collect();
        if row.is_empty() || row[0].chars().count() > 64 {
            continue;
        }
        add_row(&mut j, &row);
        n += 1;
    }
    n
}

/// One segmented word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub word: &'a str,
    /// Part of speech (jieba / ICTCLAS tags; huixi's own: `nnt` official title, `nt` institution,
    /// `nz` domain term).
    pub pos: &'static str,
    /// Char span in the input.
    pub span: Span,
}

impl Token<'_> {
    pub fn is_punct(&self) -> bool {
        self.word.chars().all(|c| !c.is_alphanumeric())
    }
}

/// Tags we keep as `'static` (jieba's tags borrow the dictionary, which sits behind a lock).
const POS: &[&str] = &[
    "n", "nr", "nr1", "nr2", "nrj", "nrf", "nrfg", "nrt", "ns", "nsf", "nt", "nz", "nl", "ng", "nnt", "t", "tg", "s",
    "f", "v", "vd", "vn", "vshi", "vyou", "vf", "vx", "vi", "vl", "vg", "a", "ad", "an", "ag", "al", "b", "bl", "z",
    "r", "rr", "rz", "rzt", "rzs", "rzv", "ry", "ryt", "rys", "ryv", "rg", "m", "mq", "q", "qv", "qt", "d", "p",
    "pba", "pbei", "c", "cc", "u", "uj", "ul", "uz", "ug", "uv", "ud", "e", "y", "o", "h", "k", "x", "xx", "xu",
    "w", "eng", "l", "i", "j", "g", "df", "dg", "mg", "yg", "zg", "un",
];

fn intern(tag: &str) -> &'static str {
    POS.iter().find(|p| **p == tag).copied().unwrap_or("x")
}

/// Segment and tag `text` (with HMM, so unknown names hold together). Spans are char offsets
/// into `text`.
pub fn tag(text: &str) -> Vec<Token<'_>> {
    let j = match JIEBA.read() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    j.tag(text, true)
        .into_iter()
        .map(|t| Token {
            word: &text[t.byte_start..t.byte_end],
            pos: intern(t.tag),
            span: Span::new(t.start, t.end),
        })
        .collect()
}

/// Dictionary frequency of each word (None when the dictionary lacks it), for keyword IDF.
/// jieba-rs has no public frequency getter; for a dictionary word `suggest_freq` returns its
/// frequency (+1), which is what IDF needs.
pub fn dict_freqs(words: &[&str]) -> Vec<Option<usize>> {
    let j = match JIEBA.read() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    words.iter().map(|w| j.has_word(w).then(|| j.suggest_freq(w))).collect()
}

/// Plain segmentation (no tags), for comparisons and benchmarks.
pub fn cut(text: &str) -> Vec<&str> {
    let j = match JIEBA.read() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    j.cut(text, true).into_iter().map(|t| &text[t.byte_start..t.byte_end]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tag(s).into_iter().map(|t| t.word).collect()
    }

    #[test]
    fn spans_are_char_offsets() {
        let text = "市委书记吴新明出席会议";
        let toks = tag(text);
        let chars: Vec<char> = text.chars().collect();
        for t in &toks {
            let s: String = chars[t.span.0..t.span.1].iter().collect();
            assert_eq!(s, t.word);
        }
        assert_eq!(toks.last().map(|t| t.span.1), Some(chars.len()));
    }

    #[test]
    fn domain_lexicon_keeps_titles_whole() {
        assert!(words("市人大常委会主任张雪纯出席").contains(&"市人大常委会主任"));
        assert!(words("深化扫黑除恶专项斗争").contains(&"扫黑除恶"));
    }

    #[test]
    fn runtime_words_take_effect() {
        assert!(!words("推进鹿路通建设").contains(&"鹿路通"));
        assert_eq!(add_words(&["鹿路通 nz", "  "]), 1);
        assert!(words("推进鹿路通建设").contains(&"鹿路通"));
    }
}
