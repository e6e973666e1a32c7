//! The input text and its normalised twin.
//!
//! Reports arrive with full-width `，：；（）` or ASCII `, : ; ( )`, runs of spaces, NBSP, U+3000
//! and `\r\n`. Extractors match on a normalised copy in which every char is replaced by exactly
//! one char, so a char offset in the normalised text is the same offset in the input: spans
//! never need mapping back. Traditional characters become simplified the same way, char for char
//! (`lexicon/t2s.txt`), so names and titles read from the text come out in simplified form.

use crate::report::Span;

/// Map one char to its canonical form. Must return exactly one char (offsets stay aligned).
pub fn normalize_char(c: char) -> char {
    match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        '\u{3001}' => '、',
        // Variants of the enumeration comma / ideographic full stop seen in pasted text.
        '\u{FF64}' => '、',
        '\u{FF61}' => '。',
        // Quotes: straight and corner brackets become Chinese double quotes where the direction is
        // known; straight `"` stays ambiguous and is resolved by the quote extractor.
        '「' | '『' => '“',
        '」' | '』' => '”',
        // Whitespace of every kind but the line break becomes a plain space.
        '\u{00A0}' | '\u{3000}' | '\t' | '\u{2002}'..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{FEFF}' | '\r' => ' ',
        // Line and paragraph separators count as line breaks.
        '\u{2028}' | '\u{2029}' | '\u{0085}' | '\u{000B}' | '\u{000C}' => '\n',
        // Full-width ASCII letters and digits (Ｘ, ２０２０) become ASCII.
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or(c)
        }
        // Control characters (binary junk) become spaces so they never glue words together.
        c if c.is_control() && c != '\n' => ' ',
        // Traditional characters (a report reposted from Hong Kong or Taiwan, or converted by an
        // editor) become simplified, so 縣委書記 reads as 县委书记 for every rule.
        c if ('\u{3400}'..='\u{9FFF}').contains(&c) => T2S.get(c),
        c => c,
    }
}

/// `lexicon/t2s.txt`: pairs of a traditional char and its simplified form, only where the
/// traditional char never occurs in simplified text (scripts/make-t2s.py).
pub(crate) static T2S: std::sync::LazyLock<T2s> = std::sync::LazyLock::new(|| {
    let file = crate::lexicon::file!("t2s.txt");
    let mut t = T2s { has: vec![0; (0xA000 - 0x3400) / 64 + 1], map: Default::default() };
    for pair in file.rows().flatten() {
        let mut cs = pair.chars();
        let (Some(tc), Some(sc), None) = (cs.next(), cs.next(), cs.next()) else {
            file.invalid(format_args!("{pair} is not a pair of chars"))
        };
        // Only the chars of this range are looked up.
        if !('\u{3400}'..='\u{9FFF}').contains(&tc) {
            file.invalid(format_args!("{tc} is outside U+3400..U+9FFF"));
        }
        let k = tc as usize - 0x3400;
        t.has[k / 64] |= 1 << (k % 64);
        t.map.insert(tc, sc);
    }
    t
});

/// The traditional → simplified map with a bit per char of U+3400–U+9FFF saying whether it has
/// an entry: every Han char of a text is looked up, and nearly none has one.
pub(crate) struct T2s {
    has: Vec<u64>,
    map: crate::lexicon::FastMap<char, char>,
}

impl T2s {
    fn get(&self, c: char) -> char {
        let Some(k) = (c as usize).checked_sub(0x3400) else { return c };
        if self.has.get(k / 64).is_some_and(|w| w & (1 << (k % 64)) != 0) {
            self.map.get(&c).copied().unwrap_or(c)
        } else {
            c
        }
    }
}

/// The input as the extractors see it.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Normalised text: same char count as the input, see [`normalize_char`]. Boilerplate is
    /// blanked out of it (replaced by spaces, line breaks kept) once detected, see [`Doc::mask`].
    pub text: String,
    /// The normalised text before masking (for the document extractor and anomaly details).
    pub unmasked: String,
    /// Byte offset in `text` of each char, plus one entry for the end (rebuilt by `mask`,
    /// since a blanked Han char is 3 bytes and its space is 1).
    char_starts: Vec<usize>,
    unmasked_starts: Vec<usize>,
}

fn char_starts(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    v.push(s.len());
    v
}

impl Doc {
    pub fn new(input: &str) -> Doc {
        let text: String = input.chars().map(normalize_char).collect();
        let starts = char_starts(&text);
        Doc { unmasked: text.clone(), text, unmasked_starts: starts.clone(), char_starts: starts }
    }

    /// Number of chars.
    pub fn len(&self) -> usize {
        self.char_starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Char offset of a byte offset in `text` (which must be a char boundary; otherwise the char
    /// containing it).
    pub fn char_at_byte(&self, byte: usize) -> usize {
        match self.char_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Same as [`Doc::char_at_byte`] for byte offsets into `unmasked`.
    pub fn unmasked_char_at_byte(&self, byte: usize) -> usize {
        match self.unmasked_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Char span of a byte range in `text`.
    pub fn span_of_bytes(&self, start: usize, end: usize) -> Span {
        Span::new(self.char_at_byte(start), self.char_at_byte(end))
    }

    /// Char span of a byte range in `unmasked`.
    pub fn unmasked_span_of_bytes(&self, start: usize, end: usize) -> Span {
        Span::new(self.unmasked_char_at_byte(start), self.unmasked_char_at_byte(end))
    }

    /// Byte range in `text` of a char span (clamped to the text).
    pub fn byte_range(&self, span: Span) -> std::ops::Range<usize> {
        let n = self.len();
        let s = span.0.min(n);
        let e = span.1.min(n).max(s);
        self.char_starts[s]..self.char_starts[e]
    }

    /// The (masked, normalised) text of a char span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[self.byte_range(span)]
    }

    /// The unmasked normalised text of a char span.
    pub fn unmasked_slice(&self, span: Span) -> &str {
        let n = self.len();
        let s = span.0.min(n);
        let e = span.1.min(n).max(s);
        &self.unmasked[self.unmasked_starts[s]..self.unmasked_starts[e]]
    }

    /// Blank out the given spans in `text`: every char but `\n` becomes a space, so later
    /// extractors never see website chrome while offsets stay the same.
    pub fn mask(&mut self, spans: &[Span]) {
        if spans.is_empty() {
            return;
        }
        let mut masked = vec![false; self.len()];
        for sp in spans {
            for m in masked.iter_mut().take(sp.1.min(self.len())).skip(sp.0) {
                *m = true;
            }
        }
        self.text =
            self.unmasked.chars().zip(masked.iter()).map(|(c, &m)| if m && c != '\n' { ' ' } else { c }).collect();
        self.char_starts = char_starts(&self.text);
    }

    /// Lines of the (masked) text as char spans, without their `\n`.
    pub fn lines(&self) -> Vec<Span> {
        lines_of(&self.text)
    }

    /// Lines of the unmasked text as char spans, without their `\n`.
    pub fn unmasked_lines(&self) -> Vec<Span> {
        lines_of(&self.unmasked)
    }

    /// Paragraphs: non-blank lines of the masked text, trimmed of surrounding spaces.
    /// Texts pasted as one long line are still one paragraph here; see [`Doc::sentences`].
    pub fn paragraphs(&self) -> Vec<Span> {
        self.lines().into_iter().filter_map(|sp| trim_span(self, sp)).collect()
    }

    /// Sentences of the masked text: split after 。！？； and line breaks (a closing quote or
    /// bracket right after the stop stays with its sentence). Trimmed; blank ones dropped.
    pub fn sentences(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = 0;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let mut end = None;
            if c == '\n' {
                end = Some(i);
            } else if ends_sentence(c) {
                let mut j = i + 1;
                while j < chars.len() && matches!(chars[j], '”' | '’' | '）' | '」' | '"') {
                    j += 1;
                }
                end = Some(j);
            }
            if let Some(e) = end {
                if let Some(sp) = trim_span(self, Span::new(start, e)) {
                    out.push(sp);
                }
                start = if c == '\n' { e + 1 } else { e };
                i = start;
                continue;
            }
            i += 1;
        }
        if let Some(sp) = trim_span(self, Span::new(start, chars.len())) {
            out.push(sp);
        }
        out
    }
}

fn lines_of(s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut n = 0;
    for c in s.chars() {
        if c == '\n' {
            out.push(Span::new(start, n));
            start = n + 1;
        }
        n += 1;
    }
    out.push(Span::new(start, n));
    out
}

/// Shrink a span past leading/trailing whitespace; None when nothing is left.
fn trim_span(doc: &Doc, sp: Span) -> Option<Span> {
    let t = doc.slice(sp);
    let lead = t.chars().take_while(|c| c.is_whitespace()).count();
    let total = sp.len();
    if lead == total {
        return None;
    }
    let trail = t.chars().rev().take_while(|c| c.is_whitespace()).count();
    Some(Span::new(sp.0 + lead, sp.1 - trail))
}

/// A char that ends a sentence: 。！？； or a line break ([`Doc::sentences`], and the sentence
/// pieces the deadline and formula patterns read).
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '\n')
}

/// True for CJK ideographs (the Han script), including extension blocks.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x3134F)
}

/// Whether `set`, a short list of chars, holds `c`. `str::contains(char)` builds a substring
/// searcher for every non-ASCII char, which costs far more than walking a few chars (most of
/// all in wasm, where it was 8 % of an analysis).
#[inline]
pub fn has_char(set: &str, c: char) -> bool {
    set.chars().any(|x| x == c)
}

/// `c.is_alphanumeric()`, answered without Unicode tables for ASCII and Han (every Han char is a
/// letter, in its fully assigned blocks): the tables' slow path otherwise runs for every Chinese char, and is dear in wasm.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        common_han(c) || c.is_alphanumeric()
    }
}

/// `c.is_numeric()`, with the same shortcuts as [`is_alnum`] (no Han char is numeric).
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        !common_han(c) && c.is_numeric()
    }
}

/// The two CJK blocks with every code point assigned (letters all): the rest of [`is_han`]'s
/// ranges have gaps the tables must answer for.
fn common_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Convert char offsets to UTF-16 code-unit offsets (for JavaScript strings): returns a table
/// `t` with `t[char_offset] = utf16_offset`, of length `chars + 1`.
pub fn utf16_offsets(s: &str) -> Vec<usize> {
    let mut v = Vec::with_capacity(s.len() + 1);
    let mut u = 0;
    for c in s.chars() {
        v.push(u);
        u += c.len_utf16();
    }
    v.push(u);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_class_shortcuts_agree_with_std() {
        // Every char, astral planes included: the shortcuts may only be faster, never different.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
        }
    }

    #[test]
    fn normalisation_keeps_char_offsets() {
        let input = "515日下午,市委、市政府召开会议:\r\n  市委书记（王某）";
        let doc = Doc::new(input);
        assert_eq!(doc.len(), input.chars().count());
        assert!(doc.text.contains("下午，市委"));
        assert!(doc.text.contains("会议： \n  市委书记"));
        assert!(doc.text.contains("（王某）"));
        assert!(!doc.text.contains('\r'));
    }

    #[test]
    fn traditional_becomes_simplified_and_simplified_stays() {
        assert_eq!(Doc::new("縣委書記出席會議並講話").text, "县委书记出席会议并讲话");
        // Chars that simplified text also uses are left alone: 於 (a surname), 乾 (乾隆), 著.
        assert_eq!(Doc::new("於明著作乾隆").text, "於明著作乾隆");
        // The seeds are simplified: no Han char of theirs may change.
        let mut n = 0;
        for (name, input) in huixi_testkit::seeds() {
            let doc = Doc::new(&input);
            for (a, b) in input.chars().zip(doc.text.chars()) {
                assert!(!is_han(a) || a == b, "{a} became {b} in {name}");
            }
            n += 1;
        }
        assert_eq!(n, 5);
    }

    #[test]
    fn mask_blanks_but_keeps_lines_and_offsets() {
        let mut doc = Doc::new("正文第一行\n浏览次数:12\n正文");
        doc.mask(&[Span::new(6, 13)]);
        assert_eq!(doc.len(), 16);
        assert_eq!(doc.slice(Span::new(0, 5)), "正文第一行");
        assert!(doc.slice(Span::new(6, 13)).trim().is_empty());
        assert_eq!(doc.paragraphs().len(), 2);
        assert_eq!(doc.unmasked_slice(Span::new(6, 10)), "浏览次数");
    }

    #[test]
    fn sentences_split_on_chinese_stops() {
        let doc = Doc::new("他强调，要坚持。要落实“两个维护”！\n 第二段");
        let s: Vec<&str> = doc.sentences().into_iter().map(|sp| doc.slice(sp)).collect();
        assert_eq!(s, vec!["他强调，要坚持。", "要落实“两个维护”！", "第二段"]);
    }

    #[test]
    fn utf16_table_counts_astral_chars_twice() {
        let t = utf16_offsets("a😀中");
        assert_eq!(t, vec![0, 1, 3, 4]);
    }
}
