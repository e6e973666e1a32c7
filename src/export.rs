//! Reports as CSV (people, formulas and campaigns, outline) and as a Markdown summary.
//! Shared by the CLI and the web app's export buttons.
//!
//! Every cell and line comes from the document, so nothing the text contains (quotes, commas,
//! line breaks, `|`, a leading `=`) may break the table it lands in or run as a spreadsheet
//! formula.

use std::fmt::Write as _;

use crate::report::{AnomalyKind, DocumentKind, OutlineNode, Report};

/// RFC 4180 line ending.
const EOL: &str = "\r\n";

/// Separator for lists inside one cell (titles, roles), as Chinese writes lists.
const LIST_SEP: &str = "、";

/// The same CSV with a UTF-8 byte-order mark, so that spreadsheet programs (Excel, WPS) read it
/// as UTF-8 rather than the locale's code page.
pub fn with_bom(csv: &str) -> String {
    let mut s = String::with_capacity(csv.len() + 3);
    s.push('\u{FEFF}');
    s.push_str(csv);
    s
}

/// Characters that make a spreadsheet read a cell as a formula when it starts with one. The
/// full-width forms count too: Excel in a CJK locale reads a leading `＝` as `=` (reported to
/// OWASP's CSV-injection page, OWASP/www-community#1088, with `＝cmd|…` reproduced in Japanese
/// Excel). WPS, which many of the users have, could not be tried here; it imports CSV as Excel
/// does, so it is guarded the same way. `ー` (the katakana long-vowel mark Japanese IMEs type
/// for minus, also in that report) is left out: Chinese reports do not use it, and a guard on it
/// would only mark legitimate cells.
const FORMULA_STARTS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// One CSV text cell: guarded against formula injection, quoted when needed.
fn cell(s: &str) -> String {
    // Spreadsheets skip leading spaces (also the no-break and ideographic ones) before they look
    // for a formula, and a tab or line break at the start is a formula trick of its own.
    let first = s.trim_start_matches([' ', '\u{A0}', '\u{3000}']).chars().next();
    let formula = first.is_some_and(|c| FORMULA_STARTS.contains(&c)) || s.starts_with(['\t', '\r', '\n']);
    let guarded = if formula { format!("'{s}") } else { s.to_string() };
    if guarded.contains([',', '"', '\n', '\r']) || guarded.starts_with(' ') || guarded.ends_with(' ') {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn row(out: &mut String, cells: &[String]) {
    out.push_str(&cells.join(","));
    out.push_str(EOL);
}

fn header(out: &mut String, names: &[&str]) {
    row(out, &names.iter().map(|s| s.to_string()).collect::<Vec<_>>());
}

/// The people table: `name,titles,roles,mentions` (titles and roles joined by 、, mentions counted).
pub fn people_csv(report: &Report) -> String {
    people_csv_files(&[(None, report)])
}

/// The people table of several reports, with a leading `file` column when any file name is
/// given (the CLI's `--format csv` over several files).
pub fn people_csv_files(reports: &[(Option<&str>, &Report)]) -> String {
    let with_file = reports.iter().any(|(f, _)| f.is_some());
    let mut out = String::new();
    let mut names = vec!["name", "titles", "roles", "mentions"];
    if with_file {
        names.insert(0, "file");
    }
    header(&mut out, &names);
    for (file, report) in reports {
        for p in &report.people {
            let mut cells = vec![
                cell(&p.name),
                cell(&p.titles.join(LIST_SEP)),
                cell(&p.roles.join(LIST_SEP)),
                p.mentions.len().to_string(),
            ];
            if with_file {
                cells.insert(0, cell(file.unwrap_or("")));
            }
            row(&mut out, &cells);
        }
    }
    out
}

/// Named terms: `kind,text,gloss,count` with kind `formula`, `campaign` or `quoted`.
pub fn terms_csv(report: &Report) -> String {
    let mut out = String::new();
    header(&mut out, &["kind", "text", "gloss", "count"]);
    for f in &report.formulas {
        let gloss = f.gloss.as_deref().unwrap_or("");
        row(&mut out, &[cell("formula"), cell(&f.text), cell(gloss), f.mentions.len().to_string()]);
    }
    for (kind, terms) in [("campaign", &report.campaigns), ("quoted", &report.quoted)] {
        for t in terms {
            row(&mut out, &[cell(kind), cell(&t.text), String::new(), t.mentions.len().to_string()]);
        }
    }
    out
}

/// The outline flattened depth-first: `path,marker,level,text,speaker,start,end`, where `path`
/// numbers the node among its siblings from the root (`2.1` = first child of the second point)
/// and start/end are the point's char span.
pub fn outline_csv(report: &Report) -> String {
    fn walk(out: &mut String, nodes: &[OutlineNode], prefix: &str) {
        for (i, n) in nodes.iter().enumerate() {
            let path = if prefix.is_empty() { format!("{}", i + 1) } else { format!("{prefix}.{}", i + 1) };
            row(
                out,
                &[
                    path.clone(),
                    cell(&n.marker),
                    n.level.to_string(),
                    cell(&n.text),
                    cell(n.speaker.as_deref().unwrap_or("")),
                    n.span.0.to_string(),
                    n.span.1.to_string(),
                ],
            );
            walk(out, &n.children, &path);
        }
    }
    let mut out = String::new();
    header(&mut out, &["path", "marker", "level", "text", "speaker", "start", "end"]);
    walk(&mut out, &report.outline, "");
    out
}

/// Inline Markdown text: one line, Markdown punctuation escaped so document text can never open
/// a heading, list, link, table cell or HTML tag.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        // `-`, `+`, `=` only start a list or underline a heading at the beginning of a line.
        let structural = matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~')
            || (out.is_empty() && matches!(c, '-' | '+' | '='));
        if structural {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn md_row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        out.push(' ');
        out.push_str(if c.is_empty() { " " } else { c });
        out.push_str(" |");
    }
    out.push('\n');
}

/// A readable Chinese summary of the report.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let doc = &report.document;
    let m = &report.meeting;
    let title = doc.title.as_deref().or(m.name.as_deref()).unwrap_or("会议分析");
    let _ = writeln!(out, "# {}\n", md(title));
    if let Some(sub) = &doc.subtitle {
        let _ = writeln!(out, "*{}*\n", md(sub));
    }

    let kind = match doc.kind {
        DocumentKind::News => "新闻报道",
        DocumentKind::Speech => "讲话稿",
        DocumentKind::Other => "其他",
    };
    // A year with no day still tells when ("2024年（日期未注明）").
    let day = m.date.clone().or_else(|| m.year.map(|y| format!("{y}年（日期未注明）")));
    let when = match (&day, &m.time_of_day) {
        (Some(d), Some(t)) => Some(format!("{d} {t}")),
        (Some(d), None) => Some(d.clone()),
        (None, Some(t)) => Some(t.clone()),
        (None, None) => None,
    };
    let facts: [(&str, Option<String>); 9] = [
        ("文体", Some(kind.to_string())),
        ("会议", m.name.clone()),
        ("时间", when),
        ("地点", m.venue.clone()),
        ("形式", m.format.clone()),
        ("主办", (!m.organizers.is_empty()).then(|| m.organizers.join(LIST_SEP))),
        ("地区", report.region.as_ref().map(|r| r.name.clone())),
        ("来源", doc.source.clone()),
        ("发布", doc.published.clone()),
    ];
    for (label, value) in facts {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            let _ = writeln!(out, "- **{label}**：{}", md(&v));
        }
    }
    out.push('\n');

    if !report.people.is_empty() {
        out.push_str("## 参会人员\n\n");
        md_row(&mut out, &["姓名", "职务", "角色", "提及"].map(String::from));
        out.push_str("|---|---|---|---|\n");
        for p in &report.people {
            md_row(
                &mut out,
                &[md(&p.name), md(&p.titles.join(LIST_SEP)), md(&p.roles.join(LIST_SEP)), p.mentions.len().to_string()],
            );
        }
        out.push('\n');
    }

    if !report.outline.is_empty() {
        out.push_str("## 讲话提纲\n\n");
        fn walk(out: &mut String, nodes: &[OutlineNode], depth: usize) {
            for n in nodes {
                let speaker = n.speaker.as_deref().map(|s| format!("（{}）", md(s))).unwrap_or_default();
                let _ = writeln!(out, "{}- {} {}{}", "  ".repeat(depth), md(&n.marker), md(&n.text), speaker);
                walk(out, &n.children, depth + 1);
            }
        }
        walk(&mut out, &report.outline, 0);
        out.push('\n');
    }

    if !report.formulas.is_empty() {
        out.push_str("## 提法\n\n");
        for f in &report.formulas {
            let gloss = f.gloss.as_deref().map(|g| format!("：{}", md(g))).unwrap_or_default();
            let _ = writeln!(out, "- **{}**{}（{}次）", md(&f.text), gloss, f.mentions.len());
        }
        out.push('\n');
    }

    if !report.campaigns.is_empty() {
        out.push_str("## 专项行动\n\n");
        for t in &report.campaigns {
            let _ = writeln!(out, "- {}（{}次）", md(&t.text), t.mentions.len());
        }
        out.push('\n');
    }

    if !report.targets.is_empty() {
        out.push_str("## 目标\n\n");
        for t in &report.targets {
            let _ = writeln!(out, "- **{}**：{}", md(&t.when), md(&t.text));
        }
        out.push('\n');
    }

    if !report.keywords.is_empty() {
        out.push_str("## 关键词\n\n");
        let words: Vec<String> = report.keywords.iter().map(|k| format!("{}（{}）", md(&k.word), k.count)).collect();
        let _ = writeln!(out, "{}\n", words.join("、"));
    }

    if !report.anomalies.is_empty() {
        out.push_str("## 警告\n\n");
        for a in &report.anomalies {
            let kind = match a.kind {
                AnomalyKind::Boilerplate => "网页杂项",
                AnomalyKind::Placeholder => "模板占位",
                AnomalyKind::OffTopic => "无关段落",
            };
            let _ = writeln!(out, "- [{kind}] 第{}–{}字：{}", a.span.0, a.span.1, md(&a.detail));
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::*;

    fn report() -> Report {
        Report {
            schema_version: SCHEMA_VERSION,
            document: Document {
                kind: DocumentKind::News,
                title: Some("全市政法工作会议召开".into()),
                chars: 500,
                ..Document::default()
            },
            meeting: Meeting {
                name: Some("全市政法工作会议".into()),
                date: Some("2020-05-15".into()),
                year: Some(2020),
                time_of_day: Some("下午".into()),
                venue: Some("市行政中心".into()),
                format: Some("电视电话会议".into()),
                ..Meeting::default()
            },
            people: vec![
                Person {
                    name: "王建国".into(),
                    titles: vec!["市委书记".into(), "市人大常委会主任".into()],
                    roles: vec!["出席".into(), "讲话".into()],
                    mentions: vec![Span(10, 13), Span(40, 43)],
                    ..Person::default()
                },
                Person {
                    name: "李\"小\",明".into(),
                    titles: vec!["=HYPERLINK(\"x\")".into()],
                    roles: vec![],
                    mentions: vec![Span(50, 53)],
                    ..Person::default()
                },
            ],
            outline: vec![OutlineNode {
                marker: "一、".into(),
                level: 1,
                text: "提高政治站位".into(),
                speaker: Some("王建国".into()),
                span: Span(100, 200),
                children: vec![OutlineNode {
                    marker: "（一）".into(),
                    level: 2,
                    text: "树牢|四个意识\n第二行".into(),
                    speaker: None,
                    span: Span(110, 150),
                    children: vec![],
                }],
            }],
            formulas: vec![Formula {
                text: "四个意识".into(),
                gloss: Some("政治意识、大局意识、核心意识、看齐意识".into()),
                mentions: vec![Span(1, 5), Span(7, 11)],
            }],
            campaigns: vec![Term { text: "扫黑除恶专项斗争".into(), mentions: vec![Span(3, 11)] }],
            quoted: vec![Term { text: "-1+1".into(), mentions: vec![Span(20, 24)] }],
            targets: vec![Target {
                when: "2020年底前".into(), text: "建成综治中心".into(), span: Span(0, 10)
            }],
            keywords: vec![Keyword { word: "政法".into(), weight: 1.0, count: 7 }],
            anomalies: vec![Anomaly { kind: AnomalyKind::Placeholder, span: Span(5, 8), detail: "x同志 <b>".into() }],
            ..Report::default()
        }
    }

    /// Minimal RFC 4180 reader, to check the writer round-trips.
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cur.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => cur.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut cur)),
                (false, '\r') => {}
                (false, '\n') => {
                    row.push(std::mem::take(&mut cur));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => cur.push(c),
            }
        }
        rows
    }

    #[test]
    fn people_csv_quotes_and_guards() {
        let csv = people_csv(&report());
        assert!(csv.starts_with("name,titles,roles,mentions\r\n"));
        let rows = parse_csv(&csv);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1], vec!["王建国", "市委书记、市人大常委会主任", "出席、讲话", "2"]);
        assert_eq!(rows[2][0], "李\"小\",明");
        assert_eq!(rows[2][1], "'=HYPERLINK(\"x\")");
    }

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_guarded() {
        for formula in [
            "=1+1",
            "+1",
            "-1",
            "@SUM(A1)",
            "＝HYPERLINK(\"x\")",
            "＋1",
            "－1",
            "＠A1",
            " =1",
            "\u{3000}＝1",
            "\u{A0}@A1",
            "\tx",
            "\nx",
        ] {
            let c = cell(formula);
            let c = c.trim_matches('"');
            assert!(c.starts_with('\''), "{formula:?} became {c:?}");
        }
        for text in ["王建国", "市委书记", "1-2月", "“两个维护”", "（一）", "", "a=b"] {
            assert!(!cell(text).contains('\''), "{text:?} became {:?}", cell(text));
        }
    }

    #[test]
    fn people_csv_with_file_column() {
        let r = report();
        let csv = people_csv_files(&[(Some("a,b.txt"), &r), (Some("c.txt"), &r)]);
        let rows = parse_csv(&csv);
        assert_eq!(rows[0], vec!["file", "name", "titles", "roles", "mentions"]);
        assert_eq!(rows.len(), 5);
        assert_eq!(rows[1][0], "a,b.txt");
        assert_eq!(rows[4][0], "c.txt");
    }

    #[test]
    fn terms_csv_lists_all_kinds() {
        let rows = parse_csv(&terms_csv(&report()));
        assert_eq!(rows[0], vec!["kind", "text", "gloss", "count"]);
        assert_eq!(rows[1], vec!["formula", "四个意识", "政治意识、大局意识、核心意识、看齐意识", "2"]);
        assert_eq!(rows[2], vec!["campaign", "扫黑除恶专项斗争", "", "1"]);
        assert_eq!(rows[3], vec!["quoted", "'-1+1", "", "1"]);
    }

    #[test]
    fn outline_csv_is_depth_first_with_paths() {
        let rows = parse_csv(&outline_csv(&report()));
        assert_eq!(rows[0], vec!["path", "marker", "level", "text", "speaker", "start", "end"]);
        assert_eq!(rows[1], vec!["1", "一、", "1", "提高政治站位", "王建国", "100", "200"]);
        assert_eq!(rows[2], vec!["1.1", "（一）", "2", "树牢|四个意识\n第二行", "", "110", "150"]);
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn empty_report_gives_header_only() {
        let r = Report::default();
        assert_eq!(people_csv(&r), "name,titles,roles,mentions\r\n");
        assert_eq!(outline_csv(&r).lines().count(), 1);
        assert_eq!(markdown(&r), "# 会议分析\n\n- **文体**：其他\n");
    }

    #[test]
    fn bom_is_prepended_once() {
        let s = with_bom("a,b\r\n");
        assert_eq!(s.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
        assert_eq!(&s[3..], "a,b\r\n");
    }

    #[test]
    fn markdown_summary_sections_and_escaping() {
        let md = markdown(&report());
        assert!(md.starts_with("# 全市政法工作会议召开\n"));
        assert!(md.contains("- **时间**：2020-05-15 下午"));
        assert!(md.contains("- **形式**：电视电话会议"));
        for h in ["## 参会人员", "## 讲话提纲", "## 提法", "## 专项行动", "## 目标", "## 关键词", "## 警告"]
        {
            assert!(md.contains(h), "{h} missing");
        }
        assert!(md.contains("| 王建国 | 市委书记、市人大常委会主任 | 出席、讲话 | 2 |"));
        // A table row must keep exactly 5 pipes however the name is written.
        let row = md.lines().find(|l| l.contains("李")).unwrap();
        assert_eq!(row.matches('|').count() - row.matches("\\|").count(), 5);
        assert!(md.contains("  - （一） 树牢\\|四个意识 第二行"));
        assert!(md.contains("- 一、 提高政治站位（王建国）"));
        assert!(md.contains("x同志 \\<b\\>"));
        assert!(md.contains("政法（7）"));
    }

    #[test]
    fn markdown_gives_the_year_when_the_day_is_not_stated() {
        let mut r = report();
        r.meeting.date = None;
        r.meeting.year = Some(2024);
        let md = markdown(&r);
        assert!(md.contains("- **时间**：2024年（日期未注明） 下午"), "{md}");
    }
}
