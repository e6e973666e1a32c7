//! Just enough of the zip format to read one member of a .docx: the central directory (or, for
//! a truncated file without one, the local headers from the start), stored and deflate members,
//! and a cap on inflated size so a zip bomb costs nothing.

use crate::decode::DocxProblem;

pub struct Entry {
    pub name: String,
    flags: u16,
    method: u16,
    /// None when unknown (a streamed member whose sizes follow its data): inflate to the end.
    compressed: Option<usize>,
    size: Option<usize>,
    /// Offset of the member's local header.
    offset: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// A 32-bit size, None for the zip64 marker (the real one is elsewhere; not needed for Word
/// files, which stay far below 4 GB).
fn size32(v: u32) -> Option<usize> {
    (v != u32::MAX).then_some(v as usize)
}

/// The members listed in the central directory; None when the archive has no readable one.
pub fn central_directory(b: &[u8]) -> Option<Vec<Entry>> {
    // End of central directory: 22 bytes plus a comment of up to 64 KB, at the end.
    let from = b.len().saturating_sub(22 + 0xFFFF);
    let eocd = (from..=b.len().saturating_sub(22)).rev().find(|&i| b.get(i..i + 4) == Some(b"PK\x05\x06"))?;
    let count = u16_at(b, eocd + 10)? as usize;
    let mut at = u32_at(b, eocd + 16)? as usize;
    let mut out = Vec::with_capacity(count.min(4096));
    for _ in 0..count {
        if b.get(at..at + 4)? != b"PK\x01\x02" {
            return None;
        }
        let name_len = u16_at(b, at + 28)? as usize;
        let extra_len = u16_at(b, at + 30)? as usize;
        let comment_len = u16_at(b, at + 32)? as usize;
        let name = b.get(at + 46..at + 46 + name_len)?;
        out.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            flags: u16_at(b, at + 8)?,
            method: u16_at(b, at + 10)?,
            compressed: size32(u32_at(b, at + 20)?),
            size: size32(u32_at(b, at + 24)?),
            offset: u32_at(b, at + 42)? as usize,
        });
        at += 46 + name_len + extra_len + comment_len;
    }
    Some(out)
}

/// The members found by walking the local headers from the start: for an archive cut short
/// (an interrupted download), whose central directory at the end is lost.
pub fn local_headers(b: &[u8]) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut at = 0usize;
    while b.get(at..at + 4) == Some(b"PK\x03\x04") {
        let (Some(flags), Some(method), Some(comp), Some(size), Some(name_len), Some(extra_len)) = (
            u16_at(b, at + 6),
            u16_at(b, at + 8),
            u32_at(b, at + 18),
            u32_at(b, at + 22),
            u16_at(b, at + 26),
            u16_at(b, at + 28),
        ) else {
            break;
        };
        let Some(name) = b.get(at + 30..at + 30 + name_len as usize) else { break };
        // Bit 3: sizes follow the data, so where the next member starts is unknown.
        let streamed = flags & 8 != 0;
        let compressed = if streamed { None } else { size32(comp) };
        out.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            flags,
            method,
            compressed,
            size: if streamed { None } else { size32(size) },
            offset: at,
        });
        match compressed {
            Some(c) => at += 30 + name_len as usize + extra_len as usize + c,
            None => break,
        }
    }
    out
}

/// The member's bytes, at most `limit` of them.
pub fn read(b: &[u8], e: &Entry, limit: usize) -> Result<Vec<u8>, DocxProblem> {
    if e.flags & 1 != 0 || e.method == 99 {
        return Err(DocxProblem::Encrypted);
    }
    if e.size.is_some_and(|s| s > limit) {
        return Err(DocxProblem::TooLarge(limit >> 20));
    }
    let at = e.offset;
    if b.get(at..at + 4) != Some(b"PK\x03\x04") {
        return Err(DocxProblem::Damaged);
    }
    let name_len = u16_at(b, at + 26).ok_or(DocxProblem::Damaged)? as usize;
    let extra_len = u16_at(b, at + 28).ok_or(DocxProblem::Damaged)? as usize;
    let start = at + 30 + name_len + extra_len;
    let data = match e.compressed {
        Some(n) => b.get(start..start.saturating_add(n)),
        None => b.get(start..),
    }
    .ok_or(DocxProblem::Damaged)?;
    match e.method {
        0 if data.len() > limit => Err(DocxProblem::TooLarge(limit >> 20)),
        0 => Ok(data.to_vec()),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|err| match err.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => DocxProblem::TooLarge(limit >> 20),
            _ => DocxProblem::Damaged,
        }),
        m => Err(DocxProblem::Compression(m)),
    }
}
