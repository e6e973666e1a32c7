//! The app's side of the [`Analyzer`]: [`use_requester`] creates it as the app mounts and turns
//! its events into the app's actions; the [`Requester`] it returns asks for analyses (at once,
//! or once typing pauses) and pairs each result with the text it came from.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use super::input;
use super::state::{self, Action, AppState};
use crate::bridge::{self, Analyzer, AnalyzerEvent};
use crate::dom::{self, Timer};

/// Typing pauses shorter than this do not start an analysis.
const DEBOUNCE_MS: i32 = 300;

/// Where analyses are requested: after a pause for typing, at once for paste, drop, files and
/// samples.
#[derive(Clone)]
pub(super) struct Requester {
    analyzer: Rc<RefCell<Option<Analyzer>>>,
    /// The text of the latest request (a JS string): the next `Done` belongs to it (the
    /// Analyzer's contract).
    latest: Rc<RefCell<Option<JsValue>>>,
    timer: Rc<RefCell<Option<Timer>>>,
    /// Bumped by every request: a result handed on after a pause is dropped if a newer request
    /// came in meanwhile.
    seq: Rc<std::cell::Cell<u32>>,
    /// Export files that came while their result was still on its way to the page: they go
    /// with it (else the result, dispatched after them, would drop them).
    early_files: Rc<RefCell<Option<bridge::Files>>>,
    /// A result is on its way (its text being copied in steps).
    in_flight: Rc<std::cell::Cell<bool>>,
    textarea: NodeRef,
    dispatch: UseReducerDispatcher<AppState>,
}

impl Requester {
    /// `Some(text)`: analyse it now. `None`: the user typed; analyse the box once typing pauses
    /// (read only then: copying a long text out of the box on every key would make typing lag).
    pub(super) fn request(&self, text: Option<JsValue>) {
        match text {
            Some(text) => {
                self.timer.borrow_mut().take();
                self.start(text);
            }
            None => {
                let this = self.clone();
                // Replacing the pending timer clears it: only the last pause in typing runs.
                let timer = dom::set_timeout(DEBOUNCE_MS, move || {
                    if let Some(area) = this.textarea.cast::<web_sys::HtmlTextAreaElement>() {
                        this.start(input::box_value(&area));
                    }
                });
                *self.timer.borrow_mut() = timer;
            }
        }
    }

    fn start(&self, text: JsValue) {
        *self.latest.borrow_mut() = Some(text.clone());
        self.seq.set(self.seq.get().wrapping_add(1));
        self.dispatch.dispatch(Action::Requested);
        // Before the Analyzer exists the request waits in `latest`; it is started on creation.
        let analyzer = self.analyzer.borrow();
        if let Some(a) = analyzer.as_ref() {
            a.analyze(text);
        }
    }
}

/// The app's [`Requester`], with the [`Analyzer`] behind it created once, as the app mounts.
#[hook]
pub(super) fn use_requester(dispatch: UseReducerDispatcher<AppState>, textarea: NodeRef) -> Requester {
    let analyzer = use_mut_ref(|| None::<Analyzer>);
    let latest = use_mut_ref(|| None::<JsValue>);
    let timer = use_mut_ref(|| None::<Timer>);
    let requester = use_memo((), move |_| Requester {
        analyzer,
        latest,
        timer,
        seq: Rc::new(std::cell::Cell::new(0)),
        early_files: Rc::new(RefCell::new(None)),
        in_flight: Rc::new(std::cell::Cell::new(false)),
        textarea,
        dispatch,
    });
    let requester = (*requester).clone();
    {
        // The Analyzer is created as the app mounts (it adopts the worker boot.js started), not in
        // a task after the first paint as before: that task came between the first frame and the
        // worker's 'ready', and made the page ready later (A/B of 31 first visits, twice: 306 → 285
        // and 328 → 295 ms, docs/perf-history.md, "Worker adopted at mount"). Until 'ready', the
        // status says the dictionary is being prepared.
        let requester = requester.clone();
        use_effect_with((), move |_| {
            {
                let r = requester.clone();
                let on_event = Callback::from(move |ev: AnalyzerEvent| match ev {
                    AnalyzerEvent::Ready => r.dispatch.dispatch(Action::Ready),
                    AnalyzerEvent::Progress(f) => r.dispatch.dispatch(Action::Progress(f)),
                    AnalyzerEvent::Done { view, exports, millis } => {
                        // The text into wasm now and the render in a task of its own: for a text
                        // of megabytes each takes about 0.1 s, and the page may paint between.
                        let text = r.latest.borrow().clone().unwrap_or_else(|| JsValue::from_str(""));
                        let long = input::units(&text) > state::CHARS_STEP as usize;
                        let (seq, r2, r3) = (r.seq.get(), r.clone(), r.clone());
                        let alive: Rc<dyn Fn() -> bool> = Rc::new(move || r2.seq.get() == seq);
                        let still = alive.clone();
                        r.early_files.borrow_mut().take();
                        r.in_flight.set(true);
                        state::chars_of(
                            text,
                            alive,
                            Box::new(move |chars| {
                                let chars = Rc::new(chars);
                                let done = move |r: Requester| {
                                    r.in_flight.set(false);
                                    let files = exports.or_else(|| r.early_files.borrow_mut().take());
                                    r.dispatch.dispatch(Action::Done { chars, view, files, millis });
                                };
                                if !long {
                                    done(r3);
                                    return;
                                }
                                // The render in a step of its own too.
                                dom::after_frame(move || {
                                    if still() {
                                        done(r3);
                                    }
                                });
                            }),
                        );
                    }
                    AnalyzerEvent::Exports(files) if r.in_flight.get() => *r.early_files.borrow_mut() = Some(files),
                    AnalyzerEvent::Exports(files) => r.dispatch.dispatch(Action::Files(files)),
                    AnalyzerEvent::Failed(msg) => r.dispatch.dispatch(Action::Failed(msg)),
                });
                let analyzer = Analyzer::new(on_event);
                let waiting = requester.latest.borrow().clone();
                if let Some(text) = waiting {
                    analyzer.analyze(text);
                }
                *requester.analyzer.borrow_mut() = Some(analyzer);
            }
        });
    }

    requester
}
