//! The worker pool: the current worker (the one boot.js started, adopted, or a new one), a spare
//! warmed up beside a long text, their replacement when an analysis is cancelled or a worker dies
//! or holds too much memory, and what they say.

use super::*;

/// The worker script, resolved against the page's URL.
const WORKER_URL: &str = "worker.js";

/// A text this long (chars) is likely to be cancelled while it runs (the user keeps editing),
/// so a spare worker is warmed up beside it.
pub(super) const SPARE_FROM_CHARS: usize = 100_000;

/// A worker whose wasm memory has grown past this is swapped for a fresh one once it has answered
/// the latest request. Wasm linear memory never shrinks: after a 10 MB paste (~60 bytes a char,
/// ~220 MB) the worker would hold it for the page's life, and every later text would run in it.
/// Texts under ~500,000 chars stay below it and keep their warm worker.
const RELEASE_FROM_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// One worker and the handlers that tie it to the [`Analyzer`].
pub(super) struct Slot {
    pub(super) worker: Worker,
    pub(super) serial: u32,
    pub(super) ready: bool,
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

/// Terminates the current worker and puts the spare (or a new worker) in its place, with a new
/// spare beside it.
pub(super) fn replace_current(inner: &Rc<Inner>, st: &mut State) {
    swap_current(inner, st);
    ensure_spare(inner, st);
}

/// Terminates the current worker and puts the spare (or a new worker) in its place.
pub(super) fn swap_current(inner: &Rc<Inner>, st: &mut State) {
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
pub(super) fn release_if_large(inner: &Rc<Inner>, st: &mut State, data: &JsValue) {
    let large = field(data, "memory").as_f64().is_some_and(|b| b >= RELEASE_FROM_BYTES);
    if large && st.pending.is_none() && !st.inline {
        swap_current(inner, st);
    }
}

pub(super) fn ensure_spare(inner: &Rc<Inner>, st: &mut State) {
    if st.spare.is_none() && !st.no_spares && !st.inline {
        st.spare = spawn_counted(inner, st);
    }
}

pub(super) fn spawn_counted(inner: &Rc<Inner>, st: &mut State) -> Option<Slot> {
    st.next_serial += 1;
    make_slot(inner, st.next_serial)
}

pub(super) fn spawn(inner: &Rc<Inner>) -> Option<Slot> {
    let serial = {
        let mut st = inner.state.borrow_mut();
        st.next_serial += 1;
        st.next_serial
    };
    make_slot(inner, serial)
}

/// The object www/boot.js shares with the page's scripts (www/README.md, "The boot object"): its
/// `worker` is the worker boot.js starts before the page's wasm loads (its dictionary is then
/// built while the page compiles and renders), which the first slot adopts; `workerReady` says it
/// has already said 'ready' (right after 'ready' the worker warms the extractors up,
/// synchronously, ~100 ms in wasm, so a 'hello' sent when the page adopts it would be answered
/// only after that).
const BOOT: &str = "huixiBoot";

/// The early worker, and whether boot.js saw it become ready; adopting it takes it off the boot
/// object.
fn take_early_worker() -> Option<(Worker, bool)> {
    let boot = js_sys::Reflect::get(&js_sys::global(), &BOOT.into()).ok().filter(|b| b.is_object())?;
    let w = js_sys::Reflect::get(&boot, &"worker".into()).ok()?.dyn_into::<Worker>().ok()?;
    let _ = js_sys::Reflect::set(&boot, &"worker".into(), &JsValue::NULL);
    let ready = js_sys::Reflect::get(&boot, &"workerReady".into()).is_ok_and(|r| r.is_truthy());
    Some((w, ready))
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

pub(super) fn failed_message(detail: &str) -> String {
    let detail: String = detail.chars().take(200).collect();
    let detail = if detail.trim().is_empty() { "分析引擎意外中止".to_owned() } else { detail };
    format!("分析失败：{detail}。分析引擎已重新启动，请重新粘贴文本或刷新页面再试；您的文本仍在输入框中。")
}
