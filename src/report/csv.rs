//! Takes the run's outcome, hands on CSV (RFC 4180): a header, then one row per
//! claim of every discrepancy, decided ones included with their status.
//! Rule that is not obvious: a field is quoted when it holds a comma, a
//! quote, a line break or leading/trailing space, and a quote inside is
//! doubled; lines end in CRLF as the RFC has them.

use std::path::Path;

use super::rows;
use crate::Outcome;

/// One CSV field.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn line(fields: &[String]) -> String {
    let mut s = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(",");
    s.push_str("\r\n");
    s
}

pub fn discrepancies(o: &Outcome, root: &Path) -> String {
    let header: Vec<String> = rows::HEADER.iter().map(|h| h.to_string()).collect();
    let mut s = line(&header);
    for r in rows::rows(o, root, |_| true) {
        s.push_str(&line(&r));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_need_it() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"40\""), "\"say \"\"40\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(field(""), "");
    }
}
