//! The people extractor's rule data (titles.txt, roles.txt, surnames.txt), loaded once.

use crate::lexicon::{FastMap, FastSet};
use std::sync::LazyLock;

use crate::lexicon::{self, CharWords};

pub struct Lex {
    pub compound_surnames: CharWords,
    pub surnames: FastSet<char>,
    /// Head titles and collective labels: a name may follow them.
    pub heads: CharWords,
    /// Collective labels alone (市领导, 县级领导): also a list's tail ("甲、乙等市领导").
    pub labels: Vec<Vec<char>>,
    pub edges: CharWords,
    /// Words that open a title before its head (常务, 专职, 第一).
    pub modifiers: CharWords,
    pub bylines: Vec<Vec<char>>,
    /// Verb patterns after a name; `…` in a pattern is a short wildcard, `?` an optional
    /// adverb of `adverbs` (进行?部署: 进行具体部署).
    pub verbs: Vec<(Vec<char>, Verb)>,
    /// Per first char, the indices (in `verbs`' order) of the patterns that can match there:
    /// those starting with that char and those starting with a wildcard. verb_at is asked at
    /// many positions of a text, and most chars start no pattern.
    verbs_by_first: FastMap<char, Vec<usize>>,
    /// The patterns starting with a wildcard (`…`, `?`): all that can match at any other char.
    verbs_wild: Vec<usize>,
    pub adverbs: Vec<Vec<char>>,
    /// Collective words a surname may start (班子, 全体): never a name.
    pub not_names: Vec<Vec<char>>,
    /// Determiners and sentence adverbs cut off the start of a title (该镇, 最后).
    pub leads: Vec<Vec<char>>,
}

impl Lex {
    /// The verb patterns (indices into `verbs`, in order) that can match at `pos`.
    fn verbs_at(&self, chars: &[char], pos: usize) -> &[usize] {
        chars.get(pos).and_then(|c| self.verbs_by_first.get(c)).unwrap_or(&self.verbs_wild)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// A meeting role from `report::ROLES`.
    Role(&'static str),
    /// Reported speech: ends a name and marks its clause as what was said; some verbs (强调,
    /// 指出, 提出…要求) also say the person spoke at the meeting (讲话), others (介绍) do not.
    Speech(Option<&'static str>),
    /// A function word that may follow a name (等, 在, 作).
    Weak,
}

pub static LEX: LazyLock<Lex> = LazyLock::new(|| {
    let (surnames, compound_surnames) = crate::segment::surnames();
    let (surnames, compound_surnames) = (surnames.into_iter().collect(), compound_surnames.into_iter().collect());
    let [heads, labels, edges, bylines, modifiers, not_names, leads] =
        lexicon::file!("titles.txt").by_kind(["head", "label", "edge", "byline", "modifier", "notname", "lead"]);
    let chars = |v: Vec<&str>| v.into_iter().map(|e| e.chars().collect()).collect::<Vec<Vec<char>>>();
    // A label is a head too: a name may follow it.
    let heads = heads.into_iter().chain(labels.iter().copied()).collect();
    let (labels, bylines, not_names, leads) = (chars(labels), chars(bylines), chars(not_names), chars(leads));
    let (edges, modifiers) = (edges.into_iter().collect(), modifiers.into_iter().collect());
    let mut verbs = Vec::new();
    let mut adverbs = Vec::new();
    let roles = lexicon::file!("roles.txt");
    for row in roles.rows() {
        let (Some(pat), Some(role)) = (row.first(), row.get(1)) else {
            roles.invalid(format_args!("{row:?} has no role"))
        };
        if *role == "?" {
            adverbs.push(pat.chars().collect());
            continue;
        }
        let known = |r: &str| match crate::report::ROLES.iter().find(|x| **x == r) {
            Some(x) => *x,
            None => roles.invalid(format_args!("unknown role {r:?} for {pat}")),
        };
        let kind = match *role {
            "-" => Verb::Speech(row.get(2).map(|r| known(r))),
            "~" => Verb::Weak,
            r => Verb::Role(known(r)),
        };
        verbs.push((pat.chars().collect::<Vec<char>>(), kind));
    }
    let wild = |p: &[char]| matches!(p.first(), None | Some('…' | '?'));
    let verbs_wild: Vec<usize> = (0..verbs.len()).filter(|&k| wild(&verbs[k].0)).collect();
    let mut verbs_by_first: FastMap<char, Vec<usize>> = FastMap::default();
    for (k, (p, _)) in verbs.iter().enumerate() {
        if !wild(p) {
            verbs_by_first.entry(p[0]).or_default().push(k);
        }
    }
    for list in verbs_by_first.values_mut() {
        list.extend(&verbs_wild);
        list.sort_unstable();
    }
    Lex {
        compound_surnames,
        surnames,
        heads,
        labels,
        edges,
        modifiers,
        bylines,
        verbs,
        verbs_by_first,
        verbs_wild,
        adverbs,
        not_names,
        leads,
    }
});

/// Wildcard span of `…` in verb patterns.
const GAP: usize = 14;
/// Longest quoted title the wildcard steps over.
const QUOTED: usize = 40;

/// Match a verb pattern at `pos`: end of the match.
pub fn match_pattern(chars: &[char], pos: usize, pat: &[char]) -> Option<usize> {
    let mut i = pos;
    let mut k = 0;
    while k < pat.len() {
        if pat[k] == '?' {
            let rest = &pat[k + 1..];
            // The longest reading first: "进行了具体部署" over a shorter accidental match.
            let with_adverb = LEX
                .adverbs
                .iter()
                .filter(|a| chars.get(i..i + a.len()) == Some(&a[..]))
                .filter_map(|a| match_pattern(chars, i + a.len(), rest))
                .max();
            return with_adverb.or_else(|| match_pattern(chars, i, rest));
        }
        if pat[k] == '…' {
            let rest = &pat[k + 1..];
            // Lazily extend the wildcard over Han chars until the rest matches; a quoted title
            // counts as one word (作了题为《…》的工作报告).
            let mut at = i;
            for _ in 0..=GAP {
                if at > chars.len() {
                    break;
                }
                if let Some(e) = match_pattern(chars, at, rest) {
                    return Some(e);
                }
                match chars.get(at) {
                    Some(&c) if crate::text::is_han(c) || c.is_ascii_alphanumeric() => at += 1,
                    Some(&c @ ('《' | '“')) => {
                        let close = if c == '《' { '》' } else { '”' };
                        match chars.iter().skip(at + 1).take(QUOTED).position(|&x| x == close) {
                            Some(p) => at += p + 2,
                            None => break,
                        }
                    }
                    _ => break,
                }
            }
            return None;
        }
        if chars.get(i) != Some(&pat[k]) {
            return None;
        }
        i += 1;
        k += 1;
    }
    Some(i)
}

/// The verb at `pos` (longest match): (end, kind).
pub fn verb_at(chars: &[char], pos: usize) -> Option<(usize, Verb)> {
    // The 作 of 工作/合作 … is no verb ("工作会议上的讲话" is no 作…讲话).
    if chars.get(pos) == Some(&'作') && pos > 0 && crate::text::has_char("工合协操运创写动制振", chars[pos - 1])
    {
        return None;
    }
    LEX.verbs_at(chars, pos)
        .iter()
        .map(|&k| &LEX.verbs[k])
        .filter_map(|(p, r)| match_pattern(chars, pos, p).map(|e| (e, *r)))
        .max_by_key(|(e, _)| *e)
}

/// A role verb starting at `pos` whose match ends exactly at `end` (any pattern, not only the
/// longest: "作了具体部署" must end the clause, whatever else matches at 作).
pub fn role_ending_at(chars: &[char], pos: usize, end: usize) -> Option<&'static str> {
    LEX.verbs_at(chars, pos).iter().map(|&k| &LEX.verbs[k]).find_map(|(p, r)| match r {
        Verb::Role(role) if match_pattern(chars, pos, p) == Some(end) => Some(*role),
        // Reported speech ending a clause only as a phrase ("提出了具体要求"): a bare 要求 there
        // is a noun ("部署要求").
        Verb::Speech(Some(role)) if p.contains(&'…') && match_pattern(chars, pos, p) == Some(end) => Some(*role),
        _ => None,
    })
}

/// No clause break in `[from, to)`.
pub fn clean_clause(chars: &[char], from: usize, to: usize) -> bool {
    chars
        .get(from..to)
        .is_some_and(|g| !g.iter().any(|c| matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '\n' | '“' | '、')))
}
