//! Word documents (.docx): the paragraphs of `word/document.xml`, one a line. Tabs and line
//! breaks inside a paragraph are kept; deleted text (tracked changes), field codes and the
//! duplicate fallback copy of text boxes are not.

use super::entities;
use super::html::tokenize::{Token, Tokenizer};
use super::zip;
use crate::decode::{self, DecodeError, Decoded, DocxProblem};

/// Most bytes `word/document.xml` may inflate to. A long report is a few MB of XML; more is a
/// damaged file or a zip bomb.
pub const MAX_XML: usize = 50 << 20;

const MAIN_PART: &str = "word/document.xml";

fn problem(p: DocxProblem) -> DecodeError {
    DecodeError::Docx(p)
}

fn part_name(name: &str) -> String {
    name.trim_start_matches('/').replace('\\', "/").to_ascii_lowercase()
}

/// The text of a .docx file.
pub fn text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let (entries, complete) = match zip::central_directory(bytes) {
        Some(e) => (e, true),
        None => (zip::local_headers(bytes), false),
    };
    if entries.is_empty() {
        return Err(problem(DocxProblem::Damaged));
    }
    let main = main_part(bytes, &entries);
    let Some(entry) = entries.iter().find(|e| part_name(&e.name) == main) else {
        // In a cut-off archive the text part may just be in the part that is missing.
        return Err(problem(if complete { DocxProblem::NoDocument } else { DocxProblem::Damaged }));
    };
    let xml = zip::read(bytes, entry, MAX_XML).map_err(problem)?;
    let d = decode::decode(&xml).map_err(|_| problem(DocxProblem::Damaged))?;
    Ok(Decoded { text: paragraphs(&d.text), encoding: d.encoding, warnings: d.warnings })
}

/// The main document part: `word/document.xml`, or where `_rels/.rels` points (a few tools
/// name it otherwise).
fn main_part(bytes: &[u8], entries: &[zip::Entry]) -> String {
    if entries.iter().any(|e| part_name(&e.name) == MAIN_PART) {
        return MAIN_PART.into();
    }
    let rels = entries
        .iter()
        .find(|e| part_name(&e.name) == "_rels/.rels")
        .and_then(|e| zip::read(bytes, e, 1 << 20).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    for tok in Tokenizer::new(&rels) {
        if let Token::Start { name, attrs, .. } = tok {
            if name != "relationship" {
                continue;
            }
            let a = super::html::tokenize::attributes(attrs);
            let get = |k: &str| a.iter().find(|(n, _)| n == k).map(|(_, v)| *v).unwrap_or("");
            if get("type").ends_with("/officeDocument") {
                return part_name(get("target"));
            }
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
    for tok in Tokenizer::new(xml) {
        match tok {
            Token::Start { name, self_closing, .. } => match name.as_str() {
                "w:t" => in_text = !self_closing,
                // A tab stop definition in paragraph properties, not a tab.
                "w:tabs" if !self_closing => tab_stops += 1,
                "w:tab" if tab_stops == 0 && fallback == 0 => line.push('\t'),
                "w:br" | "w:cr" if fallback == 0 => line.push('\n'),
                "w:nobreakhyphen" if fallback == 0 => line.push('-'),
                "mc:fallback" if !self_closing => fallback += 1,
                "w:p" if self_closing && fallback == 0 => end_paragraph(&mut out, &mut line),
                _ => {}
            },
            Token::End { name } => match name.as_str() {
                "w:t" => in_text = false,
                "w:tabs" => tab_stops = tab_stops.saturating_sub(1),
                "mc:fallback" => fallback = fallback.saturating_sub(1),
                "w:p" if fallback == 0 => end_paragraph(&mut out, &mut line),
                _ => {}
            },
            Token::Text(s) if in_text && fallback == 0 => line.push_str(&entities::decode(s)),
            Token::Text(_) => {}
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
    use super::paragraphs;

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
}
