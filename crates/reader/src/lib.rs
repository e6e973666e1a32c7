//! The file reader module (`pkg/huixi_read.js`): a file's bytes → its text, for the page, which
//! loads it when the user first drops or picks a file (`www/page-engine.js`). It holds
//! `huixi-input` (encodings, web pages, Word) and nothing else, so the page's own module does not
//! carry those bytes into every start. wasm32 only: natively the crate is empty.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;

use huixi_web::install_panic_hook;

/// The text of a file (`name` tells its kind by extension, as in the CLI): `{ text, encoding,
/// warnings }`, or `{ error, error_zh }` when it is not a text huixi reads (what went wrong and
/// what to do, in English and in Chinese).
#[wasm_bindgen]
pub fn read_file(bytes: &[u8], name: &str) -> js_sys::Object {
    install_panic_hook();
    let out = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&out, &key.into(), value);
    };
    match huixi_input::text_from_file(bytes, name) {
        Ok(decoded) => {
            set("text", &JsValue::from_str(&decoded.text));
            set("encoding", &JsValue::from_str(decoded.encoding));
            let warnings: js_sys::Array = decoded.warnings.iter().map(|w| JsValue::from_str(w)).collect();
            set("warnings", &warnings);
        }
        Err(e) => {
            set("error", &JsValue::from_str(&e.to_string()));
            set("error_zh", &JsValue::from_str(&e.chinese()));
        }
    }
    out
}
