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

pub(crate) struct Rules {
    suffix: Option<Regex>,
    stops: Vec<&'static str>,
    /// Verbs that make a verb-object phrase of what follows (整治顽瘴痼疾攻坚战): a name that
    /// opens with one is no campaign's.
    openers: Vec<&'static str>,
    /// Suffixes that end a campaign's name only when the name is quoted (综合整治, 大排查).
    weak: Vec<&'static str>,
    /// The listed suffixes, weak ones included, for telling 扫黑除恶专项斗争攻坚战 from a new name.
    listed: Vec<&'static str>,
}

pub(crate) static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let [strong, stops, openers, weak] = lexicon::file!("campaigns.txt").by_kind(["suffix", "stop", "opener", "weak"]);
    let listed: Vec<&str> = strong.into_iter().chain(weak.iter().copied()).collect();
    let mut suffixes = listed.clone();
    suffixes.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    // 专项 + what is done + 行动 (专项排查化解行动, 专项清理整顿行动): the generic form, tried
    // before the listed ones so that 专项清理 does not cut 专项清理整顿行动 short. Its middle
    // never holds another suffix's head (行动, 斗争), so 专项斗争 and 专项行动 stay listed ones.
    // Words holding 行 that is no 行动's head (专项执行活动, 专项行政执法行动) count as middle chars.
    let mid = format!("(?:{SPECIAL_MID}|[执履运发通]行|行[政业为])");
    let mut alt = vec![format!("专项{mid}{{1,6}}?(?:行动|活动|整治|治理)")];
    // A quoted name's 行动 (“六清”行动, “三打三治三提升”平安建设冬季亮剑行动): 行动 alone is too
    // common a word to end a name, but after a quoted name it is that name's operation.
    alt.push(format!("”{QUOTED_MID}{{0,10}}?行动"));
    // A quoted name ending in its own 行动 (“秋风行动”, “夏季行动”): the quotes make it a name.
    alt.push(format!("“{QUOTED_MID}{{2,8}}行动”"));
    // A numbered name's 行动 (六清行动): the numbered name is its quotes.
    alt.push(format!("[二三四五六七八九十两]{NUMBERED_MID}行动"));
    alt.extend(suffixes.iter().map(|s| regex::escape(s)));
    // 专项整治行动 is one suffix: take a trailing 行动/活动 along.
    let suffix = Regex::new(&format!("(?:{})(?:行动|活动)?", alt.join("|"))).ok();
    Rules { suffix, stops, openers, weak, listed }
});

/// A char between 专项 and its 行动: Han, not a conjunction, particle, numeral, 专 or the head
/// of another suffix (行动, 活动, 斗争, 攻坚战).
const SPECIAL_MID: &str = "[\\x{4E00}-\\x{9FFF}&&[^和与及的、一二三四五六七八九十两百专行活斗战]]";

/// The word of a numbered name before 行动 (六清): Han, not a count's unit (五大行动, 三年行动,
/// 两项行动 are counts) nor a numeral.
const NUMBERED_MID: &str =
    "[\\x{4E00}-\\x{9FFF}&&[^大个项场年月日天次批类些轮届一二三四五六七八九十两百千万的和与及、等]]";

/// A char between a quoted name and its 行动: Han, not a conjunction or particle.
const QUOTED_MID: &str = "[\\x{4E00}-\\x{9FFF}&&[^和与及的、等]]";

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
    // 十大专项整治行动: a count right before the suffix is the name's when a name precedes it
    // (排风险…促发展十大专项整治行动); alone (打好五场攻坚战) it is no name.
    let mut count_at = s;
    if start == s && k > 0 {
        let t = &toks[k - 1];
        let piece: String = cs.get(t.span.0..t.span.1.min(s)).map(|p| p.iter().collect()).unwrap_or_default();
        if t.span.1 == s
            && is_count(&piece)
            && piece.chars().next().is_some_and(|c| "一二三四五六七八九十两百".contains(c))
        {
            start = t.span.0;
            count_at = start;
            k -= 1;
        }
    }
    while k > 0 && s - start < MAX_NAME {
        let t = &toks[k - 1];
        if ends_name(cs, t, start) {
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
    // A quoted part just before: “331”火灾隐患…, “信访突出问题攻坚化解年”专项行动; the name
    // goes on before it (冬季严打整治“利剑”行动).
    if start > 0 && cs.get(start - 1) == Some(&'”') {
        let from = start.saturating_sub(MAX_NAME + 2);
        if let Some(open) = (from..start - 1).rev().find(|&i| cs[i] == '“') {
            let inner = &cs[open + 1..start - 1];
            if !inner.is_empty() && !inner.iter().any(|c| matches!(c, '。' | '，' | '；' | '“' | '\n')) {
                start = open;
                if open > 0 && is_han(cs[open - 1]) {
                    start = walk_back(ctx, cs, open, MAX_NAME);
                }
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
    // 2016年缉枪治爆专项行动: the year's 年 is no part of the name.
    if cs.get(start) == Some(&'年') && start + 1 < s {
        start += 1;
    }
    // 对黄赌毒…充当“保护伞”问题专项整治: an official 对…问题 name is kept whole, however long.
    if cs.get(start..s).is_some_and(|n| n.ends_with(&['问', '题'])) {
        let from = start.saturating_sub(MAX_DUI);
        let stop = |c: &char| matches!(c, '。' | '，' | '；' | '：' | '\n' | '《' | '》' | '、');
        if let Some(d) = (from..start).rev().take_while(|&i| !stop(&cs[i])).find(|&i| cs[i] == '对') {
            start = d;
        }
    }
    let name = cs.get(start..s).unwrap_or(&[]);
    if RULES
        .openers
        .iter()
        .any(|w| w.chars().count() <= name.len() && name.iter().copied().zip(w.chars()).all(|(a, b)| a == b))
    {
        return None;
    }
    // 一场又一场攻坚战: a count, however written.
    if name.first().is_some_and(|c| "一二三四五六七八九十两".contains(*c))
        && name.get(1).is_some_and(|c| "场个项批次轮类些".contains(*c))
    {
        return None;
    }
    // The count right before the suffix (十大) does not make a name by itself.
    let own = cs
        .get(start..count_at.max(start))
        .map_or(0, |n| n.iter().filter(|c| is_han(**c) || c.is_ascii_digit()).count());
    (own >= 2).then_some(start)
}

/// Whether token `t`, cut at `start` (the name found so far begins there), stands before a
/// campaign's name rather than in it: no Han, a verb or scope word, a place, an enumerator, a
/// count.
fn ends_name(cs: &[char], t: &crate::segment::Token<'_>, start: usize) -> bool {
    let piece_end = t.span.1.min(start);
    let piece: String = cs.get(t.span.0..piece_end).map(|p| p.iter().collect()).unwrap_or_default();
    let whole = piece_end == t.span.1;
    let han = !piece.is_empty() && piece.chars().all(is_han);
    // 积极开展 is one token: a piece ending in a governing verb ends the name too.
    // 常态化暨…行动 segmented 常态|化暨: the 暨 joining two names ends this one too.
    let governed = piece.ends_with('暨') || RULES.stops.iter().any(|w| w.chars().count() >= 2 && piece.ends_with(w));
    // Place names (咸阳市, 某某县大寺乡) scope a campaign, they do not name it (the tagger's
    // ns alone is no proof: it tags 治安 so).
    let place = whole && t.pos == "ns" && piece.ends_with(|c| "市县区省州乡镇村旗盟".contains(c));
    !han || governed
        || place
        || is_enumerator(&piece)
        || RULES.stops.contains(&piece.as_str())
        || is_count(&piece)
        || (whole && stop_pos(t.pos))
}

/// Start of the Han name ending at `at`, walking tokens back while they may belong to a name,
/// at most about `max_len` chars.
fn walk_back(ctx: &Ctx, cs: &[char], at: usize, max_len: usize) -> usize {
    let toks = ctx.tokens;
    let mut k = toks.partition_point(|t| t.span.0 < at);
    let mut start = at;
    while k > 0 && at - start < max_len {
        if ends_name(cs, &toks[k - 1], start) {
            break;
        }
        start = toks[k - 1].span.0;
        k -= 1;
    }
    start
}

/// How far back a 对…问题 name may begin (chars).
const MAX_DUI: usize = 48;

/// 四是, 二要: an enumerator before the name.
fn is_enumerator(piece: &str) -> bool {
    let cs: Vec<char> = piece.chars().collect();
    cs.len() >= 2
        && matches!(cs.last(), Some('是' | '要'))
        && cs[..cs.len() - 1].iter().all(|c| "一二三四五六七八九十".contains(*c))
}

/// Longest run of name chars between two suffixes that still joins them into one name.
const MAX_GAP: usize = 8;

/// Do the chars between a suffix ending at `end` and the next one starting at `next` carry the
/// name on (大排查|大化解|专项行动), rather than end it (大排查，…; 专项斗争和专项整治)?
fn joins(ctx: &Ctx, cs: &[char], end: usize, next: usize) -> bool {
    // 冬季严打整治“利剑”行动: a quoted name may stand between the two when the next is its 行动
    // (not when the first suffix is itself the quoted name: “百日攻坚”专项行动).
    let quoted = cs.get(next) == Some(&'”') && cs.get(end..next).is_some_and(|g| g.contains(&'“'));
    if cs.get(next) == Some(&'”') && !quoted {
        return false;
    }
    let gap_ok = |c: &char| is_han(*c) || (quoted && *c == '“');
    if next < end || next - end > MAX_GAP + 6 || !cs.get(end..next).is_some_and(|g| g.iter().all(gap_ok)) {
        return false;
    }
    if !quoted && next - end > MAX_GAP {
        return false;
    }
    let lo = ctx.tokens.partition_point(|t| t.span.1 <= end);
    let hi = ctx.tokens.partition_point(|t| t.span.0 < next);
    ctx.tokens.get(lo..hi).unwrap_or(&[]).iter().all(|t| {
        let piece: String =
            cs.get(t.span.0.max(end)..t.span.1.min(next)).map(|p| p.iter().collect()).unwrap_or_default();
        let whole = t.span.0 >= end && t.span.1 <= next;
        let governed = RULES.stops.iter().any(|w| w.chars().count() >= 2 && piece.contains(w));
        // 集中整治三大攻坚战: a counted suffix is another thing (大 alone, as in 大化解, is no count).
        let counted =
            is_count(&piece) && piece.chars().any(|c| crate::text::has_char("一二三四五六七八九十两百千几多", c));
        let quote = piece.chars().all(|c| c == '“');
        quote || (!governed && !counted && !RULES.stops.contains(&piece.as_str()) && (!whole || !stop_pos(t.pos)))
    })
}

pub fn extract(ctx: &Ctx) -> Vec<Term> {
    let Some(re) = RULES.suffix.as_ref() else { return Vec::new() };
    let text = ctx.doc.text.as_str();
    let cs = &ctx.chars;
    let mut index: FastMap<String, usize> = FastMap::default();
    let mut out: Vec<Term> = Vec::new();
    let found: Vec<Span> = re.find_iter(text).map(|m| ctx.doc.span_of_bytes(m.start(), m.end())).collect();
    // 打好审判执行攻坚战: a bare 攻坚战 is a figure of speech, not a named operation, unless
    // the document counts its battles (打好五场攻坚战。一要打好政治安全攻坚战).
    static RE_COUNTED_BATTLES: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new("[一二三四五六七八九十两几]+[场大个项]攻坚战").ok());
    let battles_counted = RE_COUNTED_BATTLES.as_ref().is_some_and(|r| r.is_match(text));
    let mut i = 0;
    while i < found.len() {
        let sp = found[i];
        let mut end = sp.1;
        // The longest name ending in a suffix wins: 矛盾纠纷大排查大化解专项行动 is one campaign,
        // its inner 大排查 no end of it.
        let mut last = sp;
        while let Some(next) = found.get(i + 1).filter(|n| joins(ctx, cs, end, n.0)) {
            end = next.1;
            last = *next;
            i += 1;
        }
        i += 1;
        let quoted = cs.get(sp.0) == Some(&'”');
        if quoted {
            // ”…行动 whose middle holds a verb (”期间开展行动) is no name.
            let mid: String = cs[sp.0 + 1..sp.1].iter().collect();
            if RULES.stops.iter().any(|w| w.chars().count() >= 2 && mid.contains(w)) {
                continue;
            }
            // “护航”“利剑”等专项行动: each quoted name is a campaign of its own.
        }
        if let Some(names) = quoted_list_before(cs, sp.0) {
            for span in names {
                let name: String = cs[span.0..span.1].iter().collect();
                add(&mut index, &mut out, name, span);
            }
            continue;
        }
        // The numbered alternative's own match (not a listed suffix opening with a numeral,
        // 三年攻坚行动): numeral, one char of a name, 行动.
        let numbered = sp.1 - sp.0 == 4
            && end == sp.1
            && cs.get(sp.0).is_some_and(|c| "二三四五六七八九十两".contains(*c))
            && cs.get(sp.0 + 1).is_some_and(|c| {
                is_han(*c) && !"大个项场年月日天次批类些轮届一二三四五六七八九十两百千万的和与及、等".contains(*c)
            })
            && cs.get(sp.0 + 2..sp.1) == Some(&['行', '动'][..]);
        if numbered {
            // 第六清行动 or 十六清行动 are no numbered names.
            if sp.0 > 0 && "第一二三四五六七八九十两百千".contains(cs[sp.0 - 1]) {
                continue;
            }
            let span = Span::new(sp.0, end);
            add(&mut index, &mut out, cs[span.0..span.1].iter().collect(), span);
            continue;
        }
        // “秋风行动”: the quoted name whole, with what names it before the quote (a count such
        // as “十大行动” or a saying such as “以实际行动” is none).
        if cs.get(sp.0) == Some(&'“') {
            let inner: String = cs[sp.0 + 1..sp.1 - 3].iter().collect();
            // (以“实际行动”…, 用“具体行动”: a manner, not an operation.)
            let manner = sp.0 > 0 && matches!(cs[sp.0 - 1], '以' | '用' | '诸' | '出')
                || ["实际", "具体", "自觉", "共同", "统一"].iter().any(|w| inner.starts_with(w));
            let said = manner
                || inner.starts_with(['要', '以', '用', '见'])
                || RULES.stops.iter().any(|w| w.chars().count() >= 2 && inner.contains(w));
            let counted = is_count(&inner.chars().take(2).collect::<String>());
            if !said && !counted {
                let start = if sp.0 > 0 && is_han(cs[sp.0 - 1]) { walk_back(ctx, cs, sp.0, MAX_NAME) } else { sp.0 };
                let span = Span::new(start, end);
                add(&mut index, &mut out, cs[span.0..span.1].iter().collect(), span);
            }
            continue;
        }
        // 夏季治安打击整治“百日行动”, 开展“平安护航百日行动”: the quotes close after the suffix;
        // the quoted name is the campaign's, with what names it before the opening quote.
        // (Not when a ”…行动 goes on after the quote: “百日攻坚”专项行动 is named by the next.)
        if !quoted && cs.get(end) == Some(&'”') && found.get(i).is_none_or(|n| n.0 != end) {
            let from = sp.0.saturating_sub(MAX_NAME);
            let open = (from..sp.0).rev().find(|&i| matches!(cs[i], '“' | '”' | '，' | '。' | '；' | '、' | '\n'));
            // A quoted saying (“要抓好百日行动”) holds a verb: no name.
            let name_like = |o: usize| {
                let inner: String = cs[o + 1..sp.0].iter().collect();
                inner.chars().all(|c| is_han(c) || c.is_ascii_digit())
                    && !inner.starts_with('要')
                    && !RULES.stops.iter().any(|w| w.chars().count() >= 2 && inner.contains(w))
            };
            if let Some(open) = open.filter(|&o| cs[o] == '“' && name_like(o)) {
                let start = if open > 0 && is_han(cs[open - 1]) { walk_back(ctx, cs, open, MAX_NAME) } else { open };
                let span = Span::new(start, end + 1);
                add(&mut index, &mut out, cs[span.0..span.1].iter().collect(), span);
                continue;
            }
        }
        let Some(start) = name_start(ctx, cs, if quoted { sp.0 + 1 } else { sp.0 }) else { continue };
        // A quoted 行动 needs its quoted name, and a name of words (“六清”, “331”), not a
        // slogan (“互联网+法制宣传”).
        if quoted && cs.get(sp.0 + 1..sp.0 + 3) != Some(&['专', '项'][..]) {
            let Some(open) = (start..sp.0).rev().find(|&i| cs[i] == '“') else { continue };
            if !cs[open + 1..sp.0].iter().all(|c| is_han(*c) || c.is_ascii_digit()) {
                continue;
            }
        }
        // 综合整治, 大排查: a work item unless its name is quoted (“污染围城”集中整治).
        let tail: String = cs[last.0..last.1].iter().collect();
        if RULES.weak.contains(&tail.as_str()) && !cs[start..end].contains(&'“') {
            continue;
        }
        if tail == "攻坚战" && sp == last && !battles_counted && !cs[start..end].contains(&'“') {
            continue;
        }
        // 扫黑除恶专项斗争三年行动, …专项斗争攻坚战: the 专项斗争 is the campaign; what follows
        // is a phase of it (the convention reduces “扫黑除恶”专项斗争决胜战 so).
        let end = struggle_end(cs, start, end).unwrap_or(end);
        let span = Span::new(start, end);
        let name: String = cs[span.0..span.1].iter().collect();
        add(&mut index, &mut out, name, span);
    }
    merge_variants(out)
}

/// The end of a 专项斗争 inside the name [start, end) when another suffix follows it.
fn struggle_end(cs: &[char], start: usize, end: usize) -> Option<usize> {
    let name = cs.get(start..end)?;
    let at = name.windows(4).position(|w| w == ['专', '项', '斗', '争'])? + 4;
    let rest: String = name[at..].iter().collect();
    (!rest.is_empty() && (RULES.listed.contains(&rest.as_str()) || rest.ends_with('战'))).then_some(start + at)
}

fn add(index: &mut FastMap<String, usize>, out: &mut Vec<Term>, name: String, span: Span) {
    match index.get(&name) {
        Some(&i) => out[i].mentions.push(span),
        None => {
            index.insert(name.clone(), out.len());
            out.push(Term { text: name, mentions: vec![span] });
        }
    }
}

/// Most quoted names in one “甲”“乙”等专项行动 list.
const MAX_LISTED: usize = 8;

/// “护航”“利剑”“飓风”等一系列专项行动: the quoted names listed before 等 (and a count) right
/// before the suffix at `s`, each a campaign of its own.
fn quoted_list_before(cs: &[char], s: usize) -> Option<Vec<Span>> {
    let mut e = s;
    while e > 0 && "一二三四五六七八九十两系列项大批场些".contains(cs[e - 1]) && s - e < 4 {
        e -= 1;
    }
    if e == 0 || cs[e - 1] != '等' {
        return None;
    }
    e -= 1;
    let mut names = Vec::new();
    while names.len() < MAX_LISTED && e > 0 && matches!(cs[e - 1], '”' | '、') {
        if cs[e - 1] == '、' {
            e -= 1;
            continue;
        }
        let close = e - 1;
        let from = close.saturating_sub(MAX_NAME);
        let open = (from..close).rev().find(|&i| matches!(cs[i], '“' | '”' | '、' | '，' | '。'))?;
        if cs[open] != '“' || open + 1 == close || !cs[open + 1..close].iter().all(|c| is_han(*c)) {
            break;
        }
        names.push(Span::new(open, close + 1));
        e = open;
    }
    names.reverse();
    (names.len() >= 2).then_some(names)
}

/// Shortest name two suffixes must share to be one campaign's (chars).
const MIN_STEM: usize = 4;

/// The name without its suffix (扫黑除恶 of 扫黑除恶专项斗争), or the whole when none is listed.
fn stem_of(k: &[char]) -> String {
    let name: String = k.iter().collect();
    let cut = ["专项斗争", "专项行动", "专项活动", "专项整治", "专项治理"]
        .iter()
        .chain(&RULES.listed)
        .filter(|x| name.ends_with(**x))
        .map(|x| x.len())
        .max()
        .unwrap_or(0);
    name[..name.len() - cut].to_string()
}

/// Shortest name two written variants must share to be one campaign (chars).
const MIN_SHARED: usize = 4;

/// One campaign, one chip: 市扫黑除恶专项斗争 and 常态化扫黑除恶专项斗争 (a prefix the boundary
/// missed), 扫黑除恶专项斗争攻坚战 (another suffix after it) and 扫黑除恶专项治乱专项斗争 (a doubled
/// 专项) are mentions of the name they hold when that name is found on its own. The chip is the
/// variant written most often (then the shorter).
fn merge_variants(out: Vec<Term>) -> Vec<Term> {
    let keys: Vec<Vec<char>> =
        out.iter().map(|t| t.text.chars().filter(|c| !matches!(c, '“' | '”')).collect()).collect();
    let mut order: Vec<usize> = (0..out.len()).collect();
    // 专项活动 is the looser word: 扫黑除恶专项斗争 names the campaign over 扫黑除恶专项活动.
    // “雷霆”行动 is the short form of 冬季严打整治“雷霆”行动: on a tie the full name is the chip.
    let loose = |i: usize| out[i].text.ends_with("专项活动") || out[i].text.starts_with('“');
    order.sort_by_key(|&i| (std::cmp::Reverse(out[i].mentions.len()), loose(i), keys[i].len(), i));
    let mut rep: Vec<usize> = (0..out.len()).collect();
    let mut whole: FastMap<String, usize> = FastMap::default();
    let mut tails: FastMap<String, usize> = FastMap::default();
    let mut stems: FastMap<String, usize> = FastMap::default();
    let st = |c: &[char]| c.iter().collect::<String>();
    for &i in &order {
        let k = &keys[i];
        let n = k.len();
        let mut r = tails.get(&st(k)).copied();
        if r.is_none() && n > MIN_SHARED {
            r = (1..=n - MIN_SHARED).find_map(|a| whole.get(&st(&k[a..])).copied());
        }
        if r.is_none() && n > MIN_SHARED {
            r = (MIN_SHARED..n).rev().find_map(|b| {
                let rest = st(&k[b..]);
                whole.get(&st(&k[..b])).copied().filter(|_| RULES.listed.contains(&rest.as_str()))
            });
        }
        if r.is_none() {
            // 扫黑除恶专项治乱专项斗争: the first of two 专项 is a slip.
            let zx = ['专', '项'];
            let hits: Vec<usize> = (0..n.saturating_sub(1)).filter(|&a| k[a..a + 2] == zx).collect();
            if let [a, _] = hits[..] {
                let folded: String = k[..a].iter().chain(&k[a + 2..]).collect();
                r = whole.get(&folded).copied();
            }
        }
        // 扫黑除恶专项活动 beside 扫黑除恶专项斗争: the same name, another suffix.
        let stem = stem_of(k);
        if r.is_none() && stem.len() >= MIN_STEM {
            r = stems.get(&stem).copied();
        }
        let ri = r.unwrap_or(i);
        rep[i] = ri;
        if stem.len() >= MIN_STEM {
            stems.entry(stem).or_insert(ri);
        }
        whole.insert(st(k), ri);
        for a in 1..n.saturating_sub(MIN_SHARED - 1) {
            tails.entry(st(&k[a..])).or_insert(ri);
        }
    }
    let mut merged: Vec<Option<Term>> = Vec::with_capacity(out.len());
    let mut moved: Vec<(usize, Vec<Span>)> = Vec::new();
    for (i, t) in out.into_iter().enumerate() {
        if rep[i] == i {
            merged.push(Some(t));
        } else {
            merged.push(None);
            moved.push((rep[i], t.mentions));
        }
    }
    for (r, m) in moved {
        if let Some(Some(t)) = merged.get_mut(r) {
            t.mentions.extend(m);
        }
    }
    let mut terms: Vec<Term> = merged.into_iter().flatten().collect();
    for t in &mut terms {
        t.mentions.sort_by_key(|m| m.0);
    }
    terms.sort_by_key(|t| t.mentions.first().map_or(0, |m| m.0));
    terms
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
        let t =
            run("要坚决打好五场攻坚战。一要坚决打好网络安全攻坚战。全力推进净网护航百日行动，实施了一系列专项行动。");
        assert_eq!(texts(&t), vec!["网络安全攻坚战", "净网护航百日行动"]);
    }

    #[test]
    fn scope_words_and_long_suffixes() {
        let t = run("全市电信诈骗专项整治行动取得成效，开展矛盾纠纷大排查，全县夏季治安打击整治行动圆满结束。");
        // 大排查 unquoted is a work item, not a campaign.
        assert_eq!(texts(&t), vec!["电信诈骗专项整治行动", "夏季治安打击整治行动"]);
        let t = run("今年是我县三争三创三提升三年行动的起步之年，要积极开展安全隐患大排查。");
        assert_eq!(texts(&t), vec!["三争三创三提升三年行动"]);
    }

    #[test]
    fn a_suffix_inside_a_longer_name_does_not_cut_it() {
        let t = run("全区组织开展安全隐患大排查大整治百日攻坚行动，同时推进消防隐患大排查，\
深化扫黑除恶专项斗争和禁毒专项行动。");
        assert_eq!(texts(&t), vec!["安全隐患大排查大整治百日攻坚行动", "扫黑除恶专项斗争", "禁毒专项行动"]);
        assert_eq!(t[0].mentions, vec![Span::new(6, 22)]);
    }

    #[test]
    fn verbs_before_the_name_are_no_part_of_it() {
        let t = run("要巩固拓展政法队伍教育整顿成果。有人认为专项斗争已经结束，这种想法要不得。");
        assert_eq!(texts(&t), vec!["政法队伍教育整顿"]);
        let t = run("持续推进城乡接合部“净化”环境综合整治，加强对车站周边的综合整治。");
        assert_eq!(texts(&t), vec!["城乡接合部“净化”环境综合整治"]);
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
        let t =
            run("深入开展信访问题源头治理三年攻坚行动，全力打好禁毒人民战争三年攻坚战，实施平安校园建设三年专项行动。");
        assert_eq!(
            texts(&t),
            vec!["信访问题源头治理三年攻坚行动", "禁毒人民战争三年攻坚战", "平安校园建设三年专项行动"]
        );
    }

    #[test]
    fn introducing_verbs_never_open_a_name() {
        let t = run("二要抓好源头治理。结合燃气安全隐患全链条整治行动，围绕校园周边治安乱点集中整治，\
依托城乡结合部环境综合整治，借助“清源”专项行动。");
        // 集中整治, 综合整治 unquoted are work items.
        assert_eq!(texts(&t), vec!["燃气安全隐患全链条整治行动", "“清源”专项行动"]);
    }

    #[test]
    fn a_name_starts_where_the_name_starts() {
        let t = run("某某市政府召开扫黑除恶专项斗争推进会。市扫黑除恶专项斗争领导小组办公室通报，要坚定扫黑除恶专项斗争必胜信心，\
推进常态化扫黑除恶专项斗争，四是扫黑除恶专项斗争要深入，全面推进新一轮扫黑除恶专项斗争。");
        assert_eq!(texts(&t), vec!["扫黑除恶专项斗争"]);
        assert_eq!(t[0].mentions.len(), 6);
        // With no bare mention to fold into.
        assert_eq!(texts(&run("张三通报区扫黑除恶专项斗争进展情况。")), vec!["扫黑除恶专项斗争"]);
        assert_eq!(texts(&run("总结2019年缉毒治乱专项行动经验。")), vec!["缉毒治乱专项行动"]);
        assert_eq!(texts(&run("会议听取了检察机关顽瘴痼疾专项整治情况汇报。")), vec!["顽瘴痼疾专项整治"]);
    }

    #[test]
    fn reporting_verbs_are_no_part_of_the_name() {
        let t = run("会议听取了禁毒人民战争专项行动汇报，总结反电诈专项行动经验，谋划本轮清网专项行动。");
        assert_eq!(texts(&t), vec!["禁毒人民战争专项行动", "反电诈专项行动", "清网专项行动"]);
    }

    #[test]
    fn variants_of_one_campaign_are_one_chip() {
        let t = run("打赢扫黑除恶专项斗争攻坚战。深化扫黑除恶专项斗争。群众对扫黑除恶专项治乱专项斗争的知晓率提高，\
踊跃投身扫黑除恶治乱专项斗争。全院扫黑除恶专项活动有序推进，扫黑除恶专项斗争取得成效。");
        assert_eq!(texts(&t), vec!["扫黑除恶专项斗争", "扫黑除恶治乱专项斗争"]);
        assert_eq!(t[0].mentions.len(), 4);
        assert_eq!(t[1].mentions.len(), 2);
    }

    #[test]
    fn a_lone_battle_is_a_figure_of_speech() {
        assert!(run("会议要求，全力打好审判执行攻坚战，坚决打赢基本解决执行难攻坚战。").is_empty());
        assert!(run("要全力以赴打好春节安保攻坚战。").is_empty());
        // Counted battles are the document's named set; a multi-year one is a named plan.
        let t = run("要坚决打好三场攻坚战。一要坚决打好矛盾化解攻坚战。");
        assert_eq!(texts(&t), vec!["矛盾化解攻坚战"]);
        let t = run("全力打好禁毒人民战争三年攻坚战。");
        assert_eq!(texts(&t), vec!["禁毒人民战争三年攻坚战"]);
    }

    #[test]
    fn a_phase_of_a_struggle_is_the_struggle() {
        let t = run("全县扫黑除恶专项斗争三年行动取得显著成效。");
        assert_eq!(texts(&t), vec!["扫黑除恶专项斗争"]);
        let t = run("坚决打赢扫黑除恶专项斗争收官战。");
        assert_eq!(texts(&t), vec!["扫黑除恶专项斗争"]);
    }

    #[test]
    fn a_middle_word_holding_xing() {
        let t = run("部署开展涉民生案件专项执行活动，开展交通运输专项行政执法行动。");
        assert_eq!(texts(&t), vec!["涉民生案件专项执行活动", "交通运输专项行政执法行动"]);
    }

    #[test]
    fn grasping_a_campaign_is_no_part_of_its_name() {
        let t = run("二、准确把握政法队伍教育整顿的目标任务，深刻领会扫黑除恶专项斗争的意义。");
        assert_eq!(texts(&t), vec!["政法队伍教育整顿", "扫黑除恶专项斗争"]);
    }

    #[test]
    fn counts_and_verb_phrases_are_no_campaigns() {
        assert!(run("一年来打赢了一场又一场攻坚战。").is_empty());
        assert!(run("要坚决打好整治顽瘴痼疾攻坚战。").is_empty());
        assert!(run("开展XX等系列专项斗争。").is_empty());
        assert!(run("持续推进网络环境综合整治，开展矛盾纠纷大排查。").is_empty());
        let t = run("全市排风险保稳定十大专项整治行动顺利推进，要打好五场攻坚战。");
        assert_eq!(texts(&t), vec!["排风险保稳定十大专项整治行动"]);
    }

    #[test]
    fn quoted_operations_ending_in_xingdong() {
        let t = run("扎实开展“七查七摆”和“五清”行动。某某县“两打两治”平安建设冬季亮剑行动全面启动。\
开展冬季严打整治“雷霆”行动，推进“雷霆”行动。实施“互联网+普法”行动。");
        assert_eq!(texts(&t), vec!["“五清”行动", "“两打两治”平安建设冬季亮剑行动", "冬季严打整治“雷霆”行动"]);
        assert_eq!(t[2].mentions.len(), 2);
        let t = run("深入开展七清行动，实施五大行动和三年行动，推进两项行动。");
        assert_eq!(texts(&t), vec!["七清行动"]);
        let t = run("开展了“护航”“亮剑”“暖心”等一系列专项行动。");
        assert_eq!(texts(&t), vec!["“护航”", "“亮剑”", "“暖心”"]);
        let t = run("部署“百日攻坚”专项行动。开展扫黑除恶常态化暨利剑护航百日攻坚行动。");
        assert_eq!(texts(&t), vec!["“百日攻坚”专项行动", "利剑护航百日攻坚行动"]);
        let t = run("印发《警容风纪专项活动实施方案》。开展“访民情”活动。");
        assert_eq!(texts(&t), vec!["警容风纪专项活动"]);
    }

    #[test]
    fn a_long_dui_wenti_name_is_kept_whole() {
        let t = run("召开全市开展对黄赌毒听之任之甚至充当“保护伞”问题专项整治推进会。");
        assert_eq!(texts(&t), vec!["对黄赌毒听之任之甚至充当“保护伞”问题专项整治"]);
    }

    #[test]
    fn junk_gives_no_campaign() {
        for s in [
            "",
            "专项行动",
            "”专项行动",
            "“”专项行动",
            "“专项行动",
            "攻坚战攻坚战",
            "”行动",
            "“”行动",
            "等专项行动",
            "“甲”等行动",
            "十大专项行动",
        ] {
            assert!(run(s).is_empty(), "{s:?}: {:?}", texts(&run(s)));
        }
        // A work item's 专项整治 names the whole item (as 对…问题专项整治 does in a sentence).
        for s in ["问题专项整治", "对问题专项整治"] {
            let t = run(s);
            assert_eq!(texts(&t), vec![s]);
            assert_eq!(t[0].mentions, vec![Span::new(0, s.chars().count())]);
        }
        let t = run(&"开展扫黑除恶专项斗争".repeat(5000));
        assert_eq!(texts(&t), vec!["扫黑除恶专项斗争"]);
        assert_eq!(t[0].mentions.len(), 5000);
        assert_eq!(t[0].mentions[1], Span::new(12, 20), "开展 is left out");
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

    #[test]
    fn quotes_closing_after_the_suffix() {
        let names = |t: &str| run(t).into_iter().map(|c| c.text).collect::<Vec<_>>();
        assert_eq!(names("全县持续开展冬季治安清查整治“百日行动”，取得明显成效。"), vec!["冬季治安清查整治“百日行动”"]);
        assert_eq!(names("镇派出所开展“百日行动”，排查隐患十二处。"), vec!["“百日行动”"]);
        assert_eq!(names("各地扎实开展“护校安园专项行动”。"), vec!["“护校安园专项行动”"]);
        // A quoted name ending in its own 行动.
        assert_eq!(
            names("先后组织“春雷行动”和“清源行动”，开展“五大行动”，以“实际行动”回应关切。"),
            vec!["“春雷行动”", "“清源行动”"]
        );
        // A quote that is no name's: punctuation inside it.
        assert!(names("他说：“要抓好百日行动”。").iter().all(|n| !n.starts_with('“')));
    }
}
