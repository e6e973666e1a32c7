use super::*;

/// A county news page in the usual template: site header and menu, breadcrumb, headline,
/// info line, the article in a TRS editor div, share bar, related links, footer.
const PAGE: &str = r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>我县召开2023年政法工作会议_某某县人民政府</title>
<style>.nav li{float:left} body{font-family:"宋体"}</style>
<script type="text/javascript">var siteName = "某某县人民政府网站"; if (a < b && c > d) { document.write("<p>脚本里的中文</p>"); }</script>
</head>
<body>
<div class="header"><div class="logo"><h1>某某县人民政府</h1></div>
  <div class="search"><input type="text" value="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="main">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zfyw/">政法要闻</a> &gt; 正文</div>
  <div class="left">
    <div class="article-title"><h2>我县召开2023年政法工作会议</h2></div>
    <div class="info">发布时间：2023-02-16&nbsp;&nbsp;来源：县委政法委&nbsp;&nbsp;浏览次数：<span id="views">128</span></div>
    <div class="TRS_Editor" id="zoom">
      <p>&nbsp;&nbsp;&nbsp;&nbsp;2月15日上午，我县召开2023年政法工作会议，深入学习贯彻党的二十大精神和中央、省委、市委政法工作会议精神，总结2022年工作，部署2023年任务。</p>
      <p>　　县委副书记、政法委书记王某某出席会议并讲话。他强调，要坚持和发展新时代&ldquo;枫桥经验&rdquo;，
        扎实推进平安建设&mdash;&mdash;持续深化扫黑除恶常态化斗争&hellip;</p>
      <p>会议指出，全县政法机关要以&ldquo;时时放心不下&rdquo;的责任感，全力防风险、保安全、护稳定、促发展。</p>
      <table><tr><td>受理案件</td><td>1234件</td></tr></table>
    </div>
    <div class="bdsharebuttonbox share"><span>分享到：</span><a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
    <div class="pages">上一篇：<a href="/a.html">县法院召开干警大会</a><br>下一篇：<a href="/b.html">县检察院开展普法宣传活动</a></div>
  </div>
  <div class="right"><h3>相关新闻</h3><ul><li><a href="/c.html">市委政法工作会议召开</a></li><li><a href="/d.html">全省平安建设推进会召开</a></li></ul></div>
</div>
<div class="footer"><p>版权所有：某某县人民政府办公室　主办：某某县人民政府</p><p>备案号：某ICP备12345678号-1　网站标识码：1234000001</p></div>
<script>var _hmt = _hmt || []; console.log("统计代码");</script>
</body>
</html>"#;

fn article_text(src: &str) -> Article {
    article_text_within(src, MAX_ELEMENTS)
}

fn text_of(page: &str) -> String {
    article_text(page).text
}

#[test]
fn government_news_page_gives_headline_info_and_paragraphs() {
    let t = text_of(PAGE);
    let lines: Vec<&str> = t.lines().collect();
    assert_eq!(lines[0], "我县召开2023年政法工作会议", "{t}");
    assert!(lines[1].starts_with("发布时间：2023-02-16 来源：县委政法委"), "{t}");
    assert!(t.contains("\n2月15日上午，我县召开2023年政法工作会议，"), "{t}");
    // Entities decoded; a source line wrap inside a Chinese sentence leaves no space.
    assert!(t.contains("新时代“枫桥经验”，扎实推进平安建设——持续深化扫黑除恶常态化斗争…"), "{t}");
    assert!(t.contains("受理案件\t1234件"), "{t}");
    for chrome in
        ["首页", "当前位置", "政务公开", "版权所有", "ICP备", "分享到", "上一篇", "相关新闻", "搜索", "请输入关键字"]
    {
        assert!(!t.contains(chrome), "{chrome} in {t}");
    }
    for script in ["脚本里的中文", "某某县人民政府网站", "统计代码", "float", "宋体"] {
        assert!(!t.contains(script), "{script} in {t}");
    }
    assert!(!article_text(PAGE).empty);
}

#[test]
fn headline_from_title_when_the_page_has_no_heading() {
    let page = "<html><head><title>全市信访工作联席会议召开 - 某某市信访局</title></head><body>\
        <div class=\"nav\"><a href=\"/\">首页</a><a href=\"/x\">信访动态</a></div>\
        <div class=\"content\"><p>3月2日，全市信访工作联席会议召开。</p><p>会议要求，各地要扎实开展矛盾纠纷排查化解。</p></div>\
        </body></html>";
    assert_eq!(
        text_of(page),
        "全市信访工作联席会议召开\n3月2日，全市信访工作联席会议召开。\n会议要求，各地要扎实开展矛盾纠纷排查化解。"
    );
}

#[test]
fn article_header_inside_article_is_kept_and_page_header_dropped() {
    let page = "<body><header><a href=\"/\">某某市委政法委</a><nav><a>首页</a><a>工作动态</a></nav></header>\
        <article><header class=\"article-header\"><h1>全市平安建设工作推进会召开</h1><p>2024-04-10 来源：市委政法委</p></header>\
        <p>4月9日，全市平安建设工作推进会召开。会议强调，要推进市域社会治理现代化。</p>\
        <aside>延伸阅读：往年会议回顾</aside></article><footer>版权所有 某某市委政法委</footer></body>";
    assert_eq!(
        text_of(page),
        "全市平安建设工作推进会召开\n2024-04-10 来源：市委政法委\n4月9日，全市平安建设工作推进会召开。会议强调，要推进市域社会治理现代化。"
    );
}

#[test]
fn main_text_wins_over_a_misnamed_wrapper() {
    // A template that wraps the whole page in "header-wrap": the article must survive.
    let body = "<p>会议指出，要全面加强基层社会治理，持续推进矛盾纠纷多元化解。</p>".repeat(5);
    let page =
        format!("<div id=\"header-wrap\"><div class=\"menu\"><a>首页</a></div><div class=\"con\">{body}</div></div>");
    let t = text_of(&page);
    assert_eq!(t.matches("矛盾纠纷多元化解").count(), 5, "{t}");
    assert!(!t.contains("首页"));
}

#[test]
fn hidden_elements_and_br_lines() {
    let page = "<div class=\"text\">第一段<br>第二段<br/><br><br>第三段<div style=\"display: none\">隐藏文字</div><p hidden>也隐藏</p></div>";
    assert_eq!(text_of(page), "第一段\n第二段\n\n第三段");
}

#[test]
fn declared_gbk_page_is_decoded_as_gbk() {
    let page = "<html><head><meta charset=\"gbk\"><title>镇平安建设会议</title></head><body><div id=\"content\"><p>镇党委书记出席会议。</p></div></body></html>";
    let (bytes, _, _) = encoding_rs::GBK.encode(page);
    let d = text(&bytes).unwrap();
    assert_eq!(d.encoding, "GB18030");
    assert_eq!(d.text, "镇平安建设会议\n镇党委书记出席会议。");
    assert_eq!(
        declared_charset(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">").as_deref(),
        Some("gb2312")
    );
    assert_eq!(declared_charset(b"<p>charset=gbk</p>"), None);
}

#[test]
fn a_wrong_declaration_falls_back_to_detection() {
    // Declared GBK, saved as UTF-8 by an editor: the UTF-8 is not valid GBK throughout.
    let page = "<meta charset=\"gb2312\"><p>全县综治中心规范化建设现场推进会召开。</p>";
    let d = text(page.as_bytes()).unwrap();
    assert_eq!(d.encoding, "UTF-8");
    assert_eq!(d.text, "全县综治中心规范化建设现场推进会召开。");
}

#[test]
fn script_only_page_warns() {
    let d = text(b"<html><head><title>x</title></head><body><div id=app></div><script>render()</script></body></html>")
        .unwrap();
    assert!(d.is_lossy());
    assert!(d.warnings[0].contains("paste"));
}

#[test]
fn malformed_markup_never_panics() {
    let nasty = [
        "",
        "<",
        "<<<<>>>>",
        "</",
        "<!--",
        "<!-- unclosed comment <p>文字",
        "<p class=\"unclosed>文字</p>还有",
        "<p class='a>b'>引号里的大于号</p>",
        "<script>永不结束的脚本",
        "<title>",
        "<div><span><p>没有闭合",
        "</div></div></p>多余的结束标签",
        "<a href=x<b>嵌套</a></b>",
        "&#x110000;&#99999999999;&;&#;",
        "<p>增长<5%，a<b，c>d</p>",
        "<\u{4E2D}>中文标签</\u{4E2D}>",
        "<table><td>单元格<tr><td>第二行",
        "<html><head><body><head><body>",
        "<svg><title>图</title><p>",
        "\u{0}\u{FFFD}<p\u{0}>\u{1}</p>",
    ];
    for s in nasty {
        let _ = article_text(s);
        let _ = text(s.as_bytes());
    }
    let deep = "<div>".repeat(100_000) + "深层文字" + &"</div>".repeat(50_000);
    assert!(text_of(&deep).contains("深层文字"));
    let long_line = "<p>".to_string() + &"政法".repeat(200_000);
    assert_eq!(text_of(&long_line).chars().count(), 400_000);
}

#[test]
fn looks_like_html_is_strict() {
    assert!(looks_like_html("\u{FEFF}  <!DOCTYPE HTML>\n<html>"));
    assert!(looks_like_html("<html lang=\"zh-CN\">"));
    assert!(looks_like_html("<!-- saved from url=(0042)http://example --><html>"));
    assert!(!looks_like_html("关于<html>标签的说明"));
    assert!(!looks_like_html("<p>片段</p>"));
}

#[test]
fn title_head_strips_the_site_name() {
    assert_eq!(title_head("我县召开政法工作会议_某某县人民政府"), "我县召开政法工作会议");
    assert_eq!(title_head("平安建设推进会召开 | 长安网"), "平安建设推进会召开");
    assert_eq!(title_head("首页_网"), "首页_网");
}

#[test]
fn implied_ends_close_paragraphs_items_and_rows() {
    let page = "<div id=\"content\"><p>第一段<span>加粗<div>块</div>第二行<ul><li>一<li>二</ul><table><tr><td>甲<td>乙<tr><td>丙</table></div>";
    assert_eq!(text_of(page), "第一段加粗\n块\n第二行\n一\n二\n甲\t乙\n丙");
    let t = Tree::parse("<table><tr><td>甲<tr><td>乙</table>");
    let rows = t.els.iter().filter(|e| e.name == "tr").map(|e| e.parent).collect::<Vec<_>>();
    assert_eq!(rows[0], rows[1], "the second row is a sibling of the first, not inside its cell");
}

#[test]
fn site_name_h1_in_the_page_header_is_not_the_headline() {
    // The title names only the site; the article's heading is an h2 outside the header.
    let page = "<html><head><title>某某区人民政府门户网站</title></head><body>\
        <div class=\"header\"><h1>某某区人民政府门户网站</h1><div class=\"nav\"><a>首页</a></div></div>\
        <div class=\"news\"><h1>区委召开政法工作会议</h1><div class=\"con\"><p>会议传达学习了全省政法工作会议精神，部署全年工作。</p></div></div>\
        <div class=\"footer\">版权所有</div></body></html>";
    assert_eq!(text_of(page), "区委召开政法工作会议\n会议传达学习了全省政法工作会议精神，部署全年工作。");
}

// The tokenizer's cases (html5gum reads the markup now), as text in → text out.

#[test]
fn tags_attributes_and_a_quoted_gt() {
    let page = r#"<div><P class="a>b" id=x>会议<BR/>精神</p><p data-x='1 > 2' hidden>隐藏的段落</p></div>"#;
    assert_eq!(text_of(page), "会议\n精神");
}

#[test]
fn script_content_is_skipped_and_title_kept() {
    let page = "<title>标题</title><script>var s = '<p>不要</p>';</SCRIPT >正文";
    assert_eq!(text_of(page), "标题\n正文");
}

#[test]
fn bare_lt_comments_and_a_tag_cut_by_the_end() {
    assert_eq!(text_of("增长<5%，a < b<!-- 注释 <p> -->完<p class=\"x"), "增长<5%，a < b完");
}

// The entity table's cases: html5gum decodes references in text and in attribute values.

#[test]
fn named_numeric_and_loose_references() {
    assert_eq!(text_of("<p>&ldquo;枫桥经验&rdquo;&mdash;&mdash;坚持&hellip;</p>"), "“枫桥经验”——坚持…");
    assert_eq!(text_of("<p>A&amp;B &lt;p&gt; &quot;x&quot; &#20013;&#x56FD;&#X56FD</p>"), "A&B <p> \"x\" 中国国");
    assert_eq!(text_of("<p>&nbsp;&nbsp会议&middot;结束</p>"), "会议·结束");
    assert_eq!(text_of("<p>&#147;引号&#148;</p>"), "“引号”");
}

#[test]
fn unknown_or_broken_references_stay_as_written() {
    for s in ["AT&T", "&unknown;", "&", "&#", "&#x;", "a & b", "&;", "&中文;"] {
        assert_eq!(text_of(&format!("<p>{s}</p>")), s);
    }
    assert_eq!(text_of("<p>&#xFFFFFFFFFFFF;&#0;&#xD800;</p>"), "\u{FFFD}\u{FFFD}\u{FFFD}");
}

// Malformed markup, with the text a reader sees.

#[test]
fn unclosed_tags_and_stray_end_tags() {
    let page = "<div id=\"content\"><div><p>第一段没有结束标签<p>第二段也没有</div></div></div>\
        <p>结束标签多了一个</span></p></div><div>最后一行";
    assert_eq!(text_of(page), "第一段没有结束标签\n第二段也没有\n结束标签多了一个\n最后一行");
}

#[test]
fn a_paragraph_inside_a_paragraph_is_its_sibling() {
    assert_eq!(text_of("<div><p>上一段文字<p>下一段文字</p></p>尾巴</div>"), "上一段文字\n下一段文字\n尾巴");
    let t = Tree::parse("<p>甲<p>乙");
    let ps: Vec<usize> = t.els.iter().filter(|e| e.name == "p").map(|e| e.parent).collect();
    assert_eq!(ps, [0, 0]);
}

#[test]
fn unquoted_and_duplicate_attributes() {
    // Unquoted values end at a space or `>`.
    let page = "<div class=nav id=top><a href=/>首页</a></div>\
        <div class=content id=main><p style=display:none>看不见</p><p title=a&amp;b class=x&nbsp;y>看得见的正文。</p></div>";
    assert_eq!(text_of(page), "看得见的正文。");
    // Of duplicate attributes the first counts, as in browsers: the note is not a footer, and
    // the second paragraph is not hidden.
    let page = "<div class=\"content\"><p>这是一段用来测试重复属性的正文，写得比下面的注释长一些。</p>\
        <div class=\"note\" class=\"footer\">注：数据为虚构。</div>\
        <p style=\"color:red\" style=\"display:none\">第二段。</p></div>";
    assert_eq!(text_of(page), "这是一段用来测试重复属性的正文，写得比下面的注释长一些。\n注：数据为虚构。\n第二段。");
}

#[test]
fn references_in_attribute_values_are_decoded() {
    // `n&#97;v` is "nav": the block is chrome. `&quot;` inside a quoted value does not end it.
    let page = "<div class=\"n&#97;v\"><a>首页</a><a>栏目</a></div>\
        <div title=\"&quot;&gt;假的结束\" style=\"display&#58;none\">藏起来的字</div>\
        <div class=\"text\">属性里的字符引用在比较之前就已解码。</div>";
    assert_eq!(text_of(page), "属性里的字符引用在比较之前就已解码。");
}

#[test]
fn entities_in_text() {
    let page = "<p>甲&amp;乙&nbsp;丙&#x4E2D;&#20013;&foo;&amp</p>";
    assert_eq!(text_of(page), "甲&乙 丙中中&foo;&");
}

#[test]
fn script_with_end_tags_and_paragraphs_inside() {
    let page = "<div id=\"content\"><p>脚本之前的一句话。</p>\
        <script>if (a < b) { el.innerHTML = '</div><p>脚本里的假段落</p>'; } // </p></script>\
        <p>脚本之后的一句话。</p></div><div class=\"footer\">页脚</div>";
    assert_eq!(text_of(page), "脚本之前的一句话。\n脚本之后的一句话。");
    // An escaped script (`<!-- … <script> … -->`) ends at its own `</script>` only.
    let page = "<p>开头</p><script><!-- document.write('<script>x()</script>'); --></script><p>结尾</p>";
    assert_eq!(text_of(page), "开头\n结尾");
}

#[test]
fn a_self_closing_script_swallows_nothing() {
    // Read as XHTML: the script is empty and the paragraph is text. (A browser reading text/html
    // would hide everything up to the next `</script>`.)
    let page = "<div class=\"text\"><script src=\"a.js\" /><p>自闭合脚本之后的段落。</p>\
        <style/><p>自闭合样式之后的段落。</p><script>var x = '<p>真正的脚本</p>';</script></div>";
    assert_eq!(text_of(page), "自闭合脚本之后的段落。\n自闭合样式之后的段落。");
}

#[test]
fn comments_and_cdata_hide_their_tags() {
    let page = "<div><p>注释前</p><!-- <p>注释里的段落</p> <div class=\"x\"> --><p>注释后</p></div>";
    assert_eq!(text_of(page), "注释前\n注释后");
    // In HTML content CDATA is a bogus comment that ends at the first `>`, as in browsers.
    let page = "<div><p>前面<![CDATA[ 藏起来 ]]>后面</p><p><![CDATA[x > y]]>之后</p></div>";
    assert_eq!(text_of(page), "前面后面\ny]]>之后");
}

#[test]
fn a_nul_byte_is_dropped() {
    assert_eq!(text_of("<p>前\u{0}后</p><p\u{0}>标签名里</p\u{0}>"), "前后\n标签名里");
}

#[test]
fn unterminated_comment_or_tag_at_the_end() {
    assert_eq!(text_of("<p>还在</p><!-- 没有结束的注释 <p>不显示"), "还在");
    assert_eq!(text_of("<p>还在</p><p class=\"没有结束的属性>不显示"), "还在");
    assert_eq!(text_of("<p>还在</p><div"), "还在");
    assert_eq!(text_of("<p>还在</p></di"), "还在");
}

#[test]
fn title_and_textarea_are_text_only() {
    let page =
        "<title>会议&amp;<b>加粗</b>标题</title><textarea><p>输入框</p></textarea><div><p>正文在这里。</p></div>";
    assert_eq!(text_of(page), "会议&<b>加粗</b>标题\n正文在这里。");
}

#[test]
fn the_element_budget_is_exact_and_keeps_the_text_before_it() {
    let budget = 1000;
    let page =
        |n: usize| format!("<p>全县政法工作会议召开。会议部署了今年的平安建设任务。</p>{}后文", "<br>".repeat(n));
    // `<p>` is one element: the page has n + 1.
    let a = article_text_within(&page(budget - 1), budget);
    assert!(!a.truncated);
    assert!(a.text.ends_with("后文"), "{}", a.text);
    let a = article_text_within(&page(budget), budget);
    assert!(a.truncated);
    assert!(a.text.starts_with("全县政法工作会议召开。") && !a.text.contains("后文"), "{}", a.text);
    // `</br>` is a `<br>` too, and counts.
    assert!(article_text_within(&"</br>".repeat(budget + 1), budget).truncated);
    assert!(!article_text_within(&"</br>".repeat(budget), budget).truncated);
    // The budget's warning replaces the "no article text" one, which would blame scripts.
    let d = text_within(format!("<div>{}", "<span></span>".repeat(budget)).as_bytes(), budget).unwrap();
    assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    assert!(d.warnings[0].starts_with("网页元素超过 1000 个") && d.warnings[0].contains("more than 1000 elements"));
    // Under the budget, an empty page still gets that one.
    let d = text_within(format!("<div>{}", "<span></span>".repeat(budget - 1)).as_bytes(), budget).unwrap();
    assert!(d.warnings.len() == 1 && d.warnings[0].contains("no article text"), "{:?}", d.warnings);
}
