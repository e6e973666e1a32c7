//! Chinese date expressions: 2020年5月15日, 5月15日, 2022-03-11, 二〇二〇年五月十五日, 515日
//! (damaged), 今天/昨天, 上午/下午 … → ISO strings. Shared by the document, meeting and targets
//! extractors. All spans are char offsets into the text given.

use std::sync::LazyLock;

use regex::Regex;

use crate::report::Span;

/// A Han character, as a regex class (the regex crate is built without Unicode scripts).
pub const HAN: &str = r"[\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}]";

/// A calendar date as written: the year may be missing (5月15日).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: Option<i32>, month: u32, day: u32) -> Option<Date> {
        valid(year, month, day).then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    pub fn iso(&self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }

    pub fn with_year(self, year: i32) -> Date {
        Date { year: Some(year), ..self }
    }

    /// Shift by whole days (for 昨天/前天); needs a year.
    pub fn add_days(self, delta: i64) -> Option<Date> {
        let y = self.year?;
        let n = days_from_civil(y as i64, self.month, self.day) + delta;
        let (y, m, d) = civil_from_days(n);
        Date::new(Some(y as i32), m, d)
    }
}

/// A date found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMatch {
    pub date: Date,
    pub span: Span,
    /// Month and day glued together ("515日"): only trusted when another date confirms it.
    pub damaged: bool,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn valid(year: Option<i32>, m: u32, d: u32) -> bool {
    if let Some(y) = year {
        if !(1900..=2100).contains(&y) {
            return false;
        }
    }
    let max = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        _ => return false,
    };
    (1..=max).contains(&d)
}

// Howard Hinnant's days-from-civil algorithm: exact for the proleptic Gregorian calendar.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

const HAN_NUM: &str = "〇零○Ｏ一二三四五六七八九十";

static RE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let h = HAN_NUM;
    Regex::new(&format!(
        concat!(
            r"(?:(?P<y>[0-9０-９]{{4}})\s*年\s*)?(?P<m>[0-9０-９]{{1,2}})\s*月\s*(?P<d>[0-9０-９]{{1,2}})\s*[日号]",
            r"|(?P<iy>[0-9０-９]{{4}})[-./](?P<im>[0-9０-９]{{1,2}})[-./](?P<id>[0-9０-９]{{1,2}})",
            r"|(?:(?P<hy>[{h}]{{4}})年)?(?P<hm>[{h}]{{1,2}})月(?P<hd>[{h}]{{1,3}})[日号]",
            r"|(?P<g>[0-9０-９]{{3,4}})[日号]",
        ),
        h = h
    ))
    .expect("date regex")
});

/// Value of a Chinese numeral: digits read one by one for years (二〇二〇), 十-compounds for
/// months and days (十五, 二十三).
fn han_value(s: &str, as_year: bool) -> Option<u32> {
    let digit = |c: char| match c {
        '〇' | '零' | '○' | 'Ｏ' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    if as_year {
        return s.chars().try_fold(0u32, |acc, c| Some(acc * 10 + digit(c)?));
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        [u] => digit(*u),
        _ => None,
    }
}

fn num(s: Option<regex::Match>) -> Option<u32> {
    s.and_then(|m| m.as_str().parse().ok())
}

/// Every date in `text`, left to right. Damaged glued dates ("515日") come back marked
/// `damaged` with the first valid split; use [`confirmed`] to keep only the trustworthy ones.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let mut out = Vec::new();
    // Char offsets are computed incrementally so a long text costs one pass.
    let mut last_byte = 0;
    let mut last_char = 0;
    let mut char_of = |b: usize| {
        last_char += text.get(last_byte..b).map(|s| s.chars().count()).unwrap_or(0);
        last_byte = b;
        last_char
    };
    for c in RE_DATE.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let prev = text.get(..whole.start()).and_then(|s| s.chars().next_back());
        let next = text.get(whole.end()..).and_then(|s| s.chars().next());
        let (date, damaged) = if let Some(m) = num(c.name("m")) {
            if prev.is_some_and(|p| p.is_ascii_digit()) {
                continue;
            }
            let y = num(c.name("y")).map(|y| y as i32);
            (Date::new(y, m, num(c.name("d")).unwrap_or(0)), false)
        } else if let Some(y) = num(c.name("iy")) {
            if prev.is_some_and(|p| p.is_ascii_digit()) || next.is_some_and(|n| n.is_ascii_digit()) {
                continue;
            }
            (Date::new(Some(y as i32), num(c.name("im")).unwrap_or(0), num(c.name("id")).unwrap_or(0)), false)
        } else if let Some(hm) = c.name("hm") {
            let y = c.name("hy").and_then(|y| han_value(y.as_str(), true)).map(|y| y as i32);
            let m = han_value(hm.as_str(), false).unwrap_or(0);
            let d = c.name("hd").and_then(|d| han_value(d.as_str(), false)).unwrap_or(0);
            (Date::new(y, m, d), false)
        } else if let Some(g) = c.name("g") {
            // 515日: a month and a day whose 月 was lost. Not after another number, a decimal
            // point or 第 (第100日).
            if prev.is_some_and(|p| p.is_ascii_digit() || matches!(p, '.' | '第' | '月' | '年' | '-' | '/')) {
                continue;
            }
            let digits: Vec<u32> = g.as_str().chars().filter_map(|ch| ch.to_digit(10)).collect();
            (glued_split(&digits), true)
        } else {
            continue;
        };
        let Some(date) = date else { continue };
        let s = char_of(whole.start());
        let e = s + whole.as_str().chars().count();
        out.push(DateMatch { date, span: Span::new(s, e), damaged });
    }
    out
}

/// The most plausible month/day split of glued digits: prefer a two-digit month (10–12) when
/// the rest is a valid day, else a one-digit month.
fn glued_split(d: &[u32]) -> Option<Date> {
    let splits: Vec<(u32, u32)> = match d {
        [a, b, c] => vec![(a * 10 + b, *c), (*a, b * 10 + c)],
        [a, b, c, e] => vec![(a * 10 + b, c * 10 + e)],
        _ => vec![],
    };
    if d.first() == Some(&0) {
        return None;
    }
    splits.into_iter().find_map(|(m, day)| Date::new(None, m, day))
}

/// All possible readings of a damaged glued date (both splits of 3 digits).
fn glued_readings(text: &str) -> Vec<(u32, u32)> {
    let d: Vec<u32> = text.chars().filter_map(|c| c.to_digit(10)).collect();
    match d.as_slice() {
        [a, b, c] => vec![(a * 10 + b, *c), (*a, b * 10 + c)],
        [a, b, c, e] => vec![(a * 10 + b, c * 10 + e)],
        _ => vec![],
    }
    .into_iter()
    .filter(|&(m, day)| valid(None, m, day))
    .collect()
}

/// Keep sound dates, and damaged ones only when another (sound) date of `text` has the same
/// month and day; a confirmed damaged date takes the confirming date's year.
pub fn confirmed(text: &str, all: &[DateMatch]) -> Vec<DateMatch> {
    let sound: Vec<&DateMatch> = all.iter().filter(|d| !d.damaged).collect();
    // Byte offset of each char, built only if a damaged date needs one (skipping chars from the
    // start for each would make a long text with many of them quadratic).
    let mut starts: Option<Vec<usize>> = None;
    all.iter()
        .filter_map(|d| {
            if !d.damaged {
                return Some(*d);
            }
            let st = starts.get_or_insert_with(|| text.char_indices().map(|(b, _)| b).chain([text.len()]).collect());
            let written = text.get(*st.get(d.span.0)?..*st.get(d.span.1)?)?;
            glued_readings(written).into_iter().find_map(|(m, day)| {
                sound.iter().find(|s| s.date.month == m && s.date.day == day).map(|s| DateMatch {
                    date: Date { year: s.date.year, month: m, day },
                    span: d.span,
                    damaged: true,
                })
            })
        })
        .collect()
}

/// Parse a string that is (or starts with) one date: "2020年5月18日", "2022-03-11 10:20".
pub fn parse(s: &str) -> Option<Date> {
    find_dates(s.trim()).into_iter().find(|d| !d.damaged && d.span.0 <= 2).map(|d| d.date)
}

/// A four-digit year written as 2017年 / 2017年度 / ２０１７年 / 二〇一七年 in `s`.
pub fn year_in(s: &str) -> Option<i32> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9０-９〇零○Ｏ一二三四五六七八九十])((?:19|20|１９|２０)[0-9０-９]{2}|[一二][〇零○Ｏ九][〇零○Ｏ一二三四五六七八九]{2})\s*年")
            .expect("year regex")
    });
    let m = RE.captures(s)?.get(1)?.as_str();
    // Full-width digits read as ASCII ones; Han digits one by one.
    let ascii: String = m
        .chars()
        .map(|c| if ('０'..='９').contains(&c) { char::from(b'0' + (c as u32 - '０' as u32) as u8) } else { c })
        .collect();
    let y = ascii.parse::<i32>().ok().or_else(|| han_value(m, true).and_then(|v| i32::try_from(v).ok()))?;
    (1900..2100).contains(&y).then_some(y)
}

/// A year a quoted campaign carries with no 年: "“净网2015”专项行动", "“利剑-2019”行动".
/// Only inside quotes: a bare four-digit number elsewhere may be a count.
pub fn quoted_year(s: &str) -> Option<i32> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"“(?:[^“”]{0,20}?[^0-9０-９“”])?((?:19|20)[0-9]{2})(?:[^0-9０-９年”][^“”]{0,20}?)?”")
            .expect("quoted year regex")
    });
    RE.captures(s).and_then(|c| c.get(1)).and_then(|m| m.as_str().parse().ok())
}

/// Times of day, as written → as reported.
const TIMES: &[(&str, &str)] = &[
    ("上午", "上午"),
    ("下午", "下午"),
    ("中午", "中午"),
    ("晚上", "晚上"),
    ("晚间", "晚上"),
    ("傍晚", "晚上"),
    ("早上", "早上"),
    ("早晨", "早上"),
    ("清晨", "早上"),
    ("凌晨", "凌晨"),
    ("夜间", "晚上"),
    ("当晚", "晚上"),
    ("今晚", "晚上"),
    ("昨晚", "晚上"),
];

/// A time of day at the start of `s` (after optional spaces), e.g. the "下午" of "15日下午".
pub fn time_of_day_at(s: &str) -> Option<&'static str> {
    let t = s.trim_start();
    TIMES.iter().find(|(w, _)| t.starts_with(w)).map(|(_, v)| *v)
}

/// A time of day right after a date: also the bare 晚 of "1月4日晚，" (not 晚会, 晚报).
pub fn time_of_day_after_date(s: &str) -> Option<&'static str> {
    time_of_day_at(s).or_else(|| {
        let mut cs = s.trim_start().chars();
        (cs.next() == Some('晚')
            && cs.next().is_none_or(|c| !crate::text::is_han(c) || crate::text::has_char("召举在于我全市县区镇乡", c)))
        .then_some("晚上")
    })
}

/// A dateline's tail right after its date: "3月4日讯", "3月25日报道", "3月4日电".
pub fn is_dateline(after: &str) -> bool {
    ["讯", "电", "报道", "消息"].iter().any(|w| after.starts_with(w))
}

/// Relative day words at the start of `s` and their offset in days.
pub fn relative_day_at(s: &str) -> Option<(usize, i64)> {
    const REL: &[(&str, i64)] = &[("今天", 0), ("今日", 0), ("昨天", -1), ("昨日", -1), ("前天", -2)];
    REL.iter().find(|(w, _)| s.starts_with(w)).map(|(w, d)| (w.chars().count(), *d))
}

/// Resolve a year-less date against a reference date (a dateline or publication date): the
/// latest year that does not put the date after the reference.
pub fn resolve_year(date: Date, reference: Date) -> Date {
    if date.year.is_some() {
        return date;
    }
    let Some(ry) = reference.year else { return date };
    let y = if (date.month, date.day) <= (reference.month, reference.day) { ry } else { ry - 1 };
    if valid(Some(y), date.month, date.day) {
        date.with_year(y)
    } else {
        date
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isos(text: &str) -> Vec<String> {
        find_dates(text).iter().map(|d| d.date.iso()).collect()
    }

    #[test]
    fn written_forms() {
        assert_eq!(isos("2019年12月3日上午，县委召开会议"), vec!["2019-12-03"]);
        assert_eq!(isos("12月3日，县委召开会议"), vec!["--12-03"]);
        assert_eq!(isos("发布时间：2021-07-08 09:30"), vec!["2021-07-08"]);
        assert_eq!(isos("日期 2021.7.8 与 2021/07/09"), vec!["2021-07-08", "2021-07-09"]);
        assert_eq!(isos("二〇一九年十二月二十三日"), vec!["2019-12-23"]);
        assert_eq!(isos("十月十日"), vec!["--10-10"]);
        assert_eq!(isos("2019 年 2 月 30 日"), Vec::<String>::new());
    }

    #[test]
    fn glued_dates_need_confirmation() {
        let text = "623日下午，州委召开会议。（来源：某报，2021年6月23日）";
        let all = find_dates(text);
        assert!(all.iter().any(|d| d.damaged));
        let ok = confirmed(text, &all);
        assert_eq!(ok.first().map(|d| (d.date.iso(), d.span)), Some(("2021-06-23".to_string(), Span(0, 4))));
        // Unconfirmed: dropped. 第100日 and 100日以内 are not dates at all.
        let lone = "623日下午，州委召开会议。";
        assert!(confirmed(lone, &find_dates(lone)).is_empty());
        assert!(find_dates("第120日").is_empty());
        // 1112日 may be read 11月12日 when confirmed as such.
        let t = "1112日上午召开。2020年11月12日";
        assert_eq!(confirmed(t, &find_dates(t)).first().map(|d| d.date.iso()), Some("2020-11-12".into()));
        // 113日 is ambiguous: 1月13日 or 11月3日; the confirming date decides.
        let t = "113日上午召开。2020年11月3日";
        assert_eq!(confirmed(t, &find_dates(t)).first().map(|d| d.date.iso()), Some("2020-11-03".into()));
    }

    #[test]
    fn years_and_relative_days() {
        let pubd = Date::new(Some(2021), 1, 5).unwrap();
        assert_eq!(resolve_year(Date::new(None, 12, 30).unwrap(), pubd).iso(), "2020-12-30");
        assert_eq!(resolve_year(Date::new(None, 1, 3).unwrap(), pubd).iso(), "2021-01-03");
        assert_eq!(pubd.add_days(-5).map(|d| d.iso()), Some("2020-12-31".into()));
        assert_eq!(
            Date::new(Some(2020), 3, 1).and_then(|d| d.add_days(-1)).map(|d| d.iso()),
            Some("2020-02-29".into())
        );
        assert_eq!(year_in("2017年度政法暨平安建设工作会议"), Some(2017));
        assert_eq!(year_in("第12345年"), None);
        assert_eq!(year_in("二〇二四年全市政法工作会议"), Some(2024));
        assert_eq!(year_in("二零一九年度述职"), Some(2019));
        assert_eq!(year_in("２０２３年全县信访工作会议"), Some(2023));
        assert_eq!(year_in("十二〇二四年"), None);
        assert_eq!(time_of_day_at("下午，市委"), Some("下午"));
        assert_eq!(time_of_day_at("晚间召开"), Some("晚上"));
        assert_eq!(relative_day_at("昨天上午"), Some((2, -1)));
        assert_eq!(parse(" 2020年5月18日]"), Some(Date { year: Some(2020), month: 5, day: 18 }));
    }

    #[test]
    fn datelines_and_a_bare_evening() {
        assert!(is_dateline("讯（记者"));
        assert!(is_dateline("报道 3月"));
        assert!(is_dateline("电 记者"));
        assert!(!is_dateline("上午，"));
        assert_eq!(time_of_day_after_date("晚，县委"), Some("晚上"));
        assert_eq!(time_of_day_after_date("晚召开"), Some("晚上"));
        assert_eq!(time_of_day_after_date("晚"), Some("晚上"));
        assert_eq!(time_of_day_after_date("晚会"), None);
        assert_eq!(time_of_day_after_date("晚报"), None);
        assert_eq!(time_of_day_after_date("下午"), Some("下午"));
    }

    #[test]
    fn junk_gives_no_date() {
        for t in ["", "日", "9999999日", "年月日", "０１月", "2020年13月40日"] {
            assert!(find_dates(t).is_empty(), "{t:?}: {:?}", find_dates(t));
        }
        // A control char before a date is no part of it.
        let t = "\u{0}5月5日";
        let all = find_dates(t);
        assert_eq!(all.len(), 1);
        let c = confirmed(t, &all);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].date.month, c[0].date.day, c[0].span), (5, 5, Span::new(1, 5)));
    }

    #[test]
    fn a_year_inside_quotes() {
        assert_eq!(quoted_year("“净网2021”集中行动"), Some(2021));
        assert_eq!(quoted_year("“2022护苗”行动"), Some(2022));
        assert_eq!(quoted_year("“利剑-2018”专项行动"), Some(2018));
        assert_eq!(quoted_year("“护苗12018”行动"), None);
        assert_eq!(quoted_year("“2018年护苗”行动"), None);
        assert_eq!(quoted_year("净网2021集中行动"), None);
    }
}
