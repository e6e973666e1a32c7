//! A dictionary frozen into bytes at build time, so that loading it parses no text (added by
//! huixi, see VENDORED.md).
//!
//! Loading a text dictionary is one trie walk and insert per word plus the line parsing, tag
//! interning and `ln` per entry; in wasm that was most of huixi's cold start. The frozen form
//! is the trie itself: for each child of the root (a word's first char) a *block*, the nodes
//! below it breadth first, so a block is decoded on its own, in one sequential pass, when a walk
//! first needs it ([`Jieba::from_frozen_lazy`]), or all at load ([`Jieba::from_frozen`]). Each
//! distinct frequency's `ln` is computed once.
//!
//! Layout (every number an unsigned LEB128 varint; one column per field, which compresses
//! better than rows):
//!
//! ```text
//! "JBFZ" 4                      magic and version
//! tags:   count, then each tag as byte length + UTF-8
//! freqs:  count, then the distinct frequencies ascending, each as the step from the last
//! pairs:  count, then two columns over the distinct (frequency, tag) pairs of the words, the
//!         most used first:
//!   freq    the index of its frequency
//!   tag     the index of its tag
//! words:  count, the sum of their frequencies, the width of an index (2 or 4), then one
//!         little-endian number of that many bytes per word (numbered block by block, a
//!         block's first char first, then in its node order): the index of its pair. Fixed
//!         width, so that loading reads no word (src/words.rs).
//! blocks: count (the root's children), then six columns over them, ascending by char:
//!   char    the first block's char, then the step from the previous block's
//!   word    1 if the char alone is a word, else 0
//!   below   how many nodes are below the char
//!   words   how many of them end a word
//!   pbytes  the length of the block's part of the parent column below
//!   cbytes  the length of its part of the char column
//! then three columns over the nodes below each block's char (breadth first within the
//! block), block after block (parent and char as varints, word as bits):
//!   parent  the step from the previous node's parent in the block (0 is the block's char, the
//!           first node below it is 1)
//!   char    the step from the previous node's char when both have the same parent
//!           (siblings are sorted), the char itself otherwise
//!   word    one bit a node, set if a word ends at it: a block's nodes in (below + 7) / 8
//!           bytes, the first node in the lowest bit of the first byte, unused bits 0 (version
//!           4; a byte a node before: 146 kB more of huixi's dictionary)
//! ```
//!
//! Each column whole, rather than each block's data together, compresses better (brotli: the
//! dictionary is a third of the download).
//!
//! Word ids are renumbered in this order; they are internal to the segmenter.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::Jieba;
use crate::errors::Error;
use crate::trie::{Block, CharTrie, split_blocks, zeroed};
use crate::words::{Record, Words};

const MAGIC: &[u8] = b"JBFZ\x04";

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
}

/// Items per call of `CharTrie::hashed_from_nodes`'s passes. V8 runs a wasm function in baseline
/// (Liftoff) code until it is hot and only a later *call* gets the optimised code (there is no
/// on-stack replacement for wasm), so one loop over all 150,000 nodes would run in baseline code
/// from start to end; in chunks, later ones can run optimised.
/// (Measured in Node, the gain was within the noise; each pass is also its own function in a
/// CPU profile, which is how the cost of each was found.)
pub(crate) const CHUNK: usize = 4096;

impl Reader<'_> {
    #[inline(never)]
    fn parents(&mut self, nodes: &mut [(u32, char, i32)]) -> Result<(), Error> {
        let mut parent = 0u32;
        for node in nodes {
            parent = u32::try_from(self.num()?)
                .ok()
                .and_then(|step| parent.checked_add(step))
                .ok_or_else(|| Self::fail("a parent id overflows"))?;
            node.0 = parent;
        }
        Ok(())
    }

    #[inline(never)]
    fn chars(&mut self, nodes: &mut [(u32, char, i32)]) -> Result<(), Error> {
        let mut prev: Option<(u32, u32)> = None;
        for node in nodes {
            let v = u32::try_from(self.num()?).map_err(|_| Self::fail("a char is out of range"))?;
            let c = match prev {
                Some((p, c)) if p == node.0 => c.checked_add(v).ok_or_else(|| Self::fail("a char is out of range"))?,
                _ => v,
            };
            node.1 = char::from_u32(c).ok_or_else(|| Self::fail("a char is out of range"))?;
            prev = Some((node.0, c));
        }
        Ok(())
    }

    /// `n` numbers, each turned into an item by `item` (given the number and its position).
    ///
    /// Each column's loop is a small function of its own, for the same reason as [`CHUNK`]'s, the
    /// other way round: V8 optimises a wasm function (TurboFan, on a background thread) once it has
    /// run about 1.8 MB of its code, and with these loops inlined the dictionary's whole loading
    /// function (8 kB of wasm, run once) crossed that and was optimised for nothing: 9-13 ms of
    /// compiling in Node, ~30 ms in the page's worker on a busy 2-core machine, while the page
    /// starts (huixi's docs/perf-history.md, "wasm-opt inlining limit"). Alone, a loop over a few
    /// thousand blocks stays under the budget.
    #[inline(never)]
    fn column<T>(&mut self, n: usize, mut item: impl FnMut(u64, usize) -> Result<T, Error>) -> Result<Vec<T>, Error> {
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let v = self.num()?;
            out.push(item(v, i)?);
        }
        Ok(out)
    }

    /// The index of blocks: each child of the root, its word's id, and where its nodes are
    /// (`data`: offsets in the whole, of which this reader's bytes start at `base`).
    #[inline(never)]
    fn blocks(&mut self, words: usize, base: usize) -> Result<Vec<Block>, Error> {
        let n = self.count()?;
        let mut prev = 0u32;
        let chars = self.column(n, |v, i| {
            let v = u32::try_from(v).ok().filter(|&v| i == 0 || v > 0);
            let c = v.and_then(|v| prev.checked_add(v)).ok_or_else(|| Self::fail("the blocks' chars do not ascend"))?;
            prev = c;
            char::from_u32(c).ok_or_else(|| Self::fail("a char is out of range"))
        })?;
        let flags = self.column(n, |v, _| match v {
            0 | 1 => Ok(v == 1),
            _ => Err(Self::fail("a word flag is neither 0 nor 1")),
        })?;
        let below = self.column(n, |v, _| u32::try_from(v).map_err(|_| Self::fail("a block is too large")))?;
        let below_words = self.column(n, |v, i| {
            u32::try_from(v)
                .ok()
                .filter(|&w| w <= below[i])
                .ok_or_else(|| Self::fail("a block has more words than nodes"))
        })?;
        let lens = self.column(2 * n, |v, _| usize::try_from(v).map_err(|_| Self::fail("a block is too large")))?;
        // The columns follow the index: parents, chars, then a flag bit per node.
        let (p_len, c_len): (usize, usize) = (lens[..n].iter().sum(), lens[n..].iter().sum());
        let f_len: usize = below.iter().map(|&b| flag_bytes(b as usize)).sum();
        if p_len.checked_add(c_len).and_then(|l| l.checked_add(f_len)) != Some(self.bytes.len() - self.at) {
            return Err(Self::fail("the columns are not the rest of the bytes"));
        }
        let at = [base + self.at, base + self.at + p_len, base + self.at + p_len + c_len];
        index_blocks(words, at, &chars, &flags, &below, &below_words, &lens)
    }
}

/// The blocks of the index, from its columns (see [`Reader::blocks`]); `at` is where each
/// block's part of the three node columns starts, for the first block. (Its own function: see
/// [`Reader::column`].)
#[inline(never)]
fn index_blocks(
    words: usize,
    mut at: [usize; 3],
    chars: &[char],
    flags: &[bool],
    below: &[u32],
    below_words: &[u32],
    lens: &[usize],
) -> Result<Vec<Block>, Error> {
    let n = chars.len();
    let mut blocks = Vec::with_capacity(n);
    let mut next_word = 0usize;
    for i in 0..n {
        // Each number takes a byte at least: a damaged count cannot make a decoder reserve
        // more than its column could hold.
        if lens[i] < below[i] as usize || lens[n + i] < below[i] as usize {
            return Err(Reader::fail("a block's columns are shorter than its nodes"));
        }
        let word_id = if flags[i] {
            next_word += 1;
            next_word as i32 - 1
        } else {
            -1
        };
        let ends = [at[0] + lens[i], at[1] + lens[n + i], at[2] + flag_bytes(below[i] as usize)];
        let data = [at[0]..ends[0], at[1]..ends[1], at[2]..ends[2]];
        blocks.push(Block::new(chars[i], word_id, below[i], next_word as i32, below_words[i], data));
        at = ends;
        next_word += below_words[i] as usize;
        if next_word > words {
            return Err(Reader::fail("the blocks hold more words than listed"));
        }
    }
    if next_word != words {
        return Err(Reader::fail("the blocks hold fewer words than listed"));
    }
    Ok(blocks)
}

/// Bytes of a block's word column: a bit per node below its char, whole bytes.
fn flag_bytes(below: usize) -> usize {
    below.div_ceil(8)
}

/// The nodes below `block`'s char from the frozen dictionary `bytes`: `(parent, char, word
/// id)`, breadth first, parents as positions plus one (0 is the block's char). `None` if the
/// bytes are damaged.
pub(crate) fn decode_block(bytes: &[u8], block: &Block) -> Option<Vec<(u32, char, i32)>> {
    let n = block.below as usize;
    let column = |i: usize| bytes.get(block.data[i].clone()).filter(|c| c.len() >= n);
    let flags = bytes.get(block.data[2].clone()).filter(|c| c.len() == flag_bytes(n))?;
    // Bits past the last node are 0: anything else is damage.
    let tail = n & 7; // nodes in the last flag byte
    if flags.last().is_some_and(|&last| tail != 0 && last >> tail != 0) {
        return None;
    }
    let mut nodes: Vec<(u32, char, i32)> = zeroed(n);
    let (mut parents, mut chars) = (Reader { bytes: column(0)?, at: 0 }, Reader { bytes: column(1)?, at: 0 });
    parents.parents(&mut nodes).ok()?;
    chars.chars(&mut nodes).ok()?;
    let mut next = block.first_word;
    for (i, node) in nodes.iter_mut().enumerate() {
        node.2 = if flags[i / 8] >> (i % 8) & 1 == 1 {
            next += 1;
            next - 1
        } else {
            -1
        };
    }
    let whole = parents.at == parents.bytes.len() && chars.at == chars.bytes.len();
    (whole && next - block.first_word == block.words as i32).then_some(nodes)
}

/// A block's parts of the parent, char and word columns (see the layout above) from the nodes
/// below its char.
fn encode_block(below: &[(u32, char, i32)], columns: &mut [Vec<u8>; 3]) {
    let mut last_parent = 0;
    for &(parent, _, _) in below {
        put(&mut columns[0], u64::from(parent - last_parent));
        last_parent = parent;
    }
    let mut prev: Option<(u32, char)> = None;
    for &(parent, ch, _) in below {
        match prev {
            Some((p, c)) if p == parent => put(&mut columns[1], u64::from(ch as u32 - c as u32)),
            _ => put(&mut columns[1], u64::from(ch as u32)),
        }
        prev = Some((parent, ch));
    }
    columns[2].extend(
        below.chunks(8).map(|byte| byte.iter().enumerate().fold(0u8, |bits, (i, n)| bits | u8::from(n.2 >= 0) << i)),
    );
}

impl Jieba {
    /// This dictionary as bytes for [`Jieba::from_frozen`]: the same words with the same
    /// frequencies and tags. The HMM model is not part of it.
    pub fn freeze(&self) -> Vec<u8> {
        let blocks = split_blocks(&self.trie.nodes_breadth_first()).expect("a trie's own node list is breadth first");
        let records: Vec<Record> = (0..self.words.len()).map(|id| self.words.record(id)).collect();
        let mut freqs: Vec<usize> = records.iter().map(|r| r.freq).collect();
        freqs.sort_unstable();
        freqs.dedup();
        // The words in their new order: block by block, the block's char first.
        let mut words = Vec::with_capacity(records.len());
        for (_, word_id, below) in &blocks {
            words.extend(std::iter::once(*word_id).chain(below.iter().map(|n| n.2)).filter(|&w| w >= 0));
        }

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
        // The pairs, the most used first (small indices compress better).
        let mut uses: HashMap<(usize, u32), usize> = HashMap::new();
        for &w in &words {
            let r = records[w as usize];
            *uses.entry((r.freq, r.tag)).or_default() += 1;
        }
        let mut pairs: Vec<((usize, u32), usize)> = uses.into_iter().collect();
        pairs.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let pair_ids: HashMap<(usize, u32), usize> = pairs.iter().enumerate().map(|(i, &(p, _))| (p, i)).collect();
        put(&mut out, pairs.len() as u64);
        for &((freq, _), _) in &pairs {
            put(&mut out, freqs.binary_search(&freq).expect("every frequency is listed") as u64);
        }
        for &((_, tag), _) in &pairs {
            put(&mut out, u64::from(tag));
        }
        put(&mut out, words.len() as u64);
        put(&mut out, records.iter().map(|r| r.freq as u64).sum());
        let width = if pairs.len() <= 1 << 16 { 2 } else { 4 };
        put(&mut out, width as u64);
        for &w in &words {
            let r = records[w as usize];
            out.extend_from_slice(&pair_ids[&(r.freq, r.tag)].to_le_bytes()[..width]);
        }

        put(&mut out, blocks.len() as u64);
        let mut last = 0;
        for (ch, _, _) in &blocks {
            put(&mut out, u64::from(*ch as u32 - last));
            last = *ch as u32;
        }
        for (_, word_id, _) in &blocks {
            put(&mut out, u64::from(*word_id >= 0));
        }
        for (_, _, below) in &blocks {
            put(&mut out, below.len() as u64);
        }
        for (_, _, below) in &blocks {
            put(&mut out, below.iter().filter(|n| n.2 >= 0).count() as u64);
        }
        let mut columns = [Vec::new(), Vec::new(), Vec::new()];
        let mut lens = (Vec::with_capacity(blocks.len()), Vec::with_capacity(blocks.len()));
        for (_, _, below) in &blocks {
            let at = (columns[0].len(), columns[1].len());
            encode_block(below, &mut columns);
            lens.0.push(columns[0].len() - at.0);
            lens.1.push(columns[1].len() - at.1);
        }
        for len in lens.0.into_iter().chain(lens.1) {
            put(&mut out, len as u64);
        }
        for column in columns {
            out.extend_from_slice(&column);
        }
        out
    }

    /// A segmenter with the dictionary [`Jieba::freeze`] wrote, and no HMM model (as
    /// [`Jieba::empty`]), every block decoded. Damaged bytes give an error, never a panic.
    pub fn from_frozen(bytes: &[u8]) -> Result<Self, Error> {
        let mut jieba = Self::load_frozen(Cow::Owned(bytes.to_vec()))?;
        if !jieba.words.check_base() {
            return Err(Reader::fail("a word's pair index is out of range"));
        }
        if jieba.words.total() != jieba.total {
            return Err(Reader::fail("the words' frequencies do not add up to the total"));
        }
        if !jieba.trie.decode_all() {
            return Err(Reader::fail("a block's nodes are damaged"));
        }
        Ok(jieba)
    }

    /// [`Jieba::from_frozen`] that decodes each block (the words starting with one char) when a
    /// walk first needs it, or in [`Jieba::decode_frozen`]: loading reads only the (frequency,
    /// tag) pairs and the index of blocks, and each word's pair is read where it lies. For bytes
    /// known to be sound (check them with [`Jieba::from_frozen`] in a test): a damaged index of
    /// blocks is an error, but a damaged block would be found only when decoded, and would then
    /// hold its char's own word alone; a word with a damaged pair index reads as frequency 1.
    pub fn from_frozen_lazy(bytes: &'static [u8]) -> Result<Self, Error> {
        Self::load_frozen(Cow::Borrowed(bytes))
    }

    /// Decode blocks of a [`Jieba::from_frozen_lazy`] dictionary not yet decoded, about `nodes`
    /// trie nodes of them (a block at least). True when none is left: walks never stop to
    /// decode again.
    pub fn decode_frozen(&self, nodes: usize) -> bool {
        self.trie.decode_some(nodes)
    }

    fn load_frozen(source: Cow<'static, [u8]>) -> Result<Self, Error> {
        let Some(rest) = source.strip_prefix(MAGIC) else {
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
        let n_pairs = r.count()?;
        let mut pairs = r.column(n_pairs, |f, _| match usize::try_from(f).ok().and_then(|f| freqs.get(f)) {
            Some(&freq) => Ok(Record { freq, tag: 0 }),
            None => Err(Reader::fail("a pair's frequency index is out of range")),
        })?;
        let n_tags = jieba.tags.len() as u64;
        let tags = r.column(n_pairs, |t, _| match t {
            t if t < n_tags => Ok(t as u32),
            _ => Err(Reader::fail("a pair's tag index is out of range")),
        })?;
        for (p, tag) in pairs.iter_mut().zip(tags) {
            p.tag = tag;
        }

        let n_words = r.count()?;
        let total = usize::try_from(r.num()?).map_err(|_| Reader::fail("the total frequency overflows"))?;
        let width = match r.num()? {
            2 => 2,
            4 => 4,
            _ => return Err(Reader::fail("a word's index is neither 2 nor 4 bytes")),
        };
        let start = MAGIC.len() + r.at;
        let end = n_words
            .checked_mul(width)
            .and_then(|len| start.checked_add(len))
            .filter(|&end| end <= source.len())
            .ok_or_else(|| Reader::fail("the words' column is longer than the data"))?;
        let index = match &source {
            Cow::Borrowed(bytes) => Cow::Borrowed(&bytes[start..end]),
            Cow::Owned(bytes) => Cow::Owned(bytes[start..end].to_vec()),
        };
        jieba.words = Words::frozen(index, width, pairs);
        jieba.words.reserve(SPARE_WORDS);
        r.at += n_words * width;

        let blocks = r.blocks(n_words, MAGIC.len())?;
        jieba.trie =
            CharTrie::from_blocks(blocks, Some(source)).ok_or_else(|| Reader::fail("the blocks do not form a trie"))?;
        jieba.total = total;
        jieba.update_log_total();
        Ok(jieba)
    }

    /// Frequency and tag of `word`, if the dictionary has it.
    pub fn word_entry(&self, word: &str) -> Option<(usize, &str)> {
        let r = self.words.record(self.trie.get(word)? as usize);
        Some((r.freq, self.tags.get(r.tag as usize)?))
    }

    /// Sum of the frequencies of all words: the denominator of a word's probability.
    pub fn total_freq(&self) -> usize {
        self.total
    }
}
