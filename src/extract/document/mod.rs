//! Document-level facts: kind (news / speech / other), title and subtitle, published date,
//! source, author, view count, and the website chrome (boilerplate) to keep out of everything else.
//!
//! Runs first, on the unmasked text; its boilerplate spans are then blanked out of `doc.text`.

mod chrome;
mod meta;

// For the test that loads every lexicon file (`crate::extract::load_lexicons`).
#[cfg(test)]
pub(crate) use chrome::MARKERS;

use std::sync::LazyLock;

use super::capped::Capped;
use crate::lexicon;
use crate::report::{Anomaly, AnomalyKind, Document, DocumentKind, Span};
use crate::text::Doc;

use chrome::Line;

/// What the document pass finds.
#[derive(Debug, Clone, Default)]
pub struct DocumentInfo {
    pub document: Document,
    /// One `boilerplate` anomaly per chrome line or block, and an `off_topic` one per article a
    /// related-news widget pulls in.
    pub boilerplate: Vec<Anomaly>,
    /// What to blank out for the later extractors: the chrome, but not a photo caption's names.
    pub masked: Vec<Span>,
}

pub fn extract(doc: &Doc) -> DocumentInfo {
    let lines = chrome::scan(doc);
    let mut boilerplate = chrome::anomalies(&lines);
    let mut masked = chrome::masked(&lines);
    let tags = chrome::html_tags(doc);
    masked.extend(
        tags.iter()
            .map(|a| a.span)
            .chain(boilerplate.iter().filter(|a| a.kind == AnomalyKind::OffTopic).map(|a| a.span)),
    );
    boilerplate.extend(tags);
    boilerplate.sort_by_key(|a| (a.span, a.kind));
    let meta = meta::read(&lines);
    let (title, subtitle) = headline(&lines);
    let lead = lines.iter().find(|l| {
        !l.is_blank() && !l.is_chrome() && Some(l.text) != title.as_deref() && Some(l.text) != subtitle.as_deref()
    });
    let kind = kind(&doc.unmasked, title.as_deref(), subtitle.as_deref(), lead.map(|l| l.text));
    // A speech is signed by its speaker under the title ("县委书记　张三").
    let author = meta.author.or_else(|| (kind == DocumentKind::Speech).then(|| speaker(&lines)).flatten());
    DocumentInfo {
        document: Document {
            kind,
            title,
            subtitle,
            published: meta.published,
            source: meta.source,
            author,
            views: meta.views,
            chars: doc.len(),
        },
        boilerplate,
        masked,
    }
}

/// Longest headline; longer lines are body text.
const MAX_HEADLINE: usize = 64;

fn is_dash_line(t: &str) -> bool {
    !t.is_empty() && t.chars().all(|c| matches!(c, '—' | '－' | '-' | '─' | '–' | ' '))
}

fn strip_dashes(t: &str) -> Option<&str> {
    let rest = t.trim_start_matches(['—', '－', '-', '─', '–']);
    (rest.len() < t.len()).then(|| rest.trim()).filter(|r| !r.is_empty())
}

fn headline_like(t: &str) -> bool {
    let n = t.chars().count();
    let han = t.chars().filter(|&c| crate::text::is_han(c)).count();
    (5..=MAX_HEADLINE).contains(&n)
        && han >= 4
        && !t.contains('。')
        && !t.ends_with(['：', '，', '；'])
        && !t.starts_with("同志们")
        && !t.starts_with("本报讯")
        && crate::extract::dates::find_dates(t).first().is_none_or(|d| d.span.0 > 0)
}

/// Words of a headline that names its meeting.
const MEETING_WORDS: &[&str] = &["召开", "举行", "会议", "会上"];

/// Verbs and nouns that make a short line look like this genre's headline.
const HEADLINE_WORDS: &[&str] = &["召开", "举行", "会议", "会", "讲话", "部署", "推进", "强调", "调研", "座谈"];

/// The headline and its subtitle: short lines before the body starts, chrome skipped.
fn headline(lines: &[Line]) -> (Option<String>, Option<String>) {
    // The head zone ends at the first line that reads like body text.
    let (at, head): (Vec<usize>, Vec<&Line>) = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_blank() && !l.is_chrome())
        .take_while(|(_, l)| l.text.chars().count() <= MAX_HEADLINE && !l.text.contains('。'))
        .take(6)
        .unzip();
    // A line led by dashes is the subtitle of the line above, never the title itself.
    let candidates: Vec<usize> =
        (0..head.len()).filter(|&i| headline_like(head[i].text) && strip_dashes(head[i].text).is_none()).collect();
    let has_subtitle =
        |i: usize| head.get(i + 1).is_some_and(|l| is_dash_line(l.text) || strip_dashes(l.text).is_some());
    let pick = candidates
        .iter()
        .copied()
        .find(|&i| has_subtitle(i))
        // A line naming the meeting before one that only says 讲话 (a site's column "领导讲话范文").
        .or_else(|| candidates.iter().copied().find(|&i| MEETING_WORDS.iter().any(|w| head[i].text.contains(w))))
        .or_else(|| candidates.iter().copied().find(|&i| HEADLINE_WORDS.iter().any(|w| head[i].text.contains(w))))
        .or_else(|| candidates.first().copied());
    let Some(i) = pick else { return (None, None) };
    // A headline broken over two lines: "…领导小组" / "召开第一次会议", "…书记在全市社会治安综合" /
    // "治理中心…推进会上的讲话". The first half names no meeting of its own (else it was picked).
    // The two halves follow each other, at most a blank line apart.
    let broken = i > 0 && at[i] - at[i - 1] <= 2 && {
        let (first, second) = (head[i - 1].text, head[i].text);
        headline_like(first)
            && !MEETING_WORDS.iter().any(|w| first.contains(w))
            && first.chars().count() + second.chars().count() <= MAX_HEADLINE
            && (second.starts_with("召开")
                || second.starts_with("举行")
                || (first.contains('在')
                    && !first.contains("讲话")
                    && ["讲话", "发言", "主持词"].iter().any(|w| second.ends_with(w))))
    };
    let title = if broken { format!("{}{}", head[i - 1].text, head[i].text) } else { head[i].text.to_string() };
    let subtitle = match head.get(i + 1) {
        Some(l) if is_dash_line(l.text) => {
            head.get(i + 2).filter(|n| headline_like(n.text)).map(|n| n.text.to_string())
        }
        Some(l) => strip_dashes(l.text).map(str::to_string),
        None => None,
    };
    (Some(title), subtitle)
}

/// doc_kind.txt: a phrase, the kind it speaks for, and its weight.
pub(crate) static KIND_RULES: LazyLock<Vec<(&'static str, DocumentKind, i32)>> = LazyLock::new(|| {
    let file = lexicon::file!("doc_kind.txt");
    let kinds = [("speech", DocumentKind::Speech), ("news", DocumentKind::News)];
    file.rows()
        .map(|r| match r[..] {
            [phrase, kind, weight] => {
                let kind = file.lookup(kind, &kinds);
                let weight =
                    weight.parse().unwrap_or_else(|_| file.invalid(format_args!("{phrase}: weight {weight:?}")));
                (phrase, kind, weight)
            }
            _ => file.invalid(format_args!("{r:?} is not `phrase kind weight`")),
        })
        .collect()
});

/// Last words of an official title: the speaker line reads "<title> <name>".
const TITLE_ENDS: &[&str] = &["书记", "长", "主任", "主席", "委员", "常委", "政委", "秘书"];

/// A speaker line's title, at most (a `Capped` repeat).
const SPEAKER_TITLE_MAX: usize = 30;

static RE_SPEAKER: LazyLock<Capped> = LazyLock::new(|| {
    let h = crate::extract::dates::HAN;
    Capped::new(
        |b| format!(r"^(?P<t>(?:{h}|、){{2,{}}})\s+(?P<n>{h}{{2,4}})(?:同志)?$", b(SPEAKER_TITLE_MAX)),
        &[("t", SPEAKER_TITLE_MAX)],
    )
});

/// The speaker line of a speech: among the head lines before the address 同志们.
fn speaker(lines: &[Line]) -> Option<String> {
    for l in lines.iter().filter(|l| !l.is_blank() && !l.is_chrome()).take(6) {
        if l.text.starts_with("同志们") || l.text.contains('。') {
            return None;
        }
        let Some(c) = RE_SPEAKER.captures(l.text) else { continue };
        let (Some(t), Some(n)) = (c.name("t"), c.name("n")) else { continue };
        if TITLE_ENDS.iter().any(|e| t.as_str().ends_with(e)) {
            return Some(n.as_str().to_string());
        }
    }
    None
}

/// A news lead opens on the day of the event: "3月2日上午，", "近日，", "昨日下午，".
static RE_LEAD_DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^(?:(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}日|[0-9]{1,2}日|近日|日前|近期|昨日|昨天|今天|今日)(?:上午|下午|晚上|晚|早上)?，")
        .expect("lead date regex")
});

fn kind(text: &str, title: Option<&str>, subtitle: Option<&str>, lead: Option<&str>) -> DocumentKind {
    // A speech opens by addressing the audience.
    let opening: String = text.trim_start().chars().take(12).collect();
    if opening.starts_with("同志们") || opening.contains("同志们：") {
        return DocumentKind::Speech;
    }
    let (mut speech, mut news) = (0, 0);
    static PHRASES: LazyLock<lexicon::Phrases> =
        LazyLock::new(|| lexicon::Phrases::new(KIND_RULES.iter().map(|r| r.0)));
    for ((_, k, w), n) in KIND_RULES.iter().zip(PHRASES.counts(text)) {
        let n = n.min(5) as i32;
        match k {
            DocumentKind::Speech => speech += n * w,
            _ => news += n * w,
        }
    }
    if lead.is_some_and(|l| RE_LEAD_DATE.is_match(l)) {
        news += 2;
    }
    for t in [title, subtitle].into_iter().flatten() {
        // A speech's own title names its kind: 讲话 (not 并讲话, a news headline), 主持词, 发言稿.
        let speech_title = ["上的讲话", "上的发言", "主持词", "发言稿", "讲话稿", "致辞", "讲话提纲"].iter().any(|w| t.contains(w))
            || (t.ends_with("讲话") && !t.ends_with("并讲话"))
            // …会议上的表态发言, …上的交流发言（摘要）: a kind of speech between 上的 and 发言.
            || t.find("上的").and_then(|i| t.get(i..)).is_some_and(|r| r.chars().take(8).collect::<String>().contains("发言"))
            || ((t.ends_with("表态发言") || t.ends_with("交流发言")) && !t.contains("召开"))
            // 在…会议上的汇报 / 报告 / 交流材料: a text given at a meeting.
            || (t.starts_with('在') && (t.contains("会议上的") || t.contains("会上的")) && !t.contains("召开"))
            || ["发言材料", "讲话范文", "典型发言", "表态发言稿"].iter().any(|w| t.contains(w));
        if speech_title {
            speech += 6;
        }
        if t.contains("召开") || t.contains("举行") {
            news += 3;
        }
    }
    // Texts of this genre are meeting reports or speeches: any evidence decides, and "other" is
    // left for a text with none (a news item need not open with 本报讯 or a dateline).
    if speech > news {
        DocumentKind::Speech
    } else if news > 0 {
        DocumentKind::News
    } else {
        DocumentKind::Other
    }
}

#[cfg(test)]
pub(crate) mod tests;
