use super::*;
use crate::extract::{document, region, with_document};
use crate::report::{AnomalyKind, Span};
use crate::text::Doc;

/// Run the pipeline pieces up to anomalies; return the anomalies and the doc (for slicing).
fn run(text: &str) -> (Doc, Vec<Anomaly>) {
    with_document(text, |ctx, document| {
        (ctx.doc.clone(), extract(ctx, document, region::extract(ctx, document).as_ref()))
    })
}

fn of(kind: AnomalyKind, doc: &Doc, a: &[Anomaly]) -> Vec<(String, String)> {
    a.iter().filter(|x| x.kind == kind).map(|x| (doc.unmasked_slice(x.span).to_string(), x.detail.clone())).collect()
}

/// The placeholders each warning names (the first “…” of each of its parts).
fn tokens(p: &[(String, String)]) -> Vec<String> {
    p.iter()
        .flat_map(|(_, d)| {
            d.split('；').filter_map(|part| {
                part.split_once('“').and_then(|(_, r)| r.split_once('”')).map(|(t, _)| t.to_string())
            })
        })
        .collect()
}

#[test]
fn placeholders() {
    let text = "同志们：刚才，X同志通报了情况，xx书记也作了讲话。去年我范文网县综治工作成绩显著，\
                XX市要学习。请[单位名称]负责，×××要落实。（此处插入数据表）某某县要抓紧。";
    let (doc, a) = run(text);
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    assert_eq!(
        tokens(&p),
        vec!["X同志", "xx书记", "范文网", "XX市", "[单位名称]", "×××", "（此处插入数据表）", "某某县"]
    );
    // Each warning spans the clause its placeholder sits in.
    let written: Vec<&str> = p.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(
        written,
        vec![
            "X同志通报了情况",
            "xx书记也作了讲话",
            "去年我范文网县综治工作成绩显著",
            "XX市要学习",
            "请[单位名称]负责",
            "×××要落实",
            "（此处插入数据表）某某县要抓紧"
        ]
    );
    assert!(p[0].1.contains("人名"), "{}", p[0].1);
    assert_eq!(p[2].1, "网站名“范文网”出现在地名的位置（“范文网县”）");
    assert!(p[3].1.contains("地名"));
}

#[test]
fn placeholders_next_to_each_other_and_after_letters() {
    // Two site names in a row: the second one's 我 comes after the first name, not before it.
    let (doc, a) = run("去年我文网市我秘网县工作成绩显著。");
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    assert_eq!(tokens(&p), vec!["文网", "秘网"]);
    // After a Latin letter a mark is part of a word (Fox同志), but the mark after it still
    // stands for a name (Fox××同志: ×同志), as does x after a stray * (A*x同志).
    let (doc, a) = run("请Fox××同志参会，A*x同志列席。Fox同志已到。");
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    assert_eq!(tokens(&p), vec!["×同志", "x同志"]);
}

#[test]
fn placeholder_spans_hold_their_clause() {
    // The words around a placeholder show what was left unfilled: a title before it, the verb
    // or noun after it, up to the clause's punctuation.
    let (doc, a) = run("会议进行第一项，请副县长、县公安局局长X同志通报全县治安形势。\n\
        下面，请政府办副主任李x宣读表彰决定。\n\
        会议传达了第**次全省信访工作会议精神，**要想继续走在前列，必须狠抓落实。");
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    let written: Vec<&str> = p.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(
        written,
        vec![
            "县公安局局长X同志通报全县治安形势",
            "请政府办副主任李x宣读表彰决定",
            "会议传达了第**次全省信访工作会议精神",
            "**要想继续走在前列"
        ]
    );
    // Placeholders joined by 、 are one warning over the list.
    let (doc, a) = run("上午，大家观摩了**区、**街道、**社区三级综治中心。");
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, "大家观摩了**区、**街道、**社区三级综治中心");
}

#[test]
fn bare_marks_in_templates() {
    // A run of X standing for an event or a figure, a lone * before a place word, 某 before a
    // title, and an anti-copy site's substitution markers.
    let (doc, a) = run("为迎接XX营造良好环境。全县组织开展了XX等系列专项行动。\n\
        因征地问题引发的不稳定因素3xxxx，占二成。为“xx”规划收官作贡献。\n\
        近年来，*新区信访工作成效明显。某县长在会上作了部署。\n\
        坚持以（五字名字和称呼替换）为核心的（三字名称替换）的领导。");
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    let t = tokens(&p);
    assert_eq!(t, vec!["XX", "XX", "xxxx", "xx", "*", "某县长", "（五字名字和称呼替换）", "（三字名称替换）"], "{p:?}");
    assert!(p.iter().any(|(w, _)| w == "为迎接XX营造良好环境"));
    assert!(p.iter().any(|(w, _)| w == "*新区信访工作成效明显"));
    assert!(p.last().is_some_and(|(_, d)| d.contains("替换标记")));
}

#[test]
fn circles_boxes_and_blanks() {
    let (doc, a) = run("○○县要抓好落实，□□同志作了发言，请____同志宣读决定。○  目录  ○");
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    assert_eq!(tokens(&p), vec!["○○县", "□□同志", "____同志"], "{p:?}");
}

#[test]
fn no_bare_mark_in_ordinary_words() {
    // 某些 / 某种 are words; X光, XML, iPhone X, 3×4, 5x are not placeholders; 某单位 is language.
    let (_, a) = run("某些单位存在某种倾向。配备X光机和XML接口，iPhone X一部，面积3×4米，效率提高5x倍。某单位发生了事故。健全“3+X”会商机制。");
    let p: Vec<_> = a.iter().filter(|x| x.kind == AnomalyKind::Placeholder).map(|x| x.detail.clone()).collect();
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn no_placeholder_in_normal_text() {
    let (_, a) = run(
        "互联网市场监管要加强，全网市场要规范。X光机、XML文件、Windows系统不受影响。王某某不在此列吗？本单位要落实。",
    );
    let p: Vec<_> = a.iter().filter(|x| x.kind == AnomalyKind::Placeholder).map(|x| x.detail.clone()).collect();
    // 王某某 is an anonymised name: 某某 is still a placeholder, nothing else is.
    assert_eq!(p.len(), 1, "{p:?}");
}

/// A report on one county's public-security work with one paragraph about another county's
/// schools pasted in.
const PASTED: &str = "临安召开2021年度平安临安建设推进会\n\n\
    3月2日上午，我区召开2021年度平安临安建设推进会，总结去年平安建设工作，部署今年平安建设任务。区委书记出席会议并讲话。\n\
    区委书记指出，全区上下要深化对平安建设的认识，坚持统筹发展和安全，全力做好政法综治工作，推动平安临安建设再上新台阶，确保社会大局持续稳定。\n\
    要坚持办好人民满意的学校，提振桐庐教育信心。桐庐教育曾经创造辉煌，近年来教师队伍老化，桐庐学校办学条件亟待改善，要振兴桐庐教育，让每个孩子上好学。\n\
    区委书记强调，要坚决打好信访稳定攻坚战，狠抓源头化解，加强矛盾纠纷排查化解，深入推进扫黑除恶常态化，严厉打击电信网络诈骗犯罪，守牢公共安全底线，建设更高水平的平安临安。\n\
    区委书记要求，全区政法综治战线要加强队伍建设，锻造政法铁军，压实平安建设责任，形成齐抓共管的平安建设工作格局，营造全民参与平安建设的浓厚氛围。\n";

#[test]
fn pasted_paragraph_is_off_topic() {
    let (doc, a) = run(PASTED);
    let o = of(AnomalyKind::OffTopic, &doc, &a);
    assert_eq!(o.len(), 1, "{o:?}");
    assert!(o[0].0.starts_with("要坚持办好人民满意的学校"));
    assert!(o[0].1.contains("“桐庐”") && o[0].1.contains("全文其他部分未出现"), "{}", o[0].1);
    assert!(o[0].1.contains("“教育”"), "{}", o[0].1);
}

#[test]
fn on_topic_paragraph_with_local_place_is_kept() {
    // A place named only in one paragraph, but on the document's subject: not off topic.
    let text = PASTED.replace(
        "要坚持办好人民满意的学校，提振桐庐教育信心。桐庐教育曾经创造辉煌，近年来教师队伍老化，桐庐学校办学条件亟待改善，要振兴桐庐教育，让每个孩子上好学。",
        "会议通报了於潜镇平安建设工作，於潜镇坚持政法综治工作一盘棋，扎实开展矛盾纠纷排查化解，社会大局持续稳定，平安建设群众满意率位居全区前列。",
    );
    let (doc, a) = run(&text);
    assert!(of(AnomalyKind::OffTopic, &doc, &a).is_empty());
}

fn seed(p: &str) -> (Doc, Vec<Anomaly>) {
    run(&document::tests::seed(p))
}

#[test]
fn seed_001_off_topic() {
    let (doc, a) = seed("001_");
    let o = of(AnomalyKind::OffTopic, &doc, &a);
    assert_eq!(o.len(), 1, "{o:?}");
    assert!(o[0].0.starts_with("要坚持教育优先"));
    assert!(o[0].1.contains("“武平”") && o[0].1.contains("“教育”"), "{}", o[0].1);
}

#[test]
fn seed_003_placeholders() {
    let (doc, a) = seed("003_");
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    assert_eq!(tokens(&p), vec!["x同志", "老秘网", "老秘网"]);
    assert!(p.iter().any(|(w, d)| w.contains("x同志") && d.contains("人名")), "{p:?}");
    assert!(p.iter().all(|(w, _)| w.contains("老秘网市") || w.contains("x同志")), "{p:?}");
}

#[test]
fn seeds_have_no_other_off_topic_or_placeholders() {
    for s in ["000_", "002_", "003_", "004_"] {
        let (doc, a) = seed(s);
        assert!(of(AnomalyKind::OffTopic, &doc, &a).is_empty(), "{s}: {:?}", of(AnomalyKind::OffTopic, &doc, &a));
        if s != "003_" {
            assert!(
                of(AnomalyKind::Placeholder, &doc, &a).is_empty(),
                "{s}: {:?}",
                of(AnomalyKind::Placeholder, &doc, &a)
            );
        }
    }
}

#[test]
fn seed_scores_leave_a_margin() {
    // No genuine paragraph of the seeds names a foreign place (some short ones are near the
    // similarity threshold, so this second condition is what keeps them).
    for s in ["000_", "001_", "002_", "004_"] {
        for (para, sim, foreign) in scores_of(&document::tests::seed(s)) {
            if para.starts_with("要坚持教育优先") {
                assert!(sim < 0.1 && foreign.is_some(), "{sim}");
            } else {
                assert!(foreign.is_none(), "{s} {sim} {foreign:?} {para}");
            }
        }
    }
}

#[test]
fn junk() {
    for t in ["", "x", "我网市", &"段落。\n".repeat(5_000)] {
        assert!(run(t).1.is_empty(), "{t:?}");
    }
    let (doc, a) = run("某某");
    assert_eq!(
        of(AnomalyKind::Placeholder, &doc, &a),
        vec![("某某".to_string(), "模板占位符“某某”：名称未填写".to_string())]
    );
    // Placeholders one after another are one warning over all of them.
    let (_, a) = run(&"某某同志".repeat(10_000));
    assert_eq!(a.len(), 1);
    assert_eq!((a[0].kind, a[0].span), (AnomalyKind::Placeholder, Span::new(0, 40_000)));
}

#[test]
fn analyze_seeds_end_to_end() {
    use crate::report::{DocumentKind, RegionLevel};
    let r = crate::analyze(&document::tests::seed("000_"));
    assert_eq!(r.meeting.date.as_deref(), Some("2020-05-15"));
    assert_eq!(r.meeting.time_of_day.as_deref(), Some("下午"));
    assert_eq!(r.meeting.format.as_deref(), Some("电视电话会议"));
    assert_eq!(r.meeting.organizers, vec!["市委", "市政府"]);
    assert_eq!(r.region.as_ref().map(|g| (g.name.as_str(), g.level)), Some(("昆山", RegionLevel::City)));

    let r = crate::analyze(&document::tests::seed("001_"));
    assert_eq!(r.meeting.date.as_deref(), Some("2022-03-09"));
    assert_eq!(r.meeting.time_of_day.as_deref(), Some("上午"));
    assert_eq!(r.anomalies.iter().filter(|a| a.kind == AnomalyKind::OffTopic).count(), 1);
    assert!(r.anomalies.iter().any(|a| a.kind == AnomalyKind::Boilerplate && a.detail.contains("备案号")));

    let r = crate::analyze(&document::tests::seed("002_"));
    assert_eq!(r.meeting.date.as_deref(), Some("2017-03-23"));

    let r = crate::analyze(&document::tests::seed("003_"));
    assert_eq!(r.document.kind, DocumentKind::Speech);
    assert_eq!(r.region, None);
    let p: Vec<&str> =
        r.anomalies.iter().filter(|a| a.kind == AnomalyKind::Placeholder).map(|a| a.detail.as_str()).collect();
    assert!(p.iter().any(|d| d.contains("x同志")) && p.iter().any(|d| d.contains("老秘网")), "{p:?}");

    let r = crate::analyze(&document::tests::seed("004_"));
    assert_eq!(r.meeting.venue.as_deref(), Some("州国际会议中心3号厅"));
    assert_eq!(r.meeting.date.as_deref(), Some("2020-06-11"));
    assert_eq!(r.meeting.time_of_day.as_deref(), Some("上午"));
    assert_eq!(r.document.published.as_deref(), Some("2020-06-23"));
    assert_eq!(r.document.author.as_deref(), Some("黄莎"));
    assert!(r.anomalies.iter().any(|a| a.kind == AnomalyKind::Boilerplate && a.detail.contains("当前位置")));
    assert_eq!(r.region.as_ref().map(|g| (g.name.as_str(), g.level)), Some(("大理", RegionLevel::Prefecture)));
}

/// Scores of every paragraph (after the pipeline's masking and region).
fn scores_of(text: &str) -> Vec<(String, f64, off_topic::Foreign)> {
    with_document(text, |ctx, document| {
        off_topic::scores(ctx, region::extract(ctx, document).as_ref())
            .into_iter()
            .map(|(i, s, f)| (ctx.slice(ctx.paragraphs[i]).to_string(), s, f))
            .collect()
    })
}

#[test]
fn common_nouns_before_place_words_are_not_foreign_places() {
    // 属地 + 乡镇 and 事关 + 人民 look like "place + 乡/人民"; they are common words.
    let text = "在全市信访工作会议上的讲话\n\n同志们：\n今天，市委召开全市信访工作会议，部署信访工作。\n\
        要压实属地责任，属地乡镇（街道）要牵头会商，相关职能部门配合，做到一件事项、一名领导、一套方案、一抓到底，\
        对推诿扯皮的严肃问责。\n\
        信访工作事关人民群众切身利益，事关改革发展稳定大局，各级要用心用情用力解决群众急难愁盼问题。\n\
        要坚持源头治理，深化信访工作法治化，推动信访积案化解，确保信访形势持续平稳。\n";
    for (p, sim, foreign) in scores_of(text) {
        assert!(foreign.is_none(), "{sim} {foreign:?} {p}");
    }
}

#[test]
fn genre_set_has_no_off_topic_paragraph() {
    // The held-out genre documents are on topic (but those written with a pasted paragraph,
    // whose expected facts say so): no paragraph names a foreign place.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/genre");
    let files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect()
        })
        .unwrap_or_default();
    assert!(!files.is_empty());
    for f in files {
        let expected = std::fs::read_to_string(f.with_extension("expected.json")).unwrap_or_default();
        if expected.contains("\"off_topic\"") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap_or_default();
        for (p, sim, foreign) in scores_of(&text) {
            assert!(foreign.is_none(), "{f:?} {sim} {foreign:?} {p}");
        }
        let (_, a) = run(&text);
        assert!(a.iter().all(|x| x.kind != AnomalyKind::OffTopic), "{f:?}");
    }
}

#[test]
fn pasted_paragraph_naming_a_suffixed_county() {
    // The foreign county is written with its suffix, one token (婺源县/ns), never bare.
    let text = "临澧县召开信访维稳工作调度会\n\
        3月5日晚上，临澧县召开全国两会期间信访维稳工作调度会，部署安保维稳重点任务。县委书记钟立平出席会议并讲话。\n\
        钟立平强调，要全面排查化解矛盾纠纷，对重点信访事项逐一落实包案领导和稳控措施，压紧压实属地责任，严格落实值班和领导带班制度，确保全县社会大局和谐稳定。\n\
        油菜花海连绵起伏，粉墙黛瓦错落其间。近日，婺源县江岭景区迎来赏花高峰，每天接待游客超过两万人次。该县推出民宿体验、非遗展示、农事研学等新业态，带动村民增收。婺源县文旅部门负责人表示，将继续完善景区配套设施。\n\
        会议要求，各乡镇、各部门要对照会议部署抓好信访维稳工作落实，确保各项维稳措施落地落实。\n";
    let (doc, a) = run(text);
    let o = of(AnomalyKind::OffTopic, &doc, &a);
    assert_eq!(o.len(), 1, "{o:?}");
    assert!(o[0].0.starts_with("油菜花海"), "{}", o[0].0);
    assert!(o[0].1.contains("“婺源”"), "{}", o[0].1);
}

#[test]
fn foreign_names_are_counted_in_the_whole_text() {
    // The pasted paragraph's 桐庐 written once more elsewhere: a place the document does
    // mention, so the paragraph is no longer flagged.
    let mentioned = PASTED.replace("确保社会大局持续稳定。", "确保社会大局持续稳定，学习借鉴桐庐经验。");
    let (doc, a) = run(&mentioned);
    assert!(of(AnomalyKind::OffTopic, &doc, &a).is_empty());
    // Two pasted paragraphs naming two other places: both found, each with its own name and count.
    let two = PASTED.replace(
        "区委书记要求，",
        "要办好人民满意的医院，振兴淳安医疗事业。淳安医院曾经名声在外，近年来医生队伍流失，卫生院设备陈旧，淳安人民看病仍然不便，要补齐医疗短板，让患者看病更方便。\n区委书记要求，",
    );
    let (doc, a) = run(&two);
    let o = of(AnomalyKind::OffTopic, &doc, &a);
    assert_eq!(o.len(), 2, "{o:?}");
    assert!(o[0].1.contains("“桐庐”（4次"), "{}", o[0].1);
    assert!(o[1].1.contains("“淳安”（3次"), "{}", o[1].1);
}

#[test]
fn bracketed_blanks_of_a_template_are_placeholders() {
    let text =
        "述职报告\n我叫（姓名），现任（单位名称）党组书记。一年来共办理信访案件（具体数字）件，（填写主要成绩）。";
    let (doc, a) = run(text);
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    assert_eq!(tokens(&p), vec!["（姓名）", "（单位名称）", "（具体数字）", "（填写主要成绩）"]);
    // An alternative or a note in brackets is running text.
    let (doc, a) = run("各成员单位（部门）要落实责任，张三（县委书记）出席会议，办结率（具体见附表）达到九成。");
    assert!(of(AnomalyKind::Placeholder, &doc, &a).is_empty());
}

#[test]
fn a_list_of_bare_placeholders_is_one_warning() {
    let (doc, a) = run("出席今天会议的县领导有：XX、XX、XX同志。");
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    // Each placeholder named once, and how many the warning holds.
    assert_eq!(tokens(&p), vec!["XX", "XX同志"]);
    assert!(p[0].1.ends_with("（共3处）"), "{}", p[0].1);
    assert_eq!(p.len(), 1);
}

#[test]
fn underlined_and_empty_bracket_blanks() {
    let (doc, a) = run("全县共有（  ）个村，共受理____件。\n____年____月____日");
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    assert_eq!(tokens(&p), vec!["（  ）", "____件", "____年", "____月", "____日"]);
    // A rule line is no blank.
    let (doc, a) = run("会议强调要抓好落实。\n________________\n");
    assert!(of(AnomalyKind::Placeholder, &doc, &a).is_empty());
}

#[test]
fn a_long_run_of_placeholders_is_one_short_warning() {
    // A template pasted many times: one warning that names the placeholder once and counts them.
    let (doc, a) = run(&"某某同志、".repeat(10_000));
    let p = of(AnomalyKind::Placeholder, &doc, &a);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].1.chars().count() < 200, "{}", p[0].1);
    assert!(p[0].1.ends_with("（共10000处）"), "{}", p[0].1);
    assert_eq!(tokens(&p), ["某某同志"]);
}
