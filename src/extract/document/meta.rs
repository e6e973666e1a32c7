//! Metadata fields in the chrome lines: 发布时间, 来源, 作者, 浏览次数, and bylines (记者 X).

use std::sync::LazyLock;

use regex::Regex;

use super::chrome::Line;
use crate::extract::dates;

#[derive(Debug, Default)]
pub(super) struct Meta {
    pub published: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub views: Option<u64>,
}

static RE_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    // "发布于 2022-06-20" has no colon.
    Regex::new(r"(?:(?:发布时间|发布日期|发稿时间|更新时间|时间|日期)\s*：|发布于|发表于)\s*(.+)")
        .expect("published regex")
});

/// A field value runs to the next separator or the next key.
const VALUE: &str = r"([^\s，、）\]】|｜•·：]+)";

static RE_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:信息来源|文章来源|稿件来源|来源|稿源)\s*：\s*{VALUE}")).expect("source regex")
});

static RE_AUTHOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?:作者|撰稿|记者|通讯员)\s*：\s*{VALUE}")).expect("author regex"));

/// "本报记者 张三 通讯员 李四", "（记者 张三）": a byline without a colon. The name is 2–4 Han
/// chars ending at a space, a bracket, a comma or the next byline word.
static RE_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[\s（【\[讯）])(?:本报|本台|本网|融媒体)?(?:记者|通讯员)\s*({h}{{2,4}}?)(?:\s|[）】\]，、]|通讯员|记者|$)",
        h = dates::HAN
    ))
        .expect("byline regex")
});

static RE_VIEWS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:查阅次数|浏览次数|阅读次数|点击次数|访问次数|访问量|点击数|点击量|浏览量|阅读量|浏览数|阅读数|浏览|阅读|点击)\s*：?\s*([0-9０-９]{1,12})")
        .expect("views regex")
});

/// Keys that may be glued to the end of a value ("来源：政法委浏览次数：").
const KEYS: &[&str] = &[
    "浏览次数",
    "查阅次数",
    "阅读次数",
    "点击次数",
    "点击数",
    "浏览量",
    "阅读量",
    "发布时间",
    "发布日期",
    "作者",
    "编辑",
    "字号",
    "字体",
    "来源",
    "时间",
    "稿源",
    "访问量",
    "阅读数",
    "发布者",
];

fn clean_value(v: &str) -> Option<String> {
    let mut v = v;
    for k in KEYS {
        if let Some(i) = v.find(k) {
            v = &v[..i];
        }
    }
    let v = v.trim_matches(|c: char| c.is_whitespace() || crate::text::has_char("，。、：；", c));
    (!v.is_empty() && !v.starts_with(|c: char| c.is_ascii_digit())).then(|| v.to_string())
}

fn add_author(author: &mut Option<String>, name: String) {
    match author {
        Some(a) if a.split('、').any(|x| x == name) => {}
        Some(a) => {
            a.push('、');
            a.push_str(&name);
        }
        None => *author = Some(name),
    }
}

pub(super) fn read(lines: &[Line]) -> Meta {
    let mut m = Meta::default();
    let chrome: Vec<&Line> = lines.iter().filter(|l| l.is_chrome()).collect();
    let mut source_date: Option<String> = None;
    for l in &chrome {
        let t = l.text;
        if m.published.is_none() && super::chrome::RE_TIMESTAMP.is_match(t) {
            m.published = dates::parse(t).map(|d| d.iso());
        }
        if m.published.is_none() {
            let header = super::chrome::RE_ACCOUNT_HEADER.captures(t).and_then(|c| c.get(1));
            m.published = header.and_then(|d| dates::parse(d.as_str())).map(|d| d.iso());
        }
        if m.published.is_none() {
            if let Some(d) = RE_PUBLISHED.captures(t).and_then(|c| c.get(1)).and_then(|v| dates::parse(v.as_str())) {
                m.published = Some(d.iso());
            }
        }
        if let Some(c) = RE_SOURCE.captures(t) {
            if m.source.is_none() {
                m.source = c.get(1).and_then(|v| clean_value(v.as_str()));
            }
            // "（来源：第一昆山，2020年5月15日）": the source's own date.
            if source_date.is_none() {
                source_date =
                    dates::find_dates(t).iter().find(|d| !d.damaged && d.date.year.is_some()).map(|d| d.date.iso());
            }
        }
        for c in RE_AUTHOR.captures_iter(t) {
            if let Some(v) = c.get(1).and_then(|v| clean_value(v.as_str())) {
                add_author(&mut m.author, v);
            }
        }
        if m.views.is_none() {
            m.views = RE_VIEWS.captures(t).and_then(|c| c.get(1)).and_then(|v| v.as_str().parse().ok());
        }
        if l.markers.iter().any(|(c, _)| *c == "文末署名") {
            byline_signature(&mut m, t);
        }
    }
    // Bylines in the first lines of the body, or in brackets anywhere near the top.
    for l in lines.iter().filter(|l| !l.is_blank()).take(8) {
        let head: String = l.text.chars().take(60).collect();
        // Resume right after each name: the next byline word may be the previous terminator.
        let mut at = 0;
        while let Some(v) = RE_BYLINE.captures_at(&head, at).and_then(|c| c.get(1)) {
            add_author(&mut m.author, v.as_str().to_string());
            at = v.end();
        }
    }
    if m.published.is_none() {
        m.published = source_date;
    }
    m
}

/// "（解宣）" at the very end: a unit's abbreviation (…宣, …办, …委) is the source, a person's
/// name the author.
fn byline_signature(m: &mut Meta, t: &str) {
    let inner = t.trim_start_matches('（').trim_end_matches('）').trim();
    if inner.is_empty() || inner == "完" {
        return;
    }
    let unit = inner.ends_with(['宣', '办', '委', '局', '部', '网', '报', '台', '院', '处', '科', '室']);
    if unit {
        if m.source.is_none() {
            m.source = Some(inner.to_string());
        }
    } else if m.author.is_none() {
        m.author = Some(inner.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_without_a_colon() {
        let c = RE_PUBLISHED
            .captures("作者：某某 发布于 2022-06-20 10:11")
            .and_then(|c| c.get(1))
            .map(|v| v.as_str().to_string());
        assert_eq!(c.as_deref().and_then(dates::parse).map(|d| d.iso()).as_deref(), Some("2022-06-20"));
    }
}
