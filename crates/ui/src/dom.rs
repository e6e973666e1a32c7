//! Small browser helpers for the app and the bridge: timers, JS values, scrolling, downloads, the
//! clipboard.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A pending `setTimeout`; dropping it before it fires clears it (the closure must live until
/// then).
pub struct Timer {
    id: i32,
    fired: Rc<Cell<bool>>,
    _callback: Closure<dyn FnMut()>,
}

impl Timer {
    pub fn new(ms: i32, f: impl FnOnce() + 'static) -> Option<Timer> {
        let fired = Rc::new(Cell::new(false));
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
        Some(Timer { id, fired, _callback: callback })
    }

    /// It has run.
    pub fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if !self.fired.get() {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(self.id);
            }
        }
    }
}

pub fn set_timeout(ms: i32, f: impl FnOnce() + 'static) -> Option<Timer> {
    Timer::new(ms, f)
}

/// A running `setInterval`; dropping it clears it.
pub struct Interval {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Interval {
    pub fn new(ms: i32, f: impl FnMut() + 'static) -> Option<Interval> {
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

/// `v[key]`, or `undefined`.
pub fn field(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A thrown JS value as a message.
pub fn describe(e: &JsValue) -> String {
    e.as_string().or_else(|| field(e, "message").as_string()).unwrap_or_else(|| format!("{e:?}"))
}

/// `performance.now()`, ms.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Runs `f` in a task of its own after the next frame has been painted: long work cut into such
/// steps lets the page paint between them. The callbacks free themselves once run.
pub fn after_frame(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let later = Closure::once_into_js(move || {
        let task = Closure::once_into_js(f);
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    });
    let _ = w.request_animation_frame(later.unchecked_ref());
}

pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Scroll the scrollable `container` so that its first descendant matching `selector` sits in
/// its middle, and (when `window`) bring the container itself into the window if it is out of
/// sight. Scrolling
/// the container directly keeps the page where it is on a desktop, where the text stays beside
/// the results.
pub fn reveal_in(container: &str, selector: &str, window: bool) {
    let Some(doc) = document() else { return };
    let Some(view) =
        doc.query_selector(container).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(el) = view.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let top = f64::from(el.offset_top()) - f64::from(view.client_height()) / 2.0 + f64::from(el.offset_height()) / 2.0;
    let opts = web_sys::ScrollToOptions::new();
    opts.set_top(top.max(0.0));
    opts.set_behavior(web_sys::ScrollBehavior::Smooth);
    view.scroll_to_with_scroll_to_options(&opts);

    if !window {
        return;
    }
    // Only when the text is (nearly) out of sight: on a phone it lies below the results.
    let rect = view.get_bounding_client_rect();
    let height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(0.0);
    if rect.top() > height - 80.0 || rect.bottom() < 80.0 {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Start);
        opts.set_behavior(web_sys::ScrollBehavior::Smooth);
        view.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Save `content` as a file: a Blob behind an object URL and a temporary `<a download>`; the URL
/// is revoked at once (the click has started the download by then). Nothing goes over the network.
pub fn download_bytes(file_name: &str, mime: &str, content: &js_sys::Uint8Array) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(content);
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let doc = document().ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_attribute("hidden", "")?;
    let body = doc.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoked on the next turn: some browsers read the URL only after the click returns.
    // A closure that frees itself once it has run (a forgotten Timer would keep it for good).
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 0);
    }
    Ok(())
}

/// Put a JS string on the clipboard (passed as it is: a long JSON is never copied into wasm);
/// `done` hears whether it worked.
pub fn copy_js_text(text: &JsValue, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let clipboard = window.navigator().clipboard();
    let write =
        js_sys::Reflect::get(&clipboard, &"writeText".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) =
        write.and_then(|f| f.call1(&clipboard, text).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        done(false);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}
