//! `www/index.html` holds the app's first view as static markup (the "shell", painted before the
//! app loads), and `www/boot.js` the app's words and limits it needs meanwhile. Both are written
//! from the app itself (Yew's server-side renderer, [`huixi_ui::first_view`]): this test fails when
//! they are stale, and with `HUIXI_WRITE_SHELL=1` (`make shell`; `make build` does it) rewrites
//! them. "One source for the first view" in www/README.md.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

const BLOCK_START: &str = "// <first-view>\n";
const BLOCK_END: &str = "// </first-view>\n";

fn www(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../www").join(file)
}

/// The `#app` line of index.html: the app's first view, marked as the shell.
fn shell_line() -> String {
    let view = huixi_ui::first_view();
    let tag_end = view.find('>').expect("the first view is an element");
    assert!(view.starts_with("<main "), "the first view is the app's <main>: {view:.60}");
    format!("  <div id=\"app\">{} data-shell=\"\"{}</div>\n", &view[..tag_end], &view[tag_end..])
}

/// `page` with the `#app` line replaced by `line` (None: it has no such line).
fn with_shell(page: &str, line: &str) -> Option<String> {
    let start = page.find("\n  <div id=\"app\">")? + 1;
    let end = start + page[start..].find('\n')? + 1;
    Some(format!("{}{line}{}", &page[..start], &page[end..]))
}

/// `script` with the first-view block's contents replaced by `constants`.
fn with_constants(script: &str, constants: &str) -> Option<String> {
    let start = script.find(BLOCK_START)? + BLOCK_START.len();
    let end = start + script[start..].find(BLOCK_END)?;
    Some(format!("{}{constants}{}", &script[..start], &script[end..]))
}

#[test]
fn index_html_and_boot_js_hold_the_apps_first_view() {
    let write = std::env::var_os("HUIXI_WRITE_SHELL").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (file, update) in [
        ("index.html", with_shell as fn(&str, &str) -> Option<String>, shell_line()),
        ("boot.js", with_constants, huixi_ui::first_view_constants()),
    ]
    .map(|(f, u, new)| (f, move |s: &str| u(s, &new)))
    {
        let path = www(file);
        let old = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let new = update(&old).unwrap_or_else(|| panic!("www/{file} has lost its first-view markers"));
        if new != old {
            if write {
                std::fs::write(&path, new).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            } else {
                stale.push(file);
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{} differ from the app's first view: run `make shell` and review the diff",
        stale.iter().map(|f| format!("www/{f}")).collect::<Vec<_>>().join(" and ")
    );
}

#[test]
fn the_first_view_is_chinese_idle_and_empty() {
    let view = huixi_ui::first_view();
    assert!(view.contains(r#"lang="zh-CN""#) && view.contains(r#"data-ready="false""#), "{view:.200}");
    assert!(view.contains("准备词典…"), "the status before the engine is ready");
    assert!(!view.contains("col-results"), "no results before a text");
    let constants = huixi_ui::first_view_constants();
    assert!(constants.contains("词典已就绪") && constants.contains("SHELL_BIG_PASTE = 300000"), "{constants}");
}

#[test]
fn markers_are_found_and_kept() {
    let page = "<body>\n  <div id=\"app\">old</div>\n  <noscript>x</noscript>\n";
    assert_eq!(
        with_shell(page, "  <div id=\"app\">new</div>\n").as_deref(),
        Some("<body>\n  <div id=\"app\">new</div>\n  <noscript>x</noscript>\n")
    );
    assert_eq!(with_shell("<body></body>", "x"), None);
    let script = "a;\n// <first-view>\nconst X = 1;\n// </first-view>\nb;\n";
    assert_eq!(
        with_constants(script, "const X = 2;\n").as_deref(),
        Some("a;\n// <first-view>\nconst X = 2;\n// </first-view>\nb;\n")
    );
    assert_eq!(with_constants("a;", "x"), None);
}
