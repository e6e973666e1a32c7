//! Template placeholders left in the text: x同志, XX市, ××, 某某, [单位名称], （此处…）, and a
//! website's name standing where a place name should be (我老秘网市).

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon;
use crate::report::{Anomaly, AnomalyKind, Span};
use crate::text::Doc;

fn rule(name: &str) -> String {
    let mut v: Vec<&str> = lexicon::rows(include_str!("../../lexicon/placeholders.txt"))
        .filter(|r| r.first() == Some(&name))
        .filter_map(|r| r.get(1).copied())
        .collect();
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// A website's name where a place name belongs: found by its end (网市, 文库县 …, rare in any
/// text), then read back to the 我/全/本/该 before it. Each rule below starts with its rare
/// literal too: a leading "not a letter" class or a common char would make the regex engine
/// walk every byte of a long text (no SIMD prefilter in wasm).
static SITE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!("(?:{})(?:省|市|州|县|区)", rule("site"))).ok());

/// Chars of a site name before its ending (老秘 in 我老秘网市).
const SITE_STEM: std::ops::RangeInclusive<usize> = 1..=6;

/// Which rules a char may take part in: every match holds a char of its rule's class, and no
/// match crosses a line, so each rule reads only the lines with such a char ([`super::super::pieces`]).
const MARK: u32 = 1;
const BRACKET: u32 = 2;
const NOTE: u32 = 4;
const SITE_END: u32 = 8;

fn class(c: char) -> u32 {
    match c {
        'x' | 'X' | '×' | '＊' | '*' | '某' | 'Ｘ' | 'ｘ' => MARK,
        '[' | '【' => BRACKET,
        '（' => NOTE,
        '网' | '库' | '文' | '秘' => SITE_END,
        _ => 0,
    }
}

/// (regex, what the placeholder stands for, whether the match must not follow a letter or a
/// digit: x同志 is a placeholder, Fox同志 is not, its class).
static RULES: LazyLock<Vec<(Regex, &'static str, bool, u32)>> = LazyLock::new(|| {
    let mark = r"[xX×＊*]{1,3}|某某+|[Ｘｘ]{1,3}";
    [
        (format!(r"(?:{mark})(?:{})", rule("person")), "人名", true, MARK),
        (format!(r"(?:{mark})(?:{})", rule("place")), "地名或单位名", true, MARK),
        (r"×{2,}|＊{2,}|某某+".to_string(), "名称", false, MARK),
        (r"[\[【][^\]】\n]{0,8}(?:名称|姓名|单位|地名|日期|时间|XX|xx)[^\]】\n]{0,8}[\]】]".to_string(), "待填写内容", false, BRACKET),
        (r"（此处[^）\n]{0,40}）".to_string(), "编辑说明", false, NOTE),
    ]
    .into_iter()
    .filter_map(|(re, what, bounded, class)| Regex::new(&re).ok().map(|r| (r, what, bounded, class)))
    .collect()
});

pub(super) fn find(doc: &Doc) -> Vec<Anomaly> {
    let text = doc.text.as_str();
    let mut out: Vec<Anomaly> = Vec::new();
    let char_at = |b: usize| doc.char_at_byte(b);
    // Chars already inside a placeholder: a later, weaker rule must not report them again.
    // Made at the first placeholder (most texts have none).
    let mut taken: Vec<bool> = Vec::new();
    let mut claim = |span: Span| {
        taken.resize(doc.len(), false);
        let cells = taken.get_mut(span.0..span.1.min(doc.len())).unwrap_or_default();
        if cells.iter().any(|&t| t) {
            return false;
        }
        cells.iter_mut().for_each(|t| *t = true);
        true
    };

    let lines = super::super::pieces(text, |c| c == '\n', class);

    if let Some(re) = SITE.as_ref() {
        // Where the last site name ended: the next one's 我/全/本/该 comes after it.
        let mut floor = 0;
        for (ms, me) in matches(&lines, re, SITE_END, false) {
            // Walk back from the ending: the leftmost 我/全/本/该 with 1–6 Han chars after it.
            let q = char_at(ms);
            let mut b = ms;
            let mut stem_start = None;
            for n in 0..=*SITE_STEM.end() {
                let Some(c) = text[..b].chars().next_back() else { break };
                if b - c.len_utf8() < floor {
                    break;
                }
                b -= c.len_utf8();
                if SITE_STEM.contains(&n) && matches!(c, '我' | '全' | '本' | '该') {
                    stem_start = Some((q - n, b + c.len_utf8()));
                }
                if !crate::text::is_han(c) {
                    break;
                }
            }
            let Some((s, sb)) = stem_start else { continue };
            floor = me;
            let span = Span::new(s, char_at(me));
            if !claim(span) {
                continue;
            }
            let written = text.get(sb..me).unwrap_or("");
            let site = text.get(sb..me - text[..me].chars().next_back().map_or(0, char::len_utf8)).unwrap_or("");
            out.push(Anomaly {
                kind: AnomalyKind::Placeholder,
                span,
                detail: format!("网站名“{site}”出现在地名的位置（“{written}”）"),
            });
        }
    }

    for (re, what, bounded, bit) in RULES.iter() {
        for (ms, me) in matches(&lines, re, *bit, *bounded) {
            let span = doc.span_of_bytes(ms, me);
            if !claim(span) {
                continue;
            }
            let written = &text[ms..me];
            let detail = match *what {
                "名称" => format!("模板占位符“{written}”：名称未填写"),
                "待填写内容" => format!("模板占位符“{written}”：方括号内的待填写内容"),
                "编辑说明" => format!("编辑说明“{written}”留在正文中"),
                w => format!("模板占位符“{written}”：{w}未填写"),
            };
            out.push(Anomaly { kind: AnomalyKind::Placeholder, span, detail });
        }
    }
    out
}

/// Matches of `re` in the lines (of [`super::super::pieces`]) whose class has `bit`, as byte
/// ranges of the whole text. With `bounded`, a match right after an ASCII letter or digit
/// (Fox同志) is no placeholder, and the search goes on from its second char, as a leading "not a
/// letter" class in the pattern would: in *x同志 the placeholder is x同志.
fn matches(lines: &super::super::Pieces, re: &Regex, bit: u32, bounded: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (off, line) in lines.with(bit) {
        let mut at = 0;
        while let Some(m) = re.find_at(line, at) {
            let after_letter = line[..m.start()].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric());
            if bounded && after_letter {
                at = m.start() + line[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            out.push((off + m.start(), off + m.end()));
            // An empty match would otherwise be found again at the same place.
            at = if m.end() > m.start() { m.end() } else { m.end() + line[m.end()..].chars().next().map_or(1, char::len_utf8) };
            if at > line.len() {
                break;
            }
        }
    }
    out
}
