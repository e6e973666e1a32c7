//! 会析 huixi — the analysis core.
//!
//! One entry point, [`analyze`], turns the text of a Chinese government work-meeting report or
//! speech into a structured [`Report`]. The core is plain Rust: no web types, no I/O. Files →
//! text is `huixi-input`; the CLI (`crates/cli`), the JS API (`crates/engine`), the Yew app
//! (`crates/ui`) and the page's file reader (`crates/reader`) are thin shells over the two.
//!
//! All spans are `[start, end)` offsets in chars (Unicode scalar values) of the input text.

mod dictionary;
pub mod export;
pub mod extract;
pub mod lexicon;
pub mod report;
pub mod segment;
pub mod text;

pub use report::*;
pub use segment::{add_words, warm_up, warm_up_step};

use extract::document::DocumentInfo;
use extract::Ctx;

/// Analyse one report or speech. Never panics; an empty or meaningless input gives an empty
/// Report.
pub fn analyze(input: &str) -> Report {
    analyze_staged(input, &mut |_| {})
}

/// [`analyze`], calling `done(stage)` as each stage ends ("document", "tag", … "anomalies"), so
/// a caller can time the stages with its own clock (examples/stages natively, the browser
/// benchmark in wasm) without a second copy of the pipeline.
pub fn analyze_staged(input: &str, done: &mut dyn FnMut(&'static str)) -> Report {
    // Website chrome first (read its metadata, then blank it out), the text tagged.
    extract::staged(input, done, extract_all)
}

/// The extractors after [`extract::staged`], in the order their data flow needs.
fn extract_all(ctx: &Ctx, info: DocumentInfo, done: extract::Done) -> Report {
    let document = info.document;
    let region = extract::region::extract(ctx, &document);
    done("region");
    let meeting = extract::meeting::extract(ctx, &document, region.as_ref());
    done("meeting");
    let people = extract::people::extract(ctx);
    done("people");
    let organizations = extract::organizations::extract(ctx, &people);
    done("organizations");
    let outline = extract::outline::extract(ctx, &people);
    done("outline");
    let formulas = extract::formulas::extract(ctx);
    done("formulas");
    let campaigns = extract::campaigns::extract(ctx);
    done("campaigns");
    let quoted = extract::quoted::extract(ctx);
    done("quoted");
    let year = meeting.date.as_deref().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok());
    let targets = extract::targets::extract(ctx, year);
    done("targets");
    let keywords = extract::keywords::extract_with(ctx, &people);
    done("keywords");

    let mut anomalies = info.boilerplate;
    anomalies.extend(extract::anomalies::extract(ctx, &document, region.as_ref()));
    anomalies.sort_by_key(|a| (a.span, a.kind));
    done("anomalies");

    Report {
        schema_version: SCHEMA_VERSION,
        document,
        meeting,
        region,
        people,
        organizations,
        outline,
        formulas,
        campaigns,
        quoted,
        targets,
        keywords,
        anomalies,
    }
}
