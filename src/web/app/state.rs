//! The page's state and the actions that change it.

use std::rc::Rc;

use yew::Reducible;

use super::i18n::Lang;
use super::input::Notice;
use super::text_view::ALL_KINDS;
use crate::report::{Report, Span};

/// One finished analysis: the text as chars (spans index it directly) and its Report.
pub struct Analysis {
    /// Which Done this is (1, 2, …): two analyses are the same exactly when their runs are.
    pub run: u32,
    pub chars: Vec<char>,
    pub report: Report,
    pub json: String,
}

impl PartialEq for Analysis {
    fn eq(&self, other: &Self) -> bool {
        self.run == other.run
    }
}

impl Analysis {
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
            seq: self.seq,
        }
    }
}

pub enum Action {
    Ready,
    Requested,
    Progress(f64),
    Done { text: Rc<str>, report: Report, millis: f64 },
    Failed(String),
    Notice(Option<Rc<Notice>>),
    Select { key: String, spans: Vec<Span>, scroll: Option<bool> },
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
            Action::Done { text, report, millis } => {
                s.runs += 1;
                let chars: Vec<char> = text.chars().collect();
                s.status = Status::Done { chars: chars.len(), millis };
                let json = serde_json::to_string_pretty(&report).unwrap_or_default();
                s.analysis = Some(Rc::new(Analysis { run: s.runs, chars, report, json }));
                // Spans of the old text mean nothing in the new one.
                s.selection = None;
            }
            Action::Failed(msg) => s.status = Status::Failed(msg),
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
