//! The Report: the JSON contract read by the web UI, the JS API, the CLI and outside tools.
//! Field names are fixed by `docs/schema.md`; add fields, never rename them.

use serde::{Deserialize, Serialize};

/// Version of the JSON layout below. Bump it only for an incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// A half-open range `[start, end)` of **char** offsets (Unicode scalar values) into the input.
/// Serialised as a two-element array.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span(pub usize, pub usize);

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span(start, end.max(start))
    }
    pub fn start(&self) -> usize {
        self.0
    }
    pub fn end(&self) -> usize {
        self.1
    }
    pub fn len(&self) -> usize {
        self.1 - self.0
    }
    pub fn is_empty(&self) -> bool {
        self.1 <= self.0
    }
    pub fn contains(&self, pos: usize) -> bool {
        self.0 <= pos && pos < self.1
    }
    pub fn overlaps(&self, other: &Span) -> bool {
        self.0 < other.1 && other.0 < self.1
    }
    pub fn covers(&self, other: &Span) -> bool {
        self.0 <= other.0 && other.1 <= self.1
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub schema_version: u32,
    pub document: Document,
    pub meeting: Meeting,
    pub region: Option<Region>,
    pub people: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub outline: Vec<OutlineNode>,
    pub formulas: Vec<Formula>,
    pub campaigns: Vec<Term>,
    pub quoted: Vec<Term>,
    pub targets: Vec<Target>,
    pub keywords: Vec<Keyword>,
    pub anomalies: Vec<Anomaly>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// A news item about a meeting ("XX召开…会议", "本报讯").
    News,
    /// The text of a speech ("同志们:").
    Speech,
    #[default]
    Other,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub kind: DocumentKind,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    /// ISO date `YYYY-MM-DD` (or `--MM-DD` when the year is unknown).
    pub published: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub views: Option<u64>,
    /// Length of the input in chars.
    pub chars: usize,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Meeting {
    pub name: Option<String>,
    /// ISO date `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
    pub date: Option<String>,
    /// The meeting's year when the text tells it, with or without a day: the date's year, else
    /// the year in the meeting's name, a news page's publication date, or the year the meeting
    /// plans ("安排部署2025年工作"). Always serialized (null when unknown).
    pub year: Option<i32>,
    /// 上午 / 下午 / 晚上 / 中午 / 早上 …
    pub time_of_day: Option<String>,
    pub venue: Option<String>,
    /// 电视电话会议, 视频会议, …
    pub format: Option<String>,
    pub organizers: Vec<String>,
    /// Where the meeting is announced (the sentence naming it), if found.
    pub span: Option<Span>,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RegionLevel {
    Province,
    Prefecture,
    City,
    County,
    District,
    Township,
    Unknown,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Region {
    /// The place the document is about, e.g. 昆山, 金坛, 大理.
    pub name: String,
    pub level: RegionLevel,
}

/// The fixed role vocabulary.
pub const ROLES: [&str; 10] = ["主持", "讲话", "出席", "报告", "通报", "发言", "部署", "传达", "点评", "宣读"];

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Person {
    pub name: String,
    /// Official titles, in order of first appearance, merged over all mentions.
    pub titles: Vec<String>,
    /// Roles from [`ROLES`], in order of first appearance.
    pub roles: Vec<String>,
    /// Every mention: the name itself and pronouns (他/她) resolved to this person.
    pub mentions: Vec<Span>,
    /// Where each title and role came from: one entry per value of `titles` and `roles`, the
    /// words of its first occurrence, so a reader can check a fact against its sentence.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// What a [`Person`]'s title or role rests on.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// Which list the value is in: "title" or "role".
    pub of: String,
    /// The title or role, as in the person's `titles` or `roles`.
    pub value: String,
    /// The words that gave it: the title as written, or the trigger of the role (主持, 强调,
    /// 出席会议, 作了安排部署 …).
    pub span: Span,
}

impl Person {
    /// The evidence for a title (`of` = "title") or a role (`of` = "role").
    pub fn evidence_for(&self, of: &str, value: &str) -> Option<Span> {
        self.evidence.iter().find(|e| e.of == of && e.value == value).map(|e| e.span)
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Organization {
    pub name: String,
    pub mentions: Vec<Span>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct OutlineNode {
    /// The enumeration marker as written: "一、", "（一）", "1.", "第一，", "一是", "一要", "首先".
    pub marker: String,
    /// 1 = top level.
    pub level: u32,
    /// The heading text after the marker (up to the end of its first sentence).
    pub text: String,
    /// The person the point is attributed to, when known.
    pub speaker: Option<String>,
    /// The whole point: from its marker to the next sibling (or the end of its parent).
    pub span: Span,
    pub children: Vec<OutlineNode>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Formula {
    pub text: String,
    /// One-line explanation for well-known formulas; None for unseen ones.
    pub gloss: Option<String>,
    pub mentions: Vec<Span>,
}

/// A named thing counted by its mentions (campaigns, quoted terms).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Term {
    pub text: String,
    pub mentions: Vec<Span>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Target {
    /// The deadline or period as written and, when it resolves, normalised (e.g. "2021-12-31", "2021").
    pub when: String,
    /// The goal (the clause the deadline governs).
    pub text: String,
    pub span: Span,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Keyword {
    pub word: String,
    /// TF-IDF weight, normalised so the top keyword has 1.0.
    pub weight: f64,
    /// Term frequency: occurrences in the document body.
    pub count: usize,
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum AnomalyKind {
    /// Website chrome: view counts, font-size widgets, footers, ICP numbers, share buttons.
    Boilerplate,
    /// A template placeholder left in the text: x同志, XX, ××, 某某, a website's name as a place.
    Placeholder,
    /// A passage that belongs to another document (another place, another subject).
    OffTopic,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Anomaly {
    pub kind: AnomalyKind,
    pub span: Span,
    /// Why this was flagged, in words a reader can check.
    pub detail: String,
}
