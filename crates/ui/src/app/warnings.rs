//! Warnings: website chrome, template placeholders and pasted-in passages, each with a jump to
//! the passage so the reader can judge it.

use yew::prelude::*;

use super::state::JumpProps as Props;
use huixi::report::AnomalyKind;

/// Chars of the passage quoted under its warning.
const EXCERPT: usize = 60;

#[function_component(WarningsView)]
pub fn warnings_view(p: &Props) -> Html {
    let l = p.lang;
    let list = &p.analysis.report.anomalies;
    let items = list.iter().enumerate().map(|(i, a)| {
        let key = format!("warning:{i}");
        let pressed = p.selected.as_deref() == Some(key.as_str());
        let onclick = {
            let on_jump = p.on_jump.clone();
            let span = a.span;
            Callback::from(move |_: MouseEvent| on_jump.emit((key.clone(), span)))
        };
        let text = p.analysis.slice(a.span);
        let mut excerpt: String = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(EXCERPT).collect();
        if text.chars().count() > EXCERPT {
            excerpt.push('…');
        }
        let kind_class = match a.kind {
            AnomalyKind::Boilerplate => "boilerplate",
            AnomalyKind::Placeholder => "placeholder",
            AnomalyKind::OffTopic => "off-topic",
        };
        html! {
            <li class={classes!("warning", kind_class)}>
                <div class="warning-head">
                    <span class="badge">{l.anomaly(a.kind)}</span>
                    <button type="button" class="btn small jump" aria-pressed={pressed.to_string()} {onclick}>
                        {l.t("跳转", "Go to")}
                    </button>
                </div>
                <p class="detail">{a.detail.clone()}</p>
                if !excerpt.is_empty() {
                    <p class="excerpt">{"「"}{excerpt}{"」"}</p>
                }
            </li>
        }
    });
    html! {
        <section class="card warnings" id="warnings">
            <details open=true>
                <summary><h2>{l.t("警告", "Warnings")}<span class="count">{p.analysis.len(p.analysis.totals.anomalies_len, list.len()).to_string()}</span></h2></summary>
                if list.is_empty() {
                    <p class="empty">{l.t("（无）", "(none)")}</p>
                } else {
                    <ul class="warning-list">{ for items }</ul>
                }
            </details>
        </section>
    }
}
