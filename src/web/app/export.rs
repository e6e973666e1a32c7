//! Export: the Report as JSON, CSV (with a BOM, for Excel/WPS) and Markdown, saved in the
//! browser; and the JSON on the clipboard. Also the full JSON on the page, folded.

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::Lang;
use super::{dom, Analysis};
use crate::export::{markdown, outline_csv, people_csv, terms_csv, with_bom};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
}

#[derive(Clone, Copy, PartialEq)]
enum Done {
    Saved,
    Copied,
    Failed,
}

#[function_component(ExportView)]
pub fn export_view(p: &Props) -> Html {
    let l = p.lang;
    let done = use_state(|| None::<Done>);
    {
        let done = done.clone();
        use_effect_with(p.analysis.run, move |_| done.set(None));
    }
    let save = |file: &'static str, mime: &'static str, make: fn(&Analysis) -> String| {
        let a = p.analysis.clone();
        let done = done.clone();
        Callback::from(move |_: MouseEvent| {
            let ok = dom::download(file, mime, &make(&a)).is_ok();
            done.set(Some(if ok { Done::Saved } else { Done::Failed }));
        })
    };
    let copy = {
        let a = p.analysis.clone();
        let done = done.clone();
        Callback::from(move |_: MouseEvent| {
            let done = done.clone();
            dom::copy_text(&a.json, move |ok| done.set(Some(if ok { Done::Copied } else { Done::Failed })));
        })
    };
    const CSV: &str = "text/csv;charset=utf-8";
    let message = done.map(|d| match d {
        Done::Saved => l.t("已保存。", "Saved."),
        Done::Copied => l.t("JSON 已复制到剪贴板。", "JSON copied to the clipboard."),
        Done::Failed => l.t("操作失败：浏览器不允许（剪贴板需要页面处于焦点）。", "That did not work: the browser refused (the clipboard needs the page focused)."),
    });
    html! {
        <section class="card export" id="export">
            <details open=true>
                <summary><h2>{l.t("导出", "Export")}</h2></summary>
                <div class="buttons">
                    <button type="button" class="btn" id="export-json"
                        onclick={save("huixi-report.json", "application/json", |a| a.json.clone())}>{"JSON"}</button>
                    <button type="button" class="btn" id="export-people"
                        onclick={save("huixi-people.csv", CSV, |a| with_bom(&people_csv(&a.report)))}>{l.t("人物 CSV", "People CSV")}</button>
                    <button type="button" class="btn" id="export-terms"
                        onclick={save("huixi-terms.csv", CSV, |a| with_bom(&terms_csv(&a.report)))}>{l.t("提法 CSV", "Terms CSV")}</button>
                    <button type="button" class="btn" id="export-outline"
                        onclick={save("huixi-outline.csv", CSV, |a| with_bom(&outline_csv(&a.report)))}>{l.t("提纲 CSV", "Outline CSV")}</button>
                    <button type="button" class="btn" id="export-md"
                        onclick={save("huixi-report.md", "text/markdown;charset=utf-8", |a| markdown(&a.report))}>{"Markdown"}</button>
                    <button type="button" class="btn" id="copy-json" onclick={copy}>{l.t("复制 JSON", "Copy JSON")}</button>
                </div>
                <p class="export-status" role="status" aria-live="polite">{message.unwrap_or("")}</p>
                <details class="json">
                    <summary>{l.t("完整分析结果（JSON）", "Full report (JSON)")}</summary>
                    <pre id="report-json">{p.analysis.json.clone()}</pre>
                </details>
            </details>
        </section>
    }
}
