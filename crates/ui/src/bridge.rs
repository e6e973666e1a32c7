//! Where the page's analyses run. The page asks an [`Analyzer`] to analyse a text and hears back
//! through one callback; whether the work happens on the main thread or in a Web Worker is this
//! module's business only, so the views never change when it does.
//!
//! CONTRACT (the views rely on it):
//! - `Analyzer::new(on_event)` starts preparing the dictionary at once and emits `Ready` when an
//!   analysis can start without waiting for it.
//! - `analyze(text)` cancels any analysis still running and starts this one; only the latest
//!   request ever produces `Done` (or `Failed`); `Progress` may come in between.
//! - `Failed` carries a message for the user (Chinese), saying what to do; the text is kept.
//!
//! How: analyses run in a module Web Worker (`worker.js`, next to the page), so typing and
//! scrolling never wait for one. Synchronous wasm cannot be interrupted, so cancelling a running
//! analysis terminates its worker and hands the request to a fresh one (a pre-warmed spare when
//! there is one). A worker that dies (a wasm abort, out of memory) is replaced; the request it
//! carried ends in `Failed`. A worker left holding a long text's memory (wasm memory never
//! shrinks) is swapped for a fresh one once it has answered. Only when no worker can start at
//! all (no module workers, the script missing) do analyses run on the main thread, as before.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use huixi_web::PageView;

#[derive(Debug, Clone, PartialEq)]
pub enum AnalyzerEvent {
    /// The dictionary is built; analyses start at once from now on.
    Ready,
    /// Fraction done (0.0–1.0) of the latest request.
    Progress(f64),
    /// The latest request's result and how long it took (ms, wall clock): the view to render
    /// (lists capped for huge texts, see `web::page`) and, unless they follow in an `Exports`,
    /// the export files.
    Done { view: Rc<PageView>, exports: Option<Files>, millis: f64 },
    /// The export files of the last `Done`, when they did not come with it.
    Exports(Files),
    /// The latest request failed; the message says what to do.
    Failed(String),
}

/// The export files of an analysis, made from the whole Report: a JS object
/// `{ json, people_csv, terms_csv, outline_csv, markdown }` of UTF-8 `Uint8Array`s. They stay
/// in the JS heap; the page wraps one in a Blob only when the user saves it.
#[derive(Debug, Clone, PartialEq)]
pub struct Files(pub JsValue);

impl Files {
    pub fn bytes(&self, key: &str) -> Option<js_sys::Uint8Array> {
        field(&self.0, key).dyn_into::<js_sys::Uint8Array>().ok()
    }
    /// Size in bytes of one file.
    pub fn len(&self, key: &str) -> usize {
        self.bytes(key).map_or(0, |b| b.length() as usize)
    }
}

/// Texts longer than this (UTF-8 bytes, as the file would be) are refused without trying: the
/// Report of such a text would not fit the page, and the worker's memory would run out.
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// The worker script, resolved against the page's URL.
const WORKER_URL: &str = "worker.js";

/// A text this long (chars) is likely to be cancelled while it runs (the user keeps editing),
/// so a spare worker is warmed up beside it.
const SPARE_FROM_CHARS: usize = 100_000;

/// A worker whose wasm memory has grown past this is swapped for a fresh one once it has answered
/// the latest request. Wasm linear memory never shrinks: after a 10 MB paste (~60 bytes a char,
/// ~220 MB) the worker would hold it for the page's life, and every later text would run in it.
/// Texts under ~500,000 chars stay below it and keep their warm worker.
const RELEASE_FROM_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// Progress ticks while waiting for a worker. Each tick re-renders the page, and with megabytes
/// in the text box a re-layout is not free: a few ticks a second are enough to show movement.
const TICK_MS: i32 = 250;

/// First guess of the analysis cost (ms per char) before any run has been measured.
const DEFAULT_MS_PER_CHAR: f64 = 0.006;

/// Runs analyses for the page.
pub struct Analyzer {
    inner: Rc<Inner>,
}

struct Inner {
    on_event: Callback<AnalyzerEvent>,
    state: RefCell<State>,
}

#[derive(Default)]
struct State {
    /// No worker could start: analyse on the main thread.
    inline: bool,
    current: Option<Slot>,
    spare: Option<Slot>,
    /// Serial numbers tell the messages of replaced workers from the current one's.
    next_serial: u32,
    next_id: u32,
    pending: Option<Pending>,
    ready_sent: bool,
    /// The request whose `Done` was emitted last: its exports may follow.
    last_done: Option<u32>,
    /// Measured cost of recent analyses, for the progress estimate.
    ms_per_char: Option<f64>,
    ticker: Option<Interval>,
    /// A spare that failed to start is not tried again.
    no_spares: bool,
    /// Keeps the inline mode's deferred calls alive.
    inline_timers: Vec<Timeout>,
    /// Inline mode: the engine is loaded on the page / being loaded / could not be loaded.
    engine_ready: bool,
    engine_loading: bool,
    engine_error: Option<String>,
}

/// The latest request, until it is done.
struct Pending {
    id: u32,
    chars: usize,
    t0: f64,
    /// Kept to replay on the main thread if the worker cannot start at all (a JS string: the
    /// page never copies the text into wasm to send it).
    text: JsValue,
    /// The last progress emitted.
    shown: f64,
}

/// One worker and the handlers that tie it to the [`Analyzer`].
struct Slot {
    worker: Worker,
    serial: u32,
    ready: bool,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.set_onmessageerror(None);
        self.worker.terminate();
    }
}

impl Analyzer {
    pub fn new(on_event: Callback<AnalyzerEvent>) -> Self {
        huixi_web::install_panic_hook();
        let inner = Rc::new(Inner { on_event, state: RefCell::new(State::default()) });
        let slot = spawn(&inner);
        match slot {
            Some(slot) => inner.state.borrow_mut().current = Some(slot),
            None => go_inline(&inner),
        }
        Analyzer { inner }
    }

    /// Analyse `text` (a JS string; a Rust `String` converts). The text crosses to the worker
    /// as it is: one structured clone, no copy into wasm on the page.
    pub fn analyze(&self, text: impl Into<JsValue>) {
        let text: JsValue = text.into();
        let inner = &self.inner;
        let mut events = Vec::new();
        {
            let mut st = inner.state.borrow_mut();
            st.ticker = None;
            let was_busy = st.pending.take().is_some();
            let units = text.unchecked_ref::<js_sys::JsString>().length() as usize;
            let bytes = utf8_len(&text, units);
            if bytes > MAX_TEXT_BYTES {
                // Whatever ran before is abandoned too: only the latest request answers.
                if was_busy && !st.inline {
                    replace_current(inner, &mut st);
                }
                let mb = bytes as f64 / (1024.0 * 1024.0);
                events.push(AnalyzerEvent::Failed(format!(
                    "文本过大（约 {mb:.1} MB），超过 {} MB 的上限，未进行分析。请只粘贴报道或讲话的正文，或将文本分成几段分别分析。",
                    MAX_TEXT_BYTES / (1024 * 1024)
                )));
            } else {
                st.next_id += 1;
                let id = st.next_id;
                // UTF-16 units: close enough to chars for the progress estimate.
                let chars = units;
                // A ready worker that is busy is computing and cannot be interrupted: replace it.
                // One still starting drops the requests it has queued (`supersede`, worker.js).
                if was_busy && !st.inline && st.current.as_ref().is_some_and(|s| s.ready) {
                    replace_current(inner, &mut st);
                }
                if st.inline {
                    schedule_inline(inner, &mut st, id);
                } else if let Some(slot) = &st.current {
                    let msg = js_sys::Object::new();
                    let _ = js_sys::Reflect::set(&msg, &"id".into(), &id.into());
                    let _ = js_sys::Reflect::set(&msg, &"text".into(), &text);
                    let _ = js_sys::Reflect::set(&msg, &"supersede".into(), &JsValue::TRUE);
                    let _ = js_sys::Reflect::set(&msg, &"page".into(), &JsValue::TRUE);
                    if let Err(e) = slot.worker.post_message(&msg) {
                        events.push(AnalyzerEvent::Failed(failed_message(&describe(&e))));
                    }
                }
                st.pending = Some(Pending { id, chars, t0: now_ms(), text, shown: 0.0 });
                events.push(AnalyzerEvent::Progress(0.0));
                if !st.inline {
                    if chars >= SPARE_FROM_CHARS {
                        ensure_spare(inner, &mut st);
                    }
                    st.ticker = start_ticker(inner);
                }
            }
        }
        emit_all(inner, events);
    }
}

/// UTF-8 length of a JS string of `units` UTF-16 units, exact only where it decides the limit
/// (a unit is 1–3 bytes; counting costs a pass over the text).
fn utf8_len(text: &JsValue, units: usize) -> usize {
    if units.saturating_mul(3) <= MAX_TEXT_BYTES || units > MAX_TEXT_BYTES {
        return units;
    }
    let parts = js_sys::Array::of1(text);
    web_sys::Blob::new_with_str_sequence(&parts).map_or(units, |b| b.size() as usize)
}

fn emit_all(inner: &Inner, events: Vec<AnalyzerEvent>) {
    for e in events {
        inner.on_event.emit(e);
    }
}

/// Terminates the current worker and puts the spare (or a new worker) in its place, with a new
/// spare beside it.
fn replace_current(inner: &Rc<Inner>, st: &mut State) {
    swap_current(inner, st);
    ensure_spare(inner, st);
}

/// Terminates the current worker and puts the spare (or a new worker) in its place.
fn swap_current(inner: &Rc<Inner>, st: &mut State) {
    retire(st.current.take());
    let next = st.spare.take().or_else(|| spawn_counted(inner, st));
    match next {
        Some(slot) => st.current = Some(slot),
        None => {
            st.inline = true;
            schedule_warm_up(inner, st);
        }
    }
}

/// After the message that ends a request (the one with the exports, which carries the worker's
/// wasm memory size): a worker that grew past [`RELEASE_FROM_BYTES`] and has nothing left to do
/// is swapped for a fresh one, which gives the memory back. No new spare: the next long text
/// asks for one.
fn release_if_large(inner: &Rc<Inner>, st: &mut State, data: &JsValue) {
    let large = field(data, "memory").as_f64().is_some_and(|b| b >= RELEASE_FROM_BYTES);
    if large && st.pending.is_none() && !st.inline {
        swap_current(inner, st);
    }
}

fn ensure_spare(inner: &Rc<Inner>, st: &mut State) {
    if st.spare.is_none() && !st.no_spares && !st.inline {
        st.spare = spawn_counted(inner, st);
    }
}

fn spawn_counted(inner: &Rc<Inner>, st: &mut State) -> Option<Slot> {
    st.next_serial += 1;
    make_slot(inner, st.next_serial)
}

fn spawn(inner: &Rc<Inner>) -> Option<Slot> {
    let serial = {
        let mut st = inner.state.borrow_mut();
        st.next_serial += 1;
        st.next_serial
    };
    make_slot(inner, serial)
}

/// The worker www/boot.js starts before the page's wasm loads (its dictionary is then built while
/// the page compiles and renders); the first slot adopts it.
const EARLY_WORKER: &str = "huixiEarlyWorker";

/// Set by www/boot.js to the early worker once that worker has said 'ready'. Right after 'ready'
/// the worker warms the extractors up (synchronously, ~100 ms in wasm), so a 'hello' sent when
/// the page adopts it later would be answered only after that.
const EARLY_WORKER_READY: &str = "huixiEarlyWorkerReady";

/// The early worker, and whether boot.js saw it become ready.
fn take_early_worker() -> Option<(Worker, bool)> {
    let global = js_sys::global();
    let w = js_sys::Reflect::get(&global, &EARLY_WORKER.into()).ok()?;
    let _ = js_sys::Reflect::delete_property(&global, &EARLY_WORKER.into());
    let ready = js_sys::Reflect::get(&global, &EARLY_WORKER_READY.into()).is_ok_and(|r| js_sys::Object::is(&r, &w));
    w.dyn_into::<Worker>().ok().map(|w| (w, ready))
}

fn make_slot(inner: &Rc<Inner>, serial: u32) -> Option<Slot> {
    let early = take_early_worker();
    let adopted = early.is_some();
    let early_ready = early.as_ref().is_some_and(|e| e.1);
    let worker = match early {
        Some((w, _)) => w,
        None => {
            let opts = WorkerOptions::new();
            opts.set_type(WorkerType::Module);
            match Worker::new_with_options(WORKER_URL, &opts) {
                Ok(w) => w,
                Err(e) => {
                    web_sys::console::warn_1(
                        &format!("huixi: no analysis worker ({}); analysing on the page", describe(&e)).into(),
                    );
                    return None;
                }
            }
        }
    };
    let weak = Rc::downgrade(inner);
    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| on_message(&weak, serial, &e.data()));
    let weak = Rc::downgrade(inner);
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        let msg = js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "worker error".to_owned());
        on_crash(&weak, serial, &msg);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    if early_ready {
        // Its 'ready' came before these handlers existed. Deliver it once the caller has made
        // this slot current (after this task), as if the worker had posted it now.
        let weak = Rc::downgrade(inner);
        wasm_bindgen_futures::spawn_local(async move {
            let ready = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&ready, &"type".into(), &"ready".into());
            self::on_message(&weak, serial, &ready);
        });
    }
    if adopted {
        // Its 'ready' may have been posted before these handlers existed: ask again (also when
        // boot.js saw it: a second 'ready' changes nothing).
        let hello = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&hello, &"type".into(), &"hello".into());
        let _ = worker.post_message(&hello);
    }
    Some(Slot { worker, serial, ready: false, _on_message: on_message, _on_error: on_error })
}

/// Drops a worker after the current event handler returns (it may be the one running).
fn retire(slot: Option<Slot>) {
    if let Some(slot) = slot {
        slot.worker.set_onmessage(None);
        slot.worker.set_onerror(None);
        slot.worker.terminate();
        wasm_bindgen_futures::spawn_local(async move { drop(slot) });
    }
}

pub(crate) fn field(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn on_message(weak: &Weak<Inner>, serial: u32, data: &JsValue) {
    let Some(inner) = weak.upgrade() else { return };
    let kind = field(data, "type").as_string().unwrap_or_default();
    let mut events = Vec::new();
    {
        let mut st = inner.state.borrow_mut();
        let is_current = st.current.as_ref().is_some_and(|s| s.serial == serial);
        let is_spare = st.spare.as_ref().is_some_and(|s| s.serial == serial);
        if !is_current && !is_spare {
            return;
        }
        match kind.as_str() {
            "ready" => {
                let slot = if is_current { st.current.as_mut() } else { st.spare.as_mut() };
                if let Some(s) = slot {
                    s.ready = true;
                }
                if is_current && !st.ready_sent {
                    st.ready_sent = true;
                    events.push(AnalyzerEvent::Ready);
                }
            }
            // init() failed inside the worker (the wasm could not be fetched or compiled).
            "fatal" => {
                drop(st);
                on_crash(weak, serial, &field(data, "message").as_string().unwrap_or_default());
                return;
            }
            "done" | "error" if is_current => {
                let id = field(data, "id").as_f64().unwrap_or(-1.0);
                let latest = st.pending.as_ref().filter(|p| f64::from(p.id) == id).map(|p| (p.t0, p.chars));
                let failed = kind == "error";
                if let Some((t0, chars)) = latest {
                    st.pending = None;
                    st.ticker = None;
                    let millis = now_ms() - t0;
                    if failed {
                        let detail = field(data, "message").as_string().unwrap_or_default();
                        events.push(AnalyzerEvent::Failed(failed_message(&detail)));
                    } else {
                        let bytes = field(data, "view").dyn_into::<js_sys::Uint8Array>().map(|b| b.to_vec());
                        match bytes
                            .map_err(|_| "no view".to_owned())
                            .and_then(|b| serde_json::from_slice::<PageView>(&b).map_err(|e| e.to_string()))
                        {
                            Ok(view) => {
                                learn_rate(&mut st, chars, field(data, "millis").as_f64());
                                st.last_done = Some(id as u32);
                                let exports = Some(field(data, "exports")).filter(|e| e.is_object()).map(Files);
                                events.push(AnalyzerEvent::Progress(1.0));
                                events.push(AnalyzerEvent::Done { view: Rc::new(view), exports, millis });
                            }
                            Err(e) => events.push(AnalyzerEvent::Failed(failed_message(&e.to_string()))),
                        }
                    }
                }
                // After a panic the wasm instance may be in any state: never reuse it.
                if failed {
                    replace_current(&inner, &mut st);
                } else {
                    release_if_large(&inner, &mut st, data);
                }
            }
            "exports" if is_current => {
                let id = field(data, "id").as_f64().unwrap_or(-1.0);
                let exports = field(data, "exports");
                if st.last_done.is_some_and(|d| f64::from(d) == id) && exports.is_object() {
                    events.push(AnalyzerEvent::Exports(Files(exports)));
                }
                release_if_large(&inner, &mut st, data);
            }
            _ => {}
        }
    }
    emit_all(&inner, events);
}

/// The worker died (uncaught error, wasm abort, failed start).
fn on_crash(weak: &Weak<Inner>, serial: u32, detail: &str) {
    let Some(inner) = weak.upgrade() else { return };
    web_sys::console::warn_1(&format!("huixi: analysis worker failed: {detail}").into());
    let mut events = Vec::new();
    {
        let mut st = inner.state.borrow_mut();
        if st.spare.as_ref().is_some_and(|s| s.serial == serial) {
            let started = st.spare.as_ref().is_some_and(|s| s.ready);
            retire(st.spare.take());
            if !started {
                st.no_spares = true;
            }
            return;
        }
        if st.current.as_ref().is_none_or(|s| s.serial != serial) {
            return;
        }
        let started = st.current.as_ref().is_some_and(|s| s.ready);
        if !started {
            // The worker cannot even start: the page has the module, so analyse here.
            retire(st.current.take());
            retire(st.spare.take());
            st.inline = true;
            st.ticker = None;
            schedule_warm_up(&inner, &mut st);
            if let Some(id) = st.pending.as_ref().map(|p| p.id) {
                schedule_inline(&inner, &mut st, id);
            }
        } else {
            if st.pending.take().is_some() {
                st.ticker = None;
                events.push(AnalyzerEvent::Failed(failed_message(detail)));
            }
            replace_current(&inner, &mut st);
        }
    }
    emit_all(&inner, events);
}

fn failed_message(detail: &str) -> String {
    let detail: String = detail.chars().take(200).collect();
    let detail = if detail.trim().is_empty() { "分析引擎意外中止".to_owned() } else { detail };
    format!("分析失败：{detail}。分析引擎已重新启动，请重新粘贴文本或刷新页面再试；您的文本仍在输入框中。")
}

fn learn_rate(st: &mut State, chars: usize, worker_ms: Option<f64>) {
    // Short texts are dominated by fixed costs and say little about the per-char cost.
    let (Some(ms), true) = (worker_ms, chars >= 5_000) else { return };
    let rate = ms / chars as f64;
    st.ms_per_char = Some(st.ms_per_char.map_or(rate, |r| 0.5 * r + 0.5 * rate));
}

/// Progress is an estimate from the text's length and the measured cost of earlier runs; it
/// never reaches 1 before the worker answers.
fn start_ticker(inner: &Rc<Inner>) -> Option<Interval> {
    let weak = Rc::downgrade(inner);
    Interval::new(TICK_MS, move || {
        let Some(inner) = weak.upgrade() else { return };
        let fraction = {
            let mut st = inner.state.borrow_mut();
            let rate = st.ms_per_char.unwrap_or(DEFAULT_MS_PER_CHAR);
            let Some(p) = &mut st.pending else { return };
            let estimate = (p.chars as f64 * rate).max(50.0);
            let f = ((now_ms() - p.t0) / estimate).min(0.95);
            // Whole percents only: a change the page cannot show is not worth a re-render.
            let f = (f * 100.0).floor() / 100.0;
            if f <= p.shown {
                return;
            }
            p.shown = f;
            f
        };
        inner.on_event.emit(AnalyzerEvent::Progress(fraction));
    })
}

// ------------------------------------------------------------------ main-thread fallback

fn go_inline(inner: &Rc<Inner>) {
    let mut st = inner.state.borrow_mut();
    st.inline = true;
    schedule_warm_up(inner, &mut st);
}

/// Loads the engine on the main thread after the current task (so the page paints first), then
/// says `Ready` and runs the request that waited for it.
fn schedule_warm_up(inner: &Rc<Inner>, st: &mut State) {
    if st.engine_ready || st.engine_loading {
        return;
    }
    st.engine_loading = true;
    let weak = Rc::downgrade(inner);
    let t = Timeout::new(0, move || {
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = engine::load().await;
            let Some(inner) = weak.upgrade() else { return };
            let mut events = Vec::new();
            {
                let mut st = inner.state.borrow_mut();
                st.engine_loading = false;
                match loaded {
                    Ok(()) => {
                        st.engine_ready = true;
                        if !std::mem::replace(&mut st.ready_sent, true) {
                            events.push(AnalyzerEvent::Ready);
                        }
                        if let Some(id) = st.pending.as_ref().map(|p| p.id) {
                            schedule_inline(&inner, &mut st, id);
                        }
                    }
                    Err(e) => {
                        web_sys::console::error_1(
                            &format!("huixi: the analysis engine could not be loaded: {e}").into(),
                        );
                        if st.pending.take().is_some() {
                            events.push(AnalyzerEvent::Failed(no_engine_message(&e)));
                        }
                        st.engine_error = Some(e);
                    }
                }
            }
            emit_all(&inner, events);
        });
    });
    st.inline_timers.extend(t);
}

fn no_engine_message(detail: &str) -> String {
    let detail: String = detail.chars().take(200).collect();
    format!("分析引擎无法启动（{detail}）。请刷新页面；若仍不行，请换用较新版本的 Chrome、Edge、Firefox 或 Safari。您的文本仍在输入框中。")
}

/// Runs request `id` on the main thread after the current task, unless a newer one replaced it.
/// Before the engine is loaded this does nothing: the load runs the latest request when done.
fn schedule_inline(inner: &Rc<Inner>, st: &mut State, id: u32) {
    st.inline_timers.retain(|t| !t.fired.get());
    if !st.engine_ready {
        if let Some(e) = st.engine_error.clone() {
            let weak = Rc::downgrade(inner);
            // After the caller's own events (Progress), so the failure is what stays.
            st.inline_timers.extend(Timeout::new(0, move || {
                let Some(inner) = weak.upgrade() else { return };
                let latest = {
                    let mut st = inner.state.borrow_mut();
                    match st.pending.take() {
                        Some(p) if p.id == id => true,
                        other => {
                            st.pending = other;
                            false
                        }
                    }
                };
                if latest {
                    inner.on_event.emit(AnalyzerEvent::Failed(no_engine_message(&e)));
                }
            }));
        }
        return;
    }
    let weak = Rc::downgrade(inner);
    let t = Timeout::new(0, move || {
        let Some(inner) = weak.upgrade() else { return };
        let text = {
            let st = inner.state.borrow();
            match &st.pending {
                Some(p) if p.id == id => p.text.clone(),
                _ => return,
            }
        };
        let result = engine::run(&text);
        drop(text);
        let millis = {
            let mut st = inner.state.borrow_mut();
            match st.pending.take() {
                Some(p) if p.id == id => now_ms() - p.t0,
                other => {
                    st.pending = other;
                    return;
                }
            }
        };
        match result {
            Ok((view, exports)) => {
                inner.state.borrow_mut().last_done = Some(id);
                inner.on_event.emit(AnalyzerEvent::Progress(1.0));
                inner.on_event.emit(AnalyzerEvent::Done { view: Rc::new(view), exports: Some(exports), millis });
            }
            Err(e) => inner.on_event.emit(AnalyzerEvent::Failed(failed_message(&e))),
        }
    });
    st.inline_timers.extend(t);
}

/// The analysis engine on the main thread, for when no worker can start. A module built with
/// the engine (`api`: the browser tests) calls it directly; the page's own module (`ui` only)
/// has no engine inside, so it imports the engine module (`pkg/huixi.js`) as embedding sites do.
#[cfg(feature = "engine")]
mod engine {
    use super::{Files, JsValue, PageView};

    pub async fn load() -> Result<(), String> {
        huixi::warm_up();
        Ok(())
    }

    pub fn run(text: &JsValue) -> Result<(PageView, Files), String> {
        let text = text.as_string().unwrap_or_default();
        let mut report = huixi::analyze(&text);
        drop(text);
        let view = huixi_web::view(&mut report);
        let exports = Files(huixi_web::exports(&report).to_js().into());
        Ok((view, exports))
    }
}

#[cfg(not(feature = "engine"))]
mod engine {
    use super::{describe, field, Files, JsValue, PageView};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    // www/page-engine.js, imported by the glue (pkg/huixi_ui.js) as written: a fixed path that
    // www/main.js fetches with the UI module (an inline_js snippet would sit under
    // pkg/snippets/<hash>/).
    #[wasm_bindgen(raw_module = "../page-engine.js")]
    extern "C" {
        #[wasm_bindgen(catch)]
        fn huixi_engine_load() -> Result<js_sys::Promise, JsValue>;
        #[wasm_bindgen(catch)]
        fn huixi_engine_run(text: &JsValue) -> Result<JsValue, JsValue>;
    }

    pub async fn load() -> Result<(), String> {
        let promise = huixi_engine_load().map_err(|e| describe(&e))?;
        wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ()).map_err(|e| describe(&e))
    }

    pub fn run(text: &JsValue) -> Result<(PageView, Files), String> {
        let out = huixi_engine_run(text).map_err(|e| describe(&e))?;
        let bytes = field(&out, "view").dyn_into::<js_sys::Uint8Array>().map_err(|_| "no view".to_owned())?.to_vec();
        let view = serde_json::from_slice::<PageView>(&bytes).map_err(|e| e.to_string())?;
        Ok((view, Files(field(&out, "exports"))))
    }
}

// ------------------------------------------------------------------ timers

struct Timeout {
    id: i32,
    fired: Rc<std::cell::Cell<bool>>,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    fn new(ms: i32, f: impl FnOnce() + 'static) -> Option<Timeout> {
        let fired = Rc::new(std::cell::Cell::new(false));
        let flag = fired.clone();
        let mut f = Some(f);
        let callback = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            if let Some(f) = f.take() {
                f();
            }
        });
        let id = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), ms)
            .ok()?;
        Some(Timeout { id, fired, _callback: callback })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if !self.fired.get() {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(self.id);
            }
        }
    }
}

struct Interval {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Interval {
    fn new(ms: i32, f: impl FnMut() + 'static) -> Option<Interval> {
        let callback = Closure::<dyn FnMut()>::new(f);
        let id = web_sys::window()?
            .set_interval_with_callback_and_timeout_and_arguments_0(callback.as_ref().unchecked_ref(), ms)
            .ok()?;
        Some(Interval { id, _callback: callback })
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            w.clear_interval_with_handle(self.id);
        }
    }
}

pub(crate) fn describe(e: &JsValue) -> String {
    e.as_string().or_else(|| field(e, "message").as_string()).unwrap_or_else(|| format!("{e:?}"))
}

pub(crate) fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}
