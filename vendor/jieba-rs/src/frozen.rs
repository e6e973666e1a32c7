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
use crate::trie::{CharTrie, zeroed};
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

    /// Most numbers are one byte (parent steps, frequency and tag indices), and the first char
    /// of a node's children (a CJK char) three: those paths are inlined into the column loops,
    /// the rest is [`Reader::num_slow`].
    #[inline(always)]
    fn num(&mut self) -> Result<u64, Error> {
        match self.bytes.get(self.at..self.at + 3) {
            Some(&[a, ..]) if a & 0x80 == 0 => {
                self.at += 1;
                Ok(u64::from(a))
            }
            Some(&[a, b, c]) if b & 0x80 != 0 && c & 0x80 == 0 => {
                self.at += 3;
                Ok(u64::from(a & 0x7f) | u64::from(b & 0x7f) << 7 | u64::from(c) << 14)
            }
            _ => self.num_slow(),
        }
    }

    #[inline(never)]
    fn num_slow(&mut self) -> Result<u64, Error> {
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

    #[inline(always)]
    fn index(&mut self, len: usize, what: &str) -> Result<usize, Error> {
        match self.num()? {
            i if i < len as u64 => Ok(i as usize),
            _ => Err(Self::fail(what)),
        }
    }
}

/// Nodes per call of the column decoders and of [`CharTrie::from_nodes`]'s passes. V8 runs a wasm
/// function in baseline (Liftoff) code until it is hot and only a later *call* gets the
/// optimised code (there is no on-stack replacement for wasm), so one loop over all 220,000
/// nodes would run in baseline code from start to end; in chunks, later ones can run optimised.
/// (Measured in Node, the gain was within the noise; each pass is also its own function in a
/// CPU profile, which is how the cost of each was found.)
pub(crate) const CHUNK: usize = 4096;

impl Reader<'_> {
    #[inline(never)]
    fn parents(&mut self, nodes: &mut [(u32, char, i32)], parent: &mut u32) -> Result<(), Error> {
        for node in nodes {
            *parent = u32::try_from(self.num()?)
                .ok()
                .and_then(|step| parent.checked_add(step))
                .ok_or_else(|| Self::fail("a parent id overflows"))?;
            node.0 = *parent;
        }
        Ok(())
    }

    #[inline(never)]
    fn chars(&mut self, nodes: &mut [(u32, char, i32)], prev: &mut Option<(u32, u32)>) -> Result<(), Error> {
        for node in nodes {
            let v = u32::try_from(self.num()?).map_err(|_| Self::fail("a char is out of range"))?;
            let c = match *prev {
                Some((p, c)) if p == node.0 => c.checked_add(v).ok_or_else(|| Self::fail("a char is out of range"))?,
                _ => v,
            };
            node.1 = char::from_u32(c).ok_or_else(|| Self::fail("a char is out of range"))?;
            *prev = Some((node.0, c));
        }
        Ok(())
    }

    /// Word ids for the nodes that end a word (numbered in node order), and each word's
    /// frequency index.
    #[inline(never)]
    fn words(&mut self, nodes: &mut [(u32, char, i32)], n_freqs: usize, next_id: &mut i32, freqs: &mut Vec<usize>) -> Result<(), Error> {
        for node in nodes {
            let w = self.index(n_freqs + 1, "a word's frequency index is out of range")?;
            if w > 0 {
                node.2 = *next_id;
                *next_id += 1;
                freqs.push(w - 1);
            } else {
                node.2 = -1;
            }
        }
        Ok(())
    }

    /// One record per word: its frequency (and `ln` of it) and its tag, read here.
    #[inline(never)]
    fn tags(&mut self, word_freqs: &[usize], freqs: &[usize], log_freqs: &[f64], jieba: &mut Jieba) -> Result<(), Error> {
        for &f in word_freqs {
            let tag = self.index(jieba.tags.len(), "a word's tag index is out of range")? as u32;
            jieba.records.push(Record { freq: freqs[f], tag });
            jieba.log_freqs.push(log_freqs[f]);
        }
        Ok(())
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
        // Zeroed memory from the allocator; each pass below sets its field of every node.
        let mut nodes: Vec<(u32, char, i32)> = zeroed(n);
        let (mut parent, mut prev, mut words) = (0u32, None, 0i32);
        for chunk in nodes.chunks_mut(CHUNK) {
            r.parents(chunk, &mut parent)?;
        }
        for chunk in nodes.chunks_mut(CHUNK) {
            r.chars(chunk, &mut prev)?;
        }
        let mut word_freqs = Vec::with_capacity(n / 2);
        for chunk in nodes.chunks_mut(CHUNK) {
            r.words(chunk, freqs.len(), &mut words, &mut word_freqs)?;
        }
        jieba.records.reserve(word_freqs.len() + SPARE_WORDS);
        jieba.log_freqs.reserve(word_freqs.len() + SPARE_WORDS);
        for chunk in word_freqs.chunks(CHUNK) {
            r.tags(chunk, &freqs, &log_freqs, &mut jieba)?;
        }
        if r.at != r.bytes.len() {
            return Err(Reader::fail("bytes after the last column"));
        }
        jieba.trie = CharTrie::from_nodes(&nodes)
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
