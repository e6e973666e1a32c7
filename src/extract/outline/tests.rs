use super::*;
use crate::extract::with_ctx;

fn run(text: &str, people: &[Person]) -> Vec<OutlineNode> {
    with_ctx(text, |ctx| extract(ctx, people))
}

fn markers(nodes: &[OutlineNode]) -> Vec<&str> {
    nodes.iter().map(|n| n.marker.as_str()).collect()
}

fn person(name: &str, text: &str) -> Person {
    let n = name.chars().count();
    let mut mentions = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let nc: Vec<char> = name.chars().collect();
    for i in 0..chars.len() {
        if chars[i..].starts_with(&nc) {
            mentions.push(Span::new(i, i + n));
        }
    }
    Person { name: name.into(), mentions, ..Default::default() }
}

#[test]
fn han_numerals_parse_beyond_ten() {
    let v = |s: &str| han_value(&s.chars().collect::<Vec<_>>());
    assert_eq!(v("一"), Some(1));
    assert_eq!(v("十"), Some(10));
    assert_eq!(v("十二"), Some(12));
    assert_eq!(v("二十"), Some(20));
    assert_eq!(v("二十三"), Some(23));
    assert_eq!(v("一十"), None);
}

#[test]
fn headings_on_their_own_lines_with_inline_children() {
    let text = "县委书记王立强出席会议并讲话。\n\
一、提高政治站位，扛牢平安建设责任。\n\
王立强指出，第一，形势有新变化。风险交织。第二，群众有新期待。第三，工作有新短板。\n\
二、突出工作重点，打好攻坚硬仗。\n\
王立强强调，要打好三场硬仗。一要打好矛盾化解攻坚战。二要打好治安防控攻坚战。三要打好基层治理攻坚战。\n\
三、强化组织保障，形成工作合力。\n\
要坚持全县一盘棋，统一、规范推进各项工作。\n\
副县长李某主持会议。";
    let nodes = run(text, &[person("王立强", text)]);
    assert_eq!(markers(&nodes), vec!["一、", "二、", "三、"]);
    assert!(nodes.iter().all(|n| n.level == 1));
    assert_eq!(nodes[0].text, "提高政治站位，扛牢平安建设责任");
    assert_eq!(markers(&nodes[0].children), vec!["第一，", "第二，", "第三，"]);
    assert_eq!(nodes[0].children[0].text, "形势有新变化");
    assert_eq!(nodes[0].children[0].level, 2);
    assert_eq!(markers(&nodes[1].children), vec!["一要", "二要", "三要"]);
    assert_eq!(nodes[1].children[2].text, "打好基层治理攻坚战");
    // 统一、规范 is no marker; the last heading takes its body paragraph but not the chair line.
    assert!(nodes[2].children.is_empty());
    let last = with_ctx(text, |ctx| ctx.slice(nodes[2].span).to_string());
    assert!(last.starts_with("三、强化组织保障"));
    assert!(last.ends_with("推进各项工作。"), "{last}");
    // Spans run to the next sibling.
    assert_eq!(nodes[0].span.1 + 1, nodes[1].span.0);
    assert_eq!(nodes[1].children[0].speaker.as_deref(), Some("王立强"));
}

#[test]
fn inline_headings_after_spaces_in_one_long_line() {
    let text = "同志们：今天召开会议，我讲三点意见。 一、切实强化责任意识，推动措施落实。各地要抓好落实 二、切实强化底线意识。一要深入排查风险。二要加强矛盾化解。三要加强网络监管。 三、切实强化为民意识。一要提高打击实效。二要推进防控体系建设。 总之，希望大家扎实工作！";
    let nodes = run(text, &[]);
    assert_eq!(markers(&nodes), vec!["一、", "二、", "三、"]);
    assert!(nodes[0].children.is_empty());
    assert_eq!(markers(&nodes[1].children), vec!["一要", "二要", "三要"]);
    assert_eq!(markers(&nodes[2].children), vec!["一要", "二要"]);
    assert!(nodes.iter().all(|n| n.speaker.is_none()));
    let tail = with_ctx(text, |ctx| ctx.slice(nodes[2].span).to_string());
    assert!(tail.ends_with("推进防控体系建设。"), "closing 总之 is not part of the last point: {tail}");
    // The child's last item stops at its parent's end.
    assert!(nodes[1].children[2].span.1 <= nodes[1].span.1);
}

#[test]
fn a_speakers_review_and_second_list_are_not_the_points() {
    let text = "张明指出，成绩主要体现在两个方面：一是服务大局有担当。二是维护稳定见实效。\n\
张明要求，一要维护政治安全。二要护航经济发展。三要深化平安建设。\n\
张明强调，一要强化责任落实。二要创新工作思路。";
    // One speaker, one list: the review before and the second list after are not the points.
    let nodes = run(text, &[person("张明", text)]);
    assert_eq!(markers(&nodes), vec!["一要", "二要", "三要"]);
    assert!(nodes.iter().all(|n| n.level == 1 && n.children.is_empty()));
    assert_eq!(nodes[0].text, "维护政治安全");
}

#[test]
fn stray_first_item_is_not_an_enumeration() {
    let nodes = run("会议强调，一是要提高认识，切实抓好落实。另外要加强宣传。", &[]);
    assert!(nodes.is_empty());
    // Nor is 一要 followed by a 二要 several paragraphs away inside running text.
    let nodes = run("会议要求，一要加强领导。\n会议指出，工作有成效。\n会议强调，队伍要过硬，二要加强作风。", &[]);
    assert!(nodes.is_empty());
}

#[test]
fn parenthesised_and_arabic_markers_nest_under_headings() {
    let text = "一、总体要求\n(一)指导思想。坚持以人民为中心。\n（二）工作目标。\n1.建立机制。\n2.完善平台。\n二、重点任务\n（一）化解矛盾。\n（二）防控风险。";
    let nodes = run(text, &[]);
    assert_eq!(markers(&nodes), vec!["一、", "二、"]);
    assert_eq!(markers(&nodes[0].children), vec!["（一）", "（二）"]);
    assert_eq!(nodes[0].children[0].text, "指导思想");
    assert_eq!(markers(&nodes[0].children[1].children), vec!["1.", "2."]);
    assert_eq!(nodes[0].children[1].children[0].level, 3);
    assert_eq!(markers(&nodes[1].children), vec!["（一）", "（二）"]);
}

#[test]
fn numbers_beyond_ten_continue_a_sequence() {
    let mut text = String::new();
    let nums = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
    for n in nums {
        text.push_str(&format!("{n}、加强第{n}项工作。\n"));
    }
    let nodes = run(&text, &[]);
    assert_eq!(nodes.len(), 12);
    assert_eq!(nodes[11].marker, "十二、");
    assert_eq!(nodes[10].text, "加强第十一项工作");
}

#[test]
fn shouxian_qici_zuihou() {
    let nodes = run("首先，要提高认识。其次，要压实责任。最后，要加强保障。这是最后一公里。", &[]);
    assert_eq!(markers(&nodes), vec!["首先", "其次", "最后"]);
    assert_eq!(nodes[1].text, "要压实责任");
}

#[test]
fn circled_numbers() {
    let nodes = run("重点抓好：①排查风险；②化解矛盾；③强化宣传。", &[]);
    assert_eq!(markers(&nodes), vec!["①", "②", "③"]);
    assert_eq!(nodes[0].text, "排查风险");
}

#[test]
fn speaker_is_the_latest_speech_act() {
    let text = "市委书记赵刚出席会议并讲话。赵刚指出：一要提高站位。二要压实责任。\n市长孙平要求，一要抓好落实。二要加强督查。";
    let people = [person("赵刚", text), person("孙平", text)];
    let nodes = run(text, &people);
    assert_eq!(nodes.len(), 4);
    assert_eq!(nodes[0].speaker.as_deref(), Some("赵刚"));
    assert_eq!(nodes[3].speaker.as_deref(), Some("孙平"));
}

#[test]
fn junk_gives_no_list() {
    for t in ["", "一", "（", "（一", "第", "第一", "1", "1.", "首", "最后"] {
        assert!(run(t, &[]).is_empty(), "{t:?}");
    }
    // A line of markers alone is one item, its first marker's.
    for t in ["一、", "一、二、三、"] {
        assert_eq!(markers(&run(t, &[])), vec!["一、"], "{t:?}");
    }
    assert_eq!(markers(&run("\n\n一是\n二是", &[])), vec!["一是", "二是"]);
    let long = "一、二、".repeat(20_000);
    let nodes = run(&long, &[]);
    assert_eq!(markers(&nodes), vec!["一、"]);
    assert!(nodes[0].span.1 <= 40_000 && nodes[0].children.is_empty());
    // Thousands of lists in one line: siblings, not a staircase of nested lists.
    let nodes = run(&"一要加强。二要落实。".repeat(20_000), &[]);
    // One speaker (none named): its first list.
    assert_eq!(nodes.len(), 2);
    assert!(nodes.iter().all(|n| n.children.is_empty() && n.span.len() <= 5));
    let nodes = run(&"一要加强。二要落实。一是学习。二是宣传。".repeat(5_000), &[]);
    assert!(nodes.iter().all(|n| n.level == 1));
    let depth = |n: &OutlineNode| -> u32 {
        fn d(n: &OutlineNode) -> u32 {
            1 + n.children.iter().map(d).max().unwrap_or(0)
        }
        d(n)
    };
    assert!(nodes.iter().all(|n| depth(n) <= MAX_DEPTH));
    // Control chars, Latin, Greek …: any list found there stays inside the text.
    let bin: String = (0..3000u32).filter_map(char::from_u32).collect();
    let n = bin.chars().count();
    assert!(run(&bin, &[]).iter().all(|node| node.span.0 < node.span.1 && node.span.1 <= n));
}

#[test]
fn seed_003_four_headings_with_children() {
    let nodes = with_ctx(include_str!("../../../seeds/003_04741f46a19850b6.txt"), |ctx| extract(ctx, &[]));
    assert_eq!(markers(&nodes), vec!["一、", "二、", "三、", "四、"]);
    assert_eq!(nodes[0].text, "切实强化责任意识，推进各项举措落实");
    assert!(nodes[0].children.is_empty());
    assert_eq!(markers(&nodes[1].children), vec!["一要", "二要", "三要", "四要"]);
    assert_eq!(markers(&nodes[2].children), vec!["一要", "二要", "三要"]);
    assert_eq!(markers(&nodes[3].children), vec!["一要", "二要", "三要"]);
    assert!(nodes.iter().all(|n| n.speaker.is_none()));
}

#[test]
fn seed_001_headings_ordinals_and_yao() {
    let text = include_str!("../../../seeds/001_6d1adbc13df3a9af.txt");
    let people = [person("陆秋明", text)];
    let nodes = with_ctx(text, |ctx| extract(ctx, &people));
    assert_eq!(markers(&nodes), vec!["一、", "二、", "三、"]);
    assert_eq!(markers(&nodes[0].children), vec!["第一，", "第二，", "第三，"]);
    assert_eq!(markers(&nodes[1].children), vec!["一要", "二要", "三要", "四要", "五要"]);
    assert_eq!(nodes[1].children[0].text, "坚决打好政治安全攻坚战");
    assert_eq!(markers(&nodes[2].children), vec!["一要", "二要", "三要"]);
    assert_eq!(nodes[1].speaker.as_deref(), Some("陆秋明"));
    let last = with_ctx(text, |ctx| ctx.slice(nodes[2].span).to_string());
    assert!(!last.contains("主持会议"), "{last}");
}

#[test]
fn seed_002_one_yao_list() {
    let nodes = with_ctx(include_str!("../../../seeds/002_2a42e34fa21be9dc.txt"), |ctx| extract(ctx, &[]));
    let m = markers(&nodes);
    // The review (一是…) and the second 一要 list are not the speaker's points (seeds gold).
    assert_eq!(m, vec!["一要", "二要", "三要", "四要", "五要"]);
}

#[test]
fn seed_004_first_yao_list() {
    let nodes = with_ctx(include_str!("../../../seeds/004_4cf3b7e9622604b5.txt"), |ctx| extract(ctx, &[]));
    let m = markers(&nodes);
    // 会议指出, 会议强调, 会议要求 are one speaker: the first list (seeds gold).
    assert_eq!(m.len(), 3, "{m:?}");
    assert_eq!(nodes[0].text, "立足新起点，高标准系统谋篇布局");
}

#[test]
fn in_a_speech_the_byline_speaks_every_point() {
    let text = "在全市平安建设推进会上的讲话\n市委副书记　周海涛\n\n同志们：\n刚才，刘明同志通报了一季度平安建设情况，刘明同志讲得很好。下面，我讲两点意见。\n\
一、提高认识。要把平安建设摆在突出位置。\n二、压实责任。刘明同志要求的事项要抓紧落实。";
    let people = [person("周海涛", text), person("刘明", text)];
    let nodes = run(text, &people);
    assert_eq!(markers(&nodes), vec!["一、", "二、"]);
    assert!(nodes.iter().all(|n| n.speaker.as_deref() == Some("周海涛")), "{nodes:?}");
    // No byline: nobody is named as the speaker, not the colleague the speech mentions.
    let text = "同志们：\n刚才，刘明同志作了讲话。\n一、提高认识。\n二、压实责任。";
    let nodes = run(text, &[person("刘明", text)]);
    assert_eq!(nodes.len(), 2);
    assert!(nodes.iter().all(|n| n.speaker.is_none()));
}

#[test]
fn shouxian_paragraphs_hold_paren_lists() {
    // 首先/其次/再次/最后 open paragraphs, each with its own （一）（二）; a 首先 after a comma
    // inside a point is an adverb and neither restarts nor breaks the top list.
    let text = "同志们：\n\n我讲三点意见。\n\n首先，要统一思想认识。\n\n（一）安全是底线。保安全，首先是保群众安全。\n\n\
（二）稳定是前提。要算大账。\n\n其次，要突出工作重点。\n\n（一）抓好排查。要早发现。\n\n（二）抓好化解。要早处置。\n\n\
再次，要夯实基层基础。\n\n（一）建强网格。\n\n（二）用好调解。\n\n最后，要压实工作责任。\n\n（一）落实属地责任。\n\n（二）严格考核。";
    let nodes = run(text, &[]);
    assert_eq!(markers(&nodes), vec!["首先", "其次", "再次", "最后"]);
    assert!(nodes.iter().all(|n| markers(&n.children) == vec!["（一）", "（二）"]), "{nodes:#?}");
    assert_eq!(nodes[0].text, "要统一思想认识");
}

fn top_markers(text: &str, people: &[Person]) -> Vec<String> {
    run(text, people).iter().map(|n| n.marker.clone()).collect()
}

#[test]
fn a_lone_heading_is_the_outline_of_a_cut_speech() {
    let text = "在全县平安建设工作会议上的讲话\n同志们：\n下面，我讲三点意见。\n一、提高政治站位，增强做好平安建设的责任感\n今年以来，全县上下齐心协力，治安形势持续好转。一是发案下降。二是破案上升。";
    assert_eq!(top_markers(text, &[]), vec!["一、"]);
    // A heading that runs into its body after the lead-in sentence.
    let text = "同志们：\n下面，我再强调三点要求。一、统一思想，提升认识创建平安乡镇是推进基层治理的有效载体";
    assert_eq!(top_markers(text, &[]), vec!["一、"]);
    // Full-width point, heading behind spaces on the line.
    let text = "同志们：\n   一．排查隐患要再细致。各乡镇要时刻保持清醒头脑。";
    assert_eq!(top_markers(text, &[]), vec!["一．"]);
}

#[test]
fn a_table_of_contents_is_no_outline() {
    let text = "某某讲话汇编(2篇)\n目录\n1.在全县信访工作会议上的讲话\n2.在全县信访工作会议上的讲话\n在全县信访工作会议上的讲话\n同志们：\n一、认清形势，主动应对新常态\n当前信访形势依然严峻。";
    assert_eq!(top_markers(text, &[]), vec!["一、"]);
    let text = "提纲：\n一、压实责任\n二、狠抓落实\n同志们：\n今年工作很重。一是任务重。二是时间紧。";
    assert_eq!(top_markers(text, &[]), vec!["一是", "二是"]);
    let text = "目录/提纲：……\n一、提高认识，是做好工作的基础\n二、健全机构，是做好工作的前提\n一是强化责任意识\n二是健全工作制度\n……\n同志们：\n一、提高认识，是做好工作的基础\n信访工作是联系群众的桥梁。";
    assert_eq!(top_markers(text, &[]), vec!["一、"]);
}

#[test]
fn a_review_before_the_headings_is_not_top_level() {
    let text = "同志们：\n去年工作成效明显，主要体现在两个方面：一是矛盾化解有力。二是治安防控到位。\n一、认清形势，增强责任感\n当前风险隐患较多。\n二、突出重点，狠抓落实\n要抓好三件事。";
    assert_eq!(top_markers(text, &[]), vec!["一、", "二、"]);
}

#[test]
fn a_hosts_points_not_the_agenda_nor_the_reasons() {
    let text = "在全县信访工作会议上的主持词\n同志们：\n会议现在开始。召开这次会议主要基于以下考虑：一是上级刚开过会。二是节日临近。\n会议共有两项议程：\n一是由我传达上级会议精神；\n二是由副县长某某同志讲话。\n同志们，会议就要结束了，我再强调几点。\n一要抓好思想落实。会后各乡镇要立即组织学习。";
    assert_eq!(top_markers(text, &[]), vec!["一要"]);
}

#[test]
fn news_each_speakers_list_even_when_cut_off() {
    let text = "会上，张小云强调，一要压实责任。各镇要定期研判。二要落实属地。各村要分级负责。三要严格问责。\n李大鹏要求，一要迅速传达、统一思想。各镇";
    let people = [person("张小云", text), person("李大鹏", text)];
    assert_eq!(top_markers(text, &people), vec!["一要", "二要", "三要", "一要"]);
}

#[test]
fn news_one_list_per_speaker() {
    let text = "王立新指出，去年成效明显，主要体现在两个方面：一是服务大局有担当。二是平安建设成效好。\n王立新要求，一要维护政治安全。要防范风险。二要护航经济发展。要服务项目。\n王立新强调，要加强领导。一要强化责任落实。要履职。二要创新工作思路。要借鉴经验。";
    let people = [person("王立新", text)];
    let nodes = run(text, &people);
    assert_eq!(markers(&nodes), vec!["一要", "二要"]);
    assert_eq!(nodes[0].text, "维护政治安全");
    // 会议指出 and 会议强调 are one speaker.
    let text = "会议指出，一要立足新起点。要谋篇布局。二要着眼宽领域。要分类推进。\n会议强调，一要对标对表。要明确职责。二要逐一分解任务。要压实责任。";
    let nodes = run(text, &[]);
    assert_eq!(markers(&nodes), vec!["一要", "二要"]);
    assert_eq!(nodes[0].text, "立足新起点");
}

#[test]
fn headings_in_loose_punctuation_and_indents() {
    // 一. and 一， opening a line; a heading indented by ideographic spaces after a stop.
    let text = "各位领导、同志们：\n下面讲两点意见。\n一.提高认识，压实责任\n今年以来风险较多。\n二.突出重点，狠抓落实\n要抓好排查。";
    assert_eq!(top_markers(text, &[]), vec!["一.", "二."]);
    let text = "同志们：\n一，提高认识，压实责任\n今年以来风险较多，统一，规范。";
    assert_eq!(top_markers(text, &[]), vec!["一，"]);
    let text = "同志们：下面讲三点意见。\u{3000}\u{3000}一、提高认识，压实责任。今年以来风险较多。";
    assert_eq!(top_markers(text, &[]), vec!["一、"]);
    // Not a number: 一.5 and a 一， inside a sentence.
    assert!(run("增长了一.5个百分点，要坚持一，二不动摇。", &[]).is_empty());
}

#[test]
fn an_address_before_the_salutation_makes_a_speech() {
    // In a speech (各位领导、同志们：) a 主持词's line-opening 一要 is the host's point.
    let text = "在全县会议上的主持词\n各位领导、同志们：\n会议议程已进行完毕。\n一要高度重视。各单位要立即组织学习。";
    assert_eq!(top_markers(text, &[]), vec!["一要"]);
}

#[test]
fn a_lone_heading_inside_running_text_needs_an_announcement() {
    let text = "会议指出，工作取得成效。一、是本次会议的主题。会议要求，一要压实责任。二要狠抓落实。";
    assert_eq!(top_markers(text, &[]), vec!["一要", "二要"]);
}

#[test]
fn a_dot_heading_may_be_spaced_from_its_text() {
    let text = "同志们：\n下面，我讲三点意见。\n一.   压实工作责任，确保任务落地\n各乡镇要把责任扛在肩上。\n二.  强化源头治理\n要把矛盾化解在基层。\n三. 提升队伍素质\n要加强教育培训。";
    let nodes = run(text, &[]);
    assert_eq!(markers(&nodes), vec!["一.", "二.", "三."]);
    assert_eq!(nodes[0].text.trim(), "压实工作责任，确保任务落地");
    // A number, even spaced: 一. 5 is none; nor a dot with nothing after it on its line.
    assert!(run("增长了一. 5个百分点。\n一.  \n二.  \n", &[]).is_empty());
}

#[test]
fn a_stray_space_before_the_comma_of_a_heading() {
    let text = "同志们：\n一 、认清形势，增强信心\n当前形势复杂。\n二 、突出重点，狠抓落实\n要抓好排查。";
    assert_eq!(top_markers(text, &[]), vec!["一、", "二、"]);
    // Inside a sentence it is no heading.
    assert!(run("这是一 、二两个方面的问题。", &[]).is_empty());
}

#[test]
fn ordinal_points_opening_lines_hold_a_yishi_line() {
    let text = "同志们：\n今天召开会议，我讲三点意见。\n第一，提高认识，增强责任感。\n平安是发展的前提。\n\
第二，突出重点，抓好各项工作。\n一是抓好排查化解。二是抓好治安防控。\n第三，强化保障，确保落到实处。\n";
    let nodes = run(text, &[]);
    assert_eq!(markers(&nodes), vec!["第一，", "第二，", "第三，"]);
    assert_eq!(markers(&nodes[1].children), vec!["一是", "二是"]);
}

#[test]
fn emoji_and_symbol_bullets_do_not_hide_markers() {
    let text = "会议要求，👉一要压实工作责任，层层传导压力；👉二要强化源头治理，及时化解矛盾纠纷；👉三要加强队伍建设，提升履职能力。\n";
    assert_eq!(markers(&run(text, &[])), ["一要", "二要", "三要"]);
    let text = "会议指出：\n▶一是坚持问题导向，深入排查风险隐患。\n▶ 二是健全工作机制，完善联动处置流程。\n";
    let out = run(text, &[]);
    assert_eq!(markers(&out), ["一是", "二是"]);
    assert_eq!(out[1].text, "健全工作机制，完善联动处置流程");
}

#[test]
fn speech_parts_are_the_top_level() {
    let text = "同志们：\n今天召开全县政法工作会议，我讲几点意见。\n\
第一部分 回顾过去一年的工作\n一、平安建设取得新成效。全县治安形势持续向好。\n二、矛盾化解取得新进展。信访总量明显下降。\n\
第二部分 部署今年的重点任务\n一、深化平安建设。要压实各方责任。\n二、加强队伍建设。要从严管理监督。\n";
    let out = run(text, &[]);
    assert_eq!(markers(&out), ["第一部分", "第二部分"]);
    assert_eq!(out[0].text, "回顾过去一年的工作");
    assert_eq!(markers(&out[1].children), ["一、", "二、"]);
}
