//! The text with what huixi found marked in it. The text is split at every span boundary into
//! plain text nodes, some wrapped in `<span class="e-…">`; it is never parsed as HTML.

use std::rc::Rc;

use yew::prelude::*;

use super::i18n::Lang;
use super::kwic::find_all;
use super::{dom, Analysis, Selection};
use huixi::report::Span;

/// More than this many chars are shown unmarked: a few hundred thousand spans would freeze the
/// page, and no meeting report is that long.
pub const CAP: usize = 200_000;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Title,
    Org,
    Formula,
    Campaign,
    Date,
    Warning,
}

const KINDS: [Kind; 7] =
    [Kind::Person, Kind::Title, Kind::Org, Kind::Formula, Kind::Campaign, Kind::Date, Kind::Warning];
pub const ALL_KINDS: u16 = (1 << KINDS.len()) - 1;
/// Not a kind: the user's current pick.
const SELECTED: usize = KINDS.len();

impl Kind {
    pub fn bit(self) -> u16 {
        1 << (self as u16)
    }
    fn class(self) -> &'static str {
        match self {
            Kind::Person => "e-person",
            Kind::Title => "e-title",
            Kind::Org => "e-org",
            Kind::Formula => "e-formula",
            Kind::Campaign => "e-campaign",
            Kind::Date => "e-date",
            Kind::Warning => "e-warning",
        }
    }
    fn label(self, l: Lang) -> &'static str {
        match self {
            Kind::Person => l.t("人物", "people"),
            Kind::Title => l.t("职务", "titles"),
            Kind::Org => l.t("机构", "organisations"),
            Kind::Formula => l.t("提法", "formulas"),
            Kind::Campaign => l.t("专项行动", "campaigns"),
            Kind::Date => l.t("会议与目标时间", "meeting & targets"),
            Kind::Warning => l.t("警告", "warnings"),
        }
    }
}

/// Every marked span with the index of its kind, clipped to the rendered part of the text.
fn marks(a: &Analysis, limit: usize) -> Vec<(Span, usize)> {
    let r = &a.report;
    let mut out = Vec::new();
    let mut add = |kind: Kind, spans: &mut dyn Iterator<Item = Span>| {
        for s in spans {
            let end = s.end().min(limit);
            if s.start() < end {
                out.push((Span(s.start(), end), kind as usize));
            }
        }
    };
    add(Kind::Person, &mut r.people.iter().flat_map(|p| p.mentions.iter().copied()));
    add(Kind::Org, &mut r.organizations.iter().flat_map(|o| o.mentions.iter().copied()));
    add(Kind::Formula, &mut r.formulas.iter().flat_map(|f| f.mentions.iter().copied()));
    add(Kind::Campaign, &mut r.campaigns.iter().flat_map(|c| c.mentions.iter().copied()));
    add(Kind::Date, &mut r.targets.iter().map(|t| t.span).chain(r.meeting.span));
    add(Kind::Warning, &mut r.anomalies.iter().map(|x| x.span));
    // A title's evidence is where it is first written: mark every place it is written.
    let mut titles: Vec<&str> = r.people.iter().flat_map(|p| p.titles.iter().map(String::as_str)).collect();
    titles.sort_unstable();
    titles.dedup();
    let text = &a.chars[..limit.min(a.chars.len())];
    for t in titles {
        let needle: Vec<char> = t.chars().collect();
        let spans = find_all(text, &needle, usize::MAX).into_iter().map(|s| Span(s, s + needle.len()));
        add(Kind::Title, &mut spans.collect::<Vec<_>>().into_iter());
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub selection: Option<Rc<Selection>>,
    pub enabled: u16,
    pub on_toggle: Callback<u16>,
}

#[function_component(TextPanel)]
pub fn text_panel(p: &Props) -> Html {
    let l = p.lang;
    let legend = KINDS.iter().map(|&k| {
        let on_toggle = p.on_toggle.clone();
        let onchange = Callback::from(move |_: Event| on_toggle.emit(k.bit()));
        let id = format!("legend-{}", k.class());
        html! {
            <label for={id.clone()} class="legend-item">
                <input type="checkbox" id={id} checked={p.enabled & k.bit() != 0} {onchange} />
                <span class={classes!("swatch", k.class())}>{k.label(l)}</span>
            </label>
        }
    });
    let total = p.analysis.chars.len();
    html! {
        <section class="card text" id="text" aria-labelledby="text-heading">
            <h2 id="text-heading">{l.t("原文", "Text")}</h2>
            <fieldset class="legend">
                <legend>{l.t("标注（勾选以显示）", "Marks (tick to show)")}</legend>
                { for legend }
            </fieldset>
            if total > CAP {
                <p class="note">{ match l {
                    Lang::Zh => format!("全文共 {total} 字，仅显示并标注前 {CAP} 字；分析结果与检索仍覆盖全文。"),
                    Lang::En => format!("The text has {total} chars; only the first {CAP} are shown and marked. The analysis and the concordance cover all of it."),
                } }</p>
            }
            <TextBody analysis={p.analysis.clone()} selection={p.selection.clone()} enabled={p.enabled} lang={l} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    lang: Lang,
    analysis: Rc<Analysis>,
    selection: Option<Rc<Selection>>,
    enabled: u16,
}

/// The text is rendered in pieces of this many chars, one more per turn of the event loop, so
/// that showing 200,000 marked chars never holds the page for long; pieces out of sight are not
/// laid out (`content-visibility: auto` in style.css).
const CHUNK: usize = 10_000;

#[function_component(TextBody)]
fn text_body(p: &BodyProps) -> Html {
    let a = &p.analysis;
    let limit = a.chars.len().min(CAP);
    let marks = {
        let a = a.clone();
        use_memo(a.run, move |_| {
            let mut m = marks(&a, limit);
            m.sort_unstable_by_key(|(s, _)| s.start());
            m
        })
    };
    let starts = {
        let a = a.clone();
        use_memo(a.run, move |_| piece_starts(&a.chars[..limit]))
    };
    // How many pieces are rendered, for which run: the rest follow one per timeout.
    let shown = use_state(|| (0u32, 1usize));
    let pieces = starts.len();
    let count = if shown.0 == a.run { shown.1.min(pieces) } else { 1 };
    let timer = use_mut_ref(|| None::<dom::Timer>);
    {
        let shown = shown.clone();
        let run = a.run;
        use_effect_with((run, count), move |&(run, count)| {
            *timer.borrow_mut() =
                if count < pieces { dom::set_timeout(0, move || shown.set((run, count + 1))) } else { None };
        });
    }
    {
        let selection = p.selection.clone();
        let complete = count >= pieces;
        use_effect_with((p.selection.as_ref().map(|s| s.seq), complete), move |_| {
            if let Some(window) = selection.and_then(|s| s.scroll) {
                dom::reveal_in("#text-view", ".sel-first", window);
            }
        });
    }

    let mut outside = false;
    let mut sel: Vec<Span> = Vec::new();
    if let Some(s) = p.selection.as_ref() {
        for span in &s.spans {
            let end = span.end().min(limit);
            if span.start() < end {
                sel.push(Span(span.start(), end));
            } else if !span.is_empty() {
                outside = true;
            }
        }
    }
    let first_sel = sel.iter().map(|s| s.start()).min();
    let chunks = (0..count).map(|i| {
        let range = Span(starts[i], starts.get(i + 1).copied().unwrap_or(limit));
        let here: Vec<Span> = sel.iter().filter(|s| s.overlaps(&range)).copied().collect();
        html! {
            <Piece key={i} analysis={a.clone()} marks={marks.clone()} {range} enabled={p.enabled}
                sel={here} first_sel={first_sel.filter(|&f| range.contains(f))} />
        }
    });

    html! {
        <>
        if outside {
            <p class="note">{p.lang.t("所选位置在显示范围之外。", "The picked passage lies beyond the part shown.")}</p>
        }
        <div id="text-view" class={classes!("text-view", (a.chars.len() > CAP).then_some("lazy"))} tabindex="0" role="region"
            aria-label={p.lang.t("标注后的原文", "The marked text")}>
            { for chunks }
        </div>
        </>
    }
}

/// Where the pieces start: about every [`CHUNK`] chars, just after a line break when there is
/// one near (a lazily laid-out piece is a block, and a block ends its line).
fn piece_starts(text: &[char]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut pos = 0;
    while pos + CHUNK < text.len() {
        let next = pos + CHUNK;
        let window = &text[next..(next + CHUNK / 2).min(text.len())];
        pos = window.iter().position(|&c| c == '\n').map_or(next, |i| next + i + 1);
        if pos >= text.len() {
            break;
        }
        starts.push(pos);
    }
    starts
}

#[derive(Properties, PartialEq)]
struct PieceProps {
    analysis: Rc<Analysis>,
    /// All marks of the run, sorted by start.
    marks: Rc<Vec<(Span, usize)>>,
    range: Span,
    enabled: u16,
    /// The selected spans that touch this piece.
    sel: Vec<Span>,
    /// Where the first selected span starts, when it is in this piece.
    first_sel: Option<usize>,
}

/// One piece of the text, split at every mark boundary into text nodes.
#[function_component(Piece)]
fn piece(p: &PieceProps) -> Html {
    let a = &p.analysis;
    let (from, to) = (p.range.start(), p.range.end().min(a.chars.len()));
    // Boundary events: +1 where a span of a kind starts, -1 where it ends, clipped to the piece.
    // Marks are sorted by start; the longest reaches back a few hundred chars at most, but a
    // warning may cover pages: look back over all that start before the piece.
    let mut events: Vec<(usize, usize, i32)> = Vec::new();
    let upto = p.marks.partition_point(|(s, _)| s.start() < to);
    for &(s, k) in &p.marks[..upto] {
        if p.enabled & (1 << k) != 0 && s.end() > from {
            events.push((s.start().max(from), k, 1));
            events.push((s.end().min(to), k, -1));
        }
    }
    for s in &p.sel {
        events.push((s.start().max(from), SELECTED, 1));
        events.push((s.end().min(to), SELECTED, -1));
    }
    events.sort_unstable();

    let mut counts = [0i32; KINDS.len() + 1];
    let mut nodes: Vec<Html> = Vec::with_capacity(events.len() + 1);
    let mut pos = from;
    let mut first_sel = p.first_sel;
    let mut i = 0;
    while pos < to {
        while i < events.len() && events[i].0 <= pos {
            let (_, k, d) = events[i];
            counts[k] += d;
            i += 1;
        }
        let next = events.get(i).map_or(to, |e| e.0.min(to));
        let piece: String = a.chars[pos..next.max(pos)].iter().collect();
        let active: Vec<usize> = (0..counts.len()).filter(|&k| counts[k] > 0).collect();
        if active.is_empty() {
            nodes.push(Html::from(piece));
        } else {
            let mut class = Classes::new();
            for &k in &active {
                match KINDS.get(k) {
                    Some(kind) => class.push(kind.class()),
                    None => {
                        class.push("sel");
                        if first_sel.is_some_and(|f| f <= pos) {
                            class.push("sel-first");
                            first_sel = None;
                        }
                    }
                }
            }
            nodes.push(html! { <span {class}>{piece}</span> });
        }
        if next <= pos {
            break;
        }
        pos = next;
    }
    html! { <span class="piece">{ for nodes }</span> }
}
