//! Time-bound goals and deadlines (到2021年底…, 2020年建机制, 年底前…).

use super::Ctx;
use crate::report::Target;

/// `year`: the document's reference year (from the meeting date), to resolve 今年/年底.
pub fn extract(_ctx: &Ctx, _year: Option<i32>) -> Vec<Target> {
    Vec::new()
}
