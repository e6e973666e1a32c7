//! What the three wasm modules share (`crates/engine`, `crates/ui`, `crates/reader`): what crosses
//! from the analysis worker to the page, sized so the page never freezes on it, and the panic
//! hook. The view and the exports are plain Rust, tested natively; the JS conversions are
//! wasm32 only.
//!
//! The Report of a text of megabytes holds millions of mentions; handing it to the main thread
//! as a JS object, deserialising it there and rendering it took seconds. So the worker sends:
//!  - a *view*: the Report with every list capped ([`view`]), plus the true counts, as JSON bytes
//!    (a transferred buffer; parsed in wasm in milliseconds). For a text of normal length
//!    nothing is capped and the view is the whole Report;
//!  - the *exports* (JSON, CSVs, Markdown) made from the whole Report, as bytes the page only
//!    wraps in a Blob when the user saves them: exports stay complete whatever the page shows.

use serde::{Deserialize, Serialize};

use huixi::export::{markdown, outline_csv, people_csv, terms_csv, with_bom};
use huixi::report::{OutlineNode, Report};

/// Mentions kept per person, organisation, formula or term: far more than the marked part of
/// the text (its first 200,000 chars) can show.
pub const MENTIONS_CAP: usize = 2_000;
/// Entries kept per list (people, outline points, targets, warnings …): a list this long is
/// already more than anyone reads on a page, and rendering 1,000 outline points took 0.1 s.
pub const LIST_CAP: usize = 200;

/// The Report the page renders and what was cut from it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct PageView {
    pub report: Report,
    pub totals: Totals,
}

/// True sizes of the lists capped in [`PageView::report`]; empty vectors when nothing was cut
/// (then every list is whole).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Totals {
    pub capped: bool,
    /// Mentions per entry, in the order of the (capped) lists.
    pub people: Vec<usize>,
    pub organizations: Vec<usize>,
    pub formulas: Vec<usize>,
    pub campaigns: Vec<usize>,
    pub quoted: Vec<usize>,
    /// Entries in the whole lists.
    pub people_len: usize,
    pub outline_len: usize,
    pub formulas_len: usize,
    pub campaigns_len: usize,
    pub quoted_len: usize,
    pub targets_len: usize,
    pub anomalies_len: usize,
}

fn count_nodes(nodes: &[OutlineNode]) -> usize {
    nodes.iter().map(|n| 1 + count_nodes(&n.children)).sum()
}

/// Keeps the first `budget` nodes in document order (depth first).
fn cap_outline(nodes: &mut Vec<OutlineNode>, budget: &mut usize) {
    let mut keep = 0;
    for n in nodes.iter_mut() {
        if *budget == 0 {
            break;
        }
        *budget -= 1;
        keep += 1;
        cap_outline(&mut n.children, budget);
    }
    nodes.truncate(keep);
}

/// Clones of the first `LIST_CAP` entries, each with its first `MENTIONS_CAP` mentions, without
/// cloning the mentions that are cut (millions, for a text of megabytes).
fn capped<T: Clone>(list: &mut [T], mentions: impl Fn(&mut T) -> &mut Vec<huixi::report::Span>) -> Vec<T> {
    list.iter_mut()
        .take(LIST_CAP)
        .map(|item| {
            let all = std::mem::take(mentions(item));
            let mut copy = item.clone();
            *mentions(&mut copy) = all[..all.len().min(MENTIONS_CAP)].to_vec();
            *mentions(item) = all;
            copy
        })
        .collect()
}

/// The page's view of a Report: lists capped at [`LIST_CAP`], mentions at [`MENTIONS_CAP`]. The
/// Report is only borrowed mutably to move mentions aside while copying; it is left as it was.
pub fn view(r: &mut Report) -> PageView {
    let big = |mentions: usize, len: usize| mentions > MENTIONS_CAP || len > LIST_CAP;
    let capped_any = big(r.people.iter().map(|p| p.mentions.len()).max().unwrap_or(0), r.people.len())
        || big(r.organizations.iter().map(|p| p.mentions.len()).max().unwrap_or(0), r.organizations.len())
        || big(r.formulas.iter().map(|p| p.mentions.len()).max().unwrap_or(0), r.formulas.len())
        || big(r.campaigns.iter().map(|p| p.mentions.len()).max().unwrap_or(0), r.campaigns.len())
        || big(r.quoted.iter().map(|p| p.mentions.len()).max().unwrap_or(0), r.quoted.len())
        || count_nodes(&r.outline) > LIST_CAP
        || r.targets.len() > LIST_CAP
        || r.anomalies.len() > LIST_CAP
        || r.keywords.len() > LIST_CAP;
    if !capped_any {
        return PageView { report: r.clone(), totals: Totals::default() };
    }
    let totals = Totals {
        capped: true,
        people: r.people.iter().take(LIST_CAP).map(|p| p.mentions.len()).collect(),
        organizations: r.organizations.iter().take(LIST_CAP).map(|p| p.mentions.len()).collect(),
        formulas: r.formulas.iter().take(LIST_CAP).map(|p| p.mentions.len()).collect(),
        campaigns: r.campaigns.iter().take(LIST_CAP).map(|p| p.mentions.len()).collect(),
        quoted: r.quoted.iter().take(LIST_CAP).map(|p| p.mentions.len()).collect(),
        people_len: r.people.len(),
        outline_len: count_nodes(&r.outline),
        formulas_len: r.formulas.len(),
        campaigns_len: r.campaigns.len(),
        quoted_len: r.quoted.len(),
        targets_len: r.targets.len(),
        anomalies_len: r.anomalies.len(),
    };
    let people = capped(&mut r.people, |p| &mut p.mentions);
    let organizations = capped(&mut r.organizations, |p| &mut p.mentions);
    let formulas = capped(&mut r.formulas, |p| &mut p.mentions);
    let campaigns = capped(&mut r.campaigns, |p| &mut p.mentions);
    let quoted = capped(&mut r.quoted, |p| &mut p.mentions);
    let outline = std::mem::take(&mut r.outline);
    let targets = std::mem::take(&mut r.targets);
    let anomalies = std::mem::take(&mut r.anomalies);
    let keywords = std::mem::take(&mut r.keywords);
    let all_people = std::mem::replace(&mut r.people, people);
    let all_organizations = std::mem::replace(&mut r.organizations, organizations);
    let all_formulas = std::mem::replace(&mut r.formulas, formulas);
    let all_campaigns = std::mem::replace(&mut r.campaigns, campaigns);
    let all_quoted = std::mem::replace(&mut r.quoted, quoted);
    // Now `r` holds only the capped lists (and no outline …): a cheap clone.
    let mut report = r.clone();
    let mut short = outline.clone();
    cap_outline(&mut short, &mut LIST_CAP.clone());
    report.outline = short;
    report.targets = targets[..targets.len().min(LIST_CAP)].to_vec();
    report.anomalies = anomalies[..anomalies.len().min(LIST_CAP)].to_vec();
    report.keywords = keywords[..keywords.len().min(LIST_CAP)].to_vec();
    r.people = all_people;
    r.organizations = all_organizations;
    r.formulas = all_formulas;
    r.campaigns = all_campaigns;
    r.quoted = all_quoted;
    r.outline = outline;
    r.targets = targets;
    r.anomalies = anomalies;
    r.keywords = keywords;
    PageView { report, totals }
}

/// The files the export buttons save, made from the whole Report.
pub struct Exports {
    pub json: String,
    pub people_csv: String,
    pub terms_csv: String,
    pub outline_csv: String,
    pub markdown: String,
}

pub fn exports(report: &Report) -> Exports {
    Exports {
        json: serde_json::to_string_pretty(report).unwrap_or_default(),
        people_csv: with_bom(&people_csv(report)),
        terms_csv: with_bom(&terms_csv(report)),
        outline_csv: with_bom(&outline_csv(report)),
        markdown: markdown(report),
    }
}

/// Names of the export files in the JS object the worker posts (each a `Uint8Array`, UTF-8).
pub const EXPORT_KEYS: [&str; 5] = ["json", "people_csv", "terms_csv", "outline_csv", "markdown"];

#[cfg(target_arch = "wasm32")]
impl Exports {
    /// `{ json, people_csv, … }` of `Uint8Array`s, whose buffers can be transferred.
    pub fn to_js(&self) -> js_sys::Object {
        let obj = js_sys::Object::new();
        for (key, s) in
            EXPORT_KEYS.iter().zip([&self.json, &self.people_csv, &self.terms_csv, &self.outline_csv, &self.markdown])
        {
            let _ = js_sys::Reflect::set(
                &obj,
                &wasm_bindgen::JsValue::from_str(key),
                &js_sys::Uint8Array::from(s.as_bytes()),
            );
        }
        obj
    }
}

/// Report panics on the console instead of failing silently (wasm32 aborts on panic, and the
/// default hook's message goes nowhere visible). Every entry point calls this; only the first
/// call installs the hook.
#[cfg(target_arch = "wasm32")]
pub fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("huixi panicked: {info}").into());
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_view_caps_lists_and_keeps_true_counts() {
        // A speech whose sentences repeat: one person mentioned far more often than the cap.
        let text = "县委书记张三出席会议并讲话。张三强调，要深化平安建设。\n".repeat(MENTIONS_CAP + 500);
        let mut report = huixi::analyze(&text);
        let whole = report.clone();
        let v = view(&mut report);
        assert_eq!(report, whole, "view() must leave the Report as it was");
        let i = whole.people.iter().position(|p| p.name == "张三").expect("张三 found");
        assert!(whole.people[i].mentions.len() > MENTIONS_CAP);
        assert!(v.totals.capped);
        assert_eq!(v.report.people[i].mentions.len(), MENTIONS_CAP);
        assert_eq!(v.totals.people[i], whole.people[i].mentions.len());
        assert!(v.report.outline.len() <= LIST_CAP && v.report.targets.len() <= LIST_CAP);
        assert_eq!(v.report.document, whole.document);
    }

    #[test]
    fn a_short_report_is_whole_and_its_exports_are_complete() {
        let mut report = huixi::analyze("县委书记张三出席会议并讲话。");
        let whole = report.clone();
        let v = view(&mut report);
        assert!(!v.totals.capped);
        assert_eq!(v.report, whole);
        let files = exports(&whole);
        assert!(files.people_csv.starts_with('\u{FEFF}') && files.people_csv.contains("张三"));
        let json: Report = serde_json::from_str(&files.json).expect("the JSON export is a Report");
        assert_eq!(json, whole);
    }
}
