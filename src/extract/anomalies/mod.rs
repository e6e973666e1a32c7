//! Warnings: template placeholders and off-topic passages (boilerplate comes from `document`).

mod off_topic;
mod placeholder;

// For the test that loads every lexicon file (`crate::extract::load_lexicons`).
#[cfg(test)]
pub(crate) use {off_topic::TOPICS, placeholder::WORDS};

use super::Ctx;
use crate::report::{Anomaly, Document, Region};

pub fn extract(ctx: &Ctx, _document: &Document, region: Option<&Region>) -> Vec<Anomaly> {
    let mut out = placeholder::find(ctx.doc);
    out.extend(off_topic::find(ctx, region));
    out.sort_by_key(|a| (a.span, a.kind));
    out
}

#[cfg(test)]
mod tests;
