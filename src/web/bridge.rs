//! Where the page's analyses run. The page asks an [`Analyzer`] to analyse a text and hears back
//! through one callback; whether the work happens on the main thread or in a Web Worker is this
//! module's business only, so the views never change when it does.
//!
//! CONTRACT (the views rely on it):
//! - `Analyzer::new(on_event)` starts preparing the dictionary at once and emits `Ready` when an
//!   analysis can start without waiting for it.
//! - `analyze(text)` cancels any analysis still running and starts this one; only the latest
//!   request ever produces `Done` (or `Failed`); `Progress` may come in between.
//! - `Failed` carries a message for the user (Chinese), saying what to do; the text is kept.

use yew::Callback;

use crate::report::Report;

#[derive(Debug, Clone, PartialEq)]
pub enum AnalyzerEvent {
    /// The dictionary is built; analyses start at once from now on.
    Ready,
    /// Fraction done (0.0–1.0) of the latest request.
    Progress(f64),
    /// The latest request's Report and how long it took (ms, wall clock).
    Done { report: Report, millis: f64 },
    /// The latest request failed; the message says what to do.
    Failed(String),
}

/// Runs analyses for the page. STUB: analyses synchronously on the main thread.
pub struct Analyzer {
    on_event: Callback<AnalyzerEvent>,
}

impl Analyzer {
    pub fn new(on_event: Callback<AnalyzerEvent>) -> Self {
        crate::warm_up();
        on_event.emit(AnalyzerEvent::Ready);
        Analyzer { on_event }
    }

    pub fn analyze(&self, text: String) {
        let t0 = now_ms();
        let report = crate::analyze(&text);
        self.on_event.emit(AnalyzerEvent::Done { report, millis: now_ms() - t0 });
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}
