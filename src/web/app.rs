//! The page: paste a report, see its words and what huixi found. User text is rendered only as
//! Yew text nodes (never as HTML). The root carries `data-ready` (dictionary built) and
//! `data-runs` (analyses finished) so tests can wait on them instead of sleeping.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::report::Report;

/// Typing pauses shorter than this do not start an analysis.
const DEBOUNCE_MS: i32 = 300;

/// Mount the page into `root` (or into `<body>` when none is given).
#[wasm_bindgen]
pub fn run_app(root: Option<web_sys::Element>) {
    super::install_panic_hook();
    let root = root.or_else(|| {
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()).map(Into::into)
    });
    match root {
        Some(el) => {
            yew::Renderer::<App>::with_root(el).render();
        }
        None => web_sys::console::error_1(&"huixi: no element to mount the page in".into()),
    }
}

/// A pending `setTimeout`; the closure must live until it fires or is cleared.
struct Timer {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}

fn set_timeout(ms: i32, f: impl FnOnce() + 'static) -> Option<Timer> {
    let mut f = Some(f);
    let callback = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = f.take() {
            f();
        }
    });
    let id = web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), ms)
        .ok()?;
    Some(Timer { id, _callback: callback })
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

#[derive(PartialEq)]
struct Analysis {
    run: u32,
    chars: usize,
    words: Vec<String>,
    report: Report,
    json: String,
    ms: f64,
}

fn run_analysis(text: &str, run: u32) -> Analysis {
    let t0 = now_ms();
    let words: Vec<String> =
        crate::segment::cut(text).into_iter().filter(|w| !w.trim().is_empty()).map(str::to_owned).collect();
    let report = crate::analyze(text);
    let ms = now_ms() - t0;
    let json = serde_json::to_string_pretty(&report).unwrap_or_default();
    Analysis { run, chars: text.chars().count(), words, report, json, ms }
}

#[function_component(App)]
fn app() -> Html {
    let ready = use_state(|| false);
    let analysis = use_state(|| None::<Rc<Analysis>>);
    let runs = use_mut_ref(|| 0u32);
    let pending = use_mut_ref(|| None::<Timer>);
    // Kept alive for the page's lifetime: the warm-up timer.
    let warm = use_mut_ref(|| None::<Timer>);

    {
        // Build the dictionary after the first paint, so the page shows before the wait.
        let ready = ready.clone();
        let warm = warm.clone();
        use_effect_with((), move |_| {
            let t = set_timeout(0, move || {
                crate::warm_up();
                ready.set(true);
            });
            *warm.borrow_mut() = t;
        });
    }

    let oninput = {
        let analysis = analysis.clone();
        let runs = runs.clone();
        let pending: Rc<RefCell<Option<Timer>>> = pending.clone();
        Callback::from(move |e: InputEvent| {
            let Some(area) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) else {
                return;
            };
            let text = area.value();
            let analysis = analysis.clone();
            let runs = runs.clone();
            // Replacing the pending timer clears it: only the last pause in typing runs.
            *pending.borrow_mut() = set_timeout(DEBOUNCE_MS, move || {
                let run = {
                    let mut r = runs.borrow_mut();
                    *r += 1;
                    *r
                };
                analysis.set(Some(Rc::new(run_analysis(&text, run))));
            });
        })
    };

    let run = analysis.as_ref().map_or(0, |a| a.run);
    html! {
        <main id="huixi" data-ready={if *ready { "true" } else { "false" }} data-runs={run.to_string()}>
            <header>
                <h1>{"会析 "}<small>{"huixi"}</small></h1>
                <p class="lead">{"政法、综治、平安建设等工作会议报道与讲话的结构化分析。全部在本机浏览器中运行，文本不会上传。"}</p>
            </header>
            <label for="input" class="label">{"粘贴报道或讲话全文："}</label>
            <textarea id="input" rows="14" {oninput}
                placeholder="例如：5月15日下午，市委政法工作会议召开。市委书记……" />
            <p class="status">
                { if *ready { "词典已就绪。" } else { "正在加载词典……" } }
            </p>
            { analysis.as_ref().map(|a| view_analysis(a)).unwrap_or_default() }
        </main>
    }
}

fn field(label: &'static str, value: Option<&str>) -> Html {
    match value.filter(|v| !v.is_empty()) {
        Some(v) => html! { <><dt>{label}</dt><dd>{v.to_owned()}</dd></> },
        None => Html::default(),
    }
}

fn view_analysis(a: &Analysis) -> Html {
    let r = &a.report;
    let last = a.words.len().saturating_sub(1);
    let people = r.people.iter().map(|p| {
        let mut line = p.name.clone();
        if !p.titles.is_empty() {
            line.push_str("（");
            line.push_str(&p.titles.join("、"));
            line.push_str("）");
        }
        if !p.roles.is_empty() {
            line.push_str("：");
            line.push_str(&p.roles.join("、"));
        }
        html! { <li>{line}</li> }
    });
    let kind = match r.document.kind {
        crate::report::DocumentKind::News => "新闻报道",
        crate::report::DocumentKind::Speech => "讲话",
        crate::report::DocumentKind::Other => "其他",
    };
    html! {
        <>
        <section class="summary">
            <h2>{"概要"}</h2>
            <dl>
                <dt>{"字数"}</dt><dd>{a.chars.to_string()}</dd>
                <dt>{"词数"}</dt><dd id="word-count">{a.words.len().to_string()}</dd>
                <dt>{"用时"}</dt><dd>{format!("{:.1} 毫秒", a.ms)}</dd>
                <dt>{"文体"}</dt><dd>{kind}</dd>
                { field("标题", r.document.title.as_deref()) }
                { field("会议", r.meeting.name.as_deref()) }
                { field("会议日期", r.meeting.date.as_deref()) }
                { field("地区", r.region.as_ref().map(|g| g.name.as_str())) }
            </dl>
            <h3>{"人物"}</h3>
            if r.people.is_empty() {
                <p class="empty">{"（未识别到人物）"}</p>
            } else {
                <ul class="people">{ for people }</ul>
            }
        </section>
        <section>
            <h2>{"分词"}</h2>
            <p class="tokens" id="tokens">
                { for a.words.iter().enumerate().map(|(i, w)| html! {
                    <><span class="tok">{w.clone()}</span>{ if i < last { " / " } else { "" } }</>
                }) }
            </p>
        </section>
        <section>
            <details>
                <summary>{"完整分析结果（JSON）"}</summary>
                <pre id="report-json">{a.json.clone()}</pre>
            </details>
        </section>
        </>
    }
}
