//! The meeting card: what, when, where, who called it, and where the document came from.

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::Lang;
use super::Analysis;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
}

fn row(label: &'static str, value: Option<String>) -> Html {
    match value.filter(|v| !v.trim().is_empty()) {
        Some(v) => html! { <><dt>{label}</dt><dd>{v}</dd></> },
        None => Html::default(),
    }
}

/// The meeting's date as a reader writes it: the JSON keeps ISO ("2020-05-15", "--02-28" when
/// the text gives no year), which reads as an error on the page.
fn date_label(l: Lang, iso: &str) -> String {
    let parts: Vec<&str> = iso.trim_start_matches('-').split('-').collect();
    let num = |s: &str| s.parse::<u32>().ok();
    match (iso.starts_with("--"), parts.as_slice()) {
        (true, [m, d]) => match (num(m), num(d)) {
            (Some(m), Some(d)) => match l {
                Lang::Zh => format!("{m}月{d}日（未注明年份）"),
                Lang::En => format!("{m:02}-{d:02} (year not stated)"),
            },
            _ => iso.to_string(),
        },
        (false, [y, m, d]) => match (num(y), num(m), num(d)) {
            (Some(y), Some(m), Some(d)) => match l {
                Lang::Zh => format!("{y}年{m}月{d}日"),
                Lang::En => iso.to_string(),
            },
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// A year with no day ("近日" in a 2024 report): the year alone, saying the day is not given.
fn year_label(l: Lang, year: i32) -> String {
    match l {
        Lang::Zh => format!("{year}年（日期未注明）"),
        Lang::En => format!("{year} (day not stated)"),
    }
}

#[function_component(MeetingCard)]
pub fn meeting_card(p: &Props) -> Html {
    let l = p.lang;
    let r = &p.analysis.report;
    let m = &r.meeting;
    let d = &r.document;
    let list = |v: &[String]| (!v.is_empty()).then(|| v.join("、"));
    let region = r.region.as_ref().map(|g| format!("{}（{}）", g.name, l.region_level(g.level)));
    html! {
        <section class="card meeting" id="meeting">
            <details open=true>
                <summary><h2>{l.t("会议", "Meeting")}</h2></summary>
                if let Some(title) = d.title.as_ref() {
                    <p class="doc-title">{title.clone()}</p>
                }
                if let Some(sub) = d.subtitle.as_ref() {
                    <p class="doc-subtitle">{sub.clone()}</p>
                }
                <dl>
                    { row(l.t("会议名称", "Name"), m.name.clone()) }
                    { row(l.t("日期", "Date"), m.date.as_deref().map(|v| date_label(l, v)).or_else(|| m.year.map(|y| year_label(l, y)))) }
                    { row(l.t("时段", "Time of day"), m.time_of_day.clone()) }
                    { row(l.t("地点", "Venue"), m.venue.clone()) }
                    { row(l.t("形式", "Format"), m.format.clone()) }
                    { row(l.t("主办", "Organisers"), list(&m.organizers)) }
                    { row(l.t("地区", "Region"), region) }
                    { row(l.t("文体", "Document"), Some(l.doc_kind(d.kind).to_string())) }
                    { row(l.t("来源", "Source"), d.source.clone()) }
                    { row(l.t("作者", "Author"), d.author.clone()) }
                    { row(l.t("发布", "Published"), d.published.clone()) }
                    { row(l.t("浏览", "Views"), d.views.map(|v| v.to_string())) }
                    { row(l.t("字数", "Chars"), Some(d.chars.to_string())) }
                </dl>
                if m.name.is_none() && m.date.is_none() {
                    <p class="empty">{l.t("（未识别到会议）", "(no meeting found)")}</p>
                }
            </details>
        </section>
    }
}
