//! The wasm build in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! `bash scripts/huixi.sh test-wasm`, or `make test`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_000: &str = include_str!("../../../seeds/000_21f538190c88e84a.txt");

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn analyze_returns_a_plain_report_object() {
    let report = huixi_engine::analyze(SEED_000).map_err(JsValue::from).expect("analyze failed");
    assert!(report.is_object());
    assert_eq!(get(&report, "schema_version").as_f64(), Some(1.0));
    let document = get(&report, "document");
    assert_eq!(get(&document, "chars").as_f64(), Some(SEED_000.chars().count() as f64));
    // Built by JSON.parse: lists are JS arrays, absent values null (not undefined).
    assert!(js_sys::Array::is_array(&get(&report, "people")));
    let region = get(&report, "region");
    assert!(region.is_null() || region.is_object());
}

#[wasm_bindgen_test]
fn analyze_survives_empty_and_junk_input() {
    for text in ["", "\u{0}\u{fffd}\u{1F600}", "。。。\n\n同志们:"] {
        let report = huixi_engine::analyze(text).map_err(JsValue::from).expect("analyze failed");
        assert_eq!(get(&get(&report, "document"), "chars").as_f64(), Some(text.chars().count() as f64));
    }
}

#[wasm_bindgen_test]
fn stage_callbacks_and_word_count_for_the_benchmark() {
    let seen = js_sys::Array::new();
    let record = js_sys::Function::new_with_args("s", "this.push(s)").bind0(&seen);
    huixi_engine::analyze_stages(SEED_000, &record);
    let stages: Vec<String> = seen.iter().filter_map(|s| s.as_string()).collect();
    assert_eq!(stages.first().map(String::as_str), Some("doc"));
    assert_eq!(stages.last().map(String::as_str), Some("anomalies"));
    assert!(stages.iter().any(|s| s == "people") && stages.len() >= 10, "{stages:?}");
    assert_eq!(huixi_engine::segment_count(SEED_000), huixi_engine::segment(SEED_000).len());
}

#[wasm_bindgen_test]
fn segmentation_keeps_domain_titles_whole() {
    let words = huixi_engine::segment("市委书记出席全市政法工作会议并讲话，深化扫黑除恶专项斗争。");
    assert!(words.iter().any(|w| w == "市委书记"), "{words:?}");
    assert!(words.iter().any(|w| w == "扫黑除恶"), "{words:?}");
    assert_eq!(words.concat(), "市委书记出席全市政法工作会议并讲话，深化扫黑除恶专项斗争。");
}

#[wasm_bindgen_test]
fn utf16_offsets_count_astral_chars_twice() {
    assert_eq!(huixi_engine::utf16_offsets("a😀中"), vec![0, 1, 3, 4]);
}

// ---------------------------------------------------------------- the page's Analyzer
// The test runner serves no worker.js, so these exercise the Analyzer's contract through its
// fallback (a worker that cannot start → analyses on the main thread). The worker path itself
// is covered end to end in tests/e2e/e2e.mjs.

use std::cell::RefCell;
use std::rc::Rc;

use huixi_ui::bridge::{Analyzer, AnalyzerEvent, MAX_TEXT_BYTES};

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

fn recording() -> (Rc<RefCell<Vec<AnalyzerEvent>>>, yew::Callback<AnalyzerEvent>) {
    let events = Rc::new(RefCell::new(Vec::new()));
    let sink = events.clone();
    (events, yew::Callback::from(move |e| sink.borrow_mut().push(e)))
}

async fn until(events: &Rc<RefCell<Vec<AnalyzerEvent>>>, what: impl Fn(&AnalyzerEvent) -> bool) -> bool {
    for _ in 0..300 {
        if events.borrow().iter().any(&what) {
            return true;
        }
        sleep(20).await;
    }
    false
}

#[wasm_bindgen_test]
async fn analyzer_gets_ready_and_answers_only_the_latest_request() {
    let (events, cb) = recording();
    let analyzer = Analyzer::new(cb);
    assert!(until(&events, |e| matches!(e, AnalyzerEvent::Ready)).await, "never Ready: {:?}", events.borrow());
    analyzer.analyze("县委书记张三出席会议并讲话。".to_owned());
    analyzer.analyze(SEED_000.to_owned());
    assert!(until(&events, |e| matches!(e, AnalyzerEvent::Done { .. })).await);
    sleep(100).await;
    let events = events.borrow();
    let done: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            AnalyzerEvent::Done { view, exports, millis } => {
                // Exports come with a short text's result, made from the whole Report.
                assert!(exports.as_ref().is_some_and(|f| f.len("json") > 0 && f.len("people_csv") > 0), "{exports:?}");
                assert!(!view.totals.capped);
                Some((view.report.document.chars, *millis))
            }
            _ => None,
        })
        .collect();
    assert_eq!(done.len(), 1, "{done:?}");
    assert_eq!(done[0].0, SEED_000.chars().count());
    assert!(done[0].1 >= 0.0);
    assert!(events.iter().any(|e| *e == AnalyzerEvent::Progress(0.0)));
    assert!(events.iter().any(|e| *e == AnalyzerEvent::Progress(1.0)));
}

#[wasm_bindgen_test]
async fn analyzer_refuses_texts_over_the_limit_without_trying() {
    let (events, cb) = recording();
    let analyzer = Analyzer::new(cb);
    analyzer.analyze("。".repeat(MAX_TEXT_BYTES / 3 + 1));
    let failed = events.borrow().iter().find_map(|e| match e {
        AnalyzerEvent::Failed(m) => Some(m.clone()),
        _ => None,
    });
    let failed = failed.expect("no Failed for an oversized text");
    assert!(failed.contains("文本过大"), "{failed}");
    sleep(200).await;
    assert!(!events.borrow().iter().any(|e| matches!(e, AnalyzerEvent::Done { .. })));
}

#[wasm_bindgen_test]
fn page_analyze_hands_over_a_view_and_then_the_exports() {
    let out = huixi_engine::page_analyze(SEED_000).map_err(JsValue::from).expect("page_analyze failed");
    assert_eq!(get(&out, "capped").as_bool(), Some(false));
    let bytes = js_sys::Uint8Array::new(&get(&out, "view")).to_vec();
    let v: huixi_web::PageView = serde_json::from_slice(&bytes).expect("view is JSON");
    assert_eq!(v.report.document.chars, SEED_000.chars().count());
    let files = huixi_engine::page_exports();
    let json = js_sys::Uint8Array::new(&get(&files, "json")).to_vec();
    let whole: huixi::report::Report = serde_json::from_slice(&json).expect("export is a Report");
    assert_eq!(whole, v.report);
    // Taken once: a second call has nothing left to hand over.
    assert!(huixi_engine::page_exports().is_null());
}
