//! `huixi analyze FILE…` — the native command line over the analysis core.
//!
//! Arguments are parsed by clap (derive): its help, suggestions and error messages, with huixi's
//! own exit statuses (2 for a usage error) and `huixi: ` before every message.

use std::collections::BTreeMap;
use std::io::{self, Read, Write};
use std::num::NonZeroUsize;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use clap::error::{ContextKind, ErrorKind};
use clap::{Args, Parser, Subcommand, ValueEnum};

use huixi::export;

/// huixi — 会析: analyse Chinese government work-meeting reports and speeches
#[derive(Parser, Debug)]
#[command(name = "huixi", version, subcommand_required = true)]
#[command(after_help = "Run `huixi analyze --help` for the options of `huixi analyze`.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse each FILE and print its report
    ///
    /// Analyse each FILE (`-` reads standard input) and print its report. Files may be UTF-8
    /// (with or without BOM), UTF-16 or GBK/GB18030 text, web pages (.html/.htm: the article's
    /// text) or Word .docx documents. Several files are analysed in parallel on all cores; the
    /// output keeps the order of the arguments.
    #[command(visible_alias = "analyse")]
    #[command(
        after_help = "A file that cannot be read or decoded is reported on stderr (`huixi: FILE: reason`), the \
other files are still analysed, and the exit status is 1. Usage errors exit with status 2."
    )]
    Analyze(Options),
}

#[derive(Args, Debug)]
struct Options {
    /// Output format [default: json for one file, jsonl for several]
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,
    /// Add words to the segmenter before analysing, one a line: `word [freq] [pos]` (`#` starts a
    /// comment); may be repeated
    #[arg(long = "add-words", value_name = "FILE")]
    word_files: Vec<String>,
    /// Start CSV output with a UTF-8 BOM (for Excel/WPS)
    #[arg(long)]
    bom: bool,
    /// Worker threads [default: number of cores]
    #[arg(short, long, value_name = "N")]
    jobs: Option<NonZeroUsize>,
    /// The files to analyse (`-` reads standard input)
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Debug)]
enum Format {
    /// One file: the report as pretty JSON; several files: a JSON array of reports
    Json,
    /// One compact JSON report per line
    #[value(alias = "ndjson")]
    Jsonl,
    /// The people table: name,titles,roles,mentions (with a leading `file` column when several
    /// files)
    Csv,
    /// A Markdown summary per file (separated by `---`)
    #[value(alias = "markdown")]
    Md,
}

fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(Cli { command: Command::Analyze(o) }) => analyze(o),
        Err(e) => clap_exit(&e),
    }
}

/// Help and version go to stdout (status 0); a usage error goes to stderr as `huixi: …` with
/// clap's usage line and hints (status 2).
fn clap_exit(e: &clap::Error) -> ExitCode {
    let text = e.render().to_string();
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => emit_or_exit(text.as_bytes()),
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = writeln!(io::stderr(), "huixi: no command given: run `huixi analyze FILE...`, or `huixi --help`");
            ExitCode::from(2)
        }
        kind => {
            let mut msg = text.strip_prefix("error: ").unwrap_or(&text).to_string();
            if kind == ErrorKind::InvalidSubcommand {
                if let Some(what) = e.get(ContextKind::InvalidSubcommand) {
                    msg = format!("unknown command '{what}' (did you mean `huixi analyze {what}`?)\n");
                }
            }
            let _ = write!(io::stderr(), "huixi: {msg}");
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
    let workers = o.jobs.map_or(cores, NonZeroUsize::get).clamp(1, o.files.len());
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

    fn parse(args: &[&str]) -> Result<Options, clap::Error> {
        Cli::try_parse_from(std::iter::once("huixi").chain(args.iter().copied())).map(|c| match c.command {
            Command::Analyze(o) => o,
        })
    }

    #[test]
    fn options_anywhere_and_inline_values() {
        let o = parse(&["analyze", "a.txt", "--format=csv", "-", "--bom", "-j", "2"]).expect("analyze");
        assert_eq!(o.files, vec!["a.txt", "-"]);
        assert_eq!(o.format, Some(Format::Csv));
        assert!(o.bom);
        assert_eq!(o.jobs.map(NonZeroUsize::get), Some(2));
        let o = parse(&["analyse", "-f", "ndjson", "--add-words", "w.txt", "--add-words=v.txt", "b.html"]).unwrap();
        assert_eq!(
            (o.format, o.word_files, o.files),
            (Some(Format::Jsonl), vec!["w.txt".into(), "v.txt".into()], vec!["b.html".into()])
        );
    }

    #[test]
    fn usage_errors() {
        assert!(parse(&[]).is_err());
        assert!(parse(&["analyze"]).is_err());
        assert!(parse(&["analyze", "--frobnicate", "a"]).is_err());
        assert!(parse(&["analyze", "--format", "xml", "a"]).is_err());
        assert!(parse(&["analyze", "a", "--format"]).is_err());
        assert!(parse(&["analyze", "-j", "0", "a"]).is_err());
        assert!(parse(&["analyze", "--bom=yes", "a"]).is_err());
        assert!(parse(&["a.txt"]).is_err());
        assert!(matches!(parse(&["analyze", "--", "--weird-name"]), Ok(o) if o.files == ["--weird-name"]));
    }

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
