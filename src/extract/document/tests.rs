use super::*;
use crate::report::AnomalyKind;

fn info(text: &str) -> (Doc, DocumentInfo) {
    let doc = Doc::new(text);
    let info = extract(&doc);
    (doc, info)
}

fn chrome_texts(doc: &Doc, info: &DocumentInfo) -> Vec<String> {
    info.boilerplate.iter().map(|a| doc.unmasked_slice(a.span).to_string()).collect()
}

pub(crate) use crate::extract::seed;

#[test]
fn news_header_title_subtitle_and_metadata() {
    let text = "新闻详情\n\
        湖州市召开全市平安建设工作会议\n\
        ——奋力打造更高水平的平安湖州\n\
        [浏览次数:2301次]  [发布时间:2019年3月2日]\n\n\
        3月1日上午，市委、市政府召开全市平安建设工作会议。市委书记出席会议并讲话。\n";
    let (doc, i) = info(text);
    let d = &i.document;
    assert_eq!(d.kind, DocumentKind::News);
    assert_eq!(d.title.as_deref(), Some("湖州市召开全市平安建设工作会议"));
    assert_eq!(d.subtitle.as_deref(), Some("奋力打造更高水平的平安湖州"));
    assert_eq!(d.published.as_deref(), Some("2019-03-02"));
    assert_eq!(d.views, Some(2301));
    let c = chrome_texts(&doc, &i);
    assert_eq!(c, vec!["新闻详情", "[浏览次数：2301次]  [发布时间：2019年3月2日]"]);
    assert!(i.boilerplate.iter().all(|a| a.kind == AnomalyKind::Boilerplate));
    assert!(i.boilerplate[1].detail.contains("浏览次数"), "{}", i.boilerplate[1].detail);
}

#[test]
fn dash_line_subtitle_and_glued_keys() {
    let text =
        "县委召开政法工作会议\n——\n凝心聚力 护航发展\n发布日期:2021-02-05   来源:县委政法委浏览次数: 字号:〖\n\n正文。";
    let (_, i) = info(text);
    assert_eq!(i.document.subtitle.as_deref(), Some("凝心聚力 护航发展"));
    assert_eq!(i.document.source.as_deref(), Some("县委政法委"));
    assert_eq!(i.document.published.as_deref(), Some("2021-02-05"));
    assert_eq!(i.document.views, None);
}

#[test]
fn bullet_metadata_empty_source_and_author() {
    let text = "当前位置 : 首页 > 工作动态\n我县召开平安建设推进会\n  • 时间:2021-08-02 09:15\n  • 来源:\n  • 作者:李明\n  • 字体:【\n\n8月1日下午，推进会在县行政中心召开。";
    let (doc, i) = info(text);
    assert_eq!(i.document.title.as_deref(), Some("我县召开平安建设推进会"));
    assert_eq!(i.document.published.as_deref(), Some("2021-08-02"));
    assert_eq!(i.document.source, None);
    assert_eq!(i.document.author.as_deref(), Some("李明"));
    let c = chrome_texts(&doc, &i);
    assert_eq!(c.len(), 2, "{c:?}");
    assert!(c[0].starts_with("当前位置"));
    assert!(c[1].starts_with("• 时间") && c[1].ends_with("字体：【"), "{c:?}");
    assert!(i.boilerplate[0].detail.starts_with("网站页头："), "{}", i.boilerplate[0].detail);
}

#[test]
fn footer_block_is_one_anomaly_and_absorbs_short_lines() {
    let text = "正文第一段，内容很长。\n\n主办单位：某市委政法委员会\n地址：人民路8号\n联系邮箱：web@example.cn  备案号：浙ICP备01234567号\n技术支持：某某科技";
    let (doc, i) = info(text);
    assert_eq!(i.boilerplate.len(), 1);
    let a = &i.boilerplate[0];
    assert!(doc.unmasked_slice(a.span).starts_with("主办单位") && doc.unmasked_slice(a.span).ends_with("某某科技"));
    assert!(a.detail.starts_with("网站页脚：") && a.detail.contains("备案号"), "{}", a.detail);
}

#[test]
fn body_text_with_marker_words_is_not_chrome() {
    // Marker words inside long body sentences, or a key not at a field start.
    let text = "会议强调，要加强技术支持和来源管理，各单位主办单位要落实责任。要强化安全生产，做好来源追溯。\n各级工作者：要认真落实。";
    let (_, i) = info(text);
    assert!(i.boilerplate.is_empty(), "{:?}", i.boilerplate);
}

#[test]
fn closing_source_line_and_signature() {
    let text = "5月3日，县委召开会议。县委书记出席会议并讲话。\n（来源：某某日报，2021年5月4日）";
    let (doc, i) = info(text);
    assert_eq!(i.document.source.as_deref(), Some("某某日报"));
    assert_eq!(i.document.published.as_deref(), Some("2021-05-04"));
    assert_eq!(chrome_texts(&doc, &i), vec!["（来源：某某日报，2021年5月4日）"]);

    let (_, i) = info("本报讯 4月2日，区委召开会议。区委书记出席会议并讲话。\n(区委宣)");
    assert_eq!(i.document.source.as_deref(), Some("区委宣"));
    assert_eq!(i.document.title, None);
}

#[test]
fn bylines() {
    let (_, i) = info("本报讯（记者 王小明 通讯员 赵刚）3月5日，县委召开政法工作会议。");
    assert_eq!(i.document.author.as_deref(), Some("王小明、赵刚"));
    assert_eq!(i.document.kind, DocumentKind::News);
}

#[test]
fn speech_kind_and_separator_lines() {
    let text = "同志们： 今天，我们召开全县综治工作会议，我讲几点意见。\n|\n";
    let (doc, i) = info(text);
    assert_eq!(i.document.kind, DocumentKind::Speech);
    assert_eq!(i.document.title, None);
    assert_eq!(chrome_texts(&doc, &i), vec!["|"]);
    // A speech with a title line, addressed later.
    let (_, i) = info("在全市政法工作会议上的讲话\n\n同志们：\n这次会议很重要。我再强调三点。");
    assert_eq!(i.document.kind, DocumentKind::Speech);
    assert_eq!(i.document.title.as_deref(), Some("在全市政法工作会议上的讲话"));
    assert_eq!(info("今天天气很好。").1.document.kind, DocumentKind::Other);
}

#[test]
fn junk_input() {
    for t in ["", "\n\n\n", "|", "（）", "来源：", "——", &"长".repeat(100_000), "\u{0}\u{1}\u{fffd}"] {
        let (doc, i) = info(t);
        assert_eq!(i.document.chars, doc.len());
    }
}

#[test]
fn seed_000() {
    let (doc, i) = info(&seed("000_"));
    let d = &i.document;
    assert_eq!(d.kind, DocumentKind::News);
    assert_eq!(d.title.as_deref(), Some("昆山市推进社会治理现代化暨政法和信访工作会议召开"));
    assert_eq!(d.subtitle.as_deref(), Some("加快提升社会治理现代化水平 全面护航经济社会高质量发展"));
    assert_eq!(d.published.as_deref(), Some("2020-05-18"));
    assert_eq!(d.source.as_deref(), Some("第一昆山"));
    assert_eq!(d.views, Some(15771));
    let c = chrome_texts(&doc, &i);
    assert_eq!(c.len(), 3, "{c:?}");
    assert_eq!(c[0], "信息详情");
    assert!(c[1].contains("查阅次数"));
    assert!(c[2].contains("来源") && c[2].contains("2020年5月15日"));
}

#[test]
fn seed_001() {
    let (doc, i) = info(&seed("001_"));
    let d = &i.document;
    assert_eq!(d.kind, DocumentKind::News);
    assert_eq!(d.title.as_deref(), Some("金坛召开2022年度平安金坛建设推进会议"));
    assert_eq!(d.published.as_deref(), Some("2022-03-11"));
    assert_eq!(d.source.as_deref(), Some("政法委"));
    let c = chrome_texts(&doc, &i);
    assert_eq!(c.len(), 2, "{c:?}");
    assert!(c[0].starts_with("发布日期"));
    assert!(c[1].starts_with("主办单位") && c[1].ends_with("浏览器"), "{c:?}");
    let footer = &i.boilerplate[1].detail;
    assert!(footer.starts_with("网站页脚：") && footer.contains("备案号"), "{footer}");
}

#[test]
fn seed_002_003() {
    let (doc, i) = info(&seed("002_"));
    assert_eq!(i.document.kind, DocumentKind::News);
    assert_eq!(i.document.title, None);
    assert_eq!(chrome_texts(&doc, &i), vec!["（解宣）"]);
    let (doc, i) = info(&seed("003_"));
    assert_eq!(i.document.kind, DocumentKind::Speech);
    assert_eq!(i.document.title, None);
    assert_eq!(chrome_texts(&doc, &i), vec!["|"]);
}

#[test]
fn seed_004() {
    let (doc, i) = info(&seed("004_"));
    let d = &i.document;
    assert_eq!(d.kind, DocumentKind::News);
    assert_eq!(d.title.as_deref(), Some("我州召开平安大理建设暨市域社会治理现代化试点工作推进会"));
    assert_eq!(d.published.as_deref(), Some("2020-06-23"));
    assert_eq!(d.author.as_deref(), Some("黄莎"));
    assert_eq!(d.source, None);
    let c = chrome_texts(&doc, &i);
    assert_eq!(c.len(), 2, "{c:?}");
    assert!(c[0].starts_with("当前位置"));
    assert!(i.boilerplate[0].detail.contains("当前位置"));
}

#[test]
fn speech_head_title_subtitle_speaker_and_date_line() {
    let text = "凝心聚力 攻坚克难 奋力开创平安建设新局面\n——在全区平安建设工作会议上的讲话\n区委书记　林某华\n（2023年2月1日）\n\n\
        同志们：\n今天，区委召开全区平安建设工作会议。我讲三点意见。";
    let (doc, i) = info(text);
    let d = &i.document;
    assert_eq!(d.kind, DocumentKind::Speech);
    assert_eq!(d.title.as_deref(), Some("凝心聚力 攻坚克难 奋力开创平安建设新局面"));
    assert_eq!(d.subtitle.as_deref(), Some("在全区平安建设工作会议上的讲话"));
    // The speaker signs the speech; the date line is the speech's, not a publication date.
    assert_eq!(d.author.as_deref(), Some("林某华"));
    assert_eq!(d.published, None);
    assert!(chrome_texts(&doc, &i).is_empty());
    let (_, i) = info("在全县综治工作会议上的讲话\n县委副书记、县长  张小明\n\n同志们：\n今天的会议很重要。");
    assert_eq!(i.document.author.as_deref(), Some("张小明"));
    // A news item's short lines are not a speaker line.
    let (_, i) = info("县委召开政法工作会议\n县委书记出席\n\n3月2日，县委召开政法工作会议。县委书记出席会议并讲话。");
    assert_eq!(i.document.author, None);
}

#[test]
fn bare_timestamp_line_is_the_publication_date() {
    let text = "市委召开全市政法工作会议\n2022-02-18 09:30:12\n\n2月17日上午，市委召开全市政法工作会议。市委书记出席会议并讲话。";
    let (doc, i) = info(text);
    assert_eq!(i.document.published.as_deref(), Some("2022-02-18"));
    assert_eq!(chrome_texts(&doc, &i), vec!["2022-02-18 09：30：12"]);
}

#[test]
fn ascii_web_page_chrome() {
    // A page copied with ASCII punctuation: breadcrumb, metadata with a font widget, share and
    // print tools, previous/next links naming other meetings, footer.
    let text = "首页 > 工作动态 > 基层平安\n\
        某某县召开2024年全县信访工作会议\n\
        发布时间: 2024-03-05 10:02   来源: 县信访局   浏览次数: 87   字号: [大] [中] [小]\n\n\
        3月4日上午,县委、县政府召开2024年全县信访工作会议。县委书记出席会议并讲话。\n\n\
        会议强调,要坚持和发展新时代\"枫桥经验\",把矛盾纠纷化解在基层。\n\n\
        分享到: 微信 微博\n【打印本页】 【关闭窗口】\n\
        上一篇: 全县政法系统召开警示教育大会\n下一篇: 县领导到城关镇调研综治中心建设\n\
        版权所有: 中共某某县委政法委员会  地址: 人民路1号 邮编: 000000\n\
        X ICP备00000000号-1  技术支持: 县大数据中心\n";
    let (doc, i) = info(text);
    let c = chrome_texts(&doc, &i);
    assert_eq!(c.len(), 3, "{c:?}");
    assert!(c[0].starts_with("首页"));
    assert!(c[1].starts_with("发布时间") && c[1].ends_with("[小]"));
    assert!(c[2].starts_with("分享到") && c[2].ends_with("县大数据中心"), "{c:?}");
    assert_eq!(i.document.published.as_deref(), Some("2024-03-05"));
    assert_eq!(i.document.source.as_deref(), Some("县信访局"));
    assert_eq!(i.document.views, Some(87));
    assert_eq!(i.document.title.as_deref(), Some("某某县召开2024年全县信访工作会议"));
}

#[test]
fn news_items_without_dateline_or_byline_are_news() {
    // The meeting reported in the third person: who convened it, who attended, what it asked.
    for text in [
        "3月8日下午，县委书记张三主持召开全县安保维稳工作会议，县领导李四、王五出席了会议。\n张三讲了三点意见。",
        "6日上午，某某镇召开平安建设推进会，镇党政班子成员参会。会议由镇党委副书记赵六主持。",
        "5日下午，全市扫黑除恶推进会召开。市委常委、政法委书记钱七在会上强调，要保持高压态势。",
        "某某街道召开信访维稳工作会，会上，街道党工委书记孙八传达了全区会议精神。",
    ] {
        assert_eq!(info(text).1.document.kind, DocumentKind::News, "{text}");
    }
    // A lead opening on the day of the event, with no meeting word at all.
    let (_, i) = info("某某镇开展平安宣传\n近日，某某镇组织干部走进村组，向群众发放平安建设宣传资料。");
    assert_eq!(i.document.kind, DocumentKind::News);
    // A news headline ending in 并讲话 is not a speech's title.
    let (_, i) = info("张三出席全县政法工作会议并讲话\n\n3月2日，全县政法工作会议召开。张三出席会议并讲话。");
    assert_eq!(i.document.kind, DocumentKind::News);
}

#[test]
fn speeches_behind_a_site_header_and_host_scripts_are_speeches() {
    // A 主持词 and a 发言稿 under a template site's header, with news-like words (召开, 出席).
    let (_, i) = info("首页 > 范文 > 主持词\n在全县信访工作会议上的主持词\n现在开会。今天召开全县信访工作会议，出席今天会议的有县委、县政府领导。\n下面，请县委副书记讲话。");
    assert_eq!(i.document.kind, DocumentKind::Speech);
    let (_, i) =
        info("扫黑除恶座谈会发言稿\n根据会议安排，我结合工作实际谈几点体会。我们要提高政治站位，大家要形成合力。");
    assert_eq!(i.document.kind, DocumentKind::Speech);
    // A speech opening with 今天，我们 and no address.
    let (_, i) = info("今天，我们隆重召开全市政法工作会议。刚才，市委书记作了重要讲话，我们要认真抓好落实。");
    assert_eq!(i.document.kind, DocumentKind::Speech);
}

#[test]
fn document_sharing_site_chrome() {
    let text = "购物车\n我的足迹\n\n在全县平安建设工作会议上的讲话\n\n加入VIP免费下载 立即下载\n\
        范文宝典，超级好用的讲话稿写作神器！ 立即了解\n\
        《在全县平安建设工作会议上的讲话.docx》由会员分享，可在线阅读，更多相关文档请在本站搜索。\n\
        下面是小编为大家整理的全县平安建设工作会议讲话，供大家参考。\n\
        同志们：\n今天，我们召开全县平安建设工作会议。我讲三点意见。\n\
        ……（某某文库省略1200字，正式会员可完整阅读）\n（阅读全部内容，您需要先登录！）";
    let (doc, i) = info(text);
    let c = chrome_texts(&doc, &i);
    assert_eq!(c.len(), 3, "{c:?}");
    assert_eq!(c[0], "购物车\n我的足迹");
    assert!(c[1].starts_with("加入VIP") && c[1].ends_with("供大家参考。"), "{c:?}");
    assert!(c[2].starts_with("……（") && c[2].ends_with("先登录！）"), "{c:?}");
    assert_eq!(i.document.title.as_deref(), Some("在全县平安建设工作会议上的讲话"));
    assert_eq!(i.document.kind, DocumentKind::Speech);
}

#[test]
fn long_notice_lines_of_a_sharing_site_are_chrome() {
    // Notices of many sentences, each holding a word no article uses.
    let text = "- 1、本文档一经付费（服务费），不意味着购买了该文档的版权。仅供个人学习。不得用于商业用途。\n\
        - 2、该文档为VIP文档，如果想要下载，成为VIP后，下载免费。如有疑问请联系我们。\n\
        —PAGE3—\n- 2 -\n第3页\n在全镇综治工作会议上的讲话\n同志们：\n今天召开全镇综治工作会议。要加强领导。要压实责任。";
    let (doc, i) = info(text);
    let c = chrome_texts(&doc, &i);
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].starts_with("- 1、") && c[0].ends_with("第3页"), "{c:?}");
    assert_eq!(i.document.title.as_deref(), Some("在全镇综治工作会议上的讲话"));
}

#[test]
fn table_of_contents_and_its_entries() {
    let text = "在全县信访工作会议上的讲话（2篇）\n目 录\n1.在全县信访工作会议上的讲话\n2.在全县信访工作会议上的讲话\n\
        在全县信访工作会议上的讲话\n同志们：\n今天召开会议。\n";
    let (doc, i) = info(text);
    assert_eq!(chrome_texts(&doc, &i), vec!["目 录\n1.在全县信访工作会议上的讲话\n2.在全县信访工作会议上的讲话"]);
    let text = "在全市信访工作座谈会上的讲话\n目录/提纲：……\n一、提高认识，明确地位\n（一）领导要重视\n一是强化责任意识\n……\n\n同志们：\n刚才，大家作了发言。\n一、提高认识，明确地位\n";
    let (doc, i) = info(text);
    let c = chrome_texts(&doc, &i);
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].starts_with("目录/提纲") && c[0].ends_with("……"), "{c:?}");
}

#[test]
fn captions_reprint_notices_and_follow_prompts() {
    let text = "【资料图】\n3月2日下午，某某县召开县委政法工作会议。县委书记张三出席会议并讲话。\n会议现场\n县委副书记、县长李四\n\
        李四指出，要压实责任，强化源头治理，确保大局稳定。\n\
        本文为某某融媒原创文章，转载请附上原文出处链接和本声明。\n看某某新闻，关注某某新闻网微信\n";
    let (doc, i) = info(text);
    let c = chrome_texts(&doc, &i);
    assert_eq!(
        c,
        vec![
            "【资料图】",
            "会议现场\n县委副书记、县长李四",
            "本文为某某融媒原创文章，转载请附上原文出处链接和本声明。\n看某某新闻，关注某某新闻网微信"
        ]
    );
    // The caption's names stay readable for the people extractor; its label is blanked.
    let masked: Vec<&str> = i.masked.iter().map(|s| doc.unmasked_slice(*s)).collect();
    assert!(masked.contains(&"会议现场") && !masked.contains(&"县委副书记、县长李四"), "{masked:?}");
}

#[test]
fn navigation_lines_and_login_bars() {
    let text = "注册 | 登录\n您当前所在位置： 某某市政法委 工作动态\n某某网 首页\n\n全市政法工作会议召开\n\n\
        3月6日，全市政法工作会议召开，市委书记出席会议并讲话。会议要求，要做好群众登录政务平台的引导，首页栏目要及时更新。\n附件下载";
    let (doc, i) = info(text);
    let c = chrome_texts(&doc, &i);
    assert_eq!(c, vec!["注册 | 登录\n您当前所在位置： 某某市政法委 工作动态\n某某网 首页", "附件下载"]);
    assert_eq!(i.document.title.as_deref(), Some("全市政法工作会议召开"));
}

#[test]
fn seo_tag_before_the_headline() {
    let (doc, i) = info("全国信访工作会议|某某区信访工作会议主持词\n\n同志们：今天召开全区信访工作会议。");
    assert_eq!(chrome_texts(&doc, &i), vec!["全国信访工作会议|"]);
    assert_eq!(i.document.title.as_deref(), Some("某某区信访工作会议主持词"));
}

#[test]
fn html_markup_and_tag_clouds() {
    let text = "某某街道召开综治工作例会\n\n<p class=\"ql-block\">3月4日下午，某某街道召开综治工作例会。</p> <p class=\"ql-block\">会议要求，要压实责任。</p>\n\n\
        治理\n\n基层\n\n工作\n\n例会\n\n街道";
    let (doc, i) = info(text);
    let c = chrome_texts(&doc, &i);
    assert_eq!(
        c,
        vec!["<p class=\"ql-block\">", "</p> <p class=\"ql-block\">", "</p>", "治理\n\n基层\n\n工作\n\n例会\n\n街道"]
    );
    let (doc, i) = info("会议要求，要压实&nbsp;&nbsp;责任，R&D投入要加大。");
    assert_eq!(chrome_texts(&doc, &i), vec!["&nbsp；&nbsp；"]);
    // Three short lines are not a tag cloud (a signature block, headings).
    let (doc, i) = info("会议要求，要压实责任。\n\n县委办\n\n县政府办\n\n三月");
    assert!(chrome_texts(&doc, &i).is_empty());
}

#[test]
fn related_news_widget_brings_other_articles() {
    let text = "本报讯（记者 张三）5月26日，全市平安建设工作推进会举行。市委副书记李四出席会议并讲话。\n\
        李四指出，要深化平安建设，确保社会大局稳定。会议还表彰了先进集体。\n\
        会议要求，各地各部门要坚持和发展新时代“枫桥经验”，加强矛盾纠纷排查化解，深入推进社会治安整体防控体系建设，\
        严厉打击各类违法犯罪，不断提升人民群众安全感和满意度。\n\
        新闻推荐\n某某日报讯（记者 王五）春节假期某某天气晴好，全市景区人气火爆。全市共接待游客296万人次。\n某某新闻，弘扬社\n\
        某某县开展春季安全生产大检查，县应急管理局组织专家深入企业排查隐患，督促整改落实…";
    let (doc, i) = info(text);
    let kinds: Vec<(AnomalyKind, &str)> = i.boilerplate.iter().map(|a| (a.kind, doc.unmasked_slice(a.span))).collect();
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    assert_eq!(kinds[3].0, AnomalyKind::OffTopic);
    assert_eq!(kinds[0], (AnomalyKind::Boilerplate, "新闻推荐"));
    assert_eq!(kinds[1].0, AnomalyKind::OffTopic);
    assert!(kinds[1].1.contains("景区人气火爆"));
    assert_eq!(kinds[2], (AnomalyKind::Boilerplate, "某某新闻，弘扬社"));
    // The other article is blanked out too.
    assert!(i.masked.iter().any(|s| doc.unmasked_slice(*s).contains("景区")));
}

#[test]
fn a_widget_label_above_the_article_takes_nothing_along() {
    let text = "相关文章\n某某县召开政法工作会议\n\n3月2日，某某县召开政法工作会议。县委书记出席会议并讲话。会议要求，要压实责任。\n\
        会议强调，要深化平安建设，确保社会大局持续稳定，为高质量发展提供安全环境。";
    let (doc, i) = info(text);
    assert_eq!(chrome_texts(&doc, &i), vec!["相关文章"]);
    assert!(i.boilerplate.iter().all(|a| a.kind == AnomalyKind::Boilerplate));
}

#[test]
fn player_share_and_reading_prompts() {
    let text = "语音播报\n00:00 / 02:35\n\n3月2日，某某县召开政法工作会议。县委书记出席会议并讲话。\n\
        还剩2页未读，继续阅读\n扫码关注某某发布\n长按识别二维码关注我们";
    let (doc, i) = info(text);
    let c = chrome_texts(&doc, &i);
    assert_eq!(c.len(), 2, "{c:?}");
    assert_eq!(c[0], "语音播报\n00：00 / 02：35");
    assert!(c[1].starts_with("还剩2页") && c[1].ends_with("关注我们"), "{c:?}");
}

#[test]
fn body_lines_near_chrome_words_stay_body() {
    // An anti-fraud paragraph naming VIP members, a heading starting with 目录, a caption-like
    // word inside a sentence, a short heading after a figure label that is a list item.
    let text = "3月2日，某某县召开反诈工作会议。会议通报，骗子冒充VIP会员客服诱导转账。要加强宣传。要严厉打击。\n\
        目录清单管理要规范\n一、压实责任\n\
        大家在会议现场认真听取了报告。\n";
    let (doc, i) = info(text);
    assert!(chrome_texts(&doc, &i).is_empty(), "{:?}", chrome_texts(&doc, &i));
}

#[test]
fn breadcrumbs_and_menus_without_marker_words() {
    let text = "范文大全 > 讲话稿 > 政法讲话\n新闻 | 政务 | 服务 | 互动\n在全市政法工作会议上的讲话\n同志们：\n今天召开会议。\n\
        要做到发现早、化解好 > 一般要求。";
    let (doc, i) = info(text);
    assert_eq!(chrome_texts(&doc, &i), vec!["范文大全 > 讲话稿 > 政法讲话\n新闻 | 政务 | 服务 | 互动"]);
    assert_eq!(i.document.title.as_deref(), Some("在全市政法工作会议上的讲话"));
}

#[test]
fn caption_lines_in_brackets_and_credit_lines() {
    let text = "3月2日，某某县召开政法工作会议。县委书记出席会议并讲话。\n（图为会议现场）\n▲会议现场\n\
        会议要求，要压实责任。\n撰稿：王小明 审稿：县委政法委\n如有侵权，请联系删除。";
    let (doc, i) = info(text);
    let c = chrome_texts(&doc, &i);
    assert_eq!(c, vec!["（图为会议现场）\n▲会议现场", "撰稿：王小明 审稿：县委政法委\n如有侵权，请联系删除。"]);
}

#[test]
fn credit_keyword_and_membership_lines() {
    let text = "3月2日，某某县召开政法工作会议。县委书记出席会议并讲话。\n本台记者：张小明\n制作：李四明\n关键词：\n\
        某某新闻中心主办  某某新闻网站加盟单位";
    let (doc, i) = info(text);
    assert_eq!(
        chrome_texts(&doc, &i),
        vec!["本台记者：张小明\n制作：李四明\n关键词：\n某某新闻中心主办  某某新闻网站加盟单位"]
    );
}

#[test]
fn a_column_name_is_not_the_headline() {
    let text = "某某范文网 ，汇集讲话稿、工作总结等文稿下载。仅供学习，请勿他用！\n领导讲话范文\n在全市信访工作会议上的讲话\n同志们：\n今天召开会议。";
    let (_, i) = info(text);
    assert_eq!(i.document.title.as_deref(), Some("在全市信访工作会议上的讲话"));
}

#[test]
fn a_headline_broken_over_two_lines_is_joined() {
    let (_, i) =
        info("区委平安某某建设领导小组\n\n召开第一次（扩大）会议\n\n25日上午，区委平安某某建设领导小组召开会议。");
    assert_eq!(i.document.title.as_deref(), Some("区委平安某某建设领导小组召开第一次（扩大）会议"));
    let (_, i) = info("市政法委书记在全市社会治安综合\n治理中心建设推进会上的讲话\n同志们：\n今天召开会议。");
    assert_eq!(i.document.title.as_deref(), Some("市政法委书记在全市社会治安综合治理中心建设推进会上的讲话"));
    // A kicker above the headline stays apart.
    let (_, i) = info(
        "整治顽瘴痼疾 纯洁政法队伍\n某某市检察院召开队伍教育整顿动员会\n\n本报讯 4月9日，某某市检察院召开动员会。",
    );
    assert_eq!(i.document.title.as_deref(), Some("某某市检察院召开队伍教育整顿动员会"));
}

#[test]
fn a_caption_in_its_own_brackets_and_a_page_counter_beside_the_toolbar() {
    let text = "全县信访工作会议召开\n（图）会议现场\n5月6日，全县信访工作会议召开。县委书记张三出席会议。\n第2页 共4页   收藏  举报\n共4页 第2页\n";
    let (doc, found) = info(text);
    let chrome = chrome_texts(&doc, &found);
    assert!(chrome.iter().any(|c| c.contains("（图）会议现场")), "{chrome:?}");
    assert!(chrome.iter().any(|c| c.contains("第2页 共4页   收藏  举报")), "{chrome:?}");
    assert!(chrome.iter().any(|c| c.contains("共4页 第2页")), "{chrome:?}");
    // A sentence that mentions a figure is no caption, nor a page's count in a sentence.
    let text = "全县信访工作会议召开\n（图）表明，全县信访总量连续三年下降，群众满意度持续提升，各项工作取得明显成效。\n文件第2页共4页收藏在档案室。\n";
    let (doc, found) = info(text);
    assert!(chrome_texts(&doc, &found).is_empty(), "{:?}", chrome_texts(&doc, &found));
}

#[test]
fn a_line_of_toolbar_words_and_counts() {
    let text = "全县信访工作会议召开\n5月6日，全县信访工作会议召开。县委书记张三出席会议。\n收藏\n点赞 12   评论 3\n【我要纠错】\n< 上一页 1 2 3 下一页 >\n";
    let (doc, found) = info(text);
    let chrome = chrome_texts(&doc, &found);
    for l in ["收藏", "点赞 12   评论 3", "【我要纠错】", "< 上一页 1 2 3 下一页 >"] {
        assert!(chrome.iter().any(|c| c.contains(l)), "{l}: {chrome:?}");
    }
    // A toolbar word inside a sentence or a heading is no toolbar.
    let text = "全县信访工作会议召开\n评论员文章\n群众评论说，信访窗口服务越来越好。\n";
    let (doc, found) = info(text);
    assert!(chrome_texts(&doc, &found).is_empty(), "{:?}", chrome_texts(&doc, &found));
}

#[test]
fn more_metadata_keys_and_page_links() {
    let text = "全县禁毒工作会议召开\n发布者：县委政法委  稿源：县融媒体中心  访问量：77\n本文链接：http://www.example.gov.cn/art/1.html\n5月6日，全县禁毒工作会议召开。县委书记张三出席会议。\n文章作者：李小明  审核人：王小红\n阅读数：310\n原标题：筑牢平安防线\n【免责声明】本网转载稿件仅供参考。\n";
    let (doc, found) = info(text);
    let chrome = chrome_texts(&doc, &found);
    for l in ["发布者：县委政法委", "本文链接：", "文章作者：李小明", "阅读数：310", "原标题：", "【免责声明】"]
    {
        assert!(chrome.iter().any(|c| c.contains(l)), "{l}: {chrome:?}");
    }
    assert_eq!(found.document.source.as_deref(), Some("县融媒体中心"));
}

#[test]
fn photo_credits_and_marked_captions() {
    let text = "全县信访工作会议召开\n（组图）\n（记者 刘小兵 摄）\n5月6日，全县信访工作会议召开。县委书记张三出席会议。\n▲县委书记张三在会上讲话\n周小红/摄\n图：会议现场\n";
    let (doc, found) = info(text);
    let chrome = chrome_texts(&doc, &found);
    for l in ["（组图）", "（记者 刘小兵 摄）", "▲县委书记张三在会上讲话", "周小红/摄", "图：会议现场"]
    {
        assert!(chrome.iter().any(|c| c.contains(l)), "{l}: {chrome:?}");
    }
    // A heading about filming, and a long ▲ paragraph, are body text.
    let text = "全县信访工作会议召开\n组织拍摄\n▲今年以来，全县信访总量持续下降。各乡镇认真落实领导接访制度，化解了一批信访积案，群众满意度明显提升。\n";
    let (doc, found) = info(text);
    assert!(chrome_texts(&doc, &found).is_empty(), "{:?}", chrome_texts(&doc, &found));
}

#[test]
fn a_site_disowning_its_content_is_chrome() {
    let text = "全县信访工作会议召开\n5月6日，全县信访工作会议召开。县委书记张三出席会议。\n内容来自用户分享和网络整理，不代表本站立场。\n本文由网友上传，下载后可编辑。\n";
    let (doc, found) = info(text);
    let chrome = chrome_texts(&doc, &found);
    for l in ["不代表本站立场", "下载后可编辑"] {
        assert!(chrome.iter().any(|c| c.contains(l)), "{l}: {chrome:?}");
    }
}

#[test]
fn a_pledge_speech_title_makes_a_speech() {
    let (_, i) = info("在全县政法工作会议上的表态发言\n\n县司法局　王五\n\n坚决落实会议部署，抓好各项工作。");
    assert_eq!(i.document.kind, DocumentKind::Speech);
    let (_, i) = info("在全市信访工作会议上的交流发言（摘要）\n\n抓源头，化积案，全年化解信访积案一批。");
    assert_eq!(i.document.kind, DocumentKind::Speech);
    // A headline reporting pledges is news.
    let (_, i) = info("全县政法工作会议召开 各单位作表态发言\n\n3月5日，全县政法工作会议召开。会议强调，要抓好落实。");
    assert_eq!(i.document.kind, DocumentKind::News);
}

#[test]
fn preview_cuts_share_footers_and_a_widget_heading_with_a_colon() {
    let text = "全县信访工作会议召开\n5月6日，全县信访工作会议召开。县委书记张三出席会议。\n（此处为预览内容，完整文档请下载后查看）\n（全文共5页，当前仅显示前2页，剩余内容请购买后阅读）\n分享 点赞 在看\n分享让更多人看到\n相关范文：\n";
    let (doc, found) = info(text);
    let chrome = chrome_texts(&doc, &found);
    for l in ["下载后查看", "购买后阅读", "分享 点赞 在看", "分享让更多人看到", "相关范文："]
    {
        assert!(chrome.iter().any(|c| c.contains(l)), "{l}: {chrome:?}");
    }
}

#[test]
fn preview_notices_disclaimers_and_tag_lines() {
    let text = "全县信访工作会议召开\n5月6日，全县信访工作会议召开。县委书记张三出席会议。\n温馨提示：本文档共5页，可免费阅读前2页\n特别声明：以上内容仅代表作者本人观点\n热门标签：信访 平安\n";
    let (doc, found) = info(text);
    let chrome = chrome_texts(&doc, &found);
    for l in ["可免费阅读前2页", "仅代表作者本人观点", "热门标签：信访"] {
        assert!(chrome.iter().any(|c| c.contains(l)), "{l}: {chrome:?}");
    }
}

#[test]
fn texts_given_at_a_meeting_are_speeches() {
    for t in [
        "在全县政法工作会议上的汇报",
        "在全市平安建设工作会议上的交流材料",
        "全县信访工作会议典型发言材料",
        "全县政法工作会议讲话范文",
    ] {
        let (_, i) = info(&format!("{t}\n\n抓源头，化积案，工作取得进展。"));
        assert_eq!(i.document.kind, DocumentKind::Speech, "{t}");
    }
}

#[test]
fn document_site_counters_and_reading_hints() {
    let text = "在全县政法工作会议上的讲话\n本文已影响 1.2万 人\n格式：DOCX 页数：5 大小：25KB\n需要 2 下载券\n阅读本文大约需要8分钟\n同志们：\n今天召开会议，要求统计字数：不超过三千字。\n";
    let (doc, found) = info(text);
    let chrome = chrome_texts(&doc, &found);
    for l in ["本文已影响", "页数：5", "下载券", "阅读本文大约需要"] {
        assert!(chrome.iter().any(|c| c.contains(l)), "{l}: {chrome:?}");
    }
    assert!(!chrome.iter().any(|c| c.contains("统计字数")), "{chrome:?}");
}

#[test]
fn wechat_follow_prompts_and_past_issue_lists() {
    let text = "点击蓝字关注我们\n3月2日，某某县召开政法工作会议。县委书记张三出席会议并讲话。会议要求，要压实责任。\n\
        会议强调，要深化平安建设，确保社会大局持续稳定，为高质量发展提供安全环境。\n\
        往期推荐\n某某县召开秋季农业生产现场会\n长按识别二维码\n阅读原文";
    let (doc, i) = info(text);
    let c = chrome_texts(&doc, &i).join("|");
    for w in ["点击蓝字关注我们", "往期推荐", "长按识别二维码", "阅读原文"] {
        assert!(c.contains(w), "{w} not chrome: {c}");
    }
    assert!(!c.contains("政法工作会议"), "{c}");
}

#[test]
fn related_news_list_below_the_article_does_not_decide_the_region() {
    let text = "3月2日，甲乙省召开全省政法工作会议。省委书记张三出席会议并讲话。会议要求，要压实责任，强化源头治理。\n\
        会议强调，要深化平安建设，确保社会大局持续稳定，为高质量发展提供安全环境。会议还部署了下一阶段重点工作。\n\
        相关新闻\n丙丁县春茶开采 丙丁县茶农忙采摘\n丙丁县各地茶园迎来采摘高峰，丙丁县茶农抢抓晴好天气采摘，丙丁县茶叶产量预计增长。";
    let (doc, i) = info(text);
    let masked: Vec<&str> = i.masked.iter().map(|s| doc.unmasked_slice(*s)).collect();
    assert!(masked.iter().any(|m| m.contains("春茶")), "{masked:?}");
}

#[test]
fn wechat_account_header_is_metadata_not_the_title() {
    let text = "某某法院 某某市人民法院 2024-07-22 18:05 甲省\n\n3月2日，某某县召开政法工作会议。县委书记张三出席会议并讲话。会议要求，要压实责任。";
    let (doc, i) = info(text);
    assert_eq!(i.document.published.as_deref(), Some("2024-07-22"));
    assert_ne!(i.document.title.as_deref(), Some("某某法院 某某市人民法院 2024-07-22 18：05 甲省"));
    assert_eq!(chrome_texts(&doc, &i), vec!["某某法院 某某市人民法院 2024-07-22 18：05 甲省"]);
    // One word and a date: a headline with its date stays the headline.
    let (_, i) = info(
        "市委召开全市政法工作会议 2024-07-22 18:05\n\n3月2日，市委召开全市政法工作会议。市委书记张三出席会议并讲话。",
    );
    assert!(i.document.title.as_deref().is_some_and(|t| t.contains("政法工作会议")), "{:?}", i.document.title);
}
