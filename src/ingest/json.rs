//! Takes a `.json` file (one article object or an array of them) or a `.jsonl`
//! file (one object a line), hands on one record per article with its text and
//! where that text starts in the file.
//! Rule that is not obvious: a record's text is its JSON string decoded *in
//! place*: every escape becomes its character padded with spaces to the escape's
//! length (`\"` → `" `, `\u00e9` → `é    `), and runs of `\n` escapes become a
//! paragraph mark, never a real newline. So the text has exactly the byte length
//! of the string in the file and stays on its one line: `Document::relocate`
//! then turns every offset into the exact file offset and line. Columns count
//! characters, so they drift after a non-ASCII escape on the line (`\u00e9` is six
//! characters in the file, five here).

use std::collections::BTreeMap;

use serde_json::Value as Json;
use serde_json::value::RawValue;

use super::inplace::PARAGRAPH;
use crate::model::Location;

/// One article found in a JSON or JSONL file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    /// The line (JSONL) or the 1-based position in the array (JSON).
    pub index: usize,
    pub text: String,
    /// Where the first byte of `text` sits in the file.
    pub at: Location,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

/// The fields that may hold the article text, in order of preference.
const TEXT_FIELDS: &[&str] = &["text", "body", "content", "articleBody", "article"];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const OUTLET_FIELDS: &[&str] = &["outlet", "source", "publisher", "site_name", "site"];
const DATE_FIELDS: &[&str] = &[
    "published",
    "date",
    "published_at",
    "publishedAt",
    "datePublished",
    "pubdate",
    "published_date",
];

/// Line starts of a text, to turn offsets into lines without rescanning.
struct Lines<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(src: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        Lines { src, starts }
    }

    fn locate(&self, offset: usize) -> Location {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .src
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Location {
            offset,
            line,
            column,
        }
    }
}

/// Records of a JSONL file and, per bad line, its line number and why.
pub fn read_jsonl(src: &str) -> (Vec<Record>, Vec<(usize, String)>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut offset = 0;
    for (i, line) in src.split_inclusive('\n').enumerate() {
        let line_no = i + 1;
        let start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let at_line = |o: usize| Location {
            offset: start + o,
            line: line_no,
            column: line.get(..o).map_or(1, |s| s.chars().count() + 1),
        };
        match record(line, line_no, &at_line) {
            Ok(r) => records.push(r),
            Err(e) => problems.push((line_no, e)),
        }
    }
    (records, problems)
}

/// Records of a JSON file: one object, or an array of objects.
pub fn read_json(src: &str) -> (Vec<Record>, Vec<(usize, String)>) {
    let lines = Lines::new(src);
    let locate = |o: usize| lines.locate(o);
    let trimmed = src.trim_start();
    if trimmed.starts_with('[') {
        let items: Vec<&RawValue> = match serde_json::from_str(src) {
            Ok(v) => v,
            Err(e) => return (Vec::new(), vec![(0, format!("invalid JSON: {e}"))]),
        };
        let mut records = Vec::new();
        let mut problems = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let Some(base) = offset_in(src, item.get()) else {
                continue;
            };
            let at = |o: usize| locate(base + o);
            match record(item.get(), i + 1, &at) {
                Ok(r) => records.push(r),
                Err(e) => problems.push((i + 1, e)),
            }
        }
        (records, problems)
    } else {
        match record(src, 1, &locate) {
            Ok(r) => (vec![r], Vec::new()),
            Err(e) => (Vec::new(), vec![(0, e)]),
        }
    }
}

/// A parse error of a record, placed in the file: serde counts lines and
/// columns from the record's first byte, `at` turns an offset of the record
/// into a place in the file.
fn invalid(src: &str, e: &serde_json::Error, at: &dyn Fn(usize) -> Location) -> String {
    let text = e.to_string();
    let what = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(what, _)| what);
    if e.line() == 0 {
        return format!("invalid JSON: {what}");
    }
    let line_start = src
        .split_inclusive('\n')
        .take(e.line() - 1)
        .map(str::len)
        .sum::<usize>();
    let offset = (line_start + e.column().saturating_sub(1)).min(src.len());
    let loc = at(offset);
    format!(
        "invalid JSON at line {}, column {}: {what}",
        loc.line, loc.column
    )
}

/// Byte offset of `part` inside `whole`, when it is a sub-slice of it.
fn offset_in(whole: &str, part: &str) -> Option<usize> {
    let o = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    (o + part.len() <= whole.len()).then_some(o)
}

/// Read one object; `at(o)` locates byte `o` of `src` in the file.
fn record(src: &str, index: usize, at: &dyn Fn(usize) -> Location) -> Result<Record, String> {
    let fields: BTreeMap<String, &RawValue> = serde_json::from_str(src).map_err(|e| {
        if e.is_data() {
            "not a JSON object".to_string()
        } else {
            invalid(src, &e, at)
        }
    })?;
    let string = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| {
            let v: Json = serde_json::from_str(fields.get(*n)?.get()).ok()?;
            let s = match &v {
                Json::String(s) => s.as_str(),
                Json::Object(o) => o.get("name")?.as_str()?,
                _ => return None,
            };
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        })
    };
    let (raw, name) = TEXT_FIELDS
        .iter()
        .find_map(|n| {
            let raw = fields.get(*n)?.get();
            raw.starts_with('"').then_some((raw, *n))
        })
        .ok_or_else(|| {
            format!(
                "no text: none of the fields {} holds a string",
                TEXT_FIELDS.join(", ")
            )
        })?;
    let _ = name;
    let content = &raw[1..raw.len().saturating_sub(1).max(1)];
    let start = offset_in(src, content).ok_or("text field out of place")?;
    Ok(Record {
        index,
        text: decode_in_place(content),
        at: at(start),
        title: string(TITLE_FIELDS),
        outlet: string(OUTLET_FIELDS),
        published: string(DATE_FIELDS),
    })
}

/// Decode the inside of a JSON string literal to text of the same byte length
/// (see the module doc). Malformed escapes are kept as written.
pub fn decode_in_place(raw: &str) -> String {
    let b = raw.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 >= b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        match b[i + 1] {
            b'"' | b'\\' | b'/' => {
                out.push(b[i + 1]);
                out.push(b' ');
                i += 2;
            }
            b'n' | b'r' => {
                // a run of line-break escapes: one paragraph mark, padded
                let mut j = i;
                let mut newlines = 0;
                while j + 1 < b.len() && b[j] == b'\\' && matches!(b[j + 1], b'n' | b'r') {
                    newlines += usize::from(b[j + 1] == b'n');
                    j += 2;
                }
                push_padded(&mut out, j - i, (newlines > 0).then_some(PARAGRAPH));
                i = j;
            }
            b'u' => {
                let (c, len) = unicode_escape(b, i);
                let c = match c {
                    Some('\n') => Some(PARAGRAPH),
                    Some(c) if c.is_control() || c == '\u{a0}' => None,
                    other => other,
                };
                match c {
                    Some(c) => push_padded(&mut out, len, Some(c)),
                    None => push_padded(&mut out, len, None),
                }
                i += len;
            }
            _ => {
                // \b \f \t and anything unexpected: white space of the same length
                push_padded(&mut out, 2, None);
                i += 2;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Push `c` (or nothing) padded with spaces to `len` bytes; an opening quote is
/// padded before so it stays next to its word.
fn push_padded(out: &mut Vec<u8>, len: usize, c: Option<char>) {
    let mut tmp = [0u8; 4];
    let enc: &[u8] = match c {
        Some(c) if c.len_utf8() <= len => c.encode_utf8(&mut tmp).as_bytes(),
        _ => b"",
    };
    let pad = len - enc.len();
    let before = c.is_some_and(|c| matches!(c, '“' | '‘' | '«' | '„' | '(' | '['));
    if before {
        out.extend(std::iter::repeat_n(b' ', pad));
        out.extend_from_slice(enc);
    } else {
        out.extend_from_slice(enc);
        out.extend(std::iter::repeat_n(b' ', pad));
    }
}

/// The character of a `\uXXXX` escape at `i` (a surrogate pair takes 12 bytes),
/// with the escape's length; a lone surrogate is U+FFFD.
fn unicode_escape(b: &[u8], i: usize) -> (Option<char>, usize) {
    let hex = |at: usize| -> Option<u32> {
        let s = std::str::from_utf8(b.get(at..at + 4)?).ok()?;
        u32::from_str_radix(s, 16).ok()
    };
    let Some(u) = hex(i + 2) else {
        return (None, 2);
    };
    if (0xd800..0xdc00).contains(&u)
        && b.get(i + 6) == Some(&b'\\')
        && b.get(i + 7) == Some(&b'u')
        && let Some(lo) = hex(i + 8)
        && (0xdc00..0xe000).contains(&lo)
    {
        let c = char::from_u32(0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00));
        return (c, 12);
    }
    (Some(char::from_u32(u).unwrap_or('\u{fffd}')), 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/inputs.md names every field a record is read from, and only in its
    /// JSON section's words (`text`, …): a list that leaves one out misleads.
    #[test]
    fn every_field_read_is_documented() {
        let doc = include_str!("../../docs/inputs.md");
        let start = doc.find("### JSON and JSONL").expect("the JSON section");
        let section = &doc[start..];
        let section = &section[..section[4..].find("\n#").map_or(section.len(), |e| e + 4)];
        for f in TEXT_FIELDS
            .iter()
            .chain(TITLE_FIELDS)
            .chain(OUTLET_FIELDS)
            .chain(DATE_FIELDS)
        {
            assert!(
                section.contains(&format!("`{f}`")),
                "docs/inputs.md does not name the JSON field `{f}`"
            );
        }
    }

    #[test]
    fn escapes_decode_in_place() {
        let cases = [
            (r#"plain 12"#, "plain 12"),
            (r#"say \"hi\""#, "say \" hi\" "),
            (r#"caf\u00e9 ok"#, "café     ok"),
            (r#"a\nb"#, "a\x0C b"),
            (r#"a\n\nb"#, "a\x0C   b"),
            (r#"a\r\nb"#, "a\x0C   b"),
            (r#"a\u000ab"#, "a\x0C     b"),
            (r#"tab\there"#, "tab  here"),
            (r#"\u201cQ\u201d"#, "   “Q”   "),
            (r#"smile \ud83d\ude00!"#, "smile 😀        !"),
            (r#"lone \ud800 x"#, "lone \u{fffd}    x"),
            (r#"back\\slash"#, "back\\ slash"),
        ];
        for (raw, want) in cases {
            let got = decode_in_place(raw);
            assert_eq!(got, want, "{raw:?}");
            assert_eq!(got.len(), raw.len(), "{raw:?}");
            assert!(!got.contains('\n'));
        }
    }

    #[test]
    fn jsonl_records_point_at_their_line() {
        let src = "{\"id\":1,\"text\":\"First 10.\",\"published\":\"2024-05-06\"}\n\n{\"body\":\"x \\\"y\\\" 20\",\"source\":{\"name\":\"Wire\"}}\r\nnot json\n{\"title\":\"no text\"}\n[1,2]\n";
        let (recs, problems) = read_jsonl(src);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].index, 1);
        assert_eq!(recs[0].published.as_deref(), Some("2024-05-06"));
        assert_eq!(recs[0].at.line, 1);
        assert_eq!(&src[recs[0].at.offset..recs[0].at.offset + 9], "First 10.");
        assert_eq!(recs[1].index, 3);
        assert_eq!(recs[1].at.line, 3);
        assert_eq!(recs[1].outlet.as_deref(), Some("Wire"));
        let off = recs[1].text.find("20").unwrap();
        assert_eq!(&src[recs[1].at.offset + off..][..2], "20");
        let lines: Vec<usize> = problems.iter().map(|p| p.0).collect();
        assert_eq!(lines, vec![4, 5, 6]);
        assert!(problems[0].1.contains("invalid JSON"));
        assert!(problems[1].1.contains("no text"));
        assert!(problems[2].1.contains("not a JSON object"));
    }

    #[test]
    fn json_array_and_object() {
        let src = "[\n  {\"title\": \"A\",\n   \"content\": \"Alpha 1\"},\n  {\"text\": \"Beta 2\"},\n  {\"text\": 5}\n]";
        let (recs, problems) = read_json(src);
        assert_eq!(recs.len(), 2);
        assert_eq!((recs[0].at.line, recs[0].at.column), (3, 16));
        assert_eq!(recs[0].title.as_deref(), Some("A"));
        assert_eq!((recs[1].index, recs[1].at.line), (2, 4));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].0, 3);

        let (recs, problems) = read_json("{\"text\": \"Solo 3\"}");
        assert_eq!((recs.len(), problems.len()), (1, 0));
        assert_eq!(recs[0].at.offset, 10);
        let (recs, problems) = read_json("{\"text\": ");
        assert!(recs.is_empty() && problems[0].1.contains("invalid JSON"));
    }
}
