//! Document-level facts: kind (news / speech / other), title and subtitle, published date,
//! source, author, view count, and the website chrome (boilerplate) to keep out of everything else.
//!
//! Runs first, on the unmasked text; its boilerplate spans are then blanked out of `doc.text`.

use crate::report::{Anomaly, Document};
use crate::text::Doc;

/// What the document pass finds.
#[derive(Debug, Clone, Default)]
pub struct DocumentInfo {
    pub document: Document,
    /// One `boilerplate` anomaly per chrome line or block (its span is masked afterwards).
    pub boilerplate: Vec<Anomaly>,
}

pub fn extract(doc: &Doc) -> DocumentInfo {
    DocumentInfo {
        document: Document { chars: doc.len(), ..Document::default() },
        boilerplate: Vec::new(),
    }
}
