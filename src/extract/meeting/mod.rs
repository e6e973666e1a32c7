//! The meeting: name, date, time of day, venue, format, organisers.
//!
//! The announcement is the first sentence saying "…召开/举行 XX会议" or "XX会议(在…)召开"; a
//! speech says "今天，我们召开…". The headline stands in when the body never announces it.

use std::sync::LazyLock;

use regex::Regex;

use super::capped::Capped;
use super::dates::{self, Date, DateMatch};
use super::Ctx;
use crate::lexicon;
use crate::report::{Document, DocumentKind, Meeting, Region, Span};

static LEX: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| lexicon::rows(include_str!("../../lexicon/meeting.txt")).filter_map(|r| Some((*r.first()?, *r.get(1)?))).collect());

fn words(rule: &str) -> Vec<&'static str> {
    let mut v: Vec<&'static str> = LEX.iter().filter(|(r, _)| *r == rule).map(|(_, w)| *w).collect();
    // Longest first, so alternations prefer 电视电话会议 over 视频会.
    v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    v
}

fn alternation(rule: &str) -> String {
    words(rule).iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// A name: no sentence or clause punctuation. Quotes and book-title marks may be part of it
/// (扫黑除恶暨“利剑护航”行动动员部署会, 《条例》宣讲会).
const NAME: &str = r"[^，。；！？：\s]";

/// A name's length before its noun, a venue's, and a name in a speech's title, at most (these
/// long repeats are `Capped`: compiled unbounded, their bounds checked on the match).
const NAME_MAX: usize = 70;
const VENUE_MAX: usize = 30;
const TITLE_NAME_MAX: usize = 80;

/// "召开/举行(了) NAME" ending at punctuation.
static RE_HOLD_NAME: LazyLock<Capped> = LazyLock::new(|| {
    let noun = alternation("noun");
    Capped::new(|b| format!(r"(?:召开|举行)了?(?P<name>(?P<head>{NAME}{{2,{}}}?)(?:{noun}))(?:[，。；！\s（]|$)", b(NAME_MAX)), &[("head", NAME_MAX)])
});

/// "NAME (在 VENUE) 召开/举行" ending at punctuation (the headline form "XX会议召开").
/// A meeting's name may carry a bracketed qualifier ("联席会议（扩大）"), and a manner phrase
/// may stand between it and the verb ("…会议以视频会议形式召开").
static RE_NAME_HELD: LazyLock<Capped> = LazyLock::new(|| {
    let noun = alternation("noun");
    Capped::new(
        |b| format!(r"(?P<name>(?P<head>{NAME}{{2,{}}}?)(?:{noun})(?:（[^（），。]{{1,8}}）)?)(?:在(?P<venue>[^，。；]{{2,{}}}?))?(?:(?:以|通过|采取|采用)[^，。；]{{1,12}}?(?:形式|方式))?(?:隆重|胜利)?(?:召开|举行)(?:[，。；！\s]|$)", b(NAME_MAX), b(VENUE_MAX)),
        &[("head", NAME_MAX), ("venue", VENUE_MAX)],
    )
});

/// A speech announcing its own meeting: "今天，我们召开全市综治工作会议".
static RE_SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"我们(?:在这里|在此)?(?:隆重)?(?:召开|举行)了?(?:这次|今天的)?(?P<name>[^，。；！？\s]{2,40})").expect("speech regex")
});

/// A speech's title names its meeting: "在全县政法工作会议上的讲话", perhaps after the
/// speaker ("区委书记某某在…上的讲话").
static RE_SPEECH_TITLE: LazyLock<Capped> = LazyLock::new(|| {
    Capped::new(
        |b| format!(r"^(?:[^，。；：\s在]{{2,20}}?)?在(?P<name>{NAME}{{4,{}}}?)(?:上|开幕式上|闭幕式上)的(?:[^，。；\s]{{0,6}})(?:讲话|发言|致辞|报告|主持词|总结)", b(TITLE_NAME_MAX)),
        &[("name", TITLE_NAME_MAX)],
    )
});

/// A line that is nothing but a date, perhaps in brackets: a speech's date line "（2024年3月28日）".
static RE_DATE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(〔\[]?\s*(?P<d>[^（）()〔〕\[\]]{6,20}?)\s*[）)〕\]]?$").expect("date line regex"));

static RE_VENUE: LazyLock<Capped> = LazyLock::new(|| {
    Capped::new(|b| format!(r"在(?P<venue>[^，。；在]{{2,{}}}?)(?:隆重|胜利)?(?:召开|举行)", b(VENUE_MAX)), &[("venue", VENUE_MAX)])
});

/// A video meeting's main hall: "在…设主会场", "主会场设在…".
static RE_MAIN_HALL: LazyLock<Capped> = LazyLock::new(|| {
    Capped::new(
        |b| format!(r"在(?P<a>[^，。；在]{{2,{v}}}?)设(?:立)?主会场|主会场设在(?P<b>[^，。；]{{2,{v}}}?)(?:[，。；]|$)", v = b(VENUE_MAX)),
        &[("a", VENUE_MAX), ("b", VENUE_MAX)],
    )
});

/// A sentence of its own about the meeting just announced: "会议在…召开", "会议在…设主会场".
static RE_VENUE_AFTER: LazyLock<Capped> = LazyLock::new(|| {
    Capped::new(
        |b| format!(r"^(?:会议|本次会议|此次会议|大会)(?:在(?P<a>[^，。；在]{{2,{v}}}?)(?:隆重|胜利)?(?:召开|举行)(?:[，。；！\s]|$)|在(?P<b>[^，。；在]{{2,{v}}}?)设(?:立)?主会场|主会场设在(?P<c>[^，。；]{{2,{v}}}?)(?:[，。；]|$))", v = b(VENUE_MAX)),
        &[("a", VENUE_MAX), ("b", VENUE_MAX), ("c", VENUE_MAX)],
    )
});

/// Sentences read after the announcement for its venue.
const VENUE_AFTER: usize = 2;

static RE_LEADING_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:本报讯|本台讯|本网讯)?\s*(?:(?:[0-9０-９]{4}年)?[0-9０-９]{1,2}月[0-9０-９]{1,2}[日号]|[0-9０-９]{3,4}日|今天|昨天|前天|今日|昨日|近日|日前)?\s*(?:上午|下午|晚上|中午|早上|凌晨)?\s*")
        .expect("leading date regex")
});

/// (as written, as reported), longest written form first.
fn format_words() -> &'static [(&'static str, &'static str)] {
    static F: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
        let mut v: Vec<(&str, &str)> = lexicon::rows(include_str!("../../lexicon/meeting.txt"))
            .filter(|r| r.first() == Some(&"format"))
            .filter_map(|r| {
                let w = *r.get(1)?;
                Some((w, r.get(2).copied().unwrap_or(w)))
            })
            .collect();
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        v
    });
    &F
}

/// How the announcement was found.
struct Announcement {
    name: String,
    /// Sentence span in the text (None when taken from the headline).
    span: Option<Span>,
    sentence: String,
    /// Text before 召开 in the clause (organisers, venue, date).
    prefix: String,
    venue: Option<String>,
}

fn clean_name(s: &str) -> String {
    let s = RE_LEADING_DATE.replace(s, "");
    s.trim_start_matches(['了', '的']).trim().to_string()
}

/// Try both announcement forms on one sentence.
fn announce(sentence: &str) -> Option<(String, String, Option<String>)> {
    let a = RE_HOLD_NAME.captures(sentence);
    let b = RE_NAME_HELD.captures(sentence);
    let a_at = a.as_ref().and_then(|c| c.get(0)).map(|m| m.start());
    let b_at = b.as_ref().and_then(|c| c.get(0)).map(|m| m.start());
    // The earlier match names the meeting; a 召开 inside a name (…会议召开前) fails both forms.
    let use_a = match (a_at, b_at) {
        (Some(x), Some(y)) => x < y || b.as_ref().and_then(|c| c.name("name")).is_some_and(|n| clean_name(n.as_str()).chars().count() < 4),
        (Some(_), None) => true,
        _ => false,
    };
    if use_a {
        let c = a?;
        let m = c.get(0)?;
        // "区委决定召开的一次重要会议": a relative clause describing a meeting, no announcement.
        if sentence.get(m.start()..).is_some_and(|t| t.trim_start_matches(['召', '开', '举', '行']).starts_with('的')) {
            return None;
        }
        let name = clean_name(c.name("name")?.as_str());
        let prefix = clause_before(sentence, m.start());
        Some((name, prefix, None)).filter(|(n, _, _)| n.chars().count() >= 4 && !descriptive(n))
    } else {
        let c = b?;
        let name = clean_name(c.name("name")?.as_str());
        let venue = c.name("venue").map(|v| v.as_str().to_string());
        Some((name, String::new(), venue)).filter(|(n, _, _)| n.chars().count() >= 4 && !descriptive(n))
    }
}

/// "一次重要会议", "这次会议": a description of a meeting, not its name.
fn descriptive(name: &str) -> bool {
    ["一次", "这次", "本次", "此次", "一个", "这个", "今天的", "上次"].iter().any(|w| name.starts_with(w))
}

/// The clause that ends at byte `end`: back to the previous comma, colon or sentence start.
fn clause_before(s: &str, end: usize) -> String {
    let head = s.get(..end).unwrap_or("");
    let start = head.rfind(['，', '：', '。', ' ']).map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
    head.get(start..).unwrap_or("").to_string()
}

fn find_announcement(ctx: &Ctx, document: &Document) -> Option<Announcement> {
    // The headline is the fallback: the body's announcement is fuller (全市… vs 昆山市…).
    let heading = |s: &str| Some(s.trim()) == document.title.as_deref() || Some(s.trim()) == document.subtitle.as_deref();
    for sp in &ctx.sentences {
        let s = ctx.slice(*sp);
        if heading(s) {
            continue;
        }
        if let Some((name, prefix, venue)) = announce(s) {
            return Some(Announcement { name, span: Some(*sp), sentence: s.to_string(), prefix, venue });
        }
    }
    if let Some(t) = document.title.as_deref() {
        if let Some((name, prefix, venue)) = announce(t) {
            return Some(Announcement { name, span: None, sentence: t.to_string(), prefix, venue });
        }
    }
    // "——在…上的讲话" is often the subtitle under a slogan title.
    if let Some(name) = [&document.title, &document.subtitle].into_iter().find_map(|t| t.as_deref().and_then(speech_title_name)) {
        return Some(Announcement { name, span: None, sentence: String::new(), prefix: String::new(), venue: None });
    }
    for sp in &ctx.sentences {
        let s = ctx.slice(*sp);
        if let Some(c) = RE_SPEECH.captures(s) {
            // As written, even when the speaker dropped 会议 ("召开全市综治责任书签订").
            let name = c.name("name").map(|n| n.as_str().to_string());
            if let Some(name) = name.filter(|n| n.chars().count() >= 4) {
                return Some(Announcement { name, span: Some(*sp), sentence: s.to_string(), prefix: String::new(), venue: None });
            }
        }
    }
    None
}

/// The meeting named by a speech's title ("在…上的讲话").
fn speech_title_name(title: &str) -> Option<String> {
    let c = RE_SPEECH_TITLE.captures(title.trim())?;
    Some(c.name("name")?.as_str().to_string())
}

/// Endings of an institution that can hold a meeting.
const ORG_ENDINGS: &[&str] =
    &["委", "政府", "府", "院", "局", "办", "部", "会", "厅", "室", "组", "中心", "处", "所", "队", "党组", "办公室", "政法委"];

/// Words between the organisers and 召开 that say how or where, not who: "市委政法委以视频会议
/// 形式召开", "县委在县会议中心召开".
const HOW_WORDS: &[&str] = &["以", "通过", "采取", "采用", "利用", "在", "于"];
/// Adverbs and light verbs right before 召开: "县委、县政府隆重召开", "市委政法委组织召开".
const TRAILING_ADVERBS: &[&str] = &["组织", "牵头", "隆重", "专门", "专题", "再次", "共同", "联合", "又", "今天", "今日"];
/// Conjunctions between two institutions: split only when both sides are institutions
/// (市住房和城乡建设局 stays whole).
const CONJUNCTIONS: &[&str] = &["联合", "会同", "和", "与", "及", "同"];

fn is_org(s: &str) -> bool {
    let n = s.chars().count();
    (2..=20).contains(&n)
        && ORG_ENDINGS.iter().any(|e| s.ends_with(e))
        && !s.starts_with(['我', '全', '本'])
        && s.chars().all(crate::text::is_han)
}

/// Split one 、-separated piece at a conjunction when both sides are institutions.
fn split_conjunction(piece: &str) -> Vec<String> {
    // Three institutions at most make a short piece; a long one is not a list (and the
    // recursion stays shallow on junk).
    if piece.chars().count() > 64 {
        return vec![piece.to_string()];
    }
    for c in CONJUNCTIONS {
        for (i, _) in piece.match_indices(c) {
            let (Some(a), Some(b)) = (piece.get(..i), piece.get(i + c.len()..)) else { continue };
            if is_org(a) {
                let rest = split_conjunction(b);
                if !rest.is_empty() && rest.iter().all(|r| is_org(r)) {
                    return std::iter::once(a.to_string()).chain(rest).collect();
                }
            }
        }
    }
    vec![piece.to_string()]
}

fn organizers(prefix: &str) -> Vec<String> {
    let p = RE_LEADING_DATE.replace(prefix, "");
    let cut = HOW_WORDS.iter().filter_map(|w| p.find(w)).min().unwrap_or(p.len());
    let mut p = p.get(..cut).unwrap_or("").trim();
    while let Some(w) = TRAILING_ADVERBS.iter().find(|w| p.ends_with(*w)) {
        p = p.get(..p.len() - w.len()).unwrap_or("").trim_end();
    }
    p.split('、')
        .flat_map(|s| split_conjunction(s.trim().trim_start_matches('由')))
        .filter(|s| is_org(s))
        .collect()
}

fn clean_venue(v: &str) -> Option<String> {
    let cut = ["以", "通过", "采取"].iter().filter_map(|w| v.find(w)).min().unwrap_or(v.len());
    let v = v.get(..cut).unwrap_or("").trim();
    let bad = v.is_empty()
        || v.chars().count() < 2
        || v.contains("形式")
        || v.contains("方式")
        || v.ends_with('下')
        || v.ends_with('中')
        || !dates::find_dates(v).is_empty();
    (!bad).then(|| v.to_string())
}

fn format_in(s: &str) -> Option<String> {
    // The earliest mention wins; at one position the longest form (list is longest first).
    format_words()
        .iter()
        .filter_map(|(w, as_reported)| s.find(w).map(|i| (i, std::cmp::Reverse(w.len()), *as_reported)))
        .min()
        .map(|(_, _, w)| w.to_string())
}

fn find_format(ctx: &Ctx, ann: Option<&Announcement>) -> Option<String> {
    if let Some(a) = ann {
        if let Some(f) = format_in(&a.sentence).or_else(|| format_in(&a.name)) {
            return Some(f);
        }
    }
    ctx.sentences.iter().map(|sp| ctx.slice(*sp)).filter(|s| {
        (s.contains("形式") || s.contains("方式")) && (s.contains("召开") || s.contains("举行") || s.contains("会议"))
    }).find_map(format_in)
}

/// The reference date for year-less dates: the publication date.
fn published(document: &Document) -> Option<Date> {
    document.published.as_deref().and_then(dates::parse).filter(|d| d.year.is_some())
}

fn name_year(name: &str) -> Option<i32> {
    let y = dates::year_in(name)?;
    let looks_back = words("review").iter().any(|w| name.contains(w));
    Some(if looks_back { y + 1 } else { y })
}

pub fn extract(ctx: &Ctx, document: &Document, _region: Option<&Region>) -> Meeting {
    let ann = find_announcement(ctx, document);
    let mut m = Meeting { format: find_format(ctx, ann.as_ref()), ..Meeting::default() };
    let Some(ann) = ann else { return m };

    // Dates over the unmasked text, so the source line can confirm a damaged one.
    let unmasked = &ctx.doc.unmasked;
    let all = dates::confirmed(unmasked, &dates::find_dates(unmasked));
    // (date, its span is in the text): a headline's date has no span there.
    let in_ann: Option<(DateMatch, bool)> = match ann.span {
        Some(sp) => all.iter().copied().find(|d| sp.covers(&d.span)).map(|d| (d, true)),
        None => dates::find_dates(&ann.sentence)
            .into_iter()
            .find(|d| !d.damaged)
            .map(|d| (d, false))
            .or_else(|| lead_date(ctx, document, &all).map(|d| (d, true))),
    };
    // A speech's date line is the day it was given: the meeting's date when nothing else says.
    let date = in_ann
        .map(|(d, _)| d.date)
        .or_else(|| relative_date(&ann.sentence, document))
        .or_else(|| head_date_line(ctx).filter(|_| document.kind == DocumentKind::Speech || says_today(&ann.sentence)));
    let date = date.map(|d| {
        if d.year.is_some() {
            return d;
        }
        if let Some(p) = published(document) {
            return dates::resolve_year(d, p);
        }
        // The name's year, else the headline's ("X市2023年…工作会议召开").
        if let Some(y) = name_year(&ann.name).or_else(|| document.title.as_deref().and_then(name_year)) {
            return d.with_year(y);
        }
        // Any full date in the text (a source line, a dateline) as the reference.
        match all.iter().find(|x| x.date.year.is_some()) {
            Some(r) => dates::resolve_year(d, r.date),
            None => d,
        }
    });
    m.date = date.map(|d| d.iso());

    m.time_of_day = match in_ann {
        Some((d, true)) => {
            let after: String = unmasked.chars().skip(d.span.1).take(4).collect();
            dates::time_of_day_at(&after)
        }
        _ => None,
    }
    .or_else(|| time_in_prefix(&ann.sentence))
    .map(str::to_string);

    m.venue = ann
        .venue
        .as_deref()
        .and_then(clean_venue)
        .or_else(|| RE_VENUE.captures(&ann.sentence).and_then(|c| c.name("venue")).and_then(|v| clean_venue(v.as_str())))
        .or_else(|| venue_nearby(ctx, document, &ann));
    m.organizers = organizers(&ann.prefix);
    m.name = Some(ann.name);
    m.span = ann.span.or_else(|| {
        // The headline line in the text.
        let t = document.title.as_deref().filter(|t| !t.is_empty())?;
        let b = ctx.doc.text.find(t)?;
        Some(ctx.doc.span_of_bytes(b, b + t.len()))
    });
    m
}

/// The venue when the announcement does not give it: the main hall of a video meeting
/// ("…以视频会议形式召开，在…设主会场"), or a sentence of its own right after the announcement
/// in the same paragraph ("会议在镇便民服务中心三楼会议室召开。"); after a headline
/// announcement, the lead's first sentences.
fn venue_nearby(ctx: &Ctx, document: &Document, ann: &Announcement) -> Option<String> {
    let hall = |s: &str| RE_MAIN_HALL.captures(s).and_then(|c| c.name("a").or_else(|| c.name("b"))).and_then(|v| clean_venue(v.as_str()));
    if let Some(v) = hall(&ann.sentence) {
        return Some(v);
    }
    let heading = |s: &str| Some(s.trim()) == document.title.as_deref() || Some(s.trim()) == document.subtitle.as_deref();
    let after: Vec<Span> = match ann.span {
        Some(sp) => {
            let para_end = ctx.paragraphs.iter().find(|p| p.0 <= sp.0 && sp.0 < p.1).map_or(sp.1, |p| p.1);
            let from = ctx.sentences.partition_point(|s| s.0 < sp.1);
            ctx.sentences.get(from..).unwrap_or(&[]).iter().filter(|s| s.0 < para_end).take(VENUE_AFTER).copied().collect()
        }
        None => ctx.sentences.iter().filter(|s| !heading(ctx.slice(**s)) && !ctx.slice(**s).trim().is_empty()).take(LEAD_SENTENCES).copied().collect(),
    };
    after.iter().find_map(|sp| {
        let c = RE_VENUE_AFTER.captures(ctx.slice(*sp).trim_start())?;
        c.name("a").or_else(|| c.name("b")).or_else(|| c.name("c")).and_then(|v| clean_venue(v.as_str()))
    })
}

/// Body sentences read for a news lead's date when the headline announced the meeting.
const LEAD_SENTENCES: usize = 3;

/// The date opening the news lead ("8月9日下午，…"), for a meeting only the headline names: the
/// lead reports the day of the event it is about.
fn lead_date(ctx: &Ctx, document: &Document, all: &[DateMatch]) -> Option<DateMatch> {
    let heading = |s: &str| Some(s.trim()) == document.title.as_deref() || Some(s.trim()) == document.subtitle.as_deref();
    let sp = ctx.sentences.iter().filter(|sp| !heading(ctx.slice(**sp)) && !ctx.slice(**sp).trim().is_empty()).take(LEAD_SENTENCES).find(|sp| {
        let s = ctx.slice(**sp);
        RE_LEADING_DATE.find(s).is_some_and(|m| m.end() > 0 && !dates::find_dates(m.as_str()).is_empty())
    })?;
    all.iter().copied().find(|d| sp.covers(&d.span))
}

/// Lines read from the top for a date line (title, speaker, date); the body starts after.
const HEAD_LINES: usize = 6;

/// A full date standing alone on one of the first lines, before the body starts.
fn head_date_line(ctx: &Ctx) -> Option<Date> {
    // Unmasked: a date line may have been taken for a web timestamp.
    for sp in ctx.doc.unmasked_lines().into_iter().filter(|l| !ctx.doc.unmasked_slice(*l).trim().is_empty()).take(HEAD_LINES) {
        let t = ctx.doc.unmasked_slice(sp).trim();
        if t.starts_with("同志们") || t.contains('。') {
            return None;
        }
        let Some(d) = RE_DATE_LINE.captures(t).and_then(|c| c.name("d")) else { continue };
        let d = d.as_str().trim();
        if let [one] = dates::find_dates(d).as_slice() {
            // The date is the whole line (a trailing 讲 or 上午 at most).
            if !one.damaged && one.date.year.is_some() && one.span.0 == 0 && one.span.1 + 2 >= d.chars().count() {
                return Some(one.date);
            }
        }
    }
    None
}

fn says_today(sentence: &str) -> bool {
    ["今天", "今日"].iter().any(|w| sentence.contains(w))
}

/// 今天/昨天 at the start of a clause, against the publication date.
fn relative_date(sentence: &str, document: &Document) -> Option<Date> {
    let p = published(document)?;
    let i = ["今天", "今日", "昨天", "昨日", "前天"].iter().filter_map(|w| sentence.find(w)).min()?;
    let (_, delta) = dates::relative_day_at(sentence.get(i..)?)?;
    p.add_days(delta)
}

/// 上午/下午 … before the meeting verb when no date carries it ("下午，市委召开…").
fn time_in_prefix(sentence: &str) -> Option<&'static str> {
    let head: String = sentence.chars().take(16).collect();
    head.char_indices().find_map(|(i, _)| dates::time_of_day_at(head.get(i..)?))
}

#[cfg(test)]
mod tests;
