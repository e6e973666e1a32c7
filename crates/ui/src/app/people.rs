//! The people table. Picking a person marks every mention in the text and scrolls to the first.

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::Lang;
use super::Analysis;
use huixi::report::{Person, Span};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub selected: Option<String>,
    /// (key, spans)
    pub on_select: Callback<(String, Vec<Span>)>,
}

/// A person's titles or roles, `、`-separated. A value with evidence is a button: hovering it shows
/// the words it came from in their sentence, clicking marks them in the text.
fn facts(l: Lang, a: &Analysis, p: &Props, i: usize, person: &Person, of: &'static str, values: &[String]) -> Html {
    let items = values.iter().enumerate().map(|(j, v)| {
        let sep = if j > 0 { "、" } else { "" };
        let Some(span) = person.evidence_for(of, v) else {
            return html! { <>{sep}{v.clone()}</> };
        };
        let key = format!("person:{i}:{of}:{j}");
        let pressed = p.selected.as_deref() == Some(key.as_str());
        let words = a.slice(span);
        let tip = match l {
            Lang::Zh => format!("依据：“{}”——{}", words, a.context(span, 24)),
            Lang::En => format!("From “{}”: {}", words, a.context(span, 24)),
        };
        let onclick = {
            let on_select = p.on_select.clone();
            Callback::from(move |_: MouseEvent| on_select.emit((key.clone(), vec![span])))
        };
        html! {
            <>{sep}<button type="button" class="evidence" aria-pressed={pressed.to_string()} title={tip} {onclick}>{v.clone()}</button></>
        }
    });
    html! { <>{ for items }</> }
}

#[function_component(PeopleTable)]
pub fn people_table(p: &Props) -> Html {
    let l = p.lang;
    let a = &p.analysis;
    let people = &a.report.people;
    let rows = people.iter().enumerate().map(|(i, person)| {
        let mentions = Analysis::mentions(&a.totals.people, i, person.mentions.len());
        let key = format!("person:{i}");
        let pressed = p.selected.as_deref() == Some(key.as_str());
        let onclick = {
            let on_select = p.on_select.clone();
            let spans = person.mentions.clone();
            let key = key.clone();
            Callback::from(move |_: MouseEvent| on_select.emit((key.clone(), spans.clone())))
        };
        let label = match l {
            Lang::Zh => format!("在原文中标出{}的 {} 处提及", person.name, mentions),
            Lang::En => format!("Mark the {} mentions of {} in the text", mentions, person.name),
        };
        html! {
            <tr class={classes!(pressed.then_some("selected"))}>
                <th scope="row">
                    <button type="button" class="person" aria-pressed={pressed.to_string()} title={label} {onclick}>
                        {person.name.clone()}
                    </button>
                </th>
                <td>{ facts(l, a, p, i, person, "title", &person.titles) }</td>
                <td>{ facts(l, a, p, i, person, "role", &person.roles) }</td>
                <td class="num">{mentions.to_string()}</td>
            </tr>
        }
    });
    html! {
        <section class="card people" id="people">
            <details open=true>
                <summary><h2>{l.t("人物", "People")}<span class="count">{a.len(a.totals.people_len, people.len()).to_string()}</span></h2></summary>
                if people.is_empty() {
                    <p class="empty">{l.t("（未识别到参会人物）", "(no participants found)")}</p>
                } else {
                    <div class="table-wrap">
                        <table>
                            <thead><tr>
                                <th scope="col">{l.t("姓名", "Name")}</th>
                                <th scope="col">{l.t("职务", "Titles")}</th>
                                <th scope="col">{l.t("角色", "Roles")}</th>
                                <th scope="col" class="num">{l.t("提及", "Mentions")}</th>
                            </tr></thead>
                            <tbody>{ for rows }</tbody>
                        </table>
                    </div>
                    <p class="hint">{l.t("点击姓名，在原文中标出并跳到其提及处；指向或点击职务、角色，可查看其依据的原文。", "Click a name to mark its mentions in the text; point at or click a title or role to see the words it rests on.")}</p>
                }
            </details>
        </section>
    }
}
