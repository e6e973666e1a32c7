//! The page: paste or drop a report, read what huixi found, check it against the text.
//!
//! User text is rendered only as Yew text nodes (never as HTML). The root `<main>` carries
//! `data-ready` (the Analyzer is ready) and `data-runs` (analyses finished) so tests can wait on
//! them instead of sleeping. Analyses go through [`super::bridge::Analyzer`], which may run them
//! elsewhere; the views only ever see the finished Report, paired here with the text it came from.

mod dom;
mod export;
mod i18n;
mod input;
mod keywords;
mod kwic;
mod meeting;
mod outline;
mod people;
mod state;
mod terms;
mod text_view;
mod warnings;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::bridge::{self, Analyzer, AnalyzerEvent};
use dom::Timer;
use huixi::report::Span;
use i18n::Lang;
use state::{Action, AppState, Status};
pub(crate) use state::{Analysis, Selection};

/// Typing pauses shorter than this do not start an analysis.
const DEBOUNCE_MS: i32 = 300;

/// Mount the page into `root` (or into `<body>` when none is given).
#[wasm_bindgen]
pub fn run_app(root: Option<web_sys::Element>) {
    huixi_web::install_panic_hook();
    let root = root.or_else(|| dom::document().and_then(|d| d.body()).map(Into::into));
    match root {
        Some(el) => {
            yew::Renderer::<App>::with_root(el).render();
        }
        None => web_sys::console::error_1(&"huixi: no element to mount the page in".into()),
    }
}

/// Where analyses are requested: after a pause for typing, at once for paste, drop, files and
/// samples.
#[derive(Clone)]
struct Requester {
    analyzer: Rc<RefCell<Option<Analyzer>>>,
    /// The text of the latest request (a JS string): the next `Done` belongs to it (the
    /// Analyzer's contract).
    latest: Rc<RefCell<Option<JsValue>>>,
    timer: Rc<RefCell<Option<Timer>>>,
    /// Bumped by every request: a result handed on after a pause is dropped if a newer request
    /// came in meanwhile.
    seq: Rc<std::cell::Cell<u32>>,
    /// Export files that came while their result was still on its way to the page: they go
    /// with it (else the result, dispatched after them, would drop them).
    early_files: Rc<RefCell<Option<bridge::Files>>>,
    /// A result is on its way (its text being copied in steps).
    in_flight: Rc<std::cell::Cell<bool>>,
    textarea: NodeRef,
    dispatch: UseReducerDispatcher<AppState>,
}

impl Requester {
    /// `Some(text)`: analyse it now. `None`: the user typed; analyse the box once typing pauses
    /// (read only then: copying a long text out of the box on every key would make typing lag).
    fn request(&self, text: Option<JsValue>) {
        match text {
            Some(text) => {
                self.timer.borrow_mut().take();
                self.start(text);
            }
            None => {
                let this = self.clone();
                // Replacing the pending timer clears it: only the last pause in typing runs.
                let timer = dom::set_timeout(DEBOUNCE_MS, move || {
                    if let Some(area) = this.textarea.cast::<web_sys::HtmlTextAreaElement>() {
                        this.start(input::box_value(&area));
                    }
                });
                *self.timer.borrow_mut() = timer;
            }
        }
    }

    fn start(&self, text: JsValue) {
        *self.latest.borrow_mut() = Some(text.clone());
        self.seq.set(self.seq.get().wrapping_add(1));
        self.dispatch.dispatch(Action::Requested);
        // Before the Analyzer exists the request waits in `latest`; it is started on creation.
        let analyzer = self.analyzer.borrow();
        if let Some(a) = analyzer.as_ref() {
            a.analyze(text);
        }
    }
}

#[function_component(App)]
fn app() -> Html {
    let state = use_reducer(AppState::new);
    let textarea = use_node_ref();
    let requester = {
        let dispatch = state.dispatcher();
        let analyzer = use_mut_ref(|| None::<Analyzer>);
        let latest = use_mut_ref(|| None::<JsValue>);
        let timer = use_mut_ref(|| None::<Timer>);
        let textarea = textarea.clone();
        use_memo((), move |_| Requester {
            analyzer,
            latest,
            timer,
            seq: Rc::new(std::cell::Cell::new(0)),
            early_files: Rc::new(RefCell::new(None)),
            in_flight: Rc::new(std::cell::Cell::new(false)),
            textarea,
            dispatch,
        })
    };

    {
        // The Analyzer is created as the app mounts (it adopts the worker boot.js started), not in
        // a task after the first paint as before: that task came between the first frame and the
        // worker's 'ready', and made the page ready later (A/B of 31 first visits, twice: 306 → 285
        // and 328 → 295 ms, docs/perf-history.md, "Worker adopted at mount"). Until 'ready', the
        // status says the dictionary is being prepared.
        let requester = (*requester).clone();
        let lang = state.lang;
        use_effect_with((), move |_| {
            lang.show();
            {
                let r = requester.clone();
                let on_event = Callback::from(move |ev: AnalyzerEvent| match ev {
                    AnalyzerEvent::Ready => r.dispatch.dispatch(Action::Ready),
                    AnalyzerEvent::Progress(f) => r.dispatch.dispatch(Action::Progress(f)),
                    AnalyzerEvent::Done { view, exports, millis } => {
                        // The text into wasm now and the render in a task of its own: for a text
                        // of megabytes each takes about 0.1 s, and the page may paint between.
                        let text = r.latest.borrow().clone().unwrap_or_else(|| JsValue::from_str(""));
                        let long = input::units(&text) > state::CHARS_STEP as usize;
                        let (seq, r2, r3) = (r.seq.get(), r.clone(), r.clone());
                        let alive: Rc<dyn Fn() -> bool> = Rc::new(move || r2.seq.get() == seq);
                        let still = alive.clone();
                        r.early_files.borrow_mut().take();
                        r.in_flight.set(true);
                        state::chars_of(
                            text,
                            alive,
                            Box::new(move |chars| {
                                let chars = Rc::new(chars);
                                let done = move |r: Requester| {
                                    r.in_flight.set(false);
                                    let files = exports.or_else(|| r.early_files.borrow_mut().take());
                                    r.dispatch.dispatch(Action::Done { chars, view, files, millis });
                                };
                                if !long {
                                    done(r3);
                                    return;
                                }
                                // The render in a step of its own too.
                                dom::after_frame(move || {
                                    if still() {
                                        done(r3);
                                    }
                                });
                            }),
                        );
                    }
                    AnalyzerEvent::Exports(files) if r.in_flight.get() => *r.early_files.borrow_mut() = Some(files),
                    AnalyzerEvent::Exports(files) => r.dispatch.dispatch(Action::Files(files)),
                    AnalyzerEvent::Failed(msg) => r.dispatch.dispatch(Action::Failed(msg)),
                });
                let analyzer = Analyzer::new(on_event);
                let waiting = requester.latest.borrow().clone();
                if let Some(text) = waiting {
                    analyzer.analyze(text);
                }
                *requester.analyzer.borrow_mut() = Some(analyzer);
            }
        });
    }

    let lang = state.lang;
    let dispatch = state.dispatcher();
    let on_request = {
        let requester = (*requester).clone();
        Callback::from(move |text: Option<JsValue>| requester.request(text))
    };
    // A whole new text (file, sample, long paste): into the box, or held beside it when long.
    let on_text = {
        let requester = (*requester).clone();
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
    let select = {
        let dispatch = dispatch.clone();
        Callback::from(move |(key, spans): (String, Vec<Span>)| {
            dispatch.dispatch(Action::Select { key, spans, scroll: Some(true) })
        })
    };
    let jump = {
        let select = select.clone();
        Callback::from(move |(key, span): (String, Span)| select.emit((key, vec![span])))
    };
    let on_term = {
        let dispatch = dispatch.clone();
        Callback::from(move |(key, text, spans): (String, String, Vec<Span>)| {
            dispatch.dispatch(Action::Kwic(text));
            dispatch.dispatch(Action::Select { key, spans, scroll: Some(false) });
        })
    };
    let on_kwic = {
        let dispatch = dispatch.clone();
        Callback::from(move |q: String| dispatch.dispatch(Action::Kwic(q)))
    };
    let on_toggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |bit: u16| dispatch.dispatch(Action::Toggle(bit)))
    };
    let toggle_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let next = lang.other();
            next.apply();
            dispatch.dispatch(Action::SetLang(next));
        })
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

    // A capped (very long) report's cards come in three steps, a frame apart: rendered and laid
    // out at once, a 10 MB text's ~7,500 elements held the main thread ~180 ms in one task and
    // its frame (docs/perf-history.md, "Cards in steps"). Other reports render whole.
    let shown = use_state(|| (0u32, 0u8));
    {
        let shown = shown.clone();
        let staged = state.analysis.as_ref().filter(|a| a.totals.capped).map(|a| a.run);
        use_effect_with(staged, move |staged| {
            // (Step 1 needs no state: a run `shown` has not reached yet shows step 1.)
            if let Some(run) = *staged {
                dom::after_frame(move || {
                    shown.set((run, 2));
                    dom::after_frame(move || shown.set((run, RESULT_STEPS)));
                });
            }
        });
    }
    let step = |a: &state::Analysis| match *shown {
        _ if !a.totals.capped => RESULT_STEPS,
        (run, step) if run == a.run => step,
        _ => 1,
    };

    let selected_key = state.selection.as_ref().map(|s| s.key.clone());
    let runs = state.runs;
    let status = status_line(lang, &state.status, state.ready);
    let status_class = if matches!(state.status, Status::Failed(_)) { "status error" } else { "status" };

    html! {
        <main id="huixi" lang={lang.code()} data-ready={if state.ready { "true" } else { "false" }}
            data-runs={runs.to_string()} {ondragover} {ondrop}>
            <header class="top">
                <h1>{"会析 "}<small>{"huixi"}</small></h1>
                <p class="lead">{lang.t(
                    "政法、综治、平安建设等工作会议报道与讲话的结构化分析。全部在本机浏览器中运行，文本不会上传。",
                    "Structured reading of Chinese work-meeting reports and speeches (political-legal, public security, petitions). Runs entirely in your browser; nothing is uploaded.")}</p>
                <button type="button" class="lang" onclick={toggle_lang} lang={lang.other().code()}>
                    {lang.t("English", "中文")}
                </button>
            </header>
            <div class="layout">
                <div class="col-input">
                    <input::InputPanel {lang} textarea={textarea.clone()} on_request={on_request.clone()}
                        {on_text} big={state.big.clone()} {on_unhold}
                        on_notice={on_notice.clone()} notice={state.notice.clone()} />
                    <p id="status" class={status_class} role="status" aria-live="polite">{status}</p>
                </div>
                if let Some(a) = state.analysis.clone() {
                    <div class="col-results">
                        if a.totals.capped {
                            <p class="note" id="capped-note">{ capped_note(lang) }</p>
                        }
                        <meeting::MeetingCard {lang} analysis={a.clone()} />
                        <people::PeopleTable {lang} analysis={a.clone()} selected={selected_key.clone()}
                            on_select={select.clone()} />
                        <outline::OutlineView {lang} analysis={a.clone()} selected={selected_key.clone()}
                            on_jump={jump.clone()} />
                        if step(&a) >= 2 {
                            <terms::TermsView {lang} analysis={a.clone()} selected={selected_key.clone()}
                                on_term={on_term.clone()} on_jump={jump.clone()} />
                            <keywords::KeywordChart {lang} analysis={a.clone()} on_term={on_term.clone()} />
                            <kwic::Concordance {lang} analysis={a.clone()} query={state.kwic.clone()}
                                on_query={on_kwic} on_jump={jump.clone()} />
                        }
                        if step(&a) >= RESULT_STEPS {
                            <warnings::WarningsView {lang} analysis={a.clone()} selected={selected_key.clone()}
                                on_jump={jump.clone()} />
                            <export::ExportView {lang} analysis={a.clone()} files={state.files.clone()} />
                        }
                    </div>
                    <div class="col-text">
                        <text_view::TextPanel {lang} analysis={a.clone()} selection={state.selection.clone()}
                            enabled={state.enabled} {on_toggle} />
                    </div>
                }
            </div>
        </main>
    }
}

/// The steps in which a capped report's cards are rendered (see `shown` in [`app`]).
const RESULT_STEPS: u8 = 3;

fn capped_note(lang: Lang) -> String {
    use huixi_web::{LIST_CAP, MENTIONS_CAP};
    match lang {
        Lang::Zh => format!("文本很长：页面上每个列表最多显示 {LIST_CAP} 项、每项最多标出 {MENTIONS_CAP} 处提及，所示数目仍为全文总数；导出的 JSON、CSV、Markdown 包含全部结果。"),
        Lang::En => format!("A very long text: the page shows at most {LIST_CAP} entries per list and {MENTIONS_CAP} mentions per entry; counts are for the whole text, and the JSON, CSV and Markdown exports hold everything."),
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
