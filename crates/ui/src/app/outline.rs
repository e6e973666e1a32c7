//! The outline of the speech or report as a collapsible tree; each point jumps to its heading.

use yew::prelude::*;

use super::kwic::find_all;
use super::state::JumpProps as Props;
use super::Analysis;
use huixi::report::{OutlineNode, Span};

/// The heading of a point (its marker and first sentence), not its whole body, which can run
/// for pages.
fn heading_span(a: &Analysis, n: &OutlineNode) -> Span {
    let start = n.span.start().min(a.chars.len());
    let end = n.span.end().min(a.chars.len()).max(start);
    let heading: Vec<char> = n.text.chars().collect();
    let marker = n.marker.chars().count();
    // The heading follows the marker closely; look only there.
    let window_end = (start + marker + heading.len() + 8).min(end);
    if let Some(&at) = find_all(&a.chars[start..window_end], &heading, 1).first() {
        return Span::new(start, start + at + heading.len());
    }
    Span::new(start, (start + marker + heading.len()).min(end))
}

#[function_component(OutlineView)]
pub fn outline_view(p: &Props) -> Html {
    let l = p.lang;
    let outline = &p.analysis.report.outline;
    fn count(nodes: &[OutlineNode]) -> usize {
        nodes.iter().map(|n| 1 + count(&n.children)).sum()
    }
    html! {
        <section class="card outline" id="outline">
            <details open=true>
                <summary><h2>{l.t("提纲", "Outline")}<span class="count">{p.analysis.len(p.analysis.totals.outline_len, count(outline)).to_string()}</span></h2></summary>
                if outline.is_empty() {
                    <p class="empty">{l.t("（未识别到提纲）", "(no outline found)")}</p>
                } else {
                    { nodes(p, outline, "o") }
                }
            </details>
        </section>
    }
}

fn nodes(p: &Props, list: &[OutlineNode], path: &str) -> Html {
    html! {
        <ul class="tree">
            { for list.iter().enumerate().map(|(i, n)| node(p, n, &format!("{path}.{i}"))) }
        </ul>
    }
}

fn node(p: &Props, n: &OutlineNode, path: &str) -> Html {
    let key = format!("outline:{path}");
    let pressed = p.selected.as_deref() == Some(key.as_str());
    let span = heading_span(&p.analysis, n);
    let onclick = {
        let on_jump = p.on_jump.clone();
        let key = key.clone();
        Callback::from(move |e: MouseEvent| {
            // Inside <summary> a click would also fold the branch.
            e.prevent_default();
            on_jump.emit((key.clone(), span));
        })
    };
    let button = html! {
        <button type="button" class="node" aria-pressed={pressed.to_string()} {onclick}>
            <span class="marker">{n.marker.clone()}</span>
            <span class="heading">{n.text.clone()}</span>
            if let Some(s) = n.speaker.as_ref() {
                <span class="speaker">{format!("— {s}")}</span>
            }
        </button>
    };
    if n.children.is_empty() {
        html! { <li class="leaf">{button}</li> }
    } else {
        html! {
            <li>
                <details open=true>
                    <summary>{button}</summary>
                    { nodes(p, &n.children, path) }
                </details>
            </li>
        }
    }
}
