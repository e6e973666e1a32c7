//! Participants: names with stacked official titles and their roles at the meeting.
//!
//! Names are found where the genre puts them (after titles, in lists under 市领导, before
//! 强调/指出), then every later occurrence of a found name is a mention. Roles come from the
//! verb that follows a group of names in the same clause; 他/她 go to the subject of the
//! sentence before.

mod caption;
mod lex;
mod names;
mod speaker;
#[cfg(test)]
mod tests;

use crate::lexicon::FastMap;

use super::Ctx;
use crate::report::{Evidence, Person, Span};
// LEX for the test that loads every lexicon file too (`crate::extract::load_lexicons`).
pub(crate) use lex::LEX;
use lex::{role_ending_at, verb_at, Verb};
use names::{Anchor, TokenIndex};

pub fn extract(ctx: &Ctx) -> Vec<Person> {
    // Photo captions, blanked out as chrome, read back (none in most texts: no copy then).
    let caps = caption::captions(ctx);
    let view = (!caps.is_empty()).then(|| caption::View::new(ctx, &caps));
    let chars: &[char] = view.as_ref().map_or(&ctx.chars, |v| &v.chars);
    let sentences: &[Span] = view.as_ref().map_or(&ctx.sentences, |v| &v.sentences);
    let toks = TokenIndex::new(chars.len(), view.as_ref().map_or(ctx.tokens, |v| &v.tokens));
    let anchors = names::anchors(chars, &toks);

    let mut people: Vec<Person> = Vec::new();
    let mut index: FastMap<String, usize> = FastMap::default();
    // Padded names ("王　强") are named without their space; their anchors are their mentions.
    let mut padded: Vec<(Span, usize)> = Vec::new();
    for a in &anchors {
        let name: String = chars[a.start..a.end].iter().filter(|c| **c != ' ').collect();
        let is_padded = a.end - a.start > name.chars().count();
        let i = *index.entry(name.clone()).or_insert_with(|| {
            people.push(Person { name, ..Default::default() });
            people.len() - 1
        });
        if is_padded {
            padded.push((Span::new(a.start, a.end), i));
        }
        push_titles(&mut people[i], chars, a);
        if let Some((r, sp)) = a.role {
            add_role(&mut people[i], r, sp);
        }
    }

    // Every occurrence of a known name is a mention; a longer name wins over one inside it.
    // All names found in one pass over the text, then claimed longest name first.
    let mut mentions: Vec<(Span, usize)> = Vec::new();
    let phrases = crate::lexicon::Phrases::new(people.iter().map(|p| p.name.as_str()));
    let mut hits: Vec<(Span, usize)> = match &view {
        Some(v) => phrases.find_all(&v.text).into_iter().map(|(i, s, e)| (v.span_of_bytes(s, e), i)).collect(),
        None => phrases.find_all(&ctx.doc.text).into_iter().map(|(i, s, e)| (ctx.doc.span_of_bytes(s, e), i)).collect(),
    };
    hits.extend(padded);
    hits.sort_by_key(|&(sp, i)| (std::cmp::Reverse(sp.1 - sp.0), i, sp.0));
    let mut taken = vec![false; chars.len()];
    for (sp, i) in hits {
        let Some(cells) = taken.get_mut(sp.0..sp.1) else { continue };
        if cells.iter().any(|&t| t) {
            continue;
        }
        cells.iter_mut().for_each(|t| *t = true);
        mentions.push((sp, i));
    }
    mentions.sort();

    // Leaders named only in passing (习近平总书记关于…) and bylines are not participants.
    let mut keep = vec![false; people.len()];
    for &(sp, i) in &mentions {
        if !in_passing(chars, sp) && !relayed(chars, sp) {
            keep[i] = true;
        }
    }
    mentions.retain(|&(_, i)| keep[i]);

    // A title written after a later mention is the person's too (…王某院长主持).
    for &(sp, i) in &mentions {
        if let Some(te) = names::trailing_title(chars, sp.1) {
            let t: String = chars[sp.1..te].iter().collect();
            let p = &mut people[i];
            if !p.titles.contains(&t) {
                p.evidence.push(Evidence { of: "title".into(), value: t.clone(), span: Span::new(sp.1, te) });
                p.titles.push(t);
            }
        }
    }

    let subjects = assign_roles(sentences, chars, &mentions, &mut people);
    let pronouns = resolve_pronouns(sentences, chars, &mentions, &subjects);
    // "他指出": the pronoun's verb is its person's ("他在会上强调" too).
    for &(sp, p) in &pronouns {
        let verb = (sp.1..sp.1 + 5)
            .find_map(|k| clean_gap(chars, sp.1, k).then(|| verb_at(chars, k).map(|v| (k, v))).flatten());
        if let Some((k, (e, Verb::Role(r) | Verb::Speech(Some(r))))) = verb {
            add_role(&mut people[p], r, Span::new(k, e));
        }
    }
    mentions.extend(pronouns);

    for p in people.iter_mut() {
        p.mentions.clear();
    }
    for (sp, i) in &mentions {
        people[*i].mentions.push(*sp);
    }
    let mut out: Vec<Person> = people
        .into_iter()
        .enumerate()
        .filter(|(i, p)| keep[*i] && !p.mentions.is_empty() && !(p.roles.is_empty() && above_the_meeting(&p.titles)))
        .map(|(_, mut p)| {
            p.mentions.sort();
            p.mentions.dedup();
            // Evidence only for what the person still holds.
            let Person { titles, roles, evidence, .. } = &mut p;
            evidence.retain(|e| if e.of == "title" { titles.contains(&e.value) } else { roles.contains(&e.value) });
            p
        })
        .collect();
    out.sort_by_key(|p| p.mentions.first().map(|s| s.0).unwrap_or(usize::MAX));
    out
}

fn push_titles(p: &mut Person, chars: &[char], a: &Anchor) {
    for t in &a.titles {
        if !p.titles.contains(t) {
            p.titles.push(t.clone());
            if let Some(span) = title_span(chars, a, t) {
                p.evidence.push(Evidence { of: "title".into(), value: t.clone(), span });
            }
        }
    }
}

/// Where a title of an anchor is written: its occurrence nearest the name, within the reach of
/// a title chain or a label before the name (市领导甲、乙、丙…) and of a head after it
/// (政法委王某副书记, 某某担任…指挥长). Bounded, so the search stays linear in the text.
fn title_span(chars: &[char], a: &Anchor, t: &str) -> Option<Span> {
    const BEFORE: usize = 160;
    const AFTER: usize = 40;
    let w: Vec<char> = t.chars().collect();
    let lo = a.start.saturating_sub(BEFORE);
    let hi = (a.end + AFTER).min(chars.len());
    if w.is_empty() || hi < lo + w.len() {
        return None;
    }
    let distance = |s: usize| {
        let e = s + w.len();
        if e <= a.start {
            a.start - e
        } else if s >= a.end {
            s - a.end
        } else {
            usize::MAX
        }
    };
    (lo..=hi - w.len())
        .filter(|&s| chars[s..s + w.len()] == w[..])
        .filter(|&s| distance(s) != usize::MAX)
        .min_by_key(|&s| distance(s))
        .map(|s| Span::new(s, s + w.len()))
}

/// A leader cited rather than present: "习近平总书记关于…", "习近平新时代…", "…同志关于".
fn in_passing(chars: &[char], sp: Span) -> bool {
    const AFTER: [&str; 7] = ["总书记", "新时代", "同志关于", "同志的", "同志在", "同志重要", "重要"];
    AFTER.iter().any(|w| {
        let w: Vec<char> = w.chars().collect();
        chars.get(sp.1..sp.1 + w.len()) == Some(&w[..])
    })
}

/// "会议由…王某主持": the name after 由 in its clause (bounded look-back over the titles).
fn by_agent(chars: &[char], s: usize) -> bool {
    let mut b = s;
    while b > 0 && s - b < 40 && !matches!(chars[b - 1], '，' | '。' | '；' | '：' | '！' | '？' | '\n') {
        b -= 1;
        if chars[b] == '由' {
            return true;
        }
    }
    false
}

/// A leader whose words are relayed or who only sent a written instruction: "传达了省委书记某某在
/// …会议上的讲话精神", "市委书记某某作出批示", "某某在…会议上的讲话，对…提出要求". The look
/// stays inside the clause and is bounded.
fn relayed(chars: &[char], sp: Span) -> bool {
    const BACK: usize = 40;
    const AHEAD: usize = 60;
    let clause_end = |c: char| matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '\n');
    let mut b = sp.0;
    while b > 0 && sp.0 - b < BACK && !clause_end(chars[b - 1]) {
        b -= 1;
    }
    let before = &chars[b..sp.0];
    const RELAY: [&str; 4] = ["传达", "学习", "领学", "贯彻"];
    // "传达了…省委书记某某"; not "学习会由某某主持", "学习会上，…" (the name acts at the meeting).
    let last_relay = RELAY.iter().filter_map(|w| rfind(before, w)).max();
    let relays = last_relay.is_some_and(|r| {
        let tail = &before[r..];
        !tail.contains(&'由') && !holds(tail, "会上") && !holds(tail, "会议上")
    });
    let mut f = sp.1;
    while f < chars.len() && f - sp.1 < AHEAD && !clause_end(chars[f]) {
        f += 1;
    }
    // The words relayed, unless the name relays them itself (甲传达了乙的讲话精神: 甲 is present).
    let after = &chars[sp.1..f];
    let first = |ws: &[&str]| ws.iter().filter_map(|w| find(after, w)).min();
    // "区委书记某某在…会上的讲话" alone on its line is a speech's own heading.
    let speech_heading =
        find(after, "上的讲话").is_some_and(|k| chars.get(sp.1 + k + 4).is_none_or(|c| c.is_whitespace()));
    let words: &[&str] = if speech_heading {
        &["批示", "讲话精神", "指示精神"]
    } else {
        &["批示", "讲话精神", "指示精神", "上的讲话"]
    };
    let instructs = match (first(words), first(&RELAY)) {
        (Some(i), Some(r)) => i < r,
        (Some(_), None) => true,
        _ => false,
    };
    relays || instructs
}

fn holds(hay: &[char], w: &str) -> bool {
    find(hay, w).is_some()
}

fn rfind(hay: &[char], w: &str) -> Option<usize> {
    let w: Vec<char> = w.chars().collect();
    hay.windows(w.len()).rposition(|x| x == &w[..])
}

fn find(hay: &[char], w: &str) -> Option<usize> {
    let w: Vec<char> = w.chars().collect();
    hay.windows(w.len()).position(|x| x == &w[..])
}

/// Titles of a leader above the meeting (省委书记, 中央…): named without a role, only mentioned.
fn above_the_meeting(titles: &[String]) -> bool {
    !titles.is_empty() && titles.iter().all(|t| ["省", "中央", "国务院", "全国"].iter().any(|p| t.starts_with(p)))
}

/// Roles from the verbs after each group of names; returns, per sentence, its subject (the one
/// person it starts with), for pronouns.
fn assign_roles(
    sentences: &[Span],
    chars: &[char],
    mentions: &[(Span, usize)],
    people: &mut [Person],
) -> Vec<Option<usize>> {
    // Role verbs after a name reach this far (作了政法工作报告 fits; the next clause does not).
    const REACH: usize = 14;
    // 出席/参加 after a list that goes on with unnamed attendees (、各镇负责人、…等领导).
    const ATTEND_REACH: usize = 40;
    let mut subjects = Vec::with_capacity(sentences.len());
    let mut m = 0;
    for sent in sentences {
        while m < mentions.len() && mentions[m].0 .0 < sent.0 {
            m += 1;
        }
        let mut group: Vec<usize> = Vec::new();
        let mut first_group: Option<Vec<usize>> = None;
        let mut last_end = sent.0;
        let mut closed = false;
        let mut role_seen = false;
        // 传达/宣读 take what is relayed as their object: a role verb inside it (…书记致辞讲话
        // 精神) is not the person's; only 并 opens a second act.
        let mut relaying = false;
        // The group's clause is reported speech: later clauses are what was said.
        let mut spoke = false;
        // "听取了王某的汇报": the name is not the subject.
        let mut possessive = false;
        // 出席会议的还有… : the role comes before the names.
        let mut pending_role: Option<(&'static str, Span)> = None;
        // "会议由王某主持，传达了…": the meeting is the subject of the clauses after.
        let mut agent = false;
        // "王某主持召开…会议，传达学习了…": what the convened meeting relays is not the chair's.
        let mut convened = false;
        let mut i = sent.0;
        while i < sent.1 {
            while m < mentions.len() && mentions[m].0 .0 < i {
                m += 1;
            }
            if m < mentions.len() && mentions[m].0 .0 == i {
                let (sp, p) = mentions[m];
                m += 1;
                // "甲在…召开会议，乙出席": a clause of its own after the name ends its group
                // (a list across commas has the comma right after each name).
                let own_clause = chars
                    .get(last_end..sp.0)
                    .and_then(|g| g.iter().position(|&c| c == '，'))
                    .is_some_and(|k| k > 0 && !group.is_empty());
                if closed || role_seen || own_clause || (!group.is_empty() && sp.0 - last_end > 40) {
                    group.clear();
                    closed = false;
                    role_seen = false;
                    spoke = false;
                    relaying = false;
                    convened = false;
                }
                if group.is_empty() {
                    agent = by_agent(chars, sp.0);
                }
                // "郭某院长对…进行了部署": the clause goes on after the title.
                let end = names::trailing_title(chars, sp.1).unwrap_or(sp.1);
                // "李某（女）出席": the note is no clause of its own.
                let end = names::note_after(chars, end).unwrap_or(end);
                // "县委副书记某某同志，…某某同志出席": 同志 is part of the list's item.
                let end = if chars.get(end..end + 2) == Some(&['同', '志'][..])
                    && matches!(chars.get(end + 2), Some('，' | '、'))
                {
                    end + 2
                } else {
                    end
                };
                possessive = chars.get(end) == Some(&'的');
                if !group.contains(&p) {
                    group.push(p);
                }
                if let Some((r, said)) = pending_role {
                    add_role(&mut people[p], r, said);
                }
                last_end = end;
                i = end;
                continue;
            }
            // "王某通报了…情况，并对…进行部署": a clause without a subject of its own goes on
            // with the group's (from after the comma). "王某对…（、“…”）…进行具体部署": the
            // object phrase may be long and hold 、 and quotes; the role verb ends the clause
            // (from right after the name). After reported speech only 并 goes on with the
            // speaker ("强调，要…" is what was said; "，并指出" is the speaker again). "通报了…
            // 情况并部署…": a second role verb after 并 in the same clause.
            let after_comma = matches!(chars.get(i), Some('，' | '；')) && !agent;
            let after_name = i == last_end && !closed && !role_seen;
            let and_then = chars.get(i) == Some(&'并')
                && role_seen
                && !spoke
                && i > last_end
                && i - last_end <= 60
                && role_gap(chars, last_end, i, "出席");
            let starts = [after_comma.then_some(i + 1), after_name.then_some(i), and_then.then_some(i)];
            if !group.is_empty() && !possessive {
                let limit = sent.1.min(mentions.get(m).map_or(usize::MAX, |x| x.0 .0));
                let found = starts
                    .into_iter()
                    .flatten()
                    .find_map(|from| continuation_role(chars, from, limit, spoke).map(|x| (from, x)))
                    .filter(|&(from, (_, r, _))| !(convened && r == "传达" && from > i));
                if let Some((from, (end, r, said))) = found {
                    if first_group.is_none() {
                        first_group = Some(group.clone());
                    }
                    for &p in &group {
                        add_role(&mut people[p], r, Span::new(from, end));
                    }
                    relaying = matches!(r, "传达" | "宣读");
                    convened = chars[from..end].windows(4).any(|w| w == ['主', '持', '召', '开']);
                    role_seen = true;
                    spoke |= said;
                    closed |= said;
                    last_end = end;
                    i = end;
                    continue;
                }
            }
            if let Some(e) = names::attendees_follow(chars, i) {
                pending_role = Some(("出席", Span::new(i, e)));
                i = e;
                continue;
            }
            // "甲、乙、各街道负责人参加会议": attendance reaches past the others listed.
            let reach = if matches!(chars.get(i), Some('出' | '参' | '列' | '到')) { ATTEND_REACH } else { REACH };
            if !group.is_empty() && !closed && i - last_end <= reach {
                match verb_at(chars, i) {
                    // "听取了王某的汇报", "传达了王某的讲话": after 的 the verb is a noun, the
                    // name its owner, not the one acting at the meeting.
                    Some((e, Verb::Role(r)))
                        if (i - last_end <= REACH || r == "出席")
                            && (role_gap(chars, last_end, i, r)
                                || own_speech(chars, last_end, i, e)
                                || (r == "出席" && !role_seen && list_gap(chars, last_end, i)))
                            && !possessive
                            && (!relaying || chars[last_end..i].contains(&'并')) =>
                    {
                        if first_group.is_none() {
                            first_group = Some(group.clone());
                        }
                        for &p in &group {
                            add_role(&mut people[p], r, Span::new(i, e));
                        }
                        relaying = matches!(r, "传达" | "宣读");
                        convened = chars[i..e] == ['主', '持', '召', '开'];
                        role_seen = true;
                        last_end = e;
                        i = e;
                        continue;
                    }
                    Some((e, Verb::Speech(r))) if i == last_end || clean_gap(chars, last_end, i) => {
                        if first_group.is_none() {
                            first_group = Some(group.clone());
                        }
                        if let Some(r) = r.filter(|_| !possessive && i - last_end <= REACH) {
                            for &p in &group {
                                add_role(&mut people[p], r, Span::new(i, e));
                            }
                        }
                        closed = true;
                        spoke = true;
                        i = e;
                        continue;
                    }
                    _ => {}
                }
            }
            if role_seen && i > last_end && i - last_end > REACH {
                // A later role verb belongs to someone else.
                closed = true;
            }
            i += 1;
        }
        let g = first_group.unwrap_or(group);
        subjects.push(if g.len() == 1 { g.first().copied() } else { None });
    }
    subjects
}

/// A clause from `start` that goes on with the subject before it: (end, role, reported speech).
/// Either it opens with a connective (并, 对, 同时 …), names nobody before `limit`, and ends
/// with a role verb ("并对…进行部署"), or it opens with the verb itself, maybe after 并 and an
/// adverb ("全面总结了…", "并布置…", "提出了…要求"). After reported speech only 并 goes on.
fn continuation_role(
    chars: &[char],
    start: usize,
    limit: usize,
    after_speech: bool,
) -> Option<(usize, &'static str, bool)> {
    // 分别/先后/依次: a list of names, each acting on its part (…分别就甲、乙工作进行了部署).
    const OPENERS: [&str; 13] =
        ["并", "对", "就", "还", "同时", "随后", "最后", "针对", "结合", "围绕", "分别", "先后", "依次"];
    const LEADS: [&str; 6] = ["并", "还", "同时", "随后", "最后", "又"];
    let at = |p: usize, w: &str| {
        let w: Vec<char> = w.chars().collect();
        chars.get(p..p + w.len()).is_some_and(|x| x == &w[..]).then_some(p + w.len())
    };
    let opener = OPENERS.iter().find_map(|o| at(start, o));
    if after_speech && chars.get(start) != Some(&'并') {
        return None;
    }
    // The verb first.
    let mut p = LEADS.iter().find_map(|o| at(start, o)).unwrap_or(start);
    if let Some(e) = LEX.adverbs.iter().find_map(|a| (chars.get(p..p + a.len()) == Some(&a[..])).then_some(p + a.len()))
    {
        p = e;
    }
    match verb_at(chars, p) {
        Some((e, Verb::Role(r))) if e <= limit => return Some((e, r, false)),
        Some((e, Verb::Speech(Some(r)))) if e <= limit => return Some((e, r, true)),
        _ => {}
    }
    // "强调，要…，并对…进行部署": what was said.
    if after_speech {
        return None;
    }
    opener?;
    // The clause ends at the next clause punctuation; parentheses (各村（社区）) stay inside.
    let mut end = start;
    while end < chars.len() && end - start < 80 && !matches!(chars[end], '，' | '；' | '。' | '！' | '？' | '：' | '\n')
    {
        end += 1;
    }
    if end > limit || end - start >= 80 {
        return None;
    }
    // "作部署动员": a role noun with a short tail.
    let tail = ["动员", "工作"].iter().any(|t| at(end.saturating_sub(2), t) == Some(end));
    let ends = [Some(end), tail.then(|| end - 2)];
    ends.into_iter()
        .flatten()
        .find_map(|end| (start..end).find_map(|p| role_ending_at(chars, p, end)))
        .map(|r| (end, r, false))
}

/// Between a name and its role verb: a few words, maybe a list (分别代表甲、乙向…汇报); not the
/// listener of 听取…汇报.
fn role_gap(chars: &[char], from: usize, to: usize, role: &str) -> bool {
    let Some(g) = chars.get(from..to) else { return false };
    // "听取了…汇报": the listener reports nothing; "听取了…汇报并讲话": 并 opens his own act.
    let listens = g.windows(2).rposition(|w| w == ['听', '取']).is_some_and(|p| !g[p..].contains(&'并'));
    // "…组长的讲话精神": after 的 the verb is a noun, someone else's.
    let noun = g.last() == Some(&'的');
    !listens
        && !noun
        && !g.iter().any(|c| matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '\n' | '“'))
        && (role == "出席" || to - from <= 14 || !g.contains(&'、'))
}

/// "甲，乙以及各单位，各乡镇等领导参加了会议": the name goes on as a list (a separator right
/// after it), which reaches its attendance verb across commas.
fn list_gap(chars: &[char], from: usize, to: usize) -> bool {
    let Some(g) = chars.get(from..to) else { return false };
    matches!(g.first(), Some('，' | '、' | '及' | '以' | '和' | '等'))
        && !g.iter().any(|c| matches!(c, '。' | '；' | '：' | '！' | '？' | '\n' | '“'))
        && !g.windows(2).any(|w| w == ['听', '取'])
}

/// "某某在全区…会上的讲话" closing its line: a speech's heading, the name's own speech.
fn own_speech(chars: &[char], from: usize, to: usize, e: usize) -> bool {
    chars.get(from) == Some(&'在')
        && chars.get(to.saturating_sub(2)..to) == Some(&['上', '的'][..])
        && chars.get(to..e) == Some(&['讲', '话'][..])
        && chars.get(e).is_none_or(|c| c.is_whitespace())
        && clean_gap(chars, from, to)
}

/// Between a name and its verb: a few words, no clause break ("出席会议并讲话", "在会上作").
fn clean_gap(chars: &[char], from: usize, to: usize) -> bool {
    chars
        .get(from..to)
        .is_some_and(|g| !g.iter().any(|c| matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | '\n' | '“' | '、')))
}

/// A role and the words that gave it (the first time the person gets it).
fn add_role(p: &mut Person, r: &'static str, span: Span) {
    if !p.roles.iter().any(|x| x == r) {
        p.roles.push(r.to_string());
        p.evidence.push(Evidence { of: "role".into(), value: r.to_string(), span });
    }
}

/// 他/她 → the subject of the sentence it is in (when named before it) or of the nearest
/// sentence before that names someone.
fn resolve_pronouns(
    sentences: &[Span],
    chars: &[char],
    mentions: &[(Span, usize)],
    subjects: &[Option<usize>],
) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    if mentions.is_empty() {
        return out;
    }
    for (si, sent) in sentences.iter().enumerate() {
        for i in sent.0..sent.1.min(chars.len()) {
            if !matches!(chars[i], '他' | '她') || !is_pronoun(chars, i) {
                continue;
            }
            let named_before = mentions.iter().any(|(sp, _)| sp.0 >= sent.0 && sp.1 <= i);
            let target = if named_before {
                subjects.get(si).copied().flatten()
            } else {
                // The nearest earlier sentence (within three) that names anyone decides.
                (si.saturating_sub(3)..si)
                    .rev()
                    .find(|&k| sentences.get(k).is_some_and(|s| mentions.iter().any(|(sp, _)| s.covers(sp))))
                    .and_then(|k| subjects.get(k).copied().flatten())
            };
            if let Some(p) = target {
                out.push((Span::new(i, i + 1), p));
            }
        }
    }
    out
}

fn is_pronoun(chars: &[char], i: usize) -> bool {
    let next = chars.get(i + 1).copied().unwrap_or(' ');
    let prev = if i > 0 { chars[i - 1] } else { ' ' };
    !matches!(next, '们' | '人' | '国' | '乡' | '处' | '方' | '山' | '者')
        && !matches!(prev, '其' | '吉' | '利' | '排' | '无')
}
