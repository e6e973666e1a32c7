//! Short quoted terms (“雪亮工程”, “枫桥经验”) with counts.

use super::Ctx;
use crate::report::Term;

pub fn extract(_ctx: &Ctx) -> Vec<Term> {
    Vec::new()
}
