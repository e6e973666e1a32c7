//! Held-out genre set: does the analyzer generalise beyond the five seeds?
//!
//! `tests/genre/NN_<slug>.txt` are documents of the genre written for this test (never seen while
//! writing the extractors); `tests/genre/NN_<slug>.expected.json` holds only the facts a careful
//! annotator is sure of. A key that is absent is not checked. Keys:
//!
//! ```jsonc
//! {
//!   "kind": "news" | "speech" | "other",                 // equal
//!   "meeting": { "date", "time_of_day", "venue", "format": string | null,   // each equal
//!                "organizers": [string] },                // equal as lists
//!   "people": [{ "name", "titles": [..], "roles": [..] }], // names: the participant set, equal;
//!                                                          // titles equal as lists; roles as sets
//!   "not_people": [string],        // no person is (or contains) one of these names
//!   "outline_top": [string],       // the top-level markers, equal as lists
//!   "formulas" | "campaigns" | "quoted": [string],  // each is some extracted `text` exactly,
//!                                                    // both sides with quotes “”"「」 removed
//!   "targets_when_contains": [string], // each occurs in some target's `when`
//!   "anomaly_kinds": [string],     // each kind is among the anomalies
//!   "region": string | {"name", "level"} | null  // the region's name (and level)
//! }
//! ```
//!
//! `genre_documents_match_expected_facts` collects every mismatch of every document, prints them
//! all, and fails if there is any. `genre_set_is_well_formed` checks the expected files
//! themselves (known keys, role vocabulary, facts present in the text, length), not the analyzer.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use huixi::{analyze, Report, ROLES};
use serde_json::Value;

const TOP_KEYS: &[&str] = &[
    "kind",
    "meeting",
    "people",
    "not_people",
    "outline_top",
    "formulas",
    "campaigns",
    "quoted",
    "targets_when_contains",
    "anomaly_kinds",
    "region",
];
const MEETING_KEYS: &[&str] = &["date", "time_of_day", "venue", "format", "organizers"];
const PERSON_KEYS: &[&str] = &["name", "titles", "roles"];

struct Case {
    stem: String,
    text: String,
    expected: Result<Value, String>,
}

fn genre_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/genre"))
}

/// Every `*.txt` of tests/genre/, sorted, with its expected facts (or why they could not be read).
fn cases() -> Vec<Case> {
    let dir = genre_dir();
    let mut txts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} unreadable: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    txts.sort();
    assert!(!txts.is_empty(), "no *.txt in {}", dir.display());
    txts.into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let json = dir.join(format!("{stem}.expected.json"));
            let expected = std::fs::read_to_string(&json)
                .map_err(|e| format!("{}: {e}", json.display()))
                .and_then(|s| serde_json::from_str(&s).map_err(|e| format!("{}: bad JSON: {e}", json.display())));
            Case { stem, text, expected }
        })
        .collect()
}

/// Quotes removed (Chinese, corner, straight), whitespace trimmed.
fn unquote(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '「' | '」' | '『' | '』'))
        .collect::<String>()
        .trim()
        .to_string()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

/// An enum of the Report as its JSON string ("news", "boilerplate", "county" …).
fn json_str<T: serde::Serialize>(t: &T) -> String {
    match serde_json::to_value(t) {
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(e) => format!("<{e}>"),
    }
}

fn opt(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// Compare one report with its expected facts; every mismatch becomes one line.
fn compare(r: &Report, exp: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let Some(obj) = exp.as_object() else {
        return vec!["expected file is not a JSON object".into()];
    };
    for k in obj.keys() {
        if !TOP_KEYS.contains(&k.as_str()) {
            out.push(format!("expected file has unknown key {k:?}"));
        }
    }

    if let Some(kind) = obj.get("kind") {
        let got = json_str(&r.document.kind);
        if kind.as_str() != Some(got.as_str()) {
            out.push(format!("kind: expected {kind}, got {got:?}"));
        }
    }

    if let Some(m) = obj.get("meeting").and_then(Value::as_object) {
        let fields: [(&str, &Option<String>); 4] = [
            ("date", &r.meeting.date),
            ("time_of_day", &r.meeting.time_of_day),
            ("venue", &r.meeting.venue),
            ("format", &r.meeting.format),
        ];
        for (key, got) in fields {
            if let Some(want) = m.get(key) {
                if &opt(want) != got {
                    out.push(format!("meeting.{key}: expected {want}, got {got:?}"));
                }
            }
        }
        if let Some(want) = m.get("organizers") {
            let want = strings(want);
            if want != r.meeting.organizers {
                out.push(format!("meeting.organizers: expected {want:?}, got {:?}", r.meeting.organizers));
            }
        }
        for k in m.keys() {
            if !MEETING_KEYS.contains(&k.as_str()) {
                out.push(format!("expected file has unknown key meeting.{k:?}"));
            }
        }
    }

    if let Some(people) = obj.get("people").and_then(Value::as_array) {
        let got_names: Vec<&str> = r.people.iter().map(|p| p.name.as_str()).collect();
        let mut seen = BTreeSet::new();
        for n in &got_names {
            if !seen.insert(*n) {
                out.push(format!("people: {n} is listed more than once"));
            }
        }
        let want_names: BTreeSet<&str> = people.iter().filter_map(|p| p["name"].as_str()).collect();
        for n in &want_names {
            if !seen.contains(n) {
                out.push(format!("people: missing participant {n} (got {got_names:?})"));
            }
        }
        for n in &seen {
            if !want_names.contains(n) {
                out.push(format!("people: unexpected person {n}"));
            }
        }
        for p in people {
            let Some(name) = p["name"].as_str() else { continue };
            let Some(got) = r.people.iter().find(|g| g.name == name) else { continue };
            if let Some(t) = p.get("titles") {
                let want = strings(t);
                if want != got.titles {
                    out.push(format!("{name}.titles: expected {want:?}, got {:?}", got.titles));
                }
            }
            if let Some(ro) = p.get("roles") {
                let want: BTreeSet<String> = strings(ro).into_iter().collect();
                let have: BTreeSet<String> = got.roles.iter().cloned().collect();
                if want != have {
                    out.push(format!("{name}.roles: expected {want:?}, got {:?}", got.roles));
                }
            }
        }
    }

    if let Some(np) = obj.get("not_people") {
        for n in strings(np) {
            for p in r.people.iter().filter(|p| p.name == n || p.name.contains(&n)) {
                out.push(format!("not_people: {n} reported as person {:?} {:?} {:?}", p.name, p.titles, p.roles));
            }
        }
    }

    if let Some(o) = obj.get("outline_top") {
        let want = strings(o);
        let got: Vec<String> = r.outline.iter().map(|n| n.marker.clone()).collect();
        if want != got {
            out.push(format!("outline_top: expected {want:?}, got {got:?}"));
        }
    }

    let lists: [(&str, Vec<String>); 3] = [
        ("formulas", r.formulas.iter().map(|f| unquote(&f.text)).collect()),
        ("campaigns", r.campaigns.iter().map(|c| unquote(&c.text)).collect()),
        ("quoted", r.quoted.iter().map(|q| unquote(&q.text)).collect()),
    ];
    for (key, got) in lists {
        if let Some(want) = obj.get(key) {
            for w in strings(want) {
                if !got.contains(&unquote(&w)) {
                    out.push(format!("{key}: missing {w:?} (got {got:?})"));
                }
            }
        }
    }

    if let Some(t) = obj.get("targets_when_contains") {
        let whens: Vec<&str> = r.targets.iter().map(|t| t.when.as_str()).collect();
        for w in strings(t) {
            if !whens.iter().any(|x| x.contains(&w)) {
                out.push(format!("targets: no `when` contains {w:?} (got {whens:?})"));
            }
        }
    }

    if let Some(a) = obj.get("anomaly_kinds") {
        let got: BTreeSet<String> = r.anomalies.iter().map(|a| json_str(&a.kind)).collect();
        for k in strings(a) {
            if !got.contains(&k) {
                out.push(format!("anomalies: no {k:?} (got {got:?})"));
            }
        }
    }

    if let Some(reg) = obj.get("region") {
        let got = r.region.as_ref().map(|g| (g.name.clone(), json_str(&g.level)));
        match reg {
            Value::Null => {
                if let Some(g) = got {
                    out.push(format!("region: expected none, got {g:?}"));
                }
            }
            Value::String(name) => {
                if got.as_ref().map(|g| &g.0) != Some(name) {
                    out.push(format!("region: expected {name:?}, got {got:?}"));
                }
            }
            Value::Object(o) => {
                let name = o.get("name").and_then(Value::as_str);
                let level = o.get("level").and_then(Value::as_str);
                let ok = got.as_ref().is_some_and(|(n, l)| name.is_none_or(|x| x == n) && level.is_none_or(|x| x == l));
                if !ok {
                    out.push(format!("region: expected {reg}, got {got:?}"));
                }
            }
            other => out.push(format!("region: expected value {other} is not a string or object")),
        }
    }

    out
}

#[test]
fn genre_documents_match_expected_facts() {
    let cases = cases();
    let mut report = String::new();
    let mut failing = 0;
    let mut total = 0;
    for c in &cases {
        let mismatches = match &c.expected {
            Ok(exp) => compare(&analyze(&c.text), exp),
            Err(e) => vec![e.clone()],
        };
        if mismatches.is_empty() {
            let _ = writeln!(report, "ok   {}", c.stem);
        } else {
            failing += 1;
            total += mismatches.len();
            let _ = writeln!(report, "FAIL {} ({} mismatches)", c.stem, mismatches.len());
            for m in &mismatches {
                let _ = writeln!(report, "       - {m}");
            }
        }
    }
    println!("{report}");
    assert!(
        failing == 0,
        "{failing} of {} genre documents differ from their expected facts ({total} mismatches):\n{report}",
        cases.len()
    );
}

/// The expected files themselves: known keys, the role vocabulary, every fact present in its
/// text, documents of 800–2500 chars. Independent of the analyzer.
#[test]
fn genre_set_is_well_formed() {
    let mut problems = Vec::new();
    let cases = cases();
    if cases.len() < 8 {
        problems.push(format!("only {} genre documents", cases.len()));
    }
    for c in &cases {
        let exp = match &c.expected {
            Ok(v) => v,
            Err(e) => {
                problems.push(e.clone());
                continue;
            }
        };
        let chars = c.text.chars().count();
        if !(800..=2500).contains(&chars) {
            problems.push(format!("{}: {chars} chars, not 800–2500", c.stem));
        }
        let plain = unquote(&c.text);
        let Some(obj) = exp.as_object() else {
            problems.push(format!("{}: not a JSON object", c.stem));
            continue;
        };
        for k in obj.keys() {
            if !TOP_KEYS.contains(&k.as_str()) {
                problems.push(format!("{}: unknown key {k}", c.stem));
            }
        }
        if let Some(m) = obj.get("meeting").and_then(Value::as_object) {
            for k in m.keys().filter(|k| !MEETING_KEYS.contains(&k.as_str())) {
                problems.push(format!("{}: unknown key meeting.{k}", c.stem));
            }
        }
        for p in obj.get("people").and_then(Value::as_array).into_iter().flatten() {
            let name = p["name"].as_str().unwrap_or("");
            if name.is_empty() || !c.text.contains(name) {
                problems.push(format!("{}: person {p} not in the text", c.stem));
            }
            for k in p.as_object().into_iter().flat_map(|o| o.keys()) {
                if !PERSON_KEYS.contains(&k.as_str()) {
                    problems.push(format!("{}: unknown key {k} for {name}", c.stem));
                }
            }
            for role in strings(&p["roles"]) {
                if !ROLES.contains(&role.as_str()) {
                    problems.push(format!("{}: {name} has role {role} outside ROLES", c.stem));
                }
            }
        }
        // (A target's `when` is normalised, e.g. 9月底前 → 2023-09, so it need not occur.)
        let must_occur = ["not_people", "outline_top", "formulas", "campaigns", "quoted"];
        for key in must_occur {
            for s in obj.get(key).map(strings).unwrap_or_default() {
                if !c.text.contains(&s) && !plain.contains(&unquote(&s)) {
                    problems.push(format!("{}: {key} item {s:?} not in the text", c.stem));
                }
            }
        }
        for k in obj.get("anomaly_kinds").map(strings).unwrap_or_default() {
            if !["boilerplate", "placeholder", "off_topic"].contains(&k.as_str()) {
                problems.push(format!("{}: unknown anomaly kind {k}", c.stem));
            }
        }
    }
    assert!(problems.is_empty(), "genre set problems:\n{}", problems.join("\n"));
}
