//! Warnings: template placeholders and off-topic passages (boilerplate comes from `document`).

use super::Ctx;
use crate::report::{Anomaly, Document, Region};

pub fn extract(_ctx: &Ctx, _document: &Document, _region: Option<&Region>) -> Vec<Anomaly> {
    Vec::new()
}
