//! Template placeholders left in the text: x同志, XX市, ××, 某某, [单位名称], （此处…）, and a
//! website's name standing where a place name should be (我老秘网市).

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::dates::HAN;
use crate::lexicon;
use crate::report::{Anomaly, AnomalyKind, Span};

fn rule(name: &str) -> String {
    let mut v: Vec<&str> = lexicon::rows(include_str!("../../lexicon/placeholders.txt"))
        .filter(|r| r.first() == Some(&name))
        .filter_map(|r| r.get(1).copied())
        .collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// (regex, what the placeholder stands for). The `p` group is the placeholder itself; the
/// whole match (minus a boundary char in `b`) is the span.
static RULES: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    let mark = r"[xX×＊*]{1,3}|某某+|[Ｘｘ]{1,3}";
    let site = format!(r"(?P<b>[我全本该])(?P<site>{HAN}{{1,6}}?(?:{}))(?:{})", rule("site"), "省|市|州|县|区");
    [
        (site, "site"),
        (format!(r"(?P<b>^|[^A-Za-z0-9])(?P<p>{mark})(?:{})", rule("person")), "人名"),
        (format!(r"(?P<b>^|[^A-Za-z0-9])(?P<p>{mark})(?:{})", rule("place")), "地名或单位名"),
        (r"(?P<p>×{2,}|＊{2,}|某某+)".to_string(), "名称"),
        (r"(?P<p>[\[【][^\]】\n]{0,8}(?:名称|姓名|单位|地名|日期|时间|XX|xx)[^\]】\n]{0,8}[\]】])".to_string(), "待填写内容"),
        (r"(?P<p>（此处[^）\n]{0,40}）)".to_string(), "编辑说明"),
    ]
    .into_iter()
    .filter_map(|(re, what)| Regex::new(&re).ok().map(|r| (r, what)))
    .collect()
});

pub(super) fn find(text: &str) -> Vec<Anomaly> {
    let mut out: Vec<Anomaly> = Vec::new();
    // Byte → char offsets by binary search: many matches in a long text stay cheap.
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let char_at = |b: usize| starts.partition_point(|&x| x < b);
    // Chars already inside a placeholder: a later, weaker rule must not report them again.
    let mut taken = vec![false; starts.len()];
    for (re, what) in RULES.iter() {
        for c in re.captures_iter(text) {
            let Some(m) = c.get(0) else { continue };
            let start = c.name("b").map_or(m.start(), |b| b.end());
            let s = char_at(start);
            let span = Span::new(s, s + text.get(start..m.end()).map_or(0, |t| t.chars().count()));
            let cells = taken.get_mut(span.0..span.1.min(starts.len())).unwrap_or_default();
            if cells.iter().any(|&t| t) {
                continue;
            }
            cells.iter_mut().for_each(|t| *t = true);
            let written = text.get(start..m.end()).unwrap_or("");
            let detail = match (*what, c.name("site")) {
                ("site", Some(site)) => format!("网站名“{}”出现在地名的位置（“{written}”）", site.as_str()),
                ("名称", _) => format!("模板占位符“{written}”：名称未填写"),
                ("待填写内容", _) => format!("模板占位符“{written}”：方括号内的待填写内容"),
                ("编辑说明", _) => format!("编辑说明“{written}”留在正文中"),
                (w, _) => format!("模板占位符“{written}”：{w}未填写"),
            };
            out.push(Anomaly { kind: AnomalyKind::Placeholder, span, detail });
        }
    }
    out
}
