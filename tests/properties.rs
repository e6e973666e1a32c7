//! Properties that hold for every input, checked on generated text: analyze() never panics, its
//! spans stay inside the input, it is deterministic; decode() never panics and reads UTF-8 text
//! back unchanged. Case counts are kept small so the normal suite stays fast; the fuzzers in
//! fuzz/ run the same checks for millions of inputs.

#![cfg(not(target_arch = "wasm32"))]

use huixi::{analyze, Report};
use huixi_input::decode::decode;
use proptest::prelude::*;

use huixi_testkit::check_report;

/// Pieces of the genre's writing: titles, roles, names, numbering, dates, punctuation (both
/// widths), placeholders, line breaks, website chrome, astral chars. Concatenated at random they
/// give texts that reach deep into every extractor, unlike uniformly random Unicode.
const PIECES: &[&str] = &[
    "市委书记",
    "县委副书记",
    "区长",
    "政法委书记",
    "公安局局长",
    "市人大常委会主任",
    "镇党委书记",
    "王",
    "李",
    "张",
    "欧阳",
    "建国",
    "某某",
    "x同志",
    "XX市",
    "××",
    "同志",
    "同志们：",
    "他",
    "她",
    "出席会议并讲话",
    "主持会议",
    "作工作报告",
    "传达",
    "部署",
    "宣读",
    "通报",
    "召开",
    "全市政法工作会议",
    "平安建设",
    "社会治理",
    "信访",
    "扫黑除恶专项斗争",
    "“枫桥经验”",
    "一、",
    "二、",
    "（一）",
    "（二）",
    "1.",
    "2.",
    "第一，",
    "一是",
    "二要",
    "首先",
    "①",
    "2021年",
    "5月15日",
    "515日",
    "上午",
    "下午",
    "年底前",
    "到2025年",
    "98%",
    "1234件",
    "、",
    "，",
    "。",
    "：",
    "；",
    "“",
    "”",
    "（",
    "）",
    "！",
    "？",
    "《",
    "》",
    "——",
    "…",
    ",",
    ":",
    ";",
    "(",
    ")",
    "\"",
    " ",
    "\u{3000}",
    "\u{a0}",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
    "0",
    "1",
    "9",
    "２０２０",
    "Ｘ",
    "a",
    "the",
    "<p>",
    "</p>",
    "<script>",
    "浏览次数:",
    "[打印]",
    "😀",
    "𠀀",
    "\u{FFFD}",
    "\u{200B}",
    "\u{FEFF}",
    "\u{2028}",
    "\u{0}",
    "\u{7}",
    "书記",
    "會議",
];

fn genre_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..300).prop_map(|v| v.concat())
}

/// Genre pieces mixed with arbitrary chars, so unseen chars land between known words.
fn mixed_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..300).prop_map(|v| v.concat())
}

fn check_analyze(text: &str) -> Report {
    let r = analyze(text);
    check_report(text, &r);
    r
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn analyze_arbitrary_strings(s in any::<String>()) {
        check_analyze(&s);
    }

    #[test]
    fn analyze_genre_like_text(s in genre_text()) {
        check_analyze(&s);
    }

    #[test]
    fn analyze_mixed_text(s in mixed_text()) {
        check_analyze(&s);
    }

    #[test]
    fn analyze_is_deterministic(s in genre_text()) {
        // The web UI re-analyses on every edit; a Report that changes for the same text (e.g.
        // from HashMap order) makes highlights flicker and exports irreproducible.
        let a = check_analyze(&s);
        let b = analyze(&s);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn decode_arbitrary_bytes(b in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(d) = decode(&b) {
            check_analyze(&d.text);
        }
    }

    #[test]
    fn decode_text_like_bytes(b in prop::collection::vec(
        // Bytes biased to the shapes of GBK (high pairs), UTF-16 (NULs) and UTF-8 lead bytes.
        prop_oneof![4 => 0x80u8..=0xFE, 2 => 0x20u8..0x7F, 1 => Just(0u8), 1 => Just(b'\n'), 1 => 0xE0u8..=0xEF],
        0..2000,
    )) {
        if let Ok(d) = decode(&b) {
            check_analyze(&d.text);
        }
    }

    #[test]
    fn decode_reads_utf8_text_back(s in "[\\PC\n\r\t]*") {
        // Any text without control chars (which mark binary files) and without a leading BOM
        // (\PC excludes U+FEFF) comes back unchanged.
        let d = decode(s.as_bytes());
        prop_assert!(d.is_ok(), "{:?} refused: {:?}", s, d);
        let d = d.unwrap();
        prop_assert_eq!(d.text, s);
        prop_assert_eq!(d.encoding, "UTF-8");
        prop_assert!(d.warnings.is_empty());
    }

    #[test]
    fn decode_reads_genre_utf8_back(s in genre_text()) {
        let clean: String = s.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t')).collect();
        let clean = clean.trim_start_matches('\u{FEFF}');
        let d = decode(clean.as_bytes());
        prop_assert!(d.is_ok(), "{:?} refused: {:?}", clean, d);
        prop_assert_eq!(d.unwrap().text, clean);
    }
}
