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

/// The kinds of meeting.txt's rows, as indices into [`LEX`].
const NOUN: usize = 0;
const FORMAT: usize = 1;
const REVIEW: usize = 2;
const ROOM: usize = 3;
const CITY: usize = 4;

/// meeting.txt's entries, a list per kind, each longest first (so alternations prefer
/// 电视电话会议 over 视频会).
pub(crate) static LEX: LazyLock<[Vec<&'static str>; 5]> = LazyLock::new(|| {
    let mut lex = lexicon::file!("meeting.txt").by_kind(["noun", "format", "review", "room", "city"]);
    for v in &mut lex {
        v.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    }
    lex
});

fn words(kind: usize) -> &'static [&'static str] {
    &LEX[kind]
}

fn alternation(kind: usize) -> String {
    words(kind).iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// A name: no sentence or clause punctuation. Quotes and book-title marks may be part of it
/// (扫黑除恶暨“利剑护航”行动动员部署会, 《条例》宣讲会).
const NAME: &str = r"[^，。；！？：\s]";

/// A name's length before its noun, a venue's, and a name in a speech's title, at most (these
/// long repeats are `Capped`: compiled unbounded, their bounds checked on the match).
const NAME_MAX: usize = 70;
const VENUE_MAX: usize = 30;
const TITLE_NAME_MAX: usize = 80;

/// What the sentence goes on to do right after a name with no comma: "召开全县政法工作会议部署…".
const AFTER_NAME: &str = "部署|研究|传达|总结|安排|动员|学习|贯彻|听取|通报|分析";

/// "召开/举行(了) NAME" ending at punctuation or a verb of its business; a bracketed qualifier
/// stays ("领导小组会议（扩大）").
static RE_HOLD_NAME: LazyLock<Capped> = LazyLock::new(|| {
    let noun = alternation(NOUN);
    Capped::new(
        |b| {
            format!(
                r"(?:召开|举行|举办)了?(?P<name>(?P<head>{NAME}{{2,{}}}?)(?:{noun})(?:（[^（），。]{{1,8}}）)?)(?:[，。；！\s（]|$|{AFTER_NAME})",
                b(NAME_MAX)
            )
        },
        &[("head", NAME_MAX)],
    )
});

/// "NAME (在 VENUE) 召开/举行" ending at punctuation (the headline form "XX会议召开").
/// A meeting's name may carry a bracketed qualifier ("联席会议（扩大）"), and a manner phrase
/// may stand between it and the verb ("…会议以视频会议形式召开"), and so may a time ("…会议于3月2日
///上午在…召开").
static RE_NAME_HELD: LazyLock<Capped> = LazyLock::new(|| {
    let noun = alternation(NOUN);
    Capped::new(
        |b| {
            format!(
                r"(?P<name>(?P<head>{NAME}{{2,{}}}?)(?:{noun})(?:（[^（），。]{{1,8}}）)?)(?:于[^，。；在]{{2,16}}?|{HELD_WHEN})?(?:在(?P<venue>[^，。；]{{1,{}}}?))?(?:(?:以|通过|采取|采用)[^，。；]{{1,12}}?(?:形式|方式))?(?:隆重|胜利|顺利|正式|合并|联合|同时)?(?:召开|举行|举办)(?:[，。；！\s]|$)",
                b(NAME_MAX),
                b(VENUE_MAX)
            )
        },
        &[("head", NAME_MAX), ("venue", VENUE_MAX)],
    )
});

/// A day written with no 于 between a name and its verb: "…会议3月8日在…召开", "…会议12日召开",
/// "…会议日前召开", "…会议近日在…举行", "…会议今天上午召开".
/// A clock time may follow ("3月8日上午9时").
const HELD_WHEN: &str = r"(?:(?:[0-9０-９]{4}年)?(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}[日号]|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日|日前|近日|近期|今天|今日|昨天|昨日)(?:上午|下午|中午|晚上|晚间|晚|早上)?(?:[0-9０-９]{1,2}[时点](?:[0-9０-９]{1,2}分|半|整)?)?|(?:上午|下午|晚上)";

/// A speech announcing its own meeting: "今天，我们召开全市综治工作会议".
static RE_SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:我们(?:在这里|在此)?(?:隆重|组织|专门)?(?:召开|举行)了?(?:这次|今天的)?|今天(?:召开|举行)的(?:这次)?)(?P<name>[^，。；！？\s]{2,40})").expect("speech regex")
});

/// A speech's title names its meeting: "在全县政法工作会议上的讲话", perhaps after the
/// speaker ("区委书记某某在…上的讲话"), or at its close ("在…会议结束时的讲话").
static RE_SPEECH_TITLE: LazyLock<Capped> = LazyLock::new(|| {
    Capped::new(
        |b| {
            format!(
                r"^(?:[^，。；：\s在]{{2,20}}?)?在(?P<name>{NAME}{{4,{}}}?)(?P<on>上|开幕式上|闭幕式上|结束时|结束前|闭幕时|开幕时)?的(?:[^，。；\s]{{0,6}})(?:讲话|发言|致辞|报告|主持词|总结|汇报|交流材料)",
                b(TITLE_NAME_MAX)
            )
        },
        &[("name", TITLE_NAME_MAX)],
    )
});

/// A line that is nothing but a date, perhaps in brackets: a speech's date line "（2024年3月28日）".
static RE_DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(〔\[]?\s*(?P<d>[^（）()〔〕\[\]]{6,20}?)\s*[）)〕\]]?$").expect("date line regex")
});

static RE_VENUE: LazyLock<Capped> = LazyLock::new(|| {
    Capped::new(
        |b| format!(r"在(?P<venue>[^，。；在]{{1,{}}}?)(?:隆重|胜利)?(?:召开|举行|举办)", b(VENUE_MAX)),
        &[("venue", VENUE_MAX)],
    )
});

/// "在县委三楼会议室主持会议": a room is the venue even without 召开 after it.
static RE_VENUE_ROOM: LazyLock<Capped> = LazyLock::new(|| {
    let room = alternation(ROOM);
    Capped::new(
        |b| format!(r"在(?P<venue>[^，。；在]{{1,{}}}?(?:{room}))(?P<next>.?.?)", b(VENUE_MAX)),
        &[("venue", VENUE_MAX)],
    )
});

/// A video meeting's main hall: "在…设主会场", "主会场设在…".
static RE_MAIN_HALL: LazyLock<Capped> = LazyLock::new(|| {
    Capped::new(
        |b| {
            format!(
                r"在(?P<a>[^，。；在]{{2,{v}}}?)设(?:立)?主会场|主会场设在(?P<b>[^，。；]{{2,{v}}}?)(?:[，。；]|$)",
                v = b(VENUE_MAX)
            )
        },
        &[("a", VENUE_MAX), ("b", VENUE_MAX)],
    )
});

/// A sentence of its own about the meeting just announced: "会议在…召开", "会议在…设主会场".
static RE_VENUE_AFTER: LazyLock<Capped> = LazyLock::new(|| {
    Capped::new(
        |b| {
            format!(
                r"^(?:会议|本次会议|此次会议|大会)(?:在(?P<a>[^，。；在]{{2,{v}}}?)(?:隆重|胜利)?(?:召开|举行|举办)(?:[，。；！\s]|$)|在(?P<b>[^，。；在]{{2,{v}}}?)设(?:立)?主会场|主会场设在(?P<c>[^，。；]{{2,{v}}}?)(?:[，。；]|$))",
                v = b(VENUE_MAX)
            )
        },
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
        let mut v: Vec<(&str, &str)> = words(FORMAT)
            .iter()
            .map(|row| {
                let mut fields = row.split_whitespace();
                let w = fields.next().unwrap_or(row);
                (w, fields.next().unwrap_or(w))
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
    /// Named by a speech: its date is the speech's date line, never a date in its body.
    speech: bool,
}

fn clean_name(s: &str) -> String {
    // "（记者 王小明）全县…会议", "【某某日报】全市…会议": a byline's or a source's bracket closing
    // before the name is no part of it (a bracket of the name's own, 联席会议（扩大）, is balanced).
    let s = match s.find(['）', '】']) {
        Some(i) if !s[..i].contains(['（', '【']) || s.starts_with('【') && s[..i].rfind('【') == Some(0) => {
            &s[i + '）'.len_utf8()..]
        }
        _ => s,
    };
    let s = RE_LEADING_DATE.replace(s, "");
    let s = s.trim_start_matches(['了', '的']).trim();
    // "召开这次全县政法工作会议": 这次 points at the name that follows.
    let s = ["这次", "此次", "本次", "今天的"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .filter(|r| r.chars().count() >= 6)
        .unwrap_or(s);
    // "我县2024年政法工作会议": 我县 says whose, like 该镇; it is no part of the name.
    let s = ["我县", "我市", "我区", "我镇", "我乡", "我省", "我州", "我旗"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .filter(|r| r.chars().count() >= 4)
        .unwrap_or(s);
    // "高规格的全区信访工作会议": a description before the name (党的 belongs to a name).
    let after = s
        .char_indices()
        .filter(|(i, c)| *c == '的' && !s[..*i].ends_with('党'))
        .map(|(i, _)| i + '的'.len_utf8())
        .next_back();
    match after.and_then(|i| s.get(i..)) {
        Some(rest) if rest.chars().count() >= 4 => rest.to_string(),
        _ => s.to_string(),
    }
}

/// Try both announcement forms on one sentence.
fn announce(sentence: &str) -> Option<(String, String, Option<String>)> {
    let a = RE_HOLD_NAME.captures(sentence);
    let b = RE_NAME_HELD.captures(sentence);
    let a_at = a.as_ref().and_then(|c| c.get(0)).map(|m| m.start());
    let b_at = b.as_ref().and_then(|c| c.get(0)).map(|m| m.start());
    // The earlier match names the meeting; a 召开 inside a name (…会议召开前) fails both forms.
    let use_a = match (a_at, b_at) {
        (Some(x), Some(y)) => {
            x < y || b.as_ref().and_then(|c| c.name("name")).is_some_and(|n| clean_name(n.as_str()).chars().count() < 4)
        }
        (Some(_), None) => true,
        _ => false,
    };
    if use_a {
        let c = a?;
        let m = c.get(0)?;
        // "区委决定召开的一次重要会议": a relative clause describing a meeting, no announcement.
        if sentence
            .get(m.start()..)
            .is_some_and(|t| t.trim_start_matches(['召', '开', '举', '行', '办']).starts_with('的'))
        {
            return None;
        }
        // "及时召开…", "分别召开了全国、全省…会议": a directive or other bodies' meetings.
        let before: String = sentence
            .get(..m.start())
            .unwrap_or("")
            .chars()
            .rev()
            .take(3)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if NOT_THIS_MEETING.iter().any(|w| before.ends_with(w)) {
            return None;
        }
        let name = clean_name(c.name("name")?.as_str());
        let prefix = clause_before(sentence, m.start());
        let name = compose(&prefix, name);
        Some((name, prefix, None)).filter(|(n, _, _)| n.chars().count() >= 4 && !descriptive(n))
    } else {
        let c = b?;
        let name = clean_name(c.name("name")?.as_str());
        let venue = c.name("venue").map(|v| v.as_str().to_string());
        Some((name, String::new(), venue)).filter(|(n, _, _)| n.chars().count() >= 4 && !descriptive(n))
    }
}

/// "一次重要会议", "这次会议", "多次重要会议", "一系列全县性重大会议": a description of a
/// meeting (or of several), not its name.
fn descriptive(name: &str) -> bool {
    ["一次", "这次", "本次", "此次", "一个", "这个", "今天的", "上次", "多次", "几次", "一系列", "系列", "一些", "有关", "相关", "各类", "各种", "多个", "各个"]
        .iter()
        .any(|w| name.starts_with(w))
        // "重要会议" describes; "重大活动安保工作会议" names.
        || ["重要", "重大", "专门"].iter().any(|w| name.strip_prefix(w).is_some_and(|r| ["会议", "大会", "的会议"].contains(&r)))
}

/// Words right before 召开 that make it no announcement of this meeting: a directive (要及时召开,
/// 定期召开) or meetings held by others before this one (分别召开, 相继召开了).
const NOT_THIS_MEETING: &[&str] =
    &["及时", "定期", "适时", "分别", "相继", "先后", "陆续", "要", "将", "拟", "应", "须", "每月", "每周", "每季度"];

/// A name that is only an ordinal ("2019年第二次全体（扩大）会议", "第一次会议"): the body holding it
/// stands before 召开 and is part of the name.
static RE_ORDINAL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:19|20)[0-9]{2}年度?)?(?:第[一二三四五六七八九十百零〇0-9]{1,4}次|首次|全体|扩大|（扩大）|\(扩大\))",
    )
    .expect("ordinal name regex")
});

/// Endings of a standing body that numbers its meetings (领导小组第一次会议, 常委会第5次会议).
const BODY_ENDINGS: &[&str] = &[
    "小组",
    "委员会",
    "常委会",
    "委",
    "党组",
    "联席会议",
    "办公室",
    "指挥部",
    "领导小组",
    "工作组",
    "协调小组",
    "政府",
    "党委",
    "党工委",
];

/// "县综治委召开2019年第二次全体会议" → "县综治委2019年第二次全体会议".
fn compose(prefix: &str, name: String) -> String {
    if !RE_ORDINAL_NAME.is_match(&name) {
        return name;
    }
    let p = RE_LEADING_DATE.replace(prefix, "");
    let mut p = p.trim();
    while let Some(w) = TRAILING_ADVERBS.iter().find(|w| p.ends_with(*w)) {
        p = p.get(..p.len() - w.len()).unwrap_or("").trim_end();
    }
    let n = p.chars().count();
    let body = (3..=40).contains(&n)
        && BODY_ENDINGS.iter().any(|e| p.ends_with(e))
        && !p.starts_with(['我', '本', '该'])
        && p.chars().all(|c| crate::text::is_han(c) || crate::text::has_char("（）()“”", c));
    if body {
        format!("{p}{name}")
    } else {
        name
    }
}

/// The clause that ends at byte `end`: back to the previous comma, colon or sentence start.
fn clause_before(s: &str, end: usize) -> String {
    let head = s.get(..end).unwrap_or("");
    let start = head
        .rfind(['，', '：', '。', ' '])
        .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    head.get(start..).unwrap_or("").to_string()
}

fn find_announcement(ctx: &Ctx, document: &Document) -> Option<Announcement> {
    // A speech names its meeting in its title; its body's "我们召开…" is the fallback, or the
    // better form when the title's is damaged (**区…, a bare 区…).
    let titled = head_speech_name(ctx, document);
    if titled.is_some() || document.kind == DocumentKind::Speech {
        let body = speech_body(ctx);
        let name = match (titled, &body) {
            (Some(t), Some((b, _))) => Some(prefer_speech_name(t, b)),
            (Some(t), None) => Some(t),
            (None, Some((b, _))) => Some(b.clone()),
            (None, None) => None,
        };
        if let Some(name) = name {
            // The body sentence announcing the same meeting gives its organisers ("今天，市委召开…").
            let same = ctx.sentences.iter().take(SPEECH_BODY_SENTENCES).find_map(|sp| {
                let (n, prefix, venue) = announce(ctx.slice(*sp))?;
                (n == name).then_some((prefix, venue, *sp))
            });
            if let Some((prefix, venue, sp)) = same {
                return Some(Announcement {
                    name,
                    span: Some(sp),
                    sentence: ctx.slice(sp).to_string(),
                    prefix,
                    venue,
                    speech: true,
                });
            }
            let (span, sentence) =
                body.map(|(_, sp)| (Some(sp), ctx.slice(sp).to_string())).unwrap_or((None, String::new()));
            return Some(Announcement { name, span, sentence, prefix: String::new(), venue: None, speech: true });
        }
    }
    // The headline is the fallback: the body's announcement is fuller (全市… vs 昆山市…).
    let heading =
        |s: &str| Some(s.trim()) == document.title.as_deref() || Some(s.trim()) == document.subtitle.as_deref();
    let mut headline_like: Option<Announcement> = None;
    for (i, sp) in ctx.sentences.iter().enumerate() {
        let s = ctx.slice(*sp);
        if heading(s) {
            continue;
        }
        if let Some(h) = &headline_like {
            // Only the next few sentences may hold the body's own announcement.
            if h.span
                .is_some_and(|hs| ctx.sentences.get(i.saturating_sub(BODY_AFTER_HEADLINE)).is_some_and(|x| x.0 > hs.0))
            {
                break;
            }
        }
        if let Some((name, prefix, venue)) = announce(s) {
            // "区委…领导小组\n召开第一次（扩大）会议": the organ is the line above.
            let (name, prefix) = match i.checked_sub(1).and_then(|j| ctx.sentences.get(j)) {
                Some(prev) if prefix.is_empty() && s.trim_start().starts_with(['召', '举']) => {
                    let p = ctx.slice(*prev).trim().to_string();
                    (compose(&p, name), p)
                }
                _ => (name, prefix),
            };
            let a = Announcement { name, span: Some(*sp), sentence: s.to_string(), prefix, venue, speech: false };
            // A line with no sentence end and no date is a headline the document did not
            // recognise ("XX会议召开" above the lead): the lead that follows is fuller.
            if headline_like.is_none() && looks_like_headline(s) {
                headline_like = Some(a);
                continue;
            }
            let mut a = a;
            // "召开全体干警会议" says who met; the headline names the meeting.
            if RE_GENERIC.is_match(&a.name) {
                if let Some((name, _, _)) = document.title.as_deref().and_then(announce) {
                    a.name = name;
                }
            }
            return Some(a);
        }
    }
    if headline_like.is_some() {
        return headline_like;
    }
    // "县委书记张三在全县政法工作会议上强调": a lead that names the meeting only as where a
    // leader spoke.
    let lead = ctx
        .sentences
        .iter()
        .filter(|sp| !heading(ctx.slice(**sp)) && !ctx.slice(**sp).trim().is_empty())
        .take(LEAD_SENTENCES);
    for sp in lead {
        let s = ctx.slice(*sp);
        if let Some(name) = RE_AT_MEETING.captures(s).and_then(|c| c.name("name")).map(|n| clean_name(n.as_str())) {
            if name.chars().count() >= 4 && !descriptive(&name) {
                return Some(Announcement {
                    name,
                    span: Some(*sp),
                    sentence: s.to_string(),
                    prefix: String::new(),
                    venue: None,
                    speech: false,
                });
            }
        }
    }
    if let Some(t) = document.title.as_deref() {
        if let Some((name, prefix, venue)) = announce(t) {
            // A headline split before 召开: the organ is the line above it.
            let above = ctx
                .sentences
                .iter()
                .take(TITLE_LINES)
                .position(|sp| ctx.slice(*sp).trim() == t)
                .and_then(|i| i.checked_sub(1))
                .and_then(|i| ctx.sentences.get(i));
            let name = match above {
                Some(sp) if prefix.is_empty() && t.starts_with(['召', '举']) => compose(ctx.slice(*sp).trim(), name),
                _ => name,
            };
            return Some(Announcement { name, span: None, sentence: t.to_string(), prefix, venue, speech: false });
        }
    }
    None
}

/// A meeting called by who attends: "全体干警会议", "全体党员大会".
static RE_GENERIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^全体[^，。]{1,6}(?:会议|大会)$").expect("generic name regex"));

/// "在全县政法工作会议上强调": the meeting where a leader spoke; "记者从…召开的…会议上获悉":
/// where a report learnt its news.
static RE_AT_MEETING: LazyLock<Capped> = LazyLock::new(|| {
    let noun = alternation(NOUN);
    Capped::new(
        |b| {
            format!(
                r"[在从](?P<name>[^，。；！？：\s在从]{{2,{}}}?(?:{noun}))上(?:强调|指出|讲话|表示|要求|作|发表|提出|部署|获悉|了解到)",
                b(NAME_MAX)
            )
        },
        &[("name", NAME_MAX)],
    )
});

/// Sentences after an unrecognised headline read for the body's announcement.
const BODY_AFTER_HEADLINE: usize = 4;

fn looks_like_headline(s: &str) -> bool {
    let t = s.trim();
    t.chars().count() <= 50
        && !crate::text::has_char("。！；，", t.chars().last().unwrap_or('。'))
        && !t.contains('，')
        && dates::find_dates(t).is_empty()
}

/// Lines read from the top for a speech's title.
const TITLE_LINES: usize = 10;
/// Chars of one head line read for a title.
const TITLE_LINE_CHARS: usize = 120;

/// "全市平安建设会议讲话", "扫黑除恶座谈会发言稿1", "**区信访工作会议主持词": a title that names the
/// meeting without 在…上.
static RE_NAME_SPEECH_TITLE: LazyLock<Capped> = LazyLock::new(|| {
    let noun = alternation(NOUN);
    Capped::new(
        |b| {
            format!(
                r"(?:^|[\s○●◆■|｜：:、在])(?P<name>{TITLE_NAME}{{2,{}}}?(?:{noun}))(?:上的|上)?(?:表态|典型|交流|主持)?(?:讲话稿|讲话|发言稿|发言|致辞|主持词)(?P<next>.?.?)",
                b(TITLE_NAME_MAX)
            )
        },
        &[("name", TITLE_NAME_MAX)],
    )
});

static RE_LIST_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9０-９]{1,2}\s*[、.．]\s*").expect("list number regex"));

/// A name in a title line: no 在 (the speaker stands before it) and no decoration.
const TITLE_NAME: &str = r"[^，。；！？：\s在|｜○●◆■]";

/// The meeting a speech's title names: the fullest among the first lines' "在…上的讲话" (the
/// same title often comes twice, once with its quotes stripped), and the document's title.
fn head_speech_name(ctx: &Ctx, document: &Document) -> Option<String> {
    let head: Vec<Span> = ctx
        .doc
        .unmasked_lines()
        .into_iter()
        .filter(|l| !ctx.doc.unmasked_slice(*l).trim().is_empty())
        .take(TITLE_LINES)
        .collect();
    // A speech even when the document took it for something else: "同志们：" opens its body.
    let speech = document.kind == DocumentKind::Speech
        || head.iter().any(|l| ctx.doc.unmasked_slice(*l).trim().starts_with("同志们"));
    // (in the "在…上的讲话" form, name): that form outranks a bare "…会议讲话"; a later title
    // replaces an earlier one only when it is the same name written fuller (its quotes kept),
    // not when it is another page's title further down.
    let mut best: Option<(bool, String)> = None;
    let mut consider = |line: &str| {
        let line: String = line.trim().chars().take(TITLE_LINE_CHARS).collect();
        // "1、市…会议上的讲话": a list's number is no part of the title.
        let line = RE_LIST_NUMBER.replace(&line, "");
        let found = speech_title_name(&line).map(|n| (true, n)).or_else(|| {
            // The bare form only in a speech: a news headline may end in 讲话.
            speech
                .then(|| RE_NAME_SPEECH_TITLE.captures(&line))
                .flatten()
                .filter(|c| c.name("next").is_none_or(|n| !n.as_str().starts_with("精神")))
                .and_then(|c| c.name("name"))
                .map(|n| (false, n.as_str().to_string()))
        });
        // "《…会议上的讲话.doc》已上传": an opening mark whose closing one is outside the name.
        let found = found.map(|(e, n)| {
            let open =
                [('《', '》'), ('“', '”'), ('（', '）')].iter().find(|(o, c)| n.starts_with(*o) && !n.contains(*c));
            (e, open.map_or(n.clone(), |(o, _)| n[o.len_utf8()..].to_string()))
        });
        let Some((explicit, n)) = found.filter(|(_, n)| n.chars().count() >= 4 && !descriptive(n)) else { return };
        let han = |s: &str| s.chars().filter(|c| crate::text::is_han(*c)).collect::<String>();
        let better = match &best {
            None => true,
            Some((e, _)) if explicit && !e => true,
            Some((e, b)) => *e == explicit && n.chars().count() > b.chars().count() && han(&n).contains(&han(b)),
        };
        if better {
            best = Some((explicit, n));
        }
    };
    for t in [&document.title, &document.subtitle].into_iter().flatten() {
        consider(t);
    }
    // A news page's first lines may list other pages' titles: only a speech's are read.
    for sp in head.into_iter().filter(|_| speech) {
        let t = ctx.doc.unmasked_slice(sp).trim();
        if t.starts_with("同志们") {
            break;
        }
        consider(t);
    }
    best.map(|(_, n)| n)
}

/// "今天，我们召开全市综治工作会议", "今天召开的全市维稳工作会议": a speech naming its meeting.
fn speech_body(ctx: &Ctx) -> Option<(String, Span)> {
    ctx.sentences.iter().take(SPEECH_BODY_SENTENCES).find_map(|sp| {
        let s = ctx.slice(*sp);
        let c = RE_SPEECH.captures(s)?;
        // As written, even when the speaker dropped 会议 ("召开全市综治责任书签订").
        let name = clean_name(c.name("name")?.as_str());
        (name.chars().count() >= 4 && !descriptive(&name)).then_some((name, *sp))
    })
}

/// Sentences of a speech read for "我们召开…".
const SPEECH_BODY_SENTENCES: usize = 40;

/// The title's name, unless the body gives the same meeting whole: the title has a placeholder
/// or a bare 区/县/市 where the body says 全区 ("**区信访工作会议" / "全区信访工作会议"), or
/// shortens 会议 to 会.
fn prefer_speech_name(title: String, body: &str) -> String {
    // The title shortened 会议 to 会, or lost its head at a line break ("全县禁毒\n工作推进会").
    if body == title || body.starts_with(&title) && &body[title.len()..] == "议" || body.ends_with(&title) {
        return body.to_string();
    }
    let core = title.trim_start_matches(['*', '＊', 'X', 'x', '×', 'Ｘ', '某']);
    let damaged = core.len() != title.len();
    let core =
        core.strip_prefix(['区', '县', '市', '镇', '乡'])
            .map_or(core, |c| if c.chars().count() >= 4 { c } else { core });
    let bare = core.len() != title.len();
    if (damaged || bare) && body.ends_with(core) && body.len() > core.len() {
        return body.to_string();
    }
    title
}

/// The meeting named by a speech's title ("在…上的讲话").
fn speech_title_name(title: &str) -> Option<String> {
    let c = RE_SPEECH_TITLE.captures(title.trim())?;
    let name = c.name("name")?.as_str();
    // Without 上 ("在…会议的主持词") the name must end as a meeting does ("在…工作中的讲话" is none).
    (c.name("on").is_some() || words(NOUN).iter().any(|w| name.ends_with(w))).then(|| name.to_string())
}

/// Endings of an institution that can hold a meeting.
const ORG_ENDINGS: &[&str] = &[
    "委",
    "政府",
    "府",
    "院",
    "局",
    "办",
    "部",
    "会",
    "厅",
    "室",
    "组",
    "中心",
    "处",
    "所",
    "队",
    "党组",
    "办公室",
    "政法委",
];

/// Words between the organisers and 召开 that say how or where, not who: "市委政法委以视频会议
/// 形式召开", "县委在县会议中心召开".
const HOW_WORDS: &[&str] = &["以", "通过", "采取", "采用", "利用", "在", "于"];
/// Adverbs and light verbs right before 召开: "县委、县政府隆重召开", "市委政法委组织召开".
const TRAILING_ADVERBS: &[&str] =
    &["组织", "牵头", "隆重", "专门", "专题", "再次", "共同", "联合", "又", "今天", "今日"];
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
    p.split('、').flat_map(|s| split_conjunction(s.trim().trim_start_matches('由'))).filter(|s| is_org(s)).collect()
}

/// Verbs and adverbs between a venue and 召开 ("在区综治中心组织召开", "在三楼会议室主持召开").
const AFTER_VENUE: &[&str] =
    &["组织", "牵头", "主持", "隆重", "专门", "专题", "再次", "联合", "集中", "正式", "顺利", "胜利"];

fn clean_venue(v: &str) -> Option<String> {
    let cut = ["以", "通过", "采取"].iter().filter_map(|w| v.find(w)).min().unwrap_or(v.len());
    let mut v = v.get(..cut).unwrap_or("").trim();
    while let Some(w) = AFTER_VENUE.iter().find(|w| v.ends_with(*w)) {
        v = v.get(..v.len() - w.len()).unwrap_or("").trim_end();
    }
    // "我们在这里召开": no place; a run of spaces is a PDF's broken line, not a name.
    // "在全县范围内", "在此基础上", "在节前", "在关键时期": a scope or a time, not a place.
    let bad = v.is_empty()
        || v.chars().count() < 2 && !words(CITY).contains(&v)
        || ["内", "上", "前", "后", "之际", "期间", "时", "期", "阶段", "节点", "关口"].iter().any(|w| v.ends_with(w))
        || ["这里", "此", "这儿", "那里", "会上", "会议上"].iter().any(|w| v.starts_with(w))
        || v.chars().any(char::is_whitespace)
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

/// The clause of the announcement that holds the meeting's name: what follows relays other
/// meetings ("…召开…工作会议，贯彻落实全省…电视电话会议精神"), and so may what precedes
/// ("全省…电视电话会议召开后，我县召开…").
fn announcing_clause<'a>(sentence: &'a str, name: &str) -> &'a str {
    let Some(at) = sentence.find(name) else { return sentence };
    let start = sentence.get(..at).and_then(|h| h.rfind(['，', '。', '；'])).map_or(0, |i| i + '，'.len_utf8());
    let end = sentence
        .get(at + name.len()..)
        .and_then(|t| t.find(['，', '。', '；']))
        .map_or(sentence.len(), |e| at + name.len() + e);
    sentence.get(start..end).unwrap_or(sentence)
}

fn find_format(ctx: &Ctx, ann: Option<&Announcement>) -> Option<String> {
    if let Some(a) = ann {
        if let Some(f) = format_in(announcing_clause(&a.sentence, &a.name)).or_else(|| format_in(&a.name)) {
            return Some(f);
        }
        // "全市…视频调度会", "…电视电话推进会": the name says how it was held.
        if let Some(f) = [("电视电话", "电视电话会议"), ("视频", "视频会议")].iter().find(|(w, _)| a.name.contains(w))
        {
            return Some(f.1.to_string());
        }
    }
    ctx.sentences
        .iter()
        .map(|sp| ctx.slice(*sp))
        .filter(|s| {
            (s.contains("形式") || s.contains("方式"))
                && (s.contains("召开") || s.contains("举行") || s.contains("会议"))
        })
        .find_map(format_in)
}

/// The reference date for year-less dates: the publication date.
fn published(document: &Document) -> Option<Date> {
    document.published.as_deref().and_then(dates::parse).filter(|d| d.year.is_some())
}

/// The year of a meeting named "2023年…" on `month`: a review of a 年度 is held early in the
/// next year, or in its own last months ("12月26日…2023年度述职评议会").
fn name_year(name: &str, month: u32) -> Option<i32> {
    let y = dates::year_in(name).or_else(|| dates::quoted_year(name))?;
    let looks_back = words(REVIEW).iter().any(|w| name.contains(w));
    Some(if looks_back && month < 10 { y + 1 } else { y })
}

pub fn extract(ctx: &Ctx, document: &Document, _region: Option<&Region>) -> Meeting {
    let ann = find_announcement(ctx, document);
    let mut m = Meeting { format: find_format(ctx, ann.as_ref()), ..Meeting::default() };

    // Dates over the unmasked text, so the source line can confirm a damaged one.
    let unmasked = &ctx.doc.unmasked;
    let all = dates::confirmed(unmasked, &dates::find_dates(unmasked));
    let Some(ann) = ann else {
        // A news item that names no meeting still reports one event on its lead's day
        // ("10月5日，县长到县信访局听取汇报").
        if document.kind != DocumentKind::Speech {
            if let Some(d) = lead_date(ctx, document, &all) {
                let full = complete_year(d.date, ctx, document, None, &all);
                m.year = full.year;
                m.date = Some(full.iso());
                m.time_of_day = time_after(unmasked, d.span.1).map(str::to_string);
            }
        }
        return m;
    };

    // The dateline ("本报3月4日讯", "某某网3月25日报道") is the day of the report: the meeting's
    // day is the next date, and 今天 in the lead is the dateline's day.
    let dateline = |d: &DateMatch| dates::is_dateline(&unmasked.chars().skip(d.span.1).take(3).collect::<String>());
    // (date, its span is in the text): a headline's date has no span there.
    let mut reference = published(document);
    let in_ann: Option<(DateMatch, bool)> = if ann.speech {
        None
    } else {
        match ann.span {
            Some(sp) => {
                // The first dates of the sentence only: each is looked up by a char skip.
                let here: Vec<DateMatch> =
                    all.iter().copied().filter(|d| sp.covers(&d.span)).take(DATES_READ).collect();
                if let Some(dl) = here.iter().find(|d| dateline(d)) {
                    reference = Some(reference.map_or(dl.date, |p| dates::resolve_year(dl.date, p)));
                }
                // The meeting's day stands before its verb; a later date is a deadline or
                // another event ("…召开会议，要求3月31日前完成").
                let verb = ["召开", "举行", "举办"]
                    .iter()
                    .filter_map(|w| ann.sentence.find(w))
                    .min()
                    .or_else(|| ann.sentence.find(ann.name.as_str()))
                    .map_or(usize::MAX, |b| ann.sentence.get(..b).map_or(0, |h| h.chars().count()));
                here.into_iter().find(|d| !dateline(d) && d.span.0 < sp.0.saturating_add(verb)).map(|d| (d, true))
            }
            None => dates::find_dates(&ann.sentence)
                .into_iter()
                .find(|d| !d.damaged)
                .map(|d| (d, false))
                .or_else(|| lead_date(ctx, document, &all).map(|d| (d, true))),
        }
    };
    // A speech's date line is the day it was given: the meeting's date when nothing else says.
    let date = in_ann
        .map(|(d, _)| d.date)
        .or_else(|| if ann.speech { None } else { relative_date(&ann.sentence, reference) })
        .or_else(|| if ann.speech { None } else { same_day(ctx, &ann, &all) })
        .or_else(|| {
            head_date_line(ctx)
                .filter(|_| ann.speech || document.kind == DocumentKind::Speech || says_today(&ann.sentence))
        });
    let date = date.map(|d| complete_year(d, ctx, document, Some(&ann), &all));
    m.date = date.map(|d| d.iso());
    m.year = date.and_then(|d| d.year).or_else(|| undated_year(ctx, document, &ann));

    m.time_of_day = match in_ann {
        Some((d, true)) => time_after(unmasked, d.span.1),
        _ => None,
    }
    .or_else(|| time_after_relative_day(&ann.sentence))
    .or_else(|| time_in_prefix(&ann.sentence))
    .or_else(|| {
        // A headline's meeting: the lead's opening time ("25日上午，县委书记…主持会议").
        let lead = ctx
            .sentences
            .iter()
            .map(|sp| ctx.slice(*sp))
            .find(|s| !s.trim().is_empty() && Some(s.trim()) != document.title.as_deref());
        (ann.span.is_none() && !ann.speech).then_some(lead).flatten().and_then(time_in_prefix)
    })
    .map(str::to_string);

    m.venue = ann
        .venue
        .as_deref()
        .and_then(clean_venue)
        .or_else(|| {
            RE_VENUE.captures(&ann.sentence).and_then(|c| c.name("venue")).and_then(|v| clean_venue(v.as_str()))
        })
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

/// Sentences of the same paragraph read back for the day 当天/当日 refers to.
const SAME_DAY_BACK: usize = 3;

/// "3月2日，张三到…调研。当天下午（同日、当晚、随后），张三主持召开…座谈会": the day given just
/// before.
fn same_day(ctx: &Ctx, ann: &Announcement, all: &[DateMatch]) -> Option<Date> {
    let sp = ann.span?;
    let verb = ["召开", "举行", "举办"].iter().filter_map(|w| ann.sentence.find(w)).min().unwrap_or(ann.sentence.len());
    let head = ann.sentence.get(..verb)?;
    if !["当天", "当日", "同日", "当晚", "随后"].iter().any(|w| head.contains(w)) {
        return None;
    }
    let para = ctx.paragraphs.iter().find(|p| p.0 <= sp.0 && sp.0 < p.1).map_or(sp.0, |p| p.0);
    let i = ctx.sentences.partition_point(|s| s.0 < sp.0);
    let from = ctx.sentences.get(i.saturating_sub(SAME_DAY_BACK)..i)?.iter().find(|s| s.0 >= para)?.0;
    all.iter().rev().find(|d| d.span.0 >= from && d.span.1 <= sp.0 && !d.damaged).map(|d| d.date)
}

/// Dates of the announcement read for the meeting's day (a dateline, then the day).
const DATES_READ: usize = 4;

/// The time of day written right after a date ending at char `end` ("15日下午", "4日晚").
fn time_after(unmasked: &str, end: usize) -> Option<&'static str> {
    let after: String = unmasked.chars().skip(end).take(4).collect();
    dates::time_of_day_after_date(&after)
}

/// "今天下午，…召开", "昨日上午", "当天下午": the time of day after a relative day.
fn time_after_relative_day(sentence: &str) -> Option<&'static str> {
    let i = ["今天", "今日", "昨天", "昨日", "前天", "当天", "当日"].iter().filter_map(|w| sentence.find(w)).min()?;
    let rest = sentence.get(i..)?;
    // 当天/当日 refer back to a day already given: a time, no date.
    let n = if rest.starts_with("当天") || rest.starts_with("当日") { 2 } else { dates::relative_day_at(rest)?.0 };
    let after: String = rest.chars().skip(n).take(4).collect();
    dates::time_of_day_at(&after)
}

/// A year-less date's year: the publication date's (the dateline's), the meeting's name's or
/// headline's ("2023年…工作会议"), the year the meeting works on ("安排部署2025年政法工作"),
/// else any full date in the text.
fn complete_year(d: Date, ctx: &Ctx, document: &Document, ann: Option<&Announcement>, all: &[DateMatch]) -> Date {
    if d.year.is_some() {
        return d;
    }
    if let Some(p) = published(document) {
        return dates::resolve_year(d, p);
    }
    if let Some(y) = ann
        .and_then(|a| name_year(&a.name, d.month))
        .or_else(|| document.title.as_deref().and_then(|t| name_year(t, d.month)))
    {
        return d.with_year(y);
    }
    if let Some(y) = framed_year(ctx, document, ann.and_then(|a| a.span)) {
        // A meeting late in the year plans the next one ("12月28日…部署2021年工作").
        return d.with_year(if d.month >= 11 { y - 1 } else { y });
    }
    match all.iter().find(|x| x.date.year.is_some()) {
        Some(r) => dates::resolve_year(d, r.date),
        None => d,
    }
}

/// The year of a meeting whose day the text does not give ("近日，…召开"): a news page's
/// publication date (a template site's timestamp on a speech is its upload, not the speech),
/// the year in the meeting's name or in a headline naming it ("2024年全市政法工作会议"), or the
/// year the meeting plans ("安排部署2025年工作").
fn undated_year(ctx: &Ctx, document: &Document, ann: &Announcement) -> Option<i32> {
    let speech = ann.speech || document.kind == DocumentKind::Speech;
    let published = if speech { None } else { published(document).and_then(|d| d.year) };
    // "2023年12月，县委召开…": the month given before the meeting's verb, with its year.
    let verb = ["召开", "举行", "举办"].iter().filter_map(|w| ann.sentence.find(w)).min().unwrap_or(0);
    let month = ann
        .sentence
        .get(..verb)
        .and_then(|h| RE_YEAR_MONTH_LEAD.captures(h))
        .and_then(|c| c.get(1)?.as_str().parse().ok());
    month
        .or(published)
        .or_else(|| dates::year_in(&ann.name).or_else(|| dates::quoted_year(&ann.name)))
        .or_else(|| {
            // The headline's year written before the meeting's name ("2024年全县…会议召开").
            let t = document.title.as_deref()?;
            let at = t.find(ann.name.as_str())?;
            dates::year_in(t.get(..at)?)
        })
        .or_else(|| if speech { head_year_line(ctx) } else { None })
        .or_else(|| framed_year(ctx, document, ann.span))
}

/// Sentences from the announcement read for the year the meeting works on.
const FRAME_SENTENCES: usize = 8;

/// "安排部署2025年政法工作", "对2018年工作进行了安排部署", "深入谋划2025年…", "2026年是…开局之年",
/// "交流2021年工作思路": the year a meeting plans.
static RE_FRAMED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:安排部署|部署|谋划|明确了?|布置)(?:好|了)?(?P<y1>(?:19|20)[0-9]{2})年",
        r"|对(?P<y2>(?:19|20)[0-9]{2})年[^，。；]{0,16}?(?:安排部署|部署|安排|谋划)",
        r"|(?P<y3>(?:19|20)[0-9]{2})年是[^，。；]{1,30}?之年",
        r"|(?P<y4>(?:19|20)[0-9]{2})年度?(?:的)?(?:工作)?思路",
        // The year's plan or pledges the meeting reads out or signs ("签订了2017年度…责任书").
        r"|(?:宣读|印发|签订|签署)了?[^，。；0-9]{0,10}?(?P<y5>(?:19|20)[0-9]{2})年度?[^，。；]{0,24}?(?:方案|责任书|要点)",
    ))
    .expect("framed year regex")
});

fn framed_year(ctx: &Ctx, document: &Document, from: Option<Span>) -> Option<i32> {
    let heading =
        |s: &str| Some(s.trim()) == document.title.as_deref() || Some(s.trim()) == document.subtitle.as_deref();
    let start = from.map_or(0, |sp| ctx.sentences.partition_point(|s| s.0 < sp.0));
    ctx.sentences.get(start..)?.iter().map(|sp| ctx.slice(*sp)).filter(|s| !heading(s)).take(FRAME_SENTENCES).find_map(
        |s| {
            let c = RE_FRAMED_YEAR.captures(s)?;
            ["y1", "y2", "y3", "y4", "y5"].iter().find_map(|k| c.name(k)).and_then(|y| y.as_str().parse().ok())
        },
    )
}

/// The venue when the announcement does not give it: the main hall of a video meeting
/// ("…以视频会议形式召开，在…设主会场"), or a sentence of its own right after the announcement
/// in the same paragraph ("会议在镇便民服务中心三楼会议室召开。"); after a headline
/// announcement, the lead's first sentences.
fn venue_nearby(ctx: &Ctx, document: &Document, ann: &Announcement) -> Option<String> {
    let hall = |s: &str| {
        RE_MAIN_HALL.captures(s).and_then(|c| c.name("a").or_else(|| c.name("b"))).and_then(|v| clean_venue(v.as_str()))
    };
    // In a later sentence only a chair's room tells this meeting ("在…会议室主持会议", "…出席"), not a
    // clause about a time ("会议在…会议室召开前").
    let room = |s: &str, later: bool| {
        let c = RE_VENUE_ROOM.captures(s)?;
        if later && !c.name("next").is_some_and(|n| n.as_str() == "主持" || n.as_str() == "出席") {
            return None;
        }
        c.name("venue").and_then(|v| clean_venue(v.as_str()))
    };
    if let Some(v) = hall(&ann.sentence).or_else(|| room(&ann.sentence, false)) {
        return Some(v);
    }
    let heading =
        |s: &str| Some(s.trim()) == document.title.as_deref() || Some(s.trim()) == document.subtitle.as_deref();
    let after: Vec<Span> = match ann.span {
        Some(sp) => {
            let para_end = ctx.paragraphs.iter().find(|p| p.0 <= sp.0 && sp.0 < p.1).map_or(sp.1, |p| p.1);
            let from = ctx.sentences.partition_point(|s| s.0 < sp.1);
            ctx.sentences
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .filter(|s| s.0 < para_end)
                .take(VENUE_AFTER)
                .copied()
                .collect()
        }
        None => ctx
            .sentences
            .iter()
            .filter(|s| !heading(ctx.slice(**s)) && !ctx.slice(**s).trim().is_empty())
            .take(LEAD_SENTENCES)
            .copied()
            .collect(),
    };
    let venue_after = |sp: &Span| {
        let c = RE_VENUE_AFTER.captures(ctx.slice(*sp).trim_start())?;
        c.name("a").or_else(|| c.name("b")).or_else(|| c.name("c")).and_then(|v| clean_venue(v.as_str()))
    };
    let said = after.iter().find_map(venue_after);
    // A page of short paragraphs: "会议在…召开。" opening the next one still tells the meeting
    // just announced, within the same few sentences.
    let said = said.or_else(|| {
        let sp = ann.span.filter(|_| after.len() < VENUE_AFTER)?;
        let last = after.last().map_or(sp.1, |l| l.1);
        let next = ctx.sentences.get(ctx.sentences.partition_point(|s| s.0 < last))?;
        venue_after(next)
    });
    // "会议以电视电话会议形式召开，在市行政中心设主会场": the main hall later in the sentence.
    let said =
        said.or_else(|| if ann.span.is_some() { after.iter().find_map(|sp| hall(ctx.slice(*sp))) } else { None });
    // "县委书记张三在县委三楼会议室主持会议": only while the lead still tells this meeting.
    said.or_else(|| if ann.span.is_some() { after.iter().find_map(|sp| room(ctx.slice(*sp), true)) } else { None })
}

/// Body sentences read for a news lead's date when the headline announced the meeting.
const LEAD_SENTENCES: usize = 3;

/// The date opening the news lead ("8月9日下午，…"), for a meeting only the headline names: the
/// lead reports the day of the event it is about.
fn lead_date(ctx: &Ctx, document: &Document, all: &[DateMatch]) -> Option<DateMatch> {
    let heading =
        |s: &str| Some(s.trim()) == document.title.as_deref() || Some(s.trim()) == document.subtitle.as_deref();
    let sp = ctx
        .sentences
        .iter()
        .filter(|sp| !heading(ctx.slice(**sp)) && !ctx.slice(**sp).trim().is_empty())
        .take(LEAD_SENTENCES)
        .find(|sp| {
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
    for sp in
        ctx.doc.unmasked_lines().into_iter().filter(|l| !ctx.doc.unmasked_slice(*l).trim().is_empty()).take(HEAD_LINES)
    {
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

/// A year and month with no day ("2023年12月，", "2024年3月下旬"), read before a meeting's verb.
static RE_YEAR_MONTH_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2})\s*年\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:[上中下]旬|初|底|末|份)?(?:[，,\s]|$)").expect("year-month lead regex")
});

/// A speech's date line giving a month but no day: "（2019年5月）", "2024年3月".
static RE_YEAR_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:19|20)[0-9]{2})\s*年\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份)?$")
        .expect("year-month regex")
});

/// The year of a date line with no day among the first lines (see `head_date_line`).
fn head_year_line(ctx: &Ctx) -> Option<i32> {
    for sp in
        ctx.doc.unmasked_lines().into_iter().filter(|l| !ctx.doc.unmasked_slice(*l).trim().is_empty()).take(HEAD_LINES)
    {
        let t = ctx.doc.unmasked_slice(sp).trim();
        if t.starts_with("同志们") || t.contains('。') {
            return None;
        }
        let Some(d) = RE_DATE_LINE.captures(t).and_then(|c| c.name("d")) else { continue };
        if let Some(c) = RE_YEAR_MONTH.captures(d.as_str().trim()) {
            return c.get(1).and_then(|y| y.as_str().parse().ok());
        }
    }
    None
}

fn says_today(sentence: &str) -> bool {
    ["今天", "今日"].iter().any(|w| sentence.contains(w))
}

/// 今天 in the announcement, against the reference day (the dateline or the publication date).
/// 昨天/昨日 give no date: the reference day may be the page's, not the report's.
fn relative_date(sentence: &str, reference: Option<Date>) -> Option<Date> {
    let p = reference?;
    let i = ["今天", "今日"].iter().filter_map(|w| sentence.find(w)).min()?;
    let (_, delta) = dates::relative_day_at(sentence.get(i..)?)?;
    // A year-less dateline is still the day itself.
    if delta == 0 {
        return Some(p);
    }
    p.add_days(delta)
}

/// 上午/下午 … before the meeting verb when no date carries it ("下午，市委召开…").
/// Also further before the verb, right after a day: "为…，县委于25日上午召开…", "25日晚，…".
fn time_in_prefix(sentence: &str) -> Option<&'static str> {
    let verb = ["召开", "举行", "举办"].iter().filter_map(|w| sentence.find(w)).min().unwrap_or(sentence.len());
    let head: Vec<char> = sentence.get(..verb).unwrap_or(sentence).chars().take(PREFIX_CHARS).collect();
    (0..head.len()).find_map(|i| {
        let rest: String = head.get(i..).unwrap_or(&[]).iter().take(3).collect();
        let after_day = i.checked_sub(1).and_then(|j| head.get(j)).is_some_and(|&p| crate::text::has_char("日号天", p));
        if after_day {
            dates::time_of_day_after_date(&rest)
        } else if i < 16 || ["当晚", "今晚", "昨晚"].iter().any(|w| rest.starts_with(w)) {
            dates::time_of_day_at(&rest)
        } else {
            None
        }
    })
}

/// Chars before the verb read for a time of day.
const PREFIX_CHARS: usize = 60;

#[cfg(test)]
mod tests;
