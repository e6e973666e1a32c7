//! The meeting: name, date, time of day, venue, format, organisers.

use super::Ctx;
use crate::report::{Document, Meeting, Region};

pub fn extract(_ctx: &Ctx, _document: &Document, _region: Option<&Region>) -> Meeting {
    Meeting::default()
}
