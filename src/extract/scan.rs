//! Takes a sentence, hands on its tokens (digit runs, words, single punctuation
//! characters, each with byte offsets) and the value of a digit run. The one
//! tokenizer of extract: the number grammar reads its tokens, and the word
//! view measures and names read (`extract::token`) is made from them.
//! Rule that is not obvious: a digit run keeps its separators ("6,500", "1.2",
//! "1 200" with a no-break space only), and a run whose separators do not form a
//! number ("1,2,3", "1.2.3") has no value, so the grammar skips it instead of
//! guessing.

use std::borrow::Cow;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// ASCII digits, possibly with `,` `.` or no-break-space separators between digits.
    Num,
    /// Letters, with inner apostrophes ("o'clock", "sheriff's").
    Word,
    /// Any other single non-space character.
    Punct(char),
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub text: &'a str,
    /// Lower-cased text for words (borrowed when already lower case); empty otherwise.
    pub lower: Cow<'a, str>,
}

impl Tok<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Spaces that may separate thousands inside a figure ("1 200" typeset with a
/// no-break or thin space). A plain space never does: "1 200-page report".
fn is_group_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// `text` with its ASCII letters lower-cased (borrowed when it has none upper
/// case): same length, same offsets, so an ASCII word's lower case is a slice of it.
pub fn ascii_lower(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

/// The character starting at byte `i` of `text` and its length; `None` past the end.
/// ASCII is read without decoding.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    let c = text.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// Read `text` once, handing `push` each token's span and kind, and for a
/// word whether it is all ASCII. Linear in the length of `text`; every other
/// reading of a sentence in extract (`tokenize`, the word view of
/// `extract::token`) is made from this one.
pub(crate) fn scan(text: &str, mut push: impl FnMut(usize, usize, Kind, bool)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some((c, len)) = char_at(text, i) {
        let start = i;
        if c == ' ' || c.is_whitespace() {
            i += len;
            continue;
        }
        if c.is_ascii_digit() {
            let mut end = start;
            while let Some((d, dlen)) = char_at(text, i) {
                if d.is_ascii_digit() {
                    i += 1;
                    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                        i += 1;
                    }
                    end = i;
                    continue;
                }
                // a separator counts only when a digit follows it
                if (matches!(d, ',' | '.') || is_group_space(d))
                    && bytes.get(i + dlen).is_some_and(u8::is_ascii_digit)
                {
                    i += dlen;
                    continue;
                }
                break;
            }
            push(start, end, Kind::Num, true);
            continue;
        }
        if c.is_alphabetic() {
            let mut end = start;
            let mut ascii = true;
            while let Some((d, dlen)) = char_at(text, i) {
                if d.is_alphabetic() {
                    ascii &= dlen == 1;
                    i += dlen;
                    while bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
                        i += 1;
                    }
                    end = i;
                    continue;
                }
                if is_apostrophe(d)
                    && char_at(text, i + dlen).is_some_and(|(x, _)| x.is_alphabetic())
                {
                    ascii &= dlen == 1;
                    i += dlen;
                    continue;
                }
                break;
            }
            push(start, end, Kind::Word, ascii);
            continue;
        }
        i += len;
        push(start, start + len, Kind::Punct(c), c.is_ascii());
    }
}

/// Split `text` into tokens, `lowered` being `ascii_lower(text)`: an ASCII
/// word's lower case is borrowed from it, so only words with other letters are
/// lower-cased apart. Linear in the length of `text`.
pub fn tokenize<'a>(text: &'a str, lowered: &'a str) -> Vec<Tok<'a>> {
    // roughly one token per five bytes of prose; growing costs more than spare room
    let mut toks = Vec::with_capacity(text.len() / 4 + 4);
    scan(text, |start, end, kind, ascii| {
        let word = &text[start..end];
        let lower = match kind {
            Kind::Word => match lowered.get(start..end) {
                Some(l) if ascii && lowered.len() == text.len() => Cow::Borrowed(l),
                _ if word.chars().any(char::is_uppercase) => Cow::Owned(word.to_lowercase()),
                _ => Cow::Borrowed(word),
            },
            Kind::Num | Kind::Punct(_) => Cow::Borrowed(""),
        };
        toks.push(Tok {
            start,
            end,
            kind,
            text: word,
            lower,
        });
    });
    toks
}

/// A digit run with more significant digits than this is an identifier or noise,
/// not a figure (f64 holds 15–17 digits exactly).
const MAX_DIGITS: usize = 18;

/// The value of a digit run, or `None` when its separators do not make a number.
///
/// Conventions: `,` and group spaces separate thousands (every group after the
/// first has exactly three digits); a single `.` is a decimal point, so "1.200"
/// is 1.2 (English usage), while several dots in groups of three are thousands
/// ("1.200.000"); "1.234,5" (dots for thousands, comma for decimals) is read too.
/// A lone comma with other than three digits after it ("3,5", "1,2,3") is refused.
pub fn parse_digits(raw: &str) -> Option<f64> {
    // split into digit groups and the separators between them; a number has at
    // most MAX_DIGITS non-empty groups, so fixed arrays hold any that can pass
    let mut groups: [&str; MAX_DIGITS + 1] = [""; MAX_DIGITS + 1];
    let mut seps = ['\0'; MAX_DIGITS];
    let mut n = 0;
    let mut start = 0;
    for (i, c) in raw.char_indices() {
        if !c.is_ascii_digit() {
            // an empty group, or one group too many for MAX_DIGITS digits
            if i == start || n == MAX_DIGITS {
                return None;
            }
            groups[n] = &raw[start..i];
            seps[n] = if is_group_space(c) { ' ' } else { c };
            n += 1;
            start = i + c.len_utf8();
        }
    }
    if start == raw.len() {
        return None;
    }
    groups[n] = &raw[start..];
    let groups = &groups[..=n];
    let seps = &seps[..n];
    let digits: usize = groups.iter().map(|g| g.len()).sum();
    if digits > MAX_DIGITS {
        return None;
    }
    let thousands_ok = |gs: &[&str]| gs[0].len() <= 3 && gs[1..].iter().all(|g| g.len() == 3);
    let (int_groups, frac): (&[&str], Option<&str>) = match seps {
        [] => (groups, None),
        ['.'] => (&groups[..1], Some(groups[1])),
        s if s.iter().all(|&c| c == ',' || c == ' ') => (groups, None),
        s if s.iter().all(|&c| c == '.') => (groups, None),
        s => {
            // thousands separators, then one decimal mark of the other kind
            let (last, rest) = s.split_last()?;
            let first = *rest.first()?;
            let valid_pair = matches!((first, *last), (',' | ' ', '.') | ('.' | ' ', ','));
            if !valid_pair || rest.iter().any(|&c| c != first) {
                return None;
            }
            (&groups[..n], Some(groups[n]))
        }
    };
    if int_groups.len() > 1 && !thousands_ok(int_groups) {
        return None;
    }
    // a leading zero on a whole number is a code ("007", "0800")
    if int_groups.len() == 1 && frac.is_none() && int_groups[0].len() > 1 && raw.starts_with('0') {
        return None;
    }
    let Some(f) = frac else {
        // at most MAX_DIGITS digits fit a u64, and `as` rounds to nearest like `parse`
        let whole = int_groups
            .iter()
            .flat_map(|g| g.bytes())
            .fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
        return Some(whole as f64);
    };
    // the digits and one point, on the stack
    let mut buf = [0u8; MAX_DIGITS + 1];
    let mut len = 0;
    for g in int_groups {
        buf[len..len + g.len()].copy_from_slice(g.as_bytes());
        len += g.len();
    }
    buf[len] = b'.';
    buf[len + 1..len + 1 + f.len()].copy_from_slice(f.as_bytes());
    len += 1 + f.len();
    std::str::from_utf8(&buf[..len])
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts of the tokens of `text`.
    fn texts(text: &str) -> Vec<String> {
        let lowered = ascii_lower(text);
        tokenize(text, &lowered)
            .iter()
            .map(|t| t.text.to_string())
            .collect()
    }

    /// The tokenizer as first written (one `char_indices` walk, every word
    /// lower-cased apart): the fast one must agree with it token for token.
    fn tokenize_reference(text: &str) -> Vec<Tok<'_>> {
        let mut toks = Vec::new();
        let mut it = text.char_indices().peekable();
        while let Some(&(start, c)) = it.peek() {
            if c.is_whitespace() {
                it.next();
                continue;
            }
            if c.is_ascii_digit() {
                let mut end = start;
                while let Some(&(i, d)) = it.peek() {
                    if d.is_ascii_digit() {
                        end = i + 1;
                        it.next();
                        continue;
                    }
                    if matches!(d, ',' | '.') || is_group_space(d) {
                        let after = i + d.len_utf8();
                        if text[after..].starts_with(|x: char| x.is_ascii_digit()) {
                            it.next();
                            continue;
                        }
                    }
                    break;
                }
                toks.push(Tok {
                    start,
                    end,
                    kind: Kind::Num,
                    text: &text[start..end],
                    lower: Cow::Borrowed(""),
                });
                continue;
            }
            if c.is_alphabetic() {
                let mut end = start;
                while let Some(&(i, d)) = it.peek() {
                    if d.is_alphabetic() {
                        end = i + d.len_utf8();
                        it.next();
                        continue;
                    }
                    if is_apostrophe(d) {
                        let after = i + d.len_utf8();
                        if text[after..].starts_with(char::is_alphabetic) {
                            it.next();
                            continue;
                        }
                    }
                    break;
                }
                let word = &text[start..end];
                toks.push(Tok {
                    start,
                    end,
                    kind: Kind::Word,
                    text: word,
                    lower: if word.chars().any(char::is_uppercase) {
                        Cow::Owned(word.to_lowercase())
                    } else {
                        Cow::Borrowed(word)
                    },
                });
                continue;
            }
            it.next();
            toks.push(Tok {
                start,
                end: start + c.len_utf8(),
                kind: Kind::Punct(c),
                text: &text[start..start + c.len_utf8()],
                lower: Cow::Borrowed(""),
            });
        }
        toks
    }

    /// `parse_digits` as first written (vectors and a `String`), refusing
    /// instead of panicking on a lone unknown separator.
    fn parse_digits_reference(raw: &str) -> Option<f64> {
        let mut groups: Vec<&str> = Vec::new();
        let mut seps: Vec<char> = Vec::new();
        let mut start = 0;
        for (i, c) in raw.char_indices() {
            if !c.is_ascii_digit() {
                groups.push(&raw[start..i]);
                seps.push(if is_group_space(c) { ' ' } else { c });
                start = i + c.len_utf8();
            }
        }
        groups.push(&raw[start..]);
        if groups.iter().any(|g| g.is_empty()) {
            return None;
        }
        let digits: usize = groups.iter().map(|g| g.len()).sum();
        if digits > MAX_DIGITS {
            return None;
        }
        let thousands_ok = |gs: &[&str]| gs[0].len() <= 3 && gs[1..].iter().all(|g| g.len() == 3);
        let (int_groups, frac): (&[&str], Option<&str>) = match seps.as_slice() {
            [] => (&groups[..], None),
            ['.'] => (&groups[..1], Some(groups[1])),
            s if s.iter().all(|&c| c == ',' || c == ' ') => (&groups[..], None),
            s if s.iter().all(|&c| c == '.') => (&groups[..], None),
            s => {
                let (last, rest) = s.split_last()?;
                let first = *rest.first()?;
                let valid_pair = matches!((first, *last), (',' | ' ', '.') | ('.' | ' ', ','));
                if !valid_pair || rest.iter().any(|&c| c != first) {
                    return None;
                }
                let n = groups.len();
                (&groups[..n - 1], Some(groups[n - 1]))
            }
        };
        if int_groups.len() > 1 && !thousands_ok(int_groups) {
            return None;
        }
        if int_groups.len() == 1
            && frac.is_none()
            && int_groups[0].len() > 1
            && raw.starts_with('0')
        {
            return None;
        }
        let mut s: String = int_groups.concat();
        if let Some(f) = frac {
            s.push('.');
            s.push_str(f);
        }
        s.parse::<f64>().ok().filter(|v| v.is_finite())
    }

    #[test]
    fn fast_parse_digits_agrees_with_reference() {
        let same = |raw: &str| {
            let (fast, slow) = (parse_digits(raw), parse_digits_reference(raw));
            assert_eq!(fast.map(f64::to_bits), slow.map(f64::to_bits), "{raw:?}");
        };
        // every short string over digits and separators
        let alphabet = ['0', '1', '7', '9', ',', '.', '\u{a0}', '\u{202f}', ' ', 'x'];
        let mut level = vec![String::new()];
        for _ in 0..5 {
            let mut next = Vec::new();
            for s in &level {
                same(s);
                for c in alphabet {
                    next.push(format!("{s}{c}"));
                }
            }
            level = next;
        }
        level.iter().for_each(|s| same(s));
        // long runs around the digit limit and rounding edges
        for raw in [
            "123456789012345678",
            "1234567890123456789",
            "999999999999999999",
            "9007199254740993",
            "18014398509481985",
            "123,456,789,012,345,678",
            "123,456,789,012,345,678,9",
            "1,2,3,4,5,6,7,8,9,1,2,3,4,5,6,7,8,9",
            "1,2,3,4,5,6,7,8,9,1,2,3,4,5,6,7,8,9,1",
            "1.2.3.4.5.6.7.8.9.1.2.3.4.5.6.7.8.9.1.2",
            "12345678901234567.8",
            "0.1234567890123456789",
            "0.30000000000000004",
            "1,234,567.890123",
            "1.234.567,890123",
            "1\u{a0}234\u{a0}567,5",
            "1 234 567.5",
            "9007199254740993.0",
        ] {
            same(raw);
        }
    }

    #[test]
    fn fast_tokenizer_agrees_with_reference() {
        let mut cases: Vec<String> = [
            "",
            " ",
            "About 6,500 troops, i.e. 3bn. Café",
            "THE Sheriff's O’Clock ÉTÉ Straße İstanbul ΟΔΟΣ",
            "1\u{a0}200 and 1\u{202f}200\u{202f}000 and 1\u{2009}2 and 1\u{a0}x",
            "12,5. 3.. 4,,5 ,6 .7 8, 9.",
            "x'y ’z a’ b' 'c don’t O'NEIL l'État",
            "\t\u{b}\u{c}\r\nTwo\u{85}Three\u{3000}FOUR",
            "$3m €5bn £2.5k ¥100 — “quoted” (23) [9] #3 5'9\" 10°C",
            "Ǆemal ǅ ǈ ﬁve ＴＷＯ １２３ ٣ 12٣",
            "a-b-c-d 23-year-old COVID-19 G7",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // every pair of pieces, to cross each boundary with each other piece
        let pieces = [
            "A", "a", "Z", "é", "É", "ß", "İ", "Σ", "1", "0", ",", ".", "'", "’", " ", "\u{a0}",
            "-", "$", "\u{85}", "x",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    cases.push(format!("{a}{b}{c}"));
                    cases.push(format!("Word{a}{b}{c}9"));
                }
            }
        }
        for text in &cases {
            let lowered = ascii_lower(text);
            let fast = super::tokenize(text, &lowered);
            let slow = tokenize_reference(text);
            assert_eq!(fast.len(), slow.len(), "{text:?}");
            for (f, s) in fast.iter().zip(&slow) {
                assert_eq!(
                    (f.start, f.end, f.kind, f.text, f.lower.as_ref()),
                    (s.start, s.end, s.kind, s.text, s.lower.as_ref()),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn digit_runs() {
        let cases: &[(&str, Option<f64>)] = &[
            ("286", Some(286.0)),
            ("6,500", Some(6500.0)),
            ("1,234,567", Some(1234567.0)),
            ("1.2", Some(1.2)),
            ("1,234.5", Some(1234.5)),
            ("1.200.000", Some(1200000.0)),
            ("1.234,5", Some(1234.5)),
            ("1\u{a0}200", Some(1200.0)),
            ("1\u{202f}200\u{202f}000", Some(1200000.0)),
            ("0.5", Some(0.5)),
            ("1,2,3,4,5", None),
            ("3,5", None),
            ("1.2.3", None),
            ("12,34", None),
            ("1,234,56", None),
            ("007", None),
            ("1234567890123456789012", None),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_digits(raw), *want, "{raw}");
        }
    }

    #[test]
    fn tokens_keep_offsets() {
        let text = "About 6,500 troops, i.e. 3bn. Café";
        let lowered = ascii_lower(text);
        let t = tokenize(text, &lowered);
        assert_eq!(
            texts(text),
            [
                "About", "6,500", "troops", ",", "i", ".", "e", ".", "3", "bn", ".", "Café"
            ]
        );
        assert_eq!(t[1].kind, Kind::Num);
        assert_eq!((t[1].start, t[1].end), (6, 11));
        assert_eq!(texts("the sheriff's o’clock")[1], "sheriff's");
        // a trailing full stop is not part of the figure
        assert_eq!(texts("killed 30.")[1], "30");
        assert_eq!(t[0].lower, "about");
        assert_eq!(t[11].lower, "café");
    }
}
