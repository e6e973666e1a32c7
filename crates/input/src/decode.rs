//! Input bytes → text: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without when the
//! NUL pattern makes it obvious), GBK/GB18030. Binary files (Word, PDF, images, …) are refused
//! with a message that tells the user what to do instead.
//!
//! Reports reach users through copy-paste, old Windows tools (GBK) and web downloads, so a few
//! damaged bytes in an otherwise good file are decoded with replacement chars and reported as a
//! warning rather than rejected.

use std::fmt;

use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GB18030, GBK, ISO_2022_JP, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8};

#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The text, without its byte-order mark.
    pub text: String,
    /// "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030" (GBK is a subset of GB18030).
    pub encoding: &'static str,
    /// What the reader should know about the decoding (damaged bytes replaced by U+FFFD, …), each
    /// in Chinese and in English (`中文 — English`), as the errors are.
    /// Empty for a clean file.
    pub warnings: Vec<String>,
}

impl Decoded {
    /// True when some bytes could not be decoded and were replaced by U+FFFD.
    pub fn is_lossy(&self) -> bool {
        !self.warnings.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// The bytes are not text in any supported encoding (e.g. a binary file).
    NotText,
    /// A known binary document format (the name of the format, e.g. "Word (.docx)").
    Document(&'static str),
    /// Text-like bytes in an encoding huixi does not read (e.g. Big5, Shift-JIS) or too damaged.
    UnknownEncoding,
    /// A Word file (.docx) whose text cannot be read, and why.
    Docx(DocxProblem),
    /// An old binary Word/WPS file (.doc/.wps): huixi reads only .docx.
    OldWord,
}

/// Why a .docx could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocxProblem {
    /// Not a zip archive, or a truncated/damaged one (an incomplete download).
    Damaged,
    /// A zip archive without the Word text part (word/document.xml): another kind of zip.
    NoDocument,
    /// Password-protected: the text is encrypted.
    Encrypted,
    /// The text part inflates to more than this many megabytes (a damaged file or a zip bomb).
    TooLarge(usize),
    /// Compressed with a zip method other than stored or deflate.
    Compression(u16),
    /// The archive lists more than this many parts: damaged, or not a Word document.
    TooManyParts(usize),
}

impl fmt::Display for DocxProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxProblem::Damaged => write!(f, "文件已损坏或不完整 — the .docx is damaged or incomplete (not a readable zip archive)"),
            DocxProblem::NoDocument => write!(
                f,
                "压缩包中没有 Word 正文 — the file is a zip archive without word/document.xml, so not a Word document"
            ),
            DocxProblem::Encrypted => write!(
                f,
                "文件设有密码 — the document is password-protected (encrypted); remove the password in Word/WPS first"
            ),
            DocxProblem::TooLarge(mb) => write!(
                f,
                "正文解压后超过 {mb} MB — the document text inflates to more than {mb} MB (a damaged file or a zip bomb), so it was not read"
            ),
            DocxProblem::Compression(m) => write!(f, "不支持的压缩方式 — the .docx uses zip compression method {m}, which huixi does not read"),
            DocxProblem::TooManyParts(n) => write!(
                f,
                "压缩包内的文件超过 {n} 个 — the archive lists more than {n} files, far more than a Word document has (a damaged file or not a .docx)"
            ),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotText => write!(
                f,
                "not a text file (binary data: NUL bytes or control characters); save the report as plain text (.txt, UTF-8) and try again"
            ),
            DecodeError::Document(kind) => write!(
                f,
                "this is a {kind} file, not plain text; open it and save or copy the text as plain text (.txt, UTF-8), then try again"
            ),
            DecodeError::UnknownEncoding => write!(
                f,
                "cannot decode the text: it is neither UTF-8, UTF-16 nor GBK/GB18030 (or it is badly damaged); re-save it as UTF-8 and try again"
            ),
            DecodeError::Docx(why) => write!(
                f,
                "无法读取 Word 文件：{why}。请另存为 .docx 或复制文字粘贴 — re-save it as .docx, or copy the text and paste it as plain text"
            ),
            DecodeError::OldWord => write!(
                f,
                "无法读取旧版 Word/WPS 文件（.doc/.wps）。请在 Word/WPS 中另存为 .docx 或 .txt，或复制文字粘贴 — huixi reads .docx but not the old binary .doc/.wps format: save it as .docx or as plain text (.txt, UTF-8), or copy the text and paste it"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

impl DecodeError {
    /// What went wrong and what to do, for Chinese readers (the page in Chinese). [`Display`]
    /// gives the English text (the CLI's); the Word errors are bilingual there already.
    ///
    /// [`Display`]: fmt::Display
    pub fn chinese(&self) -> String {
        match self {
            DecodeError::NotText => {
                "这不是文本文件（含二进制数据）。请把报道另存为纯文本（.txt，UTF-8）后再试。".to_string()
            }
            DecodeError::Document(kind) => {
                format!("这是 {kind} 文件，不是纯文本。请打开它，另存为或复制为纯文本（.txt，UTF-8）后再试。")
            }
            DecodeError::UnknownEncoding => {
                "无法解码：既不是 UTF-8、UTF-16，也不是 GBK/GB18030（或已严重损坏）。请另存为 UTF-8 后再试。"
                    .to_string()
            }
            DecodeError::Docx(_) | DecodeError::OldWord => self.to_string(),
        }
    }
}

/// Most damaged bytes we replace silently-with-a-warning before calling the file undecodable:
/// at most one bad sequence per this many good chars.
const MAX_ERROR_RATE: u64 = 100;

/// A count of bytes or chars, for the ratios below: computed in u64, since in wasm32 `usize` is
/// 32 bits and a count of a 64 MB file times 100 passes its maximum (a wrapped product would
/// silently flip the test).
fn wide(n: usize) -> u64 {
    n as u64
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest).ok_or(DecodeError::UnknownEncoding).and_then(check_text);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return check_text(utf16(rest, UTF_16LE));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return check_text(utf16(rest, UTF_16BE));
    }
    if let Some(kind) = known_binary(bytes) {
        return Err(DecodeError::Document(kind));
    }
    if let Some(enc) = bomless_utf16(bytes) {
        let d = utf16(bytes, enc);
        if d.warnings.is_empty() && mostly_cjk_or_ascii(&d.text) {
            return check_text(d);
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return check_text(Decoded { text: s.to_string(), encoding: "UTF-8", warnings: Vec::new() });
    }
    // Not valid UTF-8: either damaged UTF-8, or GBK, or not text. Take the reading with fewer
    // errors; GBK only when it decodes to readable Chinese.
    let lossy_utf8 = utf8(bytes);
    let gbk = gb18030(bytes);
    let pick = match (lossy_utf8, gbk) {
        (Some(u), Some(g)) => Some(if errors(&g) < errors(&u) { g } else { u }),
        (u, g) => u.or(g),
    };
    match pick {
        Some(d) => check_text(d),
        None if has_binary_bytes(bytes) => Err(DecodeError::NotText),
        None => Err(DecodeError::UnknownEncoding),
    }
}

/// The bytes in the encoding a document declares (an HTML `<meta charset>`). None when the
/// declaration is not one to trust over detection — a BOM, UTF-16 (a declaration in ASCII bytes
/// cannot be UTF-16), a single-byte code page (it decodes anything, so a wrong label on a GBK
/// page would give silent mojibake) — or when the bytes do not decode cleanly in it: pages are
/// often saved in another encoding than their template declares, and detection then does better.
pub fn decode_declared(bytes: &[u8], label: &str) -> Option<Result<Decoded, DecodeError>> {
    let enc = Encoding::for_label(label.trim().as_bytes())?;
    if bytes.starts_with(b"\xEF\xBB\xBF") || bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return None;
    }
    let (enc, name) = match enc {
        e if e == UTF_8 => (UTF_8, "UTF-8"),
        // GBK and GB2312 labels: GB18030 is their superset and decodes what they encode.
        e if e == GBK || e == GB18030 => (GB18030, "GB18030"),
        e if [BIG5, SHIFT_JIS, EUC_JP, EUC_KR, ISO_2022_JP].contains(&e) => (e, e.name()),
        _ => return None,
    };
    let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?.into_owned();
    Some(check_text(Decoded { text, encoding: name, warnings: Vec::new() }))
}

/// Number of replaced sequences recorded by `utf8`/`gb18030` (kept in the warning's count).
fn errors(d: &Decoded) -> usize {
    d.text.chars().filter(|&c| c == '\u{FFFD}').count()
}

/// UTF-8, tolerating a few invalid sequences in an otherwise valid text. None when the invalid
/// sequences are too many or the valid part shows no sign of being UTF-8 (GBK also contains the
/// odd byte pair that happens to be valid UTF-8).
fn utf8(bytes: &[u8]) -> Option<Decoded> {
    let mut text = String::with_capacity(bytes.len());
    let (mut bad, mut multibyte, mut good) = (0usize, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        let v = chunk.valid();
        for c in v.chars() {
            good += 1;
            if c.len_utf8() > 1 {
                multibyte += 1;
            }
        }
        text.push_str(v);
        if !chunk.invalid().is_empty() {
            bad += 1;
            text.push('\u{FFFD}');
        }
    }
    if bad == 0 {
        return Some(Decoded { text, encoding: "UTF-8", warnings: Vec::new() });
    }
    if wide(bad) * MAX_ERROR_RATE > wide(good) || wide(multibyte) < wide(bad) * 10 {
        return None;
    }
    let warning = format!("有 {bad} 处损坏的字节已替换为 \u{FFFD} — {bad} damaged byte sequence(s) in the UTF-8 text were replaced by \u{FFFD}");
    Some(Decoded { text, encoding: "UTF-8", warnings: vec![warning] })
}

/// GBK/GB18030, accepted only when the result reads as Chinese (CJK and ASCII), tolerating a few
/// damaged bytes.
fn gb18030(bytes: &[u8]) -> Option<Decoded> {
    if let Some(s) = GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        let text = s.into_owned();
        return mostly_cjk_or_ascii(&text).then_some(Decoded { text, encoding: "GB18030", warnings: Vec::new() });
    }
    let (s, _) = GB18030.decode_without_bom_handling(bytes);
    let text = s.into_owned();
    let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let total = text.chars().count();
    if wide(bad) * MAX_ERROR_RATE > wide(total) || !mostly_cjk_or_ascii(&text) {
        return None;
    }
    let warning = format!("有 {bad} 处损坏的字节已替换为 \u{FFFD} — {bad} damaged byte sequence(s) in the GBK text were replaced by \u{FFFD}");
    Some(Decoded { text, encoding: "GB18030", warnings: vec![warning] })
}

fn utf16(bytes: &[u8], enc: &'static Encoding) -> Decoded {
    let (s, had_errors) = enc.decode_without_bom_handling(bytes);
    let mut warnings = Vec::new();
    if had_errors {
        warnings
            .push(format!("损坏的字节已替换为 \u{FFFD} — damaged {} sequences were replaced by \u{FFFD}", enc.name()));
    }
    Decoded { text: s.into_owned(), encoding: enc.name(), warnings }
}

/// UTF-16 without a BOM: ASCII chars (line breaks, digits, spaces) put a NUL in every other
/// byte, on one side only. Chinese chars rarely have a zero byte, so the other side stays clean.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = bytes.len() / 2;
    let clear = |many: usize, few: usize| many >= 2 && wide(many) * 100 >= wide(pairs) && wide(few) * 10 <= wide(many);
    if clear(odd, even) {
        Some(UTF_16LE)
    } else if clear(even, odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Document formats people drop in by mistake, recognised by their magic bytes.
fn known_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"PK\x03\x04", "Word/WPS (.docx) or other zip"),
        (b"%PDF", "PDF"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Word/WPS (.doc/.wps) or other OLE"),
        (b"{\\rtf", "RTF"),
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF8", "GIF image"),
        (b"Rar!", "RAR archive"),
        (b"\x1F\x8B", "gzip archive"),
        (b"7z\xBC\xAF", "7-Zip archive"),
    ];
    MAGIC.iter().find(|(m, _)| bytes.starts_with(m)).map(|(_, k)| *k)
}

fn has_binary_bytes(bytes: &[u8]) -> bool {
    let ctrl = bytes.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    ctrl > 0 && wide(ctrl) * 100 >= wide(bytes.len())
}

/// Control chars (NUL and friends, not whitespace) in decoded text mark a binary file.
fn check_text(d: Decoded) -> Result<Decoded, DecodeError> {
    let mut total = 0usize;
    let mut ctrl = 0usize;
    for c in d.text.chars() {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}') {
            ctrl += 1;
        }
    }
    if ctrl > 0 && (wide(ctrl) * 100 > wide(total) || ctrl > 64) {
        return Err(DecodeError::NotText);
    }
    let mut d = d;
    if let Some(rest) = d.text.strip_prefix('\u{FEFF}') {
        // A second BOM (UTF-8 BOM inside a UTF-16 file, or a doubled one) is noise too.
        d.text = rest.to_string();
    }
    if ctrl > 0 {
        d.warnings.push(format!(
            "文本中有 {ctrl} 个控制字符，已按空格读取 — {ctrl} control character(s) in the text are read as spaces"
        ));
    }
    Ok(d)
}

/// Decoded text that reads as Chinese: Han, CJK and full-width punctuation, ASCII, and the
/// usual symbols. Random bytes decoded as GBK or UTF-16 land all over the code space instead.
fn mostly_cjk_or_ascii(text: &str) -> bool {
    let (mut ok, mut total) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        let u = c as u32;
        let good = matches!(u,
            0x09 | 0x0A | 0x0D | 0x20..=0x7E
            | 0xA0..=0xFF          // Latin-1: · × é
            | 0x2000..=0x206F      // general punctuation: — “ ” …
            | 0x2100..=0x218F      // letterlike, Roman numerals
            | 0x2460..=0x24FF      // ① ⑴
            | 0x2500..=0x25FF      // box drawing, ■ ○
            | 0x3000..=0x303F      // CJK punctuation
            | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0xFFFD);
        ok += usize::from(good);
    }
    total == 0 || wide(ok) * 100 >= wide(total) * 90
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "5月15日下午，市委、市政府召开全市政法工作会议。市委书记出席会议并讲话。\n他强调，要坚持以人民为中心，深入推进社会治理现代化。\n";

    fn gbk(s: &str) -> Vec<u8> {
        let (b, _, unmappable) = encoding_rs::GBK.encode(s);
        assert!(!unmappable);
        b.into_owned()
    }

    /// Every error reads in Chinese for the Chinese page and says what to do (a Word error keeps
    /// its bilingual text); the English stays the Display's.
    #[test]
    fn chinese_messages_say_what_to_do() {
        let errors = [
            DecodeError::NotText,
            DecodeError::Document("PDF"),
            DecodeError::UnknownEncoding,
            DecodeError::Docx(DocxProblem::Encrypted),
            DecodeError::OldWord,
        ];
        for e in &errors {
            let zh = e.chinese();
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{e:?}: {zh}");
            assert!(zh.contains("另存") || zh.contains("粘贴"), "{e:?} does not say what to do: {zh}");
        }
        assert!(DecodeError::Document("PDF").chinese().contains("PDF"));
        assert!(!DecodeError::NotText.chinese().contains("not a text file"));
        assert_eq!(DecodeError::OldWord.chinese(), DecodeError::OldWord.to_string());
    }

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
    }

    fn utf16be(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect()
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        let d = decode(TEXT.as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, "UTF-8"));
        assert!(!d.is_lossy());
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice(TEXT.as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.text, TEXT);
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
        assert_eq!(decode(b"\xEF\xBB\xBF").unwrap().text, "");
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(utf16le(TEXT));
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        be.extend(utf16be(TEXT));
        let d = decode(&be).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, "UTF-16BE"));
    }

    #[test]
    fn utf16_without_bom_when_nul_pattern_is_clear() {
        let text = format!("{TEXT}2020年，全市共受理信访事项1234件，办结率达到98%。\n");
        let d = decode(&utf16le(&text)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), "UTF-16LE"));
        let d = decode(&utf16be(&text)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), "UTF-16BE"));
    }

    #[test]
    fn gbk_is_detected_and_decoded() {
        let d = decode(&gbk(TEXT)).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, "GB18030"));
        assert!(!d.is_lossy());
    }

    #[test]
    fn short_gbk_is_not_mistaken_for_utf8() {
        let d = decode(&gbk("政法工作会议")).unwrap();
        assert_eq!(d.text, "政法工作会议");
    }

    #[test]
    fn damaged_utf8_is_decoded_lossily_with_a_warning() {
        let mut b = TEXT.repeat(10).into_bytes();
        // Cut one Han char in half in the middle of the text.
        let at = TEXT.len() * 5 + 1;
        b.remove(at);
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.is_lossy());
        assert!(d.warnings[0].contains("damaged"));
        assert!(d.text.contains('\u{FFFD}'));
        assert!(d.text.contains("社会治理现代化"));
    }

    #[test]
    fn damaged_gbk_is_decoded_lossily() {
        let mut b = gbk(&TEXT.repeat(10));
        b.insert(b.len() / 2, 0xFF);
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!(d.is_lossy());
        assert!(d.text.contains("社会治理现代化"));
    }

    #[test]
    fn binary_is_refused_with_advice() {
        let junk: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        let e = decode(&junk).unwrap_err();
        assert!(matches!(e, DecodeError::NotText | DecodeError::UnknownEncoding), "{e:?}");
        assert!(e.to_string().contains(".txt") || e.to_string().contains("UTF-8"));

        let mut nul_heavy = TEXT.as_bytes().to_vec();
        nul_heavy.extend(std::iter::repeat_n(0u8, 200));
        assert_eq!(decode(&nul_heavy), Err(DecodeError::NotText));
    }

    #[test]
    fn known_document_formats_are_named() {
        let e = decode(b"PK\x03\x04\x14\x00\x06\x00word/document.xml").unwrap_err();
        assert_eq!(e, DecodeError::Document("Word/WPS (.docx) or other zip"));
        assert!(e.to_string().contains("plain text"));
        assert!(matches!(decode(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3"), Err(DecodeError::Document("PDF"))));
    }

    #[test]
    fn declared_encodings_are_trusted_only_when_they_fit() {
        let d = decode_declared(&gbk(TEXT), "GB2312").unwrap().unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (TEXT, "GB18030"));
        assert_eq!(decode_declared(TEXT.as_bytes(), "utf-8").unwrap().unwrap().text, TEXT);
        // UTF-8 bytes under a GBK label do not decode cleanly: detection decides instead.
        assert!(decode_declared(TEXT.as_bytes(), "gbk").is_none());
        // Single-byte code pages decode anything, so they are never trusted.
        assert!(decode_declared(&gbk(TEXT), "iso-8859-1").is_none());
        assert!(decode_declared(TEXT.as_bytes(), "utf-16").is_none());
        assert!(decode_declared(TEXT.as_bytes(), "no-such-charset").is_none());
    }

    #[test]
    fn word_errors_say_what_to_do() {
        for e in [
            DecodeError::Docx(DocxProblem::Damaged),
            DecodeError::Docx(DocxProblem::TooLarge(50)),
            DecodeError::OldWord,
        ] {
            let m = e.to_string();
            assert!(m.contains("无法读取") && m.contains(".docx") && m.contains("复制文字粘贴"), "{m}");
        }
        assert!(DecodeError::Docx(DocxProblem::TooLarge(50)).to_string().contains("50 MB"));
    }

    #[test]
    fn a_stray_control_char_does_not_reject_a_text() {
        let text = format!("{}\u{7}{}", TEXT.repeat(5), TEXT);
        let d = decode(text.as_bytes()).unwrap();
        assert_eq!(d.text, text);
        assert!(d.is_lossy());
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let mut seed = 12345u32;
        for len in [1usize, 2, 3, 5, 17, 64, 255, 1000] {
            let b: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
                    (seed >> 16) as u8
                })
                .collect();
            let _ = decode(&b);
            let mut cut = TEXT.as_bytes()[..len.min(TEXT.len())].to_vec();
            cut.extend_from_slice(&b);
            let _ = decode(&cut);
        }
    }
}
