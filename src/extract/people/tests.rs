use super::*;
use crate::extract::with_ctx;

fn people(text: &str) -> Vec<Person> {
    with_ctx(text, extract)
}

fn find<'a>(ps: &'a [Person], name: &str) -> &'a Person {
    match ps.iter().find(|p| p.name == name) {
        Some(p) => p,
        None => panic!("{name} not found in {:?}", ps.iter().map(|p| &p.name).collect::<Vec<_>>()),
    }
}

fn names(ps: &[Person]) -> Vec<&str> {
    ps.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn stacked_titles_and_role() {
    let ps = people("4月2日上午，县委召开全县政法工作会议。县委副书记、县长韩立军主持会议。");
    let p = find(&ps, "韩立军");
    assert_eq!(p.titles, vec!["县委副书记", "县长"]);
    assert_eq!(p.roles, vec!["主持"]);
    assert_eq!(ps.len(), 1);
}

#[test]
fn title_chain_across_comma_is_one_person() {
    let ps = people("县委副书记、政法委书记，县政协主席邱志远主持会议。");
    assert_eq!(names(&ps), vec!["邱志远"]);
    assert_eq!(ps[0].titles, vec!["县委副书记", "政法委书记", "县政协主席"]);
    assert_eq!(ps[0].roles, vec!["主持"]);
}

#[test]
fn comma_separated_people_each_keep_their_titles() {
    let ps = people(
        "县委常委、政法委书记邓光辉，县人大常委会主任罗玉琴，县政协主席蒋文斌，县领导胡晓峰、钱伟、唐家明出席会议。",
    );
    assert_eq!(names(&ps), vec!["邓光辉", "罗玉琴", "蒋文斌", "胡晓峰", "钱伟", "唐家明"]);
    assert_eq!(find(&ps, "邓光辉").titles, vec!["县委常委", "政法委书记"]);
    assert_eq!(find(&ps, "罗玉琴").titles, vec!["县人大常委会主任"]);
    assert_eq!(find(&ps, "钱伟").titles, vec!["县领导"]);
    assert!(ps.iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
}

#[test]
fn label_list_with_deng_and_canjia() {
    let ps = people("州领导马晓东、杨丽华、欧阳春、何平等参加会议。");
    assert_eq!(names(&ps), vec!["马晓东", "杨丽华", "欧阳春", "何平"]);
    assert!(ps.iter().all(|p| p.titles == vec!["州领导"] && p.roles == vec!["出席"]));
}

#[test]
fn name_glued_to_following_verb() {
    let ps = people("会上，县委书记柯振坚强调，要守牢底线。");
    assert_eq!(names(&ps), vec!["柯振坚"]);
    // Reported speech attributed to the person shows that they spoke.
    assert_eq!(ps[0].roles, vec!["讲话"]);
    let ps = people("会议结束时，李某强调，要抓好落实。");
    assert_eq!(names(&ps), vec!["李某"]);
}

#[test]
fn split_title_around_name() {
    let ps = people("会上，县委政法委陈某某副书记通报了全县矛盾纠纷排查情况。");
    let p = find(&ps, "陈某某");
    // Two parts, as written on either side of the name.
    assert_eq!(p.titles, vec!["县委政法委", "副书记"]);
    assert_eq!(p.roles, vec!["通报"]);
}

#[test]
fn dotted_minority_name_and_compound_surname() {
    let ps = people("州人大常委会副主任艾尔肯·吐尔逊出席会议。州委常委、政法委书记司马文涛作工作报告。");
    assert_eq!(names(&ps), vec!["艾尔肯·吐尔逊", "司马文涛"]);
    assert_eq!(find(&ps, "艾尔肯·吐尔逊").roles, vec!["出席"]);
    assert_eq!(find(&ps, "司马文涛").roles, vec!["报告"]);
}

#[test]
fn roles_merge_over_mentions_and_follow_the_verb() {
    let ps = people(
        "市委书记赵建平出席会议并讲话。市领导孔德明、黎芳出席会议。会上，副市长、市公安局局长孔德明通报了全市治安形势。赵建平指出，要压实责任。",
    );
    let z = find(&ps, "赵建平");
    assert_eq!(z.roles, vec!["出席", "讲话"]);
    assert_eq!(z.mentions.len(), 2);
    let k = find(&ps, "孔德明");
    assert_eq!(k.titles, vec!["市领导", "副市长", "市公安局局长"]);
    assert_eq!(k.roles, vec!["出席", "通报"]);
    assert_eq!(find(&ps, "黎芳").roles, vec!["出席"]);
}

#[test]
fn speech_verbs_are_not_roles_and_later_verbs_do_not_leak() {
    let ps = people("区长冯立平主持会议。冯立平要求，各部门要认真学习领会，迅速传达会议精神，抓好部署落实。");
    assert_eq!(find(&ps, "冯立平").roles, vec!["主持", "讲话"]);
}

#[test]
fn chairing_and_speaking() {
    let ps = people("会议由区委副书记、区长宋建国主持会议并讲话。");
    assert_eq!(find(&ps, "宋建国").roles, vec!["主持", "讲话"]);
    assert_eq!(find(&ps, "宋建国").titles, vec!["区委副书记", "区长"]);
}

#[test]
fn pronoun_goes_to_subject_of_previous_sentence() {
    let text = "县委书记董海波出席会议并讲话。他强调，要守牢安全底线。县领导田野、夏宁出席会议。";
    let ps = people(text);
    let d = find(&ps, "董海波");
    let he = text.chars().position(|c| c == '他').unwrap();
    assert!(d.mentions.contains(&Span::new(he, he + 1)));
    assert_eq!(d.mentions.len(), 2);
    // No pronoun after a sentence naming several people.
    let ps = people("县领导田野、夏宁出席会议。他说，要加强领导。");
    assert!(ps.iter().all(|p| p.mentions.len() == 1));
}

#[test]
fn mentions_cover_only_the_name() {
    let text = "市委书记林国栋出席会议。林国栋指出，要防范风险。";
    let ps = people(text);
    let p = find(&ps, "林国栋");
    let got: Vec<String> = p.mentions.iter().map(|s| text.chars().skip(s.0).take(s.len()).collect()).collect();
    assert_eq!(got, vec!["林国栋", "林国栋"]);
    assert!(p.mentions.windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn cited_leaders_journalists_and_placeholders_are_not_participants() {
    let ps = people(
        "深入学习贯彻习近平总书记关于平安建设的重要论述，以习近平新时代中国特色社会主义思想为指导。刚才，x同志通报了全市综治工作情况。（记者 黎明远 通讯员 彭小燕）",
    );
    assert!(ps.is_empty(), "{:?}", names(&ps));
    let ps = people("作者：邵晓雨\n县委书记姜成出席会议并讲话。");
    assert_eq!(names(&ps), vec!["姜成"]);
    // Spaces, a colon or a bar between the label and the name, as pages lay bylines out; a
    // byline name followed by a speech verb is still no participant.
    for byline in ["记者    黎明远指出", "记者：黎明远指出", "通讯员 | 黎明远指出"] {
        let ps = people(&format!("{byline}，全县政法工作会议召开。县委书记林国栋出席会议并讲话。"));
        assert_eq!(names(&ps), vec!["林国栋"], "{byline}");
    }
    // Past a few separators the label is too far away to be the name's byline.
    let ps = people(&format!("记者{}黎明远指出，要守牢安全底线。", " ".repeat(20)));
    assert_eq!(names(&ps), vec!["黎明远"]);
}

#[test]
fn long_runs_of_separators_hold_no_names() {
    // A page's padding: runs of spaces, colons and bars, with a real sentence after them.
    for sep in [" ", "：", "|", "/"] {
        let text = format!("{}县委书记林国栋出席会议并讲话。", sep.repeat(20_000));
        let ps = people(&text);
        assert_eq!(names(&ps), vec!["林国栋"], "after a run of {sep:?}");
        let p = find(&ps, "林国栋");
        assert_eq!(p.mentions[0].0, 20_004, "the name after 县委书记");
    }
}

#[test]
fn noise_after_titles_is_not_a_name() {
    let ps = people("各专项工作组组长单位，各成员单位主要负责人、分管领导参加会议。全区上下要统筹谋划、周密部署。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn attendees_after_the_verb() {
    let ps = people("出席会议的还有市委常委、秘书长谢文杰，副市长贺敏。");
    assert_eq!(find(&ps, "谢文杰").roles, vec!["出席"]);
    assert_eq!(find(&ps, "谢文杰").titles, vec!["市委常委", "秘书长"]);
    assert_eq!(find(&ps, "贺敏").roles, vec!["出席"]);
}

#[test]
fn speech_refers_to_comrades_and_statements() {
    let ps = people("同志们：刚才，蒋立新同志通报了全市综治工作情况，县公安局局长钟国庆同志作了表态发言，讲得很好。");
    assert_eq!(find(&ps, "蒋立新").roles, vec!["通报"]);
    let z = find(&ps, "钟国庆");
    assert_eq!(z.titles, vec!["县公安局局长"]);
    assert_eq!(z.roles, vec!["发言"]);
}

#[test]
fn deployment_after_location_phrase() {
    let ps = people("市委常委、政法委书记任海涛在会上作工作部署。");
    assert_eq!(find(&ps, "任海涛").roles, vec!["部署"]);
}

#[test]
fn junk_input_names_nobody() {
    for t in ["", "他", "书记", "市领导、", "王·", "·王", "主任王", "区领导王、", "\u{0}\u{1}书记李"]
    {
        assert!(people(t).is_empty(), "{t:?}: {:?}", names(&people(t)));
    }
    let ps = people(&"书记张三、".repeat(3000));
    assert_eq!(names(&ps), vec!["张三"]);
    assert_eq!(ps[0].titles, vec!["书记"]);
    assert_eq!(ps[0].mentions.len(), 3000);
}

use crate::extract::seed;

#[test]
fn seed_000_participants() {
    let ps = people(&seed("000"));
    assert_eq!(names(&ps), vec!["吴新明", "周旭东", "张月林", "张雪纯", "冯仁新", "管凤良", "魏杰", "李晖"]);
    let w = find(&ps, "吴新明");
    assert_eq!(
        (w.titles.clone(), w.roles.clone()),
        (vec!["市委书记".to_string()], vec!["出席".to_string(), "讲话".to_string()])
    );
    assert_eq!(w.mentions.len(), 8, "6 names + 他强调 + 他说");
    let z = find(&ps, "周旭东");
    assert_eq!(z.titles, vec!["市委副书记", "市长"]);
    // 周某要求，…: reported speech shows the chair spoke too.
    assert_eq!(z.roles, vec!["主持", "讲话"]);
    assert_eq!(find(&ps, "张月林").titles, vec!["市委副书记", "政法委书记"]);
    assert_eq!(find(&ps, "张月林").roles, vec!["出席", "报告"]);
    assert_eq!(find(&ps, "魏杰").titles, vec!["市领导", "副市长", "市公安局局长"]);
    assert_eq!(find(&ps, "魏杰").roles, vec!["出席", "通报"]);
}

#[test]
fn seed_001_participants() {
    let ps = people(&seed("001"));
    assert_eq!(names(&ps), vec!["陆秋明", "刘国新", "孟敖祥", "沈振华", "朱亚群"]);
    assert_eq!(find(&ps, "陆秋明").roles, vec!["出席", "讲话"]);
    let l = find(&ps, "刘国新");
    assert_eq!(l.titles, vec!["区领导", "区委副书记", "政法委书记", "区政协主席"]);
    assert!(l.roles.contains(&"主持".to_string()));
    for n in ["孟敖祥", "沈振华", "朱亚群"] {
        assert!(find(&ps, n).roles.contains(&"通报".to_string()), "{n}");
    }
}

#[test]
fn seed_002_participants() {
    let ps = people(&seed("002"));
    assert_eq!(names(&ps), vec!["原永宏", "赵海燕", "王宏伟", "郭全成", "成万森", "孙增顺"]);
    assert_eq!(find(&ps, "原永宏").roles, vec!["出席", "讲话"]);
    assert_eq!(find(&ps, "孙增顺").titles, vec!["区委常委", "政法委书记"]);
    assert_eq!(find(&ps, "孙增顺").roles, vec!["报告"]);
}

#[test]
fn seed_003_has_no_person() {
    assert!(people(&seed("003")).is_empty());
}

#[test]
fn seed_004_participants() {
    let ps = people(&seed("004"));
    assert_eq!(names(&ps), vec!["许云川", "王绍荣"]);
    let x = find(&ps, "许云川");
    assert_eq!(x.titles.len(), 4);
    assert_eq!(x.roles, vec!["主持", "讲话"]);
    assert_eq!(find(&ps, "王绍荣").roles, vec!["通报"]);
}

#[test]
fn title_modifiers_are_not_names() {
    // 常 and 专 are surnames, but 常务副/专职副 open a title.
    let ps = people(
        "市委政法委常务副书记庞志远主持会议。区委政法委专职副书记黎家明，县政府党组成员、常务副县长卓文辉出席会议。各县（市）委政法委书记、常务副书记参加会议。",
    );
    assert_eq!(names(&ps), vec!["庞志远", "黎家明", "卓文辉"]);
    assert_eq!(find(&ps, "庞志远").titles, vec!["市委政法委常务副书记"]);
    assert_eq!(find(&ps, "黎家明").titles, vec!["区委政法委专职副书记"]);
    assert_eq!(find(&ps, "卓文辉").titles, vec!["县政府党组成员", "常务副县长"]);
    assert!(ps.iter().all(|p| !p.name.starts_with('常') && !p.name.starts_with('专')), "{:?}", names(&ps));
}

#[test]
fn subjectless_clause_after_a_comma_keeps_the_subject() {
    let ps =
        people("会上，市委常委、政法委书记杜明远通报了上半年全市平安建设工作情况，并对下半年重点工作进行安排部署。");
    assert_eq!(find(&ps, "杜明远").roles, vec!["通报", "部署"]);
    let ps = people("刚才，黄志强同志通报了去年全区综治工作情况，并对今年的工作作了具体部署，我完全同意。");
    assert_eq!(find(&ps, "黄志强").roles, vec!["通报", "部署"]);
    let ps = people("县委副书记韦立军通报了一季度信访形势，对重点信访事项化解工作作出部署。");
    assert_eq!(find(&ps, "韦立军").roles, vec!["通报", "部署"]);
}

#[test]
fn reported_speech_and_objects_do_not_take_a_later_clause_role() {
    // What a leader says is not what he does at the meeting.
    let ps = people("市委书记丁海峰强调，对重大风险隐患要及时进行部署。");
    assert_eq!(find(&ps, "丁海峰").roles, vec!["讲话"]);
    // 王某的汇报: 王某 is the object, the meeting deploys.
    let ps = people("县长方卫东出席会议。会议听取了方卫东的汇报，并对下步工作进行部署。");
    assert_eq!(find(&ps, "方卫东").roles, vec!["出席"]);
}

#[test]
fn comments_on_the_units_are_a_role() {
    let ps = people("市公安局副局长严志华结合上月警情，对各区县（功能区）治安防控工作逐一进行了点评。");
    assert_eq!(find(&ps, "严志华").roles, vec!["点评"]);
    let ps = people("会上，县委政法委副书记苗启明作点评。");
    assert_eq!(find(&ps, "苗启明").roles, vec!["点评"]);
}

#[test]
fn list_of_speakers_across_commas_all_speak() {
    let ps = people("会上，翠屏区委常委、政法委书记岑晓梅，屏山县委常委、政法委书记尤建国，南溪区副区长、公安分局局长卜文杰先后作交流发言。");
    assert_eq!(names(&ps), vec!["岑晓梅", "尤建国", "卜文杰"]);
    assert_eq!(find(&ps, "尤建国").titles, vec!["屏山县委常委", "政法委书记"]);
    assert_eq!(find(&ps, "卜文杰").titles, vec!["南溪区副区长", "公安分局局长"]);
    assert!(ps.iter().all(|p| p.roles == vec!["发言"]), "{ps:?}");
    let ps = people("长宁县委书记甘伟，珙县县长邹明依次作表态发言。");
    assert_eq!(names(&ps), vec!["甘伟", "邹明"]);
    assert!(ps.iter().all(|p| p.roles == vec!["发言"]), "{ps:?}");
}

#[test]
fn convener_and_other_non_rank_heads_carry_a_dotted_name() {
    let ps = people("州委副书记、州长、州平安建设领导小组召集人买买提·艾力主持会议并讲话。");
    let p = find(&ps, "买买提·艾力");
    assert_eq!(p.titles, vec!["州委副书记", "州长", "州平安建设领导小组召集人"]);
    assert_eq!(p.roles, vec!["主持", "讲话"]);
    let ps = people("县矛盾纠纷多元化解中心联络员祁海波通报了有关情况。");
    assert_eq!(find(&ps, "祁海波").titles, vec!["县矛盾纠纷多元化解中心联络员"]);
}

#[test]
fn speaker_named_in_a_speech_heading() {
    // Title line, speaker line, dated line.
    let ps = people("在全市信访工作会议上的讲话\n市委副书记、市长　范立群\n（2023年1月5日）\n\n同志们：\n今天召开全市信访工作会议。");
    let p = find(&ps, "范立群");
    assert_eq!(p.titles, vec!["市委副书记", "市长"]);
    assert_eq!(p.roles, vec!["讲话"]);
    // Speaker and date on one line.
    let ps = people("在全区平安建设工作会议上的讲话\n区长 晏国华（2022年12月30日）\n同志们：\n这次会议的主要任务是……");
    assert_eq!(find(&ps, "晏国华").roles, vec!["讲话"]);
    assert_eq!(find(&ps, "晏国华").titles, vec!["区长"]);
    // Subtitle and speaker on one line, no space before the name.
    let ps = people("坚持和发展新时代枫桥经验\n——在全县矛盾纠纷排查化解工作会议上的讲话 县委书记柴永昌\n同志们：");
    assert_eq!(find(&ps, "柴永昌").roles, vec!["讲话"]);
    assert_eq!(find(&ps, "柴永昌").titles, vec!["县委书记"]);
}

#[test]
fn heading_line_of_a_news_item_is_not_a_speaker() {
    // No 讲话/同志们: a news heading, whoever it names gives no speech role.
    let ps =
        people("全县平安建设推进会召开\n县委书记 宁海川\n3月2日，全县平安建设推进会召开。县委书记宁海川出席会议。");
    assert_eq!(find(&ps, "宁海川").roles, vec!["出席"]);
    // The body of a speech is not its heading.
    let text = format!("同志们：\n{}\n县委书记 宁海川\n", "今天召开会议，".repeat(70));
    assert!(people(&text).iter().all(|p| p.roles.is_empty()), "{:?}", people(&text));
}

#[test]
fn names_listed_before_a_collective_label() {
    let ps = people("会上，县委常委、政法委书记闵志军作工作报告。房立伟、谌小兰、司徒海等县领导出席会议。");
    assert_eq!(names(&ps), vec!["闵志军", "房立伟", "谌小兰", "司徒海"]);
    // A label after the names is no title of theirs.
    assert!(find(&ps, "谌小兰").titles.is_empty());
    assert!(ps[1..].iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
    // "等同志" carries no rank; a list that does not start a clause is not taken.
    let ps = people("柏林森、冷雪等同志参加会议。");
    assert_eq!(names(&ps), vec!["柏林森", "冷雪"]);
    assert!(ps.iter().all(|p| p.titles.is_empty()));
    assert!(people("全面推进平安建设、法治建设等领导出席").is_empty());
}

#[test]
fn quoted_report_title_inside_the_role_phrase() {
    let ps = people("市委副书记、政法委书记庞海林作了题为《坚持改革创新 建设更高水平平安市》的工作报告。");
    assert_eq!(find(&ps, "庞海林").roles, vec!["报告"]);
}

#[test]
fn representing_and_entrusted_by() {
    // 代表 does not end the role phrase; 受…委托 does not join the two names.
    let ps = people("县委书记莫振华出席会议。镇党委书记蒲晓燕代表受表彰单位作表态发言。受县委书记莫振华委托，县委常委、办公室主任霍启明宣读了表彰决定。");
    assert_eq!(find(&ps, "蒲晓燕").roles, vec!["发言"]);
    assert_eq!(find(&ps, "霍启明").roles, vec!["宣读"]);
    assert_eq!(find(&ps, "莫振华").roles, vec!["出席"]);
}

#[test]
fn space_between_title_and_name() {
    let ps = people("县委政法委副书记、县综治中心主任 邬建明 通报了全县综治中心建设情况。");
    let p = find(&ps, "邬建明");
    assert_eq!(p.titles, vec!["县委政法委副书记", "县综治中心主任"]);
    assert_eq!(p.roles, vec!["通报"]);
}

#[test]
fn comrade_at_clause_start_before_any_verb() {
    let ps = people("同志们：\n刚才，滕宏伟同志代表县委政法委作了工作报告，我完全同意。全体同志要认真抓好落实。");
    assert_eq!(names(&ps), vec!["滕宏伟"]);
    assert_eq!(ps[0].roles, vec!["报告"]);
}

#[test]
fn name_jieba_reads_as_a_place_after_a_title() {
    // 焦阳, 宁波 are place names to jieba; after a title and before a verb they are people.
    let ps = people("副县长焦阳主持召开专题会议。县委常委、政法委书记宁波通报了有关情况。");
    assert_eq!(names(&ps), vec!["焦阳", "宁波"]);
    assert_eq!(find(&ps, "焦阳").roles, vec!["主持"]);
    assert_eq!(find(&ps, "宁波").roles, vec!["通报"]);
}

#[test]
fn kinds_of_speech_after_zuo() {
    let ps = people("县委书记冉志刚作动员讲话。县长白文辉作了总结讲话。");
    assert_eq!(find(&ps, "冉志刚").roles, vec!["讲话"]);
    assert_eq!(find(&ps, "白文辉").roles, vec!["讲话"]);
}

#[test]
fn long_repetitive_input_stays_fast() {
    let text = "县领导甲乙、书记张三等市领导，王某强调，".repeat(20_000);
    let t = std::time::Instant::now();
    let ps = people(&text);
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
    assert_eq!(names(&ps), vec!["张三", "王某"]);
    assert!(ps.iter().all(|p| p.mentions.len() == 20_000));
    assert_eq!(find(&ps, "张三").titles, vec!["书记"]);
    assert_eq!(find(&ps, "王某").roles, vec!["讲话"]);
}

#[test]
fn rare_surnames_after_titles() {
    let ps = people("州委常委、政法委书记禤海明出席会议并讲话。县法院院长亓丽君，县检察院检察长綦东平，县公安局局长逄国庆参加会议。");
    assert_eq!(names(&ps), vec!["禤海明", "亓丽君", "綦东平", "逄国庆"]);
    assert_eq!(find(&ps, "禤海明").titles, vec!["州委常委", "政法委书记"]);
    assert_eq!(find(&ps, "綦东平").titles, vec!["县检察院检察长"]);
    assert!(ps.iter().skip(1).all(|p| p.roles == vec!["出席"]), "{ps:?}");
}

#[test]
fn function_word_surname_after_three_titles_before_a_verb() {
    let ps = people("会上，县委常委、组织部部长、县人才工作领导小组办公室主任向晓军通报了全县干部队伍建设情况。");
    let p = find(&ps, "向晓军");
    assert_eq!(p.titles, vec!["县委常委", "组织部部长", "县人才工作领导小组办公室主任"]);
    assert_eq!(p.roles, vec!["通报"]);
    let ps = people("副县长于海波主持会议。");
    assert_eq!(names(&ps), vec!["于海波"]);
    let ps = people("县委书记向志勇在讲话中指出，要压实责任。县长向东升在会上强调，要守牢底线。");
    assert_eq!(names(&ps), vec!["向志勇", "向东升"]);
    // 向 + a noun is "towards": 书记向群众通报 (jieba reads 群众 as a noun).
    assert!(people("县委书记向来重视信访工作。市长在会上强调，要守牢底线。书记向群众通报了情况。").is_empty());
}

#[test]
fn words_after_a_title_are_not_names_of_unknown_surname() {
    for t in [
        "会上，县长向大会作政府工作报告。",
        "市委书记于近日部署了相关工作。",
        "区委书记专题部署信访工作。",
        "县长和县委书记出席会议。",
    ] {
        assert!(people(t).is_empty(), "{t}: {:?}", people(t));
    }
}

#[test]
fn split_title_with_deputy_does_not_glue_onto_the_next_person() {
    let ps = people("随后，城关街道党工委唐杰副书记、河西社区党委书记孔丽萍先后发言。");
    assert_eq!(names(&ps), vec!["唐杰", "孔丽萍"]);
    assert_eq!(find(&ps, "唐杰").titles, vec!["城关街道党工委", "副书记"]);
    assert_eq!(find(&ps, "孔丽萍").titles, vec!["河西社区党委书记"]);
    assert!(ps.iter().all(|p| p.roles == vec!["发言"]), "{ps:?}");
    let ps = people("县委政法委龚海常务副书记通报了有关情况。");
    assert_eq!(find(&ps, "龚海").titles, vec!["县委政法委", "常务副书记"]);
}

#[test]
fn role_verb_after_a_long_object_with_an_adverb() {
    let ps = people("会上，县委政法委副书记龙晓峰对各镇、各部门综治工作考评情况逐一进行点评。");
    assert_eq!(find(&ps, "龙晓峰").roles, vec!["点评"]);
    let ps = people("镇党委委员、政法委员程国庆对“平安创建”百日行动进行具体部署；派出所所长邹磊通报了治安形势。");
    assert_eq!(find(&ps, "程国庆").roles, vec!["部署"]);
    assert_eq!(find(&ps, "邹磊").roles, vec!["通报"]);
    let ps = people("市委常委、政法委书记白志刚对下步工作进行了全面部署。");
    assert_eq!(find(&ps, "白志刚").roles, vec!["部署"]);
    // Said, not done: an object phrase ending in something else gives no role.
    let ps = people("县委书记贺建平对全县政法工作取得的成绩给予充分肯定。");
    assert!(find(&ps, "贺建平").roles.is_empty());
}

#[test]
fn name_written_before_its_title() {
    let ps = people("同志们：\n刚才，邵建华副县长通报了全县治安形势，彭刚局长作了表态发言。");
    assert_eq!(names(&ps), vec!["邵建华", "彭刚"]);
    assert_eq!(find(&ps, "邵建华").titles, vec!["副县长"]);
    assert_eq!(find(&ps, "邵建华").roles, vec!["通报"]);
    assert_eq!(find(&ps, "彭刚").roles, vec!["发言"]);
    let ps = people("会上，欧阳晓琳副主任、谌明常务副局长分别作交流发言。");
    assert_eq!(names(&ps), vec!["欧阳晓琳", "谌明"]);
    assert_eq!(find(&ps, "谌明").titles, vec!["常务副局长"]);
    // Words before a title are no name: 全体委员, 司法所所长.
    assert!(people("会上，全体委员出席会议，司法所所长作表态发言。").is_empty());
}

#[test]
fn name_before_guanyu_or_a_one_char_given_name_read_as_a_place() {
    let ps = people("会议听取了县公安局局长卢德旺关于全县治安形势的汇报。");
    assert_eq!(names(&ps), vec!["卢德旺"]);
    assert_eq!(find(&ps, "卢德旺").titles, vec!["县公安局局长"]);
    let ps = people("县长于洋作政府工作报告。");
    assert_eq!(find(&ps, "于洋").roles, vec!["报告"]);
}

#[test]
fn dotted_name_before_chuxi_keeps_its_last_char() {
    // 提出 would end the name at 艾买; 出席 is the verb the clause means.
    let ps = people(
        "州人大常委会主任阿依古丽·吐尔逊，州中级人民法院院长马建新，州人民检察院检察长帕尔哈提·艾买提出席会议。",
    );
    assert_eq!(names(&ps), vec!["阿依古丽·吐尔逊", "马建新", "帕尔哈提·艾买提"]);
    for p in &ps {
        assert_eq!(p.roles, vec!["出席"], "{}", p.name);
    }
    assert_eq!(find(&ps, "帕尔哈提·艾买提").titles, vec!["州人民检察院检察长"]);
    // A dotted name closed by a speech verb stays as it is.
    let ps = people("自治区党委常委、政法委书记买买提·吐尔逊提出，要坚持系统治理。");
    assert_eq!(names(&ps), vec!["买买提·吐尔逊"]);
}

#[test]
fn huibao_is_a_report_at_a_joint_meeting() {
    let ps =
        people("市住建局局长彭学文汇报了房地产领域信访问题化解情况，市人社局局长冯春燕汇报了根治欠薪工作推进情况。");
    assert_eq!(names(&ps), vec!["彭学文", "冯春燕"]);
    assert_eq!(find(&ps, "彭学文").roles, vec!["报告"]);
    assert_eq!(find(&ps, "冯春燕").titles, vec!["市人社局局长"]);
}

#[test]
fn a_role_noun_after_de_is_no_role() {
    let ps = people("县长方卫东出席会议。会议传达学习了市委书记周立平的讲话，听取了方卫东的汇报。");
    assert_eq!(find(&ps, "方卫东").roles, vec!["出席"]);
    assert!(ps.iter().find(|p| p.name == "周立平").is_none_or(|p| p.roles.is_empty()));
}

// Roles of everyone who acts (issue 25).

fn roles_of<'a>(ps: &'a [Person], name: &str) -> Vec<&'a str> {
    find(ps, name).roles.iter().map(|r| r.as_str()).collect()
}

#[test]
fn reported_speech_gives_jianghua_also_through_a_pronoun() {
    let ps = people("县委书记张三主持会议。副县长王五强调，要守牢安全底线。");
    assert_eq!(roles_of(&ps, "王五"), vec!["讲话"]);
    let ps = people("县长李四明出席会议。他要求，各乡镇要压实责任。");
    assert_eq!(roles_of(&ps, "李四明"), vec!["出席", "讲话"]);
    let ps = people("会议最后，县委常委、政法委书记李四明就做好春节期间安保工作提出三点要求。");
    assert_eq!(roles_of(&ps, "李四明"), vec!["讲话"]);
    let ps = people("镇党委书记钱小兵到会并作出重要指示。");
    assert_eq!(roles_of(&ps, "钱小兵"), vec!["出席", "讲话"]);
    let ps = people("区委书记孙大伟讲了三点意见。");
    assert_eq!(roles_of(&ps, "孙大伟"), vec!["讲话"]);
}

#[test]
fn deploying_notifying_reading_relaying_reporting() {
    let ps = people("县委常委赵六明对下一步工作进行了安排部署。");
    assert_eq!(roles_of(&ps, "赵六明"), vec!["部署"]);
    let ps = people("区委副书记周志强、区委常委吴海军分别就做好当前工作进行了全面细致的安排，提出了严格具体的要求。");
    assert!(ps.iter().all(|p| p.roles == vec!["部署", "讲话"]), "{ps:?}");
    let ps = people("区委政法委副书记郑晓东总结前期工作，并布置下一阶段任务。");
    assert_eq!(roles_of(&ps, "郑晓东"), vec!["报告", "部署"]);
    let ps = people("县委常委、政法委书记冯国华作了题为“守底线 保平安”的讲话，全面总结了去年全县政法工作，对今年工作进行了安排部署。");
    assert_eq!(roles_of(&ps, "冯国华"), vec!["讲话", "报告", "部署"]);
    let ps = people("县委常委、政法委书记陈立新在会上全面回顾了去年的政法综治工作。");
    assert_eq!(roles_of(&ps, "陈立新"), vec!["报告"]);
    let ps = people("会上，县委办副主任褚立明原原本本传达了省委政法工作会议精神。");
    assert_eq!(roles_of(&ps, "褚立明"), vec!["传达"]);
    let ps = people("会上，街道办事处副主任卫红梅通报近期安全生产、消防安全典型事故并部署防汛工作。");
    assert_eq!(roles_of(&ps, "卫红梅"), vec!["通报", "部署"]);
    let ps = people("副州长、州公安局局长庄立宇主持会议，并对全州信访工作提出具体要求。");
    assert_eq!(roles_of(&ps, "庄立宇"), vec!["主持", "讲话"]);
    let ps = people("会上，镇党委书记韩立新宣读了工作方案，并指出，要严密风险防控。");
    assert_eq!(roles_of(&ps, "韩立新"), vec!["宣读", "讲话"]);
    // A meeting's name or a relayed speech is a noun, not what the person does.
    let ps = people("区法院院长杨立平传达全国扫黑除恶总结大会精神。");
    assert_eq!(roles_of(&ps, "杨立平"), vec!["传达"]);
}

#[test]
fn listening_to_a_report_is_no_report() {
    let ps = people("县委副书记、县长秦立军到县信访局专题听取信访维稳工作情况汇报，并就下阶段工作作了安排部署。");
    assert_eq!(roles_of(&ps, "秦立军"), vec!["部署"]);
}

#[test]
fn every_name_of_a_list_before_one_verb_attends() {
    let ps = people("县委书记舒志明主持会议，胡立才、顾海飞出席会议。");
    assert_eq!(names(&ps), vec!["舒志明", "胡立才", "顾海飞"]);
    assert_eq!(roles_of(&ps, "胡立才"), vec!["出席"]);
    assert_eq!(roles_of(&ps, "顾海飞"), vec!["出席"]);
    let ps = people("时立华、王晓明、杜永强出席。");
    assert_eq!(names(&ps), vec!["时立华", "王晓明", "杜永强"]);
    // Attendance reaches past the unnamed attendees listed after the names.
    let ps = people("区委常委、政法委书记秦立刚，区协会副会长胡立宣、各街道综治主任及协会秘书长参加会议。");
    assert_eq!(roles_of(&ps, "秦立刚"), vec!["出席"]);
    assert_eq!(roles_of(&ps, "胡立宣"), vec!["出席"]);
    let ps = people("该镇人大主席邹立新、政法委员王立杰、政法办成员、镇直各单位负责人、村（社区）专干参加了会议。");
    assert!(ps.iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
    // A name under a collective label whose surname the list lacks.
    let ps = people("县领导黄立耀、蒋立国、于春生参加会议。");
    assert_eq!(names(&ps), vec!["黄立耀", "蒋立国", "于春生"]);
    assert!(ps.iter().all(|p| p.roles == vec!["出席"] && p.titles == vec!["县领导"]), "{ps:?}");
    let ps = people("新城县领导求子明、罗国平、孙建华等在分会场参加会议。");
    assert_eq!(names(&ps), vec!["求子明", "罗国平", "孙建华"]);
    assert!(ps.iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
}

#[test]
fn a_name_with_a_clause_of_its_own_does_not_share_the_next_verb() {
    let ps = people("3月8日下午，区委书记崔立民在区综治中心组织召开安保维稳工作会议，区领导黄立伟、石立军出席了会议。");
    assert!(roles_of(&ps, "崔立民").is_empty(), "{ps:?}");
    assert_eq!(roles_of(&ps, "黄立伟"), vec!["出席"]);
}

// People: who is a name, and which titles (issue 25).

#[test]
fn a_word_after_a_leader_title_is_no_name() {
    assert!(people("习近平总书记明确指出，要加强基层组织建设。").is_empty());
    let ps = people("镇领导班子、镇直各部门负责人参加本次会议，会议由镇长周立民同志主持。");
    assert_eq!(names(&ps), vec!["周立民"]);
    let ps = people("第二项，请县教育局纪检书记通报校园周边治安情况。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn names_with_common_middle_chars() {
    let ps = people("市委副书记娄会明出席会议并讲话。副区长、区公安分局局长王其军，区法院院长王立祥出席会议。副所长张科伟带领民警向群众发出承诺。");
    assert_eq!(names(&ps), vec!["娄会明", "王其军", "王立祥", "张科伟"]);
    assert_eq!(roles_of(&ps, "王其军"), vec!["出席"]);
    // 科长 after a surname is a title, not a given name.
    assert!(people("局长刘科长出席会议。").iter().all(|p| p.name != "刘科长"));
}

#[test]
fn a_word_like_name_in_a_titled_list() {
    let ps = people("副区长陈立阳主持会议，区政协副主席涂立贵、区法院院长光辉、区检察院检察长程立峰出席。");
    assert_eq!(find(&ps, "光辉").titles, vec!["区法院院长"]);
    assert_eq!(roles_of(&ps, "光辉"), vec!["出席"]);
}

#[test]
fn titles_lose_determiners_and_adverbs_and_keep_brackets() {
    let ps = people("会上，该乡党委书记黄立宇要求，做好纠纷排查。");
    assert_eq!(find(&ps, "黄立宇").titles, vec!["乡党委书记"]);
    let ps = people("最后党组书记、院长赵立超作了重要讲话。");
    assert_eq!(find(&ps, "赵立超").titles, vec!["党组书记", "院长"]);
    let ps = people("区委书记、区委平安某某建设（市域社会治理）领导小组组长阳立冰主持会议。");
    assert_eq!(find(&ps, "阳立冰").titles, vec!["区委书记", "区委平安某某建设（市域社会治理）领导小组组长"]);
}

#[test]
fn relayed_and_instructing_leaders_are_not_participants() {
    let ps = people("会上，县委办主任钱立新传达了省委书记孙立平在全省政法工作会议上的讲话精神。");
    assert_eq!(names(&ps), vec!["钱立新"]);
    // The 作 of 工作 starts no 作…讲话.
    assert_eq!(roles_of(&ps, "钱立新"), vec!["传达"]);
    let ps = people("党委书记刘立国传达并领学旗政法委书记李立生在全旗推进会议上的讲话。");
    assert_eq!(names(&ps), vec!["刘立国"]);
    let ps = people("市委书记秦立强作出批示。市委副书记常立敏出席并讲话。秦立强在批示中指出，要守牢底线。");
    assert_eq!(names(&ps), vec!["常立敏"]);
    let ps = people("党组成员、纪检组长赵立廉传达了省高院钱立杰组长的讲话精神，并对监督检查工作安排部署。");
    assert_eq!(names(&ps), vec!["赵立廉"]);
    assert_eq!(roles_of(&ps, "赵立廉"), vec!["传达", "部署"]);
    // A provincial leader only mentioned in a town's speech.
    let ps = people("在这件事后，省委书记李立恒同志多次过问。镇党委书记王立军出席会议。");
    assert_eq!(names(&ps), vec!["王立军"]);
}

#[test]
fn a_bare_given_name_with_tongzhi_is_partial() {
    let ps = people("刚才，文强同志传达了全省人大信访工作会议的主要精神。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
    let ps = people("刚才，蒋立强同志传达了全省人大信访工作会议的主要精神。");
    assert_eq!(names(&ps), vec!["蒋立强"]);
}

#[test]
fn the_meeting_not_its_chair_acts_after_you_zhuchi() {
    // 会议由…主持: the clauses after have the meeting as their subject.
    let ps = people("会议由县委副书记张立军主持，传达学习了省委政法工作会议精神。");
    assert_eq!(roles_of(&ps, "张立军"), vec!["主持"]);
}

#[test]
fn a_speech_heading_with_the_name_before_zai_is_the_speakers_own() {
    // Not a relayed speech: the heading line of the speech itself.
    let ps = people("区委书记周立涛在全区平安建设推进会上的讲话\n同志们：\n今天召开会议，主要任务是部署工作。");
    assert_eq!(names(&ps), vec!["周立涛"]);
    assert_eq!(roles_of(&ps, "周立涛"), vec!["讲话"]);
}

#[test]
fn a_post_held_written_after_the_name() {
    let ps = people("县法院党组书记、院长王立彬担任第二战区指挥长出席会议并作动员讲话。");
    assert_eq!(find(&ps, "王立彬").titles, vec!["县法院党组书记", "院长", "第二战区指挥长"]);
    assert_eq!(roles_of(&ps, "王立彬"), vec!["出席", "讲话"]);
}

#[test]
fn analysing_is_work_not_quoted_speech() {
    let ps = people("镇长何立剑分析全镇各村当前隐患及问题，并就下一步化解、稳控工作作出具体部署。");
    assert_eq!(roles_of(&ps, "何立剑"), vec!["部署"]);
    let ps = people("县委书记何立剑分析指出，当前形势严峻。");
    assert_eq!(roles_of(&ps, "何立剑"), vec!["讲话"]);
}

#[test]
fn according_to_is_no_part_of_a_title() {
    let ps = people("按照市委书记张立三的要求，各地要抓好落实。");
    assert_eq!(find(&ps, "张立三").titles, vec!["市委书记"]);
}

#[test]
fn welcome_speech_notice_and_presence_verbs() {
    let ps = people("县长张立明致欢迎辞，县委常委李立华就全县治安形势作了通报，市委副书记王立强莅临会议。");
    assert_eq!(roles_of(&ps, "张立明"), vec!["讲话"]);
    assert_eq!(roles_of(&ps, "李立华"), vec!["通报"]);
    assert_eq!(roles_of(&ps, "王立强"), vec!["出席"]);
}

#[test]
fn a_study_meeting_chaired_is_no_relay() {
    // 学习 before the name, but the name chairs the study meeting itself.
    let ps = people("县委理论学习中心组专题学习会由县委书记张立明主持。");
    assert_eq!(roles_of(&ps, "张立明"), vec!["主持"]);
    let ps = people("在学习贯彻会议精神宣讲会上县委书记张立明作了宣讲。");
    assert_eq!(find(&ps, "张立明").titles, vec!["县委书记"]);
}

#[test]
fn a_bare_list_before_fenbie_or_deng() {
    let ps = people("会上，张立明、李立华分别作了表态发言。");
    assert_eq!(names(&ps), vec!["张立明", "李立华"]);
    assert!(ps.iter().all(|p| p.roles == vec!["发言"]), "{ps:?}");
    let ps = people("胡立才、顾海飞等出席会议。");
    assert!(ps.iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
    assert_eq!(ps.len(), 2);
    assert!(people("会上，各地要统筹谋划、周密部署、高度重视。").is_empty());
}

#[test]
fn a_comma_list_reaches_its_attendance_verb() {
    let ps = people("县委常委、县政法委书记张立军，县禁毒委副主任张立生以及22个县直属单位，18个乡镇等领导参加了会议。");
    assert_eq!(roles_of(&ps, "张立军"), vec!["出席"]);
    assert_eq!(roles_of(&ps, "张立生"), vec!["出席"]);
    // Not past a clause of the person's own.
    let ps = people("县委书记张立军主持会议，各乡镇、各部门主要负责人参加会议。");
    assert_eq!(roles_of(&ps, "张立军"), vec!["主持"]);
}

#[test]
fn what_is_relayed_holds_no_role_of_the_relayer() {
    let ps = people("会上，法院副院长杨立选传达了全国推进会和省委书记致辞讲话精神。");
    assert_eq!(roles_of(&ps, "杨立选"), vec!["传达"]);
    let ps = people("会上，法院副院长杨立选传达了全国推进会精神并作动员讲话。");
    assert_eq!(roles_of(&ps, "杨立选"), vec!["传达", "讲话"]);
    // A bare 要求 ending the clause is a noun.
    let ps = people("会上，法院副院长杨立选传达了省委精神，并学习了全市扫黑除恶工作的部署要求。");
    assert_eq!(roles_of(&ps, "杨立选"), vec!["传达"]);
}

/// The words each title and role of a person rests on: (of, value, text of its span).
fn evidence(text: &str, p: &Person) -> Vec<(String, String, String)> {
    let chars: Vec<char> = text.chars().collect();
    p.evidence.iter().map(|e| (e.of.clone(), e.value.clone(), chars[e.span.0..e.span.1].iter().collect())).collect()
}

#[test]
fn every_title_and_role_carries_the_words_it_came_from() {
    let text = "3月5日，县委召开全县信访工作会议。县委副书记、县长韩立军主持会议，县委常委、政法委书记邓光辉对下一步工作作了安排部署。县领导胡晓峰、钱伟出席会议。韩立军强调，要压实责任。";
    let ps = people(text);
    let ev = |name: &str| evidence(text, find(&ps, name));
    let own = |of: &str, v: &str, w: &str| (of.to_string(), v.to_string(), w.to_string());
    let han = ev("韩立军");
    assert!(han.contains(&own("title", "县委副书记", "县委副书记")), "{han:?}");
    assert!(han.contains(&own("title", "县长", "县长")), "{han:?}");
    assert!(han.contains(&own("role", "主持", "主持")), "{han:?}");
    assert!(han.contains(&own("role", "讲话", "强调")), "{han:?}");
    let deng = ev("邓光辉");
    assert!(deng.iter().any(|(of, v, w)| of == "role" && v == "部署" && w.ends_with("安排部署")), "{deng:?}");
    // A label before a list is every listed name's title; its evidence is the label.
    let qian = ev("钱伟");
    assert!(qian.contains(&own("title", "县领导", "县领导")), "{qian:?}");
    assert!(qian.contains(&own("role", "出席", "出席")), "{qian:?}");
    // One entry per value, for every value.
    for p in &ps {
        assert_eq!(p.evidence.len(), p.titles.len() + p.roles.len(), "{}: {:?}", p.name, p.evidence);
    }
}

#[test]
fn a_pronouns_role_rests_on_its_verb_and_a_speech_on_its_heading() {
    let text = "会上，县委书记周明远通报了全县信访形势。他要求，各乡镇要落实包案责任。";
    let ps = people(text);
    let ev = evidence(text, find(&ps, "周明远"));
    assert!(ev.iter().any(|(of, v, w)| of == "role" && v == "通报" && w.contains("通报")), "{ev:?}");
    assert!(ev.iter().any(|(of, v, w)| of == "role" && v == "讲话" && w == "要求"), "{ev:?}");
    let text = "在全县政法工作会议上的讲话\n县委书记 周明远\n同志们：\n今天召开会议。";
    let ps = people(text);
    let ev = evidence(text, find(&ps, "周明远"));
    assert!(ev.iter().any(|(of, v, w)| of == "role" && v == "讲话" && w == "讲话"), "{ev:?}");
}

/// Every title and role of every person has its evidence.
fn all_evidenced(ps: &[Person]) {
    for p in ps {
        assert_eq!(p.evidence.len(), p.titles.len() + p.roles.len(), "{}: {:?}", p.name, p.evidence);
    }
}

#[test]
fn invited_attendance_keeps_the_person() {
    let ps = people("县委副书记孙立文应邀出席会议并讲话。");
    assert_eq!(names(&ps), vec!["孙立文"]);
    assert_eq!(ps[0].titles, vec!["县委副书记"]);
    assert_eq!(ps[0].roles, vec!["出席", "讲话"]);
    let ps = people("市司法局副局长冯晓应邀到会指导。");
    assert_eq!(names(&ps), vec!["冯晓"]);
    assert_eq!(ps[0].roles, vec!["出席"]);
    let ps = people("区法院院长韩一鸣受邀参加座谈。");
    assert_eq!(find(&ps, "韩一鸣").roles, vec!["出席"]);
    all_evidenced(&ps);
}

#[test]
fn a_title_after_the_name_lets_the_clause_go_on() {
    let ps = people("会上，吕文静院长对“清仓攻坚”专项行动进行了动员部署。");
    let p = find(&ps, "吕文静");
    assert_eq!(p.titles, vec!["院长"]);
    assert_eq!(p.roles, vec!["部署"]);
    all_evidenced(&ps);
}

#[test]
fn a_title_after_a_titled_name_is_added() {
    let ps = people("县委书记贺明远书记出席会议。随后，贺明远书记强调，要压实责任。");
    let p = find(&ps, "贺明远");
    assert_eq!(p.titles, vec!["县委书记", "书记"]);
    assert_eq!(p.roles, vec!["出席", "讲话"]);
    all_evidenced(&ps);
}

#[test]
fn the_chair_after_you_with_a_title_after_the_name() {
    let ps = people("会议由汪海涛局长主持。");
    let p = find(&ps, "汪海涛");
    assert_eq!(p.titles, vec!["局长"]);
    assert_eq!(p.roles, vec!["主持"]);
    all_evidenced(&ps);
}

#[test]
fn untitled_names_before_a_long_group_label() {
    let ps = people("各镇党委书记、县直单位主要负责同志，以及邵一凡、姜文博等县综治中心成员参加会议。");
    assert_eq!(names(&ps), vec!["邵一凡", "姜文博"]);
    assert!(ps.iter().all(|p| p.titles.is_empty() && p.roles == vec!["出席"]), "{ps:?}");
    let ps = people("邵一凡、姜文博等县直部门主要负责人参加会议。");
    assert_eq!(names(&ps), vec!["邵一凡", "姜文博"]);
    assert!(ps.iter().all(|p| p.titles.is_empty() && p.roles == vec!["出席"]), "{ps:?}");
    let ps = people("邵一凡、姜文博等县委、县政府领导出席会议。");
    assert_eq!(names(&ps), vec!["邵一凡", "姜文博"]);
    assert!(ps.iter().all(|p| p.titles.is_empty() && p.roles == vec!["出席"]), "{ps:?}");
    // A label after the names is no title of theirs, whatever the list's opening.
    let ps = people("会议强调要抓落实，以及邵一凡、姜文博等县领导出席会议。");
    assert!(ps.iter().all(|p| p.titles.is_empty()), "{ps:?}");
    all_evidenced(&ps);
}

#[test]
fn a_group_before_a_title_is_not_the_persons() {
    let ps = people("各乡镇党委书记，以及县委办主任葛晓东参加会议。");
    assert_eq!(find(&ps, "葛晓东").titles, vec!["县委办主任"]);
    let ps = people("各乡镇党委书记，县委办主任葛晓东参加会议。");
    assert_eq!(find(&ps, "葛晓东").titles, vec!["县委办主任"]);
    let ps = people("有关单位负责人、县信访局局长葛晓东参加会议。");
    assert_eq!(find(&ps, "葛晓东").titles, vec!["县信访局局长"]);
}

#[test]
fn bao_and_a_task_is_no_name() {
    for text in ["对重点信访积案实行领导包案，逐案化解。", "要推行局长包片，层层压实责任。", "建立领导包保责任制。"]
    {
        let ps = people(text);
        assert!(ps.is_empty(), "{text}: {ps:?}");
    }
    // After a bare label, an adverb and a verb are no name either.
    let ps = people("主要领导亲自抓，分管领导具体抓。");
    assert!(ps.is_empty(), "{ps:?}");
    // 包 is still a surname.
    let ps = people("副县长包文清出席会议。");
    assert_eq!(names(&ps), vec!["包文清"]);
}

#[test]
fn a_bracketed_note_after_a_title_stays_with_it() {
    let ps = people("县委副书记、政法委书记（兼）莫振宇主持会议。");
    assert_eq!(find(&ps, "莫振宇").titles, vec!["县委副书记", "政法委书记（兼）"]);
    let ps = people("副县长（挂职）莫振宇参加会议。");
    assert_eq!(find(&ps, "莫振宇").titles, vec!["副县长（挂职）"]);
    assert_eq!(find(&ps, "莫振宇").roles, vec!["出席"]);
    all_evidenced(&ps);
}

#[test]
fn deputies_to_a_congress_are_titled() {
    let ps = people("会议邀请了市人大代表卢晓红、政协委员薛文杰列席会议。");
    assert_eq!(names(&ps), vec!["卢晓红", "薛文杰"]);
    assert_eq!(find(&ps, "卢晓红").titles, vec!["市人大代表"]);
    assert!(ps.iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
}

#[test]
fn an_adverb_between_a_name_and_its_verb() {
    let ps = people("县委书记严志平亲自主持会议并讲话。");
    assert_eq!(find(&ps, "严志平").roles, vec!["主持", "讲话"]);
    // A bare name at a clause start, its verb after an adverb or a few words after 在.
    let ps = people("会议指出，严志平再次强调，要抓好落实。");
    assert_eq!(names(&ps), vec!["严志平"]);
    let ps = people("严志平在会上强调，要守住底线。");
    assert_eq!(find(&ps, "严志平").roles, vec!["讲话"]);
    // 同志 after a bare given name still marks a partial name.
    let ps = people("刚才，志平同志传达了全省会议精神。");
    assert!(ps.is_empty(), "{ps:?}");
    // A surname with 副 and a head is a partial name (张副书记).
    let ps = people("邀请县委政法委严立新副书记作宣讲，严副书记详细阐述了法律规定。");
    assert_eq!(names(&ps), vec!["严立新"]);
}

#[test]
fn a_photo_caption_names_a_participant() {
    // The caption line is chrome for the other extractors; its person still took part.
    let text = "全县禁毒工作会议召开\n4月9日，全县禁毒工作会议召开。副县长田文韬主持会议。\n图为县委书记柏振华在会上讲话\n会议要求，要抓好落实。";
    let r = crate::analyze(text);
    let p = find(&r.people, "柏振华");
    assert_eq!(p.titles, vec!["县委书记"]);
    assert_eq!(p.roles, vec!["讲话"]);
    all_evidenced(&r.people);
    // A caption adds a title to a person of the text.
    let text = "全县禁毒工作会议召开\n4月9日，全县禁毒工作会议召开。县长田文韬主持会议。\n（图为县委副书记田文韬讲话）\n会议要求，要抓好落实。";
    let r = crate::analyze(text);
    let p = find(&r.people, "田文韬");
    assert_eq!(p.titles, vec!["县长", "县委副书记"]);
    assert_eq!(p.roles, vec!["主持", "讲话"]);
}

#[test]
fn a_note_after_a_name_keeps_the_clause() {
    let ps = people("县委常委、政法委书记苗晓雯（女，彝族）出席会议。");
    assert_eq!(find(&ps, "苗晓雯").roles, vec!["出席"]);
    let ps = people("县委书记殷正平，县委副书记、县长苗晓雯（女），县委常委孔德海出席会议。");
    assert_eq!(names(&ps), vec!["殷正平", "苗晓雯", "孔德海"]);
    assert!(ps.iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
    assert_eq!(find(&ps, "孔德海").titles, vec!["县委常委"]);
    all_evidenced(&ps);
}

#[test]
fn each_of_a_list_acts_on_a_long_object_with_a_list() {
    let ps = people("院长卓一鸣、检察长祁海东分别就做好审判、检察、执行工作进行了安排部署。");
    assert!(ps.iter().all(|p| p.roles == vec!["部署"]), "{ps:?}");
    let ps = people("卓一鸣、祁海东分别就审判、检察工作作了部署。");
    assert_eq!(names(&ps), vec!["卓一鸣", "祁海东"]);
    assert!(ps.iter().all(|p| p.roles == vec!["部署"]), "{ps:?}");
    all_evidenced(&ps);
}

#[test]
fn untitled_names_after_the_attendance_phrase() {
    let ps = people("出席会议的县领导有：温立群、龚晓辉、乔文斌。");
    assert_eq!(names(&ps), vec!["温立群", "龚晓辉", "乔文斌"]);
    assert!(ps.iter().all(|p| p.titles == vec!["县领导"] && p.roles == vec!["出席"]), "{ps:?}");
    let ps = people("出席会议的领导还有温立群、龚晓辉。");
    assert_eq!(names(&ps), vec!["温立群", "龚晓辉"]);
    assert!(ps.iter().all(|p| p.titles.is_empty() && p.roles == vec!["出席"]), "{ps:?}");
    let ps = people("参加会议的还有温立群书记、龚晓辉县长。");
    assert_eq!(find(&ps, "温立群").titles, vec!["书记"]);
    assert_eq!(find(&ps, "龚晓辉").titles, vec!["县长"]);
    assert!(ps.iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
    all_evidenced(&ps);
    let ps = people("参加会议的有各乡镇党委书记。");
    assert!(ps.is_empty(), "{ps:?}");
    all_evidenced(&ps);
}

#[test]
fn judges_grades_and_officers_ranks_are_titles() {
    let ps = people("市中级法院党组成员、副院长、二级高级法官褚文海出席会议。");
    assert_eq!(find(&ps, "褚文海").titles, vec!["市中级法院党组成员", "副院长", "二级高级法官"]);
    let ps = people("县委常委、县人民武装部部长、上校褚文海出席会议。");
    assert_eq!(find(&ps, "褚文海").titles, vec!["县委常委", "县人民武装部部长", "上校"]);
}

#[test]
fn comrade_after_each_titled_name_keeps_the_list() {
    let ps = people("县委副书记闵立东同志，县人大常委会副主任卞晓丽同志出席会议。");
    assert_eq!(names(&ps), vec!["闵立东", "卞晓丽"]);
    assert!(ps.iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
    all_evidenced(&ps);
}

#[test]
fn acts_outside_the_vocabulary_still_close_a_name() {
    let ps = people("副县长雷文博领学了省委文件精神。");
    assert_eq!(names(&ps), vec!["雷文博"]);
    assert!(ps[0].roles.is_empty(), "{ps:?}");
    let ps = people("县司法局局长雷文博解读了新修订的条例。");
    assert_eq!(names(&ps), vec!["雷文博"]);
}

#[test]
fn a_surname_and_a_post_is_no_name() {
    // 任 is a surname and the verb "serve as": 任组长 is a post.
    let ps = people("成立工作专班，县委书记任组长，县长任常务副组长。");
    assert!(ps.is_empty(), "{ps:?}");
    let ps = people("副县长任晓峰出席会议。");
    assert_eq!(names(&ps), vec!["任晓峰"]);
}

#[test]
fn a_visitors_party_attends() {
    let ps = people("市委政法委副书记尚文杰一行莅临指导。");
    assert_eq!(find(&ps, "尚文杰").roles, vec!["出席"]);
    all_evidenced(&ps);
}

#[test]
fn the_listener_is_there_and_reports_nothing() {
    let ps = people("县委书记凌云飞听取了县公安局局长岳少华的工作汇报。");
    assert_eq!(names(&ps), vec!["凌云飞", "岳少华"]);
    assert!(find(&ps, "凌云飞").roles.is_empty(), "{ps:?}");
    let ps = people("会上，县委书记凌云飞听取了各乡镇工作汇报并讲话。");
    assert_eq!(find(&ps, "凌云飞").roles, vec!["讲话"]);
    all_evidenced(&ps);
}

#[test]
fn a_name_padded_with_a_space_is_one_name() {
    let ps = people("县委书记侯　勇出席会议并讲话。侯勇强调，要抓好落实。");
    assert_eq!(names(&ps), vec!["侯勇"]);
    assert_eq!(ps[0].titles, vec!["县委书记"]);
    assert_eq!(ps[0].roles, vec!["出席", "讲话"]);
    let ps = people("县领导侯　勇、甘　霖、史文博出席会议。");
    assert_eq!(names(&ps), vec!["侯勇", "甘霖", "史文博"]);
    assert!(ps.iter().all(|p| p.titles == vec!["县领导"] && p.roles == vec!["出席"]), "{ps:?}");
    all_evidenced(&ps);
}

#[test]
fn a_name_padded_with_two_ascii_spaces_is_one_name() {
    // Pages that pad with ASCII spaces use two to fill a full-width one.
    let ps = people("县委政法委书记侯  勇出席会议。");
    assert_eq!(names(&ps), vec!["侯勇"]);
    assert_eq!(ps[0].titles, vec!["县委政法委书记"]);
    assert_eq!(ps[0].roles, vec!["出席"]);
    assert!(ps[0].mentions.iter().any(|m| m.1 - m.0 == 4), "{ps:?}");
    let ps = people("县领导甘  霖、史文博出席会议。");
    assert_eq!(names(&ps), vec!["甘霖", "史文博"]);
    all_evidenced(&ps);
}

#[test]
fn attendees_one_a_line_with_titles_in_brackets() {
    let ps = people("出席会议的县领导：\n岳少华（县委常委、政法委书记）\n凌云飞（副县长）\n会议指出，要抓好落实。");
    assert_eq!(names(&ps), vec!["岳少华", "凌云飞"]);
    assert_eq!(find(&ps, "岳少华").titles, vec!["县领导", "县委常委", "政法委书记"]);
    assert_eq!(find(&ps, "凌云飞").titles, vec!["县领导", "副县长"]);
    assert!(ps.iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
    let ps = people("参会领导：\n岳少华（县委常委、政法委书记）\n凌云飞（副县长）");
    assert_eq!(names(&ps), vec!["岳少华", "凌云飞"]);
    assert!(ps.iter().all(|p| p.roles == vec!["出席"]), "{ps:?}");
    let ps = people("出席会议的县领导有：甘  霖、史文博。");
    assert_eq!(names(&ps), vec!["甘霖", "史文博"]);
    all_evidenced(&ps);
    let ps = people("出席会议的县领导：岳少华（县委常委、政法委书记）、凌云飞（副县长）。");
    assert!(ps.iter().all(|p| p.roles == vec!["出席"] && p.titles[0] == "县领导"), "{ps:?}");
    all_evidenced(&ps);
}

#[test]
fn visit_verbs_close_a_name_without_a_role() {
    let ps = people("城关镇党委书记岳少华、镇长凌云飞陪同调研。");
    assert_eq!(names(&ps), vec!["岳少华", "凌云飞"]);
    assert_eq!(find(&ps, "凌云飞").titles, vec!["镇长"]);
    assert!(ps.iter().all(|p| p.roles.is_empty()), "{ps:?}");
    let ps = people("副县长凌云飞督导检查。县长岳少华检查工作。");
    assert_eq!(names(&ps), vec!["凌云飞", "岳少华"]);
    all_evidenced(&ps);
}

#[test]
fn four_char_name_without_surname_after_a_title() {
    let ps = people("12月5日，副县长格桑卓玛主持会议并讲话。县委常委扎西次旦、阿旺罗布出席。");
    let p = find(&ps, "格桑卓玛");
    assert_eq!(p.titles, vec!["副县长"]);
    assert_eq!(p.roles, vec!["主持", "讲话"]);
    assert_eq!(find(&ps, "扎西次旦").titles, vec!["县委常委"]);
    assert_eq!(find(&ps, "阿旺罗布").titles, vec!["县委常委"]);
    assert!(!find(&ps, "格桑卓玛").evidence.is_empty());
}

#[test]
fn four_chars_after_a_title_that_are_words_are_no_name() {
    let ps = people("会议指出，县长高度重视，局长亲自挂帅，主任委员会议研究部署，开通县长热线电话，局长信箱回复，理清主任工作思路，提高书记业务水平。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn grassroots_posts_are_titles() {
    let ps =
        people("会上，社区民警王小刚、专职网格员李四明、人民调解员赵大海和村支书钱多多参加会议。辅警孙小军作了发言。");
    assert_eq!(find(&ps, "王小刚").titles, vec!["社区民警"]);
    assert_eq!(find(&ps, "李四明").titles, vec!["专职网格员"]);
    assert_eq!(find(&ps, "赵大海").titles, vec!["人民调解员"]);
    assert_eq!(find(&ps, "钱多多").titles, vec!["村支书"]);
    assert_eq!(find(&ps, "孙小军").titles, vec!["辅警"]);
    for p in &ps {
        assert!(!p.evidence.is_empty(), "{}", p.name);
    }
}

#[test]
fn grassroots_posts_alone_name_nobody() {
    let ps = people("全体民警参加会议。派出所民警深入辖区走访，全县网格员开展排查。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn list_before_deng_then_a_second_group_joined_by_yiji() {
    let ps = people("李明远、王小刚、赵光明等局领导，以及各科室负责人参加会议。");
    assert_eq!(names(&ps), vec!["李明远", "王小刚", "赵光明"]);
    for p in &ps {
        assert!(p.titles.is_empty());
        assert_eq!(p.roles, vec!["出席"]);
    }
}

#[test]
fn names_each_with_tongzhi_in_a_list() {
    let ps = people("会议报道。王小刚同志、李四明同志等出席会议。");
    assert_eq!(names(&ps), vec!["王小刚", "李四明"]);
    let ps = people("会议报道。王刚同志、李强同志出席会议。");
    assert_eq!(names(&ps), vec!["王刚", "李强"]);
    assert_eq!(find(&ps, "李强").roles, vec!["出席"]);
}

#[test]
fn two_char_name_with_tongzhi_after_gangcai() {
    let ps = people("同志们，刚才王刚同志通报了全县平安建设情况，我完全同意。");
    assert_eq!(find(&ps, "王刚").roles, vec!["通报"]);
    // A given name alone stays a partial name.
    let ps = people("同志们，刚才，邹明同志宣读了决定。");
    assert_eq!(find(&ps, "邹明").roles, vec!["宣读"]);
    let ps = people("同志们，刚才海波同志通报了情况，建国同志作了发言，文杰同志宣读了决定。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn you_after_a_label_is_no_part_of_the_name() {
    let ps = people("出席会议的县领导有张小三、李四明、王五一。");
    assert_eq!(names(&ps), vec!["张小三", "李四明", "王五一"]);
    assert_eq!(find(&ps, "张小三").titles, vec!["县领导"]);
    let ps = people("参加会议的领导有王小明、李四明。");
    assert_eq!(names(&ps), vec!["王小明", "李四明"]);
}

#[test]
fn court_and_procuratorate_posts_are_titles() {
    let ps = people("座谈会上，人民陪审员赵小六、特邀监督员钱七七、检察官助理孙小八和律师周大九参加座谈，镇综治专干吴明华通报了情况。");
    assert_eq!(find(&ps, "赵小六").titles, vec!["人民陪审员"]);
    assert_eq!(find(&ps, "钱七七").titles, vec!["特邀监督员"]);
    assert_eq!(find(&ps, "孙小八").titles, vec!["检察官助理"]);
    assert_eq!(find(&ps, "周大九").titles, vec!["律师"]);
    assert_eq!(find(&ps, "吴明华").roles, vec!["通报"]);
    let ps = people("要充分发挥人民陪审员作用，邀请律师参与信访接待。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn host_of_a_zhuchici_chairs() {
    let ps = people("在全县平安建设工作会议上的主持词\n县委副书记  张小三\n（2024年1月5日）\n同志们：\n现在开会。下面，请县委书记王大明同志作重要讲话。\n");
    let p = find(&ps, "张小三");
    assert_eq!(p.roles, vec!["主持"]);
    assert_eq!(p.titles, vec!["县委副书记"]);
    assert_eq!(find(&ps, "王大明").roles, vec!["讲话"]);
}

#[test]
fn a_name_jieba_holds_as_a_rare_verb() {
    let ps = people("区委常委、区委政法委书记、区综治中心主任付强出席会议。");
    assert_eq!(find(&ps, "付强").titles, vec!["区委常委", "区委政法委书记", "区综治中心主任"]);
    let ps = people("会上，县委书记安排部署了下一步工作。省委政法委副主任应邀出席会议，市长特邀出席。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn titles_in_brackets_after_the_name() {
    let ps = people(
        "会议报道。张小三（县委常委、政法委书记）主持会议。王五一（县委副书记）、赵六六（县法院院长）参加会议并讲话。",
    );
    let p = find(&ps, "张小三");
    assert_eq!(p.titles, vec!["县委常委", "政法委书记"]);
    assert_eq!(p.roles, vec!["主持"]);
    assert!(p.evidence.iter().any(|e| e.of == "title" && e.value == "政法委书记"));
    assert_eq!(find(&ps, "赵六六").titles, vec!["县法院院长"]);
    assert_eq!(find(&ps, "王五一").roles, vec!["出席", "讲话"]);
    // A note that is no title names nobody.
    let ps = people("会议报道。李明（化名）到信访局反映问题。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn bare_list_with_he_before_the_last_name() {
    let ps = people("会议报道。张小三、李四明和王五一出席会议。");
    assert_eq!(names(&ps), vec!["张小三", "李四明", "王五一"]);
    assert_eq!(find(&ps, "王五一").roles, vec!["出席"]);
    let ps = people("会议报道。张三、李四以及王五出席会议。");
    assert_eq!(names(&ps), vec!["张三", "李四", "王五"]);
    // 和 then a group, not a name: the list ends before it.
    let ps = people("会议报道。张三、李四和有关部门负责人出席会议。");
    assert_eq!(names(&ps), vec!["张三", "李四"]);
}

#[test]
fn two_char_name_without_surname_jieba_guesses_as_a_noun() {
    let ps = people("会议报道。乡长次仁出席会议。局长带头出席会议，县长今天出席会议。");
    assert_eq!(names(&ps), vec!["次仁"]);
    assert_eq!(find(&ps, "次仁").titles, vec!["乡长"]);
}

#[test]
fn chair_named_alone_after_you() {
    let ps = people("会议报道。会议由王小明主持。");
    assert_eq!(find(&ps, "王小明").roles, vec!["主持"]);
    let ps = people("会议报道。会议由李强同志主持。");
    assert_eq!(find(&ps, "李强").roles, vec!["主持"]);
    let ps = people("会议报道。会议由市委政法委主持，由高新区主持召开。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn attendance_heading_then_names() {
    let ps = people("会议报道。出席人员：张小三、李四明、王五一。");
    assert_eq!(names(&ps), vec!["张小三", "李四明", "王五一"]);
    assert_eq!(find(&ps, "李四明").roles, vec!["出席"]);
    let ps = people("会议报道。参会领导：县委书记张小三、县长李四明。");
    assert_eq!(find(&ps, "张小三").roles, vec!["出席"]);
    assert_eq!(find(&ps, "李四明").titles, vec!["县长"]);
    let ps = people("会议报道。与会人员观看了警示教育片。");
    assert!(ps.is_empty(), "{:?}", names(&ps));
}

#[test]
fn what_a_convened_meeting_relays_is_not_the_chairs() {
    let ps = people("会议报道。县委书记张小三主持召开县委常委会会议，传达学习全省平安建设工作会议精神。");
    assert_eq!(find(&ps, "张小三").roles, vec!["主持"]);
    // 并 opens the chair's own act.
    let ps = people("会议报道。县委书记张小三主持召开县委常委会会议并传达学习会议精神。");
    assert_eq!(find(&ps, "张小三").roles, vec!["主持", "传达"]);
}
