//! Web pages saved from a browser: the article's text, headline first, without scripts, styles,
//! navigation, breadcrumbs, share buttons and footers.
//!
//! News pages of this genre (government and 政法 sites) put the article in one container
//! (`<div class="TRS_Editor">`, `#zoom`, `.article-content`, `<article>`) among menus and link
//! lists. The container is found by where the text is, not by its name: after dropping the
//! page chrome, the deepest block holding most (80%) of the non-link text. The headline (the
//! heading that matches the page `<title>`) and the lines between it and the container (date,
//! source) are kept with it.
//!
//! The markup is read by html5gum (a WHATWG tokenizer: character references, comments, CDATA,
//! raw text) into `tree`, which makes the tree builder's repairs that matter here.

mod tree;

use crate::decode::{self, DecodeError, Decoded};
use tree::{Child, Tree};

pub use tree::MAX_ELEMENTS;

/// Decode a page (its `<meta charset>` first, then detection) and extract the article's text.
pub fn text(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    text_within(bytes, MAX_ELEMENTS)
}

/// [`text`], reading at most `budget` elements of the page.
fn text_within(bytes: &[u8], budget: usize) -> Result<Decoded, DecodeError> {
    let mut d = decode_page(bytes)?;
    let a = article_text_within(&d.text, budget);
    if a.truncated {
        // In both languages, as every warning and the Word errors are: the page shows them as they are.
        d.warnings.push(format!(
            "网页元素超过 {budget} 个，只读取了前面的部分，请从浏览器复制正文粘贴 — the web page has more than {budget} elements (a news page has a few thousand), so only its beginning was read; copy the article's text from the browser and paste it instead"
        ));
    } else if a.empty {
        // (Not both: a page cut at the budget may have no text before it, and the warning
        // above says why, where this one would blame scripts.)
        d.warnings.push(
            "网页中（几乎）没有正文，可能由脚本填入，请从浏览器复制正文粘贴 — the web page has (almost) no article text: it may be filled in by scripts; copy the text from the browser and paste it instead"
                .into(),
        );
    }
    d.text = a.text;
    Ok(d)
}

fn decode_page(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some(label) = declared_charset(bytes) {
        if let Some(d) = decode::decode_declared(bytes, &label) {
            return d;
        }
    }
    decode::decode(bytes)
}

/// The charset a page declares in a `<meta>` near its start (`<meta charset="gbk">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`).
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(4096))?.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = find(&head[from..], b"charset") {
        let at = from + p;
        from = at + 7;
        let tag_start = head[..at].iter().rposition(|&c| c == b'<');
        let in_meta = tag_start.is_some_and(|s| head[s..].starts_with(b"<meta") && !head[s..at].contains(&b'>'));
        if !in_meta {
            continue;
        }
        let rest = &head[from..];
        let rest = rest.iter().position(|&c| !(c.is_ascii_whitespace() || c == b'=' || c == b'"' || c == b'\''))?;
        let value: String = head[from + rest..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b':' | b'.'))
            .map(|&c| c as char)
            .collect();
        if !value.is_empty() {
            return Some(value);
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// True when decoded text is a web page rather than a report that mentions a tag.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let head: String = start.chars().take(512).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") || head.starts_with("<!--")) && head.contains("<html")
}

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select",
    "button", "textarea", "audio", "video", "map", "title",
];

/// Page chrome by element name; `header`/`footer` inside an `<article>` belong to it.
const CHROME_TAGS: &[&str] = &["nav", "header", "footer", "aside", "menu"];

/// Page chrome by class or id: substrings, and whole words (too short to match inside others).
const CHROME_PARTS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "breadcrumb",
    "crumb",
    "share",
    "sidebar",
    "side-bar",
    "copyright",
    "friendlink",
    "toolbar",
    "fenxiang",
    "bdshare",
];
const CHROME_WORDS: &[&str] = &[
    "foot", "top", "bottom", "position", "location", "dqwz", "search", "links", "yqlj", "tools", "print", "sitemap",
    "login",
];

/// Chrome that can hold the headline (an article header): a heading inside is still the
/// headline, and keeps it from being dropped.
const CHROME_SOFT: &str = "header";

/// Class or id words of headline elements (`.title`, `.article-tit`, `.bt` for 标题).
const TITLE_PARTS: &[&str] = &["tit", "headline", "biaoti"];
const TITLE_WORDS: &[&str] = &["bt", "h1"];

/// Blocks the container search may descend into (not paragraphs: a long first paragraph
/// must not become "the article").
const CONTAINERS: &[&str] = &[
    "#root", "html", "body", "div", "section", "article", "main", "form", "table", "tbody", "tr", "td", "th", "center",
    "font", "span",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Blocks dropped when nearly all their text is links (related news, 上一篇/下一篇).
const LINK_LISTS: &[&str] = &["ul", "ol", "dl", "div", "table", "section", "nav", "tbody"];

fn words(hint: &str) -> impl Iterator<Item = &str> {
    hint.split(|c: char| c.is_whitespace() || c == '-' || c == '_').filter(|w| !w.is_empty())
}

fn hint_has(hint: &str, parts: &[&str], whole: &[&str]) -> bool {
    if hint.is_empty() {
        return false;
    }
    parts.iter().any(|p| hint.contains(p)) || words(hint).any(|w| whole.contains(&w))
}

fn counts(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Per-element facts the extraction needs.
struct Facts {
    /// Inside a skipped element (script, head, hidden …).
    skipped: Vec<bool>,
    /// Inside a hard chrome element (navigation, breadcrumb, footer …), where a heading is
    /// not the headline.
    in_hard_chrome: Vec<bool>,
    /// Inside any chrome, an article header included.
    in_chrome: Vec<bool>,
    chrome: Vec<bool>,
    /// Inside an `<article>` or `<main>`.
    in_article: Vec<bool>,
}

fn facts(t: &Tree) -> Facts {
    let n = t.els.len();
    let mut f = Facts {
        skipped: vec![false; n],
        in_hard_chrome: vec![false; n],
        in_chrome: vec![false; n],
        chrome: vec![false; n],
        in_article: vec![false; n],
    };
    for (id, e) in t.els.iter().enumerate().skip(1) {
        let p = e.parent;
        let name = e.name.as_str();
        f.skipped[id] = f.skipped[p] || e.hidden || SKIP.contains(&name);
        f.in_article[id] = f.in_article[p] || name == "article" || name == "main";
        let by_tag = CHROME_TAGS.contains(&name) && !(f.in_article[p] && (name == "header" || name == "footer"));
        let hard_hint = hint_has(&e.hint, CHROME_PARTS, CHROME_WORDS);
        f.chrome[id] = by_tag || hard_hint || e.hint.contains(CHROME_SOFT);
        let hard = (by_tag && name != "header") || hard_hint;
        f.in_hard_chrome[id] = f.in_hard_chrome[p] || hard;
        // An article's own header (inside `<article>`) is not chrome here.
        f.in_chrome[id] = f.in_chrome[p] || hard || (f.chrome[id] && !f.in_article[p]);
    }
    f
}

/// Content chars (letters, digits, Han) under each element, and those inside links, leaving
/// out the subtrees `gone` marks.
fn text_counts(t: &Tree, gone: &[bool]) -> (Vec<usize>, Vec<usize>) {
    let n = t.els.len();
    let (mut all, mut link) = (vec![0usize; n], vec![0usize; n]);
    for id in (0..n).rev() {
        let e = &t.els[id];
        let (mut a, mut l) = (0, 0);
        for c in &e.children {
            match c {
                Child::Text(s) => a += counts(s),
                Child::El(k) if !gone[*k] => {
                    a += all[*k];
                    l += link[*k];
                }
                Child::El(_) => {}
            }
        }
        all[id] = a;
        link[id] = if e.name == "a" { a } else { l };
    }
    (all, link)
}

/// The visible text of an element on one line (for headings).
fn flat_text(t: &Tree, id: usize, skipped: &[bool]) -> String {
    fn walk(t: &Tree, id: usize, skipped: &[bool], out: &mut String) {
        let Some(e) = t.els.get(id) else { return };
        for c in &e.children {
            match c {
                Child::Text(s) => out.push_str(s),
                Child::El(k) if !skipped[*k] => {
                    // Tree depth is capped, so this recursion is bounded.
                    walk(t, *k, skipped, out);
                    out.push(' ');
                }
                Child::El(_) => {}
            }
        }
    }
    let mut out = String::new();
    walk(t, id, skipped, &mut out);
    collapse(&out)
}

fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The article part of a `<title>`: before the site name ("…会议_XX市人民政府网").
fn title_head(title: &str) -> &str {
    let cut = ["_", "|", "｜", " - ", " – ", " — ", "——", "－", "--"]
        .iter()
        .filter_map(|sep| title.find(sep))
        .min()
        .unwrap_or(title.len());
    let head = title.get(..cut).unwrap_or(title).trim();
    if head.chars().count() >= 4 {
        head
    } else {
        title.trim()
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// How well a heading's text matches the title's head: 3 equal, 2 one starts the other,
/// 1 one contains the other, 0 no match.
fn title_match(heading: &str, title: &str) -> u8 {
    let (h, t) = (squash(heading), squash(title));
    let (hl, tl) = (h.chars().count(), t.chars().count());
    if hl < 4 || tl < 4 {
        return u8::from(hl > 0 && h == t) * 3;
    }
    if h == t {
        3
    } else if t.starts_with(&h) && hl * 3 >= tl * 2 || h.starts_with(&t) {
        2
    } else if t.contains(&h) && hl * 2 >= tl || h.contains(&t) && tl * 2 >= hl {
        1
    } else {
        0
    }
}

/// The headline element: the heading or title-classed element that best matches `<title>`,
/// else the first `<h1>` outside the page chrome, else a match in a header-like block (a page
/// header's heading is usually the site's name, which a site-name-only `<title>` matches too).
fn headline(t: &Tree, f: &Facts, all: &[usize], title: &str) -> Option<(usize, String)> {
    type Best = Option<(u8, u8, usize, String)>;
    let (mut clean, mut in_header): (Best, Best) = (None, None);
    let mut first_h1: Option<(usize, String)> = None;
    for (id, e) in t.els.iter().enumerate() {
        if f.skipped[id] || f.in_hard_chrome[id] || all[id] == 0 || all[id] > 200 {
            continue;
        }
        let rank = match e.name.as_str() {
            "h1" => 4,
            "h2" => 3,
            "h3" | "h4" | "h5" | "h6" => 2,
            _ if hint_has(&e.hint, TITLE_PARTS, TITLE_WORDS) => 1,
            _ => continue,
        };
        let text = flat_text(t, id, &f.skipped);
        if rank == 4 && first_h1.is_none() && !f.in_chrome[id] && text.chars().count() >= 4 {
            first_h1 = Some((id, text.clone()));
        }
        let m = title_match(&text, title);
        let best = if f.in_chrome[id] { &mut in_header } else { &mut clean };
        if m > 0 && best.as_ref().is_none_or(|b| (m, rank) > (b.0, b.1)) {
            *best = Some((m, rank, id, text));
        }
    }
    let pick = |b: Best| b.map(|(_, _, id, text)| (id, text));
    pick(clean).or(first_h1).or(pick(in_header))
}

/// What [`article_text_within`] found.
struct Article {
    /// The article's text, headline first.
    text: String,
    /// The page had next to no article text.
    empty: bool,
    /// The page had more elements than the budget, and only those before were read.
    truncated: bool,
}

/// The article's text, from the first `budget` elements of the page ([`MAX_ELEMENTS`]).
fn article_text_within(src: &str, budget: usize) -> Article {
    let t = Tree::parse_within(src, budget);
    let f = facts(&t);
    let n = t.els.len();

    let title = t
        .els
        .iter()
        .position(|e| e.name == "title")
        .map(|id| {
            let e = &t.els[id];
            collapse(
                &e.children
                    .iter()
                    .filter_map(|c| if let Child::Text(s) = c { Some(s.as_str()) } else { None })
                    .collect::<String>(),
            )
        })
        .unwrap_or_default();
    let title = title_head(&title).to_string();

    let (all, link) = text_counts(&t, &f.skipped);
    let head = headline(&t, &f, &all, &title);
    let head_id = head.as_ref().map(|h| h.0);

    // Drop chrome unless it holds the headline or a large share of the page's text (a
    // wrapper misnamed "header-wrap" around everything).
    let page = all[0].saturating_sub(link[0]);
    let mut holds_headline = vec![false; n];
    if let Some(mut h) = head_id {
        while h != 0 && !holds_headline[h] {
            holds_headline[h] = true;
            h = t.els[h].parent;
        }
    }
    let mut gone = f.skipped.clone();
    for id in 1..n {
        let holds_headline = holds_headline[id];
        let big = (all[id] - link[id].min(all[id])) * 10 >= page * 4 && page > 0;
        gone[id] = gone[id] || gone[t.els[id].parent] || (f.chrome[id] && !holds_headline && !big);
    }
    let (all, link) = text_counts(&t, &gone);
    let own = |id: usize| all[id].saturating_sub(link[id]);

    let total = own(0);
    let step_down = |cur: usize| {
        t.els[cur]
            .children
            .iter()
            .filter_map(|c| if let Child::El(k) = c { Some(*k) } else { None })
            .filter(|&k| !gone[k])
            .max_by_key(|&k| own(k))
            .filter(|&k| total > 0 && CONTAINERS.contains(&t.els[k].name.as_str()) && own(k) * 10 >= total * 8)
    };
    let mut container = 0;
    while let Some(k) = step_down(container) {
        container = k;
    }
    if let Some(h) = head_id.filter(|&h| !gone[h]) {
        // Up to the common ancestor: the lines between headline and text (date, source) too.
        while container != 0 && (!holds_headline[container] || container == h) {
            container = t.els[container].parent;
        }
    }

    let mut out = Out::default();
    let mut skip_head = None;
    match &head {
        Some((id, text)) if !gone[*id] => {
            out.text(text);
            out.block();
            skip_head = Some(*id);
        }
        _ => {}
    }
    let r = Render { t: &t, gone: &gone, all: &all, link: &link, skip: skip_head, holds_headline: &holds_headline };
    r.render(container, &mut out, 0);
    let body_chars = counts(&out.s);
    let mut text = out.finish();
    if skip_head.is_none() && !title.is_empty() && !text.starts_with(&title) {
        text = format!("{title}\n{text}");
    }
    text.truncate(text.trim_end().len());
    Article { text, empty: body_chars < 20, truncated: t.truncated }
}

struct Render<'a> {
    t: &'a Tree,
    gone: &'a [bool],
    all: &'a [usize],
    link: &'a [usize],
    skip: Option<usize>,
    holds_headline: &'a [bool],
}

impl Render<'_> {
    fn render(&self, id: usize, out: &mut Out, depth: usize) {
        let Some(e) = self.t.els.get(id) else { return };
        let name = e.name.as_str();
        let block = BLOCKS.contains(&name);
        let link_list = depth > 0
            && LINK_LISTS.contains(&name)
            && self.all[id] >= 10
            && self.link[id] * 10 >= self.all[id] * 7
            && !self.holds_headline.get(id).copied().unwrap_or(false);
        if link_list {
            return;
        }
        match name {
            "br" => return out.br(),
            "pre" => out.pre += 1,
            _ => {}
        }
        if block {
            out.block();
        }
        for c in &e.children {
            match c {
                Child::Text(s) => out.text(s),
                Child::El(k) if self.gone[*k] || Some(*k) == self.skip => {}
                Child::El(k) => self.render(*k, out, depth + 1),
            }
        }
        match name {
            "pre" => out.pre = out.pre.saturating_sub(1),
            "td" | "th" => out.cell(),
            _ => {}
        }
        if block {
            out.block();
        }
    }
}

#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Space {
    None,
    Soft,
    /// Whitespace with a line break in the source: nothing between two Chinese chars (a
    /// source line wrap inside a sentence).
    Wrap,
    /// A table cell boundary: always a separator.
    Cell,
}

/// Text with HTML's whitespace collapsing, one line per block.
struct Out {
    s: String,
    space: Space,
    last: char,
    pre: usize,
}

impl Default for Out {
    fn default() -> Self {
        Out { s: String::new(), space: Space::None, last: '\n', pre: 0 }
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

impl Out {
    fn push(&mut self, c: char) {
        self.s.push(c);
        self.last = c;
    }

    fn text(&mut self, s: &str) {
        for c in s.chars() {
            if self.pre > 0 {
                match c {
                    '\n' => self.br(),
                    '\r' => {}
                    _ => self.push(c),
                }
                continue;
            }
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C' | '\u{A0}') {
                let kind = if c == '\n' || c == '\r' { Space::Wrap } else { Space::Soft };
                if kind > self.space {
                    self.space = kind;
                }
                continue;
            }
            if self.last != '\n' {
                match self.space {
                    Space::None => {}
                    Space::Wrap if is_cjk(self.last) && is_cjk(c) => {}
                    Space::Cell => self.push('\t'),
                    _ => self.push(' '),
                }
            }
            self.space = Space::None;
            self.push(c);
        }
    }

    fn block(&mut self) {
        self.space = Space::None;
        if self.last != '\n' {
            self.push('\n');
        }
    }

    fn br(&mut self) {
        self.space = Space::None;
        if !self.s.ends_with("\n\n") && !self.s.is_empty() {
            self.push('\n');
        }
    }

    fn cell(&mut self) {
        self.space = Space::Cell;
    }

    /// Lines trimmed, at most one blank line in a row, none at the start.
    fn finish(self) -> String {
        let mut text = String::with_capacity(self.s.len());
        let mut blank = true;
        for line in self.s.lines() {
            let line = line.trim();
            if line.is_empty() {
                if !blank {
                    text.push('\n');
                }
                blank = true;
            } else {
                text.push_str(line);
                text.push('\n');
                blank = false;
            }
        }
        text
    }
}

#[cfg(test)]
mod tests;
