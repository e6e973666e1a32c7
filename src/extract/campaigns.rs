//! Named campaigns (扫黑除恶专项斗争, “信访突出问题攻坚化解年”专项行动 …).

use super::Ctx;
use crate::report::Term;

pub fn extract(_ctx: &Ctx) -> Vec<Term> {
    Vec::new()
}
