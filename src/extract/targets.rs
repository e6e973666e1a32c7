//! Time-bound goals and deadlines (到2021年底…, 2020年建机制, 年底前…).
//!
//! Four shapes, tried in this order (a later shape never re-reads an earlier one's time):
//! - a lead-in 到/至/力争到 + time, then the goal clause: 到2021年底，…要基本建成；
//! - a staged slogan: 2020年建机制、2021年见成效、2022年达目标 (one target per stage);
//! - a deadline inside a clause: 确保年底前全部完成, 2025年前实现, 今年内完成;
//! - a duration: 力争用三年时间….
//!
//! `when` convention: the normalised moment when it resolves — "YYYY-12-31" for a year's end
//! (年底/年末/下半年), "YYYY-06-30" for 上半年, "YYYY-MM" for a month (6月, 6月底), "YYYY" for a
//! bare year or 今年内 — with 今年/年底 resolved through the document's `year`; otherwise the
//! phrase as written (三年时间, or 年底 when the year is unknown). A deadline's 前/内 is not
//! kept in `when`: "2025年前" → "2025". `text` is the goal (after the time phrase, up to 。；),
//! `span` the whole clause from its lead-in.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::Ctx;
use crate::report::{Span, Target};

/// The time phrase; named groups feed [`normalise`]. Written twice, as a year with an optional
/// part and as a part alone, because one pattern whose parts are all optional matches the
/// empty string before every 前 and after every 到, and each of those matches costs a capture.
/// A part alone is never a bare 底/末 (see [`bare_end`]).
const YEAR: &str = r"(?:(?P<y>(?:19|20)[0-9０-９]{2})年|(?P<rel>今年|明年|本年|当年))";
const MONTH: &str = r"(?P<m>1[0-2]|[1-9])月(?:份)?(?:底|末)?";
const HALF: &str = r"(?P<half>上半年|下半年)";

fn time_pair(before: &str, alone_extra: &str, after: &str) -> [Option<Regex>; 2] {
    [
        Regex::new(&format!(r"{before}(?P<t>{YEAR}(?:{MONTH}|(?P<ye>年底|年末|底|末)|{HALF})?){after}")).ok(),
        Regex::new(&format!(r"{before}(?P<t>{MONTH}|(?P<ye>年底|年末)|{HALF}{alone_extra}){after}")).ok(),
    ]
}

/// Captures of both regexes of a [`time_pair`], in text order (overlaps are left to the caller).
fn time_captures<'t>(pair: &'t [Option<Regex>; 2], text: &'t str) -> Vec<Captures<'t>> {
    let mut all: Vec<Captures> = pair.iter().flatten().flat_map(|re| re.captures_iter(text)).collect();
    all.sort_by_key(|c| c.get(0).map(|m| m.start()));
    all
}

static LEAD: LazyLock<[Option<Regex>; 2]> =
    LazyLock::new(|| time_pair("(?:力争|争取|计划|预计)?(?:到|至|截至)", "", "(?:前|以前)?(?:，|,)?"));

static INLINE: LazyLock<[Option<Regex>; 2]> = LazyLock::new(|| time_pair("", "|年内", "(?:前|以前|之前|内|以内)"));

/// "力争年内…", "确保年内…": this year, as a goal's lead-in (a bare 年内 is often 一年内).
static WITHIN_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?:力争|争取|确保)年内").ok());

static STAGES: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?:19|20)[0-9０-９]{2}年[\x{4E00}-\x{9FFF}]{2,5}、)+(?:19|20)[0-9０-９]{2}年[\x{4E00}-\x{9FFF}]{2,5}",
    )
    .ok()
});

static STAGE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"((?:19|20)[0-9０-９]{2})年([\x{4E00}-\x{9FFF}]{2,5})").ok());

static DURATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:力争|争取)?用(?:[一二两三四五六七八九十]|[0-9０-９]{1,2})(?:年|个月|周)(?:左右)?(?:的)?时间").ok()
});

/// The normalised `when` of a time phrase, or None when it does not resolve.
fn normalise(c: &Captures, year: Option<i32>) -> Option<String> {
    let explicit = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
    let y = explicit.or_else(|| match c.name("rel").map(|r| r.as_str()) {
        Some("明年") => year.map(|y| y + 1),
        Some(_) => year,
        // 年底/上半年/6月底 alone mean this year.
        None => year.filter(|_| c.name("ye").is_some() || c.name("half").is_some() || c.name("m").is_some()),
    })?;
    if let Some(m) = c.name("m").and_then(|m| m.as_str().parse::<u32>().ok()) {
        return Some(format!("{y}-{m:02}"));
    }
    if c.name("ye").is_some() {
        return Some(format!("{y}-12-31"));
    }
    match c.name("half").map(|h| h.as_str()) {
        Some("上半年") => Some(format!("{y}-06-30")),
        Some(_) => Some(format!("{y}-12-31")),
        None => Some(format!("{y}")),
    }
}

fn has_time(c: &Captures) -> bool {
    ["y", "rel", "m", "ye", "half"].iter().any(|g| c.name(g).is_some()) && !bare_end(c)
}

/// 底/末 with no year before it is no time: 做到底数清, 到底线, 月底 of a blank ××月.
fn bare_end(c: &Captures) -> bool {
    c.name("ye").is_some_and(|e| matches!(e.as_str(), "底" | "末")) && c.name("y").is_none() && c.name("rel").is_none()
}

/// Classes of [`super::pieces`]: the chars every match of a shape holds.
const TIME_CHAR: u32 = 1;
const DURATION_CHAR: u32 = 2;

/// Longest clause read around a deadline, in chars.
const MAX_CLAUSE: usize = 300;

struct Scan<'a> {
    ctx: &'a Ctx<'a>,
    cs: &'a [char],
    /// Chars already read as a time phrase.
    used: Vec<bool>,
    out: Vec<Target>,
}

impl Scan<'_> {
    fn free(&self, sp: Span) -> bool {
        self.used.get(sp.0..sp.1).is_some_and(|u| !u.iter().any(|&x| x))
    }

    fn take(&mut self, sp: Span) {
        if let Some(u) = self.used.get_mut(sp.0..sp.1) {
            u.fill(true);
        }
    }

    /// End of the clause starting at `from`: the next 。；！？ or line break (exclusive).
    /// Bounded (like [`Scan::clause_start`]) so that a text without stops stays linear.
    fn clause_end(&self, from: usize) -> usize {
        let limit = (from + MAX_CLAUSE).min(self.cs.len());
        (from..limit).find(|&i| matches!(self.cs[i], '。' | '；' | '！' | '？' | '\n')).unwrap_or(limit)
    }

    /// Start of the clause holding `at`: after the previous ，。；：！？ or line break.
    fn clause_start(&self, at: usize) -> usize {
        (at.saturating_sub(MAX_CLAUSE)..at)
            .rev()
            .find(|&i| matches!(self.cs[i], '，' | '。' | '；' | '：' | '！' | '？' | '\n'))
            .map_or(at.saturating_sub(MAX_CLAUSE), |i| i + 1)
    }

    fn text(&self, s: usize, e: usize) -> String {
        let t: String = self.cs.get(s..e).map(|x| x.iter().collect()).unwrap_or_default();
        t.trim().trim_start_matches(['，', '：']).trim().to_string()
    }

    fn push(&mut self, when: String, goal: Span, span: Span) {
        let text = self.text(goal.0, goal.1);
        if text.chars().count() >= 2 {
            self.out.push(Target { when, text, span });
        }
    }
}

pub fn extract(ctx: &Ctx, year: Option<i32>) -> Vec<Target> {
    let text = ctx.doc.text.as_str();
    let cs = &ctx.chars[..];
    let n = cs.len();
    let mut sc = Scan { ctx, cs, used: vec![false; n], out: Vec::new() };
    // Every shape's match lies inside one sentence and holds 年/月 (a time) or 时 (用三年时间).
    let sentences = super::pieces(text, crate::text::ends_sentence, |c| match c {
        '年' | '月' => TIME_CHAR,
        '时' => DURATION_CHAR,
        _ => 0,
    });

    for (off, piece) in sentences.with(TIME_CHAR) {
        for c in time_captures(&LEAD, piece) {
            let (Some(all), Some(t)) = (c.get(0), c.name("t")) else { continue };
            if !has_time(&c) {
                continue;
            }
            let sp = sc.ctx.doc.span_of_bytes(off + all.start(), off + all.end());
            if !sc.free(sp) {
                continue;
            }
            // 2019年1月至2020年5月: a past period, not a goal.
            if sp.0 > 0 && sc.cs.get(sp.0 - 1).is_some_and(|c| c.is_ascii_digit() || matches!(c, '月' | '日' | '年'))
            {
                continue;
            }
            let when = normalise(&c, year).unwrap_or_else(|| t.as_str().to_string());
            let end = sc.clause_end(sp.1);
            sc.take(sp);
            sc.push(when, Span::new(sp.1, end), Span::new(sp.0, end));
        }
    }
    for (off, piece) in sentences.with(TIME_CHAR) {
        let Some(re) = WITHIN_YEAR.as_ref() else { break };
        for m in re.find_iter(piece) {
            let sp = sc.ctx.doc.span_of_bytes(off + m.start(), off + m.end());
            if !sc.free(sp) {
                continue;
            }
            let when = year.map_or_else(|| "年内".to_string(), |y| y.to_string());
            let end = sc.clause_end(sp.1);
            sc.take(sp);
            sc.push(when, Span::new(sp.1, end), Span::new(sp.0, end));
        }
    }
    for (off, piece) in sentences.with(TIME_CHAR) {
        let (Some(re), Some(one)) = (STAGES.as_ref(), STAGE.as_ref()) else { break };
        for m in re.find_iter(piece) {
            for c in one.captures_iter(m.as_str()) {
                let (Some(all), Some(y), Some(goal)) = (c.get(0), c.get(1), c.get(2)) else { continue };
                let base = off + m.start();
                let sp = sc.ctx.doc.span_of_bytes(base + all.start(), base + all.end());
                if !sc.free(sp) {
                    continue;
                }
                sc.take(sp);
                let g = sc.ctx.doc.span_of_bytes(base + goal.start(), base + goal.end());
                sc.push(y.as_str().to_string(), g, sp);
            }
        }
    }
    for (off, piece) in sentences.with(TIME_CHAR) {
        for c in time_captures(&INLINE, piece) {
            let (Some(all), Some(t)) = (c.get(0), c.name("t")) else { continue };
            let sp = sc.ctx.doc.span_of_bytes(off + all.start(), off + all.end());
            if t.as_str().is_empty() || bare_end(&c) || !sc.free(sp) {
                continue;
            }
            let when = if t.as_str() == "年内" {
                year.map_or_else(|| "年内".to_string(), |y| y.to_string())
            } else {
                normalise(&c, year).unwrap_or_else(|| t.as_str().to_string())
            };
            let start = sc.clause_start(sp.0);
            sc.take(sp);
            // 年底前，全镇…要完成: a deadline standing alone before a comma leads in its goal.
            if start == sp.0 && sc.cs.get(sp.1) == Some(&'，') {
                let end = sc.clause_end(sp.1 + 1);
                sc.push(when, Span::new(sp.1 + 1, end), Span::new(start, end));
                continue;
            }
            let end = sc.clause_end(sp.1);
            sc.push(when, Span::new(start, end), Span::new(start, end));
        }
    }
    for (off, piece) in sentences.with(DURATION_CHAR) {
        let Some(re) = DURATION.as_ref() else { break };
        for m in re.find_iter(piece) {
            let sp = sc.ctx.doc.span_of_bytes(off + m.start(), off + m.end());
            if !sc.free(sp) {
                continue;
            }
            let when = m.as_str().trim_start_matches("力争").trim_start_matches("争取").trim_start_matches('用');
            let when = when.to_string();
            let end = sc.clause_end(sp.1);
            sc.take(sp);
            sc.push(when, Span::new(sp.1, end), Span::new(sp.0, end));
        }
    }
    let mut out = sc.out;
    out.sort_by_key(|t| t.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::with_ctx;

    fn run(text: &str, year: Option<i32>) -> Vec<Target> {
        with_ctx(text, |ctx| extract(ctx, year))
    }

    fn whens(t: &[Target]) -> Vec<&str> {
        t.iter().map(|x| x.when.as_str()).collect()
    }

    #[test]
    fn lead_in_deadlines_resolve() {
        let text =
            "到2023年底，县级矛盾调解中心要全部建成；到今年年底，网格员队伍要配齐配强。到2024年6月，全面完成试点任务。";
        let t = run(text, Some(2022));
        assert_eq!(whens(&t), vec!["2023-12-31", "2022-12-31", "2024-06"]);
        assert_eq!(t[0].text, "县级矛盾调解中心要全部建成");
        assert_eq!(t[0].span, Span::new(0, 21));
        assert_eq!(t[2].text, "全面完成试点任务");
    }

    #[test]
    fn without_a_year_relative_times_stay_as_written() {
        let t = run("到今年年底，综治中心要实现全覆盖。", None);
        assert_eq!(whens(&t), vec!["今年年底"]);
    }

    #[test]
    fn staged_slogan_gives_one_target_per_stage() {
        let t = run("围绕“2021年打基础、2022年求突破、2023年创品牌”的思路推进。", Some(2021));
        assert_eq!(whens(&t), vec!["2021", "2022", "2023"]);
        let goals: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(goals, vec!["打基础", "求突破", "创品牌"]);
    }

    #[test]
    fn inline_deadlines_and_durations() {
        let t = run(
            "要加快推进，确保各项整改任务年底前全部完成。2025年前基本实现市域社会治理现代化。今年内完成平台建设。力争用两年时间实现矛盾纠纷化解率明显提升。",
            Some(2021),
        );
        assert_eq!(whens(&t), vec!["2021-12-31", "2025", "2021", "两年时间"]);
        assert_eq!(t[0].text, "确保各项整改任务年底前全部完成");
        assert_eq!(t[3].text, "实现矛盾纠纷化解率明显提升");
    }

    #[test]
    fn a_deadline_opening_its_sentence_leads_in_the_goal() {
        let t = run(
            "会议要求，年底前，各村社区要全部建成标准化调解室，做到应建尽建。2024年前，基本完成网格整合。",
            Some(2023),
        );
        assert_eq!(whens(&t), vec!["2023-12-31", "2024"]);
        assert_eq!(t[0].text, "各村社区要全部建成标准化调解室，做到应建尽建");
        assert_eq!(t[0].span, Span::new(5, 31));
        assert_eq!(t[1].text, "基本完成网格整合");
    }

    #[test]
    fn within_the_year_as_a_lead_in() {
        let t = run("要深化调解工作，力争年内全县矛盾纠纷调解成功率达到98%以上。一年内完成的案件要回访。", Some(2025));
        assert_eq!(whens(&t), vec!["2025"]);
        assert_eq!(t[0].text, "全县矛盾纠纷调解成功率达到98%以上");
    }

    #[test]
    fn di_and_mo_alone_are_no_time() {
        // 做到底数清 is not 到 + 底; a blank month (××月底前) has no time either.
        let t =
            run("要逐一落实包案领导和稳控措施，做到底数清、情况明、措施实。××月底前，积案要全部化解到位。", Some(2024));
        assert!(t.is_empty(), "{t:?}");
        let t = run("到今年底，网格员要配齐。", Some(2024));
        assert_eq!(whens(&t), vec!["2024-12-31"]);
    }

    #[test]
    fn past_dates_and_plain_years_are_not_targets() {
        let t = run(
            "2021年度平安建设考核情况通报。2020年1月至2021年5月，共化解矛盾纠纷300件。3月9日上午召开会议。",
            Some(2022),
        );
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn junk_gives_no_target() {
        for s in ["", "到", "到今年", "用三年时间", "2020年建、", "至2020年"] {
            assert!(run(s, Some(2020)).is_empty() && run(s, None).is_empty(), "{s:?}");
        }
        // 年底前 alone is a deadline: this year's end when the year is known.
        assert_eq!(whens(&run("年底前", Some(2020))), vec!["2020-12-31"]);
        assert_eq!(whens(&run("年底前", None)), vec!["年底"]);
        let t = run(&"到2021年底，要建成。".repeat(10_000), Some(2020));
        assert_eq!(t.len(), 10_000);
        assert!(t.iter().all(|x| x.when == "2021-12-31" && x.text == "要建成" && x.span.len() == 11));
        let t = run(&"年底前完成".repeat(50_000), Some(2020));
        let bad: Vec<_> = t.iter().filter(|x| x.span.len() > 2 * MAX_CLAUSE + 10).take(2).collect();
        assert!(bad.is_empty(), "{:?}", bad.iter().map(|x| (&x.when, x.span)).collect::<Vec<_>>());
    }

    #[test]
    fn seed_004_targets() {
        let t = with_ctx(include_str!("../../seeds/004_4cf3b7e9622604b5.txt"), |ctx| extract(ctx, Some(2020)));
        let w = whens(&t);
        for want in ["2020", "2021", "2022", "2020-12-31", "2021-12-31", "2022-06"] {
            assert!(w.contains(&want), "{want} missing from {w:?}");
        }
        assert!(t.iter().any(|x| x.text == "建机制" && x.when == "2020"));
        assert!(t.iter().any(|x| x.text == "达目标" && x.when == "2022"));
        let end2021 = t.iter().find(|x| x.when == "2021-12-31");
        assert!(end2021.is_some_and(|x| x.text.starts_with("市域社会治理体制机制要不断健全")));
    }
}
