//! The wasm build in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! `bash scripts/huixi.sh test-wasm`, or `make test`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_000: &str = include_str!("../seeds/000_21f538190c88e84a.txt");

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn analyze_returns_a_plain_report_object() {
    let report = huixi::web::analyze(SEED_000).map_err(JsValue::from).expect("analyze failed");
    assert!(report.is_object());
    assert_eq!(get(&report, "schema_version").as_f64(), Some(1.0));
    let document = get(&report, "document");
    assert_eq!(get(&document, "chars").as_f64(), Some(SEED_000.chars().count() as f64));
    // json_compatible: lists are JS arrays, absent values null (not undefined).
    assert!(js_sys::Array::is_array(&get(&report, "people")));
    let region = get(&report, "region");
    assert!(region.is_null() || region.is_object());
}

#[wasm_bindgen_test]
fn analyze_survives_empty_and_junk_input() {
    for text in ["", "\u{0}\u{fffd}\u{1F600}", "。。。\n\n同志们:"] {
        let report = huixi::web::analyze(text).map_err(JsValue::from).expect("analyze failed");
        assert_eq!(get(&get(&report, "document"), "chars").as_f64(), Some(text.chars().count() as f64));
    }
}

#[wasm_bindgen_test]
fn segmentation_keeps_domain_titles_whole() {
    let words = huixi::web::segment("市委书记出席全市政法工作会议并讲话，深化扫黑除恶专项斗争。");
    assert!(words.iter().any(|w| w == "市委书记"), "{words:?}");
    assert!(words.iter().any(|w| w == "扫黑除恶"), "{words:?}");
    assert_eq!(words.concat(), "市委书记出席全市政法工作会议并讲话，深化扫黑除恶专项斗争。");
}

#[wasm_bindgen_test]
fn utf16_offsets_count_astral_chars_twice() {
    assert_eq!(huixi::web::utf16_offsets("a😀中"), vec![0, 1, 3, 4]);
}
