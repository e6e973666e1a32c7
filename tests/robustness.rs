//! analyze() gives a Report for any input: it must never panic (a panic in wasm kills the page).

use huixi::analyze;

#[test]
fn empty_and_blank_inputs_give_empty_reports() {
    for input in ["", " ", "\n\n\r\n", "\u{3000}\u{a0}\t"] {
        let r = analyze(input);
        assert_eq!(r.schema_version, 1);
        assert_eq!(r.document.chars, input.chars().count());
        assert!(r.people.is_empty());
    }
}

#[test]
fn junk_and_markup_do_not_panic() {
    let junk: String = (0u32..3000).filter_map(|i| char::from_u32((i * 7919) % 0x2FFFF)).collect();
    let r = analyze(&junk);
    assert_eq!(r.document.chars, junk.chars().count());
    let html = "<html><script>alert('x')</script><p>市委书记张某出席会议并讲话。</p>😀𠀀</html>";
    let r = analyze(html);
    assert_eq!(r.document.chars, html.chars().count());
}

#[test]
fn all_numbering_and_one_long_line() {
    let numbering = "一、二、三、（一）（二）1.2.3.第一，第二，一是二是三是".repeat(50);
    let r = analyze(&numbering);
    huixi_testkit::check_report(&numbering, &r);
    assert!(!r.outline.is_empty() && r.people.is_empty());
    let long = "市委书记张某某强调，要坚持以人民为中心，".repeat(5000);
    let r = analyze(&long);
    assert_eq!(r.document.chars, long.chars().count());
}

#[test]
fn spans_stay_inside_the_text() {
    let text = "😀同志们：今天，我们召开全市政法工作会议。一、提高站位。二、狠抓落实。市委书记王某某出席会议并讲话。";
    let r = analyze(text);
    let n = text.chars().count();
    let json = serde_json::to_value(&r).unwrap();
    fn walk(v: &serde_json::Value, n: usize) {
        match v {
            serde_json::Value::Array(a) => {
                if a.len() == 2 && a.iter().all(|x| x.is_u64()) {
                    let (s, e) = (a[0].as_u64().unwrap() as usize, a[1].as_u64().unwrap() as usize);
                    assert!(s <= e && e <= n, "span {s}..{e} outside 0..{n}");
                }
                a.iter().for_each(|x| walk(x, n));
            }
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, n)),
            _ => {}
        }
    }
    walk(&json, n);
}
