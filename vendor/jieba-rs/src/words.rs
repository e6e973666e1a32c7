//! Each word's frequency, `ln` of it and tag, by word id (added by huixi, see VENDORED.md).
//!
//! A frozen dictionary's words are read where they lie. A dictionary has some 150,000 words but
//! only a few thousand distinct (frequency, tag) pairs, so the frozen bytes hold the pairs and,
//! for each word, the index of its pair as one fixed-width number: loading decodes the pairs
//! alone, and a word's record is two loads away. Pushing 150,000 records one by one was three
//! quarters of loading the dictionary (in wasm ~7 ms of the worker's start, where it runs in
//! baseline code).
//!
//! The frozen words are the ids below `base_len`; words added after loading get records of their
//! own from `base_len` on. A frozen word whose frequency changes (a user word that was already in
//! the dictionary) first turns the whole base into records: a rare edit, paid once, that keeps
//! every other path free of an override table.

use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Record {
    pub(crate) freq: usize,
    /// Index into `Jieba::tags`.
    pub(crate) tag: u32,
}

/// What a damaged index reads as (never for bytes [`Words::check_base`] accepted): a word of
/// frequency 1, tag 0.
const FALLBACK: Record = Record { freq: 1, tag: 0 };

#[derive(Clone, Default)]
pub(crate) struct Words {
    /// The frozen base's index column: `base_len` numbers of `width` bytes (little endian), each
    /// word's index into `pairs`.
    index: Cow<'static, [u8]>,
    width: usize,
    base_len: usize,
    pairs: Vec<Record>,
    /// `ln(freq)` of each pair.
    pair_logs: Vec<f64>,
    /// The words from `base_len` on, and `ln(freq)` of each, kept apart so that the route
    /// calculation touches a dense `f64` array.
    records: Vec<Record>,
    log_freqs: Vec<f64>,
}

impl Words {
    /// A frozen base of `index.len() / width` words. The caller checks `width` (2 or 4) and
    /// that `index` is a whole number of entries.
    pub(crate) fn frozen(index: Cow<'static, [u8]>, width: usize, pairs: Vec<Record>) -> Self {
        let pair_logs = pairs.iter().map(|p| (p.freq as f64).ln()).collect();
        Words {
            base_len: index.len() / width,
            index,
            width,
            pairs,
            pair_logs,
            records: Vec::new(),
            log_freqs: Vec::new(),
        }
    }

    /// Whether every index of the base names a pair (a full check of damaged bytes).
    pub(crate) fn check_base(&self) -> bool {
        (0..self.base_len).all(|id| self.pair(id) < self.pairs.len())
    }

    #[inline(always)]
    fn pair(&self, id: usize) -> usize {
        let at = id * self.width;
        match self.width {
            2 => self.index.get(at..at + 2).map_or(usize::MAX, |b| usize::from(u16::from_le_bytes([b[0], b[1]]))),
            _ => {
                self.index.get(at..at + 4).map_or(usize::MAX, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            }
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.base_len + self.records.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    pub(crate) fn record(&self, id: usize) -> Record {
        if id < self.base_len {
            self.pairs.get(self.pair(id)).copied().unwrap_or(FALLBACK)
        } else {
            self.records.get(id - self.base_len).copied().unwrap_or(FALLBACK)
        }
    }

    #[inline(always)]
    pub(crate) fn log_freq(&self, id: usize) -> f64 {
        if id < self.base_len {
            self.pair_logs.get(self.pair(id)).copied().unwrap_or(0.0)
        } else {
            self.log_freqs.get(id - self.base_len).copied().unwrap_or(0.0)
        }
    }

    /// Sum of all words' frequencies.
    pub(crate) fn total(&self) -> usize {
        (0..self.len()).map(|id| self.record(id).freq).sum()
    }

    pub(crate) fn reserve(&mut self, additional: usize) {
        self.records.reserve(additional);
        self.log_freqs.reserve(additional);
    }

    /// Append a word; returns its id.
    #[inline]
    pub(crate) fn push(&mut self, freq: usize, tag: u32) -> usize {
        self.records.push(Record { freq, tag });
        self.log_freqs.push((freq as f64).ln());
        self.len() - 1
    }

    pub(crate) fn set_freq(&mut self, id: usize, freq: usize) {
        if id < self.base_len {
            self.thaw();
        }
        if let (Some(r), Some(l)) = (self.records.get_mut(id), self.log_freqs.get_mut(id)) {
            r.freq = freq;
            *l = (freq as f64).ln();
        }
    }

    /// The base as records of their own (ids unchanged), so that one of them can change.
    fn thaw(&mut self) {
        let mut records = Vec::with_capacity(self.len());
        let mut log_freqs = Vec::with_capacity(self.len());
        for id in 0..self.base_len {
            let p = self.pair(id);
            records.push(self.pairs.get(p).copied().unwrap_or(FALLBACK));
            log_freqs.push(self.pair_logs.get(p).copied().unwrap_or(0.0));
        }
        records.append(&mut self.records);
        log_freqs.append(&mut self.log_freqs);
        *self = Words { records, log_freqs, ..Words::default() };
    }

    pub(crate) fn clear(&mut self) {
        *self = Words::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Words {
        // Four frozen words over three pairs, u16 indices: pairs 2, 0, 1, 0.
        let pairs = vec![Record { freq: 5, tag: 1 }, Record { freq: 7, tag: 0 }, Record { freq: 9, tag: 2 }];
        Words::frozen(Cow::Borrowed(&[2, 0, 0, 0, 1, 0, 0, 0]), 2, pairs)
    }

    #[test]
    fn frozen_words_read_their_pair() {
        let w = base();
        assert_eq!(w.len(), 4);
        assert!(w.check_base());
        assert_eq!(w.record(0), Record { freq: 9, tag: 2 });
        assert_eq!(w.record(2), Record { freq: 7, tag: 0 });
        assert_eq!(w.record(3), Record { freq: 5, tag: 1 });
        assert_eq!(w.log_freq(1), 5f64.ln());
        assert_eq!(w.total(), 9 + 5 + 7 + 5);
    }

    #[test]
    fn four_byte_indices() {
        let pairs = vec![Record { freq: 5, tag: 1 }, Record { freq: 7, tag: 0 }];
        let w = Words::frozen(Cow::Borrowed(&[1, 0, 0, 0, 0, 0, 0, 0]), 4, pairs);
        assert_eq!((w.len(), w.record(0).freq, w.record(1).freq), (2, 7, 5));
    }

    #[test]
    fn added_words_follow_the_base() {
        let mut w = base();
        assert_eq!(w.push(11, 3), 4);
        assert_eq!(w.record(4), Record { freq: 11, tag: 3 });
        assert_eq!(w.log_freq(4), 11f64.ln());
        assert_eq!(w.total(), 26 + 11);
    }

    #[test]
    fn changing_a_frozen_word_keeps_every_id() {
        let mut w = base();
        w.push(11, 3);
        w.set_freq(2, 100);
        assert_eq!(w.len(), 5);
        let freqs: Vec<usize> = (0..5).map(|id| w.record(id).freq).collect();
        assert_eq!(freqs, [9, 5, 100, 5, 11]);
        assert_eq!(w.log_freq(2), 100f64.ln());
        assert_eq!(w.record(0).tag, 2, "the other words keep their tags");
        w.set_freq(4, 12);
        assert_eq!(w.record(4).freq, 12);
    }

    #[test]
    fn a_damaged_index_is_caught_and_never_panics() {
        let pairs = vec![Record { freq: 5, tag: 1 }];
        let w = Words::frozen(Cow::Borrowed(&[0, 0, 9, 0]), 2, pairs);
        assert!(!w.check_base());
        assert_eq!(w.record(1), FALLBACK);
        assert_eq!(w.log_freq(1), 0.0);
        assert_eq!(w.record(99), FALLBACK, "an id past the end");
    }
}
