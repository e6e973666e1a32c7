//! Finding names in the text: after a title ("市长周某"), in a list under a collective label
//! ("市领导甲、乙、丙"), inside a split title ("政法委王某副书记") and before reported speech at
//! the start of a clause ("王某强调"). Char-level, with jieba tokens only as a veto.

use super::lex::{verb_at, Verb, LEX};
use crate::report::Span;
use crate::text::is_han;

/// A name found with the titles written around it.
#[derive(Debug, Clone)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub titles: Vec<String>,
    /// A role the anchor itself gives (the speaker named under a speech's title), with the words
    /// that gave it (讲话 in the title, or the opening 同志们).
    pub role: Option<(&'static str, Span)>,
}

/// Chars that do not occur in given names but often right after a title (会, 委, 区 …): they
/// keep "单位", "全区", "关于" from passing as names.
const NOT_IN_NAME: &str = "副的了在和与及等均并是对为将把被从向于也还就都而或会委局院厅部办处科室市区县州省镇乡村街记任席议上下央件位们个这那其该各我你他她它所于等要";

/// Last chars of a 3-char name that are more likely a following verb or function word
/// ("张三作报告" is 张三 + 作报告).
const WEAK_LAST: &str = "作并在和与及等均也还对就向为将一代同到来其以";

/// Chars of `NOT_IN_NAME` that are common in the middle of a three-char name (李会明, 陈其林,
/// 赵科平): there a following name char shows they are no function word (but 刘科长 is a title).
const MIDDLE_OK: &str = "会其科";

/// The given name `[from, e)` of a name: name chars, or a middle char of `MIDDLE_OK` before one.
fn given_name(chars: &[char], from: usize, e: usize) -> bool {
    (from..e).all(|k| {
        name_char(chars[k])
            || (k + 1 < e
                && crate::text::has_char(MIDDLE_OK, chars[k])
                && name_char(chars[k + 1])
                && head_at(chars, k).is_none())
    })
}

/// A collective word a surname starts (班子, 全体, 纪检): no name starts there.
fn not_name_at(chars: &[char], s: usize) -> bool {
    LEX.not_names.iter().any(|w| chars.get(s..s + w.len()) == Some(&w[..]))
}

/// Token spans as a lookup: for each char, the end of the token starting there (0 if none) and
/// its POS. Compact (5 bytes a char: a 10 MB text has millions of chars): ends as u32, POS as
/// an index into the few distinct tags the text has.
pub struct TokenIndex {
    end_at: Vec<u32>,
    pos_id: Vec<u8>,
    tags: Vec<&'static str>,
}

impl TokenIndex {
    pub fn new(n: usize, tokens: &[crate::segment::Token]) -> Self {
        let mut end_at = vec![0u32; n + 1];
        let mut pos_id = vec![0u8; n + 1];
        // Index 0 is "no token". segment.rs interns a fixed list of tags, so 255 is never reached.
        let mut tags: Vec<&'static str> = vec![""];
        for t in tokens {
            if t.span.0 < n {
                let id = match tags.iter().position(|&x| x == t.pos) {
                    Some(i) => i,
                    None if tags.len() < 256 => {
                        tags.push(t.pos);
                        tags.len() - 1
                    }
                    None => 0,
                };
                end_at[t.span.0] = u32::try_from(t.span.1).unwrap_or(u32::MAX);
                pos_id[t.span.0] = id as u8;
            }
        }
        TokenIndex { end_at, pos_id, tags }
    }
    /// End of the token starting at `s`, if one does.
    pub fn end_at(&self, s: usize) -> Option<usize> {
        self.end_at.get(s).map(|&e| e as usize).filter(|&e| e > 0)
    }
    /// POS of the token starting at `s` ("" if none).
    pub fn pos_at(&self, s: usize) -> &'static str {
        self.pos_id.get(s).and_then(|&i| self.tags.get(i as usize)).copied().unwrap_or("")
    }
    /// Is `[s, e)` exactly one token?
    pub fn is_token(&self, s: usize, e: usize) -> bool {
        self.end_at(s) == Some(e)
    }
    /// POS of the token exactly covering `[s, e)`.
    pub fn pos_of(&self, s: usize, e: usize) -> Option<&'static str> {
        self.is_token(s, e).then(|| self.pos_at(s))
    }
}

fn name_char(c: char) -> bool {
    is_han(c) && !crate::text::has_char(NOT_IN_NAME, c)
}

/// Does the text at `e` close a name: punctuation, end, a verb, or a title (split titles)?
fn closes_name(chars: &[char], e: usize) -> bool {
    match chars.get(e) {
        None => true,
        Some(&c) if !is_han(c) => c != '·',
        Some(_) => verb_at(chars, e).is_some() || head_at(chars, e).is_some(),
    }
}

/// End of the longest head title starting at `s`.
pub fn head_at(chars: &[char], s: usize) -> Option<usize> {
    LEX.heads.longest_at(chars, s)
}

/// End of a title written from `s` on: modifiers then a head ("常务副" + "书记"). A name never
/// starts inside one, though 常 and 专 are surnames.
pub fn title_at(chars: &[char], s: usize) -> Option<usize> {
    let mut i = s;
    // A few modifiers at most: 常务 + 副, 第一 + 副.
    for _ in 0..4 {
        if let Some(e) = head_at(chars, i) {
            return Some(e);
        }
        i = LEX.modifiers.longest_at(chars, i)?;
    }
    None
}

/// Where a personal name starting at `s` ends, if one does. `close` decides what may follow.
pub fn parse_name(chars: &[char], s: usize, close: &dyn Fn(usize) -> bool) -> Option<usize> {
    let first = *chars.get(s)?;
    if !is_han(first) {
        return None;
    }
    if let Some(e) = parse_dotted(chars, s, close) {
        return Some(e);
    }
    if title_at(chars, s).is_some() || not_name_at(chars, s) {
        return None;
    }
    let compound = chars.get(s..s + 2).is_some_and(|w| LEX.compound_surnames.contains(w));
    let (sur, lens): (usize, [usize; 2]) = if compound {
        (2, [3, 4])
    } else if LEX.surnames.contains(&first) {
        (1, [3, 2])
    } else {
        return None;
    };
    // "县委书记任组长", "县长任常务副主任": a given name that is itself a title is a surname
    // (or the verb 任) and a post, never a name.
    let post = title_at(chars, s + sur);
    let valid = |len: usize| {
        let e = s + len;
        e <= chars.len() && given_name(chars, s + sur, e) && close(e) && post.is_none()
    };
    match (valid(lens[0]), valid(lens[1])) {
        (false, false) => None,
        (true, false) => Some(s + lens[0]),
        (false, true) => Some(s + lens[1]),
        (true, true) => {
            let (a, b) = (&lens[0], &lens[1]);
            let last = chars[s + a - 1];
            // "王某副书记": the longer reading would swallow the title's first char.
            if *a == 3 && !compound && (crate::text::has_char(WEAK_LAST, last) || title_at(chars, s + b).is_some()) {
                Some(s + b)
            } else {
                Some(s + a)
            }
        }
    }
}

/// Transliterated names with a middle dot: 阿不都·热合曼, 买买提·吐尔逊·艾力.
fn parse_dotted(chars: &[char], s: usize, close: &dyn Fn(usize) -> bool) -> Option<usize> {
    let mut i = s;
    let mut segs = 0;
    loop {
        let seg_start = i;
        while i < chars.len() && is_han(chars[i]) && i - seg_start < 6 {
            if chars.get(i + 1) == Some(&'·') {
                i += 1;
                break;
            }
            i += 1;
        }
        if chars.get(i) == Some(&'·') && i > seg_start {
            segs += 1;
            i += 1;
            continue;
        }
        if segs == 0 {
            return None;
        }
        // Last segment: the shortest run that is properly closed.
        let limit = (seg_start + 6).min(chars.len());
        let e = (seg_start + 1..=limit).take_while(|&e| is_han(chars[e - 1])).find(|&e| close(e))?;
        // "艾买提出席": 提出 closes the shorter reading, but the role verb one char on (出席)
        // is what the clause says; a role verb never starts with a name's last char.
        let role_at = |k: usize| matches!(verb_at(chars, k), Some((_, Verb::Role(_))));
        let longer = e < limit && is_han(chars[e]) && !role_at(e) && role_at(e + 1) && close(e + 1);
        return Some(if longer { e + 1 } else { e });
    }
}

fn clause_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | '\n'
            | ' '
            | '“'
            | '”'
            | '（'
            | '）'
            | '、'
            | '"'
            | '《'
            | '》'
            | '【'
            | '】'
    )
}

/// Start of the title piece that ends at `end`: back to punctuation or an edge word.
fn piece_left(chars: &[char], end: usize, toks: &TokenIndex) -> usize {
    let mut i = end;
    while i > 0 && end - i < 40 {
        let c = chars[i - 1];
        // An org name holding a bracket: 平安某某建设（市域社会治理）领导小组组长.
        if c == '）' && i < end {
            let open = (i.saturating_sub(14)..i - 1).rev().find(|&k| chars[k] == '（');
            match open {
                Some(o) if o > 0 && chars[o + 1..i - 1].iter().all(|&x| is_han(x)) && is_han(chars[o - 1]) => {
                    i = o;
                    continue;
                }
                _ => break,
            }
        }
        if !is_han(c) {
            break;
        }
        if i < end {
            if let Some(es) = LEX.edges.longest_ending_at(chars, i) {
                // Only a word of its own ("由", not the 有 of 国有资产).
                if toks.is_token(es, i) {
                    break;
                }
            }
            // "…宣讲会上县委书记": a title never holds 会上, however jieba cut it (宣讲会/上).
            if i >= 2 && chars[i - 2..i] == ['会', '上'] {
                break;
            }
        }
        i -= 1;
    }
    i
}

/// A title piece ending at `end`: (start, text) when it ends with a head title.
pub fn title_piece(chars: &[char], end: usize, toks: &TokenIndex) -> Option<usize> {
    let head = LEX.heads.longest_ending_at(chars, end)?;
    let mut left = piece_left(chars, end, toks);
    // A determiner or sentence adverb before the title is not part of it (该镇…, 最后…).
    if let Some(l) =
        LEX.leads.iter().filter(|w| chars.get(left..left + w.len()) == Some(&w[..])).map(|w| left + w.len()).max()
    {
        if l <= head {
            left = l;
        }
    }
    (left < end).then_some(left)
}

/// Does the title piece `[l, end)` hold a name of its own, written inside a split title
/// ("街道党工委王某副书记")? Then it is that person's title, not the next one's.
fn holds_split_name(chars: &[char], l: usize, end: usize, toks: &TokenIndex) -> bool {
    let title_to_end = |e: usize| title_at(chars, e) == Some(end);
    (l + 1..end.saturating_sub(2)).any(|p| {
        crate::text::has_char(SPLIT_ORG_END, chars[p - 1])
            && parse_name(chars, p, &title_to_end).is_some_and(|e| !vetoed(toks, p, e))
    })
}

/// Words that make a title a group's (各乡镇党委书记, 有关单位负责人).
const GROUP_DETS: [&str; 3] = ["各", "有关", "相关"];

/// Last chars of an org name before a split title's name (政法委王某副书记).
const SPLIT_ORG_END: &str = "委局院办部厅室心所庭队组会府";

/// The stacked titles before a name starting at `s`, outermost first:
/// "市委副书记、市长周某" → [市委副书记, 市长]; a clause of titles alone before a comma joins
/// in ("区委副书记、政法委书记，区政协主席刘某").
pub fn title_chain(chars: &[char], s: usize, toks: &TokenIndex) -> Vec<String> {
    // "各乡镇党委书记" is a group, nobody's own title.
    let group = |l: usize| {
        GROUP_DETS.iter().any(|d| chars.get(l..l + d.chars().count()).is_some_and(|x| x.iter().copied().eq(d.chars())))
    };
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let Some(left) = title_piece(chars, s, toks) else { return Vec::new() };
    pieces.push((left, s));
    let mut left = left;
    loop {
        match left.checked_sub(1).map(|i| chars[i]) {
            Some('、') => match title_piece(chars, left - 1, toks) {
                Some(l) if !group(l) => {
                    pieces.push((l, left - 1));
                    left = l;
                }
                _ => break,
            },
            Some('，') => {
                // The whole previous clause must be titles and nothing else.
                let mut tmp = Vec::new();
                let mut end = left - 1;
                let mut ok = false;
                while let Some(l) = title_piece(chars, end, toks) {
                    tmp.push((l, end));
                    match l.checked_sub(1).map(|i| chars[i]) {
                        Some('、') => end = l - 1,
                        None | Some('，' | '。' | '；' | '：' | '\n' | ' ' | '！' | '？') => {
                            ok = true;
                            break;
                        }
                        _ => break,
                    }
                }
                if ok && !tmp.iter().any(|&(l, _)| group(l)) {
                    pieces.extend(tmp);
                }
                break;
            }
            _ => break,
        }
    }
    // Pieces are innermost first: stop at one that names somebody else.
    if let Some(k) = pieces.iter().position(|&(a, b)| holds_split_name(chars, a, b, toks)) {
        pieces.truncate(k);
    }
    pieces.reverse();
    pieces.into_iter().map(|(a, b)| chars[a..b].iter().collect()).collect()
}

/// Where a title would end before a name at `s`: `s` itself, or before one or two spaces.
fn title_end_before(chars: &[char], s: usize) -> usize {
    let mut t = s;
    while t > 0 && s - t < 2 && chars[t - 1] == ' ' {
        t -= 1;
    }
    if t < s && t > 0 && chars[t - 1] == ' ' {
        return s;
    }
    t
}

/// The names of "甲、乙、丙等市领导" (the list must reach back to a clause edge): `deng` is 等.
fn listed_before_deng(chars: &[char], toks: &TokenIndex, deng: usize) -> Vec<Anchor> {
    let after = deng + 1;
    let label_end =
        LEX.labels.iter().filter(|l| chars.get(after..after + l.len()) == Some(&l[..])).map(|l| after + l.len()).max();
    // A label after the names is no title of theirs ("甲、乙等县领导出席": the text does not say
    // which of them holds what).
    let titles: Vec<String> = match label_end {
        Some(_) => Vec::new(),
        None if chars.get(after..after + 2) == Some(&['同', '志'][..]) => Vec::new(),
        // "甲、乙等县信访联席会议成员参加会议": a longer group phrase, then the attendance.
        None if group_then_role(chars, after) => Vec::new(),
        None => return Vec::new(),
    };
    let mut out = Vec::new();
    let mut end = deng;
    loop {
        let close = |x: usize| x == end;
        let found = (2..=12.min(end)).map(|len| end - len).find(|&s| {
            // "…，以及甲、乙等…": a connective opens the list too.
            let edge = s == 0 || matches!(chars[s - 1], '、' | '及' | '有') || clause_punct(chars[s - 1]);
            edge && parse_name(chars, s, &close) == Some(end) && !vetoed(toks, s, end)
        });
        let Some(s) = found else { return Vec::new() };
        out.push(Anchor { start: s, end, titles: titles.clone(), role: None });
        if s > 0 && chars[s - 1] == '、' {
            end = s - 1;
        } else {
            break;
        }
    }
    out.reverse();
    out
}

/// Group nouns that end the phrase after 等 besides a head title (甲、乙等…成员参加).
const GROUP_TAILS: [&str; 5] = ["成员", "同志", "干部", "代表", "人员"];

/// After 等 at `from`: a short group phrase ending in a head title or a group noun, then a role
/// verb (maybe after 均/也): "县直单位负责人参加", "县信访联席会议成员出席". Bounded.
fn group_then_role(chars: &[char], from: usize) -> bool {
    group_then_role_at(chars, from, true)
}

/// Connectives between two groups that attend together ("甲、乙等局领导，以及各科室负责人参加").
const GROUP_JOINS: [&str; 5] = ["，以及", "以及", "，及", "及", "和"];

fn group_then_role_at(chars: &[char], from: usize, may_join: bool) -> bool {
    const MAX: usize = 16;
    let role_at = |k: usize| matches!(verb_at(chars, k), Some((_, Verb::Role(_))));
    // "等县委、县政府领导": the group phrase may list its parts.
    (from + 2..=(from + MAX).min(chars.len())).take_while(|&k| is_han(chars[k - 1]) || chars[k - 1] == '、').any(|k| {
        let group = LEX.heads.longest_ending_at(chars, k).is_some()
            || GROUP_TAILS
                .iter()
                .any(|g| g.chars().count() <= k - from && chars[k - 2..k].iter().copied().eq(g.chars()));
        let joined = || {
            may_join
                && GROUP_JOINS.iter().any(|j| {
                    let n = j.chars().count();
                    chars.get(k..k + n).is_some_and(|x| x.iter().copied().eq(j.chars()))
                        && group_then_role_at(chars, k + n, false)
                })
        };
        group && (role_at(k) || (matches!(chars.get(k), Some('均' | '也')) && role_at(k + 1)) || joined())
    })
}

/// A title written right after a name ("郭某院长对…", "县委书记王某书记出席"): its end, when
/// a verb, punctuation or the end of the text follows (not another word run on).
pub fn trailing_title(chars: &[char], e: usize) -> Option<usize> {
    let te = title_at(chars, e)?;
    let ok = match chars.get(te) {
        None => true,
        Some(&c) if !is_han(c) => true,
        Some(_) => verb_at(chars, te).is_some(),
    };
    ok.then_some(te)
}

/// "…副县长（挂职）" ending at `t`: where the bracket opens, when it holds one to four Han
/// chars right after a head title.
fn bracket_note_before(chars: &[char], t: usize) -> Option<usize> {
    if t < 3 || chars[t - 1] != '）' {
        return None;
    }
    let o = (t.saturating_sub(7)..t - 2).rev().find(|&k| chars[k] == '（')?;
    let inside = &chars[o + 1..t - 1];
    (inside.iter().all(|&c| is_han(c)) && LEX.heads.longest_ending_at(chars, o).is_some()).then_some(o)
}

/// "李某（女）", "李某（女，彝族）": a short note in brackets after a name; its end. Titles in
/// brackets (李某（县委常委、政法委书记）) are a note too.
pub fn note_after(chars: &[char], e: usize) -> Option<usize> {
    if chars.get(e) != Some(&'（') {
        return None;
    }
    let close =
        (e + 2..(e + BRACKET_MAX).min(chars.len())).find(|&k| matches!(chars[k], '）' | '（' | '。' | '；' | '\n'))?;
    (chars[close] == '）').then_some(close + 1)
}

/// The longest bracket after a name read as a note or its titles.
const BRACKET_MAX: usize = 30;

/// "张某（县委常委、政法委书记）": the titles in brackets right after a name, each ending in a
/// head title; (end after the bracket, their spans).
fn bracket_titles(chars: &[char], e: usize) -> Option<(usize, Vec<(usize, usize)>)> {
    if chars.get(e) != Some(&'（') {
        return None;
    }
    let close = (e + 2..(e + BRACKET_MAX).min(chars.len())).find(|&k| !is_han(chars[k]) && chars[k] != '、')?;
    if chars[close] != '）' {
        return None;
    }
    let mut spans = Vec::new();
    let mut from = e + 1;
    for k in e + 1..=close {
        if k == close || chars[k] == '、' {
            if k == from || LEX.heads.longest_ending_at(chars, k).is_none() {
                return None;
            }
            spans.push((from, k));
            from = k + 1;
        }
    }
    Some((close + 1, spans))
}

/// "出席会议的（县领导）（还）有（：）" — the attendees follow: where they start.
pub fn attendees_follow(chars: &[char], i: usize) -> Option<usize> {
    const GROUP: usize = 8;
    let at = |p: usize, w: &[char]| chars.get(p..p + w.len()) == Some(w);
    // "出席人员：", "参会领导：", "与会人员有": a heading of the attendance, then the names.
    let heading = [['出', '席'], ['参', '会'], ['参', '加'], ['列', '席'], ['与', '会']].iter().any(|w| at(i, w))
        && [['人', '员'], ['领', '导'], ['同', '志']].iter().any(|w| at(i + 2, w));
    if heading {
        let mut e = i + 4;
        if at(e, &['还', '有']) {
            e += 1;
        }
        let e = match chars.get(e) {
            Some('有') if matches!(chars.get(e + 1), Some('：' | ':')) => e + 2,
            Some('有' | '：' | ':') => e + 1,
            _ => return None,
        };
        // A list one name a line starts on the next line.
        return Some(if chars[e - 1] != '有' && chars.get(e) == Some(&'\n') { e + 1 } else { e });
    }
    if !(at(i, &['出', '席']) || at(i, &['参', '加']) || at(i, &['列', '席'])) {
        return None;
    }
    let mut j = i + 2;
    if at(j, &['会', '议']) {
        j += 2;
    }
    if chars.get(j) != Some(&'的') {
        return None;
    }
    j += 1;
    // A group word or two before 有 (领导, 县领导, 市级领导).
    // Or a colon right after the group word, often before a list one name a line
    // (出席会议的县领导：\n甲（县长）\n乙（副县长）).
    let k = (j..=(j + GROUP).min(chars.len()))
        .take_while(|&k| k == j || is_han(chars[k - 1]))
        .find(|&k| chars.get(k) == Some(&'有') || (k > j && matches!(chars.get(k), Some('：' | ':'))))?;
    let mut e = k + 1;
    if chars[k] == '有' && matches!(chars.get(e), Some('：' | ':')) {
        e += 1;
    }
    if chars[e - 1] != '有' && chars.get(e) == Some(&'\n') {
        e += 1;
    }
    Some(e)
}

/// Untitled names listed after "出席会议的…有：" (甲、乙、丙。), up to a title or the sentence's end.
fn attendee_list(chars: &[char], toks: &TokenIndex, from: usize) -> Vec<Anchor> {
    // A label before the list is every name's title (出席会议的县领导有：甲、乙).
    let mut h = from;
    while h > 0 && from - h < 3 && matches!(chars[h - 1], '：' | ':' | '有' | '还' | '\n') {
        h -= 1;
    }
    let titles: Vec<String> = LEX
        .labels
        .iter()
        // Not the bare 领导 ("出席会议的领导有" names no post).
        .filter(|l| l.len() > 2 && h > l.len() && chars[h - l.len()..h] == l[..] && chars[h - l.len() - 1] == '的')
        .map(|l| l.iter().collect())
        .take(1)
        .collect();
    let sep = |x: usize| chars.get(x).is_none_or(|&c| matches!(c, '、' | '，' | '。' | '；' | ' ' | '\n'));
    // "…还有王某书记、李某县长": a title may follow each name.
    let after = |x: usize| title_at(chars, x).filter(|&te| sep(te));
    // "甲（县委常委、政法委书记）": titles in brackets after a name.
    let bracketed = |x: usize| bracket_titles(chars, x).filter(|&(be, _)| sep(be));
    let close = |x: usize| sep(x) || after(x).is_some() || bracketed(x).is_some();
    let mut out = Vec::new();
    let mut at = from;
    while out.len() < 30 {
        let Some(e) = parse_name(chars, at, &close)
            .filter(|&e| !vetoed(toks, at, e) && !longer_word(chars, toks, at, e))
            .or_else(|| padded_name(chars, at))
        else {
            break;
        };
        let mut own = titles.clone();
        let mut end = e;
        let mut in_brackets = false;
        if let Some(te) = after(e) {
            own.push(chars[e..te].iter().collect());
            end = te;
        } else if let Some((be, spans)) = bracketed(e) {
            own.extend(spans.iter().map(|&(a, b)| chars[a..b].iter().collect::<String>()));
            end = be;
            in_brackets = true;
        }
        out.push(Anchor { start: at, end: e, titles: own, role: None });
        // One name a line goes on only while each line is a name and its bracketed titles.
        let line_list = in_brackets && chars.get(end) == Some(&'\n');
        if !line_list && !matches!(chars.get(end), Some('、' | '，' | ' ')) {
            break;
        }
        at = end + 1;
    }
    out
}

/// "王　强": a two-char name padded to three with a space, as web pages align names; after a
/// title or in a list only. Its end (the name's text drops the space).
fn padded_name(chars: &[char], s: usize) -> Option<usize> {
    // One space, or two where a page pads with ASCII spaces to the width of a full-width one.
    let gap = (1..=2).take_while(|&k| chars.get(s + k) == Some(&' ')).count();
    let e = s + gap + 2;
    let ok = gap > 0
        && e <= chars.len()
        && LEX.surnames.contains(&chars[s])
        && name_char(chars[e - 1])
        && title_at(chars, s).is_none()
        && closes_name(chars, e)
        && chars.get(e) != Some(&' ');
    ok.then_some(e)
}

/// The most separators between a byline's label and the name.
const BYLINE_GAP: usize = 8;

fn byline_before(chars: &[char], s: usize) -> bool {
    // A few separators at most ("记者：", "记者  ", "通讯员 / "). The look-back is bounded: called
    // at every char of a long run of spaces or colons (a page's padding), an unbounded one made
    // the people stage quadratic (1 MB of spaces: minutes).
    let mut i = s;
    while i > 0 && s - i < BYLINE_GAP && matches!(chars[i - 1], '：' | ' ' | '/' | '|') {
        i -= 1;
    }
    i > 0
        && LEX.bylines.iter().any(|b| i >= b.len() && b.last() == Some(&chars[i - 1]) && chars[i - b.len()..i] == b[..])
}

/// A name right after a title whose surname the list lacks (a rare one, or one left out as a
/// function word: 向, 于): the title is strong evidence, so 2–3 Han chars closed by a role or
/// speech verb pass ("组长向某某传达了…"), unless jieba reads a word there (专题部署,
/// 于近日部署, 向大会作报告).
fn name_after_title(chars: &[char], s: usize, toks: &TokenIndex) -> Option<usize> {
    let first = *chars.get(s)?;
    if !is_han(first)
        || (crate::text::has_char(NOT_IN_NAME, first) && !crate::text::has_char("于和向区", first))
        || title_at(chars, s).is_some()
        || not_name_at(chars, s)
    {
        return None;
    }
    let verb = |e: usize| matches!(verb_at(chars, e), Some((_, Verb::Speech(_) | Verb::Role(_))));
    // "…在讲话中指出", "…在会上作了部署": the verb a few words on, in the same clause.
    let strong = |e: usize| {
        verb(e)
            || (chars.get(e) == Some(&'在')
                && (e + 1..e + 12).any(|k| k < chars.len() && super::lex::clean_clause(chars, e, k) && verb(k)))
    };
    [3, 2].into_iter().find_map(|len| {
        let e = s + len;
        let ok = e <= chars.len()
            && given_name(chars, s + 1, e)
            && !(len == 3 && crate::text::has_char(WEAK_LAST, chars[e - 1]))
            && strong(e)
            && jieba_allows_name(chars, toks, s, e);
        ok.then_some(e)
    })
}

/// A four-char name with no surname and no dot right after a title, as Tibetan and Uyghur
/// names are often written (副县长白玛次仁主持, 县委常委扎西多吉、…): the title before and a role
/// or speech verb, 、 or ， after are the evidence. jieba must cut at both ends and read no
/// other kind of word inside (县长高度重视，: 高度重视/l).
fn name4_after_title(chars: &[char], s: usize, toks: &TokenIndex) -> Option<usize> {
    let e = s + 4;
    if e > chars.len() || !chars[s..e].iter().all(|&c| name_char(c)) || not_name_at(chars, s) {
        return None;
    }
    let closed = matches!(chars.get(e), Some('、' | '，'))
        || matches!(verb_at(chars, e), Some((_, Verb::Speech(_) | Verb::Role(_))));
    // No title, verb or word of another kind starts inside (有/v of "领导有王某某"), and no
    // token runs across the end.
    let clean = (s..e).all(|k| {
        title_at(chars, k).is_none()
            && verb_at(chars, k).is_none()
            && toks.end_at(k).is_none_or(|te| te <= e)
            && (toks.end_at(k).is_none() || matches!(toks.pos_at(k), "n" | "nr" | "nrt" | "nrfg" | "ns" | "nz" | "ng" | "x"))
            // An everyday noun inside (县长热线电话，) is no name; names' parts are rare words.
            && !toks.end_at(k).is_some_and(|te| {
                te - k >= 2 && !toks.pos_at(k).starts_with("nr") && {
                    let w: String = chars[k..te].iter().collect();
                    // A longer dictionary word (工作思路) at any frequency.
                    crate::segment::dict_freqs(&[w.as_str()]).first().copied().flatten().is_some_and(|f| f >= 100 || te - k >= 3)
                }
            })
    });
    // A token must start at `s` and at `e` (a cut on both sides).
    (closed && clean && toks.end_at(s).is_some() && toks.end_at(e).is_some()).then_some(e)
}

/// "王某担任第二战区指挥长出席会议": a post written after the name with 担任 (bounded).
fn post_held(chars: &[char], e: usize) -> Option<String> {
    if chars.get(e..e + 2) != Some(&['担', '任'][..]) {
        return None;
    }
    let from = e + 2;
    let mut end = None;
    let mut k = from + 1;
    while k <= chars.len() && k - from <= 20 && is_han(chars[k - 1]) {
        if LEX.heads.longest_ending_at(chars, k).is_some()
            && chars.get(k).is_none_or(|&c| !is_han(c) || verb_at(chars, k).is_some())
        {
            end = Some(k);
            break;
        }
        k += 1;
    }
    end.map(|k| chars[from..k].iter().collect())
}

/// "甲、乙、丙出席会议" at a clause start: two to eight names with no title, 、 between them, a
/// role verb after the last. Each is a name to jieba or no word of its own.
fn bare_list(chars: &[char], s: usize, toks: &TokenIndex, in_anchor: &[bool]) -> Option<Vec<(usize, usize)>> {
    let is_role = |e: usize| matches!(verb_at(chars, e), Some((_, Verb::Role(_))));
    // The verb, maybe after 分别/先后/等 and a few words ("分别作了表态发言").
    // After 分别/先后/依次 the object may hold a list (分别就法院、检察工作作了部署): the verb is
    // sought to the clause's end (bounded).
    let each = |w: usize| {
        let stop = (w..(w + 30).min(chars.len()))
            .find(|&k| matches!(chars[k], '，' | '。' | '；' | '：' | '！' | '？' | '\n' | '“'))
            .unwrap_or((w + 30).min(chars.len()));
        (w..stop).any(is_role)
    };
    let role = |e: usize| {
        is_role(e)
            || matches!(verb_at(chars, e), Some((w, Verb::Weak)) if (w..w + 10).any(|k| k < chars.len() && super::lex::clean_clause(chars, w, k) && is_role(k)))
            || (["分别", "先后", "依次"]
                .iter()
                .any(|x| chars.get(e..e + 2).is_some_and(|c| c.iter().copied().eq(x.chars())))
                && each(e + 2))
    };
    let close1 = |e: usize| chars.get(e) == Some(&'、') || role(e);
    // "甲同志、乙同志等出席": 同志 may follow each name.
    let comrade = |e: usize| chars.get(e..e + 2) == Some(&['同', '志'][..]);
    let close = |e: usize| close1(e) || (comrade(e) && close1(e + 2));
    // A name of the list at `at`: its end and where what follows it starts (past 同志).
    let item = |at: usize| {
        let e = parse_name(chars, at, &close)?;
        let after = if comrade(e) && close1(e + 2) { e + 2 } else { e };
        let pos = toks.pos_of(at, e);
        let other = (pos.is_some() && !pos.is_some_and(|p| p.starts_with("nr"))) || longer_word(chars, toks, at, e);
        (!other && !in_anchor.get(at).copied().unwrap_or(true)).then_some((e, after))
    };
    // "甲、乙和丙出席": the last name joined by 和/及/以及 (a weak verb, so checked first).
    let join = |k: usize| match chars.get(k) {
        Some('和' | '及') => Some(k + 1),
        Some('以') if chars.get(k + 1) == Some(&'及') => Some(k + 2),
        _ => None,
    };
    let mut out = Vec::new();
    let mut at = s;
    while out.len() < 8 {
        let (e, after) = item(at)?;
        out.push((at, e));
        if let Some(nx) = join(after).filter(|&nx| item(nx).is_some_and(|(_, a2)| role(a2))) {
            at = nx;
            continue;
        }
        if role(after) {
            return (out.len() >= 2).then_some(out);
        }
        at = after + 1;
    }
    None
}

/// jieba reads a longer dictionary word from `s` that is no name (总书记明确指出: 明确指出);
/// not a run it guessed (张某某对).
fn longer_word(chars: &[char], toks: &TokenIndex, s: usize, e: usize) -> bool {
    let pos = toks.pos_at(s);
    let Some(te) = toks.end_at(s).filter(|&te| te > e && te - s <= 8) else { return false };
    let word: String = chars[s..te].iter().collect();
    !pos.starts_with("nr") && pos != "ns" && crate::segment::dict_freqs(&[word.as_str()])[0].is_some()
}

/// An item of a list under a collective label whose surname the list lacks (县领导求某某、于某某、
/// 罗某某): three name chars closed by 、, 等, a clause edge or a role verb.
fn loose_item(chars: &[char], s: usize, toks: &TokenIndex) -> Option<usize> {
    let e = s + 3;
    let first = *chars.get(s)?;
    let ok = e <= chars.len()
        && is_han(first)
        && (!crate::text::has_char(NOT_IN_NAME, first) || crate::text::has_char("于和向", first))
        && given_name(chars, s + 1, e)
        && title_at(chars, s).is_none()
        && !not_name_at(chars, s)
        // "县领导有张某、…": 有/是 then a surname is the verb, and the name starts after it.
        && !(crate::text::has_char("有是", first) && LEX.surnames.contains(&chars[s + 1]))
        && match chars.get(e) {
            None => true,
            Some(&c) => matches!(c, '、' | '等' | '，' | '。' | '；') || matches!(verb_at(chars, e), Some((_, Verb::Role(_)))),
        }
        && toks.pos_of(s, e).is_none_or(|p| p.starts_with("nr") || p == "ns" || p == "n")
        // Not a word of another kind across the surname (主要领导亲自抓: 亲自/d).
        && !matches!(toks.end_at(s), Some(te) if te > s + 1 && te < e && matches!(toks.pos_at(s), "d" | "v" | "vd" | "p" | "c" | "ad" | "a" | "m" | "r"));
    ok.then_some(e)
}

/// A two-char name that is also a word (光辉, 高山), right after a full title (an org before the
/// head: 区法院院长) and before 、 and the next titled person: the slot says it is a name.
fn word_name_in_list(chars: &[char], s: usize, t: usize, toks: &TokenIndex) -> Option<usize> {
    let e = s + 2;
    if chars.get(e) != Some(&'、')
        || !chars[s..e].iter().all(|&c| name_char(c))
        || title_at(chars, s).is_some()
        || head_at(chars, s).is_some()
    {
        return None;
    }
    // The title has an org before its head.
    let head_len = LEX.heads.longest_ending_at(chars, t).map_or(0, |hs| t - hs);
    if piece_left(chars, t, toks) + head_len >= t {
        return None;
    }
    if !toks.pos_of(s, e).is_some_and(|p| matches!(p, "n" | "a" | "an" | "nr" | "ns" | "nz")) {
        return None;
    }
    // The next item: a title, then a name closed as names are (bounded look-ahead).
    let close = |x: usize| closes_name(chars, x);
    let next = (e + 2..(e + 24).min(chars.len())).take_while(|&k| is_han(chars[k - 1])).any(|k| {
        LEX.heads.longest_ending_at(chars, k).is_some()
            && parse_name(chars, k, &close).is_some_and(|ne| !vetoed(toks, k, ne))
    });
    next.then_some(e)
}

/// jieba either reads `[s, e)` as a name, or as a one-char surname and a given name that is
/// not plainly another kind of word.
fn jieba_allows_name(chars: &[char], toks: &TokenIndex, s: usize, e: usize) -> bool {
    let first_end = toks.end_at(s).unwrap_or(0);
    if first_end == e {
        // Given names are often read as places (于洋/ns), as `vetoed` knows; a rare surname
        // makes jieba guess a noun (绳某某/n), and so does a name with no surname (次仁/n): a
        // word outside its dictionary.
        return toks.pos_of(s, e).is_some_and(|p| {
            p.starts_with("nr")
                || p == "ns"
                || (p == "n"
                    && crate::segment::dict_freqs(&[chars[s..e].iter().collect::<String>().as_str()])[0].is_none())
        });
    }
    // A word across the name's end (于近日) is no given name.
    if first_end != s + 1 || toks.end_at(s + 1).is_some_and(|g| g > e) {
        return false;
    }
    // A one-char given name is often read as a noun (于洋); only function words rule it out.
    let function_word = matches!(toks.pos_of(s + 1, e), Some("p" | "c" | "u" | "ul" | "uj" | "r" | "m" | "q"));
    let other_word =
        matches!(toks.pos_of(s + 1, e), Some("n" | "t" | "f" | "s" | "d" | "vn" | "nt" | "nnt" | "l" | "i"));
    !(function_word || (other_word && e - s == 3 && !rare_word(&chars[s + 1..e])))
}

/// A dictionary word rare enough to be a given name rather than the object of 向/于 (海波 is
/// rare, 大会/群众/近日 are everyday words).
fn rare_word(word: &[char]) -> bool {
    let w: String = word.iter().collect();
    crate::segment::dict_freqs(&[w.as_str()]).first().copied().flatten().is_some_and(|f| f < 300)
}

/// A two-char name jieba's dictionary holds as a rare verb (付强/v), after a title and before a
/// role or speech verb: the slot says it is a name (安排, 部署 are everyday verbs).
fn rare_verb_name(chars: &[char], toks: &TokenIndex, s: usize, e: usize) -> bool {
    let w: String = chars[s..e].iter().collect();
    let rare = crate::segment::dict_freqs(&[w.as_str()]).first().copied().flatten().is_some_and(|f| f < 30);
    e - s == 2
        && toks.pos_of(s, e) == Some("v")
        && rare
        && matches!(verb_at(chars, e), Some((_, Verb::Speech(_) | Verb::Role(_))))
}

/// Tokens jieba is sure are not names. A rare surname with a common given name is sometimes
/// read as one adjective (眭国强/a): a three-char "a" (always surname-led here, as
/// `parse_name` found it) is let through.
fn vetoed(toks: &TokenIndex, s: usize, e: usize) -> bool {
    let pos = toks.pos_of(s, e);
    if pos == Some("a") && e - s == 3 {
        return false;
    }
    matches!(
        pos,
        // Not "ns": jieba reads many given names as places (焦阳, 宁波); the title before and
        // the verb after decide.
        Some(
            "v" | "vn" | "vd" | "a" | "ad" | "an" | "d" | "p" | "c" | "m" | "t" | "nt" | "nz" | "nnt" | "f" | "r" | "q"
        )
    )
}

/// The commonest surnames, which seldom start a given name: with them a two-char name before
/// 同志 is a full name, not a partial one (海波同志).
/// (Not the surnames that often start a given name too: 文, 金, 林, 高, 江, 海 …)
const COMMON_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙朱胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾萧肖田董袁潘蔡蒋余杜叶程苏魏吕沈姚卢姜崔钟谭陆汪范廖贾韦付傅邹孟熊秦邱尹薛闫阎段雷侯陶黎贺顾毛郝龚邵钱严覃戴莫孔汤施樊葛邢庞颜倪庄聂";

/// Two-char adverbs that open a clause in speeches, before a name (刚才王某同志通报了…).
const CLAUSE_ADVERBS: [&str; 3] = ["刚才", "随后", "接着"];

/// Every name anchored by its context, left to right.
pub fn anchors(chars: &[char], toks: &TokenIndex) -> Vec<Anchor> {
    let close = |e: usize| closes_name(chars, e);
    let mut out: Vec<Anchor> = Vec::new();
    let mut covered_to = 0;
    let mut s = 1;
    while s < chars.len() {
        if s < covered_to || !is_han(chars[s]) {
            s += 1;
            continue;
        }
        // 1. After a head title or label, maybe past a space or two of web layout
        // ("中心主任 王某 通报了").
        let t_name = title_end_before(chars, s);
        // "副县长（挂职）王某": a short note in brackets after the title stays with it.
        let note = bracket_note_before(chars, t_name);
        let t = note.unwrap_or(t_name);
        if LEX.heads.longest_ending_at(chars, t).is_some() {
            let label = LEX.labels.iter().any(|l| t >= l.len() && chars[t - l.len()..t] == l[..]);
            let name = parse_name(chars, s, &close)
                .filter(|&e| {
                    (!vetoed(toks, s, e) || rare_verb_name(chars, toks, s, e)) && !longer_word(chars, toks, s, e)
                })
                .or_else(|| name_after_title(chars, s, toks))
                .or_else(|| label.then(|| loose_item(chars, s, toks)).flatten())
                .or_else(|| word_name_in_list(chars, s, t, toks))
                .or_else(|| padded_name(chars, s))
                .or_else(|| name4_after_title(chars, s, toks));
            if let Some(e) = name {
                let mut titles = title_chain(chars, t, toks);
                if let (Some(o), Some(last)) = (note, titles.last_mut()) {
                    last.extend(&chars[o..t_name]);
                }
                let mut own = titles.clone();
                own.extend(post_held(chars, e));
                out.push(Anchor { start: s, end: e, titles: own, role: None });
                // A list under the same title: 市领导甲、乙、丙.
                let mut e = e;
                while chars.get(e) == Some(&'、') {
                    let next = parse_name(chars, e + 1, &close)
                        .filter(|&e2| !vetoed(toks, e + 1, e2) && head_at(chars, e2).is_none())
                        .or_else(|| label.then(|| loose_item(chars, e + 1, toks)).flatten())
                        .or_else(|| padded_name(chars, e + 1))
                        .or_else(|| name4_after_title(chars, e + 1, toks));
                    match next {
                        Some(e2) => {
                            out.push(Anchor { start: e + 1, end: e2, titles: titles.clone(), role: None });
                            e = e2;
                        }
                        _ => break,
                    }
                }
                covered_to = e;
                s = e;
                continue;
            }
        }
        // 2. Split title: 政法委王某副书记 (an org word, the name, then the head).
        if is_han(chars[s - 1]) && crate::text::has_char(SPLIT_ORG_END, chars[s - 1]) {
            let after_head = |e: usize| head_at(chars, e).is_some();
            if let Some(e) = parse_name(chars, s, &after_head).filter(|&e| !vetoed(toks, s, e)) {
                let left = piece_left(chars, s, toks);
                if let Some(he) = head_at(chars, e).filter(|_| left < s) {
                    // Two parts, as written on either side of the name.
                    let titles = vec![chars[left..s].iter().collect(), chars[e..he].iter().collect()];
                    out.push(Anchor { start: s, end: e, titles, role: None });
                    covered_to = he;
                    s = he;
                    continue;
                }
            }
        }
        s += 1;
    }
    // 4. A list before 等 and a label: "甲、乙、丙等市领导出席". Names already anchored (by
    // start, `out` is in text order) are left alone.
    let known: crate::lexicon::FastSet<usize> = out.iter().map(|a| a.start).collect();
    let mut listed = Vec::new();
    for i in 0..chars.len() {
        if chars[i] == '等' {
            listed.extend(listed_before_deng(chars, toks, i).into_iter().filter(|a| !known.contains(&a.start)));
        }
    }
    out.extend(listed);
    // "出席会议的县领导有：甲、乙、丙": names alone after the attendance phrase.
    for i in 0..chars.len() {
        if matches!(chars[i], '出' | '参' | '列' | '与') {
            if let Some(from) = attendees_follow(chars, i) {
                let mut list = attendee_list(chars, toks, from);
                // One name a line: each line is a sentence of its own, so the attendance
                // phrase gives the role here (the label line is its evidence).
                if from > 0 && chars[from - 1] == '\n' {
                    for a in &mut list {
                        a.role = Some(("出席", Span::new(i, from - 1)));
                    }
                }
                out.extend(list.into_iter().filter(|a| !known.contains(&a.start)));
            }
        }
    }
    out.sort_by_key(|a| a.start);
    // 3. Reported speech at the start of a clause: "王某强调".
    let verb = |e: usize| matches!(verb_at(chars, e), Some((_, Verb::Speech(_) | Verb::Role(_))));
    // Right after the name, after an adverb (王某再次强调), or a few words on after 在 (王某在
    // 会上强调; bounded).
    let strong = |e: usize| match verb_at(chars, e) {
        Some((_, Verb::Speech(_) | Verb::Role(_))) => true,
        Some((w, Verb::Weak)) if chars.get(e) == Some(&'在') => {
            (w + 1..w + 10).any(|k| k < chars.len() && super::lex::clean_clause(chars, w, k) && verb(k))
        }
        // Not 同志: a bare given name with it is a partial name (below).
        Some((w, Verb::Weak)) => w - e >= 2 && chars[e..w] != ['同', '志'] && verb(w),
        None => false,
    };
    // "刚才，王某同志通报了…" in speeches.
    // "同志" itself marks a person; any verb may follow it ("某某同志代表市委政法委作了报告").
    let speech =
        |e: usize| strong(e) || (chars.get(e..e + 2) == Some(&['同', '志'][..]) && verb_at(chars, e + 2).is_some());
    // A bare given name with 同志 (海波同志) is a partial name: 同志 marks only full ones.
    // But a two-char name led by one of the commonest surnames is a full name (王刚同志通报了):
    // given names rarely start with those chars.
    let comrade_ok = |s: usize, e: usize| {
        e - s >= 3
            || strong(e)
            || (e - s == 2
                && crate::text::has_char(COMMON_SURNAMES, chars[s])
                && chars.get(e..e + 2) == Some(&['同', '志'][..])
                && jieba_allows_name(chars, toks, s, e))
    };
    let mut in_anchor = vec![false; chars.len()];
    for a in &out {
        if let Some(r) = in_anchor.get_mut(a.start..a.end) {
            r.iter_mut().for_each(|x| *x = true);
        }
    }
    // 3b. The name before its title, as speeches and lists write it: "刚才，李某副县长通报了…",
    // "甲副主任、乙局长分别发言".
    let titled = |e: usize| {
        title_at(chars, e).is_some_and(|te| verb_at(chars, te).is_some() || matches!(chars.get(te), Some('、' | '，')))
    };
    // jieba knows the word as something else, or reads a longer word from here (周密部署).
    let jieba_other = |s: usize, e: usize| {
        let jieba_name = matches!(toks.pos_of(s, e), Some(p) if p.starts_with("nr"));
        let longer = toks.end_at(s).is_some_and(|te| te > e) && !toks.pos_at(s).starts_with("nr");
        (toks.pos_of(s, e).is_some() && !jieba_name) || longer
    };
    // Titles in brackets, then a verb or the list goes on.
    let bracketed = |e: usize| {
        bracket_titles(chars, e).is_some_and(|(be, _)| {
            verb_at(chars, be).is_some() || matches!(chars.get(be), Some('、' | '，' | '。' | '；'))
        })
    };
    // "由王某某主持", "由王某同志主持".
    let at_w = |k: usize, w: &[char]| chars.get(k..k + w.len()) == Some(w);
    let chairs = |e: usize| at_w(e, &['主', '持']) || at_w(e, &['同', '志', '主', '持']);
    let mut extra = Vec::new();
    for s in 0..chars.len() {
        // "会议由王某院长主持": after 由 only a name with its title is read.
        let after_by = s > 0 && chars[s - 1] == '由' && toks.is_token(s - 1, s);
        // "刚才王某同志通报了…": a time adverb opens the clause as a comma would.
        let after_adverb = s >= 2
            && CLAUSE_ADVERBS.iter().any(|w| chars[s - 2..s].iter().copied().eq(w.chars()))
            && toks.is_token(s - 2, s);
        if (s > 0 && !clause_punct(chars[s - 1]) && !after_by && !after_adverb)
            || in_anchor[s]
            || byline_before(chars, s)
        {
            continue;
        }
        if after_by {
            if let Some(e) = parse_name(chars, s, &titled) {
                if let Some(te) = title_at(chars, e).filter(|_| !jieba_other(s, e)) {
                    extra.push(Anchor { start: s, end: e, titles: vec![chars[e..te].iter().collect()], role: None });
                }
            } else if let Some(e) = parse_name(chars, s, &chairs).filter(|&e| !jieba_other(s, e)) {
                // "会议由王某某（同志）主持": the name alone, as the chair.
                extra.push(Anchor { start: s, end: e, titles: Vec::new(), role: None });
            }
            continue;
        }
        // Not after 、: "谋划、周密部署" is a list of verbs.
        let after_dun = s > 0 && chars[s - 1] == '、';
        if let Some(e) = parse_name(chars, s, &speech).filter(|_| !after_dun) {
            if !jieba_other(s, e) && comrade_ok(s, e) {
                extra.push(Anchor { start: s, end: e, titles: Vec::new(), role: None });
            }
        } else if let Some(list) = bare_list(chars, s, toks, &in_anchor).filter(|_| !after_dun) {
            // "甲、乙、丙出席": names alone, listed before a role verb.
            extra.extend(list.into_iter().map(|(a, b)| Anchor { start: a, end: b, titles: Vec::new(), role: None }));
        } else if let Some(e) = parse_name(chars, s, &titled) {
            if let Some(te) = title_at(chars, e).filter(|_| !jieba_other(s, e)) {
                extra.push(Anchor { start: s, end: e, titles: vec![chars[e..te].iter().collect()], role: None });
            }
        } else if let Some(e) = parse_name(chars, s, &bracketed).filter(|&e| !jieba_other(s, e)) {
            // "张某（县委常委、政法委书记）主持会议", "甲（县长）、乙（副县长）出席".
            if let Some((_, spans)) = bracket_titles(chars, e) {
                extra.push(Anchor {
                    start: s,
                    end: e,
                    titles: spans.into_iter().map(|(a, b)| chars[a..b].iter().collect()).collect(),
                    role: None,
                });
            }
        }
    }
    out.retain(|a| !byline_before(chars, a.start));
    out.extend(extra);
    for sp in super::speaker::speakers(chars, toks) {
        match out.iter_mut().find(|a| a.start == sp.start) {
            Some(a) => {
                a.role = sp.role;
                if a.titles.is_empty() {
                    a.titles = sp.titles;
                }
            }
            None => out.push(sp),
        }
    }
    out.sort_by_key(|a| a.start);
    out
}
