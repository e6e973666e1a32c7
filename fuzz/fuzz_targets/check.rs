//! Shared by both targets: the invariants every Report must satisfy for its input.

use huixi::{OutlineNode, Report, Span};

/// Panics (a libFuzzer crash) when a span of the Report is inverted or leaves the input, or when
/// the document length is not the input's char count. The web UI slices the input by these spans,
/// so a bad one is a crash or a wrong highlight there.
pub fn check_report(text: &str, r: &Report) {
    let n = text.chars().count();
    assert_eq!(r.document.chars, n, "document.chars");
    let check = |what: &str, sp: Span| {
        assert!(sp.0 <= sp.1 && sp.1 <= n, "{what} span {sp:?} outside 0..{n}");
    };
    if let Some(sp) = r.meeting.span {
        check("meeting", sp);
    }
    for p in &r.people {
        p.mentions.iter().for_each(|&m| check("person", m));
    }
    for o in &r.organizations {
        o.mentions.iter().for_each(|&m| check("organization", m));
    }
    for f in &r.formulas {
        f.mentions.iter().for_each(|&m| check("formula", m));
    }
    for t in r.campaigns.iter().chain(&r.quoted) {
        t.mentions.iter().for_each(|&m| check("term", m));
    }
    r.targets.iter().for_each(|t| check("target", t.span));
    r.anomalies.iter().for_each(|a| check("anomaly", a.span));
    fn outline(nodes: &[OutlineNode], check: &dyn Fn(&str, Span)) {
        for node in nodes {
            check("outline", node.span);
            outline(&node.children, check);
        }
    }
    outline(&r.outline, &check);
}
