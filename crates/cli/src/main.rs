//! `huixi analyze FILE…` — the native command line over the analysis core.
//!
//! std + serde_json only: the argument grammar is small enough that a parser library would be
//! bigger than the program.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use huixi::export;

const USAGE: &str = "\
huixi — 会析: analyse Chinese government work-meeting reports and speeches

Usage:
  huixi analyze [OPTIONS] FILE...
  huixi --help | --version

Commands:
  analyze    Analyse each FILE and print its report (`huixi analyze --help` for options)

Options:
  -h, --help       Print this help
  -V, --version    Print the version
";

const ANALYZE_USAGE: &str = "\
Usage: huixi analyze [OPTIONS] FILE...

Analyse each FILE (`-` reads standard input) and print its report. Files may be UTF-8 (with or
without BOM), UTF-16 or GBK/GB18030 text, web pages (.html/.htm: the article's text) or Word
.docx documents. Several files are analysed in parallel on all cores; the
output keeps the order of the arguments.

Options:
  -f, --format FORMAT   Output format (default: json for one file, jsonl for several):
                          json   one file: the report as pretty JSON;
                                 several files: a JSON array of reports
                          jsonl  one compact JSON report per line
                          csv    the people table: name,titles,roles,mentions
                                 (with a leading `file` column when several files)
                          md     a Markdown summary per file (separated by `---`)
      --add-words FILE  Add words to the segmenter before analysing, one a line:
                        `word [freq] [pos]` (`#` starts a comment); may be repeated
      --bom             Start CSV output with a UTF-8 BOM (for Excel/WPS)
  -j, --jobs N          Worker threads (default: number of cores)
  -h, --help            Print this help

A file that cannot be read or decoded is reported on stderr (`huixi: FILE: reason`), the other
files are still analysed, and the exit status is 1. Usage errors exit with status 2.
";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Format {
    Json,
    Jsonl,
    Csv,
    Md,
}

struct Options {
    format: Option<Format>,
    files: Vec<String>,
    word_files: Vec<String>,
    bom: bool,
    jobs: Option<usize>,
}

enum Command {
    Help(&'static str),
    Version,
    Analyze(Options),
}

/// A usage error: the message for stderr (exit status 2).
struct Usage(String);

fn parse_args(args: &[String]) -> Result<Command, Usage> {
    let Some(first) = args.first() else {
        return Err(Usage("no command given".into()));
    };
    match first.as_str() {
        "-h" | "--help" | "help" => return Ok(Command::Help(USAGE)),
        "-V" | "--version" => return Ok(Command::Version),
        "analyze" | "analyse" => {}
        other if other.starts_with('-') => return Err(Usage(format!("unknown option '{other}'"))),
        other => return Err(Usage(format!("unknown command '{other}' (did you mean `huixi analyze {other}`?)"))),
    }
    let mut o = Options { format: None, files: Vec::new(), word_files: Vec::new(), bom: false, jobs: None };
    let mut rest = args[1..].iter();
    let mut only_files = false;
    while let Some(arg) = rest.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            o.files.push(arg.clone());
            continue;
        }
        // `--opt=value` and `--opt value` are both accepted.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |what: &str| -> Result<String, Usage> {
            inline
                .clone()
                .or_else(|| rest.next().cloned())
                .ok_or_else(|| Usage(format!("option '{name}' needs {what}")))
        };
        match name {
            "--" => only_files = true,
            "-h" | "--help" => return Ok(Command::Help(ANALYZE_USAGE)),
            "-f" | "--format" => {
                let v = value("a format (json, jsonl, csv, md)")?;
                o.format = Some(match v.as_str() {
                    "json" => Format::Json,
                    "jsonl" | "ndjson" => Format::Jsonl,
                    "csv" => Format::Csv,
                    "md" | "markdown" => Format::Md,
                    _ => return Err(Usage(format!("unknown format '{v}' (expected json, jsonl, csv or md)"))),
                });
            }
            "--add-words" => o.word_files.push(value("a file name")?),
            "--bom" if inline.is_none() => o.bom = true,
            "-j" | "--jobs" => {
                let v = value("a number")?;
                match v.parse::<usize>() {
                    Ok(n) if n > 0 => o.jobs = Some(n),
                    _ => return Err(Usage(format!("option '{name}' needs a positive number, not '{v}'"))),
                }
            }
            _ => return Err(Usage(format!("unknown option '{arg}'"))),
        }
    }
    if o.files.is_empty() {
        return Err(Usage("no FILE given (use `-` for standard input)".into()));
    }
    Ok(Command::Analyze(o))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Command::Help(text)) => emit_or_exit(text.as_bytes()),
        Ok(Command::Version) => emit_or_exit(format!("huixi {}\n", env!("CARGO_PKG_VERSION")).as_bytes()),
        Ok(Command::Analyze(o)) => analyze(o),
        Err(Usage(msg)) => {
            let _ = writeln!(io::stderr(), "huixi: {msg}\nTry `huixi --help` or `huixi analyze --help`.");
            ExitCode::from(2)
        }
    }
}

/// Write to stdout; a closed pipe (`huixi … | head`) ends the program quietly, any other write
/// error ends it with a message.
fn emit_or_exit(bytes: &[u8]) -> ExitCode {
    let mut out = io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        stdout_failed(e);
    }
    ExitCode::SUCCESS
}

fn stdout_failed(e: io::Error) -> ! {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    let _ = writeln!(io::stderr(), "huixi: cannot write output: {e}");
    std::process::exit(1);
}

fn warn(file: &str, msg: &str) {
    let _ = writeln!(io::stderr(), "huixi: {file}: {msg}");
}

/// Read a file (or the stdin bytes for `-`) and take its text (decoded, or extracted from a web
/// page or .docx), reporting warnings.
fn read_text(file: &str, stdin: Option<&[u8]>) -> Result<String, String> {
    let owned;
    let bytes = match stdin {
        Some(b) if file == "-" => b,
        _ => {
            owned = std::fs::read(file).map_err(|e| io_message(&e))?;
            &owned[..]
        }
    };
    let decoded = huixi_input::text_from_file(bytes, file).map_err(|e| e.to_string())?;
    for w in &decoded.warnings {
        warn(file, &format!("warning: {w}"));
    }
    Ok(decoded.text)
}

/// io::Error's Display appends "(os error 2)"; users want the reason only.
fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => e.to_string(),
    }
}

fn add_words(files: &[String]) -> Result<(), ()> {
    for file in files {
        let text = read_text(file, None).map_err(|e| warn(file, &e))?;
        let rows: Vec<&str> =
            text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()).collect();
        huixi::add_words(&rows);
    }
    Ok(())
}

/// One file's rendered output, or why it failed.
type Rendered = Result<String, String>;

fn render(report: &huixi::Report, file: &str, format: Format, several: bool) -> String {
    match format {
        Format::Json if several => indent(&serde_json::to_string_pretty(report).unwrap_or_default()),
        Format::Json => serde_json::to_string_pretty(report).unwrap_or_default() + "\n",
        Format::Jsonl => serde_json::to_string(report).unwrap_or_default() + "\n",
        Format::Csv => export::people_csv_files(&[(several.then_some(file), report)]),
        Format::Md if several => format!("<!-- {} -->\n{}", file.replace("--", "- -"), export::markdown(report)),
        Format::Md => export::markdown(report),
    }
}

fn indent(json: &str) -> String {
    json.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
}

fn analyze(o: Options) -> ExitCode {
    if add_words(&o.word_files).is_err() {
        return ExitCode::FAILURE;
    }
    let several = o.files.len() > 1;
    let format = o.format.unwrap_or(if several { Format::Jsonl } else { Format::Json });

    let stdin = if o.files.iter().any(|f| f == "-") {
        let mut b = Vec::new();
        if let Err(e) = io::stdin().lock().read_to_end(&mut b) {
            warn("-", &format!("cannot read standard input: {e}"));
        }
        Some(b)
    } else {
        None
    };

    huixi::warm_up();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let workers = o.jobs.unwrap_or(cores).clamp(1, o.files.len());
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Rendered)>();
    let mut failed = false;

    std::thread::scope(|s| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (files, next, stdin) = (&o.files, &next, stdin.as_deref());
            s.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = files.get(i) else { break };
                let out = read_text(file, stdin).map(|text| render(&huixi::analyze(&text), file, format, several));
                if tx.send((i, out)).is_err() {
                    break;
                }
            });
        }
        drop(tx);

        // Results arrive in any order; print them in argument order as soon as they can be.
        let mut out = io::stdout().lock();
        let mut pending: BTreeMap<usize, Rendered> = BTreeMap::new();
        let mut printed = 0usize;
        let mut wanted = 0usize;
        let mut write = |bytes: &str| {
            if let Err(e) = out.write_all(bytes.as_bytes()) {
                stdout_failed(e);
            }
        };
        if o.bom && format == Format::Csv {
            write("\u{FEFF}");
        }
        if format == Format::Json && several {
            write("[\n");
        }
        for (i, r) in rx {
            pending.insert(i, r);
            while let Some(r) = pending.remove(&wanted) {
                match r {
                    Ok(text) => {
                        let text = match format {
                            // One header for the whole table.
                            Format::Csv if printed > 0 => text.split_once("\r\n").map(|(_, rows)| rows).unwrap_or(""),
                            _ => &text,
                        };
                        if printed > 0 && several {
                            match format {
                                Format::Json => write(",\n"),
                                Format::Md => write("\n---\n\n"),
                                _ => {}
                            }
                        }
                        write(text);
                        printed += 1;
                    }
                    Err(e) => {
                        warn(&o.files[wanted], &e);
                        failed = true;
                    }
                }
                wanted += 1;
            }
        }
        if format == Format::Json && several {
            write(if printed > 0 { "\n]\n" } else { "]\n" });
        }
        if let Err(e) = out.flush() {
            stdout_failed(e);
        }
    });

    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, Usage> {
        parse_args(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn options_anywhere_and_inline_values() {
        let Ok(Command::Analyze(o)) = parse(&["analyze", "a.txt", "--format=csv", "-", "--bom", "-j", "2"]) else {
            panic!("expected analyze");
        };
        assert_eq!(o.files, vec!["a.txt", "-"]);
        assert_eq!(o.format, Some(Format::Csv));
        assert!(o.bom);
        assert_eq!(o.jobs, Some(2));
    }

    #[test]
    fn usage_errors() {
        assert!(parse(&[]).is_err());
        assert!(parse(&["analyze"]).is_err());
        assert!(parse(&["analyze", "--frobnicate", "a"]).is_err());
        assert!(parse(&["analyze", "--format", "xml", "a"]).is_err());
        assert!(parse(&["analyze", "a", "--format"]).is_err());
        assert!(parse(&["a.txt"]).is_err());
        assert!(
            matches!(parse(&["analyze", "--", "--weird-name"]), Ok(Command::Analyze(o)) if o.files == ["--weird-name"])
        );
    }
}
