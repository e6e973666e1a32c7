//! The page: paste or drop a report, read what huixi found, check it against the text.
//!
//! User text is rendered only as Yew text nodes (never as HTML). The root `<main>` carries
//! `data-ready` (the Analyzer is ready) and `data-runs` (analyses finished) so tests can wait on
//! them instead of sleeping. Analyses go through [`super::bridge::Analyzer`], which may run them
//! elsewhere; the views only ever see the finished Report, paired here with the text it came from.

mod export;
mod header;
mod i18n;
mod input;
mod keywords;
mod kwic;
mod meeting;
mod outline;
mod people;
mod requests;
mod results;
mod state;
mod terms;
mod text_view;
mod warnings;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::dom;
use i18n::Lang;
use state::{Action, AppState, Status};
pub(crate) use state::{Analysis, Selection};

/// Mount the page into `root` (or into `<body>` when none is given).
#[wasm_bindgen]
pub fn run_app(root: Option<web_sys::Element>) {
    #[cfg(target_arch = "wasm32")]
    huixi_web::install_panic_hook();
    let root = root.or_else(|| dom::document().and_then(|d| d.body()).map(Into::into));
    match root {
        Some(el) => {
            yew::Renderer::<App>::with_root(el).render();
        }
        None => web_sys::console::error_1(&"huixi: no element to mount the page in".into()),
    }
}

/// The app's first view (what it renders before the analysis engine is ready, in Chinese, with an
/// empty box), rendered by Yew's server-side renderer: `www/index.html` holds it as its shell.
#[cfg(not(target_arch = "wasm32"))]
pub fn first_view() -> String {
    futures::executor::block_on(yew::ServerRenderer::<App>::new().hydratable(false).render())
}

/// What the shell's script (`www/boot.js`) must say and do as the app would, as JS constants: the
/// status once the engine is ready, and from how long a paste stays out of the box.
#[cfg(not(target_arch = "wasm32"))]
pub fn first_view_constants() -> String {
    let ready = status_line(Lang::Zh, &Status::Idle, true);
    let ready = serde_json::to_string(&ready).unwrap_or_default();
    format!("const SHELL_READY = {ready};\nconst SHELL_BIG_PASTE = {};\n", input::BIG_TEXT)
}

#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(AppState::new);
    let textarea = use_node_ref();
    let requester = requests::use_requester(state.dispatcher(), textarea.clone());
    {
        let lang = state.lang;
        use_effect_with((), move |_| lang.show());
    }

    let lang = state.lang;
    let dispatch = state.dispatcher();
    let on_request = {
        let requester = requester.clone();
        Callback::from(move |text: Option<JsValue>| requester.request(text))
    };
    // A whole new text (file, sample, long paste): into the box, or held beside it when long.
    let on_text = {
        let requester = requester.clone();
        let textarea = textarea.clone();
        let dispatch = dispatch.clone();
        let held = state.big.is_some();
        Callback::from(move |text: JsValue| {
            let area = textarea.cast::<web_sys::HtmlTextAreaElement>();
            if input::units(&text) >= input::BIG_TEXT {
                if let Some(area) = &area {
                    area.set_value("");
                }
                dispatch.dispatch(Action::Big(Some(Rc::new(input::BigText::new(text.clone())))));
            } else {
                if let Some(area) = &area {
                    let _ = js_sys::Reflect::set(area, &"value".into(), &text);
                }
                if held {
                    dispatch.dispatch(Action::Big(None));
                }
            }
            requester.request(Some(text));
        })
    };
    let on_unhold = {
        let textarea = textarea.clone();
        let dispatch = dispatch.clone();
        let big = state.big.clone();
        Callback::from(move |()| {
            if let (Some(area), Some(big)) = (textarea.cast::<web_sys::HtmlTextAreaElement>(), &big) {
                let _ = js_sys::Reflect::set(&area, &"value".into(), &big.text);
            }
            dispatch.dispatch(Action::Big(None));
        })
    };
    let on_notice = {
        let dispatch = dispatch.clone();
        Callback::from(move |n| dispatch.dispatch(Action::Notice(n)))
    };
    // Files dropped anywhere on the page are read; the browser must not open them instead.
    let ondragover = Callback::from(|e: DragEvent| {
        if input::has_files(&e) {
            e.prevent_default();
        }
    });
    let ondrop = {
        let on_text = on_text.clone();
        let on_notice = on_notice.clone();
        Callback::from(move |e: DragEvent| {
            let Some(file) = input::dropped_file(&e) else { return };
            e.prevent_default();
            input::load_file(file, on_text.clone(), on_notice.clone());
        })
    };

    let runs = state.runs;
    let status = status_line(lang, &state.status, state.ready);
    let status_class = if matches!(state.status, Status::Failed(_)) { "status error" } else { "status" };

    html! {
        <main id="huixi" lang={lang.code()} data-ready={if state.ready { "true" } else { "false" }}
            data-runs={runs.to_string()} {ondragover} {ondrop}>
            <header::Header {lang} dispatch={dispatch.clone()} />
            <div class="layout">
                <div class="col-input">
                    <input::InputPanel {lang} textarea={textarea.clone()} on_request={on_request.clone()}
                        {on_text} big={state.big.clone()} {on_unhold}
                        on_notice={on_notice.clone()} notice={state.notice.clone()} />
                    <p id="status" class={status_class} role="status" aria-live="polite">{status}</p>
                </div>
                if let Some(analysis) = state.analysis.clone() {
                    <results::Results {lang} {analysis} selection={state.selection.clone()} enabled={state.enabled}
                        kwic={state.kwic.clone()} files={state.files.clone()} dispatch={dispatch.clone()} />
                }
            </div>
        </main>
    }
}

fn status_line(lang: Lang, status: &Status, ready: bool) -> String {
    match status {
        Status::Idle if !ready => lang.t("准备词典…", "Preparing the dictionary…").to_string(),
        Status::Idle => {
            lang.t("词典已就绪。粘贴或拖入文本即开始分析。", "Ready. Paste or drop a text to analyse it.").to_string()
        }
        Status::Analyzing(f) if !ready => {
            let _ = f;
            lang.t("准备词典…", "Preparing the dictionary…").to_string()
        }
        Status::Analyzing(f) => {
            let pct = (f.clamp(0.0, 1.0) * 100.0).round();
            match lang {
                Lang::Zh => format!("分析中 {pct}%"),
                Lang::En => format!("Analysing… {pct}%"),
            }
        }
        Status::Done { chars, millis } => match lang {
            Lang::Zh => format!("已分析 {chars} 字，用时 {millis:.0} ms"),
            Lang::En => format!("Analysed {chars} chars in {millis:.0} ms"),
        },
        Status::Failed(msg) => msg.clone(),
    }
}
