//! Website chrome: header, metadata, widget and footer lines around the text, found by the
//! markers of `lexicon/boilerplate.txt`.

use std::sync::LazyLock;

use crate::lexicon;
use crate::report::{Anomaly, AnomalyKind, Span};
use crate::text::Doc;

struct Marker {
    text: &'static str,
    category: &'static str,
    /// A metadata key: counts only at the start of a field and before a colon.
    field: bool,
}

static MARKERS: LazyLock<Vec<Marker>> = LazyLock::new(|| {
    // Columns are separated by a tab or two spaces, so a marker may hold one space ("首页 >").
    lexicon::entries(include_str!("../../lexicon/boilerplate.txt"))
        .filter_map(|l| {
            let mut cols = l.split(['\t', '\u{3000}']).flat_map(|c| c.split("  ")).map(str::trim).filter(|c| !c.is_empty());
            let text = cols.next()?;
            let category = cols.next().unwrap_or("网站页面");
            Some(Marker { text, category, field: cols.next() == Some("field") })
        })
        .collect()
});

/// A line that is only a web timestamp: "2022-02-18 09:30:12", "2022/02/18", "2022年2月18日 09:30".
/// (A bare 2024年3月28日 without a time is a speech's date line, body text.)
pub(super) static RE_TIMESTAMP: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(?:[0-9０-９]{4}[-/.][0-9０-９]{1,2}[-/.][0-9０-９]{1,2}(?:\s+[0-9０-９]{1,2}：[0-9０-９]{2}(?:：[0-9０-９]{2})?)?|[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日\s*[0-9０-９]{1,2}：[0-9０-９]{2}(?:：[0-9０-９]{2})?)$")
        .expect("timestamp regex")
});

/// Lines longer than this, or with more than one full stop, are body text whatever they contain.
const MAX_CHROME_LINE: usize = 160;

/// One line of the unmasked text.
#[derive(Debug, Clone)]
pub(super) struct Line<'a> {
    /// Trimmed span (empty span at the line start for blank lines).
    pub span: Span,
    pub text: &'a str,
    /// (category, marker) for each chrome marker found; non-empty = chrome.
    pub markers: Vec<(&'static str, &'static str)>,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
    pub fn is_chrome(&self) -> bool {
        !self.markers.is_empty()
    }
}

fn field_start(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || crate::text::has_char("•·●▪◆■[【（〔|｜/]】）>", c),
    }
}

fn markers_in(t: &str) -> Vec<(&'static str, &'static str)> {
    let n = t.chars().count();
    if n == 0 {
        return Vec::new();
    }
    if n > MAX_CHROME_LINE || t.matches('。').count() > 1 {
        return Vec::new();
    }
    // A line of separators only ("|", "-----"), but not the dash line of a subtitle.
    if t.chars().all(|c| c.is_whitespace() || crate::text::has_char("|｜/·•-_=*>~", c)) {
        return vec![("页面工具", "分隔符")];
    }
    if RE_TIMESTAMP.is_match(t) {
        return vec![("元数据", "发布时间")];
    }
    let mut found: Vec<(&'static str, &'static str)> = Vec::new();
    let mut push = |cat: &'static str, m: &'static str| {
        if !found.iter().any(|(_, x)| *x == m) {
            found.push((cat, m));
        }
    };
    // Every marker in one pass over the line, then in the lexicon's order.
    static PHRASES: LazyLock<lexicon::Phrases> = LazyLock::new(|| lexicon::Phrases::new(MARKERS.iter().map(|m| m.text)));
    let mut hits = PHRASES.find_all(t);
    hits.sort_unstable_by_key(|&(k, b, _)| (k, b));
    for (k, b, _) in hits {
        let Some(mk) = MARKERS.get(k) else { continue };
        if !mk.field {
            push(mk.category, mk.text);
            continue;
        }
        let prev = t.get(..b).and_then(|s| s.chars().next_back());
        let after = t.get(b + mk.text.len()..).unwrap_or("").trim_start();
        if field_start(prev) && after.starts_with('：') {
            push(mk.category, mk.text);
        }
    }
    found
}

/// Split the unmasked text into lines and find the chrome markers of each.
pub(super) fn scan(doc: &Doc) -> Vec<Line<'_>> {
    let mut lines: Vec<Line> = doc
        .unmasked_lines()
        .into_iter()
        .map(|sp| {
            let raw = doc.unmasked_slice(sp);
            let lead = raw.chars().take_while(|c| c.is_whitespace()).count();
            let text = raw.trim();
            let span = Span::new(sp.0 + lead, sp.0 + lead + text.chars().count());
            Line { span, text, markers: markers_in(text) }
        })
        .collect();
    mark_byline(&mut lines);
    absorb_footer(&mut lines);
    lines
}

/// The last line "（解宣）" / "（完）": a writer's or unit's signature or an end mark.
fn mark_byline(lines: &mut [Line]) {
    let Some(last) = lines.iter_mut().rev().find(|l| !l.is_blank() && !l.is_chrome()) else { return };
    if let Some(inner) = last.text.strip_prefix('（').and_then(|s| s.strip_suffix('）')) {
        let n = inner.chars().count();
        if (1..=10).contains(&n) && inner.chars().all(|c| crate::text::is_han(c) || c == ' ' || c == '、') {
            last.markers.push(if inner == "完" { ("文末标记", "（完）") } else { ("文末署名", "署名") });
        }
    }
}

/// Once a footer starts, the short lines after it (addresses, phone numbers …) belong to it too.
fn absorb_footer(lines: &mut [Line]) {
    let Some(first) = lines.iter().position(|l| l.markers.iter().any(|(c, _)| *c == "网站页脚")) else { return };
    let rest = &lines[first..];
    let all_short = rest
        .iter()
        .all(|l| l.is_blank() || l.is_chrome() || (l.text.chars().count() <= 80 && !l.text.contains('。')));
    if all_short {
        for l in lines[first..].iter_mut().filter(|l| !l.is_blank() && !l.is_chrome()) {
            l.markers.push(("网站页脚", "页脚"));
        }
    }
}

/// One anomaly per run of chrome lines (blank lines between them do not break a run).
pub(super) fn anomalies(lines: &[Line]) -> Vec<Anomaly> {
    let mut out = Vec::new();
    let mut run: Vec<&Line> = Vec::new();
    let flush = |run: &mut Vec<&Line>, out: &mut Vec<Anomaly>| {
        if let (Some(f), Some(l)) = (run.first(), run.last()) {
            out.push(Anomaly { kind: AnomalyKind::Boilerplate, span: Span::new(f.span.0, l.span.1), detail: detail(run) });
        }
        run.clear();
    };
    for line in lines {
        if line.is_blank() {
            continue;
        }
        if line.is_chrome() {
            run.push(line);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn detail(run: &[&Line]) -> String {
    let mut cats: Vec<(&str, Vec<&str>)> = Vec::new();
    for (cat, m) in run.iter().flat_map(|l| l.markers.iter()) {
        let m = m.trim_end_matches('：');
        match cats.iter_mut().find(|(c, _)| c == cat) {
            Some((_, ms)) => {
                if !ms.contains(&m) {
                    ms.push(m)
                }
            }
            None => cats.push((cat, vec![m])),
        }
    }
    cats.iter().map(|(c, ms)| format!("{c}：{}", ms.join("、"))).collect::<Vec<_>>().join("；")
}
