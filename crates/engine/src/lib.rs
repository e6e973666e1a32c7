//! The JS API: `import init, { analyze, segment, warm_up, utf16_offsets } from './pkg/huixi.js'`.
//! The whole analysis runs inside wasm and one Report crosses the boundary, because crossing it
//! once per token is what makes JS-side segmentation slow.
//!
//! This crate is the engine module (`pkg/huixi.js`): the API for embedding sites and the entry
//! points of the analysis worker (`www/worker.js`). wasm32 only: natively the crate is empty.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use huixi_web::install_panic_hook;

/// Analyse a text and return the Report as a plain JS object (maps as objects, `None` as
/// `null`), the same shape as the CLI's JSON.
#[wasm_bindgen]
pub fn analyze(text: &str) -> Result<JsValue, JsError> {
    install_panic_hook();
    let report = huixi::analyze(text);
    // One JSON string parsed by the engine's native JSON.parse builds the object several times
    // faster than serde-wasm-bindgen's one boundary call per field (measured on 1 MB: see
    // docs/perf-history.md, "Throughput of the analysis"); the shape is the same (maps as objects,
    // `None` as `null`).
    let json = serde_json::to_string(&report).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| JsError::new("the report could not be handed to JavaScript (JSON.parse failed)"))
}

/// [`analyze`], calling `done(stage)` from JS as each stage of the analysis ends, so the
/// browser benchmark can time the stages with `performance.now()` (`www/bench.js`).
#[wasm_bindgen]
pub fn analyze_stages(text: &str, done: &js_sys::Function) {
    install_panic_hook();
    let report = huixi::analyze_staged(text, &mut |stage| {
        let _ = done.call1(&JsValue::NULL, &JsValue::from_str(stage));
    });
    drop(std::hint::black_box(report));
}

/// Segment a text with huixi's dictionary (jieba + domain lexicon, HMM on) into its words, in
/// order; joined they give back the text.
#[wasm_bindgen]
pub fn segment(text: &str) -> Vec<String> {
    install_panic_hook();
    huixi::segment::cut(text).into_iter().map(str::to_owned).collect()
}

/// How many words [`segment`] would return, without building them as JS strings: jieba-rs's
/// `cut` alone, for the browser benchmark's throughput comparison.
#[wasm_bindgen]
pub fn segment_count(text: &str) -> usize {
    install_panic_hook();
    huixi::segment::cut(text).len()
}

/// Load the dictionary now instead of on the first call to `analyze` or `segment`. The words
/// under each first char are decoded when a text first holds it, or by [`warm_up_step`].
#[wasm_bindgen]
pub fn warm_up() {
    install_panic_hook();
    huixi::warm_up();
}

/// Decode about `nodes` more of the dictionary's trie (16,384 take a few ms); true when it is
/// all decoded. Call it in idle moments after [`warm_up`] until it returns true, and the first
/// analyses never stop to decode.
#[wasm_bindgen]
pub fn warm_up_step(nodes: usize) -> bool {
    install_panic_hook();
    huixi::warm_up_step(nodes)
}

/// Add user words, each `"word [freq] [pos]"`. Returns how many were added.
#[wasm_bindgen]
pub fn add_words(words: Vec<String>) -> usize {
    install_panic_hook();
    huixi::add_words(&words)
}

/// Report spans count chars (code points); JS strings index UTF-16 units. `t[c]` is the
/// UTF-16 index of char `c` (length chars + 1), so `text.slice(t[s], t[e])` is span `[s, e)`.
#[wasm_bindgen]
pub fn utf16_offsets(text: &str) -> Vec<u32> {
    huixi::text::utf16_offsets(text).into_iter().map(|u| u32::try_from(u).unwrap_or(u32::MAX)).collect()
}

thread_local! {
    /// The whole Report of the last `page_analyze`, until `page_exports` takes it.
    static HELD: RefCell<Option<huixi::report::Report>> = const { RefCell::new(None) };
}

/// For huixi's own page, through `worker.js` (not a stable API): analyse, keep the whole Report
/// for [`page_exports`], and return `{ view, capped }`: `view` the page's capped view as JSON
/// bytes (see `web::page`), `capped` whether any list was cut.
#[wasm_bindgen]
pub fn page_analyze(text: &str) -> Result<js_sys::Object, JsError> {
    install_panic_hook();
    let mut report = huixi::analyze(text);
    let view = huixi_web::view(&mut report);
    let bytes = serde_json::to_vec(&view).map_err(|e| JsError::new(&e.to_string()))?;
    HELD.with(|h| *h.borrow_mut() = Some(report));
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"view".into(), &js_sys::Uint8Array::from(&bytes[..]));
    let _ = js_sys::Reflect::set(&out, &"capped".into(), &view.totals.capped.into());
    Ok(out)
}

/// The export files of the last [`page_analyze`] (`{ json, people_csv, terms_csv, outline_csv,
/// markdown }`, UTF-8 `Uint8Array`s), or `null` when there is none. The Report is dropped.
#[wasm_bindgen]
pub fn page_exports() -> JsValue {
    install_panic_hook();
    match HELD.with(|h| h.borrow_mut().take()) {
        Some(report) => huixi_web::exports(&report).to_js().into(),
        None => JsValue::NULL,
    }
}
