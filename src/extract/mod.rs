//! One module per concern. Each takes the shared [`Ctx`] (normalised, boilerplate-masked text,
//! its tokens, sentences and paragraphs) plus whatever earlier extractors found, and returns
//! its part of the [`crate::Report`]. Order and data flow live in [`crate::analyze`].
//!
//! The rules' regexes compile on first use, which is most of the cost of a first analysis (in wasm:
//! the user's first answer). Two habits keep that down
//! (docs/perf-history.md, "Rules cheap to compile"): digits are written `[0-9０-９]`, not `\d`
//! (Unicode's digits of every script compile into a large automaton, once per repetition; the text
//! reaches the rules with ASCII digits anyway, `crate::text`, and `char::to_digit` reads only
//! those), and a long bounded repeat of a negated class (a name up to 70 chars) is a
//! `capped::Capped` regex.

pub mod anomalies;
pub mod campaigns;
mod capped;
pub mod dates;
pub mod document;
pub mod formulas;
pub mod keywords;
pub mod meeting;
pub mod organizations;
pub mod outline;
pub mod people;
pub mod quoted;
pub mod region;
pub mod targets;

#[cfg(test)]
use crate::report::Document;
use crate::report::Span;
use crate::segment::Token;
use crate::text::Doc;
use document::DocumentInfo;

/// What every extractor may read.
pub struct Ctx<'a> {
    /// Normalised input; `doc.text` has boilerplate blanked out (offsets unchanged).
    pub doc: &'a Doc,
    /// jieba tokens of `doc.text`, with char spans.
    pub tokens: &'a [Token<'a>],
    /// Sentence spans of `doc.text` (split after 。！？； and line breaks).
    pub sentences: Vec<Span>,
    /// Paragraph spans (non-blank lines) of `doc.text`.
    pub paragraphs: Vec<Span>,
    /// The chars of `doc.text`, indexed by char offset: made once here, not by each extractor
    /// that walks the text char by char.
    pub chars: Vec<char>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Doc, tokens: &'a [Token<'a>]) -> Self {
        Ctx { doc, tokens, sentences: doc.sentences(), paragraphs: doc.paragraphs(), chars: doc.text.chars().collect() }
    }

    /// Text of a span (masked, normalised).
    pub fn slice(&self, span: Span) -> &str {
        self.doc.slice(span)
    }

    /// Tokens that lie inside `span`.
    pub fn tokens_in(&self, span: Span) -> &[Token<'a>] {
        let lo = self.tokens.partition_point(|t| t.span.0 < span.0);
        let hi = self.tokens.partition_point(|t| t.span.1 <= span.1);
        if lo >= hi {
            &[]
        } else {
            &self.tokens[lo..hi]
        }
    }
}

/// The pieces of `text` that may hold a match of a family of regexes, so each regex reads only
/// those instead of the whole text (in wasm, with no SIMD, every whole-text regex scan costs
/// ~2 ms per MB). A piece ends after each char for which `cut` holds; `class` gives each char a
/// bit mask (0 for most chars), and a piece is kept with the union of its chars' masks when that
/// is not 0. A regex whose matches never cross a cut char and always hold a char of its class
/// finds the same matches in [`Pieces::with`] its bit.
pub fn pieces<'t>(text: &'t str, cut: impl Fn(char) -> bool, class: impl Fn(char) -> u32) -> Pieces<'t> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut mask = 0;
    for (i, c) in text.char_indices() {
        mask |= class(c);
        if cut(c) {
            let end = i + c.len_utf8();
            if mask != 0 {
                out.push((start, &text[start..end], mask));
            }
            start = end;
            mask = 0;
        }
    }
    if mask != 0 {
        out.push((start, &text[start..], mask));
    }
    Pieces(out)
}

/// The kept pieces of [`pieces`]: (byte offset in the text, piece, mask).
pub struct Pieces<'t>(Vec<(usize, &'t str, u32)>);

impl<'t> Pieces<'t> {
    /// The pieces holding a char of one of `bits`, as (byte offset in the text, piece).
    pub fn with(&self, bits: u32) -> impl Iterator<Item = (usize, &'t str)> + '_ {
        self.0.iter().filter(move |p| p.2 & bits != 0).map(|&(off, piece, _)| (off, piece))
    }

    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = &(usize, &'t str, u32)> {
        self.0.iter()
    }

    #[cfg(test)]
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Text of the seed whose file name starts with `prefix` ("000_"), for extractor tests.
#[cfg(test)]
pub(crate) use huixi_testkit::seed;

/// Runs every loader of a rule file (`src/lexicon/`) now, for the test that every file is read
/// and valid (`lexicon::tests::every_lexicon_file_is_read_and_valid`): a loader panics on a
/// mistake in its file, so no analysis has to meet it first.
#[cfg(test)]
pub(crate) fn load_lexicons() {
    use std::sync::LazyLock;
    LazyLock::force(&crate::text::T2S);
    LazyLock::force(&crate::segment::GUESS);
    LazyLock::force(&anomalies::TOPICS);
    LazyLock::force(&anomalies::WORDS);
    LazyLock::force(&campaigns::RULES);
    LazyLock::force(&document::KIND_RULES);
    LazyLock::force(&document::MARKERS);
    LazyLock::force(&formulas::LEXICON);
    LazyLock::force(&formulas::OPEN);
    LazyLock::force(&formulas::STOP);
    LazyLock::force(&keywords::STOP_WORDS);
    LazyLock::force(&meeting::LEX);
    LazyLock::force(&organizations::LEX);
    LazyLock::force(&people::LEX);
    LazyLock::force(&region::RULES);
}

/// A stage's end, reported by name ([`crate::analyze_staged`]).
pub(crate) type Done<'d> = &'d mut dyn FnMut(&'static str);

/// The stages every analysis starts with: the input normalised, the document pass on it (its
/// metadata and the website chrome), the chrome blanked out for every later extractor, the text
/// tagged. `rest` runs the extractors on the context and the document pass's findings.
/// [`crate::analyze_staged`] and the extractors' tests ([`with_ctx`], [`with_document`]) share
/// it, so a test reads the very text the extractor reads in the app.
pub(crate) fn staged<R>(input: &str, done: Done, rest: impl FnOnce(&Ctx, DocumentInfo, Done) -> R) -> R {
    let mut doc = Doc::new(input);
    done("doc");
    let info = document::extract(&doc);
    doc.mask(&info.masked);
    done("document");
    let tokens = crate::segment::tag(&doc.text);
    done("tag");
    let ctx = Ctx::new(&doc, &tokens);
    done("ctx");
    rest(&ctx, info, done)
}

/// The context an extractor gets in the app ([`staged`]), for its tests.
#[cfg(test)]
pub(crate) fn with_ctx<R>(text: &str, f: impl FnOnce(&Ctx) -> R) -> R {
    staged(text, &mut |_| {}, |ctx, _, _| f(ctx))
}

/// [`with_ctx`] with the document pass's facts (kind, title, dates), for the extractors that
/// read them.
#[cfg(test)]
pub(crate) fn with_document<R>(text: &str, f: impl FnOnce(&Ctx, &Document) -> R) -> R {
    staged(text, &mut |_| {}, |ctx, info, _| f(ctx, &info.document))
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    fn pieces_keep_only_sentences_with_a_marked_char_at_their_offsets() {
        let text = "到2025年底，全面建成。工作要抓实。\n力争用三年时间完成";
        let got = pieces(
            text,
            |c| matches!(c, '。' | '\n'),
            |c| match c {
                '年' => 1,
                '时' => 2,
                _ => 0,
            },
        );
        let kept: Vec<(&str, u32)> = got.iter().map(|&(_, p, m)| (p, m)).collect();
        assert_eq!(kept, vec![("到2025年底，全面建成。", 1), ("力争用三年时间完成", 3)]);
        for &(off, p, _) in got.iter() {
            assert_eq!(&text[off..off + p.len()], p);
        }
        assert!(pieces("", |_| true, |_| 1).is_empty());
    }
}
