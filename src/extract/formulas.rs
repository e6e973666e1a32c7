//! Numbered political formulas (四个意识, 两个维护, 六稳六保, “532” …).
//!
//! Three sources, in order of trust: the glossed lexicon (src/lexicon/formulas.txt); numbered
//! compounds (两学一做, 五争五最五突破: numeral + word, repeated); and the open pattern, a
//! numeral, up to two chars and a known head (五大行动, 六清行动). Quoted digit codes (“532”, “331”,
//! “3+X”, “1+3+N”) are formulas too; their text keeps the quotes, since a bare 532 or 3+X would
//! read as a number or a sum. A short quoted slogan opening with a numeral (“三零”, “四无”,
//! “五个一”, each item of “三调对接、四级联动”) is a formula whatever its head: the quotes are how
//! a document marks it as a fixed phrase.
//! A lexicon hit wins over anything overlapping it, so 六稳六保 yields 六稳 and 六保.

use crate::lexicon::FastMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Ctx;
use crate::lexicon;
use crate::report::{Formula, Span};

/// formulas.txt: each formula with its gloss.
pub(crate) static LEXICON: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let file = lexicon::file!("formulas.txt");
    let gloss = |(f, g): (&'static str, &'static str)| match g {
        "" => file.invalid(format_args!("{f} has no gloss")),
        g => (f, g),
    };
    let mut v: Vec<_> = file.pairs().map(gloss).collect();
    // Longest first, so 五大发展理念 is found before 发展理念-like shorter entries.
    v.sort_by_key(|(f, _)| std::cmp::Reverse(f.chars().count()));
    v
});

static PHRASES: LazyLock<lexicon::Phrases> = LazyLock::new(|| lexicon::Phrases::new(LEXICON.iter().map(|(f, _)| *f)));

pub(crate) static STOP: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::file!("formula_stop.txt").entries().collect());

/// Chars that, between a numeral and the rest, make a plain count (三年行动, 百日行动,
/// 十九届四中全会) rather than a formula.
/// 是 and 要 are listed too: 二是维护…, 四要全面… are enumeration markers before a verb.
const COUNT_UNITS: &str = "年月日天周次届中期季轮批名位人家户岁点场方是要";

/// Han ideographs as a class body (the crate is built without `unicode-script`, so no \p{Han}).
const HAN: &str = "\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}";

const NUMERALS: &str = "二三四五六七八九十两百千";

/// Classes of [`super::pieces`]: what each pattern's match holds.
const NUMERAL: u32 = 1;
const ONE: u32 = 2;
const QUOTE: u32 = 4;

pub(crate) static OPEN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let mut heads: Vec<&str> = lexicon::file!("formula_heads.txt").entries().collect();
    heads.sort_by_key(|h| std::cmp::Reverse(h.chars().count()));
    let heads: Vec<String> = heads.iter().map(|h| regex::escape(h)).collect();
    let mid = format!("[{HAN}&&[^{NUMERALS}一{COUNT_UNITS}]]");
    Regex::new(&format!("[{NUMERALS}]{{1,2}}{mid}{{0,2}}?(?:{})", heads.join("|"))).ok()
});

/// 两学一做, 三严三实, 五争五最五突破, 三到位一处理: numeral + one or two chars, two to four
/// times. Only the char right after the numeral decides a count (三位 is three people, 三到位
/// is "three in place"), so the second char may be a unit.
static COMPOUND: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let first = format!("[{HAN}&&[^{NUMERALS}一{COUNT_UNITS}个大项]]");
    let second = format!("[{HAN}&&[^{NUMERALS}一]]");
    Regex::new(&format!("(?:[{NUMERALS}一]{first}{second}?){{2,4}}")).ok()
});

/// One item of a list of numbered sets: 六大网络, 五个明显提高 (numeral, 个 or 大, two to four
/// chars of the set's name).
static LISTED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let name = format!("[{HAN}&&[^、的和与及是要{NUMERALS}一]]");
    Regex::new(&format!("[{NUMERALS}]{{1,2}}[个大]{name}{{2,4}}")).ok()
});

/// “532”, “331”: a quoted code of two to five digits that is not a year; “3+X”, “1+3+N”: digits
/// and Latin letters joined by +.
static CODE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new("[“\"]([0-9]{2,5}|[0-9A-Za-z]{1,3}(?:\\+[0-9A-Za-z]{1,3}){1,4})[”\"]").ok());

/// “334楼院协商治理模式”: a quoted name opening with a digit code; the code is the formula.
static PREFIX_CODE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new("“([0-9]{2,5})[\\x{4E00}-\\x{9FFF}]").ok());

/// Chars after a quoted figure that make it an amount or a date (“2023年”, “100万元”), not a code.
const FIGURE_UNITS: &str = "年月日万千百亿元个人名家余多件起次号期届天周岁条项";

/// Words after a quoted number that make it a phone line (“12345”热线), not a formula.
const LINE_WORDS: [&str; 3] = ["热线", "电话", "服务热线"];

/// A quoted part: “…” with no sentence punctuation inside, short enough to be a slogan list.
static QUOTED: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new("“([^“”。，；！？：\n]{2,24})”").ok());

/// Longest quoted numbered slogan (chars, an alternative in parentheses not counted): 五个一,
/// 两降一升, 一人一专班, 三期叠加; longer quoted text is a name or a sentence.
const MAX_SLOGAN: usize = 6;

/// Chars that open a quoted numbered slogan: the numerals, 双 (双升) and 零 (零走访).
const SLOGAN_HEADS: &str = "一二三四五六七八九十两百千双零";

/// Units of time: after the numeral they make a duration (“三年攻坚”, “百日”), not a slogan.
const TIME_UNITS: &str = "年月日天周";

/// Most Han chars a quoted compound's last word may run on past the match (一法律|顾问).
const QUOTE_TAIL: usize = 3;

/// The end of the quote that `span` opens, when only a few Han chars follow it before the
/// closing quote (“一村一法律顾问”).
fn quote_rest(cs: &[char], span: Span) -> Option<usize> {
    if span.0 == 0 || cs.get(span.0 - 1) != Some(&'“') {
        return None;
    }
    let tail = cs.get(span.1..)?.iter().take(QUOTE_TAIL + 1).position(|&c| c == '”')?;
    (tail > 0 && cs[span.1..span.1 + tail].iter().all(|&c| crate::text::is_han(c))).then_some(span.1 + tail)
}

/// The start of a quoted compound's first item that the match left out: `span` opens a
/// numeral and one or two Han chars after the opening quote (“一中心|一张网十联户”).
fn quote_open(cs: &[char], span: Span) -> Option<usize> {
    let is_num = |c: char| crate::text::has_char(NUMERALS, c) || c == '一';
    (2..=3).find_map(|k| {
        let o = span.0.checked_sub(k)?;
        let ok = o > 0
            && cs.get(o - 1) == Some(&'“')
            && is_num(cs[o])
            && cs[o + 1..span.0].iter().all(|&c| crate::text::is_han(c) && !is_num(c))
            && cs.get(span.0).is_some_and(|&c| is_num(c));
        ok.then_some(o)
    })
}

/// The item without its alternatives in parentheses: 一村(格)一警 → 一村一警.
fn without_parens(item: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in item.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Is this quoted item a numbered slogan (三零, 四无, 五个一, 双升, 零走访, 一人一策, 三连冠,
/// 一十百千万, 一村(格)一警)? It opens with a numeral and is short; not a duration (三年,
/// 百日), a congress (二十大, 十九届), a date (七一, 十一) or a word of repetition (一级抓一级).
fn numbered_slogan(item: &str) -> bool {
    let core = without_parens(item);
    let cs: Vec<char> = core.chars().collect();
    if !(2..=MAX_SLOGAN).contains(&cs.len()) || !cs.iter().all(|&c| crate::text::is_han(c)) {
        return false;
    }
    if !crate::text::has_char(SLOGAN_HEADS, cs[0]) {
        return false;
    }
    let numeral = |c: char| crate::text::has_char(NUMERALS, c) || c == '一' || c == '万';
    // “七一”, “十一”, “五四”: a date (the party's, the nation's, the youth's day).
    if cs.iter().all(|&c| numeral(c)) {
        return !(cs.len() == 2 && (cs[1] == '一' || core == "五四"));
    }
    let run = cs.iter().take_while(|&&c| numeral(c)).count();
    let Some(&next) = cs.get(run) else { return false };
    !crate::text::has_char(TIME_UNITS, next)
        && next != '届'
        && (cs.last() != Some(&'大') || run != cs.len() - 1)
        && !repeats_itself(&core)
}

/// The N of an N字 (十字要求, 八字方针) right after a quote, if any.
fn counted_chars_after(rest: &str) -> Option<usize> {
    let rest = rest.strip_prefix('的').unwrap_or(rest);
    let cs: Vec<char> = rest.chars().take(4).collect();
    let run = cs.iter().take_while(|c| crate::text::has_char(NUMERALS, **c) || **c == '一').count();
    if run == 0 || cs.get(run) != Some(&'字') {
        return None;
    }
    let v: Vec<char> = cs[..run].to_vec();
    let digit = |c: char| "一二三四五六七八九".chars().position(|d| d == c).map(|p| p + 1);
    match v[..] {
        ['十'] => Some(10),
        [a] => digit(a),
        ['十', b] => digit(b).map(|d| 10 + d),
        [a, '十'] => digit(a).map(|d| d * 10),
        _ => None,
    }
}

/// 一级抓一级, 一件接一件: the same numeral and word twice is an idiom of repetition, not a
/// numbered formula (三严三实 repeats the numeral with another word).
fn repeats_itself(compound: &str) -> bool {
    let cs: Vec<char> = compound.chars().collect();
    let mut heads: Vec<(char, char)> = Vec::new();
    for w in cs.windows(2) {
        if let [n, c] = w {
            if (crate::text::has_char(NUMERALS, *n) || *n == '一')
                && !(crate::text::has_char(NUMERALS, *c) || *c == '一')
            {
                if heads.contains(&(*n, *c)) {
                    return true;
                }
                heads.push((*n, *c));
            }
        }
    }
    false
}

struct Hit {
    text: String,
    span: Span,
    gloss: Option<&'static str>,
}

pub fn extract(ctx: &Ctx) -> Vec<Formula> {
    let text = ctx.doc.text.as_str();
    let mut hits: Vec<Hit> = Vec::new();
    // Chars taken by a lexicon hit (1) or a pattern hit (2): overlap checks stay linear.
    let mut taken = vec![0u8; ctx.doc.len()];
    let cs = &ctx.chars;
    let is_free = |taken: &[u8], sp: Span| taken.get(sp.0..sp.1).is_some_and(|t| t.iter().all(|&x| x == 0));
    let mark = |taken: &mut [u8], sp: Span, v: u8| {
        if let Some(t) = taken.get_mut(sp.0..sp.1) {
            t.fill(v);
        }
    };
    // Longer entries claim their chars first, then left to right.
    let mut found = PHRASES.find_all(text);
    found.sort_unstable_by_key(|&(k, s, _)| (k, s));
    for (k, s, e) in found {
        let (Some((f, gloss)), span) = (LEXICON.get(k), ctx.doc.span_of_bytes(s, e)) else { continue };
        if !is_free(&taken, span) {
            continue;
        }
        mark(&mut taken, span, 1);
        hits.push(Hit { text: f.to_string(), span, gloss: (!gloss.is_empty()).then_some(*gloss) });
    }
    let preceded_by_number = |s: usize| {
        s > 0
            && cs
                .get(s - 1)
                .is_some_and(|&c| c == '第' || c.is_ascii_digit() || crate::text::has_char(NUMERALS, c) || c == '一')
    };
    // A numeral inside a word (进一步, 统一, 唯一) opens no compound: 进一步统一思想.
    let inside_word = |s: usize| {
        let k = ctx.tokens.partition_point(|t| t.span.1 <= s);
        ctx.tokens.get(k).is_some_and(|t| t.span.0 < s)
    };
    // Every pattern match lies inside one sentence and holds a numeral or a quote mark.
    let sentences = super::pieces(text, crate::text::ends_sentence, |c| match c {
        '一' => ONE,
        '“' | '"' => QUOTE,
        c if crate::text::has_char(NUMERALS, c) => NUMERAL,
        _ => 0,
    });
    // 六大网络、五大系统、四大机制; 五个明显提高、五个稳中有降: a list of numbered sets names
    // each set as a formula, though one alone would be a plain count.
    if let Some(re) = LISTED.as_ref() {
        for (off, piece) in sentences.with(NUMERAL) {
            let mut run: Vec<Span> = Vec::new();
            let flush = |run: &mut Vec<Span>, hits: &mut Vec<Hit>, taken: &mut Vec<u8>| {
                if run.len() >= 2 {
                    for sp in run.iter() {
                        if is_free(taken, *sp) {
                            mark(taken, *sp, 2);
                            hits.push(Hit { text: cs[sp.0..sp.1].iter().collect(), span: *sp, gloss: None });
                        }
                    }
                }
                run.clear();
            };
            for m in re.find_iter(piece) {
                let sp = ctx.doc.span_of_bytes(off + m.start(), off + m.end());
                // The last item ends where its word ends (四大机制|建设目标).
                let k = ctx.tokens.partition_point(|t| t.span.1 <= sp.1);
                let end = match ctx.tokens.get(k) {
                    Some(t) if t.span.0 < sp.1 => t.span.0,
                    _ => sp.1,
                };
                if end < sp.0 + 4 || preceded_by_number(sp.0) {
                    flush(&mut run, &mut hits, &mut taken);
                    continue;
                }
                let sp = Span::new(sp.0, end);
                let joined = run.last().is_some_and(|l| l.1 + 1 == sp.0 && cs.get(l.1) == Some(&'、'));
                if !joined {
                    flush(&mut run, &mut hits, &mut taken);
                }
                run.push(sp);
            }
            flush(&mut run, &mut hits, &mut taken);
        }
    }
    let regexes = [(COMPOUND.as_ref(), true, NUMERAL | ONE), (OPEN.as_ref(), false, NUMERAL)];
    for (re, compound, bits) in regexes {
        let Some(re) = re else { continue };
        for m in sentences.with(bits).flat_map(|(off, piece)| re.find_iter(piece).map(move |m| (off, m))) {
            let (off, m) = m;
            let span = ctx.doc.span_of_bytes(off + m.start(), off + m.end());
            if preceded_by_number(span.0) || STOP.contains(&m.as_str()) || !is_free(&taken, span) {
                continue;
            }
            if compound && (inside_word(span.0) || repeats_itself(m.as_str())) {
                continue;
            }
            // 三省唯一的: a later 一 inside a word (唯一, 统一) is no item of a compound. (Only 一:
            // the segmenter also glues other numerals to a neighbour, 三创|三提升 as 创三.)
            let is_num = |c: char| crate::text::has_char(NUMERALS, c) || c == '一';
            let word_numeral = (span.0 + 1..span.1).any(|p| {
                cs.get(p) == Some(&'一') && {
                    let k = ctx.tokens.partition_point(|t| t.span.1 <= p);
                    ctx.tokens.get(k).is_some_and(|t| t.span.0 < p && !cs.get(t.span.0).is_some_and(|&c| is_num(c)))
                }
            });
            if compound && word_numeral {
                continue;
            }
            // 五大机制 alone and unquoted is a plain count (quoted, or listed with its siblings
            // above, it is a formula).
            let numeral_run = m.as_str().chars().take_while(|c| crate::text::has_char(NUMERALS, *c)).count();
            let big = m.as_str().chars().nth(numeral_run) == Some('大');
            if !compound && big && span.0 > 0 && cs.get(span.0 - 1) != Some(&'“') {
                continue;
            }
            // 一村一警制度: the last item stops where a word of the running text begins.
            let (span, found) = if compound && inside_word(span.1) {
                let k = ctx.tokens.partition_point(|t| t.span.1 <= span.1);
                let cut = ctx.tokens.get(k).map_or(span.1, |t| t.span.0);
                let kept: String = cs.get(span.0..cut).map(|c| c.iter().collect()).unwrap_or_default();
                let last_is_numeral =
                    kept.chars().last().is_some_and(|c| crate::text::has_char(NUMERALS, c) || c == '一');
                let items = kept.chars().filter(|c| crate::text::has_char(NUMERALS, *c) || *c == '一').count();
                if cut <= span.0 || last_is_numeral || items < 2 || repeats_itself(&kept) {
                    continue;
                }
                (Span::new(span.0, cut), kept)
            } else {
                (span, m.as_str().to_string())
            };
            // “一村一法律顾问”: a quoted compound runs to its closing quote, the last item's
            // word whole (法律|顾问 in two tokens).
            // “一中心一张网十联户”: likewise from its opening quote, when what stands between is
            // one more item (a numeral and a word the pattern refused as a unit, 一中心).
            let open = quote_open(cs, span).filter(|&o| compound && is_free(&taken, Span::new(o, span.0)));
            let span = open.map_or(span, |o| Span::new(o, span.1));
            let (span, found) = match quote_rest(cs, span) {
                Some(close) if compound && is_free(&taken, Span::new(span.1, close)) => {
                    let sp = Span::new(span.0, close);
                    (sp, cs[sp.0..sp.1].iter().collect())
                }
                _ if open.is_some() => (span, cs[span.0..span.1].iter().collect()),
                _ => (span, found),
            };
            mark(&mut taken, span, 2);
            hits.push(Hit { text: found, span, gloss: None });
        }
    }
    if let Some(re) = QUOTED.as_ref() {
        for (off, piece, c) in
            sentences.with(QUOTE).flat_map(|(off, piece)| re.captures_iter(piece).map(move |c| (off, piece, c)))
        {
            let (Some(all), Some(inner)) = (c.get(0), c.get(1)) else { continue };
            // “打防管控建、严廉精爱锻”十字要求: the text names the quote as one unit of so many
            // chars; it stays whole.
            if counted_chars_after(&piece[all.end()..])
                == Some(inner.as_str().chars().filter(|c| crate::text::is_han(*c)).count())
            {
                let span = ctx.doc.span_of_bytes(off + inner.start(), off + inner.end());
                if is_free(&taken, span) {
                    mark(&mut taken, span, 2);
                    hits.push(Hit { text: inner.as_str().to_string(), span, gloss: None });
                }
                continue;
            }
            let mut at = off + inner.start();
            for item in inner.as_str().split('、') {
                let from = at;
                at += item.len() + '、'.len_utf8();
                if !numbered_slogan(item) || STOP.contains(&item) {
                    continue;
                }
                let span = ctx.doc.span_of_bytes(from, from + item.len());
                if !is_free(&taken, span) {
                    continue;
                }
                mark(&mut taken, span, 2);
                hits.push(Hit { text: item.to_string(), span, gloss: None });
            }
        }
    }
    if let Some(re) = CODE.as_ref() {
        for (off, c) in sentences.with(QUOTE).flat_map(|(off, piece)| re.captures_iter(piece).map(move |c| (off, c))) {
            let (Some(all), Some(num)) = (c.get(0), c.get(1)) else { continue };
            let is_year = num.as_str().len() == 4 && (num.as_str().starts_with("19") || num.as_str().starts_with("20"));
            let phone = LINE_WORDS.iter().any(|w| text[off + all.end()..].starts_with(w));
            if is_year || phone || !num.as_str().bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            let span = ctx.doc.span_of_bytes(off + all.start(), off + all.end());
            hits.push(Hit { text: format!("“{}”", num.as_str()), span, gloss: None });
        }
    }
    if let Some(re) = PREFIX_CODE.as_ref() {
        for (off, c) in sentences.with(QUOTE).flat_map(|(off, piece)| re.captures_iter(piece).map(move |c| (off, c))) {
            let (Some(all), Some(num)) = (c.get(0), c.get(1)) else { continue };
            let after = text[off + num.end()..].chars().next().unwrap_or(' ');
            let phone = LINE_WORDS.iter().any(|w| text[off + num.end()..].starts_with(w));
            let is_year = num.as_str().len() == 4 && (num.as_str().starts_with("19") || num.as_str().starts_with("20"));
            if is_year || phone || crate::text::has_char(FIGURE_UNITS, after) {
                continue;
            }
            let span = ctx.doc.span_of_bytes(off + num.start(), off + num.end());
            let _ = all;
            hits.push(Hit { text: num.as_str().to_string(), span, gloss: None });
        }
    }
    merge(hits)
}

/// One Formula per text, mentions in text order, formulas by first mention. 一村格一警 and
/// 一村(格)一警 are one formula, named with its alternative.
fn merge(mut hits: Vec<Hit>) -> Vec<Formula> {
    hits.sort_by_key(|h| h.span);
    let mut index: FastMap<String, usize> = FastMap::default();
    let mut out: Vec<Formula> = Vec::new();
    for h in hits {
        let key = without_parens(&h.text);
        match index.get(&key) {
            Some(&i) => {
                if h.text.chars().count() > out[i].text.chars().count() {
                    out[i].text = h.text;
                }
                out[i].mentions.push(h.span)
            }
            None => {
                index.insert(key, out.len());
                out.push(Formula { text: h.text, gloss: h.gloss.map(str::to_string), mentions: vec![h.span] });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::with_ctx;

    fn run(text: &str) -> Vec<Formula> {
        with_ctx(text, extract)
    }

    fn texts(f: &[Formula]) -> Vec<&str> {
        f.iter().map(|x| x.text.as_str()).collect()
    }

    #[test]
    fn lexicon_formulas_carry_glosses_and_merge_mentions() {
        let f = run("全县干部要增强四个意识、坚定四个自信、做到两个维护，切实把四个意识落到实处。");
        assert_eq!(texts(&f), vec!["四个意识", "四个自信", "两个维护"]);
        assert_eq!(f[0].mentions.len(), 2);
        assert!(f[0].gloss.as_deref().is_some_and(|g| g.contains("看齐意识")));
        assert_eq!(f[0].mentions[0], Span::new(7, 11));
    }

    #[test]
    fn compound_and_split_forms_of_liuwen_liubao() {
        let f = run("扎实做好六稳工作、全面落实六保任务，统筹推进六稳六保。");
        assert_eq!(texts(&f), vec!["六稳", "六保"]);
        assert_eq!(f[0].mentions.len(), 2);
        assert_eq!(f[1].mentions.len(), 2);
    }

    #[test]
    fn open_pattern_finds_unseen_formulas() {
        let f =
            run("全力推进“七大行动”，深入开展八清行动，构建三级联动机制，落实两个坚持。二是维护稳定，三要全面推进。");
        let t = texts(&f);
        assert!(t.contains(&"七大行动"), "{t:?}");
        assert!(t.contains(&"八清行动"), "{t:?}");
        assert!(t.contains(&"两个坚持"), "{t:?}");
        assert!(f.iter().all(|x| x.gloss.is_none()));
        assert_eq!(f.len(), 4, "{t:?}");
    }

    #[test]
    fn plain_counts_are_not_formulas() {
        let f = run("他提出三点要求，讲了四点意见，涉及三个方面，实施一系列专项行动，开展三年行动和百日行动，\
坚持一盘棋，稳定是第一责任，第三个五年规划，学习十九届四中全会精神，统一行动。");
        assert!(f.is_empty(), "{:?}", texts(&f));
    }

    #[test]
    fn numbered_compound_slogans() {
        let f = run("今年是我县三争三创三提升三年行动的起步之年，要深化两学一做，落实“一村一警”。");
        let t = texts(&f);
        assert!(t.contains(&"三争三创三提升"), "{t:?}");
        assert!(t.contains(&"两学一做"), "{t:?}");
        assert!(f.iter().find(|x| x.text == "两学一做").is_some_and(|x| x.gloss.is_some()));
        assert!(t.contains(&"一村一警"), "{t:?}");
    }

    #[test]
    fn compound_items_may_end_in_a_unit_char() {
        // 到位 ends in 位, 一次 in 次: only the char after the numeral makes a count.
        let f = run("落实“四到位一问责”要求，推行两到场一回访机制，会上表彰了三位同志。");
        let t = texts(&f);
        assert!(t.contains(&"四到位一问责"), "{t:?}");
        assert!(t.contains(&"两到场一回访"), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("三位")), "{t:?}");
    }

    #[test]
    fn numerals_inside_words_and_repetitions_are_no_compounds() {
        let f = run("要进一步统一思想认识，形成一级抓一级、层层抓落实的格局，坚持一件接一件办。");
        assert!(f.is_empty(), "{:?}", texts(&f));
        let f = run("进一步落实一村一警制度。");
        assert_eq!(texts(&f), vec!["一村一警"]);
    }

    #[test]
    fn quoted_digit_codes_but_not_years() {
        let f = run("列入“246”发展战略，开展“517”专项整治，回顾“2020”年。");
        assert_eq!(texts(&f), vec!["“246”", "“517”"]);
        assert_eq!(f[0].mentions, vec![Span::new(2, 7)]);
    }

    #[test]
    fn quoted_numbered_slogans_are_formulas() {
        let f = run("全镇深入开展“四无”村居创建，落实“五个一”工作法，健全“三调对接、四级联动”机制，\
荣获平安乡镇“九连冠”，实现“十二连创”，学习“二十大”精神，“一站式”服务，推进“三零”示范创建，\
喜迎“七一”和“十一”。");
        let t = texts(&f);
        for want in ["四无", "五个一", "三调对接", "四级联动", "三零"] {
            assert!(t.contains(&want), "{want} missing from {t:?}");
        }
        // A quoted slogan with a numeral is a formula (九连冠, 十二连创 as well as 三连冠).
        for want in ["九连冠", "十二连创"] {
            assert!(t.contains(&want), "{want} missing from {t:?}");
        }
        for not in ["二十大", "一站式", "七一", "十一"] {
            assert!(!t.contains(&not), "{not} in {t:?}");
        }
        let f = run("坚持“两零”目标。又如“百日攻坚”“三年攻坚”和“五大发展理念”。");
        assert_eq!(texts(&f), vec!["两零", "五大发展理念"]);
        assert_eq!(f[0].mentions, vec![Span::new(3, 5)]);
    }

    #[test]
    fn a_package_is_no_formula() {
        assert!(run("推动矛盾纠纷“一站式”受理、“一揽子”调处，一揽子解决群众诉求。").is_empty());
    }

    #[test]
    fn a_quoted_compound_runs_to_its_closing_quote() {
        let f = run("深入推进“一村一法律顾问”制度，落实“一村一警”。");
        assert_eq!(texts(&f), vec!["一村一法律顾问", "一村一警"]);
        let f = run("落实“一中心一张网十联户”机制。");
        assert_eq!(texts(&f), vec!["一中心一张网十联户"]);
    }

    #[test]
    fn quoted_plus_codes_but_not_hotlines() {
        let f = run("建立“1+N”调解组织体系和“1+3+N”网格队伍，推行“2+X”会商机制，拨打“12345”热线，\
“A+B”只是字母。");
        assert_eq!(texts(&f), vec!["“1+N”", "“1+3+N”", "“2+X”"]);
        assert_eq!(f[1].mentions, vec![Span::new(14, 21)]);
    }

    #[test]
    fn quoted_slogans_opening_with_shuang_ling_or_yi() {
        let f = run("实施“双江双城”战略，创建“零上访”村居，落实“一户一档、一户一专员、因户施策”要求，\
实现“两连冠”，推进“一三五”工程和“一十百千”计划，贯彻“查防管控治、学比赶超帮”十字方针，\
坚持“零容忍”。");
        assert_eq!(
            texts(&f),
            vec![
                "双江双城",
                "零上访",
                "一户一档",
                "一户一专员",
                "两连冠",
                "一三五",
                "一十百千",
                "查防管控治、学比赶超帮"
            ]
        );
        // A quote the text does not count as N chars is split as usual.
        let f = run("贯彻“查防管控治、学比赶超帮”要求。");
        assert!(f.is_empty(), "{:?}", texts(&f));
    }

    #[test]
    fn a_digit_code_opening_a_quoted_name() {
        let f = run("推广“246楼栋议事模式”，拨打“12345热线”，完成“2023年度”目标，筹集“100万元”资金。");
        assert_eq!(texts(&f), vec!["246"]);
    }

    #[test]
    fn alternatives_in_parentheses_are_one_formula() {
        let f = run("推进一乡一所建设。全面推进“一乡(镇)一所”工作。");
        assert_eq!(texts(&f), vec!["一乡（镇）一所"]);
        assert_eq!(f[0].mentions.len(), 2);
    }

    #[test]
    fn listed_numbered_sets_but_not_a_lone_count() {
        let f = run("力争实现四个明显下降、三个稳步提升，构建五大网络、三大平台、两大机制的防控体系。");
        assert_eq!(texts(&f), vec!["四个明显下降", "三个稳步提升", "五大网络", "三大平台", "两大机制"]);
        let f = run("围绕构建六大机制建设目标，全力做好两会期间安保。西北三省唯一的示范市。");
        assert_eq!(texts(&f), vec!["两会"]);
    }

    #[test]
    fn junk_gives_no_formula() {
        for t in [
            "",
            "“",
            "“1”",
            "两",
            "五大",
            "“12345678”",
            "十十十十十十意识",
            "“()”",
            "“一(”",
            "“”十字",
            "“甲”十",
            "五大网络、",
        ] {
            assert!(run(t).is_empty(), "{t:?}: {:?}", texts(&run(t)));
        }
        // Quoted numerals, whatever the brackets between them: a slogan, inside its quotes.
        let f = run("“一)二(三”");
        assert_eq!(texts(&f), vec!["一）二（三"]);
        assert_eq!(f[0].mentions, vec![Span::new(1, 6)]);
        let f = run(&"六稳六保".repeat(10_000));
        assert_eq!(texts(&f), vec!["六稳", "六保"]);
        assert!(f.iter().all(|x| x.mentions.len() == 10_000));
    }

    #[test]
    fn seed_000_formulas() {
        let f = with_ctx(include_str!("../../seeds/000_21f538190c88e84a.txt"), extract);
        let t = texts(&f);
        for want in ["四个意识", "四个自信", "两个维护", "十三五", "六稳", "六保"] {
            assert!(t.contains(&want), "{want} missing from {t:?}");
        }
        assert!(f.iter().find(|x| x.text == "四个意识").is_some_and(|x| x.gloss.is_some()));
        assert!(t.contains(&"五争五最五突破"), "{t:?}");
        assert!(t.contains(&"六清行动"), "{t:?}");
        // 两会 is a formula by the annotation conventions.
        assert!(t.contains(&"两会"));
    }

    #[test]
    fn seed_001_formulas() {
        let f = with_ctx(include_str!("../../seeds/001_6d1adbc13df3a9af.txt"), extract);
        let t = texts(&f);
        for want in ["“532”", "五大行动", "十四五"] {
            assert!(t.contains(&want), "{want} missing from {t:?}");
        }
    }
}
