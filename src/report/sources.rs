//! Takes a discrepancy and the run's claims and documents, hands on what each
//! source says in it: one entry per document, its figures (parts added up,
//! repeats counted), where it first says them and the words around them.
//! Rule that is not obvious: a document is listed once per discrepancy — the
//! same figure said again in it is counted, not listed again — and a
//! statement of several parts is shown as their sum.

use rustc_hash::FxHashMap;

use crate::model::{Claim, Discrepancy, Document};

/// Claims and documents by id, built once per report.
pub struct Index<'a> {
    claims: FxHashMap<&'a str, &'a Claim>,
    paths: FxHashMap<&'a str, &'a str>,
}

impl<'a> Index<'a> {
    pub fn new(claims: &'a [Claim], documents: &'a [Document]) -> Index<'a> {
        Index {
            claims: claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            paths: documents
                .iter()
                .map(|d| (d.id.as_str(), d.path.as_str()))
                .collect(),
        }
    }

    pub fn claim(&self, id: &str) -> Option<&'a Claim> {
        self.claims.get(id).copied()
    }

    /// The path of a document, or its id when it is not known.
    pub fn path(&self, document: &'a str) -> &'a str {
        self.paths.get(document).copied().unwrap_or(document)
    }
}

/// What one document says in a discrepancy.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    pub document: &'a str,
    pub path: &'a str,
    /// The first claim of its first statement: where it says it.
    pub first: &'a Claim,
    /// Each figure it gives, in order, with how many times it gives it.
    pub figures: Vec<(String, usize)>,
}

impl Source<'_> {
    /// `path:line:col` of the first figure.
    pub fn location(&self) -> String {
        format!("{}:{}:{}", self.path, self.first.line, self.first.column)
    }

    /// Its figures as one phrase: `"two" (3 times)`, `"40"; "45"`.
    pub fn says(&self) -> String {
        self.figures
            .iter()
            .map(|(f, n)| {
                if *n > 1 {
                    format!("{f} ({n} times)")
                } else {
                    f.clone()
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// A statement's figure as a person reads it: the quote, or its parts and
/// their sum (`"187" + "118" = 305`).
pub fn figure(parts: &[&Claim]) -> String {
    let quoted: Vec<String> = parts.iter().map(|c| format!("\"{}\"", c.quote)).collect();
    if parts.len() < 2 {
        return quoted.concat();
    }
    let sum: Option<f64> = parts.iter().map(|c| c.value.stated.as_number()).sum();
    match sum {
        Some(s) => format!("{} = {}", quoted.join(" + "), number(s)),
        None => quoted.join(" + "),
    }
}

/// A number as written in a report: integers without a decimal point.
fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The sources of a discrepancy, one per document, in the order they come.
pub fn sources<'a>(d: &Discrepancy, index: &Index<'a>) -> Vec<Source<'a>> {
    let mut out: Vec<Source<'a>> = Vec::new();
    // before `statements` existed (records of older runs) each claim is one
    let single: Vec<Vec<String>>;
    let statements = if d.statements.is_empty() {
        single = d.claims.iter().map(|c| vec![c.clone()]).collect();
        &single
    } else {
        &d.statements
    };
    for st in statements {
        let parts: Vec<&Claim> = st.iter().filter_map(|id| index.claim(id)).collect();
        let Some(first) = parts.first().copied() else {
            continue;
        };
        let fig = figure(&parts);
        match out.iter_mut().find(|s| s.document == &*first.document) {
            Some(s) => match s.figures.iter_mut().find(|(f, _)| same(f, &fig)) {
                Some((_, n)) => *n += 1,
                None => s.figures.push((fig, 1)),
            },
            None => out.push(Source {
                document: &first.document,
                path: index.path(&first.document),
                first,
                figures: vec![(fig, 1)],
            }),
        }
    }
    out
}

/// Two figures are one when they read the same, whatever their case ("Two", "two").
fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// The summary of a discrepancy, naming files: `"at least 312" (a.md) vs "240" (b.txt)`.
pub fn summary(d: &Discrepancy, index: &Index) -> String {
    sources(d, index)
        .iter()
        .map(|s| format!("{} ({})", s.says(), s.path))
        .collect::<Vec<_>>()
        .join(" vs ")
}

/// The words of `sentence` around `quote`: `words` words on each side, with
/// `…` where the sentence goes on; the whole sentence when it is short.
pub fn excerpt(c: &Claim, words: usize) -> String {
    let sentence = c.sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let quote = c.quote.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(at) = sentence.find(&quote) else {
        return shorten(&sentence, 2 * words + 1);
    };
    let before: Vec<&str> = sentence[..at].split_whitespace().collect();
    let after: Vec<&str> = sentence[at + quote.len()..].split_whitespace().collect();
    let glued_before = !sentence[..at].ends_with(' ') && !before.is_empty();
    let glued_after = !sentence[at + quote.len()..].starts_with(' ') && !after.is_empty();
    let b0 = before
        .len()
        .saturating_sub(words + usize::from(glued_before));
    let a1 = after.len().min(words + usize::from(glued_after));
    let mut s = String::new();
    if b0 > 0 {
        s.push_str("… ");
    }
    s.push_str(&before[b0..].join(" "));
    if !glued_before && b0 < before.len() {
        s.push(' ');
    }
    s.push_str(&quote);
    if !glued_after && a1 > 0 {
        s.push(' ');
    }
    s.push_str(&after[..a1].join(" "));
    if a1 < after.len() {
        s.push_str(" …");
    }
    s
}

fn shorten(sentence: &str, words: usize) -> String {
    let w: Vec<&str> = sentence.split_whitespace().collect();
    if w.len() <= words {
        return sentence.to_string();
    }
    format!("{} …", w[..words].join(" "))
}

/// The measure and event a discrepancy's claims were grouped under: the
/// reason shown under its row until claims carry one of their own.
pub fn grouped_under(d: &Discrepancy, index: &Index) -> String {
    let claims: Vec<&Claim> = d.claims.iter().filter_map(|id| index.claim(id)).collect();
    let most = |f: &dyn Fn(&Claim) -> Option<&str>| -> Option<String> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for c in &claims {
            if let Some(v) = f(c) {
                match counts.iter_mut().find(|(x, _)| *x == v) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((v, 1)),
                }
            }
        }
        counts
            .iter()
            .max_by_key(|(_, n)| *n)
            .map(|(v, _)| (*v).to_string())
    };
    let measure = most(&|c| c.measure.as_ref().map(crate::key::MeasureKey::as_str));
    let event = most(&|c| c.event.map(crate::event::EventClass::as_str));
    let mut why = format!(
        "grouped by measure \"{}\"",
        measure.unwrap_or_else(|| "?".into())
    );
    match event {
        Some(e) => why.push_str(&format!(", event \"{e}\"")),
        None => why.push_str(", no event named"),
    }
    why
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(quote: &str, sentence: &str) -> Claim {
        let doc = crate::ingest::parse_document(
            "x.txt".into(),
            crate::model::Format::Text,
            sentence.into(),
            &crate::ingest::IngestOptions::default(),
        );
        let segments = crate::segment::segment(&doc);
        let (claims, _) = crate::extract::extract_and_profile(&doc, &segments);
        claims
            .into_iter()
            .find(|c| &*c.quote == quote)
            .expect("the quote is a claim")
    }

    #[test]
    fn excerpts_keep_words_around_the_figure() {
        let c = claim(
            "at least 40",
            "Officials in the river town said on Monday that at least 40 people had died in the flood overnight.",
        );
        assert_eq!(
            excerpt(&c, 3),
            "… on Monday that at least 40 people had died …"
        );
        assert!(excerpt(&c, 50).starts_with("Officials"));
        assert_eq!(excerpt(&c, 0), "… at least 40 …");
    }

    #[test]
    fn parts_are_summed() {
        let a = claim("60", "Rescuers found 60 on one side and 40 on the other.");
        let b = claim("40", "Rescuers found 60 on one side and 40 on the other.");
        assert_eq!(figure(&[&a, &b]), "\"60\" + \"40\" = 100");
        assert_eq!(figure(&[&a]), "\"60\"");
    }
}
