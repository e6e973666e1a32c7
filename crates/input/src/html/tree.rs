//! A light element tree over html5gum's tokens, with the repairs browsers make to sloppy markup
//! that matter for finding the article: `<p>` and `<li>` closed by the next block or item,
//! `<head>` closed by the first body element, stray end tags ignored, nesting and the number of
//! elements capped.
//!
//! Elements live in an arena in document order, so a parent's id is always smaller than its
//! children's: bottom-up sums are one reverse pass, inherited flags one forward pass.

use std::borrow::Cow;
use std::collections::BTreeMap;

use html5gum::{HtmlString, Spanned, State, Token, Tokenizer};

/// A start tag's attributes as html5gum gives them: lower-case names, references decoded, the
/// first of duplicate names kept.
type Attributes = BTreeMap<HtmlString, Spanned<HtmlString, ()>>;

/// Deeper elements are attached to the element at this depth: a page of 100 000 unclosed
/// `<div>`s must not make the tree walks recurse that deep.
const MAX_DEPTH: usize = 200;

/// Most elements read from a page; the rest of the page is not read ([`Tree::truncated`]).
/// A government news page has a few thousand elements (the article a few hundred: paragraphs,
/// spans, table cells; menus, link lists and footer the rest), so the budget leaves even a
/// page ten times heavier a wide margin. Past it a page is generated junk or an attack, and
/// the tree's cost is what must be bounded: about 190 bytes an element (the arena
/// entry, its name, its parent's child entry, the extraction's per-element facts), so 60 MB of
/// `<br>` (15 million elements) took 2.9 GB and 20 s natively, more than a wasm32 heap can
/// have; at the budget the tree takes about 37 MB and a quarter of a second (native release
/// build, `examples/hostile.rs`).
pub const MAX_ELEMENTS: usize = 200_000;

/// How far from the innermost open element implied end tags are looked for.
const IMPLIED_SCAN: usize = 24;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen",
];

/// Elements allowed in `<head>`; any other start tag closes it.
const HEAD_OK: &[&str] = &["title", "meta", "link", "style", "script", "base", "noscript", "template", "object"];

/// Elements that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
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
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// The tokenizer state after a start tag: the content of these elements is not markup (script,
/// styles; `<template>` too, whose content never shows) or text only (`<title>`, `<textarea>`).
/// A browser's tree builder makes these switches; html5gum is a tokenizer only.
fn content_state(name: &str) -> Option<State> {
    match name {
        "script" => Some(State::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" | "template" => Some(State::RawText),
        "title" | "textarea" => Some(State::RcData),
        "plaintext" => Some(State::PlainText),
        _ => None,
    }
}

/// Token bytes as text: html5gum reads a `&str` and writes UTF-8, so this borrows.
fn utf8(b: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(b)
}

pub enum Child {
    Text(String),
    El(usize),
}

/// What the implied-end rules need to know of an element, as a cheap comparison.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Other,
    P,
    Li,
    List,
    DtDd,
    Dl,
    Tr,
    Cell,
    TableSection,
    Option,
    Select,
    Heading,
    Head,
    /// Where the search for an element to close implicitly stops.
    Scope,
}

fn kind(name: &str) -> Kind {
    match name {
        "p" => Kind::P,
        "li" => Kind::Li,
        "ul" | "ol" | "menu" => Kind::List,
        "dt" | "dd" => Kind::DtDd,
        "dl" => Kind::Dl,
        "tr" => Kind::Tr,
        "td" | "th" => Kind::Cell,
        "tbody" | "thead" | "tfoot" => Kind::TableSection,
        "option" => Kind::Option,
        "select" => Kind::Select,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "head" => Kind::Head,
        "html" | "body" | "table" | "caption" | "template" | "button" | "object" | "marquee" => Kind::Scope,
        _ => Kind::Other,
    }
}

pub struct Element {
    kind: Kind,
    pub name: String,
    pub parent: usize,
    pub children: Vec<Child>,
    /// `class` and `id` values, lower case, space-separated.
    pub hint: String,
    /// `hidden` or an inline `display:none` / `visibility:hidden`.
    pub hidden: bool,
}

pub struct Tree {
    pub els: Vec<Element>,
    /// The page has more elements than the budget ([`MAX_ELEMENTS`]): reading stopped at the
    /// first one past it, and the text after it is not in the tree.
    pub truncated: bool,
}

impl Tree {
    #[cfg(test)]
    pub fn parse(src: &str) -> Tree {
        Tree::parse_within(src, MAX_ELEMENTS)
    }

    /// The tree of at most `budget` elements (the tests' budgets are small).
    pub fn parse_within(src: &str, budget: usize) -> Tree {
        let root = Element {
            kind: Kind::Scope,
            name: "#root".into(),
            parent: 0,
            children: Vec::new(),
            hint: String::new(),
            hidden: false,
        };
        let mut t = Tree { els: vec![root], truncated: false };
        let mut stack: Vec<usize> = vec![0];
        let mut tokens = Tokenizer::new(src);
        while let Some(Ok(tok)) = tokens.next() {
            let new_element = matches!(&tok, Token::StartTag(_)) || matches!(&tok, Token::EndTag(e) if e.name == b"br");
            // The root is not one of the page's elements.
            if new_element && t.els.len() > budget {
                t.truncated = true;
                break;
            }
            match tok {
                Token::String(s) => {
                    let cur = stack.last().copied().unwrap_or(0);
                    t.push_text(cur, &utf8(&s.value));
                }
                Token::StartTag(tag) => {
                    let name = utf8(&tag.name).into_owned();
                    // `<script … />` is empty, as XHTML reads it (a browser reading text/html
                    // would hide everything up to the next `</script>`).
                    if let Some(state) = content_state(&name).filter(|_| !tag.self_closing) {
                        tokens.set_state(state);
                    }
                    t.close_implied(&mut stack, &name);
                    let cur = stack.last().copied().unwrap_or(0);
                    let id = t.add(cur, name, &tag.attributes);
                    let void = VOID.contains(&t.els[id].name.as_str());
                    if !void && !tag.self_closing && stack.len() < MAX_DEPTH {
                        stack.push(id);
                    }
                }
                Token::EndTag(tag) if tag.name == b"br" => {
                    let cur = stack.last().copied().unwrap_or(0);
                    t.add(cur, "br".into(), &Attributes::new());
                }
                Token::EndTag(tag) => {
                    let name = utf8(&tag.name);
                    if let Some(pos) = stack.iter().rposition(|&id| id != 0 && t.els[id].name == name) {
                        stack.truncate(pos);
                    }
                }
                Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
            }
        }
        t
    }

    fn add(&mut self, parent: usize, name: String, attrs: &Attributes) -> usize {
        let mut hint = String::new();
        let mut hidden = false;
        for (k, v) in attrs {
            let v = utf8(&v.value);
            match k.as_slice() {
                b"class" | b"id" => {
                    hint.push_str(&v.to_ascii_lowercase());
                    hint.push(' ');
                }
                b"hidden" => hidden = true,
                b"style" => {
                    let style: String =
                        v.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                    hidden |= style.contains("display:none") || style.contains("visibility:hidden");
                }
                _ => {}
            }
        }
        let id = self.els.len();
        self.els.push(Element { kind: kind(&name), name, parent, children: Vec::new(), hint, hidden });
        if let Some(p) = self.els.get_mut(parent) {
            p.children.push(Child::El(id));
        }
        id
    }

    fn push_text(&mut self, parent: usize, s: &str) {
        // NUL is dropped from text, as the tree builder drops it in the body.
        let s: Cow<str> = if s.contains('\0') { s.replace('\0', "").into() } else { s.into() };
        let Some(p) = self.els.get_mut(parent) else { return };
        if let Some(Child::Text(last)) = p.children.last_mut() {
            last.push_str(&s);
        } else {
            p.children.push(Child::Text(s.into_owned()));
        }
    }

    fn kind_at(&self, stack: &[usize], i: usize) -> Kind {
        stack.get(i).and_then(|&id| self.els.get(id)).map_or(Kind::Scope, |e| e.kind)
    }

    /// Pop the open element of kind `target`, searching from the innermost open element and
    /// stopping at `stop` or a scope boundary (a table cell, the body …).
    fn close_open(&self, stack: &mut Vec<usize>, target: Kind, stop: Option<Kind>) {
        // The innermost few elements only: an unclosed `<p>` or `<li>` is found near the top,
        // and a full scan per tag would be quadratic on deeply nested junk.
        for i in (1..stack.len()).rev().take(IMPLIED_SCAN) {
            let k = self.kind_at(stack, i);
            if k == target {
                stack.truncate(i);
                return;
            }
            if Some(k) == stop
                || k == Kind::Scope
                || k == Kind::Cell && !matches!(target, Kind::Cell | Kind::Tr | Kind::TableSection)
            {
                return;
            }
        }
    }

    fn close_implied(&self, stack: &mut Vec<usize>, name: &str) {
        let new = kind(name);
        // `<head>` can only be open as the first or second element (`<html><head>`).
        if new != Kind::Head && !HEAD_OK.contains(&name) {
            if let Some(pos) = stack.iter().take(3).position(|&id| self.els[id].kind == Kind::Head) {
                stack.truncate(pos);
            }
        }
        if CLOSES_P.contains(&name) {
            self.close_open(stack, Kind::P, None);
        }
        match new {
            Kind::Li => self.close_open(stack, Kind::Li, Some(Kind::List)),
            Kind::DtDd => self.close_open(stack, Kind::DtDd, Some(Kind::Dl)),
            Kind::Tr => self.close_open(stack, Kind::Tr, Some(Kind::TableSection)),
            Kind::Cell => self.close_open(stack, Kind::Cell, Some(Kind::Tr)),
            Kind::TableSection => self.close_open(stack, Kind::TableSection, None),
            Kind::Option => self.close_open(stack, Kind::Option, Some(Kind::Select)),
            Kind::Heading if self.kind_at(stack, stack.len().saturating_sub(1)) == Kind::Heading => {
                stack.pop();
            }
            _ => {}
        }
    }
}
