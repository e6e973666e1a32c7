//! Named hard inputs: each gives a Report (or a decode error that tells the user what to do),
//! and each test asserts what the result must contain, not just that nothing panicked.

use huixi::text::utf16_offsets;
use huixi::{analyze, Report, Span};
use huixi_input::decode::{decode, DecodeError};

use huixi_testkit::{check_report, seed};

fn checked(text: &str) -> Report {
    let r = analyze(text);
    check_report(text, &r);
    r
}

fn names(r: &Report) -> Vec<&str> {
    r.people.iter().map(|p| p.name.as_str()).collect()
}

fn chars_of(text: &str, sp: Span) -> String {
    text.chars().skip(sp.0).take(sp.len()).collect()
}

const NEWS: &str = "3月12日上午，县委、县政府召开全县政法暨平安建设工作会议。县委书记王建国出席会议并讲话。县委副书记、县长李明主持会议。\n王建国强调，要坚持以人民为中心，深入推进市域社会治理现代化。\n";

#[test]
fn empty_input() {
    let r = checked("");
    assert_eq!(r.document.chars, 0);
    assert!(r.people.is_empty() && r.outline.is_empty() && r.keywords.is_empty());
    assert_eq!(r.meeting.name, None);
    let d = decode(b"").expect("empty file is empty text");
    assert_eq!(d.text, "");
}

#[test]
fn only_spaces() {
    let text = "   \u{3000}\u{3000}\u{a0}\t \n \r\n  ";
    let r = checked(text);
    assert!(r.people.is_empty() && r.organizations.is_empty() && r.outline.is_empty());
    assert!(r.keywords.is_empty(), "{:?}", r.keywords);
    assert_eq!(r.meeting.date, None);
}

/// Long runs of separators, as pages pad their layout (or a PDF's text keeps its columns): the
/// sentence after them is read as anywhere else. (A look-back over the run at each of its chars
/// once made 1 MB of spaces take minutes.)
#[test]
fn long_runs_of_spaces_colons_and_bars() {
    for sep in [" ", "：", "|", "\u{3000}", "\n"] {
        let text = format!("{}县委书记林国栋出席会议并讲话。", sep.repeat(200_000));
        let r = checked(&text);
        assert_eq!(names(&r), vec!["林国栋"], "after a run of {sep:?}");
        assert_eq!(r.people[0].titles, vec!["县委书记"]);
    }
}

/// 10 MB of real report text. About 12 s in release, but over a minute in the dev profile (huixi
/// itself is not optimised there, only its dependencies), so it runs with
/// `cargo test --release --test hard_inputs`; the 100k-char line below covers size in dev.
#[test]
#[cfg_attr(debug_assertions, ignore = "10 MB: run with cargo test --release --test hard_inputs")]
fn ten_megabytes_of_reports() {
    let seeds: String = ["000", "001", "002", "003", "004"].iter().map(|p| seed(p) + "\n").collect();
    let alone = checked(&seed("000"));
    let reps = (10 << 20) / seeds.len() + 1;
    let text = seeds.repeat(reps);
    assert!(text.len() >= 10 << 20);
    let started = std::time::Instant::now();
    let r = checked(&text);
    eprintln!("10 MB ({} chars) analysed in {:?}", r.document.chars, started.elapsed());
    assert!(!r.people.is_empty());
    // The meeting's leader from one copy of the seed is found in the big text too, once per copy.
    let leader = &alone.people[0];
    let big = r.people.iter().find(|p| p.name == leader.name).expect("seed leader found in 10 MB");
    assert!(big.mentions.len() >= reps, "{} mentions for {reps} copies", big.mentions.len());
}

#[test]
fn one_line_of_100k_chars() {
    let unit = NEWS.replace('\n', "");
    let unit_chars = unit.chars().count();
    let mut text = unit.repeat(100_000 / unit_chars + 1);
    text = text.chars().take(100_000).collect();
    assert!(!text.contains('\n'));
    let r = checked(&text);
    assert_eq!(r.document.chars, 100_000);
    assert!(names(&r).contains(&"王建国"), "{:?}", names(&r));
}

#[test]
fn random_binary_is_refused_with_advice() {
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    let bytes: Vec<u8> = (0..8192)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 32) as u8
        })
        .collect();
    let err = decode(&bytes).expect_err("random bytes are not text");
    assert_eq!(err, DecodeError::NotText);
    let msg = err.to_string();
    assert!(msg.contains("not a text file"), "{msg}");
    assert!(msg.contains("save") && msg.contains(".txt"), "message must say what to do: {msg}");
    // The same bytes read lossily (as a paste would give them) still analyse cleanly.
    checked(&String::from_utf8_lossy(&bytes));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let text = seed("000");
    let mut bytes = text.clone().into_bytes();
    // Cut a Han char in half in the middle of the text.
    let mid = text.char_indices().map(|(i, _)| i).find(|&i| i > bytes.len() / 2 && bytes[i] >= 0xE0).unwrap();
    bytes.remove(mid + 1);
    let d = decode(&bytes).expect("a damaged UTF-8 file is still read");
    assert_eq!(d.encoding, "UTF-8");
    assert!(!d.warnings.is_empty() && d.warnings[0].contains('\u{FFFD}'), "{:?}", d.warnings);
    assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
    assert_eq!(d.text.chars().count(), text.chars().count());
    let r = checked(&d.text);
    assert_eq!(names(&r), names(&checked(&text)));
}

#[test]
fn gbk_seed_decodes_to_the_seed() {
    // Seed 002 has no char outside GBK (the others contain NBSP, which GBK lacks).
    let text = seed("002");
    let bytes = huixi_testkit::gbk(&text);
    assert!(std::str::from_utf8(&bytes).is_err());
    let d = decode(&bytes).expect("GBK is read");
    assert_eq!(d.encoding, "GB18030");
    assert!(d.warnings.is_empty());
    assert_eq!(d.text, text);
}

#[test]
fn utf16_with_bom_decodes_to_the_seed() {
    let text = seed("003");
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let d = decode(&le).expect("UTF-16LE is read");
    assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), "UTF-16LE"));
    let d = decode(&be).expect("UTF-16BE is read");
    assert_eq!((d.text.as_str(), d.encoding), (text.as_str(), "UTF-16BE"));
}

#[test]
fn web_page_with_script_and_style() {
    let script = "<script type=\"text/javascript\">var title=\"市委书记\";var leader=\"张三\";\
        function show(name){document.write(title+name+\"出席会议并讲话\");}show(leader);\
        window._hmt=window._hmt||[];(function(){var hm=document.createElement(\"script\");\
        hm.src=\"https://hm.example.com/hm.js?abc\";})();</script>";
    let style = "<style>.title{font-size:16px;font-family:\"微软雅黑\"}.name{color:#c00}</style>";
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>全县政法工作会议召开</title>{style}{script}</head>\
         <body><div class=\"nav\">首页 &gt; 政法动态</div><h1>全县政法工作会议召开</h1>\
         <p>{}</p><div class=\"foot\">浏览次数:321 [打印] [关闭]</div></body></html>",
        NEWS.replace('\n', "</p><p>")
    );
    let r = checked(&page);
    let code: Vec<Span> = [script, style]
        .iter()
        .map(|part| {
            let start = page[..page.find(part).unwrap()].chars().count();
            Span::new(start, start + part.chars().count())
        })
        .collect();
    assert!(names(&r).contains(&"王建国"), "{:?}", names(&r));
    for p in &r.people {
        for m in &p.mentions {
            assert!(!code.iter().any(|c| c.covers(m)), "{} named from script/style code at {m:?}", p.name);
        }
        assert!(p.name.chars().all(huixi::text::is_han), "code token named as a person: {}", p.name);
    }
}

#[test]
fn astral_chars_before_a_name() {
    let text = format!("😀😀𠀀𠀁 \u{1F1E8}\u{1F1F3}{NEWS}");
    let r = checked(&text);
    let p = r.people.iter().find(|p| p.name == "王建国").expect("王建国 found after astral chars");
    let units: Vec<u16> = text.encode_utf16().collect();
    let table = utf16_offsets(&text);
    assert_eq!(table.len(), text.chars().count() + 1);
    for m in &p.mentions {
        let s = chars_of(&text, *m);
        assert!(s == "王建国" || s == "他", "mention {m:?} reads {s}");
        let utf16 = String::from_utf16(&units[table[m.0]..table[m.1]]).unwrap();
        assert_eq!(utf16, s, "UTF-16 range of {m:?}");
    }
    // Each astral char is one char but two UTF-16 units: the first mention sits 6 units later.
    let first = p.mentions[0];
    assert_eq!(table[first.0], first.0 + 6);
}

#[test]
fn traditional_chinese() {
    let text = "市委書記王某某出席會議並講話。市長李明主持會議。";
    let r = checked(text);
    // 某某 is a template placeholder (or an anonymised name) whatever the script: it is flagged,
    // and the participant keeps the title and roles the text gives.
    assert!(r.anomalies.iter().any(|a| chars_of(text, a.span).contains("某某")), "{:?}", r.anomalies);
    assert!(r.people.iter().any(|p| p.name == "王某某" && p.titles == ["市委书记"]), "{:?}", r.people);
    assert!(r.people.iter().any(|p| p.name == "李明" && p.titles == ["市长"] && p.roles == ["主持"]), "{:?}", r.people);
}

#[test]
fn traditional_chinese_reads_like_simplified() {
    let traditional = "縣委召開全縣政法工作會議\n\n3月12日，縣委召開全縣政法工作會議。縣委書記張建國出席會議並講話，\
        縣委副書記、縣長劉曉東主持會議。會議強調，要增強「四個意識」，深入推進掃黑除惡常態化。";
    let simplified = "县委召开全县政法工作会议\n\n3月12日，县委召开全县政法工作会议。县委书记张建国出席会议并讲话，\
        县委副书记、县长刘晓东主持会议。会议强调，要增强「四个意识」，深入推进扫黑除恶常态化。";
    assert_eq!(traditional.chars().count(), simplified.chars().count());
    let (t, s) = (checked(traditional), checked(simplified));
    let people = |r: &Report| {
        r.people
            .iter()
            .map(|p| (p.name.clone(), p.titles.clone(), p.roles.clone(), p.mentions.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(people(&t), people(&s));
    assert!(names(&t).contains(&"张建国") && names(&t).contains(&"刘晓东"), "{:?}", names(&t));
    // Spans point into the text as written.
    let p = t.people.iter().find(|p| p.name == "张建国").unwrap();
    assert_eq!(chars_of(traditional, p.mentions[0]), "張建國");
    assert_eq!(t.meeting.name, s.meeting.name);
    assert!(t.formulas.iter().any(|f| f.text == "四个意识"), "{:?}", t.formulas);
    assert_eq!(t.campaigns.len(), s.campaigns.len());
}

#[test]
fn mixed_chinese_and_english() {
    let text = "3月5日, the Municipal Commission of Political and Legal Affairs (市委政法委) held a work meeting. \
        市委书记王建国 (Wang Jianguo) 出席会议并讲话。Mayor Li Ming 主持会议。The meeting was broadcast online.";
    let r = checked(text);
    assert!(names(&r).contains(&"王建国"), "{:?}", names(&r));
    assert!(r.people.iter().all(|p| p.name.chars().all(huixi::text::is_han)), "{:?}", names(&r));
    assert!(r.organizations.iter().any(|o| o.name == "市委政法委"), "{:?}", r.organizations);
}

#[test]
fn windows_line_endings_give_the_same_people() {
    for prefix in ["000", "003", "004"] {
        let unix = seed(prefix).replace("\r\n", "\n");
        let windows = unix.replace('\n', "\r\n");
        let (a, b) = (checked(&unix), checked(&windows));
        let summary = |r: &Report| {
            r.people
                .iter()
                .map(|p| (p.name.clone(), p.titles.clone(), p.roles.clone(), p.mentions.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(summary(&a), summary(&b), "seed {prefix}");
        assert_eq!(a.meeting.date, b.meeting.date);
        assert_eq!(a.outline.len(), b.outline.len());
    }
}

#[test]
fn all_numbering() {
    let text = "一、\n二、\n三、\n（一）\n（二）\n1.\n2.\n3.\n第一，\n第二，\n一是\n二是\n①②③\n".repeat(20);
    let r = checked(&text);
    assert!(r.people.is_empty() && r.organizations.is_empty(), "{:?}", names(&r));
    assert!(r.formulas.is_empty() && r.targets.is_empty());
    let lone = "一、二、三、四、五、六、七、八、九、十、".repeat(500);
    let r = checked(&lone);
    assert!(r.people.is_empty());
}
