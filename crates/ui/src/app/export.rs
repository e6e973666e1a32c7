//! Export: the Report as JSON, CSV (with a BOM, for Excel/WPS) and Markdown, saved in the
//! browser; and the JSON on the clipboard. Also the JSON on the page, folded.
//!
//! The files are made in the analysis worker from the whole Report (`web::page`) and arrive as
//! bytes: saving one wraps them in a Blob, so even the export of a text of megabytes costs the
//! page nothing until the user asks, and what the page shows capped is complete in the files.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use super::i18n::Lang;
use super::{dom, Analysis};
use crate::bridge::Files;

/// The JSON is shown on the page up to this size (bytes); past it, its beginning.
const SHOWN_JSON: u32 = 2 * 1024 * 1024;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    /// The export files of `analysis`; `None` while the worker is still making them.
    pub files: Option<Files>,
}

#[derive(Clone, Copy, PartialEq)]
enum Done {
    Saved,
    Copied,
    Failed,
}

/// UTF-8 bytes → a JS string, decoded by the browser (never copied into wasm).
fn decode(bytes: &js_sys::Uint8Array) -> Option<JsValue> {
    let ctor =
        js_sys::Reflect::get(&js_sys::global(), &"TextDecoder".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let decoder = js_sys::Reflect::construct(&ctor, &js_sys::Array::new()).ok()?;
    let f = js_sys::Reflect::get(&decoder, &"decode".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    f.call1(&decoder, bytes).ok()
}

#[function_component(ExportView)]
pub fn export_view(p: &Props) -> Html {
    let l = p.lang;
    let done = use_state(|| None::<Done>);
    {
        let done = done.clone();
        use_effect_with(p.analysis.run, move |_| done.set(None));
    }
    let ready = p.files.is_some();
    let save = |key: &'static str, file: &'static str, mime: &'static str| {
        let files = p.files.clone();
        let done = done.clone();
        Callback::from(move |_: MouseEvent| {
            let ok =
                files.as_ref().and_then(|f| f.bytes(key)).is_some_and(|b| dom::download_bytes(file, mime, &b).is_ok());
            done.set(Some(if ok { Done::Saved } else { Done::Failed }));
        })
    };
    let copy = {
        let files = p.files.clone();
        let done = done.clone();
        Callback::from(move |_: MouseEvent| {
            let done = done.clone();
            match files.as_ref().and_then(|f| f.bytes("json")).and_then(|b| decode(&b)) {
                Some(json) => {
                    dom::copy_js_text(&json, move |ok| done.set(Some(if ok { Done::Copied } else { Done::Failed })))
                }
                None => done.set(Some(Done::Failed)),
            }
        })
    };
    // The JSON in the folded box: all of it unless it is megabytes.
    let shown = use_memo((p.analysis.run, p.files.clone()), |(_, files)| {
        let bytes = files.as_ref().and_then(|f| f.bytes("json"))?;
        let whole = bytes.length() <= SHOWN_JSON;
        let part = if whole { bytes } else { bytes.subarray(0, SHOWN_JSON) };
        Some((decode(&part)?.as_string()?, whole))
    });
    const CSV: &str = "text/csv;charset=utf-8";
    let message = done.map(|d| match d {
        Done::Saved => l.t("已保存。", "Saved."),
        Done::Copied => l.t("JSON 已复制到剪贴板。", "JSON copied to the clipboard."),
        Done::Failed => l.t(
            "操作失败：浏览器不允许（剪贴板需要页面处于焦点）。",
            "That did not work: the browser refused (the clipboard needs the page focused).",
        ),
    });
    let message =
        if ready { message.unwrap_or("") } else { l.t("正在生成导出文件…", "Preparing the export files…") };
    html! {
        <section class="card export" id="export">
            <details open=true>
                <summary><h2>{l.t("导出", "Export")}</h2></summary>
                <div class="buttons">
                    <button type="button" class="btn" id="export-json" disabled={!ready}
                        onclick={save("json", "huixi-report.json", "application/json")}>{"JSON"}</button>
                    <button type="button" class="btn" id="export-people" disabled={!ready}
                        onclick={save("people_csv", "huixi-people.csv", CSV)}>{l.t("人物 CSV", "People CSV")}</button>
                    <button type="button" class="btn" id="export-terms" disabled={!ready}
                        onclick={save("terms_csv", "huixi-terms.csv", CSV)}>{l.t("提法 CSV", "Terms CSV")}</button>
                    <button type="button" class="btn" id="export-outline" disabled={!ready}
                        onclick={save("outline_csv", "huixi-outline.csv", CSV)}>{l.t("提纲 CSV", "Outline CSV")}</button>
                    <button type="button" class="btn" id="export-md" disabled={!ready}
                        onclick={save("markdown", "huixi-report.md", "text/markdown;charset=utf-8")}>{"Markdown"}</button>
                    <button type="button" class="btn" id="copy-json" disabled={!ready} onclick={copy}>{l.t("复制 JSON", "Copy JSON")}</button>
                </div>
                <p class="export-status" role="status" aria-live="polite">{message}</p>
                if let Some((json, whole)) = (*shown).clone() {
                    <details class="json">
                        <summary>{ if whole {
                            l.t("完整分析结果（JSON）", "Full report (JSON)").to_string()
                        } else {
                            match l {
                                Lang::Zh => format!("分析结果（JSON，共 {:.1} MB，此处只显示开头；完整内容请用「JSON」导出）", p.files.as_ref().map_or(0, |f| f.len("json")) as f64 / 1048576.0),
                                Lang::En => format!("Report (JSON, {:.1} MB; only its beginning is shown here, save the JSON for all of it)", p.files.as_ref().map_or(0, |f| f.len("json")) as f64 / 1048576.0),
                            }
                        } }</summary>
                        <pre id="report-json">{json}</pre>
                    </details>
                }
            </details>
        </section>
    }
}
