//! The result columns beside the input: the cards (meeting, people, outline, terms, keywords,
//! concordance, warnings, exports) and the text with what was found marked in it.

use std::rc::Rc;

use huixi::report::Span;
use yew::prelude::*;

use super::i18n::Lang;
use super::state::{Action, Analysis, AppState, Selection};
use super::{export, keywords, kwic, meeting, outline, people, terms, text_view, warnings};
use crate::bridge::Files;
use crate::dom;

/// The steps in which a capped report's cards are rendered (see `shown` in [`results`]).
const STEPS: u8 = 3;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub analysis: Rc<Analysis>,
    pub selection: Option<Rc<Selection>>,
    /// Entity kinds shown in the text.
    pub enabled: u16,
    pub kwic: String,
    pub files: Option<Files>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(Results)]
pub fn results(p: &Props) -> Html {
    let (lang, a, dispatch) = (p.lang, &p.analysis, &p.dispatch);

    // A capped (very long) report's cards come in three steps, a frame apart: rendered and laid
    // out at once, a 10 MB text's ~7,500 elements held the main thread ~180 ms in one task and
    // its frame (docs/perf-history.md, "Cards in steps"). Other reports render whole.
    let shown = use_state(|| (0u32, 0u8));
    {
        let shown = shown.clone();
        let staged = a.totals.capped.then_some(a.run);
        use_effect_with(staged, move |staged| {
            // (Step 1 needs no state: a run `shown` has not reached yet shows step 1.)
            if let Some(run) = *staged {
                dom::after_frame(move || {
                    shown.set((run, 2));
                    dom::after_frame(move || shown.set((run, STEPS)));
                });
            }
        });
    }
    let step = match *shown {
        _ if !a.totals.capped => STEPS,
        (run, step) if run == a.run => step,
        _ => 1,
    };

    let select = {
        let dispatch = dispatch.clone();
        Callback::from(move |(key, spans): (String, Vec<Span>)| {
            dispatch.dispatch(Action::Select { key, spans, scroll: Some(true) })
        })
    };
    let jump = {
        let select = select.clone();
        Callback::from(move |(key, span): (String, Span)| select.emit((key, vec![span])))
    };
    let on_term = {
        let dispatch = dispatch.clone();
        Callback::from(move |(key, text, spans): (String, String, Vec<Span>)| {
            dispatch.dispatch(Action::Kwic(text));
            dispatch.dispatch(Action::Select { key, spans, scroll: Some(false) });
        })
    };
    let on_kwic = {
        let dispatch = dispatch.clone();
        Callback::from(move |q: String| dispatch.dispatch(Action::Kwic(q)))
    };
    let on_toggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |bit: u16| dispatch.dispatch(Action::Toggle(bit)))
    };
    let selected = p.selection.as_ref().map(|s| s.key.clone());

    html! {
        <>
            <div class="col-results">
                if a.totals.capped {
                    <p class="note" id="capped-note">{ capped_note(lang) }</p>
                }
                <meeting::MeetingCard {lang} analysis={a.clone()} />
                <people::PeopleTable {lang} analysis={a.clone()} selected={selected.clone()} on_select={select} />
                <outline::OutlineView {lang} analysis={a.clone()} selected={selected.clone()} on_jump={jump.clone()} />
                if step >= 2 {
                    <terms::TermsView {lang} analysis={a.clone()} selected={selected.clone()}
                        on_term={on_term.clone()} on_jump={jump.clone()} />
                    <keywords::KeywordChart {lang} analysis={a.clone()} {on_term} />
                    <kwic::Concordance {lang} analysis={a.clone()} query={p.kwic.clone()}
                        on_query={on_kwic} on_jump={jump.clone()} />
                }
                if step >= STEPS {
                    <warnings::WarningsView {lang} analysis={a.clone()} {selected} on_jump={jump} />
                    <export::ExportView {lang} analysis={a.clone()} files={p.files.clone()} />
                }
            </div>
            <div class="col-text">
                <text_view::TextPanel {lang} analysis={a.clone()} selection={p.selection.clone()}
                    enabled={p.enabled} {on_toggle} />
            </div>
        </>
    }
}

fn capped_note(lang: Lang) -> String {
    use huixi_web::{LIST_CAP, MENTIONS_CAP};
    match lang {
        Lang::Zh => format!("文本很长：页面上每个列表最多显示 {LIST_CAP} 项、每项最多标出 {MENTIONS_CAP} 处提及，所示数目仍为全文总数；导出的 JSON、CSV、Markdown 包含全部结果。"),
        Lang::En => format!("A very long text: the page shows at most {LIST_CAP} entries per list and {MENTIONS_CAP} mentions per entry; counts are for the whole text, and the JSON, CSV and Markdown exports hold everything."),
    }
}
