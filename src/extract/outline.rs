//! The speech's outline: the nested enumeration tree (一、/（一）/1./第一，/一是/一要/首先…).
//!
//! Markers are found in one pass, grouped per marker family into consecutive sequences
//! (一、 二、 三、 …; a lone 一是 is no enumeration), and sequences are nested by containment:
//! a sequence whose markers all fall inside one item of another is that item's children.
//! Levels therefore follow how a document nests its families, not a fixed ranking.

use super::Ctx;
use crate::lexicon::FastMap;
use crate::report::{OutlineNode, Person, Span};

#[cfg(test)]
mod tests;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// 一、 (heading style; may stand on its own line)
    HanComma,
    /// （一）
    HanParen,
    /// 1. / 1、
    ArabicDot,
    /// （1）
    ArabicParen,
    /// ①
    Circled,
    /// 第一， / 第一、
    Ordinal,
    /// 一是
    Shi,
    /// 一要
    Yao,
    /// 首先 / 其次 / 再次 / 最后
    Sequence,
    /// 第一部分 (a heading opening its line; the speech's parts, above its 一、 headings)
    Part,
}

impl Family {
    /// Families written inside running text: their items must follow one another within a
    /// paragraph (or each open a paragraph), so that an 一要 here and an 二要 three paragraphs
    /// later are not taken for one list.
    fn inline(self) -> bool {
        !matches!(self, Family::HanComma | Family::HanParen | Family::ArabicDot | Family::Part)
    }
}

#[derive(Debug, Clone, Copy)]
struct Marker {
    fam: Family,
    /// 1-based number; `LAST` for 最后.
    n: u32,
    start: usize,
    /// First char after the marker (and its punctuation).
    body: usize,
    para: usize,
    opens_line: bool,
}

const LAST: u32 = u32::MAX;

/// Longest a last point may run (chars): longer than any real section, and it keeps junk
/// input (thousands of lists in one line) linear.
const MAX_LAST: usize = 8000;

/// Deepest outline level kept (real documents use three or four).
const MAX_DEPTH: u32 = 6;

/// Sentence stops after which a marker may begin.
fn is_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '：')
}

/// Value of a Han numeral 一…九十九 (as written in outlines: 十一, 二十, 二十三).
fn han_value(s: &[char]) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        "一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32 + 1)
    }
    match s {
        [a] if *a == '十' => Some(10),
        [a] => digit(*a),
        [a, b] if *a == '十' => digit(*b).map(|d| 10 + d),
        [a, b] if *b == '十' => digit(*a).filter(|&d| d > 1).map(|d| d * 10),
        [a, b, c] if *b == '十' => Some(digit(*a).filter(|&d| d > 1)? * 10 + digit(*c)?),
        _ => None,
    }
}

fn is_han_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// The numeral run at `i` (at most 3 chars) and its value.
fn han_number(cs: &[char], i: usize) -> Option<(usize, u32)> {
    let len = cs[i..].iter().take(3).take_while(|c| is_han_numeral(**c)).count();
    // Greedy first, then shorter: in 一要 the run is 一, in 十一、 it is 十一.
    (1..=len).rev().find_map(|l| han_value(&cs[i..i + l]).map(|v| (l, v)))
}

fn arabic_number(cs: &[char], i: usize) -> Option<(usize, u32)> {
    let len = cs[i..].iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if len == 0 || len > 2 {
        return None;
    }
    let v: String = cs[i..i + len].iter().collect();
    v.parse().ok().filter(|&v| v > 0).map(|v| (len, v))
}

/// Most bullet symbols (and spaces among them) read back before a marker.
const MAX_BULLET: usize = 6;

/// A list bullet: geometric shapes, arrows, dingbats and emoji (with their joiners), never a
/// letter or punctuation of the text.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '▶' | '►'
            | '▸'
            | '▷'
            | '▪'
            | '■'
            | '□'
            | '●'
            | '○'
            | '◆'
            | '◇'
            | '★'
            | '☆'
            | '•'
            | '➤'
            | '➢'
            | '→'
            | '✔'
            | '✅'
            | '❖'
            | '◎'
            | '\u{FE0F}'
            | '\u{200D}'
    ) || ('\u{1F300}'..='\u{1FAFF}').contains(&c)
        || ('\u{2700}'..='\u{27BF}').contains(&c)
}

/// What precedes position `i`: (opens a line, follows a stop, follows a comma, follows spaces).
fn context_before(cs: &[char], i: usize) -> (bool, bool, bool, bool) {
    let mut j = i;
    // Spaces of any width (the ideographic space indents many speeches), not line breaks.
    while j > 0 && cs[j - 1] != '\n' && cs[j - 1].is_whitespace() {
        j -= 1;
    }
    // A WeChat list's bullet (👉一要…；👉二要…, ▶一是…) stands where a line break or a space
    // would: skip a few such symbols (and their spaces) before the marker.
    let mut k = 0;
    while j > 0 && k < MAX_BULLET && (is_bullet(cs[j - 1]) || (cs[j - 1] != '\n' && cs[j - 1].is_whitespace())) {
        j -= 1;
        k += 1;
    }
    let spaced = j < i;
    if j == 0 || cs[j - 1] == '\n' {
        return (true, true, true, spaced);
    }
    let mut p = cs[j - 1];
    // 。” closes a sentence too.
    if matches!(p, '”' | '’' | '）') && j >= 2 && is_stop(cs[j - 2]) {
        p = cs[j - 2];
    }
    (false, is_stop(p), p == '，', spaced)
}

/// Longest a table of contents may run (paragraphs) when no salutation closes it.
const MAX_TOC_LINES: usize = 40;

/// Char ranges of tables of contents: from a short line opening with 目录 or 提纲 to the
/// speech's salutation (同志们：), or at most `MAX_TOC_LINES` lines. Their headings repeat the
/// body's and are no points of their own.
fn toc_regions(ctx: &Ctx, cs: &[char]) -> Vec<(usize, usize)> {
    let line = |p: &Span| {
        let mut s = p.0;
        while s < p.1 && cs[s].is_whitespace() {
            s += 1;
        }
        &cs[s..p.1.min(cs.len()).max(s)]
    };
    let starts = |l: &[char], w: &str| w.chars().enumerate().all(|(k, c)| l.get(k) == Some(&c));
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for p in &ctx.paragraphs {
        let l = line(p);
        if let Some((start, n)) = open {
            if starts(l, "同志们") || n >= MAX_TOC_LINES {
                out.push((start, p.0));
                open = None;
            } else {
                open = Some((start, n + 1));
            }
        } else if (starts(l, "目录") || starts(l, "提纲")) && l.len() <= 12 {
            open = Some((p.0, 0));
        }
    }
    if let Some((start, _)) = open {
        out.push((start, cs.len()));
    }
    out
}

fn find_markers(ctx: &Ctx, cs: &[char]) -> Vec<Marker> {
    let paras = &ctx.paragraphs;
    let para_of = |pos: usize| paras.partition_point(|p| p.1 <= pos);
    let tocs = toc_regions(ctx, cs);
    let in_toc = |pos: usize| {
        let k = tocs.partition_point(|r| r.1 <= pos);
        tocs.get(k).is_some_and(|r| r.0 <= pos)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        let Some((fam, n, body)) = marker_at(cs, i).filter(|_| !in_toc(i)) else {
            i += 1;
            continue;
        };
        let (opens, stop, comma, spaced) = context_before(cs, i);
        // 首先/其次 after a comma is an adverb in running text (…，首先是对安全感的向往), not
        // a point: a Sequence marker opens a sentence or a paragraph.
        // 一. and 一， stand for 一、 only as a heading opening its line.
        let loose = fam == Family::HanComma
            && (matches!(cs.get(body.wrapping_sub(1)), Some('.' | '，'))
                || cs.get(body.wrapping_sub(2)).is_some_and(|c| c.is_whitespace()));
        // 第一部分 in running text (报告第一部分…) names a part; as a heading it opens its line.
        let ok = if loose || fam == Family::Part {
            opens
        } else {
            opens || stop || spaced || (fam.inline() && fam != Family::Sequence && comma)
        };
        if ok {
            out.push(Marker { fam, n, start: i, body, para: para_of(i), opens_line: opens });
            i = body;
        } else {
            i += 1;
        }
    }
    out
}

/// Spaces read after a heading's "一." for its text.
const DOT_SPACES: usize = 8;

/// A marker starting at `i`, whatever precedes it: (family, number, end of marker).
fn marker_at(cs: &[char], i: usize) -> Option<(Family, u32, usize)> {
    let at = |k: usize| cs.get(k).copied().unwrap_or('\0');
    let c = cs[i];
    if is_han_numeral(c) {
        let (l, n) = han_number(cs, i)?;
        let e = i + l;
        return match at(e) {
            '、' | '．' => Some((Family::HanComma, n, e + 1)),
            // 一.提高认识 (not 一.5); find_markers takes these only at a line's start.
            '.' | '，' if !at(e + 1).is_ascii_digit() && !at(e + 1).is_whitespace() => {
                Some((Family::HanComma, n, e + 1))
            }
            // "一 、提高认识": a converted page's stray space before the 、 (a heading opening its line).
            ' ' | '\u{3000}' if at(e + 1) == '、' => Some((Family::HanComma, n, e + 2)),
            // "一.   统一思想": a typed heading spaces out its dot too; its text follows on the line.
            '.' => {
                let k = (e + 1..e + 1 + DOT_SPACES).find(|&k| !matches!(at(k), ' ' | '\t' | '\u{3000}'))?;
                (!at(k).is_ascii_digit() && !at(k).is_whitespace() && at(k) != '\0').then_some((
                    Family::HanComma,
                    n,
                    e + 1,
                ))
            }
            '是' if n <= 10 => Some((Family::Shi, n, e + 1)),
            '要' if n <= 10 => Some((Family::Yao, n, e + 1)),
            _ => None,
        };
    }
    if c == '（' {
        if let Some((l, n)) = han_number(cs, i + 1).filter(|_| i + 1 < cs.len()) {
            if at(i + 1 + l) == '）' {
                return Some((Family::HanParen, n, i + l + 2));
            }
        }
        if let Some((l, n)) = arabic_number(cs, i + 1).filter(|_| i + 1 < cs.len()) {
            if at(i + 1 + l) == '）' {
                return Some((Family::ArabicParen, n, i + l + 2));
            }
        }
        return None;
    }
    if c.is_ascii_digit() {
        let (l, n) = arabic_number(cs, i)?;
        let e = i + l;
        // 1.5万 is a number, not a marker.
        if matches!(at(e), '.' | '、' | '．') && !at(e + 1).is_ascii_digit() {
            return Some((Family::ArabicDot, n, e + 1));
        }
        return None;
    }
    if ('\u{2460}'..='\u{2473}').contains(&c) {
        return Some((Family::Circled, c as u32 - 0x2460 + 1, i + 1));
    }
    if c == '第' && i + 1 < cs.len() {
        let (l, n) = han_number(cs, i + 1)?;
        let e = i + 1 + l;
        if at(e) == '部' && at(e + 1) == '分' {
            return Some((Family::Part, n, e + 2));
        }
        return matches!(at(e), '，' | '、' | '：').then_some((Family::Ordinal, n, e + 1));
    }
    let two = [c, at(i + 1)];
    let n = match two {
        ['首', '先'] => 1,
        ['其', '次'] => 2,
        ['再', '次'] => 3,
        // 最后 is too common a word to count without its comma.
        ['最', '后'] if at(i + 2) == '，' => LAST,
        _ => return None,
    };
    let mut e = i + 2;
    if matches!(at(e), '，' | '、' | '：') {
        e += 1;
    }
    Some((Family::Sequence, n, e))
}

/// Group markers into consecutive runs per family; runs of one item are dropped unless `lone`
/// keeps that item.
fn sequences(markers: &[Marker], lone: impl Fn(&Marker) -> bool) -> Vec<Vec<Marker>> {
    const FAMS: [Family; 10] = [
        Family::HanComma,
        Family::HanParen,
        Family::ArabicDot,
        Family::ArabicParen,
        Family::Circled,
        Family::Ordinal,
        Family::Shi,
        Family::Yao,
        Family::Sequence,
        Family::Part,
    ];
    let mut done = Vec::new();
    let mut open: [Vec<Marker>; 10] = Default::default();
    for m in markers {
        let k = FAMS.iter().position(|f| *f == m.fam).unwrap_or(0);
        let cur = &mut open[k];
        if m.n == 1 {
            let prev = std::mem::replace(cur, vec![*m]);
            if prev.len() >= 2 || prev.first().is_some_and(&lone) {
                done.push(prev);
            }
            continue;
        }
        let Some(last) = cur.last() else { continue };
        let next = m.n == LAST || last.n.checked_add(1) == Some(m.n);
        let near = !m.fam.inline() || m.para == last.para || m.opens_line;
        if next && near {
            cur.push(*m);
            if m.n == LAST {
                let prev = std::mem::take(cur);
                done.push(prev);
            }
        }
    }
    for cur in open {
        if cur.len() >= 2 || cur.first().is_some_and(&lone) {
            done.push(cur);
        }
    }
    done.sort_by_key(|s| s[0].start);
    done
}

type Seq = Vec<Marker>;

/// A sequence at the current level: its markers, each item's end, the sequences nested in
/// each item.
type Top = (Seq, Vec<usize>, Vec<Vec<Seq>>);

/// What the outline extractor reads besides the markers.
struct Env<'a> {
    ctx: &'a Ctx<'a>,
    cs: &'a [char],
    /// (position, name) of each speech act, in text order.
    speakers: Vec<(usize, String)>,
    /// Starts of concluding sentences (总之，…), in text order.
    closers: Vec<usize>,
    /// The text is a speech (it has a salutation).
    speech: bool,
}

/// Sentences opening with these close a speech's last point.
const CLOSERS: [&str; 3] = ["总之", "总而言之", "同志们"];

fn closers(cs: &[char]) -> Vec<usize> {
    let words: Vec<Vec<char>> = CLOSERS.iter().map(|w| w.chars().collect()).collect();
    (1..cs.len())
        .filter(|&i| matches!(cs[i], '总' | '同') && matches!(cs[i - 1], '。' | '！' | '？' | '\n' | ' '))
        .filter(|&i| words.iter().any(|w| cs.get(i..i + w.len()) == Some(&w[..])))
        .collect()
}

impl Env<'_> {
    fn trim_end(&self, mut e: usize, floor: usize) -> usize {
        while e > floor && self.cs.get(e - 1).is_some_and(|c| c.is_whitespace()) {
            e -= 1;
        }
        e
    }

    /// Item ends for one sequence: each item runs to the next. The last one of a nested list
    /// runs to its parent's end (`hi`, when `fill`); the last one of a top-level list takes as
    /// many paragraphs as its longest sibling (a heading line plus its body), so that the
    /// closing remarks and chair lines of a news item stay out. Both stop before a closing
    /// 总之/同志们.
    fn item_ends(&self, seq: &[Marker], hi: usize, fill: bool) -> Vec<usize> {
        let paras = &self.ctx.paragraphs;
        let mut ends: Vec<usize> = seq.windows(2).map(|w| self.trim_end(w[1].start, w[0].start)).collect();
        let mut span_paras = 1;
        for (m, &e) in seq.iter().zip(&ends) {
            let last_para = paras.partition_point(|p| p.1 < e);
            span_paras = span_paras.max(last_para.saturating_sub(m.para) + 1);
        }
        let Some(last) = seq.last() else { return ends };
        let para_end = paras.get(last.para + span_paras - 1).or(paras.last()).map_or(self.cs.len(), |p| p.1);
        // A 一、 heading's last point holds the rest of the speech (its sub-lists too), not
        // just the paragraphs its siblings took.
        let guess = if fill || (self.speech && last.fam == Family::HanComma) { hi } else { para_end.min(hi) };
        let mut end = guess.min(last.body + MAX_LAST).max(last.body);
        if let Some(c) = self.closing(last.body, end) {
            end = c;
        }
        ends.push(self.trim_end(end, last.start));
        ends
    }

    /// Start of a concluding sentence (总之，…) in [from, to).
    fn closing(&self, from: usize, to: usize) -> Option<usize> {
        let k = self.closers.partition_point(|&p| p < from);
        self.closers.get(k).copied().filter(|&p| p < to)
    }

    fn heading(&self, body: usize, end: usize) -> String {
        const MAX: usize = 60;
        let mut s = body;
        while s < end
            && self.cs.get(s).is_some_and(|&c| c == ' ' || c == '\u{3000}' || c == '，' || c == '：' || c == '、')
        {
            s += 1;
        }
        let mut e = s;
        while e < end && e - s < MAX && !matches!(self.cs[e], '。' | '！' | '？' | '；' | '\n') {
            e += 1;
        }
        if e - s > 40 {
            // A long first sentence: its first clause is the heading.
            if let Some(k) = (s + 6..e).find(|&k| self.cs[k] == '，') {
                e = k;
            }
        }
        let e = self.trim_end(e, s);
        self.cs[s..e].iter().collect()
    }

    fn speaker_at(&self, pos: usize) -> Option<String> {
        let k = self.speakers.partition_point(|(p, _)| *p < pos);
        k.checked_sub(1).and_then(|k| self.speakers.get(k)).map(|(_, n)| n.clone())
    }

    /// Nest `seqs` (sorted by start) inside the region ending at `hi`.
    fn build(&self, seqs: Vec<Vec<Marker>>, hi: usize, level: u32) -> Vec<OutlineNode> {
        let fill = level > 1;
        let mut tops: Vec<Top> = Vec::new();
        for s in seqs {
            let (Some(first), Some(lastm)) = (s.first(), s.last()) else { continue };
            if let Some((t, ends, kids)) = tops.last_mut() {
                let t_end = ends.last().copied().unwrap_or(0);
                if first.start < t_end {
                    // Which item of t holds s? Earlier tops end before t starts, so t is the
                    // only candidate; a run straddling t's items is no real list: drop it.
                    let i = t.partition_point(|m| m.start < first.start).saturating_sub(1);
                    let is_last = i + 1 == t.len();
                    if t[0].fam == first.fam {
                        // 一要… inside 二要 is no nesting: a new list of the same family that
                        // opens in the last point ends that point and stands beside it.
                        if !is_last {
                            continue;
                        }
                        if let Some(e) = ends.last_mut() {
                            *e = self.trim_end(first.start, t[i].start);
                        }
                    } else if let (Some(e), Some(k)) = (ends.get_mut(i), kids.get_mut(i)) {
                        if level >= MAX_DEPTH {
                            // Deeper than any real outline: junk; keep the recursion bounded.
                        } else if first.start >= t[i].body && lastm.start < *e {
                            k.push(s);
                        } else if first.start >= t[i].body && is_last {
                            // A list opening inside the last point belongs to it even when it
                            // runs past the paragraphs guessed for that point.
                            let s_end = self.item_ends(&s, hi, fill).last().copied().unwrap_or(*e);
                            *e = (*e).max(s_end);
                            k.push(s);
                        }
                        continue;
                    } else {
                        continue;
                    }
                }
            }
            let ends = self.item_ends(&s, hi, fill);
            let kids = vec![Vec::new(); s.len()];
            tops.push((s, ends, kids));
        }
        let mut out = Vec::new();
        for (seq, ends, kids) in tops {
            for ((m, end), kids) in seq.iter().zip(ends).zip(kids) {
                // 首先， is written with its comma but named without it; 第一， keeps it.
                let mend = if m.fam == Family::Sequence { (m.start + 2).min(m.body) } else { m.body };
                out.push(OutlineNode {
                    // "一 、" (a stray space) is named 一、.
                    marker: self.cs[m.start..mend].iter().filter(|c| !c.is_whitespace()).collect(),
                    level,
                    text: self.heading(m.body, end),
                    speaker: self.speaker_at(m.start),
                    span: Span::new(m.start, end),
                    children: self.build(kids, end, level + 1),
                });
            }
        }
        out
    }
}

/// Speech acts: a mention of a person followed, within its clause, by a speech verb
/// (他强调, 吴某指出, 张某出席会议并讲话).
fn speech_acts(cs: &[char], people: &[Person]) -> Vec<(usize, String)> {
    const VERBS: [[char; 2]; 7] =
        [['强', '调'], ['指', '出'], ['要', '求'], ['提', '出'], ['表', '示'], ['讲', '话'], ['部', '署']];
    let mut acts = Vec::new();
    for p in people {
        for m in &p.mentions {
            let from = m.1.min(cs.len());
            let to = (from + 12).min(cs.len());
            let stop = cs[from..to].iter().position(|c| matches!(c, '。' | '！' | '？' | '；' | '\n'));
            let window = &cs[from..stop.map_or(to, |s| from + s)];
            if window.first() == Some(&'说') || window.windows(2).any(|w| VERBS.iter().any(|v| w == v)) {
                acts.push((m.0, p.name.clone()));
            }
        }
    }
    acts.sort();
    acts
}

/// Longest address before 同志们 on its line (各位领导、各位来宾、同志们).
const MAX_ADDRESS: usize = 16;

/// Where a speech's salutation (同志们： opening a line) stands, if the text is a speech.
fn salutation(cs: &[char]) -> Option<usize> {
    let word = ['同', '志', '们'];
    // 同志们： opening a line, or after a short address on it (各位领导、同志们：).
    (0..cs.len()).find(|&i| {
        cs.get(i..i + 3) == Some(&word[..]) && matches!(cs.get(i + 3), Some('：' | '，' | '！')) && {
            let before: Vec<char> =
                cs[..i].iter().rev().take_while(|&&c| c != '\n').take(MAX_ADDRESS + 1).copied().collect();
            let text: Vec<char> = before.iter().copied().filter(|c| !c.is_whitespace()).collect();
            before.len() <= MAX_ADDRESS
                && (text.is_empty()
                    || (matches!(text.first(), Some('、' | '，'))
                        && text.contains(&'各')
                        && !text.iter().any(|c| matches!(c, '。' | '：'))))
        }
    })
}

/// Who speaks each point. In a speech every point is the speaker's own, the person named in the
/// byline above the salutation (县委书记 某某); people the speech mentions (刚才，某某同志通报了…)
/// are reported on, not speaking. In a news item, the latest speech act before the point.
fn speakers(cs: &[char], people: &[Person]) -> Vec<(usize, String)> {
    let Some(sal) = salutation(cs) else { return speech_acts(cs, people) };
    let byline = people
        .iter()
        .flat_map(|p| p.mentions.iter().filter(|m| m.1 <= sal).map(move |m| (m.0, &p.name)))
        .max_by_key(|(start, _)| *start);
    byline.map(|(_, name)| vec![(0, name.clone())]).unwrap_or_default()
}

/// Chars after a lone first point within which the text ends: the excerpt was cut off after
/// that point (…张三要求，一要迅速传达。各镇), so its list is real though only 一 is visible.
const CUT_OFF: usize = 160;

/// Where the text ends, trailing whitespace aside, and whether it ends mid-sentence.
fn text_end(cs: &[char]) -> (usize, bool) {
    let e = cs.len() - cs.iter().rev().take_while(|c| c.is_whitespace()).count();
    (e, !matches!(cs.get(e.wrapping_sub(1)), Some('。' | '！' | '？' | '”' | '；')))
}

/// How far before a list to look for 议程 (会议共有三项议程：一是…).
const AGENDA_LOOK: usize = 30;

/// A lone first point that still stands for a list: a 一、 heading (speech excerpts often stop
/// after it), a 主持词's 一要 opening a line, or any first point after which the excerpt ends.
fn lone_point(cs: &[char], end: (usize, bool), speech: bool, m: &Marker) -> bool {
    m.n == 1
        && match m.fam {
            // On its own line (or behind spaces); inside running text only after a sentence
            // announcing the points (下面，我讲三点意见。一、…).
            Family::HanComma => {
                let (opens, _, _, spaced) = context_before(cs, m.start);
                opens || spaced || announced(cs, m.start)
            }
            Family::Yao if speech && m.opens_line => true,
            // The text ends within `CUT_OFF` chars of the point, mid-sentence (…一要迅速传达。各镇).
            Family::Yao | Family::Shi | Family::Ordinal => end.1 && end.0.saturating_sub(m.body) <= CUT_OFF,
            _ => false,
        }
}

/// How far before a lone 一、 to look for the sentence announcing the points.
const ANNOUNCE_LOOK: usize = 40;

/// Words announcing a speaker's points: 下面, 几点意见, 三点要求, 两个方面.
const ANNOUNCE: [&str; 6] = ["下面", "几点", "点意见", "点要求", "点看法", "个方面"];

fn announced(cs: &[char], at: usize) -> bool {
    let window: String = cs[at.saturating_sub(ANNOUNCE_LOOK)..at].iter().collect();
    ANNOUNCE.iter().any(|w| window.contains(w))
}

/// An agenda read out by the chair (会议共有三项议程：一是由…) is no point of the speaker's.
fn is_agenda(cs: &[char], seq: &[Marker]) -> bool {
    let Some(first) = seq.first() else { return false };
    if !matches!(first.fam, Family::Shi | Family::Ordinal | Family::ArabicDot | Family::HanParen) {
        return false;
    }
    let from = first.start.saturating_sub(AGENDA_LOOK);
    cs[from..first.start].windows(2).any(|w| w == ['议', '程'])
}

pub fn extract(ctx: &Ctx, people: &[Person]) -> Vec<OutlineNode> {
    let cs = &ctx.chars;
    let markers = find_markers(ctx, cs);
    let speech = salutation(cs).is_some();
    let end = text_end(cs);
    let mut seqs = sequences(&markers, |m| lone_point(cs, end, speech, m));
    seqs.retain(|s| !is_agenda(cs, s));
    // The speaker's top points: 一、 headings when there are any; in a speech without them, a
    // list whose points open lines (a 主持词's 一要…). Lists before them (a review's 一是…, the
    // reasons for meeting) and after them (past a closing 同志们) are not top-level points.
    // A speech in parts (第一部分 … 第二部分 …) has them above its 一、 headings.
    let head = [Family::Part, Family::HanComma]
        .into_iter()
        .find_map(|f| seqs.iter().find(|s| s[0].fam == f).map(|s| (s[0].start, f)));
    let head = head.or_else(|| {
        speech
            // (第一，…第二，… opening lines is such a list too, its 一是… lines inside it.)
            .then(|| {
                seqs.iter().find(|s| s[0].opens_line && matches!(s[0].fam, Family::Yao | Family::Shi | Family::Ordinal))
            })
            .flatten()
            .map(|s| (s[0].start, s[0].fam))
    });
    if let Some((start, _)) = head {
        seqs.retain(|s| s[0].start >= start);
    }
    if seqs.is_empty() {
        return Vec::new();
    }
    let env = Env { ctx, cs, speakers: speakers(cs, people), closers: closers(cs), speech };
    let mut roots = env.build(seqs, cs.len(), 1);
    if let Some((_, fam)) = head {
        roots.retain(|n| marker_at(cs, n.span.0).is_some_and(|m| m.0 == fam));
    } else if !speech {
        roots = one_list_per_speaker(cs, roots);
    }
    roots
}

/// In a news item each speaker's points are one list: the first 一要 list the speaker gives
/// (会议指出，一要… 会议强调，一要… are one speaker, 会议), else the first list. A 一是 list
/// before it reviews the year (主要体现在三个方面：一是…) and later lists elaborate.
fn one_list_per_speaker(cs: &[char], roots: Vec<OutlineNode>) -> Vec<OutlineNode> {
    let mut lists: Vec<(Family, Vec<OutlineNode>)> = Vec::new();
    for n in roots {
        let (fam, num) = marker_at(cs, n.span.0).map_or((Family::Sequence, 0), |m| (m.0, m.1));
        match lists.last_mut() {
            Some((f, l)) if *f == fam && num != 1 => l.push(n),
            _ => lists.push((fam, vec![n])),
        }
    }
    let mut keep: FastMap<Option<String>, usize> = FastMap::default();
    for (k, (fam, l)) in lists.iter().enumerate() {
        let who = l.first().and_then(|n| n.speaker.clone());
        match keep.get_mut(&who) {
            Some(slot) => {
                if *fam == Family::Yao && lists[*slot].0 != Family::Yao {
                    *slot = k;
                }
            }
            None => {
                keep.insert(who, k);
            }
        }
    }
    let mut chosen: Vec<usize> = keep.into_values().collect();
    chosen.sort_unstable();
    let mut out = Vec::new();
    for (k, (_, l)) in lists.into_iter().enumerate() {
        if chosen.binary_search(&k).is_ok() {
            out.extend(l);
        }
    }
    out
}
