//! Files people drop on the page or pass to the CLI: plain text in any of the encodings
//! [`crate::decode`] knows, web pages (`.html`/`.htm`: the article's text, not scripts, styles or
//! navigation) and Word documents (`.docx`: the paragraph text of `word/document.xml`).
//!
//! The name's extension chooses the reader, but the bytes have the last word: a .docx is a zip
//! whatever it is called, a saved page often has no extension (or `.shtml`, `.jsp`), and an old
//! Word file renamed to .docx must get the message for old Word files.

pub mod decode;
mod docx;
mod html;

use crate::decode::{DecodeError, Decoded, DocxProblem};

pub use docx::{MAX_PARTS as MAX_DOCX_PARTS, MAX_XML as MAX_DOCX_XML};
pub use html::MAX_ELEMENTS as MAX_HTML_ELEMENTS;

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Extensions of saved web pages (Chinese government sites serve `.shtml`, `.jhtml`, `.jsp` …).
const HTML_EXT: &[&str] = &["html", "htm", "shtml", "shtm", "xhtml", "xht", "jhtml", "jsp", "asp", "aspx", "php"];

/// The text of a file, chosen by its name's extension (and, for files without one, by its first
/// bytes).
pub fn text_from_file(bytes: &[u8], file_name: &str) -> Result<Decoded, DecodeError> {
    let ext = extension(file_name);
    let ext = ext.as_str();
    if bytes.starts_with(OLE) {
        // An encrypted .docx is an OLE container too, with an "EncryptedPackage" stream.
        if ext == "docx" && contains_utf16(bytes, "EncryptedPackage") {
            return Err(DecodeError::Docx(DocxProblem::Encrypted));
        }
        if matches!(ext, "doc" | "docx" | "wps" | "dot" | "") {
            return Err(DecodeError::OldWord);
        }
    }
    if bytes.starts_with(ZIP) {
        return match docx::text(bytes) {
            // Another kind of zip (a .xlsx, an archive) named as something else: say what it is.
            Err(DecodeError::Docx(DocxProblem::NoDocument)) if ext != "docx" => decode::decode(bytes),
            r => r,
        };
    }
    // Not OLE: a ".doc" offered for download is often a web page or text under that name.
    match ext {
        "docx" => Err(DecodeError::Docx(DocxProblem::Damaged)),
        e if HTML_EXT.contains(&e) => html::text(bytes),
        _ => {
            let d = decode::decode(bytes)?;
            // Strict (the text must start like a page), so it holds even for a .txt: a report
            // never starts with `<!DOCTYPE html>`, a page saved under the wrong name does.
            if html::looks_like_html(&d.text) {
                html::text(bytes)
            } else {
                Ok(d)
            }
        }
    }
}

/// Lower-case extension of a file name or path ("" for none).
fn extension(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 8 => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let n: Vec<u8> = needle.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    bytes.windows(n.len()).any(|w| w == n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_of_names_and_paths() {
        assert_eq!(extension("报告.DOCX"), "docx");
        assert_eq!(extension("C:\\下载\\page.SHTML"), "shtml");
        assert_eq!(extension("dir.v2/README"), "");
        assert_eq!(extension(".bashrc"), "");
        assert_eq!(extension("-"), "");
    }

    #[test]
    fn plain_text_stays_plain() {
        let text = "<p>这不是网页</p>，而是一份提到标签的报告。\n";
        assert_eq!(text_from_file(text.as_bytes(), "a.txt").unwrap().text, text);
        let page = "<!DOCTYPE html><html><body><p>市委政法工作会议召开。</p></body></html>";
        assert_eq!(text_from_file(page.as_bytes(), "a.txt").unwrap().text, "市委政法工作会议召开。");
        assert_eq!(text_from_file(page.as_bytes(), "saved").unwrap().text, "市委政法工作会议召开。");
    }

    #[test]
    fn old_word_and_fake_docx() {
        let mut ole = OLE.to_vec();
        ole.extend_from_slice(&[0; 512]);
        assert_eq!(text_from_file(&ole, "讲话.doc"), Err(DecodeError::OldWord));
        assert_eq!(text_from_file(&ole, "讲话.docx"), Err(DecodeError::OldWord));
        let mut enc = ole.clone();
        enc.extend("EncryptedPackage".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(text_from_file(&enc, "讲话.docx"), Err(DecodeError::Docx(DocxProblem::Encrypted)));
        assert_eq!(text_from_file("纯文本".as_bytes(), "讲话.docx"), Err(DecodeError::Docx(DocxProblem::Damaged)));
        assert_eq!(text_from_file(&ole, "a.pdf"), Err(DecodeError::Document("Word/WPS (.doc/.wps) or other OLE")));
    }
}
