//! Participants: names with stacked official titles and their roles at the meeting.

use super::Ctx;
use crate::report::Person;

pub fn extract(_ctx: &Ctx) -> Vec<Person> {
    Vec::new()
}
