//! Takes the run's outcome, hands on GitHub Actions workflow commands — one
//! `::error`, `::warning` or `::notice` per finding shown, at its first
//! source's figure — and the Markdown for `$GITHUB_STEP_SUMMARY`.
//! Rule that is not obvious: a message escapes `%`, CR and LF, a property
//! (file, title) also `:` and `,`, as the runner unescapes them; a new finding
//! that fails the run (`--fail-on`) is an error, other new ones warnings, and
//! updates and decided ones (with `--show-decided`) notices.

use std::path::Path;

use super::sources::{self, Index};
use crate::Outcome;
use crate::config::FailOn;
use crate::model::{Discrepancy, Severity};

/// A workflow command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The command a finding is written as.
fn level(d: &Discrepancy, fail_on: FailOn) -> &'static str {
    if d.status.decided() || d.severity == Severity::Update {
        "notice"
    } else if fail_on.fails(d.severity) {
        "error"
    } else {
        "warning"
    }
}

/// The workflow commands, then the totals as a plain line.
pub fn discrepancies(o: &Outcome, root: &Path, show_decided: bool, fail_on: FailOn) -> String {
    let index = Index::new(&o.claims, &o.documents);
    let mut s = String::new();
    for d in &o.discrepancies {
        if d.status.decided() && !show_decided {
            continue;
        }
        let srcs = sources::sources(d, &index);
        let Some(first) = srcs.first() else {
            continue;
        };
        let c = first.first;
        let end = c.column as usize + c.quote.chars().count();
        let file = crate::review::fingerprint::relative(first.path, root);
        let title = format!("crosscheck {}: {}", d.severity.as_str(), d.topic);
        let mut message = format!(
            "{} ({} confidence, {}, id {})",
            d.summary,
            d.confidence.as_str(),
            d.status.as_str(),
            d.id
        );
        for src in &srcs {
            message.push_str(&format!(
                "\n{}:{}: {}",
                crate::review::fingerprint::relative(src.path, root),
                src.first.line,
                src.says()
            ));
        }
        s.push_str(&format!(
            "::{} file={},line={},col={},endLine={},endColumn={end},title={}::{}\n",
            level(d, fail_on),
            escape_property(&file),
            c.line,
            c.column,
            c.line,
            escape_property(&title),
            escape_data(&message)
        ));
    }
    s.push_str(&super::totals(o, show_decided));
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_escaped_as_the_runner_reads_them() {
        assert_eq!(escape_data("50% up\nnext\r"), "50%25 up%0Anext%0D");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("a:b,c"), "a:b,c");
    }
}
