use super::*;
use crate::extract::{document, region, with_document};

fn run(text: &str) -> Meeting {
    with_document(text, |ctx, document| extract(ctx, document, region::extract(ctx, document).as_ref()))
}

#[test]
fn organisers_format_and_damaged_date() {
    let text = "宿迁市召开政法工作会议\n[发布时间:2021年2月26日]\n\
        224日下午，市委、市政府召开全市政法工作会议。市委书记出席会议并讲话。\n\
        会议以视频会议形式召开，各县区设分会场。\n（来源：宿迁日报，2021年2月24日）";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("全市政法工作会议"));
    assert_eq!(m.date.as_deref(), Some("2021-02-24"));
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
    assert_eq!(m.format.as_deref(), Some("视频会议"));
    assert_eq!(m.organizers, vec!["市委", "市政府"]);
    let span = m.span.expect("span");
    assert!(span.0 > 20);
}

#[test]
fn damaged_date_without_confirmation_is_dropped() {
    let m = run("224日下午，市委召开全市政法工作会议。市委书记出席会议。");
    assert_eq!(m.date, None);
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
    assert_eq!(m.organizers, vec!["市委"]);
}

#[test]
fn venue_and_name_before_verb() {
    let text = "4月7日上午，全县平安建设暨信访工作推进会在县行政中心二楼会议室召开。会议指出，要压实责任。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("全县平安建设暨信访工作推进会"));
    assert_eq!(m.venue.as_deref(), Some("县行政中心二楼会议室"));
    assert_eq!(m.date.as_deref(), Some("--04-07"));
    assert_eq!(m.time_of_day.as_deref(), Some("上午"));
    assert!(m.organizers.is_empty());
}

#[test]
fn venue_after_organiser() {
    let m = run("3月2日，县委在县会议中心召开全县综治工作会议。");
    assert_eq!(m.venue.as_deref(), Some("县会议中心"));
    assert_eq!(m.organizers, vec!["县委"]);
    assert_eq!(m.name.as_deref(), Some("全县综治工作会议"));
}

#[test]
fn year_from_name_or_publication() {
    // 年度 in the name; a review meeting (总结表彰) is held the year after.
    assert_eq!(run("本报讯 2月20日，新区党工委召开2019年度政法工作会议。").date.as_deref(), Some("2019-02-20"));
    assert_eq!(run("本报讯 2月20日，区委召开2019年度平安建设总结表彰大会。").date.as_deref(), Some("2020-02-20"));
    // The publication date beats the name; a December meeting published in January is last year's.
    let m = run("县委召开政法工作会议\n发布时间：2021-01-06\n\n12月30日，县委召开2021年度政法工作会议。");
    assert_eq!(m.date.as_deref(), Some("2020-12-30"));
}

#[test]
fn headline_names_the_meeting_when_the_body_does_not() {
    let m = run("全区社会治理现代化推进会召开\n\n会上，区委书记作讲话。他强调，要提高站位。");
    assert_eq!(m.name.as_deref(), Some("全区社会治理现代化推进会"));
    assert!(m.span.is_some());
}

#[test]
fn a_later_meeting_mention_is_not_the_announcement() {
    let m = run("今年中央政法工作会议召开前，总书记作出重要指示。3月1日，区委召开政法工作会议。");
    assert_eq!(m.name.as_deref(), Some("政法工作会议"));
    assert_eq!(m.organizers, vec!["区委"]);
}

#[test]
fn speech_announces_its_own_meeting() {
    let m = run("同志们：今天，我们召开全县平安建设工作会议，主要任务是部署工作。");
    assert_eq!(m.name.as_deref(), Some("全县平安建设工作会议"));
    assert_eq!(m.date, None);
    let m = run("同志们：今天，我们召开全县综治目标责任签订，主要任务是明确责任。");
    assert_eq!(m.name.as_deref(), Some("全县综治目标责任签订"));
}

#[test]
fn relative_day_against_publication() {
    // 今天 is the publication day; 昨天 gives no date (the page's day may not be the report's),
    // but its time of day stands.
    let m = run("县委召开会议\n发布日期：2021-06-02\n\n今天上午，县委召开全县政法工作会议。");
    assert_eq!(m.date.as_deref(), Some("2021-06-02"));
    assert_eq!(m.time_of_day.as_deref(), Some("上午"));
    let m = run("县委召开会议\n发布日期：2021-06-02\n\n昨天上午，县委召开全县政法工作会议。");
    assert_eq!(m.date, None);
    assert_eq!(m.time_of_day.as_deref(), Some("上午"));
}

#[test]
fn nothing_and_junk() {
    assert_eq!(run(""), Meeting::default());
    assert_eq!(run("今天天气很好。").name, None);
    // A name cut from a long run of 召开会议 is a part of the text, its sentence inside it.
    let text = "召开会议".repeat(20_000);
    let m = run(&text);
    assert!(m.name.as_deref().is_some_and(|n| n.ends_with("会议") && text.contains(n)), "{:?}", m.name);
    assert!(m.span.is_some_and(|s| s.1 <= 80_000));
    let text = format!("{}召开全县综治工作会议。", "县委和".repeat(50_000));
    let m = run(&text);
    assert_eq!(m.name.as_deref(), Some("全县综治工作会议"));
    assert_eq!(m.span, Some(Span::new(0, text.chars().count())));
}

fn seed(p: &str) -> Meeting {
    run(&document::tests::seed(p))
}

#[test]
fn seed_000() {
    let m = seed("000_");
    assert_eq!(m.name.as_deref(), Some("全市推进社会治理现代化暨政法和信访工作会议"));
    assert_eq!(m.date.as_deref(), Some("2020-05-15"));
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
    assert_eq!(m.format.as_deref(), Some("电视电话会议"));
    assert_eq!(m.organizers, vec!["市委", "市政府"]);
}

#[test]
fn seed_001() {
    let m = seed("001_");
    assert_eq!(m.name.as_deref(), Some("2022年度平安金坛建设推进会议"));
    assert_eq!(m.date.as_deref(), Some("2022-03-09"));
    assert_eq!(m.time_of_day.as_deref(), Some("上午"));
    assert!(m.organizers.is_empty());
}

#[test]
fn seed_002() {
    let m = seed("002_");
    assert_eq!(m.name.as_deref(), Some("2017年度政法暨平安建设工作会议"));
    assert_eq!(m.date.as_deref(), Some("2017-03-23"));
    assert_eq!(m.organizers, vec!["解放区委"]);
}

#[test]
fn seed_003() {
    let m = seed("003_");
    assert_eq!(m.name.as_deref(), Some("全市综治责任书签订"));
    assert_eq!(m.date, None);
}

#[test]
fn seed_004() {
    let m = seed("004_");
    assert_eq!(
        m.name.as_deref(),
        Some("平安大理建设暨市域社会治理现代化试点工作领导小组办公室第一次主任会议暨第一次工作推进会")
    );
    assert_eq!(m.venue.as_deref(), Some("州国际会议中心3号厅"));
    assert_eq!(m.date.as_deref(), Some("2020-06-11"));
    assert_eq!(m.time_of_day.as_deref(), Some("上午"));
}

#[test]
fn organisers_before_a_how_phrase() {
    // The institution before 以…形式 / 通过…方式 / 隆重 holds the meeting.
    let m = run("6月3日上午，县委政法委以视频会议形式召开全县平安建设推进会。县委常委、政法委书记出席会议。");
    assert_eq!(m.organizers, vec!["县委政法委"]);
    assert_eq!(m.format.as_deref(), Some("视频会议"));
    let m = run("9月1日，镇党委、镇政府隆重召开全镇综治工作会议。");
    assert_eq!(m.organizers, vec!["镇党委", "镇政府"]);
    let m = run("近日，市信访工作联席会议办公室通过电视电话会议方式召开全市信访工作调度会。");
    assert_eq!(m.organizers, vec!["市信访工作联席会议办公室"]);
    let m = run("日前，州委政法委组织召开全州政法系统安全生产工作会议。");
    assert_eq!(m.organizers, vec!["州委政法委"]);
}

#[test]
fn organisers_split_on_conjunctions_between_institutions_only() {
    let m = run("4月2日，区委政法委和区公安分局联合召开全区反诈工作推进会。");
    assert_eq!(m.organizers, vec!["区委政法委", "区公安分局"]);
    // 和 inside one institution's name does not split it.
    let m = run("4月2日，市住房和城乡建设局召开全市物业矛盾纠纷化解工作会议。");
    assert_eq!(m.organizers, vec!["市住房和城乡建设局"]);
}

#[test]
fn speech_date_line_and_quoted_name() {
    // Title, speaker line, date line: the date line is the day of the speech, and its 今天.
    let text = "在全市禁毒暨“雷霆清源”专项行动推进会上的讲话\n市委副书记　某某\n（2023年11月7日）\n\n同志们：\n\
                今天，市委召开全市禁毒暨“雷霆清源”专项行动推进会，主要任务是总结前段工作。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("全市禁毒暨“雷霆清源”专项行动推进会"));
    assert_eq!(m.date.as_deref(), Some("2023-11-07"));
    assert_eq!(m.organizers, vec!["市委"]);
    // The title names the meeting when the speech never announces it; a date inside a body
    // sentence is no date line.
    let text = "在全区政法队伍建设工作会议上的讲话\n\n同志们：\n2022年是关键之年。我讲三点意见。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("全区政法队伍建设工作会议"));
    assert_eq!(m.date, None);
}

#[test]
fn speech_subtitle_names_the_meeting() {
    let text = "凝心聚力 奋力开创平安建设新局面\n——在全区平安建设工作会议上的讲话\n区委书记　林某华\n2023年2月1日\n\n\
                同志们：\n这次会议很重要。我讲三点意见。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("全区平安建设工作会议"));
    assert_eq!(m.date.as_deref(), Some("2023-02-01"));
}

#[test]
fn name_with_bracket_and_manner_before_the_verb() {
    // ASCII punctuation (normalised), a bracketed qualifier and a manner phrase between the
    // name and 召开: the body sentence still announces the meeting, with its date and time.
    let text = "某县召开第二次综治工作联席会议(扩大)\n\n5月12日上午,某县第二次综治工作联席会议(扩大)以电视电话会议形式召开,各乡镇设分会场。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("某县第二次综治工作联席会议（扩大）"));
    assert_eq!(m.date.as_deref(), Some("--05-12"));
    assert_eq!(m.time_of_day.as_deref(), Some("上午"));
    assert_eq!(m.format.as_deref(), Some("电视电话会议"));
    assert!(m.span.is_some());
}

#[test]
fn headline_meeting_takes_the_leads_date() {
    // The body never says 召开: the headline names the meeting, the lead dates it.
    let text = "全县禁毒工作推进会召开\n\n11月3日下午，全县禁毒工作推进会在县政府二楼会议室举办，各乡镇分管领导参加。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("全县禁毒工作推进会"));
    assert_eq!(m.date.as_deref(), Some("--11-03"));
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
}

#[test]
fn headline_year_resolves_a_yearless_date() {
    let text = "某州2024年平安建设工作会议召开\n\n3月8日晚上，州委、州政府以视频形式召开全州平安建设工作会议。";
    let m = run(text);
    assert_eq!(m.date.as_deref(), Some("2024-03-08"));
    assert_eq!(m.time_of_day.as_deref(), Some("晚上"));
    assert_eq!(m.format.as_deref(), Some("视频会议"));
    assert_eq!(m.organizers, vec!["州委", "州政府"]);
}

#[test]
fn manner_phrases_name_one_format() {
    let f = |s: &str| run(s).format;
    assert_eq!(f("6月1日，区委以视频方式召开全区信访工作会议。").as_deref(), Some("视频会议"));
    assert_eq!(f("6月1日，区委通过视频召开全区信访工作会议。").as_deref(), Some("视频会议"));
    assert_eq!(f("6月1日，区委以电视电话形式召开全区信访工作会议。").as_deref(), Some("电视电话会议"));
    assert_eq!(f("6月1日，区委采取网络视频方式召开全区信访工作会议。").as_deref(), Some("视频会议"));
    assert_eq!(f("6月1日，区委在区会议中心召开全区信访工作会议。"), None);
}

#[test]
fn a_described_meeting_is_no_name_and_the_bylined_title_names_it() {
    // "县委决定召开的一次重要会议" describes the meeting; the title after its byline names it.
    let text = "县委书记某某在全县信访工作推进会上的讲话\n\n同志们：\n\n这次会议是县委决定召开的一次重要会议。下面，我讲三点意见。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("全县信访工作推进会"));
    let m = run("今天召开的这次会议很重要。4月9日，县委召开全县禁毒工作会议。");
    assert_eq!(m.name.as_deref(), Some("全县禁毒工作会议"));
}

#[test]
fn venue_in_the_next_sentence_or_as_the_main_hall() {
    let m = run("6月28日上午，石桥镇召开第二季度综治维稳工作会议，分析研判社会治安形势。会议在镇便民服务中心三楼会议室召开。镇党委书记雷某出席会议。");
    assert_eq!(m.venue.as_deref(), Some("镇便民服务中心三楼会议室"));
    let m = run("5月16日下午，东湖区常态化扫黑除恶斗争推进会以视频会议形式召开。会议在区行政中心二楼会议室设主会场，各街道设分会场。");
    assert_eq!(m.venue.as_deref(), Some("区行政中心二楼会议室"));
    assert_eq!(m.format.as_deref(), Some("视频会议"));
    let m = run("9月3日，全市防汛工作电视电话会议召开，主会场设在市应急指挥中心，各县区设分会场。");
    assert_eq!(m.venue.as_deref(), Some("市应急指挥中心"));
    // A later paragraph's meeting is another meeting.
    let m = run("3月1日，县委召开全县信访工作会议，部署今年任务。\n会议在县委第一会议室召开前，各乡镇已完成排查。\n");
    assert_eq!(m.venue, None);
    let m = run("3月1日，县委召开全县信访工作会议，部署今年任务。会议在县委第一会议室召开前，各乡镇已完成排查。");
    assert_eq!(m.venue, None);
}

#[test]
fn ordinal_name_takes_its_organ() {
    let m = run("5月6日，县综治委召开2021年第二次全体会议，研究部署平安建设工作。");
    assert_eq!(m.name.as_deref(), Some("县综治委2021年第二次全体会议"));
    let m = run("9日，区禁毒工作领导小组召开第一次会议（扩大），听取工作汇报。");
    assert_eq!(m.name.as_deref(), Some("区禁毒工作领导小组第一次会议（扩大）"));
    // Across a line break in the headline.
    let m = run("镇平安建设领导小组\n召开第三次会议\n会议由镇长李四明主持。");
    assert_eq!(m.name.as_deref(), Some("镇平安建设领导小组第三次会议"));
}

#[test]
fn a_headline_line_gives_way_to_the_lead() {
    // An unrecognised headline above the lead: the lead's announcement has the day and place.
    let text = "您当前所在位置： 某某协会 专题 平安建设 信息速递\n\n全市禁毒工作会议召开\n\n来源： admin 时间： 2022-06-20\n\n\
                6月17日，全市禁毒工作会议在南昌召开，分析当前形势。\n\n市委常委李四明出席会议并讲话。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("全市禁毒工作会议"));
    assert_eq!(m.date.as_deref(), Some("2022-06-17"));
    assert_eq!(m.venue.as_deref(), Some("南昌"));
}

#[test]
fn the_dateline_is_not_the_meeting_day() {
    let m = run("某某网5月8日讯（通讯员 王五）5月6日下午，县委召开全县信访工作会议。");
    assert_eq!(m.date.as_deref(), Some("--05-06"));
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
    let m = run("县政府网4月12日报道 4月10日，县政府召开全县安全生产工作会议。");
    assert_eq!(m.date.as_deref(), Some("--04-10"));
    // 今天 is the dateline's day.
    let m = run("本报6月3日讯 今天上午，市公安局召开全体民警大会。");
    assert_eq!(m.date.as_deref(), Some("--06-03"));
    assert_eq!(m.time_of_day.as_deref(), Some("上午"));
}

#[test]
fn generic_body_name_defers_to_the_headline() {
    let text = "市法院召开执行攻坚动员会\n\n本报7月2日讯 今天上午，市法院召开全体干警会议，动员部署执行攻坚。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("执行攻坚动员会"));
    assert_eq!(m.date.as_deref(), Some("--07-02"));
}

#[test]
fn year_from_the_meetings_framing() {
    let m = run("2月26日，县委政法工作会议在县会议中心召开。会议总结2023年工作，安排部署2024年政法工作。");
    assert_eq!(m.date.as_deref(), Some("2024-02-26"));
    let m = run("3月1日，区委召开政法工作会议。会议对2019年的工作进行了安排部署。");
    assert_eq!(m.date.as_deref(), Some("2019-03-01"));
    let m = run("1月9日，市委召开平安建设工作会议。会议强调，2023年是全面贯彻党的二十大精神的开局之年。");
    assert_eq!(m.date.as_deref(), Some("2023-01-09"));
    // Late in the year a meeting plans the next one.
    let m = run("12月27日，县委召开政法工作务虚会，深入谋划2025年政法工作。");
    assert_eq!(m.date.as_deref(), Some("2024-12-27"));
}

#[test]
fn late_evening_and_time_before_the_verb() {
    let m = run("1月6日晚，我县召开全县政法工作例会，部署新一年工作。");
    assert_eq!(m.date.as_deref(), Some("--01-06"));
    assert_eq!(m.time_of_day.as_deref(), Some("晚上"));
    // A day without a month gives no date, but its time of day stands, even far from the start.
    let m = run("为进一步压实信访工作责任、推动矛盾纠纷化解，镇党委于18日下午召开信访工作推进会。");
    assert_eq!(m.date, None);
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
    // 晚会 is no 晚上.
    assert_eq!(dates::time_of_day_after_date("晚会上"), None);
}

#[test]
fn not_this_meeting() {
    // A directive and meetings held by others are no announcement.
    let m = run("一是要加强宣传。各村要及时召开群众代表会议，宣传平安知识。");
    assert_eq!(m.name, None);
    let m = run("省委、市委分别召开了全省、全市政法工作电视电话会议，作出部署。");
    assert_eq!(m.name, None);
    // A description is no name; a description before the name is dropped.
    let m = run("同志们：\n今年以来，县委召开了多次重要会议，研究稳定工作。");
    assert_eq!(m.name, None);
    let m = run("同志们：\n今天，我们召开这次规模较大的全县禁毒工作会议，主要任务是部署工作。");
    assert_eq!(m.name.as_deref(), Some("全县禁毒工作会议"));
}

#[test]
fn speech_title_lines_name_the_meeting() {
    // The title line beats a body sentence about other meetings.
    let text =
        "范文网 首页\n县长在全县防汛工作会议上的讲话\n同志们：\n前段时间，省、市都相继召开了防汛工作会议。我讲三点。";
    assert_eq!(run(text).name.as_deref(), Some("全县防汛工作会议"));
    // The fuller of two title lines (one with its quotes stripped); a bare "…会议讲话" title.
    let text = "在全市护苗行动推进会上的讲话\n在全市“护苗2024”行动推进会上的讲话\n同志们：\n我讲两点。";
    assert_eq!(run(text).name.as_deref(), Some("全市“护苗2024”行动推进会"));
    let text = "全区禁毒工作会议讲话稿\n同志们：\n刚才，几位同志作了发言。我讲两点意见。";
    assert_eq!(run(text).name.as_deref(), Some("全区禁毒工作会议"));
    let text = "普法座谈会发言稿3\n同志们：\n刚才，几位同志作了发言。我讲两点意见。";
    assert_eq!(run(text).name.as_deref(), Some("普法座谈会"));
    // A placeholder in the title: the body's 全区 form.
    let text = "**区安全生产工作会议主持词\n同志们：\n今天，我们召开全区安全生产工作会议，主要任务是部署工作。";
    assert_eq!(run(text).name.as_deref(), Some("全区安全生产工作会议"));
    // 会 for 会议 in the title; the body says it whole, with the year.
    let text =
        "某某在2025年县委农村工作会上的讲话\n同志们：\n今天，我们召开2025年县委农村工作会议，主要任务是部署工作。";
    assert_eq!(run(text).name.as_deref(), Some("2025年县委农村工作会议"));
    // "…会议的主持词", and a template site's timestamp is no date of a speech.
    let text = "在全镇森林防火工作会议的主持词\n时间：2019-03-02 来源：范文\n同志们：\n3月1日，县里召开了森林防火工作会议。今天在这里开会。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("全镇森林防火工作会议"));
    assert_eq!(m.date, None);
}

#[test]
fn speech_time_of_day_from_today() {
    let text = "全县消防工作会议主持词\n同志们：\n经县政府同意，今天下午，我们在这里组织召开全县消防工作会议。";
    let m = run(text);
    assert_eq!(m.name.as_deref(), Some("全县消防工作会议"));
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
    assert_eq!(m.venue, None);
}

#[test]
fn more_meeting_nouns_and_merged_meetings() {
    let m = run("4月15日下午，某某乡扫黑除恶主题宣讲报告会在乡党校礼堂召开。");
    assert_eq!(m.name.as_deref(), Some("某某乡扫黑除恶主题宣讲报告会"));
    assert_eq!(m.venue.as_deref(), Some("乡党校礼堂"));
    let m = run("5月20日，某某县信访维稳工作会在县政务中心五楼会议室召开。");
    assert_eq!(m.name.as_deref(), Some("某某县信访维稳工作会"));
    assert_eq!(m.venue.as_deref(), Some("县政务中心五楼会议室"));
    let m = run("日前，全县综治工作务虚会与综治例会合并召开。");
    assert_eq!(m.name.as_deref(), Some("全县综治工作务虚会与综治例会"));
}

#[test]
fn venue_is_the_place_only() {
    let m = run("8月3日，县委政法委在县矛调中心组织召开全县矛盾纠纷排查化解工作会议。");
    assert_eq!(m.venue.as_deref(), Some("县矛调中心"));
    let m = run("6月5日，全县防汛工作会议召开。县委书记李四明在县委三楼会议室主持会议并讲话。");
    assert_eq!(m.venue.as_deref(), Some("县委三楼会议室"));
    // Where one participant sat is no venue.
    let m = run("昨日上午，全省禁毒工作电视电话会议召开。县委书记王五在县分会场参加会议。");
    assert_eq!(m.venue, None);
}

#[test]
fn format_from_the_announcing_clause_only() {
    let m = run("3月2日，县委召开全县平安建设工作会议，传达学习全省平安建设电视电话会议精神。");
    assert_eq!(m.format, None);
    let m = run("3月2日，全县平安建设工作会议以视频会形式召开。");
    assert_eq!(m.format.as_deref(), Some("视频会议"));
    // Nor another meeting's clause before it.
    let m = run("全省禁毒工作电视电话会议召开后，我县随即召开全县禁毒工作会议，部署落实。");
    assert_eq!(m.name.as_deref(), Some("全县禁毒工作会议"));
    assert_eq!(m.format, None);
}

#[test]
fn a_news_item_without_a_meeting_keeps_its_lead_day() {
    let m = run("9月12日下午，县长赵六到县信访局专题听取信访工作汇报。\n赵六指出，要压实责任。");
    assert_eq!(m.name, None);
    assert_eq!(m.date.as_deref(), Some("--09-12"));
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
}

#[test]
fn a_time_before_the_venue_and_a_main_hall_later_in_the_sentence() {
    let m = run("全县禁毒工作会议于5月9日上午在县行政中心召开。县委书记李四明出席会议并讲话。");
    assert_eq!(m.name.as_deref(), Some("全县禁毒工作会议"));
    assert_eq!(m.venue.as_deref(), Some("县行政中心"));
    assert_eq!(m.date.as_deref(), Some("--05-09"));
    assert_eq!(m.time_of_day.as_deref(), Some("上午"));
    let m = run("本报讯 6月8日下午，我市召开防汛工作会议。会议以电视电话会议形式召开，在市行政中心设主会场。");
    assert_eq!(m.venue.as_deref(), Some("市行政中心"));
    let m = run("2月20日，全区政法工作会议召开。区委书记王五在区委常委会议室出席会议并讲话。");
    assert_eq!(m.venue.as_deref(), Some("区委常委会议室"));
}

#[test]
fn a_lead_naming_the_meeting_where_a_leader_spoke() {
    let m = run("3月5日，县委书记张三在全县政法工作会议上强调，要压实责任。");
    assert_eq!(m.name.as_deref(), Some("全县政法工作会议"));
    assert_eq!(m.date.as_deref(), Some("--03-05"));
}

#[test]
fn the_same_day_and_held_by_ju_ban() {
    let m = run("3月2日，张三到县综治中心调研。当天下午，张三主持召开平安建设座谈会。");
    assert_eq!(m.name.as_deref(), Some("平安建设座谈会"));
    assert_eq!(m.date.as_deref(), Some("--03-02"));
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
    let m = run("4月9日，县检察院举办扫黑除恶专题报告会。");
    assert_eq!(m.name.as_deref(), Some("扫黑除恶专题报告会"));
}

#[test]
fn whose_meeting_is_no_part_of_its_name_and_a_review_in_its_own_year() {
    let m = run("3月2日，我县2024年政法工作会议在县会议中心召开。");
    assert_eq!(m.name.as_deref(), Some("2024年政法工作会议"));
    assert_eq!(m.date.as_deref(), Some("2024-03-02"));
    // A 年度 review held in that year's last weeks.
    let m = run("12月26日，县委政法委召开2023年度述职评议会。");
    assert_eq!(m.date.as_deref(), Some("2023-12-26"));
    let m = run("1月16日，县委政法委召开2023年度述职评议会。");
    assert_eq!(m.date.as_deref(), Some("2024-01-16"));
}

#[test]
fn a_date_after_the_verb_is_no_meeting_day() {
    let m = run("近日，县委召开全县矛盾纠纷排查化解工作会议，要求各乡镇于3月31日前完成排查。");
    assert_eq!(m.name.as_deref(), Some("全县矛盾纠纷排查化解工作会议"));
    assert_eq!(m.date, None);
}

#[test]
fn tonight_words_are_the_evening() {
    let m = run("为做好节日期间安全稳定工作，保障群众平安过节，县公安局党委当晚召开全县公安机关安保工作部署会。");
    assert_eq!(m.time_of_day.as_deref(), Some("晚上"));
}

#[test]
fn this_meeting_points_at_its_name_and_a_scope_is_no_venue() {
    let m = run("同志们：\n今天，县委、县政府召开这次全县森林防火工作会议，主要任务是部署春防工作。");
    assert_eq!(m.name.as_deref(), Some("全县森林防火工作会议"));
    let m = run("同志们：\n今天，县委召开这次重要会议，主要任务是部署工作。");
    assert_eq!(m.name, None);
    let m = run("3月2日，县委在全县范围内召开安全生产警示教育大会。");
    assert_eq!(m.venue, None);
    let m = run("全县防汛工作会议在主汛期即将到来的关键时期召开。");
    assert_eq!(m.venue, None);
}

#[test]
fn a_later_title_of_another_speech_does_not_replace_the_first() {
    let text =
        "在全县禁毒工作会议上的讲话\n相关推荐：县长在全县安全生产暨森林防火工作会议上的讲话\n同志们：\n我讲三点意见。";
    assert_eq!(run(text).name.as_deref(), Some("全县禁毒工作会议"));
    // The "在…上的讲话" form outranks a bare "…会议讲话" banner.
    let text = "全区禁毒会讲话：守住底线\n在全区禁毒工作推进会议上的讲话\n同志们：\n我讲三点意见。";
    assert_eq!(run(text).name.as_deref(), Some("全区禁毒工作推进会议"));
}

#[test]
fn a_headline_meeting_takes_the_leads_time() {
    let m = run("县委召开全县综治维稳工作会议\n\n25日下午，县委书记张三主持会议并讲话。");
    assert_eq!(m.name.as_deref(), Some("全县综治维稳工作会议"));
    assert_eq!(m.date, None);
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
}

#[test]
fn a_numbered_title_line_keeps_its_name() {
    let text = "市禁毒工作会议上的讲话.docx\n《市禁毒工作会议上的讲话.docx》已上传至文库\n1、市禁毒工作会议上的讲话同志们：刚才，几位同志作了发言。";
    assert_eq!(run(text).name.as_deref(), Some("市禁毒工作会议"));
}

#[test]
fn a_name_may_start_with_major() {
    let m = run("6月1日，县委召开重大活动安保维稳工作会议，部署安保工作。");
    assert_eq!(m.name.as_deref(), Some("重大活动安保维稳工作会议"));
}

#[test]
fn without_shang_a_title_must_name_a_meeting() {
    assert_eq!(speech_title_name("在全镇森林防火工作会议的主持词").as_deref(), Some("全镇森林防火工作会议"));
    assert_eq!(speech_title_name("在全县扫黑除恶推进工作中的讲话"), None);
}

#[test]
fn a_citys_short_name_is_a_venue() {
    let m = run("6月3日，全国禁毒工作会议在京召开。");
    assert_eq!(m.venue.as_deref(), Some("京"));
    let m = run("6月3日，县委在此召开全县禁毒工作会议。");
    assert_eq!(m.venue, None);
}

#[test]
fn a_title_broken_by_a_line_break_gives_way_to_the_body() {
    let text = "市长在全市道路交通安全\n工作推进会上的讲话\n同志们：\n今天，我们召开全市道路交通安全工作推进会，主要任务是部署工作。";
    assert_eq!(run(text).name.as_deref(), Some("全市道路交通安全工作推进会"));
}

#[test]
fn then_and_that_evening_keep_the_day_just_given() {
    let m = run("5月6日，副县长李四明到某某镇检查防汛工作。当晚，李四明主持召开全县防汛调度会。");
    assert_eq!(m.date.as_deref(), Some("--05-06"));
    assert_eq!(m.time_of_day.as_deref(), Some("晚上"));
    let m = run("5月6日上午，副县长李四明到某某镇检查防汛工作。随后，李四明主持召开全县防汛调度会。");
    assert_eq!(m.date.as_deref(), Some("--05-06"));
}

#[test]
fn a_name_may_run_on_into_its_business() {
    let m = run("3月2日，县委召开全县政法工作会议部署今年政法工作。");
    assert_eq!(m.name.as_deref(), Some("全县政法工作会议"));
    let m = run("3月2日，县委召开全县安全生产工作部署会议，分析形势。");
    assert_eq!(m.name.as_deref(), Some("全县安全生产工作部署会议"));
}

#[test]
fn a_day_between_the_name_and_its_verb_keeps_the_meeting() {
    let m = run("本报讯 全县禁毒工作会议4月9日在县委二楼报告厅召开。县委副书记李四明出席会议并讲话。");
    assert_eq!(m.name.as_deref(), Some("全县禁毒工作会议"));
    assert_eq!(m.date.as_deref(), Some("--04-09"));
    assert_eq!(m.venue.as_deref(), Some("县委二楼报告厅"));
    let m = run("全区信访工作推进会11月3日下午召开。区委书记张三出席。");
    assert_eq!(m.name.as_deref(), Some("全区信访工作推进会"));
    assert_eq!(m.date.as_deref(), Some("--11-03"));
    assert_eq!(m.time_of_day.as_deref(), Some("下午"));
    // A bare day has no month: the name stays, the date is unknown.
    let m = run("本报讯 全市平安建设工作会议15日召开。市委书记王五出席。");
    assert_eq!(m.name.as_deref(), Some("全市平安建设工作会议"));
    assert_eq!(m.date, None);
    let m = run("全县防范化解重大风险工作会议6月12日上午9时在县会议中心召开。");
    assert_eq!(m.name.as_deref(), Some("全县防范化解重大风险工作会议"));
    assert_eq!(m.venue.as_deref(), Some("县会议中心"));
    assert_eq!(m.date.as_deref(), Some("--06-12"));
    let m = run("全县平安创建工作会议六月十二日召开。");
    assert_eq!(m.name.as_deref(), Some("全县平安创建工作会议"));
    let m = run("全镇综治维稳工作调度会日前召开。镇党委书记赵六主持会议。");
    assert_eq!(m.name.as_deref(), Some("全镇综治维稳工作调度会"));
    let m = run("全县社会治安防控体系建设现场会近日在城关镇举行。县长孙七出席。");
    assert_eq!(m.name.as_deref(), Some("全县社会治安防控体系建设现场会"));
    assert_eq!(m.venue.as_deref(), Some("城关镇"));
}

#[test]
fn a_year_in_a_quoted_campaign_is_the_meetings_year() {
    let m = run("5月4日，“清源护苗2019”专项行动部署会在县文化中心会议室召开。县委常委张三出席。");
    assert_eq!(m.date.as_deref(), Some("2019-05-04"));
    // A number that is no year, and one outside quotes, say nothing.
    let m = run("5月4日，“护苗1234”专项行动部署会在县文化中心会议室召开。");
    assert_eq!(m.date.as_deref(), Some("--05-04"));
}

#[test]
fn the_venue_sentence_may_open_the_next_short_paragraph() {
    let m =
        run("5月6日，某某县召开全县禁毒工作会议。县委副书记张三出席会议并讲话。\n会议在县行政中心二楼报告厅召开。\n");
    assert_eq!(m.venue.as_deref(), Some("县行政中心二楼报告厅"));
    // Further on, another meeting's venue says nothing of this one.
    let m = run("5月6日，某某县召开全县禁毒工作会议。县委副书记张三出席会议并讲话。县长李四主持。\n会议在县行政中心二楼报告厅召开。\n");
    assert_eq!(m.venue, None);
}

#[test]
fn a_speech_at_the_close_of_its_meeting() {
    let m = run("在全县信访维稳工作会议结束时的讲话\n（2022年6月9日）\n同志们：\n这次会议开得很好。\n");
    assert_eq!(m.name.as_deref(), Some("全县信访维稳工作会议"));
    assert_eq!(m.date.as_deref(), Some("2022-06-09"));
}

#[test]
fn a_bylines_bracket_is_no_part_of_the_name() {
    let m = run("某某日报讯（记者 刘小兵）全县综治工作会议5月2日在县委党校召开。");
    assert_eq!(m.name.as_deref(), Some("全县综治工作会议"));
    assert_eq!(m.venue.as_deref(), Some("县委党校"));
    let m = run("【某某新闻网】全市禁毒工作推进会5月2日召开。");
    assert_eq!(m.name.as_deref(), Some("全市禁毒工作推进会"));
    // The name's own bracket stays.
    let m = run("5月2日，县综治委召开全体成员（扩大）会议。");
    assert!(m.name.as_deref().is_some_and(|n| n.contains("（扩大）")), "{m:?}");
}

#[test]
fn more_meeting_nouns_and_bodies() {
    let m = run("6月2日，某某县人民政府召开第18次常务会，专题研究平安建设工作。");
    assert_eq!(m.name.as_deref(), Some("某某县人民政府第18次常务会"));
    let m = run("6月2日上午，县公安局召开打击治理电信网络诈骗新闻发布会。");
    assert_eq!(m.name.as_deref(), Some("打击治理电信网络诈骗新闻发布会"));
}

#[test]
fn a_format_named_in_the_meeting_or_written_with_a_plus() {
    let m = run("4月1日，市委政法委召开全市平安建设视频调度会。");
    assert_eq!(m.format.as_deref(), Some("视频会议"));
    let m = run("4月1日，全市禁毒工作会议采取“线上+线下”方式召开。");
    assert_eq!(m.format.as_deref(), Some("线上线下相结合"));
}

#[test]
fn news_learnt_at_a_meeting() {
    let m = run("记者从7月3日召开的全市社会治安综合治理工作会议上获悉，上半年全市刑事警情同比下降。");
    assert_eq!(m.name.as_deref(), Some("全市社会治安综合治理工作会议"));
    assert_eq!(m.date.as_deref(), Some("--07-03"));
}

// meeting.year: the year known without a day.

#[test]
fn year_of_a_full_date_and_of_a_dateless_meeting() {
    let m = run("3月5日上午，县委召开2024年全县政法工作会议。县委书记张三出席会议。");
    assert_eq!(m.date.as_deref(), Some("2024-03-05"));
    assert_eq!(m.year, Some(2024));
    // 近日: no day, the year is the name's.
    let m = run("近日，县委召开2024年全县政法工作会议。县委书记张三出席会议并讲话。");
    assert_eq!(m.date, None);
    assert_eq!(m.year, Some(2024));
    // Nothing tells the year.
    let m = run("近日，县委召开全县政法工作会议。县委书记张三出席会议并讲话。");
    assert_eq!(m.year, None);
}

#[test]
fn year_from_a_news_page_publication_line() {
    let m =
        run("县委召开全县信访工作会议\n发布时间：2023-07-12\n日前，县委召开全县信访工作会议。副县长李四明出席会议。");
    assert_eq!(m.date, None);
    assert_eq!(m.year, Some(2023));
}

#[test]
fn year_from_the_headline_before_the_meeting_name() {
    let m = run("2025年全市平安建设工作会议召开\n近日，全市平安建设工作会议召开。市委副书记王五出席会议并讲话。");
    assert_eq!(m.year, Some(2025));
}

#[test]
fn year_the_meeting_plans_or_signs_for() {
    let m = run("近日，县委召开全县政法工作会议。会议总结工作，安排部署2025年政法工作。");
    assert_eq!(m.year, Some(2025));
    let m = run("日前，全省平安建设工作会议召开。会上，省政府与各市签订了2019年度平安建设目标责任书。");
    assert_eq!(m.year, Some(2019));
}

#[test]
fn speech_year_month_line_gives_the_year_but_no_date() {
    let m = run("在全县信访工作会议上的讲话\n（2021年6月）\n同志们：\n今天召开全县信访工作会议，主要任务是部署工作。");
    assert_eq!(m.date, None);
    assert_eq!(m.year, Some(2021));
}

#[test]
fn speech_ignores_a_template_site_timestamp_for_the_year() {
    let m = run(
        "在全县信访工作会议上的讲话\n更新时间：2024-01-14\n同志们：\n今天召开全县信访工作会议，主要任务是部署工作。",
    );
    assert_eq!(m.year, None);
}

#[test]
fn speech_titles_of_pledges_reports_and_exchanges_name_the_meeting() {
    let m = run("全县综治工作会议表态发言稿\n县司法局　王五\n抓源头，化积案，全力维护稳定。");
    assert_eq!(m.name.as_deref(), Some("全县综治工作会议"));
    let m = run("在全县政法工作会议上的汇报\n抓源头，化积案，全力维护稳定。");
    assert_eq!(m.name.as_deref(), Some("全县政法工作会议"));
}

#[test]
fn year_and_month_before_the_verb_give_the_year() {
    let m = run("2023年12月，县委、县政府召开全县信访工作会议，总结全年工作。");
    assert_eq!(m.date, None);
    assert_eq!(m.year, Some(2023));
}
