//! Takes the run's outcome, hands on one line per finding for terminals and
//! editors: `path:line:col: severity: label: "figure" vs path:line:col "figure"`.
//! Rule that is not obvious: the line starts at the first source's figure, so
//! an editor's jump-to-error opens it; the other sources follow with theirs.

use super::sources::{self, Index};
use super::table::place;
use crate::Outcome;

/// One line per discrepancy (decided ones only with `show_decided`).
pub fn discrepancies(o: &Outcome, show_decided: bool) -> String {
    let index = Index::new(&o.claims, &o.documents);
    let mut s = String::new();
    for d in o
        .discrepancies
        .iter()
        .filter(|d| show_decided || !d.status.decided())
    {
        let srcs = sources::sources(d, &index);
        let Some((first, rest)) = srcs.split_first() else {
            continue;
        };
        let severity = if d.status.decided() {
            format!("{} ({})", d.severity.as_str(), d.status.as_str())
        } else {
            d.severity.as_str().to_string()
        };
        s.push_str(&format!(
            "{}: {severity}: {}: {}",
            place(first.path, first.first),
            d.topic,
            first.says()
        ));
        for src in rest {
            s.push_str(&format!(
                " vs {} {}",
                place(src.path, src.first),
                src.says()
            ));
        }
        s.push('\n');
    }
    s
}

/// One line per claim: `path:line:col: kind: topic: "quote"`.
pub fn claims(o: &Outcome) -> String {
    let index = Index::new(&o.claims, &o.documents);
    let mut s = String::new();
    for c in &o.claims {
        let kind = format!("{:?}", c.kind).to_lowercase();
        let topic = if c.topic.is_empty() {
            String::new()
        } else {
            format!(" {}:", c.topic)
        };
        s.push_str(&format!(
            "{}: {kind}:{topic} \"{}\"\n",
            place(index.path(&c.document), c),
            c.quote
        ));
    }
    s
}
