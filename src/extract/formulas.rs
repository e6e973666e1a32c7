//! Numbered political formulas (四个意识, 两个维护, 六稳六保, “532” …).

use super::Ctx;
use crate::report::Formula;

pub fn extract(_ctx: &Ctx) -> Vec<Formula> {
    Vec::new()
}
