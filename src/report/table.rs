//! Takes the run's outcome, hands on a comfy-table for a terminal: one row per
//! discrepancy, each source's figure as written with file:line.
//! Rule that is not obvious: the table is as wide as the terminal, or 120
//! columns when output is not a terminal, so piped output is stable.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::Outcome;
use crate::model::Claim;

fn new_table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(120)
        .set_header(header.to_vec());
    t
}

fn place(o: &Outcome, c: &Claim) -> String {
    let path = o
        .documents
        .iter()
        .find(|d| d.id == c.document)
        .map_or(c.document.as_str(), |d| d.path.as_str());
    format!("{path}:{}:{}", c.line, c.column)
}

pub fn discrepancies(o: &Outcome) -> String {
    let mut s = String::new();
    if !o.discrepancies.is_empty() {
        let mut t = new_table(&["id", "topic", "severity", "sources"]);
        for d in &o.discrepancies {
            let sources = d
                .claims
                .iter()
                .filter_map(|id| o.claim(id))
                .map(|c| format!("\"{}\"  {}", c.quote, place(o, c)))
                .collect::<Vec<_>>()
                .join("\n");
            t.add_row(vec![
                d.id.clone(),
                d.topic.clone(),
                format!(
                    "{}\n({} confidence)",
                    format!("{:?}", d.severity).to_lowercase(),
                    d.confidence.as_str()
                ),
                format!("{sources}\nwhy: {}", d.why.line),
            ]);
        }
        s.push_str(&t.to_string());
        s.push('\n');
    }
    s.push_str(&o.totals_line());
    s.push('\n');
    s
}

/// Each document with its publication date and where that date came from.
fn documents(o: &Outcome) -> String {
    let mut t = new_table(&["document", "path", "published", "date from", "outlet"]);
    for d in &o.documents {
        t.add_row(vec![
            d.id.clone(),
            d.path.clone(),
            d.published.map(|p| p.to_string()).unwrap_or_default(),
            serde_json::to_value(d.published_from)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            d.outlet.clone().unwrap_or_default(),
        ]);
    }
    let mut s = t.to_string();
    s.push('\n');
    s
}

pub fn claims(o: &Outcome) -> String {
    let mut t = new_table(&["id", "kind", "quote", "measure", "topic", "where"]);
    for c in &o.claims {
        t.add_row(vec![
            c.id.clone(),
            format!("{:?}", c.kind).to_lowercase(),
            c.quote.clone(),
            c.measure.clone().unwrap_or_default(),
            c.topic.clone(),
            place(o, c),
        ]);
    }
    let mut s = documents(o);
    s.push_str(&t.to_string());
    s.push('\n');
    s.push_str(&o.totals_line());
    s.push('\n');
    s
}
