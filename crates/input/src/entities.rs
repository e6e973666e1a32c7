//! Character references in HTML and XML text: `&amp;`, `&#20013;`, `&#x4E2D;` and the named ones
//! Chinese pages use (`&nbsp;` indents, `&ldquo;…&rdquo;` quotes, `&mdash;`, `&middot;`).
//! Hand-written pages often drop the `;` (`&nbsp&nbsp`), which browsers accept for the old
//! names; so do we. Anything else after `&` stays as written.

use std::borrow::Cow;

/// Named references: (name, text, also without `;`).
const NAMED: &[(&str, &str, bool)] = &[
    ("nbsp", "\u{A0}", true),
    ("amp", "&", true),
    ("lt", "<", true),
    ("gt", ">", true),
    ("quot", "\"", true),
    ("apos", "'", false),
    ("ldquo", "“", false),
    ("rdquo", "”", false),
    ("lsquo", "‘", false),
    ("rsquo", "’", false),
    ("bdquo", "„", false),
    ("sbquo", "‚", false),
    ("laquo", "«", true),
    ("raquo", "»", true),
    ("lsaquo", "‹", false),
    ("rsaquo", "›", false),
    ("mdash", "—", false),
    ("ndash", "–", false),
    ("hellip", "…", false),
    ("middot", "·", true),
    ("bull", "•", false),
    ("sdot", "⋅", false),
    ("ensp", "\u{2002}", false),
    ("emsp", "\u{2003}", false),
    ("thinsp", "\u{2009}", false),
    ("zwj", "\u{200D}", false),
    ("zwnj", "\u{200C}", false),
    ("shy", "\u{AD}", true),
    ("copy", "©", true),
    ("reg", "®", true),
    ("trade", "™", false),
    ("times", "×", true),
    ("divide", "÷", true),
    ("deg", "°", true),
    ("plusmn", "±", true),
    ("permil", "‰", false),
    ("sect", "§", true),
    ("para", "¶", true),
    ("yen", "¥", true),
    ("cent", "¢", true),
    ("pound", "£", true),
    ("euro", "€", false),
    ("le", "≤", false),
    ("ge", "≥", false),
    ("ne", "≠", false),
    ("larr", "←", false),
    ("rarr", "→", false),
    ("uarr", "↑", false),
    ("darr", "↓", false),
    ("prime", "′", false),
    ("Prime", "″", false),
    ("frac12", "½", true),
    ("frac14", "¼", true),
    ("frac34", "¾", true),
    ("sup1", "¹", true),
    ("sup2", "²", true),
    ("sup3", "³", true),
    ("iexcl", "¡", true),
    ("iquest", "¿", true),
    ("micro", "µ", true),
    ("alpha", "α", false),
    ("beta", "β", false),
    ("radic", "√", false),
    ("infin", "∞", false),
    ("hearts", "♥", false),
    ("star", "☆", false),
];

/// Windows-1252 meanings of references to C1 controls (`&#147;` is “), as browsers read them.
const C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// `s` with its character references replaced.
pub fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((text, used)) => {
                out.push_str(&text);
                rest = after.get(used..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference at the start of `s` (just after `&`): its text and how many bytes it used.
/// Only ASCII is consumed, so the count is always a char boundary.
fn reference(s: &str) -> Option<(Cow<'static, str>, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let hex = matches!(b.get(1), Some(b'x' | b'X'));
        let start = if hex { 2 } else { 1 };
        let digits =
            b[start..].iter().take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() }).count();
        if digits == 0 {
            return None;
        }
        let mut used = start + digits;
        let value = s.get(start..used).and_then(|d| u32::from_str_radix(d, if hex { 16 } else { 10 }).ok());
        if b.get(used) == Some(&b';') {
            used += 1;
        }
        let c = match value {
            Some(v @ 0x80..=0x9F) => C1[(v - 0x80) as usize],
            Some(0) | None => '\u{FFFD}',
            Some(v) => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some((Cow::Owned(c.to_string()), used));
    }
    let len = b.iter().take(32).take_while(|c| c.is_ascii_alphanumeric()).count();
    if len == 0 {
        return None;
    }
    let name = s.get(..len)?;
    let semi = b.get(len) == Some(&b';');
    if semi {
        if let Some((_, text, _)) = NAMED.iter().find(|(n, _, _)| *n == name) {
            return Some((Cow::Borrowed(text), len + 1));
        }
    }
    // Without `;`, browsers take the longest old name the letters start with (`&nbsp2` is
    // NBSP + "2").
    NAMED
        .iter()
        .filter(|(n, _, legacy)| *legacy && name.starts_with(n))
        .max_by_key(|(n, _, _)| n.len())
        .map(|(n, text, _)| (Cow::Borrowed(*text), n.len()))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_numeric_and_loose_references() {
        assert_eq!(decode("&ldquo;枫桥经验&rdquo;&mdash;&mdash;坚持&hellip;"), "“枫桥经验”——坚持…");
        assert_eq!(decode("A&amp;B &lt;p&gt; &quot;x&quot; &#20013;&#x56FD;&#X56FD"), "A&B <p> \"x\" 中国国");
        assert_eq!(decode("&nbsp;&nbsp会议&middot;"), "\u{A0}\u{A0}会议·");
        assert_eq!(decode("&#147;引号&#148;"), "“引号”");
    }

    #[test]
    fn unknown_or_broken_references_stay_as_written() {
        for s in ["AT&T", "&unknown;", "&", "&#", "&#x;", "a & b", "&;", "&#xFFFFFFFFFFFF;"] {
            let d = decode(s);
            assert!(d == s || d.contains('\u{FFFD}'), "{s} → {d}");
        }
        assert_eq!(decode("&#0;&#xD800;"), "\u{FFFD}\u{FFFD}");
        assert_eq!(decode("&中文;"), "&中文;");
    }
}
