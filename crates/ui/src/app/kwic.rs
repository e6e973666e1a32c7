//! The concordance (KWIC): every occurrence of a term with the text either side, aligned on the
//! term, so the reader sees how the document uses it.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::i18n::Lang;
use super::Analysis;
use huixi::report::Span;

/// Chars of context either side.
const CONTEXT: usize = 15;
/// Rows shown; the count says how many there are in all.
const MAX_ROWS: usize = 500;

/// Start offsets of the non-overlapping occurrences of `needle` in `hay`, at most `max`.
pub fn find_all(hay: &[char], needle: &[char], max: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let Some(&first) = needle.first() else { return out };
    let mut i = 0;
    while i + needle.len() <= hay.len() && out.len() < max {
        if hay[i] == first && hay[i..i + needle.len()] == *needle {
            out.push(i);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Context on one line: line breaks and runs of spaces read as one space.
fn flat(chars: &[char]) -> String {
    let mut s = String::with_capacity(chars.len() * 3);
    let mut space = false;
    for &c in chars {
        if c.is_whitespace() {
            if !space {
                s.push(' ');
            }
            space = true;
        } else {
            s.push(c);
            space = false;
        }
    }
    s
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub query: String,
    pub on_query: Callback<String>,
    pub on_jump: Callback<(String, Span)>,
}

#[function_component(Concordance)]
pub fn concordance(p: &Props) -> Html {
    let l = p.lang;
    let a = &p.analysis;
    let q = p.query.trim().to_string();
    let hits = {
        let a = a.clone();
        use_memo((a.run, q.clone()), move |(_, q)| {
            let needle: Vec<char> = q.chars().collect();
            let all = find_all(&a.chars, &needle, usize::MAX);
            (all.len(), all.into_iter().take(MAX_ROWS).collect::<Vec<_>>())
        })
    };
    let oninput = {
        let on_query = p.on_query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                on_query.emit(input.value());
            }
        })
    };
    // Suggestions: the terms the analysis found, so one can pick instead of typing.
    let r = &a.report;
    let mut terms: Vec<&str> = r
        .formulas
        .iter()
        .map(|f| f.text.as_str())
        .chain(r.campaigns.iter().map(|t| t.text.as_str()))
        .chain(r.quoted.iter().map(|t| t.text.as_str()))
        .chain(r.people.iter().map(|p| p.name.as_str()))
        .chain(r.keywords.iter().map(|k| k.word.as_str()))
        .collect();
    let mut seen = std::collections::HashSet::new();
    terms.retain(|t| seen.insert(*t));

    let n = q.chars().count();
    let (total, rows) = (*hits).clone();
    let rows = rows.into_iter().enumerate().map(|(i, at)| {
        let left = flat(&a.chars[at.saturating_sub(CONTEXT)..at]);
        let right = flat(&a.chars[(at + n).min(a.chars.len())..(at + n + CONTEXT).min(a.chars.len())]);
        let onclick = {
            let on_jump = p.on_jump.clone();
            Callback::from(move |_: MouseEvent| on_jump.emit((format!("kwic:{i}"), Span(at, at + n))))
        };
        html! {
            <tr>
                <td class="kwic-left"><span class="ltr">{left}</span></td>
                <td class="kwic-hit">
                    <button type="button" class="hit" title={l.t("在原文中查看", "Show in the text")} {onclick}>{q.clone()}</button>
                </td>
                <td class="kwic-right">{right}</td>
            </tr>
        }
    });
    html! {
        <section class="card kwic" id="kwic">
            <details open=true>
            <summary><h2>{l.t("检索（上下文）", "Concordance")}</h2></summary>
            <div class="kwic-bar">
                <label for="kwic-query">{l.t("词语：", "Term:")}</label>
                <input id="kwic-query" type="search" list="kwic-terms" value={p.query.clone()} {oninput}
                    placeholder={l.t("输入或选择词语", "type or pick a term")} autocomplete="off" />
                <datalist id="kwic-terms">
                    { for terms.iter().map(|t| html! { <option value={t.to_string()} /> }) }
                </datalist>
            </div>
            if !q.is_empty() {
                <p class="kwic-count" aria-live="polite">{ match l {
                    Lang::Zh if total > MAX_ROWS => format!("共 {total} 处，显示前 {MAX_ROWS} 处"),
                    Lang::Zh => format!("共 {total} 处"),
                    Lang::En if total > MAX_ROWS => format!("{total} occurrences, first {MAX_ROWS} shown"),
                    Lang::En => format!("{total} occurrences"),
                } }</p>
                if total > 0 {
                    <div class="table-wrap">
                        <table class="kwic-table">
                            <thead class="visually-hidden"><tr>
                                <th scope="col">{l.t("左文", "Left")}</th>
                                <th scope="col">{l.t("词语", "Term")}</th>
                                <th scope="col">{l.t("右文", "Right")}</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                }
            }
            </details>
        </section>
    }
}
