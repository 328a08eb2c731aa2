//! Takes the run's outcome, hands on a Markdown section for a pull-request
//! comment or a CI step summary: a heading with the counts, then a table with
//! one row per claim of each finding shown.
//! Rule that is not obvious: decided findings (baselined, accepted,
//! dismissed) are left out unless `--show-decided`, as in the table; a cell's
//! `|`, backticks and line breaks are escaped so no row breaks the table.

use std::path::Path;

use super::rows;
use crate::Outcome;

/// Text safe inside a Markdown table cell.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '`' => out.push_str("\\`"),
            '*' | '_' | '<' | '>' | '[' | ']' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub fn discrepancies(o: &Outcome, root: &Path, show_decided: bool) -> String {
    let shown = |d: &crate::model::Discrepancy| show_decided || !d.status.decided();
    let count = o.discrepancies.iter().filter(|d| shown(d)).count();
    let new = o
        .discrepancies
        .iter()
        .filter(|d| !d.status.decided())
        .count();
    let mut s = format!(
        "### crosscheck: {}\n\n",
        crate::plural(new, "new finding", "new findings")
    );
    if count > 0 {
        s.push_str("| ");
        s.push_str(&rows::HEADER.join(" | "));
        s.push_str(" |\n|");
        s.push_str(&"---|".repeat(rows::HEADER.len()));
        s.push('\n');
        for r in rows::rows(o, root, shown) {
            let cells: Vec<String> = r
                .iter()
                .enumerate()
                .map(|(i, c)| match i {
                    // the id as the table shows it, whole in a code span
                    0 => format!("`{c}`"),
                    _ => cell(c),
                })
                .collect();
            s.push_str("| ");
            s.push_str(&cells.join(" | "));
            s.push_str(" |\n");
        }
        s.push('\n');
    }
    s.push_str(&super::totals(o, show_decided));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(cell("two\nlines"), "two lines");
        assert_eq!(cell("`x`"), "\\`x\\`");
        assert_eq!(cell("<b>"), "\\<b\\>");
    }
}
