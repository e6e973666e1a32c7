//! Photo captions ("图为县委书记某某在会上讲话") are blanked out with the page's chrome, but the
//! people they name took part (a title or a person may be written nowhere else). The people
//! extractor reads them back: the words after 图为 on a masked caption line, and nothing else.

use super::Ctx;
use crate::report::Span;
use crate::segment::Token;

/// Longest caption read back (a caption is one short line).
const MAX_CAPTION: usize = 60;

/// The char spans (after 图为) of the captions that the masked text blanked out.
pub fn captions(ctx: &Ctx) -> Vec<Span> {
    // Most texts have no caption: one substring search and done.
    if !ctx.doc.unmasked.contains("图为") {
        return Vec::new();
    }
    let mut out = Vec::new();
    for line in ctx.doc.unmasked_lines() {
        if line.len() > MAX_CAPTION + 8 || !ctx.doc.slice(line).trim().is_empty() {
            continue;
        }
        let raw = ctx.doc.unmasked_slice(line);
        let open = |c: char| c.is_whitespace() || crate::text::has_char("【[（(〔▲△▼■◆●", c);
        let body = raw.trim_start_matches(open);
        let Some(rest) = body.strip_prefix("图为") else { continue };
        let rest = rest.trim_end_matches(|c: char| c.is_whitespace() || crate::text::has_char("】]）)〕", c));
        let from = line.0 + (raw.chars().count() - body.chars().count()) + 2;
        let n = rest.chars().count();
        if n > 0 && n <= MAX_CAPTION {
            out.push(Span::new(from, from + n));
        }
    }
    out
}

/// The extractor's view of the text with its captions read back: chars, the text as a string
/// with each char's byte start, tokens and sentences.
pub struct View<'a> {
    pub chars: Vec<char>,
    pub text: String,
    starts: Vec<usize>,
    pub tokens: Vec<Token<'a>>,
    pub sentences: Vec<Span>,
}

impl<'a> View<'a> {
    pub fn new(ctx: &Ctx<'a>, caps: &[Span]) -> Self {
        let mut chars = ctx.chars.clone();
        let mut tokens: Vec<Token<'a>> = ctx.tokens.to_vec();
        let mut sentences = ctx.sentences.clone();
        let doc: &'a crate::text::Doc = ctx.doc;
        // Caption chars before each offset: a token overlaps a caption when the count grows
        // over its span (one pass, however many captions).
        let mut in_cap = vec![0u32; chars.len() + 1];
        for &cap in caps {
            for x in in_cap.iter_mut().take(cap.1.min(chars.len())).skip(cap.0) {
                *x = 1;
            }
        }
        let mut before = vec![0u32; chars.len() + 1];
        for i in 0..chars.len() {
            before[i + 1] = before[i] + in_cap[i];
        }
        let count = |i: usize| before[i.min(chars.len())];
        tokens.retain(|t| count(t.span.1) == count(t.span.0));
        for &cap in caps {
            for (k, c) in doc.unmasked_slice(cap).chars().enumerate() {
                if let Some(x) = chars.get_mut(cap.0 + k) {
                    *x = c;
                }
            }
            tokens.extend(crate::segment::tag(doc.unmasked_slice(cap)).into_iter().map(|mut t| {
                t.span = Span::new(t.span.0 + cap.0, t.span.1 + cap.0);
                t
            }));
            sentences.push(cap);
        }
        tokens.sort_by_key(|t| t.span.0);
        sentences.sort();
        let text: String = chars.iter().collect();
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        View { chars, text, starts, tokens, sentences }
    }

    /// Char span of a byte range of `text`.
    pub fn span_of_bytes(&self, s: usize, e: usize) -> Span {
        let at = |b: usize| match self.starts.binary_search(&b) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        Span::new(at(s), at(e))
    }
}
