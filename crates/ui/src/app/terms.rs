//! Formulas (提法), campaigns and quoted terms as chips, and targets as a timeline. A chip fills
//! the concordance and marks the term in the text.

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::Lang;
use super::Analysis;
use huixi::report::{Span, Target};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub selected: Option<String>,
    /// (key, term, spans)
    pub on_term: Callback<(String, String, Vec<Span>)>,
    pub on_jump: Callback<(String, Span)>,
}

fn chip(p: &Props, key: String, text: &str, gloss: Option<&str>, spans: &[Span], count: usize) -> Html {
    let pressed = p.selected.as_deref() == Some(key.as_str());
    let onclick = {
        let on_term = p.on_term.clone();
        let text = text.to_string();
        let spans = spans.to_vec();
        Callback::from(move |_: MouseEvent| on_term.emit((key.clone(), text.clone(), spans.clone())))
    };
    html! {
        <li class="chip-item">
            <button type="button" class="chip" aria-pressed={pressed.to_string()} title={gloss.map(str::to_owned)} {onclick}>
                <span class="chip-text">{text.to_string()}</span>
                <span class="chip-count">{count.to_string()}<span class="visually-hidden">{p.lang.t(" 次", " times")}</span></span>
            </button>
            if let Some(g) = gloss {
                <span class="gloss">{g.to_string()}</span>
            }
        </li>
    }
}

#[function_component(TermsView)]
pub fn terms_view(p: &Props) -> Html {
    let l = p.lang;
    let a = &p.analysis;
    let (r, t) = (&a.report, &a.totals);
    let formulas = r.formulas.iter().enumerate().map(|(i, f)| {
        chip(
            p,
            format!("formula:{i}"),
            &f.text,
            f.gloss.as_deref(),
            &f.mentions,
            Analysis::mentions(&t.formulas, i, f.mentions.len()),
        )
    });
    let campaigns = r.campaigns.iter().enumerate().map(|(i, c)| {
        chip(
            p,
            format!("campaign:{i}"),
            &c.text,
            None,
            &c.mentions,
            Analysis::mentions(&t.campaigns, i, c.mentions.len()),
        )
    });
    let quoted = r.quoted.iter().enumerate().map(|(i, q)| {
        chip(p, format!("quoted:{i}"), &q.text, None, &q.mentions, Analysis::mentions(&t.quoted, i, q.mentions.len()))
    });
    let empty = l.t("（无）", "(none)");
    html! {
        <>
        <section class="card terms" id="terms">
            <details open=true>
                <summary><h2>{l.t("提法与专项行动", "Formulas and campaigns")}</h2></summary>
                <h3>{l.t("提法", "Formulas")}<span class="count">{a.len(t.formulas_len, r.formulas.len()).to_string()}</span></h3>
                if r.formulas.is_empty() { <p class="empty">{empty}</p> } else { <ul class="chips formulas">{ for formulas }</ul> }
                <h3>{l.t("专项行动", "Campaigns")}<span class="count">{a.len(t.campaigns_len, r.campaigns.len()).to_string()}</span></h3>
                if r.campaigns.is_empty() { <p class="empty">{empty}</p> } else { <ul class="chips campaigns">{ for campaigns }</ul> }
                <h3>{l.t("引号术语", "Quoted terms")}<span class="count">{a.len(t.quoted_len, r.quoted.len()).to_string()}</span></h3>
                if r.quoted.is_empty() { <p class="empty">{empty}</p> } else { <ul class="chips quoted">{ for quoted }</ul> }
            </details>
        </section>
        <section class="card targets" id="targets">
            <details open=true>
                <summary><h2>{l.t("目标与时限", "Targets")}<span class="count">{a.len(t.targets_len, r.targets.len()).to_string()}</span></h2></summary>
                if r.targets.is_empty() {
                    <p class="empty">{l.t("（未识别到目标）", "(no targets found)")}</p>
                } else {
                    { timeline(p, &r.targets) }
                }
            </details>
        </section>
        </>
    }
}

fn timeline(p: &Props, targets: &[Target]) -> Html {
    let mut sorted: Vec<(usize, &Target)> = targets.iter().enumerate().collect();
    // ISO forms (2021, 2021-12-31) sort by time as strings; the rest keep the text's order.
    sorted.sort_by(|a, b| a.1.when.cmp(&b.1.when).then(a.0.cmp(&b.0)));
    html! {
        <ol class="timeline">
            { for sorted.into_iter().map(|(i, t)| {
                let key = format!("target:{i}");
                let pressed = p.selected.as_deref() == Some(key.as_str());
                let onclick = {
                    let on_jump = p.on_jump.clone();
                    let span = t.span;
                    Callback::from(move |_: MouseEvent| on_jump.emit((key.clone(), span)))
                };
                html! {
                    <li>
                        <div class="when-row">
                            <span class="when">{t.when.clone()}</span>
                            <button type="button" class="btn small jump" aria-pressed={pressed.to_string()} {onclick}>
                                {p.lang.t("跳转", "Go to")}
                            </button>
                        </div>
                        <span class="what">{t.text.clone()}</span>
                    </li>
                }
            }) }
        </ol>
    }
}
