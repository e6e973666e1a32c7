//! The browser shells (wasm32 only), built as two wasm modules from this one crate:
//!  - the engine (feature `api`, the default): the JS API for embedding ([`api`]) and the
//!    entry points of the analysis worker (`www/worker.js`);
//!  - the page's user interface (feature `ui`): the Yew app ([`app`]) and the [`bridge`] that
//!    hands its analyses to the worker. Without `api` the linker drops jieba, its dictionary and
//!    the extractors, so the page fetches and instantiates a small module while the worker builds
//!    the dictionary (docs/perf-history.md, "Two wasm modules");
//!  - the file reader (feature `read`, [`read`]): files → text, which the page loads when the
//!    user first opens a file (docs/perf-history.md, "File reader module").
//!
//! Loading any of them never mounts the page: the page starts only when `run_app` is called.
//! [`page`] (the capped view the worker hands to the page) is shared by both.

#[cfg(feature = "api")]
mod api;
#[cfg(feature = "ui")]
mod app;
#[cfg(feature = "ui")]
pub mod bridge;
pub mod page;
#[cfg(feature = "read")]
mod read;

#[cfg(feature = "api")]
pub use api::{
    add_words, analyze, analyze_stages, page_analyze, page_exports, segment, segment_count, utf16_offsets, warm_up,
    warm_up_step,
};
#[cfg(feature = "ui")]
pub use app::run_app;
#[cfg(feature = "read")]
pub use read::read_file;

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
