//! The browser shells (wasm32 only): a JS API for embedding ([`api`]) and the Yew page
//! ([`app`]). Loading the module never mounts the page: other sites import the same module
//! only for `analyze`, so the page starts only when `run_app` is called.

mod api;
mod app;
pub mod bridge;
pub mod page;

pub use api::{add_words, analyze, analyze_stages, page_analyze, page_exports, segment, segment_count, utf16_offsets, warm_up};
pub use app::run_app;

/// Report panics on the console instead of failing silently (wasm32 aborts on panic, and the
/// default hook's message goes nowhere visible). Every entry point calls this; only the first
/// call installs the hook.
pub(crate) fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            web_sys::console::error_1(&format!("huixi panicked: {info}").into());
        }));
    });
}
