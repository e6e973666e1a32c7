//! The speaker of a speech text, named only in its heading: "在全县…会议上的讲话\n县委书记 某某\n
//! （2024年3月28日）", "市长 某某（2023年1月5日）", "——在全市…会议上的讲话 区委书记 某某".

use super::lex::LEX;
use super::names::{parse_name, title_chain, Anchor, TokenIndex};
use crate::report::Span;

/// The heading ends where the body begins: 同志们, a long paragraph, or this many chars.
const HEADING_MAX: usize = 400;
const LONG_LINE: usize = 80;

/// Speakers named on a line of their own (title, name, an optional dated bracket) in the heading.
pub fn speakers(chars: &[char], toks: &TokenIndex) -> Vec<Anchor> {
    let mut lines = Vec::new();
    let mut comrades = None;
    let mut i = 0;
    while i < chars.len() && i < HEADING_MAX {
        let end = chars[i..].iter().position(|&c| c == '\n').map_or(chars.len(), |p| i + p);
        let (s, e) = trim(chars, i, end);
        if starts_with(chars, s, "同志们") {
            comrades = Some(s);
            break;
        }
        if e - s > LONG_LINE {
            break;
        }
        if s < e {
            lines.push((s, e));
        }
        i = end + 1;
    }
    // The heading says what the text is; a bare 同志们 opening makes it a speech. The role's
    // evidence is the word that says so.
    let in_heading = |w: &str| lines.iter().find_map(|&(s, e)| find_in(chars, s, e, w));
    // A 主持词 is the host's text: its speaker chairs the meeting.
    let role = if let Some(sp) = in_heading("主持词") {
        ("主持", sp)
    } else if let Some(sp) = in_heading("讲话").or_else(|| in_heading("致辞")) {
        ("讲话", sp)
    } else if let Some(sp) = in_heading("发言") {
        ("发言", sp)
    } else if let Some(sp) = in_heading("报告") {
        ("报告", sp)
    } else if let Some(at) = comrades {
        ("讲话", Span::new(at, at + 3))
    } else {
        return Vec::new();
    };
    lines.into_iter().filter_map(|(s, e)| speaker_on_line(chars, s, e, toks, role)).collect()
}

fn speaker_on_line(
    chars: &[char],
    ls: usize,
    le: usize,
    toks: &TokenIndex,
    role: (&'static str, Span),
) -> Option<Anchor> {
    let e = strip_dated_bracket(chars, ls, le);
    let e = if e >= ls + 2 && chars[e - 2..e] == ['同', '志'] { trim(chars, ls, e - 2).1 } else { e };
    let close = |x: usize| x == e;
    (ls.max(e.saturating_sub(12))..e).find_map(|s| {
        if parse_name(chars, s, &close) != Some(e) {
            return None;
        }
        let mut t = s;
        while t > ls && chars[t - 1] == ' ' {
            t -= 1;
        }
        LEX.heads.longest_ending_at(chars, t)?;
        let titles = title_chain(chars, t, toks);
        (!titles.is_empty()).then_some(Anchor { start: s, end: e, titles, role: Some(role) })
    })
}

/// "（2024年3月28日）" at the end of the line: where the line ends without it.
fn strip_dated_bracket(chars: &[char], ls: usize, le: usize) -> usize {
    if le == ls || chars[le - 1] != '）' {
        return le;
    }
    let Some(open) = chars[ls..le].iter().rposition(|&c| c == '（').map(|p| ls + p) else { return le };
    let inside = &chars[open + 1..le - 1];
    if inside.iter().any(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日')) {
        trim(chars, ls, open).1
    } else {
        le
    }
}

fn trim(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    (s, e)
}

/// Where `w` first occurs in `chars[s..e]`.
fn find_in(chars: &[char], s: usize, e: usize, w: &str) -> Option<Span> {
    super::find(chars.get(s..e)?, w).map(|k| Span::new(s + k, s + k + w.chars().count()))
}

fn starts_with(chars: &[char], at: usize, w: &str) -> bool {
    let w: Vec<char> = w.chars().collect();
    chars.get(at..at + w.len()) == Some(&w[..])
}
