//! Short quoted terms (“雪亮工程”, “枫桥经验”) with counts.
//!
//! A term is the text inside “…” (「」 are normalised to “” by `text`) or a pair of straight
//! quotes on one line: 2–15 chars, no sentence punctuation, so that quoted speech is left out.
//! Its mentions are every occurrence of the term in the text, quoted or not: once a document
//! has introduced “雪亮工程”, a later bare 雪亮工程 is the same thing and counts. Not so for a
//! two-char term: a bare 护航 or 短板 is the everyday word (护航经济发展), so only its quoted
//! occurrences count.

use crate::lexicon::FastMap;

use super::Ctx;
use crate::report::{Span, Term};

const MIN: usize = 2;
const MAX: usize = 15;
/// Each term costs a scan of the text for its bare mentions; real reports quote a few dozen
/// terms, so a cap keeps junk input (thousands of distinct quotes) linear.
const MAX_TERMS: usize = 300;
/// Shortest term whose bare occurrences count as mentions.
const MIN_BARE: usize = 3;

fn acceptable(inner: &[char]) -> bool {
    (MIN..=MAX).contains(&inner.len())
        && inner.iter().any(|&c| crate::text::is_alnum(c))
        && !inner.iter().any(|c| matches!(c, '。' | '！' | '？' | '；' | '，' | '：' | '“' | '”' | '"' | '\n'))
        && inner.first().is_some_and(|c| !c.is_whitespace())
        && inner.last().is_some_and(|c| !c.is_whitespace())
}

pub fn extract(ctx: &Ctx) -> Vec<Term> {
    let cs = &ctx.chars;
    let mut seen: FastMap<String, usize> = FastMap::default();
    let mut out: Vec<Term> = Vec::new();
    let mut curly: Option<usize> = None;
    let mut straight: Option<usize> = None;
    for (i, &c) in cs.iter().enumerate() {
        let open = match c {
            '“' => {
                curly = Some(i);
                None
            }
            '”' => curly.take(),
            '"' => match straight.take() {
                Some(o) => Some(o),
                None => {
                    straight = Some(i);
                    None
                }
            },
            '\n' => {
                curly = None;
                straight = None;
                None
            }
            _ => None,
        };
        let Some(o) = open else { continue };
        let inner = &cs[o + 1..i];
        if !acceptable(inner) {
            continue;
        }
        let term: String = inner.iter().collect();
        let bare = inner.len() >= MIN_BARE;
        match seen.get(&term) {
            Some(&k) if !bare => out[k].mentions.push(Span::new(o + 1, i)),
            Some(_) => {}
            None if seen.len() < MAX_TERMS => {
                seen.insert(term.clone(), out.len());
                // A bare term's mentions are all its occurrences, found below in one pass.
                let mentions = if bare { Vec::new() } else { vec![Span::new(o + 1, i)] };
                out.push(Term { mentions, text: term });
            }
            None => {}
        }
    }
    let bare: Vec<usize> = (0..out.len()).filter(|&k| out[k].text.chars().count() >= MIN_BARE).collect();
    let phrases = crate::lexicon::Phrases::new(bare.iter().map(|&k| out[k].text.as_str()));
    let mut hits = phrases.find_all(&ctx.doc.text);
    hits.sort_unstable_by_key(|&(p, b, _)| (p, b));
    for (p, b, e) in hits {
        let Some(term) = bare.get(p).and_then(|&k| out.get_mut(k)) else { continue };
        let span = ctx.doc.span_of_bytes(b, e);
        // Non-overlapping, as a reader counts them.
        if term.mentions.last().is_none_or(|l| l.1 <= span.0) {
            term.mentions.push(span);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::with_ctx;

    fn run(text: &str) -> Vec<Term> {
        with_ctx(text, extract)
    }

    #[test]
    fn quoted_terms_count_every_occurrence() {
        let t = run("深化“天网工程”建设，推广“枫桥经验”，天网工程覆盖全县，发扬「枫桥经验」。");
        let names: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(names, vec!["天网工程", "枫桥经验"]);
        assert_eq!(t[0].mentions, vec![Span::new(3, 7), Span::new(20, 24)]);
        assert_eq!(t[1].mentions.len(), 2);
    }

    #[test]
    fn quoted_speech_and_long_lists_are_not_terms() {
        let t = run("他说：“我们要把工作做实。”围绕“横向协同、纵向联动、融合共享、智慧研判、整体推进”的目标，\
推行“双评估”，坚持“三调对接、四级联动”，“ ”为空，“x”太短。");
        let names: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(names, vec!["双评估", "三调对接、四级联动"]);
    }

    #[test]
    fn straight_quotes_pair_within_a_line() {
        let t = run("推进\"一网通办\"改革，\"一网通办\n\"未闭合");
        let names: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(names, vec!["一网通办"]);
        assert_eq!(t[0].mentions.len(), 2);
    }

    #[test]
    fn two_char_terms_count_only_quoted_occurrences() {
        let t =
            run("开展“护航”行动，为经济发展保驾护航，补齐“短板”，补短板，“护航”成效明显。推广“微网格”，微网格全覆盖。");
        let got: Vec<(&str, usize)> = t.iter().map(|x| (x.text.as_str(), x.mentions.len())).collect();
        assert_eq!(got, vec![("护航", 2), ("短板", 1), ("微网格", 2)]);
        assert_eq!(t[0].mentions, vec![Span::new(3, 5), Span::new(31, 33)]);
    }

    #[test]
    fn junk_gives_nothing_and_repeats_one_term() {
        for s in ["", "“", "”", "\"", "“”", "“a", "\"\"\""] {
            assert!(run(s).is_empty(), "{s:?}");
        }
        let t = run(&"“雪亮工程”".repeat(20_000));
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].text.as_str(), t[0].mentions.len()), ("雪亮工程", 20_000));
        assert_eq!(t[0].mentions.last(), Some(&Span::new(6 * 19_999 + 1, 6 * 20_000 - 1)));
        let many: String = (0..5000).map(|i| format!("“术语{i}”")).collect();
        assert_eq!(run(&many).len(), MAX_TERMS);
    }

    #[test]
    fn seed_004_quoted() {
        let t = with_ctx(include_str!("../../seeds/004_4cf3b7e9622604b5.txt"), extract);
        let names: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert!(names.contains(&"雪亮工程"), "{names:?}");
        assert!(names.contains(&"月通报"), "{names:?}");
    }

    #[test]
    fn seed_000_quoted() {
        let t = with_ctx(include_str!("../../seeds/000_21f538190c88e84a.txt"), extract);
        let names: Vec<&str> = t.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(names, vec!["331", "双网融合", "鹿路通"]);
    }
}
