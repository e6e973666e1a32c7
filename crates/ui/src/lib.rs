//! The page's user interface module (`pkg/huixi_ui.js`): the Yew app ([`app`]) and the
//! [`bridge`] that hands its analyses to the worker. It depends on the core for the Report's
//! types only, so the linker drops jieba, its dictionary and the extractors: the page fetches and
//! instantiates a small module while the worker builds the dictionary. Loading it never mounts
//! the page: the page starts only when `run_app` is called.
//!
//! Natively the crate renders one thing: the app's first view, with Yew's server-side renderer
//! ([`first_view`]), which `www/index.html` carries as its shell and `tests/shell.rs` keeps current
//! ("One source for the first view" in `www/README.md`).
//!
//! With the feature `engine` (the browser tests) the module carries the engine and the file
//! reader itself instead of importing them from `pkg/huixi.js` and `pkg/huixi_read.js`.

mod app;
pub mod bridge;
mod dom;

pub use app::run_app;
#[cfg(not(target_arch = "wasm32"))]
pub use app::{first_view, first_view_constants};
