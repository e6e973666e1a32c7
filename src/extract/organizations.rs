//! Institutions (市委政法委, 市公安局, 法院 …) with their mentions.

use super::Ctx;
use crate::report::{Organization, Person};

pub fn extract(_ctx: &Ctx, _people: &[Person]) -> Vec<Organization> {
    Vec::new()
}
