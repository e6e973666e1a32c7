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

pub(crate) static TOPICS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::file!("topics.txt").entries().collect());
static TOPIC_PHRASES: LazyLock<lexicon::Phrases> = LazyLock::new(|| lexicon::Phrases::new(TOPICS.iter().copied()));

fn content(t: &Token) -> bool {
    // Two Han chars or more: a Han char takes 3 or 4 bytes, so 6 bytes of Han are 2 chars.
    (t.pos.starts_with('n') || t.pos.starts_with('v') || t.pos.starts_with('a') || matches!(t.pos, "j" | "l" | "i"))
        && t.word.len() >= 6
        && t.word.chars().all(is_han)
}

/// The content words of each paragraph as (word id, count), sorted by id, with the words behind
/// the ids and the whole text's count of each. One hash lookup per content token: a paragraph's
/// counts come from sorting its ids, and the total from adding the paragraphs' counts (every
/// content word lies in a paragraph, since paragraphs cover all non-blank lines).
struct Bags<'a> {
    words: Vec<&'a str>,
    paras: Vec<Vec<(u32, f64)>>,
    total: Vec<f64>,
}

impl<'a> Bags<'a> {
    fn new(ctx: &Ctx<'a>) -> Self {
        let mut ids: FastMap<&'a str, u32> = FastMap::default();
        let mut words = Vec::new();
        let mut total: Vec<f64> = Vec::new();
        let mut scratch: Vec<u32> = Vec::new();
        let paras = ctx
            .paragraphs
            .iter()
            .map(|p| {
                scratch.clear();
                for t in ctx.tokens_in(*p).iter().filter(|t| content(t)) {
                    let id = *ids.entry(t.word).or_insert_with(|| {
                        words.push(t.word);
                        total.push(0.0);
                        (words.len() - 1) as u32
                    });
                    scratch.push(id);
                }
                scratch.sort_unstable();
                let mut own: Vec<(u32, f64)> = Vec::new();
                for &id in &scratch {
                    match own.last_mut() {
                        Some((last, n)) if *last == id => *n += 1.0,
                        _ => own.push((id, 1.0)),
                    }
                }
                for &(id, n) in &own {
                    total[id as usize] += n;
                }
                own
            })
            .collect();
        Bags { words, paras, total }
    }
}

/// Cosine similarity of a paragraph's bag with the rest of the document (total minus own),
/// computed from the total's norm so each paragraph costs only its own words. Counts are whole
/// numbers, so the sums are exact whatever their order.
fn cosine_with_rest(own: &[(u32, f64)], total: &[f64], total_sq: f64) -> f64 {
    let mut dot = 0.0;
    let mut rest_sq = total_sq;
    let mut own_sq = 0.0;
    for &(id, x) in own {
        let t = total.get(id as usize).copied().unwrap_or(0.0);
        let r = (t - x).max(0.0);
        dot += x * r;
        rest_sq += r * r - t * t;
        own_sq += x * x;
    }
    let na = f64::sqrt(own_sq);
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
const PLACE_AFTER: &[&str] =
    &["县", "市", "区", "州", "镇", "乡", "人民", "籍", "经验", "模式", "大地", "群众", "全域"];
const PLACE_BEFORE: &[&str] = &["平安", "美丽", "振兴", "来到", "赴", "振"];

/// Common nouns that begin with a suffix char of PLACE_AFTER: 属地乡镇 is no place + 乡.
const NOT_AFTER: &[&str] =
    &["乡镇", "乡村", "区域", "区县", "县区", "县域", "市域", "市县", "市场", "市民", "镇街", "州县", "县城", "区划"];

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
            && (toks
                .get(i + 1)
                .is_some_and(|n| !NOT_AFTER.contains(&n.word) && PLACE_AFTER.iter().any(|a| n.word.starts_with(a)))
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
#[cfg(test)]
pub(super) fn scores(ctx: &Ctx, region: Option<&Region>) -> Vec<(usize, f64, Foreign)> {
    scores_where(ctx, region, |_| true)
}

/// [`scores`], looking for a foreign name only in paragraphs whose similarity passes `wanted`
/// (the others get `None`): finding place-like words is most of the cost, and a paragraph on
/// the document's subject cannot be off-topic whatever it names.
fn scores_where(ctx: &Ctx, region: Option<&Region>, wanted: impl Fn(f64) -> bool) -> Vec<(usize, f64, Foreign)> {
    let paras = &ctx.paragraphs;
    if paras.len() < 3 {
        return Vec::new();
    }
    let bags = Bags::new(ctx);
    let total_sq: f64 = bags.total.iter().map(|x| x * x).sum();
    let mut out = Vec::new();
    // Per scored paragraph (index into `out`): names repeated there, with their counts there.
    let mut candidates: Vec<(usize, Vec<(&str, usize)>)> = Vec::new();
    for ((i, p), own) in paras.iter().enumerate().zip(&bags.paras) {
        let words: f64 = own.iter().map(|(_, n)| n).sum();
        if words < MIN_WORDS as f64 {
            continue;
        }
        let sim = cosine_with_rest(own, &bags.total, total_sq);
        out.push((i, sim, None));
        if !wanted(sim) {
            continue;
        }
        // A name repeated here and written nowhere else (as a substring: 武平 inside 武平县 too).
        let places = place_like(ctx.tokens_in(*p));
        let mut stems: Vec<&str> = own
            .iter()
            // Cheap token-level test first; substring counts confirm it below.
            .filter(|(id, n)| bags.total.get(*id as usize) == Some(n) && places.contains(bags.words[*id as usize]))
            .map(|(id, _)| bags.words[*id as usize])
            // 婺源县 is named by its stem: the stem must be the region's no more than the word.
            .map(|w| split_suffix(w).map_or(w, |(stem, _)| stem))
            .filter(|w| region.is_none_or(|r| r.name != *w))
            .collect();
        if stems.is_empty() {
            continue;
        }
        stems.sort_unstable();
        stems.dedup();
        let here = lexicon::Phrases::new(stems.iter().copied()).counts_apart(ctx.slice(*p));
        let repeated: Vec<(&str, usize)> = stems.into_iter().zip(here).filter(|(_, n)| *n >= 2).collect();
        if !repeated.is_empty() {
            candidates.push((out.len() - 1, repeated));
        }
    }
    // Every candidate counted in the whole text in one pass (not one search of the text each).
    let mut names: Vec<&str> = candidates.iter().flat_map(|(_, c)| c.iter().map(|(w, _)| *w)).collect();
    names.sort_unstable();
    names.dedup();
    let everywhere = lexicon::Phrases::new(names.iter().copied()).counts_apart(&ctx.doc.text);
    for (k, repeated) in candidates {
        let in_text = |w: &str| names.binary_search(&w).ok().and_then(|j| everywhere.get(j)).copied();
        out[k].2 = repeated
            .into_iter()
            .filter(|(w, n)| in_text(w) == Some(*n))
            .max_by_key(|(w, n)| (*n, std::cmp::Reverse(*w)))
            .map(|(w, n)| (w.to_string(), n));
    }
    out
}

pub(super) fn find(ctx: &Ctx, region: Option<&Region>) -> Vec<Anomaly> {
    let mut out = Vec::new();
    // Topic counts of the whole text, made once: the rest of the document is the whole minus
    // the paragraph, not a copy of the text searched again for each paragraph.
    let mut total_topics: Option<Vec<usize>> = None;
    for (i, sim, foreign) in scores_where(ctx, region, |sim| sim < MAX_SIMILARITY) {
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
    TOPICS
        .iter()
        .zip(counts)
        .map(|(t, n)| (*n, *t))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, t)| (*n, t.chars().count()))
        .map(|(_, t)| t)
}
