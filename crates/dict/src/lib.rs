//! The formats of huixi's rule data, shared by the core (which reads its lexicons at run time)
//! and the core's build script (which builds and freezes the segmentation dictionary):
//!  - a lexicon file: plain UTF-8 text, one entry a line, `#` starts a comment, fields separated
//!    by whitespace or a tab ([`entries`], [`rows`], [`pairs`]);
//!  - the segmentation dictionary: jieba's base dictionary (`word freq [pos]` a line, after a
//!    `#` header) plus lexicon rows `word [freq] [pos]` ([`build`], [`add_row`]).
//!
//! A crate of its own so that build.rs uses the very code the library uses, as a dependency
//! instead of compiling the core's files a second time.

use jieba_rs::Jieba;

/// Non-empty, non-comment lines of a lexicon file, trimmed.
pub fn entries(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

/// Entries split into whitespace-separated fields.
pub fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    entries(data).map(|l| l.split_whitespace().collect())
}

/// Entries split at the first tab or run of spaces into (key, rest-of-line).
pub fn pairs(data: &str) -> impl Iterator<Item = (&str, &str)> {
    entries(data).map(|l| match l.find(char::is_whitespace) {
        Some(i) => (&l[..i], l[i..].trim()),
        None => (l, ""),
    })
}

/// A segmenter from a base dictionary text plus domain lexicons (each line `word [freq] [pos]`),
/// and the frequency total of the base dictionary alone (the denominator of keyword IDF). An
/// error if a base line is malformed: jieba's loader would stop there and lose every word after
/// it.
pub fn build(base: &str, lexicons: &[&str]) -> Result<(Jieba, usize), String> {
    let mut j = Jieba::empty();
    j.load_dict_str(skip_header(base)).map_err(|e| e.to_string())?;
    let base_total = j.total_freq();
    for data in lexicons {
        for row in rows(data) {
            add_row(&mut j, &row);
        }
    }
    Ok((j, base_total))
}

/// jieba's loader takes no comments: the header lines go.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fields_and_pairs() {
        let data = "# header\n扫黑除恶  专项斗争 # comment\n\n  两个维护\t做到“两个维护”\n";
        assert_eq!(entries(data).collect::<Vec<_>>(), ["扫黑除恶  专项斗争", "两个维护\t做到“两个维护”"]);
        assert_eq!(rows(data).next(), Some(vec!["扫黑除恶", "专项斗争"]));
        assert_eq!(pairs(data).nth(1), Some(("两个维护", "做到“两个维护”")));
    }

    #[test]
    fn build_counts_the_base_alone_and_adds_lexicon_rows() {
        let (j, total) = build("# header\n会议 100 n\n召开 50 v\n", &["政法委员会 n\n平安建设 3000\n"]).unwrap();
        assert_eq!(total, 150);
        assert!(j.total_freq() > 150);
        assert!(j.word_entry("政法委员会").is_some() && j.word_entry("平安建设").is_some());
        assert!(j.word_entry("委员").is_none());
        assert!(build("会议 abc\n", &[]).is_err(), "a malformed base line is an error");
    }
}
