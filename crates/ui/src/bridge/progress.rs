//! The progress shown while a worker computes: an estimate from the text's length and the
//! measured cost of earlier runs.

use super::*;

/// Progress ticks while waiting for a worker. Each tick re-renders the page, and with megabytes
/// in the text box a re-layout is not free: a few ticks a second are enough to show movement.
const TICK_MS: i32 = 250;

/// First guess of the analysis cost (ms per char) before any run has been measured.
const DEFAULT_MS_PER_CHAR: f64 = 0.006;

pub(super) fn learn_rate(st: &mut State, chars: usize, worker_ms: Option<f64>) {
    // Short texts are dominated by fixed costs and say little about the per-char cost.
    let (Some(ms), true) = (worker_ms, chars >= 5_000) else { return };
    let rate = ms / chars as f64;
    st.ms_per_char = Some(st.ms_per_char.map_or(rate, |r| 0.5 * r + 0.5 * rate));
}

/// Progress is an estimate from the text's length and the measured cost of earlier runs; it
/// never reaches 1 before the worker answers.
pub(super) fn start_ticker(inner: &Rc<Inner>) -> Option<Interval> {
    let weak = Rc::downgrade(inner);
    Interval::new(TICK_MS, move || {
        let Some(inner) = weak.upgrade() else { return };
        let fraction = {
            let mut st = inner.state.borrow_mut();
            let rate = st.ms_per_char.unwrap_or(DEFAULT_MS_PER_CHAR);
            let Some(p) = &mut st.pending else { return };
            let estimate = (p.chars as f64 * rate).max(50.0);
            let f = ((now_ms() - p.t0) / estimate).min(0.95);
            // Whole percents only: a change the page cannot show is not worth a re-render.
            let f = (f * 100.0).floor() / 100.0;
            if f <= p.shown {
                return;
            }
            p.shown = f;
            f
        };
        inner.on_event.emit(AnalyzerEvent::Progress(fraction));
    })
}
