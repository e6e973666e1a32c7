//! The page's header: the name, what it does, and the language toggle.

use yew::prelude::*;

use super::i18n::Lang;
use super::state::{Action, AppState};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component(Header)]
pub fn header(p: &Props) -> Html {
    let lang = p.lang;
    let toggle_lang = {
        let dispatch = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let next = lang.other();
            next.apply();
            dispatch.dispatch(Action::SetLang(next));
        })
    };
    html! {
        <header class="top">
            <h1>{"会析 "}<small>{"huixi"}</small></h1>
            <p class="lead">{lang.t(
                "政法、综治、平安建设等工作会议报道与讲话的结构化分析。全部在本机浏览器中运行，文本不会上传。",
                "Structured reading of Chinese work-meeting reports and speeches (political-legal, public security, petitions). Runs entirely in your browser; nothing is uploaded.")}</p>
            <button type="button" class="lang" onclick={toggle_lang} lang={lang.other().code()}>
                {lang.t("English", "中文")}
            </button>
        </header>
    }
}
