//! The input panel: a textarea (paste or type), files (drop anywhere on the page, or pick one)
//! and the bundled samples. A file that cannot be read leaves the text in the box as it was.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::i18n::Lang;
use crate::decode::DecodeError;

/// Larger files are refused before reading: nobody pastes a 64 MB meeting report, and reading
/// one would freeze the tab.
const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// The five seeds, labelled by place and meeting (Chinese, English).
const SAMPLES: [(&str, &str, &str); 5] = [
    ("昆山 · 政法和信访工作会议", "Kunshan · political-legal and petitions meeting", include_str!("../../../seeds/000_21f538190c88e84a.txt")),
    ("金坛 · 平安金坛建设推进会议", "Jintan · Safe Jintan meeting", include_str!("../../../seeds/001_6d1adbc13df3a9af.txt")),
    ("解放区 · 政法暨平安建设工作会议", "Jiefang district · political-legal meeting", include_str!("../../../seeds/002_2a42e34fa21be9dc.txt")),
    ("讲话稿 · 综治责任书签订会上的讲话", "Speech · signing of public-security responsibility pledges", include_str!("../../../seeds/003_04741f46a19850b6.txt")),
    ("大理 · 平安大理建设推进会", "Dali · Safe Dali meeting", include_str!("../../../seeds/004_4cf3b7e9622604b5.txt")),
];

#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    Decode(DecodeError),
    /// The browser could not read the file (removed, no permission …).
    Read,
    TooLarge,
}

/// What happened to the last file.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Loaded { name: String, encoding: &'static str, warnings: Vec<String> },
    Failed { name: String, error: FileError },
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub textarea: NodeRef,
    /// `Some(text)`: analyse now (paste, drop, files, samples). `None`: typed; analyse the box
    /// once typing pauses.
    pub on_request: Callback<Option<String>>,
    pub on_notice: Callback<Option<Rc<Notice>>>,
    pub notice: Option<Rc<Notice>>,
}

#[function_component(InputPanel)]
pub fn input_panel(p: &Props) -> Html {
    let lang = p.lang;
    let picker = use_node_ref();

    let oninput = {
        let on_request = p.on_request.clone();
        let on_notice = p.on_notice.clone();
        let has_notice = p.notice.is_some();
        Callback::from(move |e: InputEvent| {
            let Some(area) = e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) else {
                return;
            };
            let kind = e.input_type();
            let at_once = kind.starts_with("insertFromPaste") || kind == "insertFromDrop";
            if has_notice {
                on_notice.emit(None);
            }
            on_request.emit(at_once.then(|| area.value()));
        })
    };

    let onchange_file = {
        let textarea = p.textarea.clone();
        let on_request = p.on_request.clone();
        let on_notice = p.on_notice.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
                return;
            };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                load_file(file, textarea.clone(), on_request.clone(), on_notice.clone());
            }
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let open_picker = {
        let picker = picker.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = picker.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };

    let onchange_sample = {
        let textarea = p.textarea.clone();
        let on_request = p.on_request.clone();
        let on_notice = p.on_notice.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else {
                return;
            };
            let Some((_, _, text)) = select.value().parse::<usize>().ok().and_then(|i| SAMPLES.get(i)) else {
                return;
            };
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                area.set_value(text);
            }
            on_notice.emit(None);
            on_request.emit(Some(text.to_string()));
        })
    };

    html! {
        <section class="input" aria-labelledby="input-heading">
            <h2 id="input-heading" class="visually-hidden">{lang.t("输入", "Input")}</h2>
            <div class="input-bar">
                <label for="samples">{lang.t("示例：", "Samples:")}</label>
                <select id="samples" onchange={onchange_sample}>
                    <option value="" selected=true>{lang.t("— 选择一篇示例 —", "— pick a sample —")}</option>
                    { for SAMPLES.iter().enumerate().map(|(i, (zh, en, _))| html! {
                        <option value={i.to_string()}>{lang.t(zh, en)}</option>
                    }) }
                </select>
            </div>
            <label for="input" class="label">{lang.t("粘贴报道或讲话全文：", "Paste the full text of a report or speech:")}</label>
            <textarea id="input" ref={p.textarea.clone()} rows="12" {oninput} spellcheck="false"
                placeholder={lang.t("例如：5月15日下午，市委政法工作会议召开。市委书记……", "e.g. 5月15日下午，市委政法工作会议召开。市委书记……")} />
            <div class="dropzone">
                <span>{lang.t("或把文件拖到页面上（.txt .html .htm .docx），或", "Or drop a file on the page (.txt .html .htm .docx), or")}</span>
                <button type="button" class="btn" onclick={open_picker}>{lang.t("选择文件…", "Choose a file…")}</button>
                <input type="file" id="file" ref={picker} class="visually-hidden" tabindex="-1" aria-hidden="true"
                    accept=".txt,.html,.htm,.docx,text/plain,text/html" onchange={onchange_file} />
            </div>
            { p.notice.as_deref().map(|n| view_notice(lang, n)).unwrap_or_default() }
        </section>
    }
}

fn view_notice(lang: Lang, n: &Notice) -> Html {
    match n {
        Notice::Loaded { name, encoding, warnings } => {
            let line = match lang {
                Lang::Zh => format!("已读取文件 {name}（{encoding}）。"),
                Lang::En => format!("Read {name} ({encoding})."),
            };
            html! {
                <div class="notice" id="file-notice">
                    <p>{line}</p>
                    if !warnings.is_empty() {
                        <>
                        <p class="warn">{lang.t("注意：文件有损坏或异常的字符，已替换（显示为 �）。", "Note: damaged characters were replaced (shown as �).")}</p>
                        <ul class="warn">{ for warnings.iter().map(|w| html! { <li>{w.clone()}</li> }) }</ul>
                        </>
                    }
                </div>
            }
        }
        Notice::Failed { name, error } => {
            let why = match error {
                FileError::Decode(e) => lang.decode_error(e),
                FileError::Read => lang.t("浏览器无法读取该文件，请重新选择。", "The browser could not read the file; pick it again.").to_string(),
                FileError::TooLarge => lang.t("文件太大（超过 64 MB）。", "The file is too large (over 64 MB).").to_string(),
            };
            let kept = lang.t("文本框中的内容未改变。", "The text in the box was kept.");
            let head = match lang {
                Lang::Zh => format!("无法读取文件 {name}："),
                Lang::En => format!("Cannot read {name}: "),
            };
            html! {
                <div class="notice error" id="file-error" role="alert">
                    <p>{head}{why}</p><p>{kept}</p>
                </div>
            }
        }
    }
}

pub fn has_files(e: &DragEvent) -> bool {
    e.data_transfer().is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

pub fn dropped_file(e: &DragEvent) -> Option<web_sys::File> {
    e.data_transfer()?.files()?.get(0)
}

/// Read a file's bytes, turn them into text and analyse it; on failure only a notice changes.
pub fn load_file(
    file: web_sys::File,
    textarea: NodeRef,
    on_request: Callback<Option<String>>,
    on_notice: Callback<Option<Rc<Notice>>>,
) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        on_notice.emit(Some(Rc::new(Notice::Failed { name, error: FileError::TooLarge })));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
            Err(_) => {
                on_notice.emit(Some(Rc::new(Notice::Failed { name, error: FileError::Read })));
                return;
            }
        };
        match crate::input::text_from_file(&bytes, &name) {
            Ok(decoded) => {
                if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                    area.set_value(&decoded.text);
                }
                on_notice.emit(Some(Rc::new(Notice::Loaded {
                    name,
                    encoding: decoded.encoding,
                    warnings: decoded.warnings.clone(),
                })));
                on_request.emit(Some(decoded.text));
            }
            Err(error) => {
                on_notice.emit(Some(Rc::new(Notice::Failed { name, error: FileError::Decode(error) })));
            }
        }
    });
}
