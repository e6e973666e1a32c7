//! The `huixi` binary end to end: arguments, formats, encodings, errors and exit codes.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn seed(n: usize) -> PathBuf {
    huixi_testkit::seed_path(&format!("{n:03}_"))
}

fn huixi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huixi")).args(args).output().expect("run huixi")
}

fn huixi_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_huixi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run huixi");
    // huixi may exit before reading stdin (e.g. on a usage error): a broken pipe here is fine,
    // the assertions are on its exit status and output.
    let _ = child.stdin.take().expect("stdin").write_all(input);
    child.wait_with_output().expect("wait")
}

/// A file in the temp dir, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("huixi-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("write temp file");
        TempFile(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("invalid JSON ({e}): {s:.200}"))
}

const NEWS: &str = "本报讯 5月15日下午，市委、市政府召开全市政法工作会议。市委书记王建国出席会议并讲话。\n\
他强调，要深入推进社会治理现代化，切实维护社会稳定，扎实做好信访工作。\n";

#[test]
fn one_seed_gives_pretty_json_schema_1() {
    let path = seed(0);
    let o = huixi(&["analyze", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("{\n"), "pretty JSON expected");
    let v = json(&out);
    assert_eq!(v["schema_version"], 1);
    assert!(v["document"]["chars"].as_u64().unwrap_or(0) > 1000);
}

#[test]
fn two_files_give_two_json_lines_in_input_order() {
    let (a, b) = (seed(3), seed(0));
    let o = huixi(&["analyze", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    let chars = |p: &PathBuf| std::fs::read_to_string(p).unwrap().chars().count() as u64;
    assert_eq!(json(lines[0])["document"]["chars"].as_u64(), Some(chars(&a)));
    assert_eq!(json(lines[1])["document"]["chars"].as_u64(), Some(chars(&b)));
}

#[test]
fn many_files_in_parallel_keep_order() {
    let files: Vec<PathBuf> = (0..5).cycle().take(12).map(seed).collect();
    let mut args = vec!["analyze", "--jobs", "4"];
    args.extend(files.iter().map(|p| p.to_str().unwrap()));
    let o = huixi(&args);
    assert!(o.status.success());
    let got: Vec<u64> = stdout(&o).lines().map(|l| json(l)["document"]["chars"].as_u64().unwrap_or(0)).collect();
    let want: Vec<u64> = files.iter().map(|p| std::fs::read_to_string(p).unwrap().chars().count() as u64).collect();
    assert_eq!(got, want);
}

#[test]
fn format_json_with_several_files_is_an_array() {
    let (a, b) = (seed(1), seed(2));
    let o = huixi(&["analyze", "--format", "json", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(o.status.success());
    let v = json(&stdout(&o));
    assert_eq!(v.as_array().map(|a| a.len()), Some(2));
    assert_eq!(v[1]["schema_version"], 1);
}

#[test]
fn missing_file_is_named_and_the_others_still_print() {
    let a = seed(4);
    let missing = std::env::temp_dir().join("huixi-cli-no-such-file.txt");
    let missing = missing.to_str().unwrap();
    let o = huixi(&["analyze", missing, a.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains(&format!("huixi: {missing}: ")), "{err}");
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1);
    assert_eq!(json(out.trim())["schema_version"], 1);
}

#[test]
fn stdin_dash_is_read() {
    let o = huixi_stdin(&["analyze", "-"], NEWS.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&stdout(&o));
    assert_eq!(v["document"]["chars"].as_u64(), Some(NEWS.chars().count() as u64));
}

#[test]
fn gbk_file_is_decoded() {
    let bytes = huixi_testkit::gbk(NEWS);
    let f = TempFile::new("gbk.txt", &bytes);
    let o = huixi(&["analyze", f.path()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&stdout(&o));
    assert_eq!(v["document"]["chars"].as_u64(), Some(NEWS.chars().count() as u64));
    // Same text, same analysis as the UTF-8 original.
    let utf8 = huixi_stdin(&["analyze", "-"], NEWS.as_bytes());
    assert_eq!(v, json(&stdout(&utf8)));
}

#[test]
fn binary_file_gets_a_clear_error() {
    let junk: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 256) as u8).collect();
    let f = TempFile::new("junk.bin", &junk);
    let o = huixi(&["analyze", f.path()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with(&format!("huixi: {}: ", f.path())), "{err}");
    assert!(err.contains("text"), "{err}");
    assert!(stdout(&o).is_empty());

    let docx = TempFile::new("report.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00word/document.xml");
    let err = stderr(&huixi(&["analyze", docx.path()]));
    assert!(err.contains(".docx") && err.contains("plain text"), "{err}");
}

#[test]
fn csv_format_has_the_people_header() {
    let a = seed(0);
    let o = huixi(&["analyze", "--format", "csv", a.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("name,titles,roles,mentions\r\n"));

    let b = seed(1);
    let o = huixi(&["analyze", "--format=csv", "--bom", a.to_str().unwrap(), b.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.starts_with("\u{FEFF}file,name,titles,roles,mentions\r\n"), "{out:.80}");
    assert_eq!(out.matches("file,name").count(), 1, "one header for all files");
}

#[test]
fn md_format_is_a_markdown_summary() {
    let o = huixi_stdin(&["analyze", "--format", "md", "-"], NEWS.as_bytes());
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.starts_with("# "), "{out}");
    assert!(out.contains("- **文体**："), "{out}");
}

#[test]
fn help_version_and_usage_errors() {
    let o = huixi(&["--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("huixi analyze"));
    let o = huixi(&["analyze", "--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("--format") && stdout(&o).contains("--add-words"));
    let o = huixi(&["--version"]);
    assert_eq!(stdout(&o).trim(), format!("huixi {}", env!("CARGO_PKG_VERSION")));

    for args in [
        &["analyze", "--frobnicate", "x.txt"][..],
        &["analyze"],
        &[],
        &["analyze", "-f", "xml", "x"],
        &["analyze", "-j", "0", "x"],
        &["analyze", "--bom=yes", "x"],
        &["x.txt"],
    ] {
        let o = huixi(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).starts_with("huixi: "), "{args:?}");
        assert!(stdout(&o).is_empty());
    }
}

#[test]
fn usage_errors_say_what_to_do() {
    let err = stderr(&huixi(&["report.txt"]));
    assert!(err.contains("did you mean `huixi analyze report.txt`?"), "{err}");
    let err = stderr(&huixi(&["analyze", "--fromat", "csv", "x"]));
    assert!(err.contains("'--fromat'") && err.contains("--format"), "{err}");
    let err = stderr(&huixi(&["analyze", "-f", "xml", "x"]));
    assert!(err.contains("json, jsonl, csv, md"), "{err}");
    // Aliases of the old parser still work.
    let o = huixi_stdin(&["analyse", "--format", "ndjson", "-"], NEWS.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = huixi(&["help"]);
    assert!(o.status.success() && stdout(&o).contains("analyze"));
}

#[test]
fn add_words_file_is_accepted() {
    let words = TempFile::new("words.txt", "# user words\n鹿鸣通 nz\n\n智慧综治平台 10 nz\n".as_bytes());
    let o = huixi_stdin(&["analyze", "--add-words", words.path(), "-"], NEWS.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let missing = huixi_stdin(&["analyze", "--add-words", "/nonexistent/words.txt", "-"], NEWS.as_bytes());
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("/nonexistent/words.txt"));
}

#[test]
fn closed_stdout_pipe_does_not_panic() {
    let files: Vec<PathBuf> = (0..5).cycle().take(20).map(seed).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_huixi"))
        .arg("analyze")
        .args(&files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run huixi");
    // Read nothing: close our end at once, as `| head -c0` would.
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.status.code().is_some(), "killed by a signal");
}

#[test]
fn web_page_gives_its_article_and_old_word_files_are_refused() {
    let page = TempFile::new(
        "news.html",
        "<html><head><title>某县召开政法工作会议</title><script>var tracker = '不应出现';</script></head>\
         <body><div class=\"nav\">首页 | 政务公开</div><div class=\"article\"><h1>某县召开政法工作会议</h1>\
         <p>3月5日，某县召开政法工作会议。县委副书记张三出席会议并讲话。</p></div></body></html>"
            .as_bytes(),
    );
    let o = huixi(&["analyze", page.path()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).expect("UTF-8 output");
    assert!(out.contains("张三") && out.contains("政法工作会议"), "{out:.300}");
    assert!(!out.contains("不应出现"), "script text in the report");

    let doc = TempFile::new("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0");
    let o = huixi(&["analyze", doc.path()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(".docx"), "{}", stderr(&o));
}
