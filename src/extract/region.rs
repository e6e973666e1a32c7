//! The place the document is about (its name without the suffix) and its level.
//!
//! Evidence, strongest first: the headline ("XX市召开…", "XX召开…"), a place written with its
//! suffix (昆山市, 解放区委), the genre's "平安XX" / "美丽XX", and the text's self-reference
//! (我州, 全区, 区委) for the level when the name comes bare. Rules are in `lexicon/places.txt`.

use crate::lexicon::{FastMap, FastSet};
use std::sync::LazyLock;

use super::Ctx;
use crate::lexicon;
use crate::report::{Document, Region, RegionLevel};
use crate::segment::Token;
use crate::text::is_han;

pub(crate) struct Rules {
    suffixes: Vec<(&'static str, RegionLevel)>,
    selves: Vec<(&'static str, RegionLevel)>,
    /// Hashed: `plausible_place` runs for nearly every token of the text.
    stops: FastSet<&'static str>,
    /// One-char stops, which also veto a stem they open (全市, 我县).
    stop_heads: Vec<char>,
    /// Last chars of the suffixes: a quick test before any suffix is tried.
    suffix_ends: Vec<char>,
    /// The one-char self words (区, 县 …) with their levels, for `self_level`.
    self_chars: Vec<(char, RegionLevel)>,
}

pub(crate) static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let file = lexicon::file!("places.txt");
    let [suffixes, selves, stops] = file.by_kind(["suffix", "self", "stop"]);
    // `word level` for a suffix and a self word.
    const LEVELS: [(&str, RegionLevel); 6] = [
        ("province", RegionLevel::Province),
        ("prefecture", RegionLevel::Prefecture),
        ("city", RegionLevel::City),
        ("county", RegionLevel::County),
        ("district", RegionLevel::District),
        ("township", RegionLevel::Township),
    ];
    let with_level = |entry: &'static str| match entry.split_whitespace().collect::<Vec<_>>()[..] {
        [v, l] => (v, file.lookup(l, &LEVELS)),
        _ => file.invalid(format_args!("{entry:?} is not `word level`")),
    };
    let single = |v: &str| {
        let mut cs = v.chars();
        cs.next().filter(|_| cs.next().is_none())
    };
    let suffixes: Vec<_> = suffixes.into_iter().map(with_level).collect();
    let selves: Vec<_> = selves.into_iter().map(with_level).collect();
    Rules {
        suffix_ends: suffixes.iter().filter_map(|(v, _)| v.chars().next_back()).collect(),
        self_chars: selves.iter().filter_map(|&(v, l)| Some((single(v)?, l))).collect(),
        stop_heads: stops.iter().filter_map(|v| single(v)).collect(),
        stops: stops.into_iter().collect(),
        suffixes,
        selves,
    }
});

/// Words that, right after a place name, show it acts as the subject (金坛召开, 大理建设).
const PREFIX_WORDS: &[&str] = &["平安", "美丽"];

/// Tokens of a website's name: a placeholder, never a place (see anomalies).
const SITE_ENDINGS: &[&str] = &["网", "文库", "范文"];

/// Endings of institutions and meetings (区委召开, 会议召开): not places.
const ORG_ENDINGS: [char; 12] = ['委', '会', '议', '府', '局', '院', '部', '办', '厅', '组', '所', '们'];

/// True when `stem` can be a place name: 2–4 Han chars, not a common noun of the stop list.
pub fn plausible_place(stem: &str) -> bool {
    // Han chars are 3 bytes in UTF-8: a cheap length test before any char walk.
    (6..=12).contains(&stem.len())
        && stem.chars().all(is_han)
        && !stem.ends_with(ORG_ENDINGS)
        && !stem.starts_with(&RULES.stop_heads[..])
        && !SITE_ENDINGS.iter().any(|e| stem.ends_with(e))
        && !RULES.stops.contains(stem)
}

/// The level of a whole token that is an administrative suffix (州, 州委, 自治县).
fn suffix_level(word: &str) -> Option<RegionLevel> {
    let w = word.strip_suffix("委").unwrap_or(word);
    RULES.suffixes.iter().find(|(s, _)| *s == w).map(|(_, l)| *l)
}

/// Split an administrative suffix off a word: 昆山市 → (昆山, city); 解放区委 → (解放, district).
pub fn split_suffix(word: &str) -> Option<(&str, RegionLevel)> {
    let w = word.strip_suffix("委").unwrap_or(word);
    // Runs for every token: most end in no suffix char at all.
    if !w.chars().next_back().is_some_and(|c| RULES.suffix_ends.contains(&c)) {
        return None;
    }
    RULES.suffixes.iter().find_map(|(s, l)| {
        let stem = w.strip_suffix(s)?;
        plausible_place(stem).then_some((stem, *l))
    })
}

#[derive(Default)]
struct Cand {
    score: f64,
    level: Option<RegionLevel>,
    first: usize,
}

fn add<'a>(c: &mut FastMap<&'a str, Cand>, stem: &'a str, score: f64, level: Option<RegionLevel>, pos: usize) {
    let e = c.entry(stem).or_insert(Cand { first: pos, ..Cand::default() });
    e.score += score;
    if e.level.is_none() {
        e.level = level;
    }
    e.first = e.first.min(pos);
}

/// Candidates from one token stream: suffixed places, "X市委"-like pairs, 平安X, "X召开".
fn collect<'a>(tokens: &[Token<'a>], weight: f64, c: &mut FastMap<&'a str, Cand>) {
    for (i, t) in tokens.iter().enumerate() {
        // The opening lines name the place the report is about.
        let early = if t.span.0 < OPENING { 1.0 } else { 0.0 };
        if let Some((stem, l)) = split_suffix(t.word) {
            add(c, stem, 2.0 * weight + early, Some(l), t.span.0);
            continue;
        }
        let next = tokens.get(i + 1).map(|n| n.word).unwrap_or("");
        if (t.pos.starts_with('n') || t.pos == "j") && plausible_place(t.word) {
            // A bare name followed by its suffix as a separate token (大理 州委). The suffix
            // must be the whole next token: 年度 + 全县 is not 年度全 + 县.
            if let Some(l) = suffix_level(next) {
                add(c, t.word, 2.0 * weight + early, Some(l), t.span.0);
            } else if (next == "召开" || next == "举行") && (i == 0 || tokens[i - 1].is_punct()) {
                add(c, t.word, 2.0 * weight, None, t.span.0);
            }
        }
        // 平安X names the document's own jurisdiction (平安甘肃建设): as strong as a suffixed
        // name, and enough alone in a speech, whose title names no place.
        if PREFIX_WORDS.contains(&t.word) && plausible_place(next) {
            if let Some(n) = tokens.get(i + 1) {
                add(c, n.word, 2.5 * weight, None, n.span.0);
            }
        }
    }
}

/// Chars of the text counted as its opening.
const OPENING: usize = 200;

/// Level from the text's self-reference: counts of 我区/全区/区委/区政府 … per level.
fn self_level(text: &str) -> Option<RegionLevel> {
    // One pass over the text: every self word is one char, so look at its neighbours.
    let chars = &RULES.self_chars;
    let mut counts = vec![0usize; RULES.selves.len()];
    let mut prev = '\0';
    for (b, c) in text.char_indices() {
        if is_han(c) {
            if let Some(k) = chars.iter().position(|(x, _)| *x == c) {
                let rest = &text[b + c.len_utf8()..];
                let n = usize::from(matches!(prev, '我' | '全' | '本'))
                    + usize::from(["委", "政府", "领导"].iter().any(|s| rest.starts_with(s)));
                counts[k] += n;
            }
        }
        prev = c;
    }
    let mut best: Option<(usize, RegionLevel)> = None;
    for (n, (_, l)) in counts.into_iter().zip(chars.iter()) {
        if n > 0 && best.is_none_or(|(b, _)| n > b) {
            best = Some((n, *l));
        }
    }
    best.map(|(_, l)| l)
}

pub fn extract(ctx: &Ctx, document: &Document) -> Option<Region> {
    let mut c: FastMap<&str, Cand> = FastMap::default();
    if let Some(title) = document.title.as_deref() {
        collect(&crate::segment::tag(title), 3.0, &mut c);
    }
    collect(ctx.tokens, 1.0, &mut c);
    // Frequency in the body decides among candidates; a name seen once is weak evidence. All
    // candidates are counted in one pass (a long text has hundreds of them).
    let text = &ctx.doc.text;
    let mut c: Vec<(&str, Cand)> = c.into_iter().collect();
    c.sort_by_key(|(stem, _)| *stem);
    let freqs = crate::lexicon::Phrases::new(c.iter().map(|(stem, _)| *stem)).counts(text);
    let mut best: Option<(f64, usize, &str, Option<RegionLevel>)> = None;
    for ((stem, cand), freq) in c.into_iter().zip(freqs) {
        let score = cand.score + freq as f64;
        if score < 3.5 {
            continue;
        }
        let better = match &best {
            None => true,
            Some((s, first, _, _)) => score > *s || (score == *s && cand.first < *first),
        };
        if better {
            best = Some((score, cand.first, stem, cand.level));
        }
    }
    let (_, _, name, lvl) = best?;
    let name = name.to_string();
    let level = lvl.or_else(|| self_level(text)).unwrap_or(RegionLevel::Unknown);
    Some(Region { name, level })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{seed, with_ctx, with_document};

    fn region(text: &str) -> Option<(String, RegionLevel)> {
        with_document(text, |ctx, document| extract(ctx, document).map(|r| (r.name, r.level)))
    }

    #[test]
    fn suffix_rules() {
        assert_eq!(split_suffix("昆明市"), Some(("昆明", RegionLevel::City)));
        assert_eq!(split_suffix("江宁区委"), Some(("江宁", RegionLevel::District)));
        assert_eq!(split_suffix("楚雄自治州"), Some(("楚雄", RegionLevel::Prefecture)));
        assert_eq!(split_suffix("全市"), None);
        assert_eq!(split_suffix("示范区"), None);
        assert_eq!(split_suffix("文秘网市"), None);
    }

    #[test]
    fn headline_with_suffix() {
        let r =
            region("嘉兴市召开政法工作会议\n\n2月5日，市委召开全市政法工作会议。会议强调，要建设更高水平的平安嘉兴。");
        assert_eq!(r, Some(("嘉兴".into(), RegionLevel::City)));
    }

    #[test]
    fn bare_name_takes_level_from_self_reference() {
        let text = "溧水召开平安建设推进会\n\n4月2日，我区召开平安溧水建设推进会。区委书记出席会议。全区上下要把平安溧水建设抓在手中，\
                    让溧水更安全。常州市委有关负责同志参加。";
        assert_eq!(region(text), Some(("溧水".into(), RegionLevel::District)));
        let text = "我州召开平安楚雄建设推进会\n\n州委常委出席。要推动平安楚雄建设，全州上下要努力，楚雄要走在前列。";
        assert_eq!(region(text), Some(("楚雄".into(), RegionLevel::Prefecture)));
    }

    #[test]
    fn organiser_with_district_committee() {
        let text = "本报讯 3月2日，江宁区委召开2019年度政法工作会议。区委书记出席会议并讲话。全区政法战线要务实担当。";
        assert_eq!(region(text), Some(("江宁".into(), RegionLevel::District)));
    }

    #[test]
    fn genre_words_before_self_reference_are_not_places() {
        // 2021年度 + 全市 and 动员 + 全县: the word before 全X is no place; the headline's is.
        let text = "龙泉市召开2021年度全市平安建设工作会议\n\n2月9日，市委召开2021年度全市平安建设工作会议。\
                    会议要求，要动员全市上下推进平安建设，部署全市重点工作，确保年度目标完成。";
        assert_eq!(region(text), Some(("龙泉".into(), RegionLevel::City)));
        // A speech: the title names no place; the closing sentence does (平安X, X县).
        let text = "在全县禁毒工作动员部署会上的讲话\n\n同志们：\n今天召开动员部署会，动员全县上下行动起来。\
                    推进全县禁毒工作，部署全县任务。动员全县各级，为建设平安石城、推动石城县高质量发展作出贡献！";
        assert_eq!(region(text), Some(("石城".into(), RegionLevel::County)));
        for w in ["年度", "动员", "推进", "部署", "工作"] {
            assert!(!plausible_place(w), "{w}");
        }
    }

    #[test]
    fn a_speech_names_its_county_once_as_ping_an_x() {
        // 平安X once, in an outline heading; a township named once as a speaker's unit loses.
        let text = "在全县平安建设工作会议上的讲话\n\n同志们：\n今天，县委、县政府召开全县平安建设工作会议。\
                    刚才，县公安局、店前镇作了交流发言。\n二、突出重点，全力打造更高水平的平安岳西\n\
                    全县各级要把平安建设放在全局中谋划，县委平安办要加强督导。";
        assert_eq!(region(text), Some(("岳西".into(), RegionLevel::County)));
    }

    #[test]
    fn nothing_to_find() {
        assert_eq!(
            region("同志们：今天，我们召开全市综治工作会议。去年我文秘网市综治工作成绩显著，我文秘网市要继续努力。"),
            None
        );
        assert_eq!(region(""), None);
        with_ctx("全市全区全县", |ctx| assert_eq!(extract(ctx, &Document::default()), None));
    }

    #[test]
    fn seeds() {
        let s = |p: &str| region(&seed(p));
        assert_eq!(s("000_"), Some(("昆山".into(), RegionLevel::City)));
        assert_eq!(s("001_"), Some(("金坛".into(), RegionLevel::District)));
        assert_eq!(s("002_"), Some(("解放".into(), RegionLevel::District)));
        assert_eq!(s("003_"), None);
        assert_eq!(s("004_"), Some(("大理".into(), RegionLevel::Prefecture)));
    }
}
