//! Keywords: TF-IDF over huixi's own token stream with a domain stop-word list.
//!
//! The tokens are the ones every other extractor sees (jieba with HMM and the domain lexicon), so
//! names and domain terms hold together; jieba's own keyword extractor re-segments without HMM.
//!
//! IDF comes from the segmenter's dictionary frequencies, `idf = ln(total / freq)`, instead of
//! jieba's 6 MB idf.txt, which would blow the browser's download budget. Words the dictionary
//! does not know get the median IDF of the document's known words: unknown is neither common nor
//! rare evidence.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::Ctx;
use crate::lexicon;
use crate::report::Keyword;
use crate::segment::Token;

/// How many keywords a report lists.
const TOP: usize = 20;

/// Generic heads of compounds: "信访工作" and "政法工作" are about 信访 and 政法, and count as them.
const GENERIC_HEADS: &[&str] = &["工作"];

pub(crate) static STOP_WORDS: LazyLock<HashSet<&'static str, lexicon::FastHash>> =
    LazyLock::new(|| lexicon::file!("stopwords.txt").rows().flatten().collect());

pub fn extract(ctx: &Ctx) -> Vec<Keyword> {
    rank(ctx.tokens, crate::segment::dict_freqs)
}

/// `extract`, leaving out the pieces of people's names the segmenter split off (和平 of the
/// name 周和平): they are no words of the text.
pub fn extract_with(ctx: &Ctx, people: &[crate::report::Person]) -> Vec<Keyword> {
    let mut names: Vec<crate::report::Span> = people.iter().flat_map(|p| p.mentions.iter().copied()).collect();
    names.sort_unstable_by_key(|s| s.0);
    // Tokens and mentions both in text order: one pass.
    let mut k = 0;
    let mut ends_max = 0;
    let mut kept: Vec<Token> = Vec::with_capacity(ctx.tokens.len());
    for t in ctx.tokens {
        while k < names.len() && names[k].0 < t.span.1 {
            ends_max = ends_max.max(names[k].1);
            k += 1;
        }
        // A mention started before the token ends and ends after it starts: they overlap.
        let overlaps = k > 0 && ends_max > t.span.0;
        if !overlaps {
            kept.push(*t);
        }
    }
    rank(&kept, crate::segment::dict_freqs)
}

/// A token worth counting: a content word of two or more chars, with Han in it, no digits, not a
/// person's name (people are reported on their own) and not a stop word.
fn is_candidate(t: &Token) -> bool {
    let w = t.word;
    // Names of people and places (reported as people and region), titles, time and number
    // words, function words. The tag test first: it is cheap and rejects most tokens; a
    // candidate has 2 chars, one of them Han, so 4 bytes at least.
    if t.pos.starts_with("nr")
        || t.pos.starts_with("ns")
        || matches!(
            t.pos,
            "nnt"
                | "m"
                | "mq"
                | "q"
                | "t"
                | "tg"
                | "r"
                | "p"
                | "c"
                | "u"
                | "uj"
                | "ul"
                | "d"
                | "e"
                | "y"
                | "o"
                | "w"
                | "x"
        )
        || w.len() < 4
    {
        return false;
    }
    let mut chars = 0;
    let mut han = false;
    for c in w.chars() {
        if !crate::text::is_alnum(c) || crate::text::is_numeric(c) {
            return false;
        }
        han |= crate::text::is_han(c);
        chars += 1;
    }
    chars >= 2 && han && !STOP_WORDS.contains(w) && !is_enumeration(w)
}

/// Enumeration markers the segmenter glues into a word: 一是, 二要, 三方面.
fn is_enumeration(w: &str) -> bool {
    let mut cs = w.chars();
    matches!(cs.next(), Some('一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两' | '第'))
        && matches!(
            cs.next(),
            Some(
                '是' | '要'
                    | '则'
                    | '方'
                    | '个'
                    | '一'
                    | '二'
                    | '三'
                    | '四'
                    | '五'
                    | '六'
                    | '七'
                    | '八'
                    | '九'
                    | '十'
            )
        )
}

fn strip_generic_head(word: &str) -> &str {
    for head in GENERIC_HEADS {
        if let Some(rest) = word.strip_suffix(head) {
            if rest.chars().count() >= 2 && !STOP_WORDS.contains(rest) {
                return rest;
            }
        }
    }
    word
}

/// Rank candidate tokens by `count × idf`, top weight 1.0, ties by word.
fn rank(tokens: &[Token], freqs: impl Fn(&[&str]) -> Vec<Option<usize>>) -> Vec<Keyword> {
    let mut counts: lexicon::FastMap<&str, usize> = lexicon::FastMap::default();
    for t in tokens.iter().filter(|t| is_candidate(t)) {
        *counts.entry(strip_generic_head(t.word)).or_default() += 1;
    }
    if counts.is_empty() {
        return Vec::new();
    }
    let mut words: Vec<&str> = counts.keys().copied().collect();
    words.sort_unstable();
    // The base dictionary's total (domain words added to the segmenter barely move it, and a
    // fixed total keeps weights identical across add_words calls).
    let total = crate::segment::dict_total();
    let idfs: Vec<Option<f64>> =
        freqs(&words).into_iter().map(|f| f.map(|f| (total / f.max(1) as f64).ln().max(0.0))).collect();

    let mut known: Vec<f64> = idfs.iter().flatten().copied().collect();
    known.sort_by(f64::total_cmp);
    // With no known word at all, every word gets the same IDF and the ranking is by count.
    let median = known.get(known.len() / 2).copied().unwrap_or(1.0);

    let mut scored: Vec<(f64, &str, usize)> = words
        .iter()
        .zip(idfs)
        .map(|(w, idf)| {
            let n = counts.get(w).copied().unwrap_or(0);
            (n as f64 * idf.unwrap_or(median), *w, n)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.truncate(TOP);
    let top = scored.first().map(|s| s.0).filter(|&w| w > 0.0).unwrap_or(1.0);
    scored
        .into_iter()
        .map(|(w, word, count)| Keyword {
            word: word.to_string(),
            // Rounded so the JSON stays short and stable across platforms' float printing.
            weight: ((w / top) * 10_000.0).round() / 10_000.0,
            count,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::with_ctx;

    use crate::extract::seed;

    fn words(kw: &[Keyword]) -> Vec<&str> {
        kw.iter().map(|k| k.word.as_str()).collect()
    }

    #[test]
    fn seed_000_keywords_are_the_subject() {
        let text = seed("000_");
        assert!(!text.is_empty());
        let kw = with_ctx(&text, extract);
        let w = words(&kw);
        assert_eq!(kw.len(), TOP);
        assert_eq!(kw[0].weight, 1.0);
        assert!(w.contains(&"政法"), "{w:?}");
        assert!(w.contains(&"社会治理"), "{w:?}");
        assert!(w.iter().any(|x| x.starts_with("信访")), "no 信访 term in {w:?}");
        for k in &kw {
            assert!(!STOP_WORDS.contains(k.word.as_str()), "stop word {}", k.word);
            assert!(k.word.chars().count() >= 2);
            assert!(k.count > 0 && k.weight > 0.0 && k.weight <= 1.0);
        }
        // The speaker is a person, reported under people, not a keyword.
        assert!(!w.contains(&"吴新明"), "{w:?}");
        assert!(kw.windows(2).all(|p| p[0].weight >= p[1].weight));
    }

    #[test]
    fn counts_are_term_frequencies() {
        let text = "会议强调，要做好信访工作。信访工作事关群众利益，信访干部要下沉一线。";
        let kw = with_ctx(text, extract);
        let xinfang = kw.iter().find(|k| k.word == "信访").map(|k| k.count);
        assert_eq!(xinfang, Some(3));
        assert!(!words(&kw).contains(&"工作"));
        assert!(!words(&kw).contains(&"信访工作"), "counted as 信访");
        assert!(!words(&kw).contains(&"做好"));
    }

    #[test]
    fn stop_words_numbers_and_punctuation_never_appear() {
        let text = "2021年，全市要切实加强和进一步推进各项工作，确保取得100%实效！！我们要认真落实。";
        let kw = with_ctx(text, extract);
        for k in &kw {
            assert!(!STOP_WORDS.contains(k.word.as_str()), "{}", k.word);
            assert!(!k.word.chars().any(|c| c.is_ascii_digit() || !c.is_alphanumeric()), "{}", k.word);
        }
    }

    #[test]
    fn rare_words_outweigh_common_ones_at_equal_count() {
        // Both twice: the dictionary's rarer domain word must rank above the common one.
        let text = "信访。信访。社会。社会。";
        let kw = with_ctx(text, extract);
        let pos = |w: &str| words(&kw).iter().position(|x| *x == w);
        match (pos("信访"), pos("社会")) {
            (Some(a), Some(b)) => assert!(a < b, "{:?}", words(&kw)),
            other => panic!("missing words {other:?} in {:?}", words(&kw)),
        }
    }

    #[test]
    fn deterministic_and_empty_safe() {
        let text = seed("003_");
        let a = with_ctx(&text, extract);
        let b = with_ctx(&text, extract);
        assert_eq!(a, b);
        assert!(with_ctx("", extract).is_empty());
        assert!(with_ctx("。，！\n\n  ", extract).is_empty());
    }

    #[test]
    fn pieces_of_names_are_no_keywords() {
        // Alone, the segmenter gives 周|和平 and 和平 would be a keyword.
        let text = "领导小组组长周和平主持会议。周和平强调，要抓好信访工作。信访稳定是大事。";
        assert!(words(&with_ctx(text, extract)).contains(&"和平"));
        let people = [crate::report::Person {
            name: "周和平".into(),
            mentions: vec![crate::Span(6, 9), crate::Span(15, 18)],
            ..Default::default()
        }];
        let kw = with_ctx(text, |ctx| extract_with(ctx, &people));
        let w = words(&kw);
        assert!(!w.iter().any(|x| x.contains("和平")), "{w:?}");
        assert!(w.contains(&"信访"), "{w:?}");
    }

    #[test]
    fn a_campaign_keeps_its_first_char() {
        let kw = with_ctx("总结2016年缉枪治爆专项行动。缉枪治爆成效明显。", extract);
        let w = words(&kw);
        assert!(w.contains(&"缉枪治爆"), "{w:?}");
        assert!(!w.contains(&"枪治爆"), "{w:?}");
    }

    #[test]
    fn unknown_words_get_the_median_idf() {
        let toks = [
            Token { word: "甲乙", pos: "n", span: crate::Span(0, 2) },
            Token { word: "丙丁", pos: "n", span: crate::Span(2, 4) },
            Token { word: "戊己", pos: "n", span: crate::Span(4, 6) },
        ];
        // Known: 甲乙 rare, 丙丁 common; 戊己 unknown gets the median of the two known IDFs
        // (the upper one of two), so it ties 甲乙 and the tie is broken by the word.
        let kw = rank(&toks, |ws| {
            ws.iter()
                .map(|w| match *w {
                    "甲乙" => Some(10),
                    "丙丁" => Some(100_000),
                    _ => None,
                })
                .collect()
        });
        assert_eq!(words(&kw), vec!["戊己", "甲乙", "丙丁"]);
        assert_eq!(kw[0].weight, kw[1].weight);
    }
}
