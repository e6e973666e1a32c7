//! The page's user interface module (`pkg/huixi_ui.js`): the Yew app ([`app`]) and the
//! [`bridge`] that hands its analyses to the worker. It depends on the core for the Report's
//! types only, so the linker drops jieba, its dictionary and the extractors: the page fetches and
//! instantiates a small module while the worker builds the dictionary. Loading it never mounts
//! the page: the page starts only when `run_app` is called. wasm32 only: natively the crate is
//! empty.
//!
//! With the feature `engine` (the browser tests) the module carries the engine and the file
//! reader itself instead of importing them from `pkg/huixi.js` and `pkg/huixi_read.js`.
#![cfg(target_arch = "wasm32")]

mod app;
pub mod bridge;

pub use app::run_app;
