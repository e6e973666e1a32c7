//! The top keywords as an inline SVG bar chart (bar = weight, label = count). A bar is a
//! button: it fills the concordance with its word.

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::Lang;
use super::Analysis;
use huixi::report::Span;

const TOP: usize = 20;
const ROW: f64 = 24.0;
const WIDTH: f64 = 360.0;
const LABEL: f64 = 112.0;
/// Room right of the longest bar for its count.
const TAIL: f64 = 44.0;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub on_term: Callback<(String, String, Vec<Span>)>,
}

#[function_component(KeywordChart)]
pub fn keyword_chart(p: &Props) -> Html {
    let l = p.lang;
    let kws: Vec<_> = p.analysis.report.keywords.iter().take(TOP).collect();
    let max = kws.iter().map(|k| k.weight).fold(0.0_f64, f64::max);
    let height = ROW * kws.len() as f64 + 4.0;
    let bars = kws.iter().enumerate().map(|(i, k)| {
        let y = ROW * i as f64 + 2.0;
        let frac = if max > 0.0 && k.weight.is_finite() { (k.weight / max).clamp(0.0, 1.0) } else { 0.0 };
        let w = ((WIDTH - LABEL - TAIL) * frac).max(1.0);
        let activate = {
            let on_term = p.on_term.clone();
            let word = k.word.clone();
            move || on_term.emit((format!("keyword:{word}"), word.clone(), Vec::new()))
        };
        let onclick = {
            let activate = activate.clone();
            Callback::from(move |_: MouseEvent| activate())
        };
        let onkeydown = Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                activate();
            }
        });
        let label = match l {
            Lang::Zh => format!("{}：权重 {:.2}，出现 {} 次（在检索中查看）", k.word, k.weight, k.count),
            Lang::En => format!("{}: weight {:.2}, {} occurrences (show in concordance)", k.word, k.weight, k.count),
        };
        html! {
            <g class="kw" role="button" tabindex="0" aria-label={label.clone()} {onclick} {onkeydown}>
                <title>{label}</title>
                <rect class="kw-hit" x="0" y={y.to_string()} width={WIDTH.to_string()} height={ROW.to_string()} />
                <text class="kw-word" x={(LABEL - 8.0).to_string()} y={(y + ROW * 0.68).to_string()} text-anchor="end">{k.word.clone()}</text>
                <rect class="kw-bar" x={LABEL.to_string()} y={(y + 4.0).to_string()} width={format!("{w:.1}")} height={(ROW - 8.0).to_string()} rx="2" />
                <text class="kw-count" x={format!("{:.1}", LABEL + w + 6.0)} y={(y + ROW * 0.68).to_string()}>{k.count.to_string()}</text>
            </g>
        }
    });
    html! {
        <section class="card keywords" id="keywords">
            <details open=true>
                <summary><h2>{l.t("关键词", "Keywords")}</h2></summary>
                if kws.is_empty() {
                    <p class="empty">{l.t("（无）", "(none)")}</p>
                } else {
                    <svg class="kw-chart" viewBox={format!("0 0 {WIDTH} {height}")} width="100%"
                        role="group" aria-label={l.t("关键词权重（前 20），数字为出现次数", "Keyword weights (top 20); numbers are counts")}>
                        { for bars }
                    </svg>
                    <p class="hint">{l.t("条长为权重，数字为出现次数；点击关键词在检索中查看。", "Bar = weight, number = count; click a word to see it in context.")}</p>
                }
            </details>
        </section>
    }
}
