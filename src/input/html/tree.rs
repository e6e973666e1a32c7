//! A light element tree over the tokens, with the repairs browsers make to sloppy markup that
//! matter for finding the article: `<p>` and `<li>` closed by the next block or item, `<head>`
//! closed by the first body element, stray end tags ignored, nesting capped.
//!
//! Elements live in an arena in document order, so a parent's id is always smaller than its
//! children's: bottom-up sums are one reverse pass, inherited flags one forward pass.

use super::tokenize::{attributes, Token, Tokenizer};
use crate::input::entities;

/// Deeper elements are attached to the element at this depth: a page of 100 000 unclosed
/// `<div>`s must not make the tree walks recurse that deep.
const MAX_DEPTH: usize = 200;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
];

/// Elements allowed in `<head>`; any other start tag closes it.
const HEAD_OK: &[&str] = &["title", "meta", "link", "style", "script", "base", "noscript", "template", "object"];

/// Elements that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p",
    "pre", "section", "summary", "table", "ul", "li", "dd", "dt",
];

/// Where the search for an element to close implicitly stops.
const SCOPE: &[&str] = &["html", "body", "table", "td", "th", "caption", "template", "button", "object", "marquee"];

pub enum Child {
    Text(String),
    El(usize),
}

pub struct Element {
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
}

impl Tree {
    pub fn parse(src: &str) -> Tree {
        let root = Element { name: "#root".into(), parent: 0, children: Vec::new(), hint: String::new(), hidden: false };
        let mut t = Tree { els: vec![root] };
        let mut stack: Vec<usize> = vec![0];
        for tok in Tokenizer::new(src) {
            match tok {
                Token::Text(s) => {
                    let cur = stack.last().copied().unwrap_or(0);
                    t.push_text(cur, &entities::decode(s));
                }
                Token::Start { name, attrs, self_closing } => {
                    t.close_implied(&mut stack, &name);
                    let cur = stack.last().copied().unwrap_or(0);
                    let id = t.add(cur, name, attrs);
                    let void = VOID.contains(&t.els[id].name.as_str());
                    if !void && !self_closing && stack.len() < MAX_DEPTH {
                        stack.push(id);
                    }
                }
                Token::End { name } if name == "br" => {
                    let cur = stack.last().copied().unwrap_or(0);
                    t.add(cur, name, "");
                }
                Token::End { name } => {
                    if let Some(pos) = stack.iter().rposition(|&id| id != 0 && t.els[id].name == name) {
                        stack.truncate(pos);
                    }
                }
            }
        }
        t
    }

    fn add(&mut self, parent: usize, name: String, attrs: &str) -> usize {
        let mut hint = String::new();
        let mut hidden = false;
        for (k, v) in attributes(attrs) {
            match k.as_str() {
                "class" | "id" => {
                    hint.push_str(&v.to_ascii_lowercase());
                    hint.push(' ');
                }
                "hidden" => hidden = true,
                "style" => {
                    let style: String = v.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                    hidden |= style.contains("display:none") || style.contains("visibility:hidden");
                }
                _ => {}
            }
        }
        let id = self.els.len();
        self.els.push(Element { name, parent, children: Vec::new(), hint, hidden });
        if let Some(p) = self.els.get_mut(parent) {
            p.children.push(Child::El(id));
        }
        id
    }

    fn push_text(&mut self, parent: usize, s: &str) {
        let Some(p) = self.els.get_mut(parent) else { return };
        if let Some(Child::Text(last)) = p.children.last_mut() {
            last.push_str(s);
        } else {
            p.children.push(Child::Text(s.to_string()));
        }
    }

    fn name_at(&self, stack: &[usize], i: usize) -> &str {
        stack.get(i).and_then(|&id| self.els.get(id)).map_or("", |e| e.name.as_str())
    }

    /// Pop the open element `targets` names, searching from the innermost open element and
    /// stopping at any of `stops` (or a scope boundary).
    fn close_open(&self, stack: &mut Vec<usize>, targets: &[&str], stops: &[&str]) {
        for i in (1..stack.len()).rev() {
            let n = self.name_at(stack, i);
            if targets.contains(&n) {
                stack.truncate(i);
                return;
            }
            if stops.contains(&n) || SCOPE.contains(&n) {
                return;
            }
        }
    }

    fn close_implied(&self, stack: &mut Vec<usize>, name: &str) {
        if !HEAD_OK.contains(&name) {
            if let Some(pos) = stack.iter().position(|&id| self.els[id].name == "head") {
                stack.truncate(pos);
            }
        }
        if CLOSES_P.contains(&name) {
            self.close_open(stack, &["p"], &[]);
        }
        match name {
            "li" => self.close_open(stack, &["li"], &["ul", "ol", "menu"]),
            "dt" | "dd" => self.close_open(stack, &["dt", "dd"], &["dl"]),
            "tr" => self.close_open(stack, &["tr"], &["tbody", "thead", "tfoot"]),
            "td" | "th" => self.close_open(stack, &["td", "th"], &["tr"]),
            "tbody" | "thead" | "tfoot" => self.close_open(stack, &["tbody", "thead", "tfoot"], &[]),
            "option" => self.close_open(stack, &["option"], &["select"]),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let top = self.name_at(stack, stack.len().saturating_sub(1));
                if matches!(top, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    stack.pop();
                }
            }
            _ => {}
        }
    }
}
