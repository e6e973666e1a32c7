//! Word documents (.docx): the paragraphs of `word/document.xml`, one a line. Tabs and line
//! breaks inside a paragraph are kept; deleted text (tracked changes), field codes and the
//! duplicate fallback copy of text boxes are not.
//!
//! The archive is read with `rawzip` (central directory, zip64, data descriptors) and the text
//! part inflated with `miniz_oxide`, under caps (parts listed, bytes inflated) so a damaged file
//! or a zip bomb costs nothing; the XML is read with `quick-xml`.

use std::borrow::Cow;

use quick_xml::events::{BytesRef, Event};
use quick_xml::Reader;

use crate::decode::{self, DecodeError, Decoded, DocxProblem};

/// Most bytes `word/document.xml` may inflate to. A long report is a few MB of XML; more is a
/// damaged file or a zip bomb.
pub const MAX_XML: usize = 50 << 20;

/// Most parts (files) an archive may list. A Word document has a few dozen, a few hundred with
/// many images; a central directory claiming more is damaged, or not a document.
pub const MAX_PARTS: usize = 10_000;

const MAIN_PART: &str = "word/document.xml";

fn problem(p: DocxProblem) -> DecodeError {
    DecodeError::Docx(p)
}

fn part_name(name: &[u8]) -> String {
    String::from_utf8_lossy(name).trim_start_matches('/').replace('\\', "/").to_ascii_lowercase()
}

/// One member of the archive, as far as reading its bytes needs.
struct Part<'a> {
    name: String,
    encrypted: bool,
    method: u16,
    /// The compressed bytes. In a salvaged member whose size is not in its local header, and
    /// no data descriptor after it says it, this runs to the end of the file: deflate ends
    /// itself.
    data: &'a [u8],
    /// Declared size and CRC-32 of the inflated bytes, when the central directory gave them.
    size: Option<u64>,
    crc: Option<u32>,
}

/// The text of a .docx file.
pub fn text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (parts, complete) = match central_directory(bytes)? {
        Some(p) => (p, true),
        None => (salvage(bytes)?, false),
    };
    if parts.is_empty() {
        return Err(problem(DocxProblem::Damaged));
    }
    let main = main_part(&parts);
    let Some(part) = parts.iter().find(|p| p.name == main) else {
        // In a cut-off archive the text part may just be in the part that is missing.
        return Err(problem(if complete { DocxProblem::NoDocument } else { DocxProblem::Damaged }));
    };
    let xml = inflate(part, MAX_XML).map_err(problem)?;
    let mut warnings = Vec::new();
    if part.crc.is_some_and(|crc| crc != rawzip::crc32(&xml)) {
        warnings.push(
            "Word 正文的校验和不符（文件已损坏），部分文字可能有误 — the .docx text part fails its checksum (the file is damaged): some text may be wrong"
                .into(),
        );
    }
    let d = decode::decode(&xml).map_err(|_| problem(DocxProblem::Damaged))?;
    warnings.extend(d.warnings);
    Ok(Decoded { text: paragraphs(&d.text), encoding: d.encoding, warnings })
}

/// The parts listed in the central directory; None when the file has no readable one (cut
/// short, or not an archive).
fn central_directory(bytes: &[u8]) -> Result<Option<Vec<Part<'_>>>, DecodeError> {
    let Ok(archive) = rawzip::ZipArchive::from_slice(bytes) else { return Ok(None) };
    let mut entries = archive.entries();
    let mut parts = Vec::new();
    loop {
        let record = match entries.next_entry() {
            Ok(Some(r)) => r,
            Ok(None) => break,
            // A directory that does not parse to its end: read what the local headers hold.
            Err(_) => return Ok(None),
        };
        if parts.len() == MAX_PARTS {
            return Err(problem(DocxProblem::TooManyParts(MAX_PARTS)));
        }
        let Ok(entry) = archive.get_entry(record.wayfinder()) else { return Ok(None) };
        // Within `bytes` (rawzip checks), but u64: no `as usize`, which would cut a bad offset
        // to 32 bits in wasm32.
        let (start, end) = entry.compressed_data_range();
        let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else { return Ok(None) };
        let Some(data) = bytes.get(start..end) else { return Ok(None) };
        parts.push(Part {
            name: part_name(record.file_path().as_ref()),
            encrypted: record.flags().is_encrypted(),
            method: record.compression_method().as_u16(),
            data,
            size: Some(record.uncompressed_size_hint()),
            crc: Some(record.crc32()),
        });
    }
    Ok(Some(parts))
}

/// The parts found by walking the local headers from the start: for an archive cut short (an
/// interrupted download), whose central directory at the end is lost. rawzip, like any reader
/// that trusts the central directory, has no such walk; this is the few lines it takes.
///
/// The walk cannot loop or run off the file, whatever the headers say: every header is read
/// from the bytes after the previous one, every length is checked against what is left of the
/// file (never added to an offset unchecked: in wasm32 a `usize` is 32 bits, and a compressed
/// size of 0xFFFFFFE2 after a 30-byte header wraps a naive `at + 30 + c` back to 0), the cursor
/// moves forward by at least a header each time and stops at the end, and more than
/// [`MAX_PARTS`] parts are refused as in a central directory.
fn salvage(b: &[u8]) -> Result<Vec<Part<'_>>, DecodeError> {
    let mut parts = Vec::new();
    let mut at = 0usize;
    // `rest` starts at a header; all positions below are within it, so none can wrap.
    while let Some(rest) = b.get(at..).filter(|r| r.starts_with(b"PK\x03\x04")) {
        let Some(h) = rest.get(..30) else { break };
        let u16_at = |i: usize| u16::from_le_bytes([h[i], h[i + 1]]);
        let (flags, method) = (u16_at(6), u16_at(8));
        let compressed = u32::from_le_bytes([h[18], h[19], h[20], h[21]]);
        // At most 30 + 65535 + 65535: no overflow even in 32 bits.
        let name_end = 30 + usize::from(u16_at(26));
        let start = name_end + usize::from(u16_at(28));
        let (Some(name), Some(after)) = (rest.get(30..name_end), rest.get(start..)) else { break };
        // Bit 3: the sizes follow the data, in a data descriptor; a zip64 size (0xFFFFFFFF) is
        // in the extra field (not read: a descriptor may follow, else the data runs to the end,
        // and this is the last part salvaged).
        let (len, next) = if flags & 8 != 0 || compressed == u32::MAX {
            descriptor(after).map_or((after.len(), None), |(len, next)| (len, Some(next)))
        } else {
            // A size past the end of the file (a cut-off download, or a lie): the data is what
            // there is, and this is the last part.
            let c = usize::try_from(compressed).unwrap_or(usize::MAX);
            if c <= after.len() {
                (c, Some(c))
            } else {
                (after.len(), None)
            }
        };
        if parts.len() == MAX_PARTS {
            return Err(problem(DocxProblem::TooManyParts(MAX_PARTS)));
        }
        parts.push(Part {
            name: part_name(name),
            encrypted: flags & 1 != 0,
            method,
            data: &after[..len],
            size: None,
            crc: None,
        });
        // The next header: at least 30 bytes on, and within the file (`start + next` ≤
        // `rest.len()`, since `next` ≤ `after.len()`).
        match next {
            Some(next) if start + next < rest.len() => at += start + next,
            _ => break,
        }
    }
    Ok(parts)
}

/// Where a streamed member's data ends and the next header starts, counted from the start of
/// its data `d`: at the first data descriptor (signature, CRC-32, sizes of 4 or, in zip64, 8
/// bytes) whose compressed size is the length of the data before it. Both positions are within
/// `d`; None when no descriptor fits.
fn descriptor(d: &[u8]) -> Option<(usize, usize)> {
    let mut from = 0;
    loop {
        // A slice is at most isize::MAX bytes long, so `end` plus a few dozen cannot wrap.
        let end = from + d.get(from..)?.windows(4).position(|w| w == b"PK\x07\x08")?;
        let len = end as u64;
        let size_at =
            |n: usize| d.get(end + 8..end + 8 + n).map(|s| s.iter().rev().fold(0u64, |v, &x| v << 8 | u64::from(x)));
        let next_is_header = |next: usize| next >= d.len() || d.get(next..next + 2) == Some(b"PK");
        for (size, next) in [(8, end + 24), (4, end + 16)] {
            if size_at(size) == Some(len) && next_is_header(next) {
                return Some((end, next.min(d.len())));
            }
        }
        from = end + 1;
    }
}

/// The part's bytes, at most `limit` of them.
fn inflate(p: &Part, limit: usize) -> Result<Vec<u8>, DocxProblem> {
    if p.encrypted || p.method == 99 {
        return Err(DocxProblem::Encrypted);
    }
    let too_large = DocxProblem::TooLarge(limit >> 20);
    if p.size.is_some_and(|s| s > limit as u64) {
        return Err(too_large);
    }
    match p.method {
        0 if p.data.len() > limit => Err(too_large),
        0 => Ok(p.data.to_vec()),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(p.data, limit).map_err(|err| match err.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => too_large,
            _ => DocxProblem::Damaged,
        }),
        m => Err(DocxProblem::Compression(m)),
    }
}

/// A lenient XML reader: Word's XML is well-formed, but a damaged or hand-made file should give
/// what text it has rather than nothing.
fn xml_reader(xml: &str) -> Reader<&[u8]> {
    let mut r = Reader::from_str(xml);
    let c = r.config_mut();
    c.check_end_names = false;
    c.allow_unmatched_ends = true;
    c.allow_dangling_amp = true;
    r
}

/// The text an entity or character reference stands for; an unknown one (`&nbsp;` is not
/// XML) stays as written.
fn reference(r: &BytesRef) -> Cow<'static, str> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string().into();
    }
    let name = String::from_utf8_lossy(r);
    match quick_xml::escape::resolve_xml_entity(&name) {
        Some(s) => s.into(),
        None => format!("&{name};").into(),
    }
}

/// The main document part: `word/document.xml`, or where `_rels/.rels` points (a few tools
/// name it otherwise).
fn main_part(parts: &[Part]) -> String {
    if parts.iter().any(|p| p.name == MAIN_PART) {
        return MAIN_PART.into();
    }
    let rels = parts
        .iter()
        .find(|p| p.name == "_rels/.rels")
        .and_then(|p| inflate(p, 1 << 20).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let mut reader = xml_reader(&rels);
    while let Ok(ev) = reader.read_event() {
        match ev {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref().eq_ignore_ascii_case(b"relationship") => {
                let get = |key: &[u8]| {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref().eq_ignore_ascii_case(key))
                        .map(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .map(Cow::into_owned)
                                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
                        })
                        .unwrap_or_default()
                };
                if get(b"Type").ends_with("/officeDocument") {
                    return part_name(get(b"Target").as_bytes());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    MAIN_PART.into()
}

/// The paragraph text of WordprocessingML: each `<w:p>` a line.
pub fn paragraphs(xml: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let (mut in_text, mut tab_stops, mut fallback) = (false, 0usize, 0usize);
    let end_paragraph = |out: &mut String, line: &mut String| {
        let l = line.trim_end();
        // At most one blank line: Word documents space paragraphs with empty ones.
        if !l.is_empty() || !(out.is_empty() || out.ends_with("\n\n")) {
            out.push_str(l);
            out.push('\n');
        }
        line.clear();
    };
    let mut reader = xml_reader(xml);
    // An error ends the reading with the text so far: quick-xml reports it where it stopped,
    // and a damaged part is better read in part than not at all.
    while let Ok(ev) = reader.read_event() {
        let self_closing = matches!(ev, Event::Empty(_));
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name();
                let is = |n: &str| name.as_ref().eq_ignore_ascii_case(n.as_bytes());
                if is("w:t") {
                    in_text = !self_closing;
                } else if is("w:tabs") {
                    // A tab stop definition in paragraph properties, not a tab.
                    tab_stops += usize::from(!self_closing);
                } else if fallback > 0 {
                    fallback += usize::from(is("mc:Fallback") && !self_closing);
                } else if is("w:tab") && tab_stops == 0 {
                    line.push('\t');
                } else if is("w:br") || is("w:cr") {
                    line.push('\n');
                } else if is("w:noBreakHyphen") {
                    line.push('-');
                } else if is("mc:Fallback") && !self_closing {
                    fallback += 1;
                } else if is("w:p") && self_closing {
                    end_paragraph(&mut out, &mut line);
                }
            }
            Event::End(e) => {
                let name = e.name();
                let is = |n: &str| name.as_ref().eq_ignore_ascii_case(n.as_bytes());
                if is("w:t") {
                    in_text = false;
                } else if is("w:tabs") {
                    tab_stops = tab_stops.saturating_sub(1);
                } else if is("mc:Fallback") {
                    fallback = fallback.saturating_sub(1);
                } else if is("w:p") && fallback == 0 {
                    end_paragraph(&mut out, &mut line);
                }
            }
            Event::Text(t) if in_text && fallback == 0 => line.push_str(&String::from_utf8_lossy(&t)),
            Event::CData(t) if in_text && fallback == 0 => line.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) if in_text && fallback == 0 => line.push_str(&reference(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    if !line.trim().is_empty() {
        end_paragraph(&mut out, &mut line);
    }
    let trimmed = out.trim_end_matches('\n').trim_start_matches('\n');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cap is on the inflate itself: a bomb stops at `limit` bytes of output (and its
    /// buffer never grows past them), whatever the archive declares, or when it declares
    /// nothing (a salvaged part).
    #[test]
    fn inflate_stops_at_the_cap() {
        let xml = vec![b'x'; 4 << 20];
        let data = miniz_oxide::deflate::compress_to_vec(&xml, 6);
        assert!(data.len() < 64 << 10, "{}", data.len());
        let part = |size: Option<u64>| Part {
            name: MAIN_PART.into(),
            encrypted: false,
            method: 8,
            data: &data,
            size,
            crc: None,
        };
        for size in [None, Some(1000)] {
            assert_eq!(inflate(&part(size), 1 << 20), Err(DocxProblem::TooLarge(1)));
            assert_eq!(inflate(&part(size), 4 << 20).map(|v| v.len()), Ok(4 << 20));
        }
        // An honest size over the cap: refused before inflating.
        assert_eq!(inflate(&part(Some(4 << 20)), 1 << 20), Err(DocxProblem::TooLarge(1)));
        let stored = Part { method: 0, data: &xml, ..part(None) };
        assert_eq!(inflate(&stored, 1 << 20), Err(DocxProblem::TooLarge(1)));
    }

    /// Arbitrary local headers: the salvage walk ends, and every part's data is in the file.
    #[test]
    fn salvage_walk_always_ends_inside_the_file() {
        let mut seed = 99u32;
        let mut next = || {
            seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
            seed >> 8
        };
        for _ in 0..2000 {
            let mut b = Vec::new();
            for _ in 0..1 + next() % 4 {
                b.extend_from_slice(b"PK\x03\x04");
                let fields: Vec<u8> = (0..26).map(|_| next() as u8).collect();
                b.extend_from_slice(&fields);
                // Small names and extras (so they fit), any sizes and flags.
                let at = b.len() - 4;
                b[at..].copy_from_slice(&[(next() % 8) as u8, 0, (next() % 8) as u8, 0]);
                let data: Vec<u8> =
                    (0..next() % 48).map(|_| if next() % 5 == 0 { b'P' } else { next() as u8 }).collect();
                b.extend_from_slice(&data);
            }
            let range = b.as_ptr_range();
            for p in salvage(&b).unwrap() {
                let r = p.data.as_ptr_range();
                assert!(range.start <= r.start && r.end <= range.end);
            }
        }
    }

    #[test]
    fn runs_tabs_breaks_and_entities() {
        let xml = r#"<?xml version="1.0"?><w:document><w:body>
<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>同志们</w:t></w:r><w:r><w:t xml:space="preserve">： </w:t></w:r></w:p>
<w:p/><w:p/>
<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>平安&amp;法治</w:t><w:br/><w:t>建设</w:t></w:r><w:r><w:delText>删除</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>
</w:body></w:document>"#;
        assert_eq!(paragraphs(xml), "同志们：\n\n一、\t平安&法治\n建设\n");
    }

    #[test]
    fn text_box_fallback_is_not_doubled() {
        let xml = "<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>";
        assert_eq!(paragraphs(xml), "框内\n正文\n");
    }

    #[test]
    fn references_cdata_and_unknown_entities() {
        let xml = "<w:p><w:r><w:t>&#x4E2D;&#22269;&lt;&quot;平安&quot;&gt;&apos;&amp;</w:t><w:t><![CDATA[<法治> & 建设]]></w:t><w:t>&nbsp;&bogus;&#0;</w:t></w:r></w:p>";
        assert_eq!(paragraphs(xml), "中国<\"平安\">'&<法治> & 建设&nbsp;&bogus;&#0;\n");
    }

    #[test]
    fn broken_xml_gives_the_text_before_the_damage() {
        assert_eq!(
            paragraphs("<w:p><w:t>第一段</w:t></w:p><w:p><w:t>第二段</w:t></w:x></w:p><w:p"),
            "第一段\n第二段\n"
        );
        assert_eq!(paragraphs("<w:p><w:t>半截"), "半截\n");
        for s in ["", "<", "<<>>", "</w:p>", "<w:p", "<![CDATA[", "<!--", "<?xml", "&", "&#xFFFFFFFF;"] {
            let _ = paragraphs(s);
        }
    }
}
