//! The main-thread fallback: when no worker can start, the engine is loaded on the page and
//! analyses run there, one task each.

use super::*;

pub(super) fn go_inline(inner: &Rc<Inner>) {
    let mut st = inner.state.borrow_mut();
    st.inline = true;
    schedule_warm_up(inner, &mut st);
}

/// Loads the engine on the main thread after the current task (so the page paints first), then
/// says `Ready` and runs the request that waited for it.
pub(super) fn schedule_warm_up(inner: &Rc<Inner>, st: &mut State) {
    if st.engine_ready || st.engine_loading {
        return;
    }
    st.engine_loading = true;
    let weak = Rc::downgrade(inner);
    let t = Timer::new(0, move || {
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
pub(super) fn schedule_inline(inner: &Rc<Inner>, st: &mut State, id: u32) {
    st.inline_timers.retain(|t| !t.fired());
    if !st.engine_ready {
        if let Some(e) = st.engine_error.clone() {
            let weak = Rc::downgrade(inner);
            // After the caller's own events (Progress), so the failure is what stays.
            st.inline_timers.extend(Timer::new(0, move || {
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
    let t = Timer::new(0, move || {
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
    use super::super::{Files, JsValue, PageView};

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
    use super::super::{describe, field, Files, JsValue, PageView};
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
