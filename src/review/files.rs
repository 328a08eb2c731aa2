//! Takes the text of a baseline (`crosscheck-baseline.json`) or review file
//! (`crosscheck-review.toml`), hands on its entries; and writes them back,
//! sorted, one finding per entry, atomically.
//! Rule that is not obvious: a file that does not read is an error naming the
//! file, line, column and reason — never an empty baseline — and an entry's
//! hand-written `note` is kept whenever the same finding is written again.

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};
use serde::{Deserialize, Serialize};

use super::fingerprint::KEY_VERSION;
use crate::model::{Severity, Status};

/// What the baseline file says of its own shape; raised when the file's
/// fields change (the fingerprints' version is `fingerprint`).
pub const BASELINE_FORMAT: u32 = 1;

/// One source of a finding as a reviewer reads it: its path and its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSays {
    pub path: String,
    pub says: String,
}

/// One finding of the baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub id: String,
    pub topic: String,
    pub severity: Severity,
    pub sources: Vec<SourceSays>,
    /// Written by hand; kept when `crosscheck baseline` rewrites the entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `crosscheck-baseline.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub crosscheck_baseline: u32,
    /// The fingerprints' key version (`crosscheck/v1`).
    pub fingerprint: String,
    pub findings: Vec<BaselineEntry>,
}

/// What an editor decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Accepted,
    Dismissed,
}

impl From<Verdict> for Status {
    fn from(v: Verdict) -> Status {
        match v {
            Verdict::Accepted => Status::Accepted,
            Verdict::Dismissed => Status::Dismissed,
        }
    }
}

/// One decision of the review file: the finding, who, when, why, and the
/// figures it was taken on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub id: String,
    pub status: Verdict,
    pub topic: String,
    pub by: String,
    /// RFC 3339.
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The figures of each source when it was decided.
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceSays>,
}

/// `crosscheck-review.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewFile {
    #[serde(default, rename = "decision")]
    pub decisions: Vec<Decision>,
}

/// 1-based line and column of byte `at` of `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = crate::model::floor_char_boundary(text, at);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}

/// A TOML error as `FILE:LINE:COL: reason`.
pub fn toml_error(path: &Path, text: &str, e: &toml::de::Error) -> anyhow::Error {
    let (line, col) = e.span().map_or((1, 1), |s| line_col(text, s.start));
    anyhow!(
        "{}:{line}:{col}: {}",
        path.display(),
        e.message().trim_end()
    )
}

/// The line of the first `needle` in `text` (1 when there is none).
fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle).map_or(1, |at| line_col(text, at).0)
}

/// Read a baseline file; any fault is an error naming the file and line.
pub fn read_baseline(path: &Path) -> anyhow::Result<Baseline> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the baseline {}", path.display()))?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| {
        anyhow!(
            "{}:{}:{}: not a crosscheck baseline: {e}",
            path.display(),
            e.line().max(1),
            e.column().max(1)
        )
    })?;
    if b.crosscheck_baseline != BASELINE_FORMAT {
        return Err(anyhow!(
            "{}:{}:1: baseline format {} is not the {BASELINE_FORMAT} this crosscheck reads",
            path.display(),
            line_of(&text, "\"crosscheck_baseline\""),
            b.crosscheck_baseline
        ));
    }
    if b.fingerprint != KEY_VERSION {
        return Err(anyhow!(
            "{}:{}:1: its fingerprints are {:?}, this crosscheck makes {KEY_VERSION:?}: \
             write the baseline again (`crosscheck baseline`, see docs/ci.md)",
            path.display(),
            line_of(&text, "\"fingerprint\""),
            b.fingerprint
        ));
    }
    if let Some(e) = b.findings.iter().find(|e| !is_id(&e.id)) {
        return Err(anyhow!(
            "{}:{}:1: {:?} is no finding id (16 hex digits)",
            path.display(),
            line_of(&text, &e.id),
            e.id
        ));
    }
    Ok(b)
}

/// Is `s` a fingerprint: 16 lower-case hex digits?
pub fn is_id(s: &str) -> bool {
    s.len() == 16
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A baseline as written: entries sorted by topic, then id; pretty JSON.
pub fn baseline_text(mut entries: Vec<BaselineEntry>) -> String {
    entries.sort_by(|a, b| (&a.topic, &a.id).cmp(&(&b.topic, &b.id)));
    entries.dedup_by(|a, b| a.id == b.id);
    let b = Baseline {
        crosscheck_baseline: BASELINE_FORMAT,
        fingerprint: KEY_VERSION.to_string(),
        findings: entries,
    };
    let mut s = serde_json::to_string_pretty(&b).unwrap_or_default();
    s.push('\n');
    s
}

/// Read a review file; a missing file is an empty one, any other fault an
/// error naming the file and line.
pub fn read_review(path: &Path) -> anyhow::Result<ReviewFile> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ReviewFile::default()),
        Err(e) => {
            return Err(e).with_context(|| format!("reading the review file {}", path.display()));
        }
    };
    let r: ReviewFile = toml::from_str(&text).map_err(|e| toml_error(path, &text, &e))?;
    if let Some(d) = r.decisions.iter().find(|d| !is_id(&d.id)) {
        return Err(anyhow!(
            "{}:{}:1: {:?} is no finding id (16 hex digits)",
            path.display(),
            line_of(&text, &d.id),
            d.id
        ));
    }
    Ok(r)
}

/// The review file as written: a header, then decisions sorted by topic and id.
pub fn review_text(mut r: ReviewFile) -> String {
    r.decisions
        .sort_by(|a, b| (&a.topic, &a.id).cmp(&(&b.topic, &b.id)));
    let body = toml::to_string(&r).unwrap_or_default();
    format!(
        "# crosscheck review decisions (`crosscheck review`): commit this file.\n\
         # A decision holds for its finding's id; when the figures change, the id\n\
         # changes and the finding is new again (docs/ci.md).\n\n{body}"
    )
}

/// Where a file named `name` goes by default: beside the config file, else
/// in the current directory.
pub fn default_path(config_dir: Option<&Path>, name: &str) -> PathBuf {
    match config_dir {
        Some(d) => d.join(name),
        None => PathBuf::from(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_file_round_trips_and_a_bad_one_names_its_line() {
        let r = ReviewFile {
            decisions: vec![Decision {
                id: "0123456789abcdef".into(),
                status: Verdict::Dismissed,
                topic: "deaths in quake".into(),
                by: "Ann".into(),
                at: "2025-01-02T03:04:05Z".into(),
                note: Some("two different \"quakes\"".into()),
                sources: vec![SourceSays {
                    path: "a.txt".into(),
                    says: "\"12\"".into(),
                }],
            }],
        };
        let text = review_text(r.clone());
        let back: ReviewFile = toml::from_str(&text).expect("reads back");
        assert_eq!(back, r);
        let bad = text.replace("status = \"dismissed\"", "status = \"maybe\"");
        let e = toml::from_str::<ReviewFile>(&bad).expect_err("refused");
        let msg = format!("{}", toml_error(Path::new("r.toml"), &bad, &e));
        let line = bad.lines().position(|l| l.contains("maybe")).unwrap_or(0) + 1;
        assert!(msg.starts_with(&format!("r.toml:{line}:")), "{msg}");
    }
}
