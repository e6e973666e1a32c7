//! Institutions (市委政法委, 市公安局, 法院 …) with their mentions.
//!
//! Pattern-based: an admin prefix (市/区委/街道 …) and an institution word from orgs.txt
//! (政法委, 公安局, or a generic head like 局/中心/领导小组办公室 after a run of words), plus a
//! place name jieba tags right before it (常州市委). An institution inside a title chain counts
//! (市公安局 in 市公安局局长) but is named as the institution.

use crate::lexicon::{CharWords, FastMap, FastSet};
use std::sync::LazyLock;

use super::Ctx;
use crate::lexicon;
use crate::report::{Organization, Person, Span};
use crate::text::is_han;

pub(crate) struct OrgLex {
    prefixes: CharWords,
    cores: CharWords,
    bound: CharWords,
    heads: CharWords,
    noise: FastSet<String>,
    /// First chars of prefixes and cores: where a name can start.
    starts: FastSet<char>,
}

pub(crate) static LEX: LazyLock<OrgLex> = LazyLock::new(|| {
    let [prefixes, cores, bound, heads, noise] =
        lexicon::file!("orgs.txt").by_kind(["prefix", "core", "bound", "head", "noise"]);
    let (prefixes, cores): (CharWords, CharWords) = (prefixes.into_iter().collect(), cores.into_iter().collect());
    OrgLex {
        starts: prefixes.firsts().chain(cores.firsts()).collect(),
        prefixes,
        cores,
        bound: bound.into_iter().collect(),
        heads: heads.into_iter().collect(),
        noise: noise.into_iter().map(str::to_string).collect(),
    }
});

/// Chars that never sit inside an institution's name (function words).
/// A set: looked up at every char of a candidate's middle (up to 28 per start), where walking
/// the string was most of the stage on a text dense with prefixes.
static NOT_IN_ORG: LazyLock<FastSet<char>> =
    LazyLock::new(|| "的了在和与及等均并是对为将把被从向于也还就都而或要上下中这那其各全该我你他她".chars().collect());

/// Longest generic middle before a head (领导小组 names are long).
const MAX_MIDDLE: usize = 12;
const MAX_MIDDLE_GROUP: usize = 28;

/// An institution starting at `i` (after its prefix, if any): its end.
fn org_at(chars: &[char], i: usize) -> Option<usize> {
    // Each lexicon's longest word at a position (CharWords: longest first), as its end.
    let (after_prefix, has_prefix) = match LEX.prefixes.longest_at(chars, i) {
        // 市域 / 区域 / 县域 name a level of governance, not a body.
        Some(e) if chars.get(e) == Some(&'域') => (i, false),
        Some(e) => (e, true),
        None => (i, false),
    };
    if let Some(e) = LEX.cores.longest_at(chars, after_prefix) {
        return Some(extend_head(chars, e));
    }
    if !has_prefix {
        return None;
    }
    // 市委 + 政法委 is found as core above; the prefix alone may itself be 市委 (prefix 市 + 委).
    if let Some(e) = LEX.bound.longest_at(chars, after_prefix) {
        // Not 市委书记's prefix followed by more name (市委政法委 handled as core).
        return Some(e);
    }
    // Prefix 市委 itself is an institution when nothing else follows.
    let prefix_is_org = chars.get(after_prefix.saturating_sub(1)) == Some(&'委') && after_prefix > i;
    // Generic: prefix, a run of words, a head (市城市管理局, 州委…领导小组办公室).
    let mut j = after_prefix;
    while j < chars.len() && j - after_prefix <= MAX_MIDDLE_GROUP {
        let c = chars[j];
        if !is_han(c) || NOT_IN_ORG.contains(&c) {
            break;
        }
        let head_end = LEX.heads.longest_at(chars, j);
        if head_end.is_none() && title_follows(chars, j) {
            break;
        }
        if j > after_prefix {
            if let Some(he) = head_end {
                let h = &chars[j..he];
                let group = h.starts_with(&['领', '导']) || h.ends_with(&['组']);
                if j - after_prefix <= MAX_MIDDLE || group {
                    return Some(extend_head(chars, he));
                }
            }
        }
        j += 1;
    }
    prefix_is_org.then_some(after_prefix)
}

/// 领导小组 + 办公室, 公安局 + 分局 …: take a head that continues the name.
fn extend_head(chars: &[char], e: usize) -> usize {
    match LEX.heads.longest_at(chars, e) {
        Some(he) if he - e >= 2 && !title_follows(chars, e) => he,
        _ => e,
    }
}

/// Does a title start at `e` (局长, 主任 …)? Then the name stops before it.
fn title_follows(chars: &[char], e: usize) -> bool {
    const TITLES: [&[char]; 8] =
        [&['书', '记'], &['常', '委'], &['主', '任'], &['主', '席'], &['委', '员'], &['领', '导'], &['副'], &['长']];
    TITLES.iter().any(|t| chars.get(e..e + t.len()) == Some(t))
}

pub fn extract(ctx: &Ctx, people: &[Person]) -> Vec<Organization> {
    let chars = &ctx.chars;
    let n = chars.len();
    let mut in_person = vec![false; n];
    for p in people {
        for m in &p.mentions {
            for f in in_person.iter_mut().take(m.1.min(n)).skip(m.0) {
                *f = true;
            }
        }
    }
    // Token starts, and place names (ns) by where they end.
    let mut tok_start = vec![false; n + 1];
    let mut ns_ending: FastMap<usize, usize> = FastMap::default();
    for t in ctx.tokens {
        if t.span.0 < n {
            tok_start[t.span.0] = true;
        }
        if t.pos == "ns" && !t.word.starts_with(['全', '各', '本', '我', '该']) && t.word.chars().all(is_han) {
            ns_ending.insert(t.span.1, t.span.0);
        }
    }
    let mut found: Vec<(String, Span)> = Vec::new();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let at_edge = i == 0 || !is_han(chars[i - 1]) || tok_start[i];
        if !LEX.starts.contains(&c) || !at_edge || in_person[i] {
            i += 1;
            continue;
        }
        match org_at(chars, i) {
            Some(e) if e > i && !in_person[e - 1] => {
                let s = ns_ending.get(&i).copied().filter(|&s| !in_person[s]).unwrap_or(i);
                let name: String = chars[s..e].iter().collect();
                if !LEX.noise.contains(&name) && name.chars().count() >= 2 {
                    found.push((name, Span::new(s, e)));
                }
                i = e;
            }
            _ => i += 1,
        }
    }
    let mut out: Vec<Organization> = Vec::new();
    let mut index: FastMap<String, usize> = FastMap::default();
    for (name, sp) in found {
        let k = *index.entry(name.clone()).or_insert_with(|| {
            out.push(Organization { name, mentions: Vec::new() });
            out.len() - 1
        });
        out[k].mentions.push(sp);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::with_ctx;

    fn orgs(text: &str) -> Vec<(String, usize)> {
        with_ctx(text, |ctx| {
            let people = crate::extract::people::extract(ctx);
            extract(ctx, &people).into_iter().map(|o| (o.name, o.mentions.len())).collect()
        })
    }

    fn names(text: &str) -> Vec<String> {
        orgs(text).into_iter().map(|o| o.0).collect()
    }

    #[test]
    fn party_and_government_bodies() {
        assert_eq!(names("4月8日，县委、县政府召开全县平安建设工作会议。"), vec!["县委", "县政府"]);
    }

    #[test]
    fn institution_inside_a_title_is_named_as_institution() {
        let got = orgs("副县长、县公安局局长任某某通报了情况。县公安局要加强巡逻。");
        assert_eq!(got, vec![("县公安局".to_string(), 2)]);
    }

    #[test]
    fn list_of_institutions() {
        assert_eq!(
            names("县委政法委、县司法局、信访局在会上作交流发言。县法院院长、检察院检察长参加会议。"),
            vec!["县委政法委", "县司法局", "信访局", "县法院", "检察院"]
        );
    }

    #[test]
    fn long_leading_group_office() {
        let got = names(
            "会上，市委平安建设领导小组办公室副主任通报了市域社会治理现代化试点工作领导小组各专项工作组组建情况。",
        );
        assert_eq!(got.first().map(String::as_str), Some("市委平安建设领导小组办公室"));
    }

    #[test]
    fn noise_is_not_an_institution() {
        assert!(names("全区上下要统筹推进，各部门、有关单位要各司其职，政法机关要主动作为。").is_empty());
    }

    #[test]
    fn level_words_are_not_prefixes() {
        assert_eq!(names("推进市域社会治理现代化试点工作领导小组办公室工作。"), vec!["领导小组办公室"]);
    }

    #[test]
    fn junk_and_bare_names() {
        for t in ["", "市", "县领导小组"] {
            assert!(orgs(t).is_empty(), "{t:?}: {:?}", orgs(t));
        }
        assert_eq!(orgs("市委"), vec![("市委".to_string(), 1)]);
        assert_eq!(orgs("区委政法委"), vec![("区委政法委".to_string(), 1)]);
        assert_eq!(orgs(&"市委、".repeat(5000)), vec![("市委".to_string(), 5000)]);
    }

    #[test]
    fn seed_001_institutions() {
        let text = crate::extract::seed("001_");
        let got = names(&text);
        for want in ["区委", "区委政法委", "区司法局", "信访局", "区政府"] {
            assert!(got.iter().any(|g| g == want), "{want} missing from {got:?}");
        }
    }
}
