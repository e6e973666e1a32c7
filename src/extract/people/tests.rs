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
    let ps = people("县委常委、政法委书记邓光辉，县人大常委会主任罗玉琴，县政协主席蒋文斌，县领导胡晓峰、钱伟、唐家明出席会议。");
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
    assert!(ps[0].roles.is_empty(), "强调 is not a role");
    let ps = people("会议结束时，李某强调，要抓好落实。");
    assert_eq!(names(&ps), vec!["李某"]);
}

#[test]
fn split_title_around_name() {
    let ps = people("会上，县委政法委陈某某副书记通报了全县矛盾纠纷排查情况。");
    let p = find(&ps, "陈某某");
    assert_eq!(p.titles, vec!["县委政法委副书记"]);
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
    assert_eq!(find(&ps, "冯立平").roles, vec!["主持"]);
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
fn junk_input_does_not_panic() {
    for t in ["", "他", "书记", "市领导、", "王·", "·王", "主任王", "区领导王、", "\u{0}\u{1}书记李", &"书记张三、".repeat(3000)] {
        let _ = people(t);
    }
}

fn seed(prefix: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let path = std::fs::read_dir(dir)
        .ok()
        .and_then(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix))));
    path.and_then(|p| std::fs::read_to_string(p).ok()).unwrap_or_default()
}

#[test]
fn seed_000_participants() {
    let ps = people(&seed("000"));
    assert_eq!(names(&ps), vec!["吴新明", "周旭东", "张月林", "张雪纯", "冯仁新", "管凤良", "魏杰", "李晖"]);
    let w = find(&ps, "吴新明");
    assert_eq!((w.titles.clone(), w.roles.clone()), (vec!["市委书记".to_string()], vec!["出席".to_string(), "讲话".to_string()]));
    assert_eq!(w.mentions.len(), 8, "6 names + 他强调 + 他说");
    let z = find(&ps, "周旭东");
    assert_eq!(z.titles, vec!["市委副书记", "市长"]);
    assert_eq!(z.roles, vec!["主持"]);
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

