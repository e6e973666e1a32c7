//! Website chrome: header, metadata, widget and footer lines around the text, found by the
//! markers of `lexicon/boilerplate.txt`.

use std::sync::LazyLock;

use crate::lexicon;
use crate::report::{Anomaly, AnomalyKind, Span};
use crate::text::Doc;

/// Where a marker counts (the flags of `lexicon/boilerplate.txt`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Flag {
    Any,
    Field,
    Bare,
    Short,
    Strong,
    Line,
    Head,
    Tool,
}

pub(crate) struct Marker {
    /// The marker as written ("关注…微信" for a two-part marker).
    pub text: &'static str,
    /// What the automaton looks for: the marker, or its first part.
    first: &'static str,
    /// The part that must follow on the same line, for "A…B".
    then: Option<&'static str>,
    pub category: &'static str,
    flag: Flag,
}

/// One row of `boilerplate.txt`.
fn marker(file: lexicon::File, l: &'static str) -> Marker {
    // Columns are separated by a tab or two spaces, so a marker may hold one space ("首页 >").
    let mut cols = l.split(['\t', '\u{3000}']).flat_map(|c| c.split("  ")).map(str::trim).filter(|c| !c.is_empty());
    // An entry is never blank: `entries` trims it and drops empty ones.
    let text = cols.next().unwrap_or(l);
    let category = cols.next().unwrap_or("网站页面");
    const FLAGS: [(&str, Flag); 7] = [
        ("field", Flag::Field),
        ("bare", Flag::Bare),
        ("short", Flag::Short),
        ("strong", Flag::Strong),
        ("line", Flag::Line),
        ("head", Flag::Head),
        ("tool", Flag::Tool),
    ];
    let flag = cols.next().map_or(Flag::Any, |f| file.lookup(f, &FLAGS));
    let (first, then) = match text.split_once('…') {
        Some((a, b)) if !a.is_empty() && !b.is_empty() => (a, Some(b)),
        _ => (text, None),
    };
    Marker { text, first, then, category, flag }
}

pub(crate) static MARKERS: LazyLock<Vec<Marker>> = LazyLock::new(|| {
    let file = lexicon::file!("boilerplate.txt");
    file.entries().map(|l| marker(file, l)).collect()
});

/// A line that is only a web timestamp: "2022-02-18 09:30:12", "2022/02/18", "2022年2月18日 09:30".
/// (A bare 2024年3月28日 without a time is a speech's date line, body text.)
pub(super) static RE_TIMESTAMP: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(?:[0-9０-９]{4}[-/.][0-9０-９]{1,2}[-/.][0-9０-９]{1,2}(?:\s+[0-9０-９]{1,2}：[0-9０-９]{2}(?:：[0-9０-９]{2})?)?|[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日\s*[0-9０-９]{1,2}：[0-9０-９]{2}(?:：[0-9０-９]{2})?)$")
        .expect("timestamp regex")
});

/// A WeChat article's header: the account's name and author (two or three words; one word and a
/// date may be a headline with its date), the date and time, and
/// the place it posted from ("某某发布 某某市融媒体中心 2024-07-22 18：05 某省"). Group 1 is the date.
pub(super) static RE_ACCOUNT_HEADER: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(?:[\x{4E00}-\x{9FFF}A-Za-z0-9]{2,16}[ \t\x{3000}]+){2,3}([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})[ \t\x{3000}]+[0-9]{1,2}：[0-9]{2}(?:[ \t\x{3000}]+[\x{4E00}-\x{9FFF}]{2,4})?$")
        .expect("account header regex")
});

/// Lines longer than this, or with more than one full stop, are body text whatever they contain.
const MAX_CHROME_LINE: usize = 160;
/// The longest line a `strong` marker makes chrome (a document-sharing site's notice).
const MAX_STRONG_LINE: usize = 600;
/// The longest line of a `short` marker, and of a `head` marker.
const MAX_SHORT_LINE: usize = 30;
const MAX_HEAD_LINE: usize = 16;

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

/// A line with no sentence punctuation: a menu, a label or a heading.
fn is_bare(t: &str) -> bool {
    !t.chars().any(|c| crate::text::has_char("，。；！？", c))
}

/// A page marker left by a PDF or Word conversion ("—PAGE3—", "- 2 -", "— 12 —", "第3页"; a
/// document site's counter may share its line with the toolbar: "第1页 共3页  收藏  举报"), or
/// a media player's clock ("00:00 / 03:21").
static RE_PAGE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(?:[—\-－–]+\s*(?:PAGE\s*)?[0-9]{1,4}\s*[—\-－–]+|PAGE\s*[0-9]{1,4}|(?:第\s*[0-9]{1,4}\s*页(?:\s*[/，,]?\s*共\s*[0-9]{1,4}\s*页)?|共\s*[0-9]{1,4}\s*页\s*[/，,]?\s*第\s*[0-9]{1,4}\s*页)(?:\s+(?:收藏|举报|分享|打印|下载|评论|纠错|点赞|上一页|下一页|首页|尾页|全文阅读)){0,8}|[0-9]{1,2}：[0-9]{2}\s*/\s*[0-9]{1,2}：[0-9]{2})$")
        .expect("page marker regex")
});

/// A photo's credit standing alone: "（记者 王小明 摄）", "本报记者 李四 张三 摄", "王五/摄"
/// (摄 set apart: "组织拍摄" is a heading).
static RE_PHOTO_CREDIT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^[（(【\[]?\s*(?:(?:本报|本台|本网)?(?:记者|通讯员|摄影)\s*[：:]?\s*)?[\x{4E00}-\x{9FFF}]{2,4}(?:[\s、]+(?:(?:记者|通讯员)\s*)?[\x{4E00}-\x{9FFF}]{2,4}){0,3}(?:\s+|\s*[/／]\s*)(?:摄|摄影)\s*[）)】\]]?$")
        .expect("photo credit regex")
});

/// The longest caption marked by a leading ▲ ("▲县委书记张三讲话"); the mark opens captions
/// under photos, not body paragraphs.
const MAX_TRIANGLE_CAPTION: usize = 40;

/// The longest breadcrumb or menu line.
const MAX_NAV_LINE: usize = 80;

/// "范文大全 > 讲话稿 > 政法讲话": two or more ">" between short parts.
fn is_breadcrumb(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['>', '＞', '»', '›']).map(str::trim).filter(|p| !p.is_empty()).collect();
    parts.len() >= 3 && parts.iter().all(|p| p.chars().count() <= 30)
}

/// "新闻 | 政务 | 服务 | 互动": three or more short items between bars.
fn is_menu(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['|', '｜']).map(str::trim).collect();
    parts.len() >= 3 && parts.iter().all(|p| !p.is_empty() && p.chars().count() <= 8)
}

fn markers_in(t: &str) -> Vec<(&'static str, &'static str)> {
    let n = t.chars().count();
    if n == 0 || n > MAX_STRONG_LINE {
        return Vec::new();
    }
    // Sentence-like lines hold only strong markers.
    let prose = n > MAX_CHROME_LINE || t.matches('。').count() > 1;
    // A line of separators only ("|", "-----"), but not the dash line of a subtitle.
    if t.chars().all(|c| c.is_whitespace() || crate::text::has_char("|｜/·•-_=*>~", c)) {
        return vec![("页面工具", "分隔符")];
    }
    if RE_TIMESTAMP.is_match(t) || RE_ACCOUNT_HEADER.is_match(t) {
        return vec![("元数据", "发布时间")];
    }
    if RE_PAGE.is_match(t) {
        return vec![("页面工具", "页码")];
    }
    if n <= MAX_SHORT_LINE && RE_PHOTO_CREDIT.is_match(t) {
        return vec![("图片说明", "摄")];
    }
    if n <= MAX_TRIANGLE_CAPTION && t.starts_with(['▲', '△']) && !t.trim_end_matches('。').contains('。') {
        return vec![("图片说明", "▲")];
    }
    let mut found: Vec<(&'static str, &'static str)> = Vec::new();
    // A marker inside one already found ("首页" in "首页 >") adds nothing to the detail.
    let mut push = |cat: &'static str, m: &'static str| {
        if !found.iter().any(|(_, x)| x.contains(m)) {
            found.push((cat, m));
        }
    };
    // Every marker in one pass over the line, then in the lexicon's order.
    static PHRASES: LazyLock<lexicon::Phrases> =
        LazyLock::new(|| lexicon::Phrases::new(MARKERS.iter().map(|m| m.first)));
    let mut hits = PHRASES.find_all(t);
    hits.sort_unstable_by_key(|&(k, b, _)| (k, b));
    let bare = is_bare(t);
    // The line without the brackets and bullets around a label: 【资料图】, （图为…）, ▲会议现场.
    let unbracketed = t.trim_matches(|c: char| c.is_whitespace() || crate::text::has_char("【】[]（）〔〕▲△▼■◆●", c));
    let label_at =
        t.len() - t.trim_start_matches(|c: char| c.is_whitespace() || crate::text::has_char("【[（〔▲△▼■◆●", c)).len();
    // A toolbar line: nothing but `tool` words, their counts and separators ("点赞 0  评论 3",
    // a pager's "< 上一页 1 2 3 下一页 >").
    let toolbar = n <= MAX_NAV_LINE && {
        let mut covered = vec![false; t.len()];
        for &(k, b, _) in &hits {
            if let Some(mk) = MARKERS.get(k).filter(|m| m.flag == Flag::Tool) {
                covered.get_mut(b..b + mk.first.len()).into_iter().flatten().for_each(|c| *c = true);
            }
        }
        covered.iter().any(|c| *c)
            && t.char_indices().all(|(i, c)| {
                covered.get(i).copied().unwrap_or(false)
                    || c.is_whitespace()
                    || c.is_ascii_digit()
                    || crate::text::has_char("：:|｜/（）()【】[]·•<>«»", c)
            })
    };
    let mut prev_k = None;
    for (k, b, _) in hits {
        let Some(mk) = MARKERS.get(k) else { continue };
        // The first hit of a marker has the longest rest of line: a later hit of the same
        // marker finds its second part only if this one did (one search per marker per line).
        let repeat = prev_k == Some(k);
        prev_k = Some(k);
        let rest = t.get(b + mk.first.len()..).unwrap_or("");
        if mk.then.is_some_and(|then| repeat || !rest.contains(then)) {
            continue;
        }
        let counts = match mk.flag {
            Flag::Any => !prose,
            Flag::Strong => true,
            Flag::Bare => !prose && bare,
            Flag::Short => n <= MAX_SHORT_LINE,
            // A widget's heading may end in a colon ("相关范文：").
            Flag::Line => {
                unbracketed == mk.text || unbracketed.strip_suffix('：').is_some_and(|u| u.trim_end() == mk.text)
            }
            // A label holding its own brackets ("（图）会议现场") opens the line before them.
            Flag::Tool => toolbar,
            Flag::Head => (b == label_at || b == t.len() - t.trim_start().len()) && n <= MAX_HEAD_LINE,
            Flag::Field => {
                let prev = t.get(..b).and_then(|s| s.chars().next_back());
                !prose && field_start(prev) && rest.trim_start().starts_with('：')
            }
        };
        if counts {
            push(mk.category, mk.text);
        }
    }
    // A breadcrumb or a menu with no marker word in it.
    if found.is_empty() && n <= MAX_NAV_LINE && bare && (is_breadcrumb(t) || is_menu(t)) {
        found.push(("网站页头", "导航"));
    }
    found
}

/// Split the unmasked text into lines and find the chrome markers of each.
pub(super) fn scan(doc: &Doc) -> Vec<Line<'_>> {
    let lines: Vec<Line> = doc
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
    let mut lines = split_tag_prefix(lines);
    mark_byline(&mut lines);
    absorb_footer(&mut lines);
    absorb_after(&mut lines);
    mark_tag_cloud(&mut lines);
    lines
}

fn has_category(l: &Line, cat: &str) -> bool {
    l.markers.iter().any(|(c, _)| *c == cat)
}

/// Numbered entries of a table of contents: "1.在…的讲话", "一、…", "（一）…", "一是…", "……".
fn toc_entry(t: &str) -> bool {
    let n = t.chars().count();
    if n > 60 || t.contains('。') {
        return false;
    }
    let mut cs = t.chars();
    let Some(c0) = cs.next() else { return false };
    let c1 = cs.next();
    t.chars().all(|c| c == '…' || c == '.' || c == '·')
        || (c0.is_ascii_digit() && matches!(c1, Some('.' | '、' | '．') | Some('0'..='9')))
        || (crate::text::has_char("一二三四五六七八九十", c0) && matches!(c1, Some('、' | '是')))
        || (c0 == '（' && c1.is_some_and(|c| crate::text::has_char("一二三四五六七八九十", c)))
}

/// Article text above a related-news label that shows the article has been told.
const MIN_ARTICLE_ABOVE: usize = 150;

/// What some chrome lines take along after them: a table of contents its entries, a photo
/// caption the short line naming who is pictured, a related-news widget the rest of the page.
fn absorb_after(lines: &mut [Line]) {
    // Chars of article text (lines not chrome) before each line, and of all lines before it
    // (one pass, so a page of many labels stays linear).
    let (mut body, mut all) = (Vec::with_capacity(lines.len() + 1), Vec::with_capacity(lines.len() + 1));
    let (mut b, mut a) = (0, 0);
    for l in lines.iter() {
        body.push(b);
        all.push(a);
        a += l.span.1 - l.span.0;
        if !l.is_chrome() {
            b += l.span.1 - l.span.0;
        }
    }
    all.push(a);
    let total = a;
    let mut i = 0;
    while i < lines.len() {
        if has_category(&lines[i], "目录") {
            let mut j = i + 1;
            while j < lines.len() && !lines[j].is_blank() && toc_entry(lines[j].text) {
                lines[j].markers.push(("目录", "目录条目"));
                j += 1;
            }
            i = j;
            continue;
        }
        if has_category(&lines[i], "图片说明") {
            // "会议现场" / "县委副书记、县长张三": the caption's second line is short and bare.
            if let Some(next) = lines.get_mut(i + 1) {
                let n = next.text.chars().count();
                if !next.is_chrome()
                    && (2..=24).contains(&n)
                    && is_bare(next.text)
                    && !next.text.contains('：')
                    && !toc_entry(next.text)
                {
                    next.markers.push(CAPTION_NAMES);
                }
            }
        }
        // The widget ends the article: what follows are other articles' headlines and teasers.
        // A label with no article above it (a sidebar before the text) takes nothing along.
        if has_category(&lines[i], "相关推荐") && (body[i] >= MIN_ARTICLE_ABOVE || total - all[i + 1] < body[i]) {
            for l in lines[i + 1..].iter_mut().filter(|l| !l.is_blank() && !l.is_chrome()) {
                // A teaser: sentences, or a cut paragraph ending in "…" / "...".
                let prose =
                    l.text.chars().count() > MAX_SHORT_LINE && (l.text.contains('。') || l.text.ends_with(['…', '.']));
                l.markers.push(if prose { OTHER_ARTICLE } else { ("相关推荐", "推荐标题") });
            }
            break;
        }
        i += 1;
    }
}

/// Shortest run of one-word lines that is a tag cloud.
const TAG_CLOUD_MIN: usize = 4;
/// Longest word of a tag cloud.
const TAG_WORD_MAX: usize = 6;

/// A run of one-word lines (治理 / 基层 / 工作 …, blank lines between them): the page's tags.
fn mark_tag_cloud(lines: &mut [Line]) {
    let tag = |l: &Line| {
        let n = l.text.chars().count();
        !l.is_chrome() && (1..=TAG_WORD_MAX).contains(&n) && l.text.chars().all(crate::text::is_han)
    };
    let mut i = 0;
    while i < lines.len() {
        if !tag(&lines[i]) {
            i += 1;
            continue;
        }
        // The run: tag lines, blank lines between them allowed.
        let mut j = i;
        let mut last = i;
        let mut count = 0;
        while j < lines.len() && (lines[j].is_blank() || tag(&lines[j])) {
            if !lines[j].is_blank() {
                count += 1;
                last = j;
            }
            j += 1;
        }
        if count >= TAG_CLOUD_MIN {
            for l in lines[i..=last].iter_mut().filter(|l| !l.is_blank()) {
                l.markers.push(("标签", "标签"));
            }
        }
        i = j.max(i + 1);
    }
}

/// Longest tag before a "|" in a headline ("全国信访工作会议|…").
const MAX_TAG_PREFIX: usize = 20;

/// The first line of text, "<tag>|<headline>": a site's SEO tag glued before the headline. The
/// tag becomes a chrome line of its own, the headline stays.
fn split_tag_prefix(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let Some(first) = lines.iter().position(|l| !l.is_blank() && !l.is_chrome()) else { return lines };
    let l = &lines[first];
    let Some((tag, rest)) = l.text.split_once(['|', '｜']) else { return lines };
    let tag_n = tag.chars().count();
    let rest_t = rest.trim();
    let ok = (2..=MAX_TAG_PREFIX).contains(&tag_n)
        && tag.trim().chars().all(crate::text::is_han)
        && rest_t.chars().count() >= 5
        && !rest_t.contains(['|', '｜'])
        && is_bare(rest_t);
    if !ok {
        return lines;
    }
    let cut = tag_n + 1;
    let lead = rest.chars().count() - rest.trim_start().chars().count();
    let sep = l.text[tag.len()..].chars().next().map_or(1, char::len_utf8);
    let head = Line {
        span: Span::new(l.span.0, l.span.0 + cut),
        text: &l.text[..tag.len() + sep],
        markers: vec![("网站页头", "标签")],
    };
    let body = Line { span: Span::new(l.span.0 + cut + lead, l.span.1), text: rest_t, markers: markers_in(rest_t) };
    let mut out = lines;
    out.splice(first..=first, [head, body]);
    out
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
    let all_short =
        rest.iter().all(|l| l.is_blank() || l.is_chrome() || (l.text.chars().count() <= 80 && !l.text.contains('。')));
    if all_short {
        for l in lines[first..].iter_mut().filter(|l| !l.is_blank() && !l.is_chrome()) {
            l.markers.push(("网站页脚", "页脚"));
        }
    }
}

/// A related-news widget's teaser: a paragraph of another article (off topic, not chrome).
const OTHER_ARTICLE: (&str, &str) = ("相关推荐", "他文");
/// A photo caption's line naming who is pictured: reported with the caption, but left readable
/// (the name and titles are the article's).
const CAPTION_NAMES: (&str, &str) = ("图片说明", "图片人物");

/// One anomaly per run of chrome lines (blank lines between them do not break a run); a
/// related-news teaser is an off-topic passage of its own.
pub(super) fn anomalies(lines: &[Line]) -> Vec<Anomaly> {
    let mut out = Vec::new();
    let mut run: Vec<&Line> = Vec::new();
    let flush = |run: &mut Vec<&Line>, out: &mut Vec<Anomaly>| {
        if let (Some(f), Some(l)) = (run.first(), run.last()) {
            out.push(Anomaly {
                kind: AnomalyKind::Boilerplate,
                span: Span::new(f.span.0, l.span.1),
                detail: detail(run),
            });
        }
        run.clear();
    };
    for line in lines {
        if line.is_blank() {
            continue;
        }
        if line.markers.contains(&OTHER_ARTICLE) {
            flush(&mut run, &mut out);
            out.push(Anomaly {
                kind: AnomalyKind::OffTopic,
                span: line.span,
                detail: "相关推荐栏目带入的另一篇文章".to_string(),
            });
        } else if line.is_chrome() {
            run.push(line);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The spans to blank out for the extractors: every chrome line but a caption's names.
pub(super) fn masked(lines: &[Line]) -> Vec<Span> {
    lines.iter().filter(|l| l.is_chrome() && l.markers.as_slice() != [CAPTION_NAMES]).map(|l| l.span).collect()
}

/// An HTML tag left in the text (`<p class="ql-block">`, `</p>`, `<br/>`), or an entity (`&nbsp;`).
static RE_TAG: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r#"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>\n]{0,300})?/?>|&(?:nbsp|ensp|emsp|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot|quot|amp|lt|gt)[;；]"#)
        .expect("html tag regex")
});

/// HTML tags in the text, tags with only spaces between them joined: inside a line, so they
/// are spans of their own, not chrome lines.
pub(super) fn html_tags(doc: &Doc) -> Vec<Anomaly> {
    let text = doc.unmasked.as_str();
    let pieces = crate::extract::pieces(text, |c| c == '\n', |c| u32::from(c == '<' || c == '&'));
    let mut out: Vec<Anomaly> = Vec::new();
    let mut last_end = 0;
    for (off, line) in pieces.with(1) {
        for m in RE_TAG.find_iter(line) {
            let (s, e) = (off + m.start(), off + m.end());
            match out.last_mut() {
                Some(prev) if last_end <= s && text[last_end..s].trim().is_empty() => {
                    prev.span = Span::new(prev.span.0, doc.unmasked_char_at_byte(e));
                }
                _ => out.push(Anomaly {
                    kind: AnomalyKind::Boilerplate,
                    span: doc.unmasked_span_of_bytes(s, e),
                    detail: "网页代码：HTML标记".to_string(),
                }),
            }
            last_end = e;
        }
    }
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
