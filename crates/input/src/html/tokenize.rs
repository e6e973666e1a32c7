//! A forgiving HTML tokenizer: start and end tags with their attributes, and text. Comments,
//! doctypes and processing instructions are dropped; the content of script-like elements is
//! skipped whole. It reads what browsers read on the pages people save (unclosed tags, a bare
//! `<` in text, `>` inside quoted attribute values) and never fails.
//!
//! All slicing happens at ASCII delimiters, which are always char boundaries.

#[derive(Debug, PartialEq)]
pub enum Token<'a> {
    /// Text, still with its character references.
    Text(&'a str),
    /// A start tag: lower-case name, raw attribute source, `/>`.
    Start {
        name: String,
        attrs: &'a str,
        self_closing: bool,
    },
    End {
        name: String,
    },
}

/// Elements whose content is not markup, skipped up to their end tag.
const RAW: &[&str] = &["script", "style", "noscript", "template", "xmp", "iframe", "noembed", "noframes", "textarea"];

/// Elements whose content is text only (no tags), such as `<title>`.
const RCDATA: &[&str] = &["title"];

pub struct Tokenizer<'a> {
    src: &'a str,
    /// `src` in ASCII lower case: same byte offsets, for case-insensitive searches.
    lower: String,
    pos: usize,
    /// Tokens found ahead (an element's content and end tag after a raw start tag).
    queue: std::collections::VecDeque<Token<'a>>,
}

impl<'a> Tokenizer<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokenizer { src, lower: src.to_ascii_lowercase(), pos: 0, queue: Default::default() }
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.src.as_bytes().get(i).copied()
    }

    /// The end of a tag that starts at `from` (after its name): the index of its `>`, skipping
    /// `>` inside attribute values quoted after `=`. With an unbalanced quote, the first `>`.
    fn tag_end(&self, from: usize) -> Option<usize> {
        let b = self.src.as_bytes();
        let mut i = from;
        let mut after_eq = false;
        while let Some(&c) = b.get(i) {
            match c {
                b'>' => return Some(i),
                b'=' => after_eq = true,
                b'"' | b'\'' if after_eq => match b.get(i + 1..).and_then(|r| r.iter().position(|&x| x == c)) {
                    Some(close) => {
                        i += close + 1;
                        after_eq = false;
                    }
                    None => return b.get(from..).and_then(|r| r.iter().position(|&x| x == b'>')).map(|p| from + p),
                },
                c if c.is_ascii_whitespace() => {}
                _ => after_eq = false,
            }
            i += 1;
        }
        None
    }

    /// Position of the end tag `</name` (followed by a delimiter) at or after `from`.
    fn find_end_tag(&self, name: &str, from: usize) -> Option<usize> {
        let needle = format!("</{name}");
        let mut at = from;
        loop {
            let found = at + self.lower.get(at..)?.find(&needle)?;
            let next = self.byte(found + needle.len());
            if matches!(next, None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')) {
                return Some(found);
            }
            at = found + needle.len();
        }
    }

    fn name_end(&self, from: usize) -> usize {
        let b = self.src.as_bytes();
        let mut i = from;
        while let Some(&c) = b.get(i) {
            if c.is_ascii_whitespace() || c == b'/' || c == b'>' {
                break;
            }
            i += 1;
        }
        i
    }

    fn lower_slice(&self, from: usize, to: usize) -> String {
        self.lower.get(from..to).unwrap_or("").to_string()
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(t) = self.queue.pop_front() {
            return Some(t);
        }
        loop {
            let src = self.src;
            let rest = src.get(self.pos..).filter(|r| !r.is_empty())?;
            let Some(lt) = rest.find('<') else {
                self.pos = src.len();
                return Some(Token::Text(rest));
            };
            if lt > 0 {
                // Text up to the `<`; the `<` is looked at on the next call.
                let text = &rest[..lt];
                self.pos += lt;
                return Some(Token::Text(text));
            }
            let at = self.pos;
            match self.byte(at + 1) {
                Some(b'!') if src.get(at..).is_some_and(|r| r.starts_with("<!--")) => {
                    self.pos = src.get(at + 4..).and_then(|r| r.find("-->")).map_or(src.len(), |p| at + 4 + p + 3);
                }
                Some(b'!' | b'?') => {
                    self.pos = src.get(at..).and_then(|r| r.find('>')).map_or(src.len(), |p| at + p + 1);
                }
                Some(b'/') if self.byte(at + 2).is_some_and(|c| c.is_ascii_alphabetic()) => {
                    let name_end = self.name_end(at + 2);
                    let name = self.lower_slice(at + 2, name_end);
                    let Some(gt) = src.get(name_end..).and_then(|r| r.find('>')) else {
                        self.pos = src.len();
                        return None;
                    };
                    self.pos = name_end + gt + 1;
                    return Some(Token::End { name });
                }
                Some(b'/') => {
                    // `</>` or `</ …>`: ignored like a comment.
                    self.pos = src.get(at..).and_then(|r| r.find('>')).map_or(src.len(), |p| at + p + 1);
                }
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_end = self.name_end(at + 1);
                    let name = self.lower_slice(at + 1, name_end);
                    let Some(gt) = self.tag_end(name_end) else {
                        // A tag cut off by the end of the file: browsers drop it.
                        self.pos = src.len();
                        return None;
                    };
                    let raw_attrs = src.get(name_end..gt).unwrap_or("");
                    let self_closing = raw_attrs.trim_end().ends_with('/');
                    let attrs = raw_attrs.trim_end().trim_end_matches('/');
                    self.pos = gt + 1;
                    let content_kind = if RAW.contains(&name.as_str()) {
                        Some(false)
                    } else if RCDATA.contains(&name.as_str()) {
                        Some(true)
                    } else {
                        None
                    };
                    if let (Some(keep_text), false) = (content_kind, self_closing) {
                        let end = self.find_end_tag(&name, self.pos).unwrap_or(src.len());
                        if keep_text {
                            if let Some(text) = src.get(self.pos..end).filter(|t| !t.is_empty()) {
                                self.queue.push_back(Token::Text(text));
                            }
                        }
                        self.queue.push_back(Token::End { name: name.clone() });
                        self.pos = src.get(end..).and_then(|r| r.find('>')).map_or(src.len(), |p| end + p + 1);
                    }
                    return Some(Token::Start { name, attrs, self_closing });
                }
                _ => {
                    // A `<` that starts no tag (`a < b`, `<5%`) is text.
                    self.pos += 1;
                    return Some(Token::Text("<"));
                }
            }
        }
    }
}

/// Attributes of a start tag: lower-case names, raw values (references not decoded).
pub fn attributes(src: &str) -> Vec<(String, &str)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let skip_ws = |mut i: usize| {
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace() || *c == b'/') {
            i += 1;
        }
        i
    };
    loop {
        i = skip_ws(i);
        if i >= b.len() {
            break;
        }
        let start = i;
        while b.get(i).is_some_and(|&c| !c.is_ascii_whitespace() && c != b'=' && c != b'/') {
            i += 1;
        }
        let name = src.get(start..i).unwrap_or("").to_ascii_lowercase();
        let mut j = i;
        while b.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
            j += 1;
        }
        let mut value = "";
        if b.get(j) == Some(&b'=') {
            j += 1;
            while b.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end =
                        b.get(j + 1..).and_then(|r| r.iter().position(|&c| c == q)).map_or(b.len(), |p| j + 1 + p);
                    value = src.get(j + 1..end).unwrap_or("");
                    j = end + 1;
                }
                _ => {
                    let s = j;
                    while b.get(j).is_some_and(|c| !c.is_ascii_whitespace()) {
                        j += 1;
                    }
                    value = src.get(s..j).unwrap_or("");
                }
            }
            i = j;
        }
        if i == start {
            // A stray `=`: step over it.
            i += 1;
            continue;
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(s: &str) -> Vec<Token<'_>> {
        Tokenizer::new(s).collect()
    }

    #[test]
    fn tags_text_and_quoted_gt() {
        let t = tokens(r#"<P class="a>b" id=x>会议<BR/>精神</p>"#);
        assert_eq!(
            t,
            vec![
                Token::Start { name: "p".into(), attrs: r#" class="a>b" id=x"#, self_closing: false },
                Token::Text("会议"),
                Token::Start { name: "br".into(), attrs: "", self_closing: true },
                Token::Text("精神"),
                Token::End { name: "p".into() },
            ]
        );
        let a = attributes(r#" class="a>b" id=x hidden data-x='1 2'"#);
        assert_eq!(
            a,
            vec![("class".into(), "a>b"), ("id".into(), "x"), ("hidden".into(), ""), ("data-x".into(), "1 2")]
        );
    }

    #[test]
    fn script_content_is_skipped_and_title_kept() {
        let t = tokens("<title>标题</title><script>var s = '<p>不要</p>';</SCRIPT >正文");
        assert_eq!(
            t,
            vec![
                Token::Start { name: "title".into(), attrs: "", self_closing: false },
                Token::Text("标题"),
                Token::End { name: "title".into() },
                Token::Start { name: "script".into(), attrs: "", self_closing: false },
                Token::End { name: "script".into() },
                Token::Text("正文"),
            ]
        );
    }

    #[test]
    fn bare_lt_comments_and_cut_tags() {
        let t = tokens("增长<5%，a < b<!-- 注释 <p> -->完<p class=\"x");
        let text: String = t.iter().filter_map(|t| if let Token::Text(s) = t { Some(*s) } else { None }).collect();
        assert_eq!(text, "增长<5%，a < b完");
    }
}
