//! Files people drop on the page or pass to the CLI: plain text in any of the encodings
//! [`crate::decode`] knows, web pages (`.html`/`.htm`: the article's text, not scripts, styles or
//! navigation) and Word documents (`.docx`: the paragraph text of `word/document.xml`).
//!
//! STUB: every file is decoded as plain text.

use crate::decode::{self, DecodeError, Decoded};

/// The text of a file, chosen by its name's extension (and, for files without one, by its first
/// bytes).
pub fn text_from_file(bytes: &[u8], _file_name: &str) -> Result<Decoded, DecodeError> {
    decode::decode(bytes)
}
