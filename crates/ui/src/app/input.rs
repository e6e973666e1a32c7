//! The input panel: a textarea (paste or type), files (drop anywhere on the page, or pick one)
//! and the bundled samples. A file that cannot be read leaves the text in the box as it was.
//!
//! A text of megabytes is never put in the textarea: the browser lays out all of a textarea's
//! text on every change (about 0.3 s per million chars here, and each keystroke after it costs
//! as much), so a 10 MB paste froze the page for seconds. Pastes, files and samples of
//! [`BIG_TEXT`] units or more are held as a JS string instead and shown as a short preview with
//! their size; the analysis, the marked text and the exports cover all of it.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::i18n::Lang;

/// Larger files are refused before reading: nobody pastes a 64 MB meeting report, and reading
/// one would freeze the tab.
const MAX_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// Texts at least this long (UTF-16 units, about chars) stay out of the textarea. The box takes
/// such a text in well under 0.1 s; ten times more takes a second.
pub const BIG_TEXT: usize = 300_000;

/// Chars of a held text shown as its preview.
const PREVIEW: u32 = 1_500;

/// A text too long for the input box.
pub struct BigText {
    /// The JS string, never copied into wasm here.
    pub text: JsValue,
    /// Length in UTF-16 units.
    pub units: usize,
    pub preview: String,
    seq: u32,
}

impl PartialEq for BigText {
    fn eq(&self, other: &Self) -> bool {
        self.seq == other.seq
    }
}

impl BigText {
    pub fn new(text: JsValue) -> Self {
        thread_local!(static SEQ: Cell<u32> = const { Cell::new(0) });
        let s: &js_sys::JsString = text.unchecked_ref();
        let units = s.length() as usize;
        // Not in the middle of a surrogate pair.
        let mut end = PREVIEW.min(s.length());
        if end > 0 && (55296.0..56320.0).contains(&s.char_code_at(end - 1)) {
            end -= 1;
        }
        let preview = String::from(s.slice(0, end));
        let seq = SEQ.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        BigText { text, units, preview, seq }
    }
}

/// Length of a JS string in UTF-16 units.
pub fn units(text: &JsValue) -> usize {
    text.dyn_ref::<js_sys::JsString>().map_or(0, |s| s.length() as usize)
}

/// The textarea's value as the JS string it is (`value()` would copy it into wasm).
pub fn box_value(area: &HtmlTextAreaElement) -> JsValue {
    js_sys::Reflect::get(area, &"value".into()).unwrap_or_else(|_| JsValue::from_str(""))
}

/// The five seeds, labelled by place and meeting (Chinese, English).
const SAMPLES: [(&str, &str, &str); 5] = [
    (
        "昆山 · 政法和信访工作会议",
        "Kunshan · political-legal and petitions meeting",
        include_str!("../../../../seeds/000_21f538190c88e84a.txt"),
    ),
    (
        "金坛 · 平安金坛建设推进会议",
        "Jintan · Safe Jintan meeting",
        include_str!("../../../../seeds/001_6d1adbc13df3a9af.txt"),
    ),
    (
        "解放区 · 政法暨平安建设工作会议",
        "Jiefang district · political-legal meeting",
        include_str!("../../../../seeds/002_2a42e34fa21be9dc.txt"),
    ),
    (
        "讲话稿 · 综治责任书签订会上的讲话",
        "Speech · signing of public-security responsibility pledges",
        include_str!("../../../../seeds/003_04741f46a19850b6.txt"),
    ),
    (
        "大理 · 平安大理建设推进会",
        "Dali · Safe Dali meeting",
        include_str!("../../../../seeds/004_4cf3b7e9622604b5.txt"),
    ),
];

#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// Not a text the reader can decode, and what to do, in both languages (`DecodeError`'s
    /// Display and its `chinese()`), so the notice follows the language toggle.
    Decode {
        en: String,
        zh: String,
    },
    /// The browser could not read the file (removed, no permission …).
    Read,
    TooLarge,
    /// The file reader module could not be loaded (why, as the browser said it).
    // With `engine` the module reads files itself and never loads a reader.
    #[cfg_attr(feature = "engine", allow(dead_code))]
    Reader(String),
}

/// What happened to the last file.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Loaded { name: String, encoding: String, warnings: Vec<String> },
    Failed { name: String, error: FileError },
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub textarea: NodeRef,
    /// `Some(text)`: analyse now (a paste into the box). `None`: typed; analyse the box once
    /// typing pauses.
    pub on_request: Callback<Option<JsValue>>,
    /// A new text replaces the box's (or the held one) and is analysed: files, samples, long
    /// pastes.
    pub on_text: Callback<JsValue>,
    /// The text held outside the box, if any.
    pub big: Option<Rc<BigText>>,
    /// Back to the box with the held text in it.
    pub on_unhold: Callback<()>,
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
            on_request.emit(at_once.then(|| box_value(&area)));
        })
    };
    // A long paste would freeze the page in the box: take it before the browser inserts it.
    let onpaste = {
        let on_text = p.on_text.clone();
        Callback::from(move |e: Event| {
            let Some(pasted) = pasted_text(&e) else { return };
            if units(&pasted) < BIG_TEXT {
                return;
            }
            e.prevent_default();
            // What the browser would have made: the paste replaces the selection.
            let text = match e.target().and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok()) {
                Some(area) => {
                    let value: js_sys::JsString = box_value(&area).unchecked_into();
                    let len = value.length();
                    let a = area.selection_start().ok().flatten().unwrap_or(len).min(len);
                    let b = area.selection_end().ok().flatten().unwrap_or(len).clamp(a, len);
                    let text = value.slice(0, a).concat(&pasted).concat(&value.slice(b, len));
                    JsValue::from(text)
                }
                None => pasted,
            };
            on_text.emit(text);
        })
    };
    // On the held text's panel, a paste replaces it, whatever its length.
    let onpaste_big = {
        let on_text = p.on_text.clone();
        Callback::from(move |e: Event| {
            if let Some(pasted) = pasted_text(&e) {
                e.prevent_default();
                on_text.emit(pasted);
            }
        })
    };

    let onchange_file = {
        let on_text = p.on_text.clone();
        let on_notice = p.on_notice.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
                return;
            };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                load_file(file, on_text.clone(), on_notice.clone());
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
        let on_text = p.on_text.clone();
        let on_notice = p.on_notice.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else {
                return;
            };
            let Some((_, _, text)) = select.value().parse::<usize>().ok().and_then(|i| SAMPLES.get(i)) else {
                return;
            };
            on_notice.emit(None);
            on_text.emit(JsValue::from_str(text));
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
            if let Some(big) = p.big.as_deref() {
                { view_big(lang, big, onpaste_big, p.on_text.clone(), p.on_unhold.clone()) }
            }
            <textarea id="input" ref={p.textarea.clone()} rows="12" {oninput} {onpaste} spellcheck="false"
                hidden={p.big.is_some()}
                placeholder={lang.t("例如：5月15日下午，市委政法工作会议召开。市委书记……", "e.g. 5月15日下午，市委政法工作会议召开。市委书记……")} />
            <div class="dropzone">
                <span>{lang.t("或把文件拖到页面上（.txt .html .htm .docx），或", "Or drop a file on the page (.txt .html .htm .docx), or")}</span>
                <button type="button" class="btn" onclick={open_picker}>{lang.t("选择文件…", "Choose a file…")}</button>
                // Not laid out at all (`hidden`; the button opens it): its own "Choose File" in
                // the browser's UI font cost the page's first frame a font fallback and a strike
                // of its own (ready 206 → 191 ms, docs/perf-history.md, "File input hidden").
                <input type="file" id="file" ref={picker} hidden=true
                    accept=".txt,.html,.htm,.docx,text/plain,text/html" onchange={onchange_file} />
            </div>
            { p.notice.as_deref().map(|n| view_notice(lang, n)).unwrap_or_default() }
        </section>
    }
}

/// The text from a paste event's clipboard data, as a JS string.
fn pasted_text(e: &Event) -> Option<JsValue> {
    let data = js_sys::Reflect::get(e, &"clipboardData".into()).ok().filter(|d| d.is_object())?;
    let get = js_sys::Reflect::get(&data, &"getData".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    get.call1(&data, &"text/plain".into()).ok().filter(JsValue::is_string)
}

fn view_big(
    lang: Lang,
    big: &BigText,
    onpaste: Callback<Event>,
    on_text: Callback<JsValue>,
    on_unhold: Callback<()>,
) -> Html {
    let head = match lang {
        Lang::Zh => format!("长文本：约 {} 字。为保持页面流畅，全文不放入输入框；分析与导出覆盖全文。", big.units),
        Lang::En => format!("A long text: about {} chars. It is kept out of the input box so the page stays responsive; the analysis and the exports cover all of it.", big.units),
    };
    let clear = Callback::from(move |_: MouseEvent| on_text.emit(JsValue::from_str("")));
    let edit = Callback::from(move |_: MouseEvent| on_unhold.emit(()));
    html! {
        <div class="big-text" id="big-text" tabindex="0" role="region" {onpaste}
            aria-label={lang.t("已载入的长文本", "The long text")}>
            <p class="big-head">{head}</p>
            <div class="big-preview">{big.preview.clone()}{"……"}</div>
            <div class="buttons">
                <button type="button" class="btn" id="big-clear" onclick={clear}>{lang.t("清除", "Clear")}</button>
                <button type="button" class="btn" id="big-edit" onclick={edit}>
                    {lang.t("放入输入框编辑（页面会卡顿）", "Edit it in the box (slow)")}
                </button>
            </div>
            <p class="hint">{lang.t("在此处粘贴可替换这段文本。", "Paste here to replace it.")}</p>
        </div>
    }
}

fn view_notice(lang: Lang, n: &Notice) -> Html {
    match n {
        Notice::Loaded { name, encoding, warnings } => {
            let line = match lang {
                Lang::Zh => format!("已读取文件 {name}（{encoding}）。"),
                Lang::En => format!("Read {name} ({encoding})."),
            };
            // Each warning is written in both languages by the reader (Chinese first).
            let warn_head = lang.t("注意：", "Note:");
            html! {
                <div class="notice" id="file-notice">
                    <p>{line}</p>
                    if !warnings.is_empty() {
                        <>
                        <p class="warn">{warn_head}</p>
                        <ul class="warn">{ for warnings.iter().map(|w| html! { <li>{w.clone()}</li> }) }</ul>
                        </>
                    }
                </div>
            }
        }
        Notice::Failed { name, error } => {
            let why = match error {
                FileError::Decode { en, zh } => match lang {
                    Lang::Zh => zh.clone(),
                    Lang::En => en.clone(),
                },
                FileError::Reader(why) => match lang {
                    Lang::Zh => format!("无法加载读取文件的模块（{why}）。请检查网络后刷新页面再试，或直接粘贴文本。"),
                    Lang::En => format!("The file reader could not be loaded ({why}). Check the connection and reload the page, or paste the text instead."),
                },
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
pub fn load_file(file: web_sys::File, on_text: Callback<JsValue>, on_notice: Callback<Option<Rc<Notice>>>) {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        on_notice.emit(Some(Rc::new(Notice::Failed { name, error: FileError::TooLarge })));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buf) => js_sys::Uint8Array::new(&buf),
            Err(_) => {
                on_notice.emit(Some(Rc::new(Notice::Failed { name, error: FileError::Read })));
                return;
            }
        };
        match reader::read(&bytes, &name).await {
            Ok(read) => {
                on_notice.emit(Some(Rc::new(Notice::Loaded {
                    name,
                    encoding: read.encoding,
                    warnings: read.warnings,
                })));
                on_text.emit(read.text);
            }
            Err(error) => on_notice.emit(Some(Rc::new(Notice::Failed { name, error }))),
        }
    });
}

/// A file's text as the reader decoded it.
struct FileText {
    /// A JS string.
    text: JsValue,
    encoding: String,
    warnings: Vec<String>,
}

/// Files → text (`huixi-input`: encodings, web pages, Word) is not in the page's own module: it
/// is a third of that module's bytes (encoding_rs's tables, the HTML reader, inflate), and the
/// page's start fetched and compiled them for every visit, while few visits read a file (A/B:
/// ready 300 → 273 ms, docs/perf-history.md, "File reader module"). The first file starts
/// `www/read-worker.js` through `www/page-engine.js`, which reads files with `pkg/huixi_read.js`
/// off the main thread (a file the reader fails on is the file's problem: `error`/`error_zh`);
/// a module built with the engine (feature `engine`: the browser tests) reads files itself.
#[cfg(feature = "engine")]
mod reader {
    use super::{FileError, FileText};
    use wasm_bindgen::JsValue;

    pub async fn read(bytes: &js_sys::Uint8Array, name: &str) -> Result<FileText, FileError> {
        match huixi_input::text_from_file(&bytes.to_vec(), name) {
            Ok(d) => {
                Ok(FileText { text: JsValue::from_str(&d.text), encoding: d.encoding.to_owned(), warnings: d.warnings })
            }
            Err(e) => Err(FileError::Decode { en: e.to_string(), zh: e.chinese() }),
        }
    }
}

#[cfg(not(feature = "engine"))]
mod reader {
    use super::{FileError, FileText};
    use crate::dom::{describe, field};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    // www/page-engine.js, as the bridge's engine: a fixed path next to the page.
    #[wasm_bindgen(raw_module = "../page-engine.js")]
    extern "C" {
        #[wasm_bindgen(catch)]
        fn huixi_read_file(bytes: &js_sys::Uint8Array, name: &str) -> Result<js_sys::Promise, JsValue>;
    }

    /// `crates/reader/src/lib.rs` answers `{ text, encoding, warnings }` or `{ error, error_zh }`.
    pub async fn read(bytes: &js_sys::Uint8Array, name: &str) -> Result<FileText, FileError> {
        let reader_failed = |e: JsValue| FileError::Reader(describe(&e));
        let promise = huixi_read_file(bytes, name).map_err(reader_failed)?;
        let out = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(reader_failed)?;
        if let Some(en) = field(&out, "error").as_string() {
            let zh = field(&out, "error_zh").as_string().unwrap_or_else(|| en.clone());
            return Err(FileError::Decode { en, zh });
        }
        let text = field(&out, "text");
        if !text.is_string() {
            return Err(FileError::Reader("no text in the reader's answer".to_owned()));
        }
        let warnings = field(&out, "warnings")
            .dyn_into::<js_sys::Array>()
            .map(|a| a.iter().filter_map(|w| w.as_string()).collect())
            .unwrap_or_default();
        let encoding = field(&out, "encoding").as_string().unwrap_or_default();
        Ok(FileText { text, encoding, warnings })
    }
}
