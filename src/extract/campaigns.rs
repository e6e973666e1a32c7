//! Named campaigns (扫黑除恶专项斗争, “信访突出问题攻坚化解年”专项行动 …).
//!
//! A campaign is a suffix from src/lexicon/campaigns.txt (专项斗争, 百日行动, 攻坚战 …) with the
//! name before it: the Han tokens back to a governing verb (开展, 深化, 打好), a scope word
//! (全市), a function word or punctuation. A quoted part right before the name belongs to it
//! and is kept as written, quotes included (“331”火灾隐患专项整治): the quotes are how the
//! documents spell such names. A suffix with no name (五场攻坚战, 一系列专项行动) is a count.

use crate::lexicon::FastMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Ctx;
use crate::lexicon;
use crate::report::{Span, Term};
use crate::text::is_han;

struct Rules {
    suffix: Option<Regex>,
    stops: Vec<&'static str>,
}

static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let mut suffixes = Vec::new();
    let mut stops = Vec::new();
    for row in lexicon::rows(include_str!("../lexicon/campaigns.txt")) {
        match row.as_slice() {
            ["suffix", s] => suffixes.push(*s),
            ["stop", s] => stops.push(*s),
            _ => {}
        }
    }
    suffixes.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    // 专项 + what is done + 行动 (专项排查化解行动, 专项清理整顿行动): the generic form, tried
    // before the listed ones so that 专项清理 does not cut 专项清理整顿行动 short. Its middle
    // never holds another suffix's head (行动, 斗争), so 专项斗争 and 专项行动 stay listed ones.
    let mut alt = vec![format!("专项{SPECIAL_MID}{{1,6}}?(?:行动|活动|整治|治理)")];
    alt.extend(suffixes.iter().map(|s| regex::escape(s)));
    // 专项整治行动 is one suffix: take a trailing 行动/活动 along.
    let suffix = Regex::new(&format!("(?:{})(?:行动|活动)?", alt.join("|"))).ok();
    Rules { suffix, stops }
});

/// A char between 专项 and its 行动: Han, not a conjunction, particle, numeral, 专 or the head
/// of another suffix (行动, 活动, 斗争, 攻坚战).
const SPECIAL_MID: &str = "[\\x{4E00}-\\x{9FFF}&&[^和与及的、一二三四五六七八九十两百专行活斗战]]";

/// Longest name kept (chars, quotes excluded from the count's purpose only loosely).
const MAX_NAME: usize = 16;

/// Parts of speech that never belong to a campaign name.
fn stop_pos(pos: &str) -> bool {
    matches!(pos.chars().next(), Some('m' | 'q' | 'p' | 'c' | 'u' | 'r' | 'x' | 'w' | 'y' | 'e' | 'o'))
        || matches!(pos, "d" | "ad" | "vd" | "mq")
}

/// 三大, 五场, 一系列: a count, not a name.
fn is_count(word: &str) -> bool {
    word.chars().all(|c| crate::text::has_char("一二三四五六七八九十两百千几多大场项个类批系列些", c))
}

static COMPOUND_END: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let mid = "[\\x{4E00}-\\x{9FFF}&&[^一二三四五六七八九十两百千年月日次个项大]]";
    Regex::new(&format!("(?:[一二三四五六七八九十两]{mid}{{1,2}}){{2,4}}$")).ok()
});

/// Start of a numbered compound (五争五最五突破) ending just before `end` and covering it
/// beyond `end`'s current token, if any.
fn compound_before(cs: &[char], end: usize) -> Option<usize> {
    let re = COMPOUND_END.as_ref()?;
    let from = end.saturating_sub(12);
    let window: String = cs.get(from..end)?.iter().collect();
    let m = re.find(&window)?;
    let start = from + window[..m.start()].chars().count();
    (start < end).then_some(start)
}

/// Start of the name before the suffix at `s`, or None when there is none.
fn name_start(ctx: &Ctx, cs: &[char], s: usize) -> Option<usize> {
    let toks = ctx.tokens;
    let mut k = toks.partition_point(|t| t.span.0 < s);
    let mut start = s;
    if let Some(c) = compound_before(cs, s) {
        start = c;
        k = toks.partition_point(|t| t.span.0 < start);
    }
    while k > 0 && s - start < MAX_NAME {
        let t = &toks[k - 1];
        let piece_end = t.span.1.min(start);
        let piece: String = cs.get(t.span.0..piece_end).map(|p| p.iter().collect()).unwrap_or_default();
        let whole = piece_end == t.span.1;
        let han = !piece.is_empty() && piece.chars().all(is_han);
        // 积极开展 is one token: a piece ending in a governing verb ends the name too.
        let governed = RULES.stops.iter().any(|w| w.chars().count() >= 2 && piece.ends_with(w));
        if !han || governed || RULES.stops.contains(&piece.as_str()) || is_count(&piece) || (whole && stop_pos(t.pos)) {
            // 五争五最五突破三年行动: a numbered slogan names the campaign, numerals and all.
            if let Some(c) = compound_before(cs, start) {
                start = c;
                k = toks.partition_point(|t| t.span.0 < start);
                continue;
            }
            break;
        }
        start = t.span.0;
        k -= 1;
    }
    // 我/县 split by the segmenter: the scope word's tail is no part of the name.
    if start > 0 && start + 1 < s {
        let pair: String = cs[start - 1..start + 1].iter().collect();
        if RULES.stops.contains(&pair.as_str()) {
            start += 1;
        }
    }
    // A quoted part just before: “331”火灾隐患…, “信访突出问题攻坚化解年”专项行动.
    if start > 0 && cs.get(start - 1) == Some(&'”') {
        let from = start.saturating_sub(MAX_NAME + 2);
        if let Some(open) = (from..start - 1).rev().find(|&i| cs[i] == '“') {
            let inner = &cs[open + 1..start - 1];
            if !inner.is_empty() && !inner.iter().any(|c| matches!(c, '。' | '，' | '；' | '“' | '\n')) {
                start = open;
            }
        }
    }
    // 结合电动自行车…整治行动 segmented 结合电动|…: a governing verb never opens a name.
    while let Some(w) = RULES.stops.iter().filter(|w| w.chars().count() >= 2).find(|w| {
        let n = w.chars().count();
        start + n < s && cs.get(start..start + n).is_some_and(|p| p.iter().copied().eq(w.chars()))
    }) {
        start += w.chars().count();
    }
    let name_han = cs.get(start..s).map_or(0, |n| n.iter().filter(|c| is_han(**c) || c.is_ascii_digit()).count());
    (name_han >= 2).then_some(start)
}

/// Longest run of name chars between two suffixes that still joins them into one name.
const MAX_GAP: usize = 8;

/// Do the chars between a suffix ending at `end` and the next one starting at `next` carry the
/// name on (大排查|大化解|专项行动), rather than end it (大排查，…; 专项斗争和专项整治)?
fn joins(ctx: &Ctx, cs: &[char], end: usize, next: usize) -> bool {
    if next < end || next - end > MAX_GAP || !cs.get(end..next).is_some_and(|g| g.iter().all(|c| is_han(*c))) {
        return false;
    }
    let lo = ctx.tokens.partition_point(|t| t.span.1 <= end);
    let hi = ctx.tokens.partition_point(|t| t.span.0 < next);
    ctx.tokens.get(lo..hi).unwrap_or(&[]).iter().all(|t| {
        let piece: String = cs.get(t.span.0.max(end)..t.span.1.min(next)).map(|p| p.iter().collect()).unwrap_or_default();
        let whole = t.span.0 >= end && t.span.1 <= next;
        let governed = RULES.stops.iter().any(|w| w.chars().count() >= 2 && piece.contains(w));
        // 集中整治三大攻坚战: a counted suffix is another thing (大 alone, as in 大化解, is no count).
        let counted = is_count(&piece) && piece.chars().any(|c| crate::text::has_char("一二三四五六七八九十两百千几多", c));
        !governed && !counted && !RULES.stops.contains(&piece.as_str()) && (!whole || !stop_pos(t.pos))
    })
}

pub fn extract(ctx: &Ctx) -> Vec<Term> {
    let Some(re) = RULES.suffix.as_ref() else { return Vec::new() };
    let text = ctx.doc.text.as_str();
    let cs = &ctx.chars;
    let mut index: FastMap<String, usize> = FastMap::default();
    let mut out: Vec<Term> = Vec::new();
    let found: Vec<Span> = re.find_iter(text).map(|m| ctx.doc.span_of_bytes(m.start(), m.end())).collect();
    let mut i = 0;
    while i < found.len() {
        let sp = found[i];
        let mut end = sp.1;
        // The longest name ending in a suffix wins: 矛盾纠纷大排查大化解专项行动 is one campaign,
        // its inner 大排查 no end of it.
        while let Some(next) = found.get(i + 1).filter(|n| joins(ctx, cs, end, n.0)) {
            end = next.1;
            i += 1;
        }
        i += 1;
        let Some(start) = name_start(ctx, cs, sp.0) else { continue };
        let span = Span::new(start, end);
        let name: String = cs[span.0..span.1].iter().collect();
        match index.get(&name) {
            Some(&i) => out[i].mentions.push(span),
            None => {
                index.insert(name.clone(), out.len());
                out.push(Term { text: name, mentions: vec![span] });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::with_ctx;

    fn run(text: &str) -> Vec<Term> {
        with_ctx(text, extract)
    }

    fn texts(t: &[Term]) -> Vec<&str> {
        t.iter().map(|x| x.text.as_str()).collect()
    }

    #[test]
    fn names_bounded_by_governing_verbs() {
        let t = run("要深化扫黑除恶专项斗争，深入开展反间谍专项斗争，持续开展政法队伍教育整顿，奋力夺取扫黑除恶专项斗争全面胜利。");
        assert_eq!(texts(&t), vec!["扫黑除恶专项斗争", "反间谍专项斗争", "政法队伍教育整顿"]);
        assert_eq!(t[0].mentions.len(), 2);
        assert_eq!(t[0].mentions[0], Span::new(3, 11));
    }

    #[test]
    fn quoted_names_keep_their_quotes() {
        let t = run("深入开展“矛盾纠纷攻坚化解年”专项行动，抓好“616”消防隐患专项整治。");
        assert_eq!(texts(&t), vec!["“矛盾纠纷攻坚化解年”专项行动", "“616”消防隐患专项整治"]);
    }

    #[test]
    fn battles_and_hundred_day_actions() {
        let t = run("要坚决打好五场攻坚战。一要坚决打好网络安全攻坚战。全力推进净网护航百日行动，实施了一系列专项行动。");
        assert_eq!(texts(&t), vec!["网络安全攻坚战", "净网护航百日行动"]);
    }

    #[test]
    fn scope_words_and_long_suffixes() {
        let t = run("全市电信诈骗专项整治行动取得成效，开展矛盾纠纷大排查，全县夏季治安打击整治行动圆满结束。");
        assert_eq!(texts(&t), vec!["电信诈骗专项整治行动", "矛盾纠纷大排查", "夏季治安打击整治行动"]);
        let t = run("今年是我县三争三创三提升三年行动的起步之年，要积极开展安全隐患大排查。");
        assert_eq!(texts(&t), vec!["三争三创三提升三年行动", "安全隐患大排查"]);
    }

    #[test]
    fn a_suffix_inside_a_longer_name_does_not_cut_it() {
        let t = run("全区组织开展安全隐患大排查大整治百日攻坚行动，同时推进消防隐患大排查，\
深化扫黑除恶专项斗争和禁毒专项行动。");
        assert_eq!(texts(&t), vec!["安全隐患大排查大整治百日攻坚行动", "消防隐患大排查", "扫黑除恶专项斗争", "禁毒专项行动"]);
        assert_eq!(t[0].mentions, vec![Span::new(6, 22)]);
    }

    #[test]
    fn verbs_before_the_name_are_no_part_of_it() {
        let t = run("要巩固拓展政法队伍教育整顿成果。有人认为专项斗争已经结束，这种想法要不得。");
        assert_eq!(texts(&t), vec!["政法队伍教育整顿"]);
        let t = run("持续推进城乡接合部环境综合整治，加强对车站周边的综合整治。");
        assert_eq!(texts(&t), vec!["城乡接合部环境综合整治"]);
    }

    #[test]
    fn words_between_zhuanxiang_and_xingdong() {
        let t = run("全旗扎实开展涉林涉水矛盾纠纷专项排查化解行动，同步推进校园周边环境专项清理整顿行动，\
落实专项资金和专项行动经费。");
        assert_eq!(texts(&t), vec!["涉林涉水矛盾纠纷专项排查化解行动", "校园周边环境专项清理整顿行动"]);
        let t = run("全面推进信访积案化解行动。");
        assert_eq!(texts(&t), vec!["信访积案化解行动"]);
    }

    #[test]
    fn a_span_of_years_belongs_to_the_suffix() {
        let t = run("深入开展信访问题源头治理三年攻坚行动，全力打好禁毒人民战争三年攻坚战，实施平安校园建设三年专项行动。");
        assert_eq!(texts(&t), vec!["信访问题源头治理三年攻坚行动", "禁毒人民战争三年攻坚战", "平安校园建设三年专项行动"]);
    }

    #[test]
    fn introducing_verbs_never_open_a_name() {
        let t = run("二要抓好源头治理。结合燃气安全隐患全链条整治行动，围绕校园周边治安乱点集中整治，\
依托城乡结合部环境综合整治，借助“清源”专项行动。");
        assert_eq!(
            texts(&t),
            vec!["燃气安全隐患全链条整治行动", "校园周边治安乱点集中整治", "城乡结合部环境综合整治", "“清源”专项行动"]
        );
    }

    #[test]
    fn junk_never_panics() {
        for s in ["", "专项行动", "”专项行动", "“”专项行动", "“专项行动", "攻坚战攻坚战"] {
            let _ = run(s);
        }
        let _ = run(&"开展扫黑除恶专项斗争".repeat(5000));
    }

    #[test]
    fn seed_000_campaigns() {
        let t = with_ctx(include_str!("../../seeds/000_21f538190c88e84a.txt"), extract);
        let names = texts(&t);
        let sh = t.iter().find(|x| x.text == "扫黑除恶专项斗争");
        assert!(sh.is_some_and(|x| x.mentions.len() >= 2), "{names:?}");
        assert!(names.contains(&"政法队伍教育整顿"), "{names:?}");
        assert!(names.contains(&"蓝盾护航百日行动"), "{names:?}");
        assert!(names.contains(&"“331”火灾隐患专项整治"), "{names:?}");
    }

    #[test]
    fn seed_001_and_002_campaigns() {
        let t = with_ctx(include_str!("../../seeds/001_6d1adbc13df3a9af.txt"), extract);
        let names = texts(&t);
        assert!(names.contains(&"政治安全攻坚战"), "{names:?}");
        assert!(names.contains(&"“信访突出问题攻坚化解年”专项行动"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("五场")), "{names:?}");
        let t = with_ctx(include_str!("../../seeds/002_2a42e34fa21be9dc.txt"), extract);
        let names = texts(&t);
        assert!(names.contains(&"反间谍专项斗争"), "{names:?}");
        assert!(names.contains(&"“污染围城”集中整治"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("一系列")), "{names:?}");
    }
}
