//! Word segmentation: jieba-rs with huixi's own compact dictionary and domain lexicon, tokens
//! carrying char spans and POS.
//!
//! jieba-rs is used without its `default-dict` feature: its embedded dict.txt and POS model are
//! ~1.5 MB brotli, the whole download budget. `lexicon/jieba_pruned.txt` (made by
//! scripts/make-dict.py from the same dict.txt; see docs/dictionary.md) cuts this genre almost
//! the same way (< 2 % of tokens differ on the seeds and genre texts) at 40 % of the size, and
//! native and wasm load the very same words. POS for words the dictionary lacks is guessed here
//! (`guess_pos`) instead of by jieba's POS HMM.
//!
//! The segmenter is built once and shared. Users may add words at runtime with [`add_words`];
//! later analyses see them.

use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

use jieba_rs::Jieba;

use crate::dictionary::add_row;
#[cfg(test)]
use crate::dictionary::{self, skip_header, BASE as DICT};
use crate::lexicon;
use crate::report::Span;
use crate::text::is_han;

/// The dictionary (src/dictionary.rs: the base `lexicon/jieba_pruned.txt` plus the domain
/// lexicons `lexicon/words_*.txt`) as build.rs built and froze it: the trie's nodes, which load
/// without parsing text or walking words (vendor/jieba-rs/src/frozen.rs). In wasm, building the
/// trie from the text was most of the cold start.
const FROZEN_DICT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dictionary.frozen"));

/// The base dictionary's frequency total, without the lexicons (for keyword IDF).
const BASE_TOTAL: usize = include!(concat!(env!("OUT_DIR"), "/dictionary_base_total.rs"));

static JIEBA: LazyLock<RwLock<Jieba>> = LazyLock::new(|| RwLock::new(built_in()));

/// The built-in dictionary, each first char's words decoded when a text first holds that char
/// (`Jieba::from_frozen_lazy`): loading reads only the words' frequencies and tags and an index,
/// so the page's engine is ready sooner, and [`warm_up_step`] decodes the rest while nobody
/// waits. A test loads [`FROZEN_DICT`] whole and checks every block, so this does not fail; if
/// the bytes were damaged anyway, an empty dictionary (segmentation by HMM and single chars)
/// keeps the page alive where a panic would kill it.
fn built_in() -> Jieba {
    Jieba::from_frozen_lazy(FROZEN_DICT).unwrap_or_else(|_| Jieba::empty())
}

/// Load the dictionary now (otherwise it is loaded on the first analysis). The web worker calls
/// this while the page paints.
pub fn warm_up() {
    LazyLock::force(&JIEBA);
}

/// Decode about `nodes` more trie nodes of the dictionary (see `built_in`); true when all are
/// decoded. For idle moments after [`warm_up`]: the worker calls it in slices, so that an
/// analysis arriving meanwhile waits for one slice at most.
pub fn warm_up_step(nodes: usize) -> bool {
    let j = match JIEBA.read() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    j.decode_frozen(nodes)
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
        self.word.chars().all(|c| !crate::text::is_alnum(c))
    }
}

/// Tags we keep as `'static` (jieba's tags borrow the dictionary, which sits behind a lock).
const POS: &[&str] = &[
    "n", "nr", "nr1", "nr2", "nrj", "nrf", "nrfg", "nrt", "ns", "nsf", "nt", "nz", "nl", "ng", "nnt", "t", "tg", "s",
    "f", "v", "vd", "vn", "vshi", "vyou", "vf", "vx", "vi", "vl", "vg", "a", "ad", "an", "ag", "al", "b", "bl", "z",
    "r", "rr", "rz", "rzt", "rzs", "rzv", "ry", "ryt", "rys", "ryv", "rg", "m", "mq", "q", "qv", "qt", "d", "p", "pba",
    "pbei", "c", "cc", "u", "uj", "ul", "uz", "ug", "uv", "ud", "e", "y", "o", "h", "k", "x", "xx", "xu", "w", "eng",
    "l", "i", "j", "g", "df", "dg", "mg", "yg", "zg", "un",
];

/// jieba's tag as a `&'static str` (its own borrows the segmenter behind the lock). Hashed:
/// it runs once per token, and a scan of `POS` cost a third of the tagging time.
fn intern(tag: &str) -> &'static str {
    static INDEX: LazyLock<HashMap<&'static str, &'static str, lexicon::FastHash>> =
        LazyLock::new(|| POS.iter().map(|p| (*p, *p)).collect());
    INDEX.get(tag).copied().unwrap_or("x")
}

/// Surnames (single and compound), for guessing that an unknown word is a personal name.
pub(crate) struct Guess {
    surnames: Vec<char>,
    compound: Vec<[char; 2]>,
}

pub(crate) static GUESS: LazyLock<Guess> = LazyLock::new(|| {
    let (surnames, compound) = surnames();
    // Two chars each (`surnames` checks).
    let compound = compound.iter().map(|s| s.chars().collect::<Vec<char>>()).map(|cs| [cs[0], cs[1]]).collect();
    Guess { surnames, compound }
});

/// The surnames of one char and the compound ones of two (surnames.txt; the people extractor
/// reads them too).
pub(crate) fn surnames() -> (Vec<char>, Vec<&'static str>) {
    let file = lexicon::file!("surnames.txt");
    let (mut single, mut compound) = (Vec::new(), Vec::new());
    for s in file.rows().flatten() {
        let mut cs = s.chars();
        match (cs.next(), cs.next(), cs.next()) {
            (Some(c), None, _) => single.push(c),
            (Some(_), Some(_), None) => compound.push(s),
            _ => file.invalid(format_args!("{s} is no surname of one or two chars")),
        }
    }
    (single, compound)
}

/// Last chars of a place name: 省市县区州镇乡村.
const PLACE_SUFFIX: &[char] = &['省', '市', '县', '区', '州', '镇', '乡', '村'];

/// POS of a Han word the dictionary does not know (jieba says `x` without its POS model):
/// HMM-joined runs in this genre are mostly personal names (王某某, 欧阳某某) and places
/// (某某镇); anything else is taken for a noun. Non-Han tags (m, eng, x) are jieba's own.
fn guess_pos(word: &str, tag: &'static str) -> &'static str {
    if tag != "x" || word.is_empty() || !word.chars().all(is_han) {
        return tag;
    }
    let cs: Vec<char> = word.chars().collect();
    let n = cs.len();
    if n >= 2 && cs.last().is_some_and(|c| PLACE_SUFFIX.contains(c)) {
        return "ns";
    }
    let g = &*GUESS;
    let compound = n >= 3 && g.compound.iter().any(|s| cs[..2] == s[..]);
    if (compound && n <= 4) || ((2..=3).contains(&n) && g.surnames.contains(&cs[0])) {
        return "nr";
    }
    // surnames.txt leaves out surnames that are everyday words (向, 于 …) so the people extractor
    // never starts a name at "向大会"; but when the HMM has glued such a char to two more into an
    // unknown word (向晓军), a name is by far the likeliest reading.
    if n == 3 && crate::text::has_char(WORD_LIKE_SURNAMES, cs[0]) {
        return "nr";
    }
    "n"
}

/// Surnames that are also common function words or word starts in this genre.
const WORD_LIKE_SURNAMES: &str = "于和向将有都干双党国能从经通后相公家须充居步越支广年法言习区";

/// Segment and tag `text` (with HMM, so unknown names hold together). Spans are char offsets
/// into `text`.
pub fn tag(text: &str) -> Vec<Token<'_>> {
    let j = match JIEBA.read() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    tag_with(&j, text)
}

/// [`tag`] with another segmenter: for examples/pruned_vs_full, which compares dictionaries.
#[doc(hidden)]
pub fn tag_with<'t>(j: &Jieba, text: &'t str) -> Vec<Token<'t>> {
    j.tag(text, true)
        .into_iter()
        .map(|t| Token {
            word: &text[t.byte_start..t.byte_end],
            pos: guess_pos(t.word, intern(t.tag)),
            span: Span::new(t.start, t.end),
        })
        .collect()
}

/// Sum of the base dictionary's frequencies: the denominator of a word's probability, for IDF.
pub fn dict_total() -> f64 {
    BASE_TOTAL as f64
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

    /// The built-in dictionary loads whole: a malformed line would stop jieba's loader early.
    #[test]
    fn pruned_dictionary_is_well_formed() {
        let body = skip_header(DICT);
        assert!(DICT.starts_with('#') && !body.starts_with('#'));
        let mut j = Jieba::empty();
        assert!(j.load_dict(&mut body.as_bytes()).is_ok());
        let lines = body.lines().count();
        assert!(lines > 50_000, "{lines} lines");
        // Common words, a place, a rare single char: all present.
        for w in ["我们", "会议", "召开", "昆山", "乩"] {
            assert!(j.has_word(w), "{w}");
        }
    }

    /// The string loader and jieba's reader loader build the same dictionary: same words, same
    /// frequencies, a later duplicate replacing the frequency, the total counting each word once,
    /// and an error at a bad frequency with the lines before it kept.
    #[test]
    fn string_loader_loads_what_the_reader_loader_loads() {
        let text = "甲 3 n\n乙乙 40\n\n丙丙丙 5 v\n甲 7 n\n丁\n戊戊 2 ns\n";
        let (mut by_str, mut by_reader) = (Jieba::empty(), Jieba::empty());
        assert!(by_str.load_dict_str(text).is_ok());
        assert!(by_reader.load_dict(&mut text.as_bytes()).is_ok());
        for w in ["甲", "乙乙", "丙丙丙", "丁", "戊戊", "己"] {
            assert_eq!(by_str.has_word(w), by_reader.has_word(w), "{w}");
            assert_eq!(by_str.suggest_freq(w), by_reader.suggest_freq(w), "{w}");
        }
        assert_eq!(by_str.suggest_freq("甲"), 8, "the later 甲 7 replaces 甲 3");
        let cut =
            |j: &Jieba| j.cut("甲乙乙丙丙丙戊戊", false).into_iter().map(|t| t.word).collect::<Vec<_>>().join("/");
        assert_eq!(cut(&by_str), cut(&by_reader));
        assert_eq!(cut(&by_str), "甲/乙乙/丙丙丙/戊戊");

        let bad = "甲 3\n乙乙 x\n丙丙丙 5\n";
        let mut j = Jieba::empty();
        let err = j.load_dict_str(bad).unwrap_err().to_string();
        assert!(err.contains("line 2"), "{err}");
        assert!(j.has_word("甲") && !j.has_word("乙乙") && !j.has_word("丙丙丙"));
    }

    /// On the whole built-in dictionary, the two loaders give the same segmenter.
    #[test]
    fn built_in_dictionary_loads_the_same_both_ways() {
        let body = skip_header(DICT);
        let (mut by_str, mut by_reader) = (Jieba::empty(), Jieba::empty());
        assert!(by_str.load_dict_str(body).is_ok());
        assert!(by_reader.load_dict(&mut body.as_bytes()).is_ok());
        let text = "市委常委、政法委书记主持召开全市平安建设工作推进会，强调要坚持和发展新时代“枫桥经验”，深入推进扫黑除恶常态化。";
        let cut = |j: &Jieba| j.cut(text, true).into_iter().map(|t| t.word).collect::<Vec<_>>();
        assert_eq!(cut(&by_str), cut(&by_reader));
        for w in ["我们", "会议", "昆山", "乩", "召开", "政法委"] {
            assert_eq!(by_str.suggest_freq(w), by_reader.suggest_freq(w), "{w}");
        }
    }

    /// The frozen dictionary build.rs made is the text dictionary with the lexicons: every word
    /// of the base and of the lexicons with its frequency and tag, the same segmentation, the
    /// base total for IDF, and building and freezing again gives the very same bytes (the
    /// build is deterministic).
    #[test]
    fn frozen_dictionary_is_the_text_dictionary() {
        let frozen = Jieba::from_frozen(FROZEN_DICT).expect("the built-in frozen dictionary loads");
        let (text, base_total) = dictionary::build(DICT).expect("the text dictionary loads");
        let mut words = 0;
        for line in skip_header(DICT).lines() {
            let Some(w) = line.split_whitespace().next() else { continue };
            assert_eq!(frozen.word_entry(w), text.word_entry(w), "{w}");
            words += 1;
        }
        assert!(words > 150_000, "{words} words");
        for data in dictionary::LEXICONS {
            for row in lexicon::rows(data) {
                assert!(frozen.word_entry(row[0]).is_some(), "lexicon word {} missing", row[0]);
                assert_eq!(frozen.word_entry(row[0]), text.word_entry(row[0]), "{}", row[0]);
            }
        }
        assert_eq!(frozen.total_freq(), text.total_freq());
        let sum: usize =
            skip_header(DICT).lines().filter_map(|l| l.split_whitespace().nth(1)?.parse::<usize>().ok()).sum();
        assert_eq!(base_total, sum, "no duplicate lines: the base total is the column's sum");
        assert_eq!(dict_total(), sum as f64);
        assert!(frozen.total_freq() > sum, "the lexicons add to the total");
        for w in ["会议召", "x", "𠀀", "扫黑除恶专项斗争是"] {
            assert_eq!(frozen.word_entry(w), None, "{w}");
        }
        let seed = include_str!("../seeds/000_21f538190c88e84a.txt");
        let cut = |j: &Jieba| j.cut(seed, true).into_iter().map(|t| t.word).collect::<Vec<_>>();
        assert_eq!(cut(&frozen), cut(&text));
        assert!(text.freeze() == FROZEN_DICT, "freezing the text again gives other bytes");
    }

    /// The built-in dictionary loaded lazily (as the app does) is the one loaded whole: the same
    /// entries, the same segmentation before any block is decoded on purpose and after all
    /// are; `decode_frozen` gets there in slices, and a slice is not all of it.
    #[test]
    fn lazy_dictionary_is_the_whole_one() {
        let whole = Jieba::from_frozen(FROZEN_DICT).expect("loads");
        let lazy = Jieba::from_frozen_lazy(FROZEN_DICT).expect("loads");
        let seed = include_str!("../seeds/000_21f538190c88e84a.txt");
        let cut = |j: &Jieba| j.cut(seed, true).into_iter().map(|t| t.word).collect::<Vec<_>>();
        assert_eq!(cut(&lazy), cut(&whole), "walks decode what they need");
        assert!(!lazy.decode_frozen(1000), "one slice does not decode the rest");
        let mut slices = 1;
        while !lazy.decode_frozen(20_000) {
            slices += 1;
            assert!(slices < 100, "decoding ends");
        }
        assert!(slices > 3, "{slices} slices of 20,000 nodes for the whole dictionary");
        for line in skip_header(DICT).lines().step_by(7) {
            let Some(w) = line.split_whitespace().next() else { continue };
            assert_eq!(lazy.word_entry(w), whole.word_entry(w), "{w}");
        }
        assert_eq!(lazy.freeze(), whole.freeze());
        assert_eq!(cut(&lazy), cut(&whole));
    }

    /// Lazily loaded bytes with a damaged block: loading may succeed (only the index is read),
    /// but no walk panics, the damaged char keeps its own word, and other chars' words are
    /// there. (The built-in bytes have no damaged block: `from_frozen` checks all of them.)
    #[test]
    fn damaged_block_in_a_lazy_dictionary_does_not_panic() {
        let mut j = Jieba::empty();
        assert!(j.load_dict_str("平 5 a\n平安 9 n\n平安建设 3 vn\n乙丙 4 n\n").is_ok());
        let bytes = j.freeze();
        for i in 0..bytes.len() {
            for v in [0u8, 2, 0x7f, 0x80, 0xff] {
                let mut bad = bytes.clone();
                bad[i] = v;
                let bad: &'static [u8] = Box::leak(bad.into_boxed_slice());
                if let Ok(lazy) = Jieba::from_frozen_lazy(bad) {
                    let text = "平安建设乙丙平安";
                    let words: String = lazy.cut(text, false).into_iter().map(|t| t.word).collect();
                    assert_eq!(words, text, "the cut covers the text, damaged at {i} with {v}");
                    let entry = lazy.word_entry("平安建设");
                    while !lazy.decode_frozen(1) {}
                    assert_eq!(lazy.word_entry("平安建设"), entry, "decoding the rest changes no entry");
                }
            }
        }
        // The bytes end with the word flags, a bit a node, of the nodes below 乙 (丙: 0b1) and
        // 平 (安, 建, 设: 0b101): a second bit for 乙's one node is damage.
        let mut bad = bytes.clone();
        let at = bad.len() - 2;
        assert_eq!(bad[at..], [0b1, 0b101]);
        bad[at] = 0b11;
        assert!(Jieba::from_frozen(&bad).is_err(), "the whole load checks every block");
        let lazy = Jieba::from_frozen_lazy(Box::leak(bad.into_boxed_slice())).expect("the index is sound");
        assert_eq!(lazy.word_entry("平安建设"), Some((3, "vn")));
        assert_eq!(lazy.word_entry("乙丙"), None, "the damaged block holds nothing below 乙");
    }

    /// A small dictionary survives freeze and load: prefixes that are not words, chars outside
    /// the BMP (stored in the hash table, not the root table), a word and its longer extension,
    /// empty and real tags; words added after loading are found and segment.
    #[test]
    fn frozen_round_trip_of_a_small_dictionary() {
        let mut j = Jieba::empty();
        let dict = "平安 900 n\n平安建设 300 vn\n建设 800 v\n𠀀𠀁 5 x\n𠀀 3\n村 50 n\n社区 400\n";
        assert!(j.load_dict_str(dict).is_ok());
        let bytes = j.freeze();
        let mut back = Jieba::from_frozen(&bytes).expect("loads");
        for w in ["平安", "平安建设", "建设", "𠀀𠀁", "𠀀", "村", "社区", "平", "平安建", "社", "𠀁"]
        {
            assert_eq!(back.word_entry(w), j.word_entry(w), "{w}");
        }
        assert_eq!(back.word_entry("平安建设"), Some((300, "vn")));
        assert_eq!(back.word_entry("社区"), Some((400, "")));
        assert_eq!(back.word_entry("平安建"), None, "a prefix node is not a word");
        assert_eq!(back.total_freq(), 900 + 300 + 800 + 5 + 3 + 50 + 400);
        assert_eq!(back.freeze(), bytes);
        back.add_word("网格员", Some(60), Some("n"));
        back.add_word("平安村", Some(70), None);
        assert_eq!(back.word_entry("网格员"), Some((60, "n")));
        assert_eq!(back.word_entry("平安村"), Some((70, "")));
        assert_eq!(back.word_entry("平安建设"), Some((300, "vn")));
        let cut = back.cut("社区网格员", false).into_iter().map(|t| t.word).collect::<Vec<_>>();
        assert_eq!(cut, ["社区", "网格员"]);
        // A frozen word given a new frequency (its record leaves the frozen column): the words
        // added before and the other frozen words keep theirs, and the total follows.
        back.add_word("建设", Some(20), None);
        assert_eq!(back.word_entry("建设"), Some((20, "v")));
        assert_eq!(back.word_entry("网格员"), Some((60, "n")));
        assert_eq!(back.word_entry("平安建设"), Some((300, "vn")));
        assert_eq!(back.total_freq(), 900 + 300 + 20 + 5 + 3 + 50 + 400 + 60 + 70);
    }

    /// Damaged bytes give an error and never a panic (a panic in wasm kills the page): the
    /// frozen dictionary cut short anywhere, and with bytes changed at many places.
    #[test]
    fn damaged_frozen_dictionary_is_an_error() {
        let mut j = Jieba::empty();
        assert!(j.load_dict_str("甲 3 n\n甲乙 4 v\n乙 5\n丙丁戊 6 nr\n").is_ok());
        let bytes = j.freeze();
        assert!(Jieba::from_frozen(&bytes).is_ok());
        for cut in 0..bytes.len() {
            assert!(Jieba::from_frozen(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Jieba::from_frozen(&longer).is_err(), "trailing bytes");
        for i in 0..bytes.len() {
            for v in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut bad = bytes.clone();
                bad[i] = v;
                // Some damage still loads (a frequency changed): that dictionary must work.
                if let Ok(j) = Jieba::from_frozen(&bad) {
                    let text = "甲乙丙丁戊己";
                    let words: String = j.cut(text, true).into_iter().map(|t| t.word).collect();
                    assert_eq!(words, text, "damaged at {i} with {v}");
                }
            }
        }
        // The big one, cut at a few hundred places.
        for k in 1..300 {
            let cut = FROZEN_DICT.len() * k / 300;
            assert!(Jieba::from_frozen(&FROZEN_DICT[..cut]).is_err(), "cut at {cut}");
        }
        let err = Jieba::from_frozen(b"word 1 n\n").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("not a frozen jieba dictionary"), "{err}");
    }

    #[test]
    fn unknown_words_get_a_guessed_pos() {
        let pos = |w: &str| guess_pos(w, "x");
        assert_eq!(pos("吴某明"), "nr");
        assert_eq!(pos("欧阳某明"), "nr");
        assert_eq!(pos("吴某明强调"), "n");
        assert_eq!(pos("某某镇"), "ns");
        assert_eq!(pos("王家村"), "ns");
        assert_eq!(pos("某某"), "n");
        assert_eq!(pos("ABC"), "x");
        assert_eq!(guess_pos("张某", "v"), "v");
        // In a sentence: an unknown name after a title is a name, a place before 召开 a place.
        let toks = tag("会议由县委副书记褚琰炜主持");
        let name = toks.iter().find(|t| t.word == "褚琰炜").map(|t| t.pos);
        assert_eq!(name, Some("nr"), "{toks:?}");
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
