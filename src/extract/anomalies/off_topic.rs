//! Paragraphs pasted in from another document: they keep naming a place the rest of the text
//! never mentions, and share little vocabulary with it.

use std::sync::LazyLock;

use crate::extract::region::{plausible_place, split_suffix};
use crate::extract::Ctx;
use crate::lexicon::{self, FastMap, FastSet};
use crate::report::{Anomaly, AnomalyKind, Region};
use crate::segment::Token;
use crate::text::is_han;

/// Below this cosine similarity (content words of the paragraph vs the rest) a paragraph is
/// off the document's subject. Pasted paragraphs score under 0.05; short factual paragraphs
/// (who attended, how it was held) can score near 0.1, so a foreign place name is also required.
const MAX_SIMILARITY: f64 = 0.1;
/// Content words a paragraph needs before its vocabulary says anything.
const MIN_WORDS: usize = 12;

static TOPICS: LazyLock<Vec<&'static str>> = LazyLock::new(|| lexicon::entries(include_str!("../../lexicon/topics.txt")).collect());
static TOPIC_PHRASES: LazyLock<lexicon::Phrases> = LazyLock::new(|| lexicon::Phrases::new(TOPICS.iter().copied()));

fn content(t: &Token) -> bool {
    // Two Han chars or more: a Han char takes 3 or 4 bytes, so 6 bytes of Han are 2 chars.
    (t.pos.starts_with('n') || t.pos.starts_with('v') || t.pos.starts_with('a') || matches!(t.pos, "j" | "l" | "i"))
        && t.word.len() >= 6
        && t.word.chars().all(is_han)
}

fn bag<'a>(tokens: &[Token<'a>]) -> FastMap<&'a str, f64> {
    let mut m = FastMap::default();
    for t in tokens.iter().filter(|t| content(t)) {
        *m.entry(t.word).or_insert(0.0) += 1.0;
    }
    m
}

/// Cosine similarity of a paragraph's bag with the rest of the document (total minus own),
/// computed from the total's norm so each paragraph costs only its own words.
fn cosine_with_rest(own: &FastMap<&str, f64>, total: &FastMap<&str, f64>, total_sq: f64) -> f64 {
    let mut dot = 0.0;
    let mut rest_sq = total_sq;
    for (w, x) in own {
        let t = total.get(w).copied().unwrap_or(0.0);
        let r = (t - x).max(0.0);
        dot += x * r;
        rest_sq += r * r - t * t;
    }
    let na: f64 = own.values().map(|x| x * x).sum::<f64>().sqrt();
    let nb = rest_sq.max(0.0).sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Tags a place name can carry: jieba tags many county names nr (武平/nr) or plain n, and tags
/// some common words ns (治安/ns), so the tag alone proves nothing; a place context is required.
const NOUN: &[&str] = &["n", "ns", "nsf", "nr", "nrt", "nrfg", "nr1", "nr2"];
/// Words right after a place name (武平人民, 桐庐县) or right before it (振兴桐庐).
const PLACE_AFTER: &[&str] = &["县", "市", "区", "州", "镇", "乡", "人民", "籍", "经验", "模式", "大地", "群众", "全域"];
const PLACE_BEFORE: &[&str] = &["平安", "美丽", "振兴", "来到", "赴", "振"];

/// Common nouns that begin with a suffix char of PLACE_AFTER: 属地乡镇 is no place + 乡.
const NOT_AFTER: &[&str] = &["乡镇", "乡村", "区域", "区县", "县区", "县域", "市域", "市县", "市场", "市民", "镇街", "州县", "县城", "区划"];

/// Tokens that read as place names: nouns seen at least once in a place context. One pass over
/// the paragraph, so a long paragraph with many words stays linear.
fn place_like<'a>(toks: &[Token<'a>]) -> FastSet<&'a str> {
    let mut out = FastSet::default();
    for (i, t) in toks.iter().enumerate() {
        // A place written with its suffix as one token (婺源县/ns) is its own context.
        if t.pos.starts_with("ns") && split_suffix(t.word).is_some() {
            out.insert(t.word);
            continue;
        }
        if NOUN.contains(&t.pos)
            && t.word.len() <= 9
            && (toks.get(i + 1).is_some_and(|n| !NOT_AFTER.contains(&n.word) && PLACE_AFTER.iter().any(|a| n.word.starts_with(a)))
                || i.checked_sub(1).and_then(|j| toks.get(j)).is_some_and(|p| PLACE_BEFORE.contains(&p.word)))
            && plausible_place(t.word)
        {
            out.insert(t.word);
        }
    }
    out
}

/// A name repeated in one paragraph only, with its count there.
pub(super) type Foreign = Option<(String, usize)>;

/// Per paragraph: (paragraph index, similarity to the rest, foreign name).
pub(super) fn scores(ctx: &Ctx, region: Option<&Region>) -> Vec<(usize, f64, Foreign)> {
    let paras = &ctx.paragraphs;
    if paras.len() < 3 {
        return Vec::new();
    }
    // Every content word lies in a paragraph (they cover all non-blank lines), so the whole
    // text's bag is the sum of theirs: each token is counted once.
    let bags: Vec<FastMap<&str, f64>> = paras.iter().map(|p| bag(ctx.tokens_in(*p))).collect();
    let mut total: FastMap<&str, f64> = FastMap::default();
    for b in &bags {
        for (w, x) in b {
            *total.entry(*w).or_insert(0.0) += x;
        }
    }
    let total_sq: f64 = total.values().map(|x| x * x).sum();
    let text = &ctx.doc.text;
    let mut out = Vec::new();
    for ((i, p), own) in paras.iter().enumerate().zip(bags) {
        let toks = ctx.tokens_in(*p);
        if own.values().sum::<f64>() < MIN_WORDS as f64 {
            continue;
        }
        let sim = cosine_with_rest(&own, &total, total_sq);
        // A name repeated here and written nowhere else (as a substring: 武平 inside 武平县 too).
        let ptext = ctx.slice(*p);
        let places = place_like(toks);
        let foreign = own
            .keys()
            // Cheap token-level test first; the substring count confirms it.
            .filter(|w| total.get(*w) == own.get(*w) && places.contains(*w))
            // 婺源县 is named by its stem: the stem must be the region's no more than the word.
            .map(|w| split_suffix(w).map_or(*w, |(stem, _)| stem))
            .filter(|w| region.is_none_or(|r| r.name != *w))
            .map(|w| (w.to_string(), ptext.matches(w).count()))
            .filter(|(w, n)| *n >= 2 && text.matches(w.as_str()).count() == *n)
            .max_by_key(|(w, n)| (*n, std::cmp::Reverse(w.clone())));
        out.push((i, sim, foreign));
    }
    out
}

pub(super) fn find(ctx: &Ctx, region: Option<&Region>) -> Vec<Anomaly> {
    let mut out = Vec::new();
    // Topic counts of the whole text, made once: the rest of the document is the whole minus
    // the paragraph, not a copy of the text searched again for each paragraph.
    let mut total_topics: Option<Vec<usize>> = None;
    for (i, sim, foreign) in scores(ctx, region) {
        let (Some((name, n)), true) = (foreign, sim < MAX_SIMILARITY) else { continue };
        let Some(p) = ctx.paragraphs.get(i) else { continue };
        let total = total_topics.get_or_insert_with(|| TOPIC_PHRASES.counts(&ctx.doc.text));
        let own = TOPIC_PHRASES.counts(ctx.slice(*p));
        let rest: Vec<usize> = total.iter().zip(&own).map(|(t, o)| t.saturating_sub(*o)).collect();
        let detail = format!(
            "段落反复提到“{name}”（{n}次，全文其他部分未出现），{}与全文{}主题不符（词汇相似度{sim:.2}）",
            paragraph_topic(ctx.tokens_in(*p), &name).map(|t| format!("主题为“{t}”，")).unwrap_or_default(),
            doc_topic(&rest).map(|t| format!("“{t}”")).unwrap_or_default(),
        );
        out.push(Anomaly { kind: AnomalyKind::OffTopic, span: *p, detail });
    }
    out
}

/// The paragraph's most repeated noun (its subject), the foreign name aside.
fn paragraph_topic<'a>(tokens: &[Token<'a>], name: &str) -> Option<&'a str> {
    let mut m: FastMap<&str, (usize, usize)> = FastMap::default();
    for (i, t) in tokens.iter().enumerate() {
        if content(t) && t.word != name && (t.pos.starts_with('n') || t.pos == "vn") {
            m.entry(t.word).or_insert((0, i)).0 += 1;
        }
    }
    m.into_iter().filter(|(_, (n, _))| *n >= 2).max_by_key(|(_, (n, i))| (*n, std::cmp::Reverse(*i))).map(|(w, _)| w)
}

/// The genre subject the rest of the document talks about most, from its topic counts (in
/// [`TOPICS`] order).
fn doc_topic(counts: &[usize]) -> Option<&'static str> {
    TOPICS.iter().zip(counts).map(|(t, n)| (*n, *t)).filter(|(n, _)| *n > 0).max_by_key(|(n, t)| (*n, t.chars().count())).map(|(_, t)| t)
}
