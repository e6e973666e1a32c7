//! The page's state and the actions that change it.

use std::rc::Rc;

use yew::Reducible;

use wasm_bindgen::JsValue;

use super::i18n::Lang;
use super::input::{BigText, Notice};
use super::text_view::ALL_KINDS;
use crate::bridge::Files;
use huixi::report::{Report, Span};
use huixi_web::{PageView, Totals};

/// Props of a result panel whose entries jump to a passage of the text (outline, warnings).
#[derive(yew::Properties, PartialEq)]
pub struct JumpProps {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub selected: Option<String>,
    pub on_jump: yew::Callback<(String, Span)>,
}

/// One finished analysis: the text as chars (spans index it directly) and the Report to show.
/// For a huge text the Report's lists are capped (`totals` says by how much; see `web::page`);
/// the exports, made from the whole Report, are kept apart in [`AppState::files`].
pub struct Analysis {
    /// Which Done this is (1, 2, …): two analyses are the same exactly when their runs are.
    pub run: u32,
    pub chars: Rc<Vec<char>>,
    pub report: Report,
    pub totals: Totals,
}

impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        self.run == other.run
    }
}

impl Analysis {
    /// The true size of a list shown capped: `whole` when lists were capped, else `shown`.
    pub fn len(&self, whole: usize, shown: usize) -> usize {
        if self.totals.capped {
            whole
        } else {
            shown
        }
    }

    /// The true mention count of entry `i` of a list whose mentions may be capped.
    pub fn mentions(list: &[usize], i: usize, shown: usize) -> usize {
        list.get(i).copied().unwrap_or(shown).max(shown)
    }

    /// The words around a span, up to the sentence's ends but at most `reach` chars either side:
    /// what a title's or role's evidence is shown with.
    pub fn context(&self, span: Span, reach: usize) -> String {
        let n = self.chars.len();
        let end = span.end().min(n);
        let start = span.start().min(end);
        let stop = |c: &char| matches!(c, '。' | '！' | '？' | '；' | '\n');
        let mut from = start;
        while from > 0 && start - from < reach && !stop(&self.chars[from - 1]) {
            from -= 1;
        }
        let mut to = end;
        while to < n && to - end < reach && !stop(&self.chars[to]) {
            to += 1;
        }
        let mut out: String = self.chars[from..to].iter().collect();
        if to < n && stop(&self.chars[to]) {
            out.push(self.chars[to]);
        }
        out.trim().to_string()
    }

    /// The text of a span, clipped to the text (spans of a stale report must not panic).
    pub fn slice(&self, span: Span) -> String {
        let end = span.end().min(self.chars.len());
        let start = span.start().min(end);
        self.chars[start..end].iter().collect()
    }
}

/// What the user picked (a person, a term, a warning …): its spans are marked in the text.
pub struct Selection {
    /// Bumped on every pick, so picking the same thing again scrolls to it again.
    pub seq: u32,
    /// Which control made the pick (`person:3`, `formula:1` …), shown as pressed.
    pub key: String,
    pub spans: Vec<Span>,
    /// Scroll the text to the first span: `Some(true)` also brings the text into the window,
    /// `Some(false)` only scrolls inside it (the reader stays where they clicked).
    pub scroll: Option<bool>,
}

impl PartialEq for Selection {
    fn eq(&self, other: &Self) -> bool {
        self.seq == other.seq
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Analyzing(f64),
    Done { chars: usize, millis: f64 },
    Failed(String),
}

pub struct AppState {
    pub lang: Lang,
    pub ready: bool,
    /// Count of Done events.
    pub runs: u32,
    pub status: Status,
    pub notice: Option<Rc<Notice>>,
    pub analysis: Option<Rc<Analysis>>,
    pub selection: Option<Rc<Selection>>,
    /// Entity kinds shown in the text (bits of [`super::text_view::Kind`]).
    pub enabled: u16,
    pub kwic: String,
    /// The export files of `analysis` (they may arrive after it).
    pub files: Option<Files>,
    /// A text too long for the input box, held outside it.
    pub big: Option<Rc<BigText>>,
    seq: u32,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            lang: Lang::load(),
            ready: false,
            runs: 0,
            status: Status::Idle,
            notice: None,
            analysis: None,
            selection: None,
            enabled: ALL_KINDS,
            kwic: String::new(),
            files: None,
            big: None,
            seq: 0,
        }
    }

    fn copy(&self) -> Self {
        AppState {
            lang: self.lang,
            ready: self.ready,
            runs: self.runs,
            status: self.status.clone(),
            notice: self.notice.clone(),
            analysis: self.analysis.clone(),
            selection: self.selection.clone(),
            enabled: self.enabled,
            kwic: self.kwic.clone(),
            files: self.files.clone(),
            big: self.big.clone(),
            seq: self.seq,
        }
    }
}

/// UTF-16 units of the text copied into wasm per step (about 25 ms here).
pub const CHARS_STEP: u32 = 600_000;

/// The analysed text as chars: the one copy of the text into wasm on the page, made only when its
/// result has come. A text longer than [`CHARS_STEP`] is copied a slice per frame, and `done`
/// gets the chars after the last; `alive` says whether they are still wanted.
pub fn chars_of(text: JsValue, alive: Rc<dyn Fn() -> bool>, done: Box<dyn FnOnce(Vec<char>)>) {
    use wasm_bindgen::JsCast;
    let text: js_sys::JsString = text.dyn_into().unwrap_or_else(|_| js_sys::JsString::from(""));
    let len = text.length();
    let mut chars = Vec::with_capacity(len as usize);
    if len <= CHARS_STEP {
        chars.extend(String::from(text).chars());
        done(chars);
        return;
    }
    fn step(
        text: js_sys::JsString,
        pos: u32,
        mut chars: Vec<char>,
        alive: Rc<dyn Fn() -> bool>,
        done: Box<dyn FnOnce(Vec<char>)>,
    ) {
        if !alive() {
            return;
        }
        let len = text.length();
        let mut end = (pos + CHARS_STEP).min(len);
        // Never between the halves of a surrogate pair.
        if end < len && (55296.0..56320.0).contains(&text.char_code_at(end - 1)) {
            end -= 1;
        }
        chars.extend(String::from(text.slice(pos, end)).chars());
        if end >= len {
            done(chars);
        } else {
            super::dom::after_frame(move || step(text, end, chars, alive, done));
        }
    }
    step(text, 0, chars, alive, done);
}

pub enum Action {
    Ready,
    Requested,
    Progress(f64),
    /// `chars`: the text that was analysed.
    Done {
        chars: Rc<Vec<char>>,
        view: Rc<PageView>,
        files: Option<Files>,
        millis: f64,
    },
    Files(Files),
    Big(Option<Rc<BigText>>),
    Failed(String),
    Notice(Option<Rc<Notice>>),
    Select {
        key: String,
        spans: Vec<Span>,
        scroll: Option<bool>,
    },
    Kwic(String),
    Toggle(u16),
    SetLang(Lang),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = self.copy();
        match action {
            Action::Ready => s.ready = true,
            Action::Requested => s.status = Status::Analyzing(0.0),
            Action::Progress(f) => s.status = Status::Analyzing(f),
            Action::Done { chars, view, files, millis } => {
                s.runs += 1;
                s.status = Status::Done { chars: chars.len(), millis };
                let PageView { report, totals } = Rc::try_unwrap(view).unwrap_or_else(|v| (*v).clone());
                s.analysis = Some(Rc::new(Analysis { run: s.runs, chars, report, totals }));
                s.files = files;
                // Spans of the old text mean nothing in the new one.
                s.selection = None;
            }
            Action::Failed(msg) => s.status = Status::Failed(msg),
            Action::Files(f) => s.files = Some(f),
            Action::Big(b) => s.big = b,
            Action::Notice(n) => s.notice = n,
            Action::Select { key, spans, scroll } => {
                s.seq += 1;
                s.selection = Some(Rc::new(Selection { seq: s.seq, key, spans, scroll }));
            }
            Action::Kwic(q) => s.kwic = q,
            Action::Toggle(bit) => s.enabled ^= bit,
            Action::SetLang(l) => s.lang = l,
        }
        Rc::new(s)
    }
}
