//! A regex whose long bounded repeats (a meeting's name, `[^，。；！？：\s]{2,70}?`) are compiled
//! unbounded (`{2,}?`), with the bounds checked on the match instead.
//!
//! Why: a bounded repeat of a Unicode class compiles into one copy of the class's UTF-8 automaton
//! per repetition, forwards and backwards, so such regexes were most of the cost of a first
//! analysis (the rules compile on first use). Natively, the two announcement regexes alone were
//! 15 % of the instructions of the first analysis of a report; in wasm that is the user's first
//! answer (docs/perf-history.md, "Capped regexes").
//!
//! Exact, not an approximation: every match of the bounded regex is a match of the unbounded one,
//! and the regex crate picks, among the matches at the leftmost start, the first in the order a
//! backtracking search would try them. Dropping the bound only adds candidates (longer
//! repetitions) to that order without reordering the others. So when each repeat in the unbounded
//! regex's match stays within its bound, the bounded regex's match is the same one; when one goes
//! over, the bounded regex itself (compiled then, once) gives the answer.

use std::sync::OnceLock;

use regex::{Captures, Regex};

pub(crate) struct Capped {
    fast: Regex,
    exact_pattern: String,
    exact: OnceLock<Option<Regex>>,
    caps: &'static [(&'static str, usize)],
}

/// Writes a long repeat's upper bound: `max` in the bounded regex, nothing in the unbounded one.
pub(crate) type Bound<'a> = &'a dyn Fn(usize) -> String;

impl Capped {
    /// `pattern(bound)` writes the regex, each long repeat as `{{min,{}}}` with `bound(max)`;
    /// `caps` names, for each such repeat, the capture group that holds exactly what it matches,
    /// and its `max` (in chars). Panics if the pattern is invalid: the patterns are the program's
    /// own, and the tests compile every one.
    pub(crate) fn new(pattern: impl Fn(Bound) -> String, caps: &'static [(&'static str, usize)]) -> Capped {
        let fast = Regex::new(&pattern(&|_| String::new())).expect("capped regex");
        Capped { fast, exact_pattern: pattern(&|max| max.to_string()), exact: OnceLock::new(), caps }
    }

    /// The bounded regex's captures in `text`.
    pub(crate) fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        // No unbounded match: no bounded match either.
        let c = self.fast.captures(text)?;
        let within =
            self.caps.iter().all(|&(group, max)| c.name(group).is_none_or(|m| m.as_str().chars().count() <= max));
        if within {
            return Some(c);
        }
        match self.exact.get_or_init(|| Regex::new(&self.exact_pattern).ok()) {
            Some(exact) => exact.captures(text),
            None => Some(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: &str = r"[^，。；！？：\s]";

    /// The announcement form "召开 NAME会议", with its name's head at most `max` chars, and an
    /// optional venue of at most 4 after "在" (two bounded repeats).
    fn hold(max: usize) -> impl Fn(Bound) -> String {
        move |b| {
            format!(
                r"(?:在(?P<venue>[^，。]{{2,{}}}?))?(?:召开|举行)了?(?P<name>(?P<head>{NAME}{{2,{}}}?)(?:工作会议|会议|大会))(?:[，。；！\s（]|$)",
                b(4),
                b(max)
            )
        }
    }

    fn capped(max: usize) -> (Capped, Regex) {
        let caps: &'static [(&'static str, usize)] = Box::leak(vec![("venue", 4), ("head", max)].into_boxed_slice());
        (Capped::new(hold(max), caps), Regex::new(&hold(max)(&|m| m.to_string())).unwrap())
    }

    fn same(capped: &Capped, bounded: &Regex, text: &str) {
        let spans = |c: Option<Captures>| c.map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>());
        assert_eq!(spans(capped.captures(text)), spans(bounded.captures(text)), "on {text:?}");
    }

    #[test]
    fn matches_as_the_bounded_regex_on_report_sentences() {
        let (capped, bounded) = capped(70);
        for s in [
            "5月15日上午，市委召开全市政法工作会议，市委书记王某出席会议并讲话。",
            "县委、县政府隆重召开了全县平安建设推进大会。",
            "区委政法委召开会议，研究部署下一阶段工作。",
            "市委政法委在市会议中心召开全市扫黑除恶专项斗争推进会议。",
            "会议要求，各地要把召开专题会议作为重要抓手。",
            "没有会议的一句话。",
            "",
        ] {
            same(&capped, &bounded, s);
        }
        let c = capped.captures("5月15日上午，市委召开全市政法工作会议，市委书记出席。").unwrap();
        assert_eq!(&c["name"], "全市政法工作会议");
    }

    #[test]
    fn a_name_over_the_bound_falls_back_to_the_bounded_regex() {
        let (capped, bounded) = capped(6);
        // The first 召开 is followed by a 9-char head: the bounded regex takes the second.
        let s = "召开全市上下各级各部门会议，随后召开全县政法工作会议。";
        same(&capped, &bounded, s);
        assert_eq!(&capped.captures(s).unwrap()["name"], "全县政法工作会议");
        // Only an over-long one: no match, as the bounded regex.
        same(&capped, &bounded, "召开全市上下各级各部门会议。");
        assert!(capped.captures("召开全市上下各级各部门会议。").is_none());
    }

    #[test]
    fn agrees_with_the_bounded_regex_on_generated_text() {
        // Every string of up to 5 of the pattern's own pieces: with a bound of 3, heads over and
        // under the bound are both common.
        let (capped, bounded) = capped(3);
        let pieces = ["召开", "会议", "大会", "工作", "市", "在", "，", "了"];
        let mut stack = vec![(String::new(), 0)];
        let (mut n, mut over) = (0, 0);
        while let Some((s, k)) = stack.pop() {
            same(&capped, &bounded, &s);
            n += 1;
            over += usize::from(capped.fast.captures(&s).is_some_and(|c| {
                c["head"].chars().count() > 3 || c.name("venue").is_some_and(|v| v.as_str().chars().count() > 4)
            }));
            if k < 5 {
                stack.extend(pieces.iter().map(|p| (format!("{s}{p}"), k + 1)));
            }
        }
        assert!(n > 30_000 && over > 300, "{n} strings, {over} with a head over the bound");
    }
}
