//! Takes the run's outcome, hands on a comfy-table for a terminal: for each
//! discrepancy its label, severity and why its claims were grouped, then one
//! row per source — where it says it, what it says and the words around it.
//! Rule that is not obvious: a `path:line:col` is never split — its column is
//! at least as wide as the longest one, the other columns give way — and the
//! table is as wide as `Style::width` (the terminal, `COLUMNS`, or 120).

use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width, presets};

use super::Style;
use super::sources::{self, Index};
use crate::Outcome;
use crate::model::{Claim, Severity};

/// The widest the finding column (label, severity, reason) grows.
const FINDING_WIDTH: u16 = 36;

fn new_table(header: &[&str], style: &Style) -> Table {
    let mut t = Table::new();
    t.load_style(if style.ascii {
        presets::ASCII_FULL_CONDENSED
    } else {
        presets::UTF8_FULL_CONDENSED
    })
    .force_no_tty()
    .set_content_arrangement(ContentArrangement::Dynamic)
    .set_width(style.width)
    .set_truncation_indicator(if style.ascii { "..." } else { "…" })
    .set_header(header.to_vec());
    if style.color {
        t.enforce_styling();
    }
    t
}

/// A path as a shell would need it: quoted when it holds a space or a quote.
pub fn quote_path(path: &str) -> String {
    if path.contains([' ', '\'', '"', '\t']) {
        format!("'{}'", path.replace('\'', r"'\''"))
    } else {
        path.to_string()
    }
}

/// `path:line:col`, the path quoted when it needs it.
pub fn place(path: &str, c: &Claim) -> String {
    format!("{}:{}:{}", quote_path(path), c.line, c.column)
}

/// A cell whose text is never broken at its spaces or hyphens.
fn whole(text: String) -> Cell {
    Cell::new(text).set_delimiter('\u{0}')
}

/// Keep column `i` exactly as wide as its widest unbreakable text (a lower
/// boundary that the arrangement has to apply fixes the column at it).
fn keep_whole(t: &mut Table, i: usize, widest: usize) {
    // the width counts the cell's padding of one space on each side
    let w = u16::try_from(widest + 2).unwrap_or(u16::MAX);
    if let Some(col) = t.column_mut(i) {
        col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
    }
}

/// The id as the table shows it: a fingerprint's first 8 digits (enough to
/// tell findings apart; `review --accept` takes any unique start).
pub fn short_id(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}

/// What the finding column says of a decision, if anything.
fn decision_line(d: &crate::model::Discrepancy) -> Option<String> {
    let x = d.decision.as_ref();
    let by = |x: &crate::model::Decided| {
        let mut s = format!(
            "{} by {} on {}",
            x.status.as_str(),
            x.by,
            x.at.get(..10).unwrap_or(&x.at)
        );
        if let Some(n) = &x.note {
            s.push_str(&format!(": {n}"));
        }
        s
    };
    match (d.status, x) {
        (crate::model::Status::New, Some(x)) => Some(format!("new: {} on older figures", by(x))),
        (crate::model::Status::New, None) => None,
        (crate::model::Status::Baselined, _) => Some("baselined".into()),
        (_, Some(x)) => Some(by(x)),
        (st, None) => Some(st.as_str().to_string()),
    }
}

pub fn discrepancies(o: &Outcome, style: &Style, show_decided: bool) -> String {
    let mut s = String::new();
    let shown: Vec<&crate::model::Discrepancy> = o
        .discrepancies
        .iter()
        .filter(|d| show_decided || !d.status.decided())
        .collect();
    if !shown.is_empty() {
        let index = Index::new(&o.claims, &o.documents);
        let mut t = new_table(&["id", "finding", "where and what each source says"], style);
        let mut widest = 0;
        for d in shown.iter().copied() {
            let why = format!("why: {}", d.why.line);
            for (k, src) in sources::sources(d, &index).into_iter().enumerate() {
                let at = place(src.path, src.first);
                widest = widest.max(at.chars().count());
                // the figure follows on the location's line when it fits:
                // lines break greedily at spaces, and the location alone fits
                let mut says = format!("{at} {}", src.says());
                if style.context > 0 {
                    says.push('\n');
                    says.push_str(&sources::excerpt(src.first, style.context));
                }
                let (id, finding) = if k == 0 {
                    let word = severity_word(d.severity);
                    let word = if style.color {
                        paint(word, d.severity)
                    } else {
                        word.to_string()
                    };
                    let sure = format!("{} confidence", d.confidence.as_str());
                    let mut finding = format!("{}\n{word}, {sure}\n{why}", d.topic);
                    if let Some(line) = decision_line(d) {
                        finding.push('\n');
                        finding.push_str(&line);
                    }
                    (short_id(&d.id), finding)
                } else {
                    ("", String::new())
                };
                if style.ascii {
                    says = says.replace('…', "...");
                }
                t.add_row(vec![Cell::new(id), Cell::new(finding), Cell::new(says)]);
            }
        }
        // the sources need the room more than the label and its reason
        if let Some(col) = t.column_mut(1) {
            col.set_constraint(ColumnConstraint::UpperBoundary(Width::Fixed(FINDING_WIDTH)));
        }
        // four borders, and the id column with its padding
        let ids = shown
            .iter()
            .map(|d| short_id(&d.id).len())
            .max()
            .unwrap_or(2);
        let left = usize::from(style.width).saturating_sub(4 + ids.max(2) + 2);
        if left < usize::from(FINDING_WIDTH) + widest + 2 {
            // too narrow for both: the locations keep their width, the label gives way
            keep_whole(&mut t, 2, widest);
        }
        s.push_str(&t.to_string());
        s.push('\n');
    }
    s.push_str(&super::totals(o, show_decided));
    s.push('\n');
    s
}

fn severity_word(s: Severity) -> &'static str {
    s.as_str()
}

/// A severity word in its colour (ANSI bold red, bold yellow).
fn paint(word: &str, s: Severity) -> String {
    let code = match s {
        Severity::Contradiction => "31",
        Severity::Divergence => "33",
        Severity::Update => "36",
    };
    format!("\u{1b}[1;{code}m{word}\u{1b}[0m")
}

/// Each document with its publication date and where that date came from.
fn documents(o: &Outcome, style: &Style) -> String {
    let mut t = new_table(
        &["document", "path", "published", "date from", "outlet"],
        style,
    );
    let mut widest = "path".len();
    for d in &o.documents {
        let path = quote_path(&d.path);
        widest = widest.max(path.chars().count());
        t.add_row(vec![
            Cell::new(&d.id),
            whole(path),
            Cell::new(d.published.map(|p| p.to_string()).unwrap_or_default()),
            Cell::new(
                serde_json::to_value(d.published_from)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
            ),
            Cell::new(d.outlet.clone().unwrap_or_default()),
        ]);
    }
    keep_whole(&mut t, 1, widest);
    let mut s = t.to_string();
    s.push('\n');
    s
}

pub fn claims(o: &Outcome, style: &Style) -> String {
    let index = Index::new(&o.claims, &o.documents);
    let mut t = new_table(&["id", "kind", "quote", "topic", "where"], style);
    let mut widest = "where".len();
    for c in &o.claims {
        let at = place(index.path(&c.document), c);
        widest = widest.max(at.chars().count());
        t.add_row(vec![
            Cell::new(&c.id),
            Cell::new(format!("{:?}", c.kind).to_lowercase()),
            Cell::new(&c.quote),
            Cell::new(&c.topic),
            whole(at),
        ]);
    }
    keep_whole(&mut t, 4, widest);
    let mut s = documents(o, style);
    s.push_str(&t.to_string());
    s.push('\n');
    s.push_str(&o.totals_line());
    s.push('\n');
    s
}
