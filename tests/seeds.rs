//! Whole-report checks on the five seed documents: the acceptance points, and golden
//! snapshots (tests/snapshots/, reviewed by eye whenever they change: `cargo insta review`).

use huixi::{analyze, AnomalyKind, DocumentKind, OutlineNode, Person, Report};

use huixi_testkit::seed;

fn person<'a>(r: &'a Report, name: &str) -> &'a Person {
    r.people
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} not among {:?}", r.people.iter().map(|p| &p.name).collect::<Vec<_>>()))
}

fn chars_of(text: &str, span: huixi::Span) -> String {
    text.chars().skip(span.0).take(span.1 - span.0).collect()
}

#[test]
fn seed_000_meeting_and_leaders() {
    let text = seed("000");
    let r = analyze(&text);
    assert_eq!(r.meeting.date.as_deref(), Some("2020-05-15"));
    assert_eq!(r.meeting.time_of_day.as_deref(), Some("下午"));
    assert_eq!(r.meeting.format.as_deref(), Some("电视电话会议"));
    let wu = person(&r, "吴新明");
    assert_eq!(wu.titles, vec!["市委书记"]);
    assert_eq!(wu.roles, vec!["出席", "讲话"]);
    let zhou = person(&r, "周旭东");
    assert_eq!(zhou.titles, vec!["市委副书记", "市长"]);
    // 周旭东要求，…: reported speech shows the chair spoke too (as the seeds' gold has it).
    assert_eq!(zhou.roles, vec!["主持", "讲话"]);
    // Every mention is the name itself or a pronoun.
    for p in &r.people {
        for m in &p.mentions {
            let s = chars_of(&text, *m);
            assert!(s == p.name || s == "他" || s == "她", "{} mention {:?} reads {s}", p.name, m);
        }
    }
}

#[test]
fn seed_001_off_topic_paragraph_and_footer() {
    let text = seed("001");
    let r = analyze(&text);
    let off: Vec<_> = r.anomalies.iter().filter(|a| a.kind == AnomalyKind::OffTopic).collect();
    assert_eq!(off.len(), 1, "{off:?}");
    assert!(chars_of(&text, off[0].span).contains("武平教育"));
    let boiler: Vec<String> =
        r.anomalies.iter().filter(|a| a.kind == AnomalyKind::Boilerplate).map(|a| chars_of(&text, a.span)).collect();
    for footer in ["主办单位", "备案号", "技术支持"] {
        assert!(boiler.iter().any(|b| b.contains(footer)), "{footer} not boilerplate: {boiler:?}");
    }
    let lu = person(&r, "陆秋明");
    assert!(lu.titles.contains(&"区委书记".to_string()));
}

#[test]
fn seed_003_placeholders_and_outline() {
    let text = seed("003");
    let r = analyze(&text);
    assert_eq!(r.document.kind, DocumentKind::Speech);
    let ph: Vec<String> =
        r.anomalies.iter().filter(|a| a.kind == AnomalyKind::Placeholder).map(|a| chars_of(&text, a.span)).collect();
    assert!(ph.iter().any(|p| p.contains("x同志")), "{ph:?}");
    assert!(ph.iter().any(|p| p.contains("老秘网")), "{ph:?}");
    let top: Vec<&str> = r.outline.iter().map(|n: &OutlineNode| n.marker.as_str()).collect();
    assert_eq!(top, vec!["一、", "二、", "三、", "四、"]);
    assert!(r.people.iter().all(|p| !p.name.contains('x') && !p.name.contains("老秘")));
}

#[test]
fn seed_004_venue() {
    let r = analyze(&seed("004"));
    assert_eq!(r.meeting.venue.as_deref(), Some("州国际会议中心3号厅"));
}

#[test]
fn snapshots_of_all_seeds() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let r = analyze(&seed(prefix));
        insta::assert_json_snapshot!(format!("seed_{prefix}"), r);
    }
}

/// `analyze_staged` is `analyze` with a callback per stage (for the benchmarks' stage tables):
/// the same Report, every stage reported once, in pipeline order.
#[test]
fn staged_analysis_reports_each_stage_once_and_the_same_report() {
    let text = seed("000");
    let mut stages = Vec::new();
    let staged = huixi::analyze_staged(&text, &mut |s| stages.push(s));
    assert_eq!(serde_json::to_string(&staged).ok(), serde_json::to_string(&huixi::analyze(&text)).ok());
    assert_eq!(stages.first(), Some(&"doc"));
    assert_eq!(stages.last(), Some(&"anomalies"));
    let mut unique = stages.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), stages.len(), "{stages:?}");
    assert!(stages.len() >= 15, "{stages:?}");
}
