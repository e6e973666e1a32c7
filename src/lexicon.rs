//! Reading the rule data under `src/lexicon/`: plain UTF-8 text, one entry a line,
//! `#` starts a comment, fields separated by whitespace or a tab.

/// Non-empty, non-comment lines of a lexicon file, trimmed.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

/// Entries split into whitespace-separated fields.
pub fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    entries(data).map(|l| l.split_whitespace().collect())
}

/// Entries split at the first tab or run of spaces into (key, rest-of-line).
pub fn pairs(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    entries(data).map(|l| match l.find(char::is_whitespace) {
        Some(i) => (&l[..i], l[i..].trim()),
        None => (l, ""),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let data = "# header\n\n市委书记 nnt\n  政法委  nt # inline\n";
        let v: Vec<_> = rows(data).collect();
        assert_eq!(v, vec![vec!["市委书记", "nnt"], vec!["政法委", "nt"]]);
        let p: Vec<_> = pairs("四个意识 政治意识、大局意识\n").collect();
        assert_eq!(p, vec![("四个意识", "政治意识、大局意识")]);
    }
}
