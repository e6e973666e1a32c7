//! A character-level trie for the dictionary, built for the segmenter's
//! access pattern: from every character of the input, enumerate the
//! dictionary words that start there.
//!
//! Nodes are prefixes of dictionary words. The root's transitions for BMP
//! characters live in a directly indexed table, so the first step of every
//! walk is a cache-resident array load. Every other transition is one entry
//! in an open-addressing hash table keyed by `(parent node, character)`, and
//! the entry carries everything a walk needs to know about the child: its
//! id, the id of the word that ends there, and a small Bloom-style filter of
//! the characters its own children start with. One probe per character, no
//! separate lookup to test for a word boundary, and no probe at all for the
//! common case of a character that is not a child, against the several
//! dependent loads per *byte* of a byte-level double-array trie.

/// Word id stored on a node that does not end a dictionary word.
const NO_WORD: i32 = -1;

/// Widest character the key packing allows: 21 bits, all of Unicode.
const CHAR_BITS: u32 = 21;

/// A slot key is `(parent << CHAR_BITS | char) + 1` in the low bits; the
/// high 16 bits hold the first child filter.
const KEY_BITS: u32 = 48;
const KEY_MASK: u64 = (1 << KEY_BITS) - 1;

/// A child pointer is the node id in the low bits and the second child
/// filter in the high 8 bits. A node has children iff its filter bits are
/// not all zero.
const ID_BITS: u32 = 24;
const ID_MASK: u32 = (1 << ID_BITS) - 1;
const MAX_NODES: u32 = 1 << ID_BITS;

/// Characters with a direct root transition.
const ROOT_TABLE_LEN: usize = 0x1_0000;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use crate::frozen::CHUNK;

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Load factor above which the table doubles, in eighths.
const MAX_LOAD_EIGHTHS: usize = 6;

#[derive(Clone, Copy, Default)]
struct Slot {
    /// Packed `(parent, char)` plus one, and the first child filter; 0
    /// marks an empty slot.
    key: u64,
    /// Child node id and the second child filter.
    child: u32,
    word_id: i32,
}

/// A transition out of the root: child pointer (0 for none) and word id (read only where the
/// child pointer is not 0, so that an all-zero table is an empty one).
#[derive(Clone, Copy)]
struct RootEntry {
    child: u32,
    word_id: i32,
}

/// Where a node's child pointer is stored.
#[derive(Clone, Copy)]
enum ParentRef {
    /// The node is the root itself, which has no pointer.
    Root,
    RootEntry(usize),
    Slot(usize),
}

#[derive(Clone)]
pub(crate) struct CharTrie {
    root: Vec<RootEntry>,
    slots: Vec<Slot>,
    /// Occupied slots.
    len: usize,
    /// `64 - log2(slots.len())`, so a hash shifted right by it indexes the table.
    shift: u32,
    /// Next node id; ids start at 1 because 0 is the root.
    next_node: u32,
    /// The nodes below the root when the trie was loaded by [`CharTrie::from_nodes`] (a frozen
    /// dictionary): then `slots` is unused (two empty slots), and the first insert turns this
    /// into slots ([`CharTrie::thaw`]).
    frozen: Option<Frozen>,
}

/// A trie loaded from a frozen dictionary, as arrays, one *block* per child of the root: the
/// subtree below that first char. A block's nodes are in breadth-first order (0 is the block's
/// root, the first char itself), and the children of node `v` are the nodes `first_child` of it
/// up to `first_child` of the next node, ascending by char. Loading writes each node once in a
/// sequential pass, where the hash table took a random write per node into 8 MB of fresh memory.
/// The walk scans (or, past [`SCAN_MAX`] children, bisects) a node's few children instead of
/// probing; the fan-out is small (median 1, p90 3).
///
/// A block loaded from bytes ([`CharTrie::from_blocks`]) is decoded on its first walk: a text
/// needs the blocks of the chars it holds (a 7,000-char report: two fifths of the nodes), so the
/// dictionary is ready to segment once the index of blocks is read, and the rest can be decoded
/// while nobody waits ([`CharTrie::decode_some`]).
#[derive(Clone)]
struct Frozen {
    blocks: Vec<Block>,
    /// Root children outside the BMP (the root table holds the BMP's): `(char, block)` by char.
    wide: Vec<(u32, u32)>,
    /// The frozen dictionary the undecoded blocks are read from (`None` once every block is).
    source: Option<Cow<'static, [u8]>>,
}

/// One child of the root and the subtree below it.
#[derive(Clone)]
pub(crate) struct Block {
    pub(crate) ch: char,
    /// The id of the one-char word `ch`, or [`NO_WORD`].
    pub(crate) word_id: i32,
    /// Nodes below `ch`.
    pub(crate) below: u32,
    /// Id of the first word below `ch`; the block's words are numbered in its node order.
    pub(crate) first_word: i32,
    /// Words below `ch`.
    pub(crate) words: u32,
    /// Where the block's parts of the parent, char and word columns are in [`Frozen::source`].
    pub(crate) data: [Range<usize>; 3],
    /// The decoded nodes: the root `ch`, those below, and a last one that only ends the
    /// children of the node before it.
    tree: OnceLock<Box<[FrozenNode]>>,
}

impl Block {
    pub(crate) fn new(
        ch: char,
        word_id: i32,
        below: u32,
        first_word: i32,
        words: u32,
        data: [Range<usize>; 3],
    ) -> Self {
        Block { ch, word_id, below, first_word, words, data, tree: OnceLock::new() }
    }
}

#[derive(Clone, Copy, Default)]
struct FrozenNode {
    first_child: u32,
    ch: u32,
    word_id: i32,
    /// Two of 32 bits per child's char ([`frozen_filter`]): a char whose bits are not both set is
    /// not a child, found without looking at the children.
    filter: u32,
}

/// Children counts up to which a walk scans them; above, it bisects.
const SCAN_MAX: usize = 8;

#[inline(always)]
fn frozen_filter(ch: u32) -> u32 {
    let h = ch.wrapping_mul(0x9E37_79B1);
    (1 << (h >> 27)) | (1 << ((h >> 22) & 31))
}

/// The child of node `v` of a block's `tree` on `ch`.
#[inline(always)]
fn tree_child(tree: &[FrozenNode], v: u32, ch: char) -> Option<u32> {
    let v = v as usize;
    let node = tree[v];
    let (c, f) = (ch as u32, frozen_filter(ch as u32));
    if node.filter & f != f {
        return None;
    }
    let (lo, hi) = (node.first_child as usize, tree[v + 1].first_child as usize);
    let kids = &tree[lo..hi];
    let i = if kids.len() <= SCAN_MAX {
        kids.iter().position(|k| k.ch == c)?
    } else {
        kids.binary_search_by_key(&c, |k| k.ch).ok()?
    };
    Some((lo + i) as u32)
}

/// A block's nodes as arrays, from the `(parent, char, word id)` list of the nodes below its
/// root `ch` (breadth first, parents as positions in the list plus one, 0 being `ch`). `None` if
/// the list is not breadth first (a parent after its child or before the previous node's
/// parent), has a node twice or siblings out of order.
fn tree_from_list(ch: char, word_id: i32, list: &[(u32, char, i32)]) -> Option<Box<[FrozenNode]>> {
    let n = list.len();
    // Zeroed memory from the allocator; the passes below set every field.
    let mut nodes: Vec<FrozenNode> = zeroed(n + 2);
    nodes[0].ch = ch as u32;
    nodes[0].word_id = word_id;
    let mut prev = (0u32, 0u32);
    for (i, &(parent, ch, word_id)) in list.iter().enumerate() {
        let id = i + 1;
        let c = ch as u32;
        // Siblings ascend by char; a new parent comes after the previous one.
        let in_order = if parent == prev.0 { id == 1 || c > prev.1 } else { parent > prev.0 };
        if !in_order || parent as usize >= id {
            return None;
        }
        prev = (parent, c);
        nodes[id].ch = c;
        nodes[id].word_id = word_id;
        nodes[parent as usize].filter |= frozen_filter(c);
    }
    // Where each node's children start.
    let mut at = 0;
    for (v, node) in nodes.iter_mut().enumerate() {
        while at < n && (list[at].0 as usize) < v {
            at += 1;
        }
        node.first_child = at as u32 + 1;
    }
    Some(nodes.into_boxed_slice())
}

/// A root child (char, word id) and the (parent, char, word id) nodes below it.
pub(crate) type RootBlock = (char, i32, Vec<(u32, char, i32)>);

/// A whole trie's breadth-first list ([`CharTrie::nodes_breadth_first`]) cut into blocks: each
/// root child with the list of the nodes below it (positions within the block). Breadth first,
/// the root's children come first, and a block's nodes keep their order, which is breadth first
/// within the block. `None` if the list is not a breadth-first list.
pub(crate) fn split_blocks(list: &[(u32, char, i32)]) -> Option<Vec<RootBlock>> {
    let mut blocks: Vec<RootBlock> = Vec::new();
    // Block and position within it of every node, by list position.
    let mut place: Vec<(u32, u32)> = Vec::with_capacity(list.len());
    let mut prev = (0u32, 0u32);
    for (i, &(parent, ch, word_id)) in list.iter().enumerate() {
        let c = ch as u32;
        let in_order = if parent == prev.0 { i == 0 || c > prev.1 } else { parent > prev.0 };
        if !in_order || parent as usize > i {
            return None;
        }
        prev = (parent, c);
        if parent == 0 {
            place.push((blocks.len() as u32, 0));
            blocks.push((ch, word_id, Vec::new()));
        } else {
            let (b, local) = place[parent as usize - 1];
            let below = &mut blocks[b as usize].2;
            below.push((local, ch, word_id));
            place.push((b, below.len() as u32));
        }
    }
    Some(blocks)
}

impl Frozen {
    /// Block `b`'s nodes, decoded now if they were not yet.
    #[inline(always)]
    fn tree(&self, b: usize) -> &[FrozenNode] {
        self.blocks[b].tree.get_or_init(|| self.decode(b))
    }

    #[cold]
    #[inline(never)]
    fn decode(&self, b: usize) -> Box<[FrozenNode]> {
        let block = &self.blocks[b];
        self.try_decode(block).unwrap_or_else(|| {
            // Damaged bytes (a validated dictionary has none: `from_frozen` decodes every block):
            // the block keeps its first char's own word, and nothing below it.
            tree_from_list(block.ch, block.word_id, &[]).unwrap_or_default()
        })
    }

    fn try_decode(&self, block: &Block) -> Option<Box<[FrozenNode]>> {
        let list = crate::frozen::decode_block(self.source.as_deref()?, block)?;
        tree_from_list(block.ch, block.word_id, &list)
    }

    /// Every node but the root, breadth first (see [`CharTrie::nodes_breadth_first`]).
    fn list(&self) -> Vec<(u32, char, i32)> {
        let total: usize = self.blocks.iter().map(|b| b.below as usize + 1).sum();
        let mut out = Vec::with_capacity(total);
        // `queue[i]`: the block and node within it of the node at list position i.
        let mut queue: Vec<(u32, u32)> = Vec::with_capacity(total);
        for (b, block) in self.blocks.iter().enumerate() {
            out.push((0, block.ch, block.word_id));
            queue.push((b as u32, 0));
        }
        let mut head = 0;
        while head < queue.len() {
            let (b, v) = queue[head];
            let tree = self.tree(b as usize);
            let v = v as usize;
            for k in tree[v].first_child..tree[v + 1].first_child {
                let kid = tree[k as usize];
                // Every stored char came from a `char`.
                out.push((head as u32 + 1, char::from_u32(kid.ch).unwrap_or('\0'), kid.word_id));
                queue.push((b, k));
            }
            head += 1;
        }
        out
    }
}

#[inline(always)]
fn key(parent: u32, ch: char) -> u64 {
    (((parent as u64) << CHAR_BITS) | ch as u64) + 1
}

/// The bits a character sets in a node's two child filters: one of 16 in
/// the key's high bits, one of 8 in the child pointer's high bits. A
/// lookup probes only when both are set; with the fan-out this dictionary
/// has (median 1, p90 3) that rejects most characters that are not
/// children without touching the hash table.
#[inline(always)]
fn filter_bits(ch: char) -> (u64, u32) {
    let h = (ch as u32).wrapping_mul(0x9E37_79B1);
    (1u64 << (KEY_BITS + (h >> 28)), 1u32 << (ID_BITS + ((h >> 25) & 7)))
}

/// Types for which all-zero bits are a valid value.
///
/// # Safety
/// Implement only for plain integers and structs of them.
pub(crate) unsafe trait Zeroable: Copy {}
// SAFETY: both are structs of plain integers.
unsafe impl Zeroable for Slot {}
unsafe impl Zeroable for FrozenNode {}
unsafe impl Zeroable for RootEntry {}
// SAFETY: the zero char is '\0'.
unsafe impl Zeroable for (u32, char, i32) {}

/// `n` zero values (an empty slot, an unset frozen node). The memory comes zeroed from the
/// allocator: in wasm, fresh pages are zero and the allocator skips the clearing, where
/// `vec![Slot::default(); n]` would write all 8 MB of the dictionary's table once more.
pub(crate) fn zeroed<T: Zeroable>(n: usize) -> Vec<T> {
    let Ok(layout) = std::alloc::Layout::array::<T>(n) else {
        panic!("trie table of {n} entries is too large");
    };
    if layout.size() == 0 {
        return Vec::new();
    }
    // SAFETY: the layout is non-zero sized; `T` is `Zeroable`, so all-zero bits are a valid
    // value; the vector owns the allocation with exactly this layout (capacity = length = n), as
    // `Vec::from_raw_parts` requires.
    unsafe {
        let ptr = std::alloc::alloc_zeroed(layout) as *mut T;
        if ptr.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        Vec::from_raw_parts(ptr, n, n)
    }
}

impl CharTrie {
    pub(crate) fn new() -> Self {
        Self::with_slots(1 << 10)
    }

    fn with_slots(slots: usize) -> Self {
        debug_assert!(slots.is_power_of_two());
        CharTrie {
            root: zeroed(ROOT_TABLE_LEN),
            slots: zeroed(slots),
            len: 0,
            shift: 64 - slots.trailing_zeros(),
            next_node: 1,
            frozen: None,
        }
    }

    /// Make room for about `words` more words without rehashing.
    pub(crate) fn reserve(&mut self, words: usize) {
        self.thaw();
        // The default dictionary has 1.43 nodes per word; leave headroom.
        self.reserve_nodes(words + words / 2);
    }

    /// Make room for `nodes` more table entries without rehashing.
    fn reserve_nodes(&mut self, nodes: usize) {
        let nodes = self.len + nodes;
        let needed = (nodes * 8).div_ceil(MAX_LOAD_EIGHTHS).next_power_of_two();
        if needed > self.slots.len() {
            self.rehash(needed);
        }
    }

    #[inline(always)]
    fn index(&self, key: u64) -> usize {
        (key.wrapping_mul(MULTIPLIER) >> self.shift) as usize
    }

    /// Index of the slot holding the (filter-free) `key`, or of the empty
    /// slot where it would go.
    #[inline(always)]
    fn probe(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = self.index(key);
        loop {
            let stored = self.slots[i].key;
            if stored & KEY_MASK == key || stored == 0 {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The root's transition on `ch`: `(child pointer, word id)`.
    #[inline(always)]
    fn root_step(&self, ch: char) -> Option<(u32, i32)> {
        if (ch as usize) < ROOT_TABLE_LEN {
            let entry = self.root[ch as usize];
            return (entry.child != 0).then_some((entry.child, entry.word_id));
        }
        let slot = &self.slots[self.probe(key(0, ch))];
        (slot.key != 0).then_some((slot.child, slot.word_id))
    }

    /// The id of `word`, if it is in the dictionary.
    pub(crate) fn get(&self, word: &str) -> Option<i32> {
        if let Some(f) = &self.frozen {
            let mut chars = word.chars();
            let (b, word_id) = self.frozen_root(f, chars.next()?)?;
            let mut chars = chars.peekable();
            if chars.peek().is_none() {
                return (word_id != NO_WORD).then_some(word_id);
            }
            if f.blocks[b].below == 0 {
                return None;
            }
            let tree = f.tree(b);
            let mut v = 0;
            for ch in chars {
                v = tree_child(tree, v, ch)?;
            }
            let id = tree[v as usize].word_id;
            return (id != NO_WORD).then_some(id);
        }
        let mut chars = word.chars();
        let (mut child, mut word_id) = self.root_step(chars.next()?)?;
        // The root has no key filter; only the pointer filter applies.
        let mut key_filter = u64::MAX;
        for ch in chars {
            let slot = self.step(key_filter, child, ch)?;
            key_filter = slot.key;
            child = slot.child;
            word_id = slot.word_id;
        }
        (word_id != NO_WORD).then_some(word_id)
    }

    /// The slot of the child reached from node `child` (with its key
    /// `key_filter`) on `ch`, if the node has one. The filters in the spare
    /// bits of both reject most absent children before the probe.
    #[inline(always)]
    fn step(&self, key_filter: u64, child: u32, ch: char) -> Option<&Slot> {
        let (a, b) = filter_bits(ch);
        if key_filter & a == 0 || child & b == 0 {
            return None;
        }
        let slot = &self.slots[self.probe(key(child & ID_MASK, ch))];
        (slot.key != 0).then_some(slot)
    }

    /// Call `emit(char_index, end_index, word_id)` for every dictionary word
    /// starting at every character of `chars` (byte offset and value of
    /// each character of a text), position by position and shortest word
    /// first within a position. `end_index` is the index of the character
    /// after the word.
    pub(crate) fn for_each_prefix_at_every_char(&self, chars: &[(u32, char)], mut emit: impl FnMut(usize, usize, i32)) {
        if let Some(f) = &self.frozen {
            return self.for_each_prefix_frozen(f, chars, emit);
        }
        // Walking a position is a chain of dependent loads that the processor
        // cannot overlap with the next position's chain, so the slot the
        // second character of a position a few steps ahead will need is
        // touched now. By the time the walk arrives it is in cache.
        const LOOKAHEAD: usize = 3;

        let n = chars.len();

        for pos in 0..n {
            if let Some(&[(_, c1), (_, c2)]) = chars.get(pos + LOOKAHEAD..pos + LOOKAHEAD + 2)
                && (c1 as usize) < ROOT_TABLE_LEN
            {
                let child = self.root[c1 as usize].child;
                if child & filter_bits(c2).1 != 0 {
                    let i = self.index(key(child & ID_MASK, c2));
                    std::hint::black_box(self.slots[i].key);
                }
            }

            let (_, first) = chars[pos];
            let Some((mut child, mut word_id)) = self.root_step(first) else {
                continue;
            };
            let mut key_filter = u64::MAX;
            let mut next = pos + 1;
            loop {
                if word_id != NO_WORD {
                    emit(pos, next, word_id);
                }
                if next >= n {
                    break;
                }
                // The same transition as `step`, written out: the walk is the
                // hottest loop in the crate, and going through the helper
                // measurably slowed it down.
                let (_, ch) = chars[next];
                let (a, b) = filter_bits(ch);
                if key_filter & a == 0 || child & b == 0 {
                    break;
                }
                let slot = &self.slots[self.probe(key(child & ID_MASK, ch))];
                if slot.key == 0 {
                    break;
                }
                key_filter = slot.key;
                child = slot.child;
                word_id = slot.word_id;
                next += 1;
            }
        }
    }

    /// A frozen trie's step from the root on `ch`: the block `ch` heads and the id of the word
    /// `ch`. The root's children with BMP chars are in the directly indexed root table.
    #[inline(always)]
    fn frozen_root(&self, f: &Frozen, ch: char) -> Option<(usize, i32)> {
        if (ch as usize) < ROOT_TABLE_LEN {
            let e = self.root[ch as usize];
            return (e.child != 0).then(|| ((e.child - 1) as usize, e.word_id));
        }
        let i = f.wide.binary_search_by_key(&(ch as u32), |w| w.0).ok()?;
        let b = f.wide[i].1 as usize;
        Some((b, f.blocks[b].word_id))
    }

    /// [`CharTrie::for_each_prefix_at_every_char`] on a frozen trie.
    fn for_each_prefix_frozen(&self, f: &Frozen, chars: &[(u32, char)], mut emit: impl FnMut(usize, usize, i32)) {
        let n = chars.len();
        for pos in 0..n {
            let Some((b, word_id)) = self.frozen_root(f, chars[pos].1) else {
                continue;
            };
            if word_id != NO_WORD {
                emit(pos, pos + 1, word_id);
            }
            // A char that starts no longer word needs no block.
            if pos + 1 >= n || f.blocks[b].below == 0 {
                continue;
            }
            let tree = f.tree(b);
            let mut v = 0;
            let mut next = pos + 1;
            while next < n {
                match tree_child(tree, v, chars[next].1) {
                    Some(c) => v = c,
                    None => break,
                }
                next += 1;
                let word_id = tree[v as usize].word_id;
                if word_id != NO_WORD {
                    emit(pos, next, word_id);
                }
            }
        }
    }

    /// Decode frozen blocks not yet decoded, in order, until at least `nodes` nodes were decoded
    /// or none is left. True when every block is decoded (always, for a trie that is not frozen).
    /// For an idle moment after loading: the walks then never stop to decode.
    pub(crate) fn decode_some(&self, nodes: usize) -> bool {
        let Some(f) = &self.frozen else {
            return true;
        };
        let mut done = 0;
        for (b, block) in f.blocks.iter().enumerate() {
            if block.below == 0 || block.tree.get().is_some() {
                continue;
            }
            if done >= nodes {
                return false;
            }
            f.tree(b);
            done += block.below as usize;
        }
        true
    }

    /// Decode every frozen block now; false if a block's bytes are damaged. Then the bytes are
    /// no longer needed.
    pub(crate) fn decode_all(&mut self) -> bool {
        let Some(f) = &mut self.frozen else {
            return true;
        };
        for block in &f.blocks {
            if block.tree.get().is_some() {
                continue;
            }
            let Some(tree) = f.try_decode(block) else {
                return false;
            };
            let _ = block.tree.set(tree);
        }
        f.source = None;
        true
    }

    /// A frozen trie as the hash table, which takes inserts (the same node ids, so word ids and
    /// [`CharTrie::nodes_breadth_first`] stay as they were). No-op on a trie that is not frozen.
    fn thaw(&mut self) {
        let Some(f) = self.frozen.take() else {
            return;
        };
        let list = f.list();
        // The list came from a trie, so it is one; an empty trie would lose only its nodes.
        *self = Self::hashed_from_nodes(&list, 1024).unwrap_or_else(Self::new);
    }

    /// Set the id of `word`, creating its nodes as needed. Returns the id it
    /// had before, if any. An empty word is ignored and returns `None`.
    pub(crate) fn insert(&mut self, word: &str, word_id: i32) -> Option<i32> {
        debug_assert!(word_id >= 0, "word ids are non-negative");
        self.thaw();
        let mut chars = word.chars().peekable();
        let mut parent = 0u32;
        // Where the pointer to `parent` is stored, so its child filters can
        // be updated when `parent` gains a child.
        let mut parent_ref = ParentRef::Root;
        while let Some(ch) = chars.next() {
            let last = chars.peek().is_none();
            if parent == 0 && (ch as usize) < ROOT_TABLE_LEN {
                let i = ch as usize;
                if self.root[i].child == 0 {
                    self.root[i] = RootEntry { child: self.alloc_node(), word_id: NO_WORD };
                }
                if last {
                    return Some(std::mem::replace(&mut self.root[i].word_id, word_id)).filter(|&old| old != NO_WORD);
                }
                parent = self.root[i].child & ID_MASK;
                parent_ref = ParentRef::RootEntry(i);
                continue;
            }

            let (a, b) = filter_bits(ch);
            match parent_ref {
                ParentRef::Root => {}
                ParentRef::RootEntry(i) => self.root[i].child |= b,
                ParentRef::Slot(i) => {
                    self.slots[i].key |= a;
                    self.slots[i].child |= b;
                }
            }
            let key = key(parent, ch);
            let mut i = self.probe(key);
            if self.slots[i].key == 0 {
                if self.grow_if_needed() {
                    i = self.probe(key);
                }
                self.slots[i] = Slot { key, child: self.alloc_node(), word_id: NO_WORD };
                self.len += 1;
            }
            if last {
                return Some(std::mem::replace(&mut self.slots[i].word_id, word_id)).filter(|&old| old != NO_WORD);
            }
            parent = self.slots[i].child & ID_MASK;
            parent_ref = ParentRef::Slot(i);
        }
        None
    }

    /// Every node but the root as `(parent, char, word id)`, breadth first and each node's
    /// children by char, the parent given as its position in this list plus one (0 is the
    /// root). [`CharTrie::from_nodes`] rebuilds the same trie from it without walking any word,
    /// and in that order every parent comes before its children.
    pub(crate) fn nodes_breadth_first(&self) -> Vec<(u32, char, i32)> {
        if let Some(f) = &self.frozen {
            return f.list();
        }
        // Children of every node by old id: (char, child id, word id).
        let mut children: Vec<Vec<(char, u32, i32)>> = vec![Vec::new(); self.next_node as usize];
        for (c, e) in self.root.iter().enumerate() {
            if e.child != 0 {
                let ch = char::from_u32(c as u32).expect("root table holds chars");
                children[0].push((ch, e.child & ID_MASK, e.word_id));
            }
        }
        for s in self.slots.iter().filter(|s| s.key != 0) {
            let k = (s.key & KEY_MASK) - 1;
            let (parent, ch) = ((k >> CHAR_BITS) as usize, (k & ((1 << CHAR_BITS) - 1)) as u32);
            let ch = char::from_u32(ch).expect("slot keys hold chars");
            children[parent].push((ch, s.child & ID_MASK, s.word_id));
        }
        let mut out = Vec::with_capacity(self.next_node as usize);
        // Breadth first: `queue[i]` is the old id of the node listed at position i - 1.
        let mut queue = vec![0u32];
        let mut head = 0;
        while head < queue.len() {
            let old = queue[head] as usize;
            let mut kids = std::mem::take(&mut children[old]);
            kids.sort_unstable_by_key(|k| k.0);
            for (ch, child, word_id) in kids {
                out.push((head as u32, ch, word_id));
                queue.push(child);
            }
            head += 1;
        }
        out
    }

    /// The trie whose [`CharTrie::nodes_breadth_first`] is `nodes`, frozen ([`Frozen`]: it takes
    /// inserts after [`CharTrie::thaw`], which the first insert does), every block decoded. `None`
    /// if the list is not such a list (a parent after its child, a node twice, siblings or
    /// parents out of order).
    pub(crate) fn from_nodes(nodes: &[(u32, char, i32)]) -> Option<Self> {
        if nodes.len() + 1 >= MAX_NODES as usize {
            return None;
        }
        let mut blocks = Vec::new();
        for (ch, word_id, below) in split_blocks(nodes)? {
            let block = Block::new(ch, word_id, below.len() as u32, 0, 0, [0..0, 0..0, 0..0]);
            let _ = block.tree.set(tree_from_list(ch, word_id, &below)?);
            blocks.push(block);
        }
        Self::from_blocks(blocks, None)
    }

    /// A frozen trie of `blocks`, the root's children ascending by char; those not decoded yet
    /// are decoded from `source` on their first walk. `None` if the chars do not ascend or the
    /// nodes would be too many.
    // Its own function, out of the dictionary's loading function: see `frozen::Reader::column`.
    #[inline(never)]
    pub(crate) fn from_blocks(blocks: Vec<Block>, source: Option<Cow<'static, [u8]>>) -> Option<Self> {
        let total: usize = blocks.iter().map(|b| b.below as usize + 1).sum();
        if total + 1 >= MAX_NODES as usize || blocks.windows(2).any(|w| w[0].ch >= w[1].ch) {
            return None;
        }
        // The hash table stays at its smallest: a frozen trie does not use it.
        let mut trie = Self::with_slots(2);
        let mut wide = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            let c = block.ch as usize;
            if c < ROOT_TABLE_LEN {
                trie.root[c] = RootEntry { child: b as u32 + 1, word_id: block.word_id };
            } else {
                wide.push((c as u32, b as u32));
            }
        }
        trie.next_node = total as u32 + 1;
        trie.frozen = Some(Frozen { blocks, wide, source });
        Some(trie)
    }

    /// The trie whose [`CharTrie::nodes_breadth_first`] is `nodes`, with room for `spare` more
    /// words. `None` if the list is not such a list (a parent after its child, a node twice).
    ///
    /// Two sequential passes: the children filters of every node, then one slot written per
    /// node. Against inserting the words one by one this walks no prefix twice and sizes the
    /// table once.
    fn hashed_from_nodes(nodes: &[(u32, char, i32)], spare: usize) -> Option<Self> {
        let n = nodes.len();
        if n + 1 >= MAX_NODES as usize {
            return None;
        }
        let mut trie = Self::with_slots(1 << 10);
        let in_table = nodes.iter().filter(|&&(p, ch, _)| p != 0 || ch as usize >= ROOT_TABLE_LEN).count();
        trie.reserve_nodes(in_table + spare + spare / 2);
        // Filters of the chars each node's children start with, by node id (position + 1).
        // Two vectors of zeros rather than one of pairs: zeroed memory comes from the allocator
        // (fresh wasm pages are zero already) instead of a fill loop.
        let mut filters = (vec![0u64; n + 1], vec![0u32; n + 1]);
        for (c, chunk) in nodes.chunks(CHUNK).enumerate() {
            if !Self::add_filters(&mut filters, chunk, c * CHUNK) {
                return None;
            }
        }
        for (c, chunk) in nodes.chunks(CHUNK).enumerate() {
            if !trie.place(chunk, c * CHUNK, &filters) {
                return None;
            }
        }
        trie.next_node = n as u32 + 1;
        Some(trie)
    }

    /// [`CharTrie::from_nodes`]'s first pass over `nodes`, the part of the list that starts at
    /// position `first`: every parent learns its children's chars. False if a parent comes
    /// after its child. (Its own function: see `frozen::CHUNK`.)
    #[inline(never)]
    fn add_filters(filters: &mut (Vec<u64>, Vec<u32>), nodes: &[(u32, char, i32)], first: usize) -> bool {
        for (i, &(parent, ch, _)) in nodes.iter().enumerate() {
            if parent as usize > first + i {
                return false;
            }
            let (a, b) = filter_bits(ch);
            filters.0[parent as usize] |= a;
            filters.1[parent as usize] |= b;
        }
        true
    }

    /// The second pass: one root entry or slot written per node. False if a node is there twice.
    #[inline(never)]
    fn place(&mut self, nodes: &[(u32, char, i32)], first: usize, filters: &(Vec<u64>, Vec<u32>)) -> bool {
        for (i, &(parent, ch, word_id)) in nodes.iter().enumerate() {
            let id = (first + i) as u32 + 1;
            let (a, b) = (filters.0[id as usize], filters.1[id as usize]);
            if parent == 0 && (ch as usize) < ROOT_TABLE_LEN {
                let e = &mut self.root[ch as usize];
                if e.child != 0 {
                    return false;
                }
                *e = RootEntry { child: id | b, word_id };
                continue;
            }
            let key = key(parent, ch);
            let s = self.probe(key);
            if self.slots[s].key != 0 {
                return false;
            }
            self.slots[s] = Slot { key: key | a, child: id | b, word_id };
            self.len += 1;
        }
        true
    }

    #[inline]
    fn alloc_node(&mut self) -> u32 {
        let id = self.next_node;
        assert!(id < MAX_NODES, "dictionary has too many distinct prefixes");
        self.next_node += 1;
        id
    }

    /// Double the table if adding one entry would exceed the load limit.
    /// Returns whether it did, which invalidates slot indices.
    fn grow_if_needed(&mut self) -> bool {
        if (self.len + 1) * 8 > self.slots.len() * MAX_LOAD_EIGHTHS {
            self.rehash(self.slots.len() * 2);
            true
        } else {
            false
        }
    }

    fn rehash(&mut self, slots: usize) {
        let old = std::mem::replace(&mut self.slots, zeroed(slots));
        self.shift = 64 - slots.trailing_zeros();
        for slot in old.into_iter().filter(|s| s.key != 0) {
            let i = self.probe(slot.key & KEY_MASK);
            self.slots[i] = slot;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars_of(text: &str) -> Vec<(u32, char)> {
        text.char_indices().map(|(o, c)| (o as u32, c)).collect()
    }

    /// Dictionary words that are prefixes of `text`, shortest first.
    fn prefixes<'a>(trie: &CharTrie, text: &'a str) -> Vec<(i32, &'a str)> {
        let chars = chars_of(text);
        let mut out = Vec::new();
        trie.for_each_prefix_at_every_char(&chars, |pos, end, id| {
            if pos == 0 {
                let byte_end = chars.get(end).map_or(text.len(), |&(o, _)| o as usize);
                out.push((id, &text[..byte_end]));
            }
        });
        out
    }

    #[test]
    fn test_prefixes_at_every_char() {
        let mut trie = CharTrie::new();
        for (i, w) in ["a", "ab", "abc", "b", "bc", "c", "中", "中国", "国"].iter().enumerate() {
            trie.insert(w, i as i32);
        }
        let text = "abc中国x";
        let mut out = Vec::new();
        trie.for_each_prefix_at_every_char(&chars_of(text), |pos, end, id| out.push((pos, end, id)));
        // Position by position, shortest word first; ends are character indices.
        assert_eq!(
            out,
            vec![(0, 1, 0), (0, 2, 1), (0, 3, 2), (1, 2, 3), (1, 3, 4), (2, 3, 5), (3, 4, 6), (3, 5, 7), (4, 5, 8)]
        );
    }

    #[test]
    fn test_insert_get_prefixes() {
        let mut trie = CharTrie::with_slots(4);
        let words = ["网", "网球", "网球拍", "球拍", "拍卖", "拍卖会", "a", "ab", "𦡦", "𦡦𦡦", "中"];
        for (i, w) in words.iter().enumerate() {
            assert_eq!(trie.insert(w, i as i32), None);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(trie.get(w), Some(i as i32), "{w}");
        }
        assert_eq!(trie.get(""), None);
        assert_eq!(trie.get("网球拍卖"), None);
        assert_eq!(trie.get("球"), None); // prefix node without a word
        assert_eq!(trie.get("x"), None);
        assert_eq!(trie.get("abc"), None);
        assert_eq!(trie.get("𦡦x"), None);

        assert_eq!(prefixes(&trie, "网球拍卖会"), vec![(0, "网"), (1, "网球"), (2, "网球拍")]);
        assert_eq!(prefixes(&trie, "拍卖会def"), vec![(4, "拍卖"), (5, "拍卖会")]);
        assert_eq!(prefixes(&trie, "球"), vec![]);
        assert_eq!(prefixes(&trie, "abc"), vec![(6, "a"), (7, "ab")]);
        assert_eq!(prefixes(&trie, "𦡦𦡦𦡦"), vec![(8, "𦡦"), (9, "𦡦𦡦")]);
        assert_eq!(prefixes(&trie, ""), vec![]);
        assert_eq!(prefixes(&trie, "zzz"), vec![]);
    }

    #[test]
    fn test_reinsert_replaces_id() {
        let mut trie = CharTrie::new();
        assert_eq!(trie.insert("中国", 1), None);
        assert_eq!(trie.insert("中国", 2), Some(1));
        assert_eq!(trie.get("中国"), Some(2));
        assert_eq!(trie.insert("中", 3), None);
        assert_eq!(trie.insert("中", 4), Some(3));
        // A fresh root entry (the table starts all zero) has no word yet.
        assert_eq!(trie.insert("人", 5), None);
        assert_eq!(trie.get("人"), Some(5));
        assert_eq!(prefixes(&trie, "中国人"), vec![(4, "中"), (2, "中国")]);
    }

    /// Many children of one node fill its filters; every child must still be
    /// found and non-children rejected.
    #[test]
    fn test_wide_fanout() {
        let mut trie = CharTrie::with_slots(2);
        let children: Vec<String> =
            (0x4E00..0x4E00 + 300).map(|c| format!("大{}", char::from_u32(c).unwrap())).collect();
        for (i, w) in children.iter().enumerate() {
            trie.insert(w, i as i32);
        }
        for (i, w) in children.iter().enumerate() {
            assert_eq!(trie.get(w), Some(i as i32));
        }
        assert_eq!(trie.get("大x"), None);
        assert_eq!(trie.get("大"), None);
        assert_eq!(prefixes(&trie, "大a"), vec![]);
        assert_eq!(prefixes(&trie, "大一"), vec![(0, "大一")]);
    }

    #[test]
    fn test_grows_and_survives_rehash() {
        let mut trie = CharTrie::with_slots(2);
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}x{}", i % 7)).collect();
        for (i, w) in words.iter().enumerate() {
            trie.insert(w, i as i32);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(trie.get(w), Some(i as i32));
        }
        assert_eq!(prefixes(&trie, "w12x5zzz"), vec![(12, "w12x5")]);
        assert!(trie.slots.len() * MAX_LOAD_EIGHTHS >= trie.len * 8);
    }

    #[test]
    fn test_reserve_avoids_growth() {
        let mut trie = CharTrie::new();
        trie.reserve(10_000);
        let slots = trie.slots.len();
        for i in 0..10_000 {
            trie.insert(&format!("{i}"), i);
        }
        assert_eq!(trie.slots.len(), slots);
        assert_eq!(trie.get("9999"), Some(9999));
    }

    /// Every prefix (position, end, id) of every position of each text.
    fn all_prefixes(trie: &CharTrie, texts: &[&str]) -> Vec<Vec<(usize, usize, i32)>> {
        texts
            .iter()
            .map(|t| {
                let mut out = Vec::new();
                trie.for_each_prefix_at_every_char(&chars_of(t), |pos, end, id| out.push((pos, end, id)));
                out
            })
            .collect()
    }

    /// Words with shared prefixes, a node with more children than [`SCAN_MAX`] (bisected), chars
    /// outside the BMP at the root and below it, and a word that is only a prefix of others.
    fn sample() -> (CharTrie, Vec<String>) {
        let mut words: Vec<String> =
            ["中国", "中国人", "中央", "人民", "人民法院", "法院", "𠀀", "𠀀子", "子𠀁", "政法委员会"]
                .iter()
                .map(|w| w.to_string())
                .collect();
        for c in "一二三四五六七八九十百千万亿".chars() {
            words.push(format!("第{c}"));
        }
        let mut trie = CharTrie::new();
        for (i, w) in words.iter().enumerate() {
            trie.insert(w, i as i32);
        }
        (trie, words)
    }

    const TEXTS: &[&str] = &["中国人民法院𠀀子", "第一第十第亿第零", "政法委员", "𠀁子𠀁中央", "", "x"];

    #[test]
    fn test_frozen_walks_as_the_table() {
        let (trie, words) = sample();
        let nodes = trie.nodes_breadth_first();
        let frozen = CharTrie::from_nodes(&nodes).expect("a trie's own node list");
        assert!(frozen.frozen.is_some());
        assert_eq!(frozen.nodes_breadth_first(), nodes);
        assert_eq!(all_prefixes(&frozen, TEXTS), all_prefixes(&trie, TEXTS));
        assert!(all_prefixes(&frozen, TEXTS)[1].len() >= 3, "第一 第十 第亿 are found");
        for (i, w) in words.iter().enumerate() {
            assert_eq!(frozen.get(w), Some(i as i32), "{w}");
        }
        for w in ["", "中", "人民法", "第零", "𠀁", "政法委员会议"] {
            assert_eq!(frozen.get(w), None, "{w}");
            assert_eq!(trie.get(w), None, "{w}");
        }
    }

    #[test]
    fn test_insert_into_frozen() {
        let (trie, words) = sample();
        let mut frozen = CharTrie::from_nodes(&trie.nodes_breadth_first()).expect("a trie's own node list");
        let n = words.len() as i32;
        assert_eq!(frozen.insert("中国共产党", n), None);
        assert_eq!(frozen.insert("人民", n + 1), Some(3), "the old id comes back");
        assert!(frozen.frozen.is_none(), "thawed by the insert");
        assert_eq!(frozen.get("中国共产党"), Some(n));
        assert_eq!(frozen.get("人民"), Some(n + 1));
        for (i, w) in words.iter().enumerate().filter(|(_, w)| *w != "人民") {
            assert_eq!(frozen.get(w), Some(i as i32), "{w}");
        }
        assert_eq!(prefixes(&frozen, "中国共产党员"), vec![(0, "中国"), (n, "中国共产党")]);
    }

    #[test]
    fn test_from_nodes_rejects_what_is_not_a_breadth_first_list() {
        let ok: &[(u32, char, i32)] = &[(0, '人', -1), (0, '法', -1), (1, '民', 0), (2, '院', 1)];
        assert!(CharTrie::from_nodes(ok).is_some());
        assert!(CharTrie::from_nodes(&[]).is_some());
        let bad: &[&[(u32, char, i32)]] = &[
            &[(1, '人', 0)],                                             // its own parent
            &[(0, '人', -1), (2, '民', 0), (0, '法', 1)],                // parent after the child
            &[(0, '人', 0), (0, '人', 1)],                               // a node twice
            &[(0, '法', 0), (0, '人', 1)],                               // siblings out of order
            &[(0, '人', -1), (0, '法', -1), (2, '院', 0), (1, '民', 1)], // parents out of order
        ];
        for list in bad {
            assert!(CharTrie::from_nodes(list).is_none(), "{list:?}");
        }
    }
}
