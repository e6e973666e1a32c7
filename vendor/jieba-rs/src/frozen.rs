//! A dictionary frozen into bytes at build time, so that loading it parses no text (added by
//! huixi, see VENDORED.md).
//!
//! Loading a text dictionary is one trie walk and insert per word plus the line parsing, tag
//! interning and `ln` per entry; in wasm that was most of huixi's cold start. The frozen form
//! is the trie itself, node by node in breadth-first order, so [`Jieba::from_frozen`] writes
//! each node once into a table sized once, and each distinct frequency's `ln` is computed once.
//!
//! Layout (every number an unsigned LEB128 varint; one column per field, which compresses
//! better than rows):
//!
//! ```text
//! "JBFZ" 1                      magic and version
//! tags:   count, then each tag as byte length + UTF-8
//! freqs:  count, then the distinct frequencies ascending, each as the step from the last
//! nodes:  count, then four columns over the nodes (root excluded, breadth first):
//!   parent  step from the previous node's parent (parents never decrease in this order)
//!   char    the step from the previous node's char when both have the same parent
//!           (siblings are sorted), the char itself otherwise
//!   word    0 if no word ends at the node, else 1 + the index of its frequency
//!   tag     one per word, in node order: the index of its tag
//! ```
//!
//! Word ids are renumbered in node order; they are internal to the segmenter.

use crate::errors::Error;
use crate::trie::CharTrie;
use crate::{Jieba, Record};

const MAGIC: &[u8] = b"JBFZ\x01";

/// Spare room in the trie for words added after loading (huixi adds its domain lexicon), so
/// those additions do not rehash an 8 MB table.
const SPARE_WORDS: usize = 4096;

fn put(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn fail(what: &str) -> Error {
        Error::InvalidDictEntry(format!("frozen dictionary: {what}"))
    }

    fn num(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(Self::fail("ends in the middle of a number"));
            };
            self.at += 1;
            v |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Self::fail("number longer than 64 bits"))
    }

    /// A count of items that each take at least one more byte: never more than the bytes left,
    /// so a damaged count cannot make the loader reserve gigabytes.
    fn count(&mut self) -> Result<usize, Error> {
        let n = self.num()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(Self::fail("a count exceeds the data"));
        }
        Ok(n as usize)
    }

    fn index(&mut self, len: usize, what: &str) -> Result<usize, Error> {
        match self.num()? {
            i if i < len as u64 => Ok(i as usize),
            _ => Err(Self::fail(what)),
        }
    }
}

impl Jieba {
    /// This dictionary as bytes for [`Jieba::from_frozen`]: the same words with the same
    /// frequencies and tags. The HMM model is not part of it.
    pub fn freeze(&self) -> Vec<u8> {
        let nodes = self.trie.nodes_breadth_first();
        let mut freqs: Vec<usize> = self.records.iter().map(|r| r.freq).collect();
        freqs.sort_unstable();
        freqs.dedup();

        let mut out = MAGIC.to_vec();
        put(&mut out, self.tags.len() as u64);
        for tag in &self.tags {
            put(&mut out, tag.len() as u64);
            out.extend_from_slice(tag.as_bytes());
        }
        put(&mut out, freqs.len() as u64);
        let mut last = 0;
        for &f in &freqs {
            put(&mut out, (f - last) as u64);
            last = f;
        }
        put(&mut out, nodes.len() as u64);
        let mut last_parent = 0;
        for &(parent, _, _) in &nodes {
            put(&mut out, u64::from(parent - last_parent));
            last_parent = parent;
        }
        let mut prev: Option<(u32, char)> = None;
        for &(parent, ch, _) in &nodes {
            match prev {
                Some((p, c)) if p == parent => put(&mut out, u64::from(ch as u32 - c as u32)),
                _ => put(&mut out, u64::from(ch as u32)),
            }
            prev = Some((parent, ch));
        }
        let mut tags = Vec::new();
        for &(_, _, word_id) in &nodes {
            if word_id < 0 {
                put(&mut out, 0);
                continue;
            }
            let r = &self.records[word_id as usize];
            let i = freqs.binary_search(&r.freq).expect("every frequency is listed");
            put(&mut out, 1 + i as u64);
            tags.push(r.tag);
        }
        for tag in tags {
            put(&mut out, u64::from(tag));
        }
        out
    }

    /// A segmenter with the dictionary [`Jieba::freeze`] wrote, and no HMM model (as
    /// [`Jieba::empty`]). Damaged bytes give an error, never a panic.
    pub fn from_frozen(bytes: &[u8]) -> Result<Self, Error> {
        let Some(rest) = bytes.strip_prefix(MAGIC) else {
            return Err(Reader::fail("not a frozen jieba dictionary (or another version)"));
        };
        let mut r = Reader { bytes: rest, at: 0 };
        let mut jieba = Jieba::empty();

        for _ in 0..r.count()? {
            let len = r.count()?;
            let raw = &r.bytes[r.at..r.at + len];
            r.at += len;
            let tag = std::str::from_utf8(raw).map_err(|_| Reader::fail("a tag is not UTF-8"))?;
            jieba.intern_tag(tag);
        }
        let n_freqs = r.count()?;
        let mut freqs = Vec::with_capacity(n_freqs);
        let mut last = 0usize;
        for _ in 0..n_freqs {
            last = usize::try_from(r.num()?)
                .ok()
                .and_then(|step| last.checked_add(step))
                .ok_or_else(|| Reader::fail("a frequency overflows"))?;
            freqs.push(last);
        }
        // `ln` once per distinct frequency instead of once per word.
        let log_freqs: Vec<f64> = freqs.iter().map(|&f| (f as f64).ln()).collect();

        let n = r.count()?;
        let mut nodes: Vec<(u32, char, i32)> = Vec::with_capacity(n);
        let mut parent = 0u32;
        for _ in 0..n {
            parent = u32::try_from(r.num()?)
                .ok()
                .and_then(|step| parent.checked_add(step))
                .ok_or_else(|| Reader::fail("a parent id overflows"))?;
            nodes.push((parent, '\0', -1));
        }
        let mut prev: Option<(u32, u32)> = None;
        for node in nodes.iter_mut() {
            let v = u32::try_from(r.num()?).map_err(|_| Reader::fail("a char is out of range"))?;
            let c = match prev {
                Some((p, c)) if p == node.0 => c.checked_add(v).ok_or_else(|| Reader::fail("a char is out of range"))?,
                _ => v,
            };
            node.1 = char::from_u32(c).ok_or_else(|| Reader::fail("a char is out of range"))?;
            prev = Some((node.0, c));
        }
        let mut word_freqs = Vec::new();
        for node in nodes.iter_mut() {
            let w = r.index(freqs.len() + 1, "a word's frequency index is out of range")?;
            if w > 0 {
                node.2 = word_freqs.len() as i32;
                word_freqs.push(w - 1);
            }
        }
        jieba.records.reserve(word_freqs.len() + SPARE_WORDS);
        jieba.log_freqs.reserve(word_freqs.len() + SPARE_WORDS);
        for &f in &word_freqs {
            let tag = r.index(jieba.tags.len(), "a word's tag index is out of range")? as u32;
            jieba.records.push(Record { freq: freqs[f], tag });
            jieba.log_freqs.push(log_freqs[f]);
        }
        if r.at != r.bytes.len() {
            return Err(Reader::fail("bytes after the last column"));
        }
        jieba.trie = CharTrie::from_nodes(&nodes, SPARE_WORDS)
            .ok_or_else(|| Reader::fail("the nodes do not form a trie"))?;
        jieba.finish_load();
        Ok(jieba)
    }

    /// Frequency and tag of `word`, if the dictionary has it.
    pub fn word_entry(&self, word: &str) -> Option<(usize, &str)> {
        let r = &self.records[self.trie.get(word)? as usize];
        Some((r.freq, &self.tags[r.tag as usize]))
    }

    /// Sum of the frequencies of all words: the denominator of a word's probability.
    pub fn total_freq(&self) -> usize {
        self.total
    }
}
