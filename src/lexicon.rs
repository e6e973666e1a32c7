//! Reading the rule data under `src/lexicon/`: plain UTF-8 text, one entry a line,
//! `#` starts a comment, fields separated by whitespace or a tab (`huixi-dict`'s format).

use std::collections::HashMap;

// The line format is huixi-dict's, the very code build.rs builds the dictionary with.
pub use huixi_dict::{entries, pairs, rows};

/// A rule file of `src/lexicon/`, compiled in: `lexicon::file!("orgs.txt")`. Every loader reads
/// its file through this, so the test that loads every file knows which files are read.
macro_rules! file {
    ($name:literal) => {
        $crate::lexicon::File::compiled_in(
            $name,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lexicon/", $name)),
        )
    };
}
pub(crate) use file;

/// A rule file: its name (for messages) and text. The files are compiled in, so a mistake in one
/// (a row of a kind no loader knows) is a mistake in the build, never in the input: the loaders
/// panic on it ([`File::invalid`]) instead of dropping the rule, and the test that loads every
/// file (`every_lexicon_file_is_read_and_valid`) fails before anything ships.
#[derive(Clone, Copy)]
pub(crate) struct File {
    pub name: &'static str,
    pub text: &'static str,
}

impl File {
    /// Use `lexicon::file!`.
    pub fn compiled_in(name: &'static str, text: &'static str) -> File {
        #[cfg(test)]
        tests::READ.lock().unwrap_or_else(|e| e.into_inner()).insert(name);
        File { name, text }
    }

    pub fn entries(self) -> impl Iterator<Item = &'static str> {
        entries(self.text)
    }

    pub fn rows(self) -> impl Iterator<Item = Vec<&'static str>> {
        rows(self.text)
    }

    pub fn pairs(self) -> impl Iterator<Item = (&'static str, &'static str)> {
        pairs(self.text)
    }

    /// A mistake in the file: "FILE: what".
    #[track_caller]
    pub fn invalid(self, what: std::fmt::Arguments) -> ! {
        panic!("{}: {what}", self.name)
    }

    /// Where `kind` stands among the kinds the file's rows may have; an unknown kind is invalid.
    #[track_caller]
    pub fn kind(self, kind: &str, kinds: &[&str]) -> usize {
        match kinds.iter().position(|k| *k == kind) {
            Some(k) => k,
            None => self.invalid(format_args!("unknown kind {kind:?}")),
        }
    }

    /// What `kind` stands for in `table`; an unknown kind is invalid.
    #[track_caller]
    pub fn lookup<T: Copy>(self, kind: &str, table: &[(&str, T)]) -> T {
        match table.iter().find(|(k, _)| *k == kind) {
            Some(&(_, v)) => v,
            None => self.invalid(format_args!("unknown kind {kind:?}")),
        }
    }

    /// The entries of a file whose rows read `kind entry…`, a list per kind in the order of
    /// `kinds`, each entry the rest of its row, in file order. A row of another kind or without
    /// an entry is invalid.
    #[track_caller]
    pub fn by_kind<const N: usize>(self, kinds: [&str; N]) -> [Vec<&'static str>; N] {
        let mut out = std::array::from_fn(|_| Vec::new());
        for (kind, entry) in self.pairs() {
            let k = self.kind(kind, &kinds);
            if entry.is_empty() {
                self.invalid(format_args!("{kind} without an entry"));
            }
            out[k].push(entry);
        }
        out
    }
}

/// A set of words as char slices, for the extractors that walk the text char by char and ask
/// "which entry starts (or ends) here?" at nearly every position. Entries are bucketed by their
/// first and by their last char, longest first, so a miss costs one small hash lookup instead
/// of hashing every candidate length.
#[derive(Default)]
pub struct CharWords {
    by_first: HashMap<char, Vec<Box<[char]>>, FastHash>,
    by_last: HashMap<char, Vec<Box<[char]>>, FastHash>,
}

impl CharWords {
    pub fn insert(&mut self, word: &str) {
        let w: Box<[char]> = word.chars().collect();
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else { return };
        if self.contains(&w) {
            return;
        }
        for (map, key) in [(&mut self.by_first, first), (&mut self.by_last, last)] {
            let v = map.entry(key).or_default();
            v.push(w.clone());
            v.sort_by_key(|e| std::cmp::Reverse(e.len()));
        }
    }

    pub fn contains(&self, word: &[char]) -> bool {
        word.first().and_then(|c| self.by_first.get(c)).is_some_and(|v| v.iter().any(|e| **e == *word))
    }

    /// End of the longest entry that starts at `start`.
    pub fn longest_at(&self, chars: &[char], start: usize) -> Option<usize> {
        let v = self.by_first.get(chars.get(start)?)?;
        v.iter().find(|e| chars.get(start..start + e.len()) == Some(&e[..])).map(|e| start + e.len())
    }

    /// The first chars of the entries: where one can start.
    pub fn firsts(&self) -> impl Iterator<Item = char> + '_ {
        self.by_first.keys().copied()
    }

    /// Start of the longest entry that ends at `end` (exclusive).
    pub fn longest_ending_at(&self, chars: &[char], end: usize) -> Option<usize> {
        let v = self.by_last.get(chars.get(end.checked_sub(1)?)?)?;
        v.iter().find(|e| e.len() <= end && chars.get(end - e.len()..end) == Some(&e[..])).map(|e| end - e.len())
    }
}

impl<'a> FromIterator<&'a str> for CharWords {
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Self {
        let mut set = CharWords::default();
        for w in iter {
            set.insert(w);
        }
        set
    }
}

/// A multiplicative hash (rustc's Fx) for the hot maps of the analysis (chars, words, tag
/// names): std's SipHash resists hash flooding, which costs more than the lookups themselves
/// here. A flooding text could at worst slow its own analysis in its own tab.
pub type FastHash = std::hash::BuildHasherDefault<FxHasher>;
/// A HashMap with [`FastHash`].
pub type FastMap<K, V> = HashMap<K, V, FastHash>;
/// A HashSet with [`FastHash`].
pub type FastSet<K> = std::collections::HashSet<K, FastHash>;

#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time: words are hashed once per token.
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Many fixed phrases found in one pass over the text (Aho-Corasick; the automaton the regex
/// crate already uses for literals), instead of one scan of the whole text per phrase.
pub struct Phrases {
    ac: Option<aho_corasick::AhoCorasick>,
}

impl Phrases {
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Self {
        let list: Vec<&str> = phrases.into_iter().collect();
        Phrases { ac: aho_corasick::AhoCorasick::new(list).ok() }
    }

    /// Every occurrence of every phrase, overlaps included, as (phrase index, byte start, byte
    /// end), ordered by end.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let Some(ac) = &self.ac else { return Vec::new() };
        ac.find_overlapping_iter(text).map(|m| (m.pattern().as_usize(), m.start(), m.end())).collect()
    }

    /// Occurrences per phrase as `str::matches` counts them (each phrase on its own, left to
    /// right, no two occurrences of the same phrase overlapping), in the order the phrases were
    /// given: one pass over the text for all of them.
    pub fn counts_apart(&self, text: &str) -> Vec<usize> {
        let n = self.ac.as_ref().map_or(0, |ac| ac.patterns_len());
        let mut counts = vec![0; n];
        let mut free_from = vec![0; n];
        // Ordered by end, so by start for any one phrase.
        for (p, b, e) in self.find_all(text) {
            if b >= free_from[p] {
                counts[p] += 1;
                free_from[p] = e;
            }
        }
        counts
    }

    /// Occurrences per phrase, in the order the phrases were given.
    pub fn counts(&self, text: &str) -> Vec<usize> {
        let n = self.ac.as_ref().map_or(0, |ac| ac.patterns_len());
        let mut counts = vec![0; n];
        for (p, _, _) in self.find_all(text) {
            counts[p] += 1;
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The rule files the loaders have read so far in this test run.
    pub(super) static READ: std::sync::Mutex<BTreeSet<&str>> = std::sync::Mutex::new(BTreeSet::new());

    /// Every file of `src/lexicon/` is read: by a loader of the analysis (each one run here, so a
    /// mistake in any file fails this test) or by build.rs (the segmentation dictionary). A new
    /// file that nothing reads fails too.
    #[test]
    fn every_lexicon_file_is_read_and_valid() {
        crate::extract::load_lexicons();
        let mut read: BTreeSet<String> =
            READ.lock().unwrap_or_else(|e| e.into_inner()).iter().map(|f| f.to_string()).collect();
        read.extend(crate::dictionary::FILES.iter().map(|f| f.to_string()));
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/lexicon");
        let on_disk: BTreeSet<String> = std::fs::read_dir(dir)
            .expect("src/lexicon/ is there")
            .map(|e| e.expect("a readable directory entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(on_disk, read, "left: the files in src/lexicon/, right: the files read");
    }

    #[test]
    fn a_row_of_unknown_kind_is_a_mistake_in_the_file() {
        let f = File {
            name: "test.txt", text: "# comment\nsuffix 专项斗争\nstop 开展\nweak 严打\nsuffix 攻坚战\n"
        };
        assert_eq!(f.by_kind(["suffix", "stop", "weak"]), [vec!["专项斗争", "攻坚战"], vec!["开展"], vec!["严打"]]);
        let unknown = std::panic::catch_unwind(|| f.by_kind(["suffix", "stop"])).expect_err("weak is unknown");
        assert_eq!(unknown.downcast_ref::<String>().map(String::as_str), Some("test.txt: unknown kind \"weak\""));
        let bare = File { name: "test.txt", text: "suffix\n" };
        let empty = std::panic::catch_unwind(|| bare.by_kind(["suffix"])).expect_err("no entry");
        assert_eq!(empty.downcast_ref::<String>().map(String::as_str), Some("test.txt: suffix without an entry"));
    }

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let data = "# header\n\n市委书记 nnt\n  政法委  nt # inline\n";
        let v: Vec<_> = rows(data).collect();
        assert_eq!(v, vec![vec!["市委书记", "nnt"], vec!["政法委", "nt"]]);
        let p: Vec<_> = pairs("四个意识 政治意识、大局意识\n").collect();
        assert_eq!(p, vec![("四个意识", "政治意识、大局意识")]);
    }

    #[test]
    fn counts_apart_count_as_str_matches_does() {
        let phrases = ["黄黄", "黄", "武平", "平武", "武平县", "某某某"];
        let p = Phrases::new(phrases);
        for text in ["", "黄黄黄黄黄", "武平县武平武平县平武平", "某某某某某某某", "黄武平黄黄武平县黄", "无关文字"]
        {
            let want: Vec<usize> = phrases.iter().map(|w| text.matches(w).count()).collect();
            assert_eq!(p.counts_apart(text), want, "{text}");
        }
        // Overlapping occurrences are all there for `counts`, not for `counts_apart`.
        assert_eq!(p.counts("黄黄黄")[0], 2);
        assert_eq!(p.counts_apart("黄黄黄")[0], 1);
    }

    #[test]
    fn char_words_find_the_longest_entry_at_either_end() {
        let set: CharWords = ["书记", "副书记", "记者", "市委书记"].into_iter().collect();
        let text: Vec<char> = "市委副书记王某".chars().collect();
        assert_eq!(set.longest_ending_at(&text, 5), Some(2)); // 副书记, not 书记
        assert_eq!(set.longest_ending_at(&text, 4), None);
        assert_eq!(set.longest_at(&text, 2), Some(5));
        assert_eq!(set.longest_at(&text, 0), None); // 市委副… is not 市委书记
        assert_eq!(set.longest_at(&text, 7), None);
        assert_eq!(set.longest_ending_at(&text, 0), None);
        assert!(set.contains(&['记', '者']) && !set.contains(&['记']));
    }

    #[test]
    fn phrases_are_found_in_one_pass_with_overlaps() {
        let p = Phrases::new(["四个意识", "意识", "两个维护"]);
        let text = "增强四个意识，做到两个维护，牢固树立四个意识";
        assert_eq!(p.counts(text), vec![2, 2, 1]);
        let hits = p.find_all(text);
        assert!(hits.contains(&(1, 12, 18)) && hits.contains(&(0, 6, 18)));
        assert_eq!(hits.iter().filter(|h| h.0 == 0).count(), 2);
        assert!(Phrases::new([]).find_all(text).is_empty());
    }
}
