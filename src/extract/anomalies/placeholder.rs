//! Template placeholders left in the text: x同志, XX市, ××, 某某, [单位名称], （此处…）, and a
//! website's name standing where a place name should be (我老秘网市).

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon;
use crate::report::{Anomaly, AnomalyKind, Span};
use crate::text::Doc;

/// The kinds of placeholders.txt's rows, as indices into [`WORDS`].
const SITE_WORD: usize = 0;
const PERSON: usize = 1;
const PLACE: usize = 2;

/// placeholders.txt's entries, a list per kind.
pub(crate) static WORDS: LazyLock<[Vec<&'static str>; 3]> =
    LazyLock::new(|| lexicon::file!("placeholders.txt").by_kind(["site", "person", "place"]));

/// The words of a kind as a regex alternation, longest first.
fn rule(kind: usize) -> String {
    let mut v = WORDS[kind].clone();
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// A website's name where a place name belongs: found by its end (网市, 文库县 …, rare in any
/// text), then read back to the 我/全/本/该 before it. Each rule below starts with its rare
/// literal too: a leading "not a letter" class or a common char would make the regex engine
/// walk every byte of a long text (no SIMD prefilter in wasm).
static SITE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!("(?:{})(?:省|市|州|县|区)", rule(SITE_WORD))).ok());

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
        'x' | 'X' | '×' | '＊' | '*' | '某' | 'Ｘ' | 'ｘ' | '○' | '□' | '_' | '＿' => MARK,
        '[' | '【' => BRACKET,
        '（' | '(' => NOTE,
        '网' | '库' | '文' | '秘' => SITE_END,
        _ => 0,
    }
}

/// How a rule's match must sit among the chars around it.
#[derive(Clone, Copy, PartialEq)]
enum Fence {
    /// Anywhere.
    Free,
    /// Not right after an ASCII letter or digit: x同志 is a placeholder, Fox同志 is not.
    NoAlnumBefore,
    /// A bare run of x/X standing for a word or a figure: not inside an ASCII word (XML, Fox),
    /// not before a letter or digit, and touching a Han char or a quote (迎接XX, “xx”, 贾x通报),
    /// or after a digit when it is a run of two or more (6xxxx, 20xx年).
    BareX,
    /// A lone * or × before a Han char (*特区): a separator or a product (3×4) is not.
    BeforeHan,
}

/// (regex, what the placeholder stands for, how it must sit, its class).
static RULES: LazyLock<Vec<(Regex, &'static str, Fence, u32)>> = LazyLock::new(|| {
    // Circles, boxes and underlines as well: ○○县, □□同志, ____同志 (a blank to fill).
    let mark = r"[xX×＊*]{1,3}|某某+|[Ｘｘ]{1,3}|[○□]{2,3}|[_＿]{2,8}";
    [
        (format!(r"(?:{mark})(?:{})", rule(PERSON)), "人名", Fence::NoAlnumBefore, MARK),
        // A single 某 before a title is an anonymised person (某市长); before a place word it is
        // ordinary language (某单位, 某地), and 某些 / 某种 are words.
        (format!(r"某(?:{})", rule(PERSON)), "人名", Fence::Free, MARK),
        (format!(r"(?:{mark})(?:{})", rule(PLACE)), "地名或单位名", Fence::NoAlnumBefore, MARK),
        (r"×{2,}|[＊*]{2,}|某某+|[○□]{2,}".to_string(), "名称", Fence::Free, MARK),
        // A blank line for a date or a figure: ____年__月__日, 共____件.
        (r"[_＿]{2,8}(?:年|月|日|件|个|人|名|次|起)".to_string(), "名称或数字", Fence::Free, MARK),
        (r"[xX]{1,6}".to_string(), "名称或数字", Fence::BareX, MARK),
        (r"[＊*×]".to_string(), "名称", Fence::BeforeHan, MARK),
        (r"[\[【][^\]】\n]{0,8}(?:名称|姓名|单位|地名|日期|时间|XX|xx)[^\]】\n]{0,8}[\]】]".to_string(), "待填写内容", Fence::Free, BRACKET),
        (r"（此处[^）\n]{0,40}）".to_string(), "编辑说明", Fence::Free, NOTE),
        // Brackets left empty for a figure: 全县共有（  ）个村.
        (r"[（(][ \u{3000}]{1,8}[）)]".to_string(), "待填写内容", Fence::Free, NOTE),
        // A template's blank named in brackets: 我叫（姓名）, 现任（单位名称）, 共（具体数字）件.
        // Only labels no running text puts alone in brackets (（部门） may be an alternative).
        (
            r"[（(](?:[^（）()\n]{0,6}(?:姓名|名称|人名)|具体(?:数字|数据|人数|金额|时间|日期|名称|单位|职务)|填写[^（）()\n]{0,10})[）)]".to_string(),
            "待填写内容",
            Fence::Free,
            NOTE,
        ),
        // An anti-copy site's substitution marker where a word was taken out: （单字替换）,
        // （五字名字和称呼替换）.
        (r"（[^）\n]{0,12}替换）".to_string(), "替换标记", Fence::Free, NOTE),
    ]
    .into_iter()
    .filter_map(|(re, what, fence, class)| Regex::new(&re).ok().map(|r| (r, what, fence, class)))
    .collect()
});

/// Words where a bare X is a letter, not a placeholder (X光机, X射线).
const X_WORDS: &[&str] = &["光", "线", "射线", "型", "轴", "染色体"];

/// Chars a placeholder's clause does not cross: its span is the phrase the placeholder sits in
/// (刚才，XX同志通报了…), which is what a reader needs to see what was left unfilled.
fn ends_clause(c: char) -> bool {
    crate::text::has_char("，。；！？：、\n", c)
}

/// Chars of the clause a placeholder span takes in on each side (a bounded look).
const CLAUSE_REACH: usize = 16;

/// The byte range of the clause around [ms, me): up to [`CLAUSE_REACH`] chars each way, not
/// crossing a clause end, trimmed of spaces.
fn clause(text: &str, ms: usize, me: usize) -> (usize, usize) {
    let mut s = ms;
    for c in text[..ms].chars().rev().take(CLAUSE_REACH) {
        if ends_clause(c) {
            break;
        }
        s -= c.len_utf8();
    }
    let mut e = me;
    for c in text[me..].chars().take(CLAUSE_REACH) {
        if ends_clause(c) {
            break;
        }
        e += c.len_utf8();
    }
    let inner = &text[s..e];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    ((s + lead).min(ms), (e - trail).max(me))
}

/// One placeholder found: its byte range, what it stands for, and its detail.
struct Found {
    range: (usize, usize),
    detail: String,
}

pub(super) fn find(doc: &Doc) -> Vec<Anomaly> {
    let text = doc.text.as_str();
    let mut found: Vec<Found> = Vec::new();
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
        for (ms, me) in matches(&lines, re, SITE_END, Fence::Free) {
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
            found.push(Found {
                range: (sb, me), detail: format!("网站名“{site}”出现在地名的位置（“{written}”）")
            });
        }
    }

    for (re, what, fence, bit) in RULES.iter() {
        for (ms, me) in matches(&lines, re, *bit, *fence) {
            let span = doc.span_of_bytes(ms, me);
            if !claim(span) {
                continue;
            }
            let written = &text[ms..me];
            let detail = match *what {
                "名称" | "名称或数字" => format!("模板占位符“{written}”：{what}未填写"),
                "待填写内容" => format!("模板占位符“{written}”：括号内的待填写内容"),
                "编辑说明" => format!("编辑说明“{written}”留在正文中"),
                "替换标记" => format!("替换标记“{written}”：原文的词被换掉了"),
                w => format!("模板占位符“{written}”：{w}未填写"),
            };
            found.push(Found { range: (ms, me), detail });
        }
    }

    // Each placeholder is reported with the clause it sits in; placeholders whose clauses touch
    // (**区、**街道、**社区) are one warning.
    found.sort_by_key(|f| f.range);
    let mut out: Vec<Anomaly> = Vec::new();
    // The distinct details of the last warning, and how many placeholders it holds: a run of
    // thousands (a template pasted many times) is one warning that names each kind once.
    let mut parts: Vec<String> = Vec::new();
    let mut count = 0;
    let mut last_end = None;
    for f in found {
        let (s, e) = clause(text, f.range.0, f.range.1);
        // Touching: the previous clause ends at this one's start, or one 、 lies between them.
        let joins = last_end.is_some_and(|le: usize| s <= le || text[le..s].chars().all(|c| c == '、' || c == ' '));
        match out.last_mut() {
            Some(prev) if joins => {
                prev.span = Span::new(prev.span.0, char_at(e).max(prev.span.1));
                count += 1;
                if parts.len() < MAX_PARTS && !parts.contains(&f.detail) {
                    parts.push(f.detail);
                }
            }
            _ => {
                finish(out.last_mut(), &parts, count);
                out.push(Anomaly {
                    kind: AnomalyKind::Placeholder,
                    span: doc.span_of_bytes(s, e),
                    detail: String::new(),
                });
                parts = vec![f.detail];
                count = 1;
            }
        }
        last_end = Some(last_end.map_or(e, |le: usize| le.max(e)));
    }
    finish(out.last_mut(), &parts, count);
    out
}

/// Distinct details kept in one merged warning.
const MAX_PARTS: usize = 5;

/// A merged warning's detail: its distinct details, and the count when it holds more.
fn finish(last: Option<&mut Anomaly>, parts: &[String], count: usize) {
    if let Some(a) = last {
        a.detail = parts.join("；");
        if count > parts.len() {
            a.detail.push_str(&format!("（共{count}处）"));
        }
    }
}

/// Matches of `re` in the lines (of [`super::super::pieces`]) whose class has `bit`, as byte
/// ranges of the whole text, that sit as `fence` asks. A match refused for what is right before
/// it is looked for again from its second char, as a leading "not a letter" class in the
/// pattern would: in *x同志 the placeholder is x同志.
fn matches(lines: &super::super::Pieces, re: &Regex, bit: u32, fence: Fence) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (off, line) in lines.with(bit) {
        let mut at = 0;
        while let Some(m) = re.find_at(line, at) {
            let before = line[..m.start()].chars().next_back();
            let after = line[m.end()..].chars().next();
            let refused_before = match fence {
                Fence::NoAlnumBefore => before.is_some_and(|c| c.is_ascii_alphanumeric()),
                Fence::BareX => before.is_some_and(|c| c.is_ascii_alphabetic()),
                _ => false,
            };
            if refused_before {
                at = m.start() + line[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            if fence_ok(fence, line, m.start(), m.end(), before, after) {
                out.push((off + m.start(), off + m.end()));
            }
            // An empty match would otherwise be found again at the same place.
            at = if m.end() > m.start() {
                m.end()
            } else {
                m.end() + line[m.end()..].chars().next().map_or(1, char::len_utf8)
            };
            if at > line.len() {
                break;
            }
        }
    }
    out
}

/// The checks of a [`Fence`] that look after the match (and, for a bare x, on both sides).
fn fence_ok(fence: Fence, line: &str, s: usize, e: usize, before: Option<char>, after: Option<char>) -> bool {
    let han = |c: Option<char>| c.is_some_and(crate::text::is_han);
    let quote = |c: Option<char>| c.is_some_and(|c| crate::text::has_char("“”‘’\"'《》", c));
    match fence {
        Fence::Free | Fence::NoAlnumBefore => true,
        Fence::BeforeHan => han(after) && !before.is_some_and(|c| c.is_ascii_digit()),
        Fence::BareX => {
            if after.is_some_and(|c| c.is_ascii_alphanumeric()) {
                return false;
            }
            if X_WORDS.iter().any(|w| line[e..].starts_with(w)) {
                return false;
            }
            // A term of a formula: “3+X”, “1+X+N”.
            let operator = |c: Option<char>| c.is_some_and(|c| crate::text::has_char("+＋-/", c));
            if operator(before) || operator(after) {
                return false;
            }
            // After a digit only a run is a placeholder (6xxxx, 20xx); 5x is a multiple.
            if before.is_some_and(|c| c.is_ascii_digit()) {
                return e - s >= 2;
            }
            // A letter of Latin text: "iPhone X", "X 射线".
            let spaced_before = before.is_some_and(char::is_whitespace)
                && line[..s].trim_end().chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric());
            if spaced_before {
                return false;
            }
            // A list of them (领导有：XX、XX、XX同志): a run of two or more next to 、.
            let listed = e - s >= 2 && (before == Some('、') || after == Some('、'));
            han(before) || han(after) || quote(before) || quote(after) || listed
        }
    }
}
