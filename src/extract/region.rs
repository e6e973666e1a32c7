//! The place the document is about (昆山, 金坛, 大理 …) and its level.

use super::Ctx;
use crate::report::{Document, Region};

pub fn extract(_ctx: &Ctx, _document: &Document) -> Option<Region> {
    None
}
