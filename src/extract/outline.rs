//! The speech's outline: the nested enumeration tree (一、/（一）/1./第一，/一是/一要/首先…).

use super::Ctx;
use crate::report::{OutlineNode, Person};

pub fn extract(_ctx: &Ctx, _people: &[Person]) -> Vec<OutlineNode> {
    Vec::new()
}
