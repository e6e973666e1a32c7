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
//!
//! The module's parts: this file (the contract, the events and the state), `workers` (the worker
//! pool: the early worker's adoption, spares, replacement, messages and crashes), `progress` (the
//! estimate shown while a worker computes) and `inline` (the main-thread fallback).

mod inline;
mod progress;
mod workers;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::dom::{describe, field, now_ms, Interval, Timer};
use huixi_web::PageView;
use inline::{go_inline, schedule_inline, schedule_warm_up};
use progress::{learn_rate, start_ticker};
use workers::{ensure_spare, failed_message, replace_current, spawn, Slot, SPARE_FROM_CHARS};

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
    inline_timers: Vec<Timer>,
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

impl Analyzer {
    pub fn new(on_event: Callback<AnalyzerEvent>) -> Self {
        #[cfg(target_arch = "wasm32")]
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
