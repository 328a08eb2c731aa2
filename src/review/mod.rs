//! Takes a run's findings with the baseline and the review file, hands on each
//! finding's fingerprint `id` and `status` (new, baselined, accepted,
//! dismissed), the baseline entries no finding matched (stale), and the
//! entries to write back.
//! Rule that is not obvious: a decision binds to its finding's id, and the id
//! holds the figures, so a decision taken on figures that have since changed
//! never silences the changed finding: it stays `new`, carrying the older
//! decision (`older_figures`) so a reviewer sees what was decided before.

pub mod files;
pub mod fingerprint;
pub mod walk;

use std::path::{Path, PathBuf};

use crate::Outcome;
use crate::model::{Decided, Discrepancy, Status};
use crate::report::sources::{self, Index};
use files::{Baseline, BaselineEntry, Decision, ReviewFile, SourceSays};

/// The baseline and review file a run reads.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// `--baseline` or the config's `baseline`, when given, with its entries.
    pub baseline: Option<(PathBuf, Baseline)>,
    /// The review file's path (read when it exists, written by `review`).
    pub review_path: PathBuf,
    pub review: ReviewFile,
}

impl Ledger {
    /// Read the files; a malformed one is an error naming file and line.
    pub fn load(baseline: Option<&Path>, review: &Path) -> anyhow::Result<Ledger> {
        let baseline = match baseline {
            Some(p) => Some((p.to_path_buf(), files::read_baseline(p)?)),
            None => None,
        };
        Ok(Ledger {
            baseline,
            review_path: review.to_path_buf(),
            review: files::read_review(review)?,
        })
    }
}

/// A finding as the files record it: id, topic, and what each source says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub id: String,
    pub topic: String,
    pub sources: Vec<SourceSays>,
}

/// What marking a run found besides the statuses.
#[derive(Debug, Clone, Default)]
pub struct Marked {
    /// For each discrepancy, in order: its record.
    pub records: Vec<Recorded>,
    /// Baseline entries that match no finding of this run.
    pub stale: Vec<BaselineEntry>,
}

/// What each source of `d` says, by its path relative to `root`.
pub fn says(d: &Discrepancy, index: &Index, root: &Path) -> Vec<SourceSays> {
    let mut v: Vec<SourceSays> = sources::sources(d, index)
        .iter()
        .map(|s| SourceSays {
            path: fingerprint::relative(s.path, root),
            says: s.says(),
        })
        .collect();
    v.sort_by(|a, b| a.path.cmp(&b.path));
    v
}

/// Give every finding its fingerprint and status.
pub fn mark(outcome: &mut Outcome, ledger: &Ledger, root: &Path) -> Marked {
    let index = Index::new(&outcome.claims, &outcome.documents);
    let records: Vec<Recorded> = outcome
        .discrepancies
        .iter()
        .map(|d| {
            let s = fingerprint::subject(d, &index, root);
            Recorded {
                id: s.id,
                topic: s.topic,
                sources: says(d, &index, root),
            }
        })
        .collect();
    let baselined = |id: &str| {
        ledger
            .baseline
            .as_ref()
            .is_some_and(|(_, b)| b.findings.iter().any(|e| e.id == id))
    };
    for (d, r) in outcome.discrepancies.iter_mut().zip(&records) {
        d.id.clone_from(&r.id);
        let exact = ledger.review.decisions.iter().find(|x| x.id == r.id);
        (d.status, d.decision) = match exact {
            Some(x) => (x.status.into(), Some(decided(x, false))),
            None if baselined(&r.id) => (Status::Baselined, None),
            None => (
                Status::New,
                older_decision(&ledger.review, r).map(|x| decided(x, true)),
            ),
        };
    }
    let stale = match &ledger.baseline {
        Some((_, b)) => b
            .findings
            .iter()
            .filter(|e| !records.iter().any(|r| r.id == e.id))
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    Marked { records, stale }
}

fn decided(x: &Decision, older_figures: bool) -> Decided {
    Decided {
        status: x.status.into(),
        by: x.by.clone(),
        at: x.at.clone(),
        note: x.note.clone(),
        older_figures,
    }
}

/// A decision taken on this finding before its figures changed: same topic,
/// and a source in common.
pub fn older_decision<'a>(review: &'a ReviewFile, r: &Recorded) -> Option<&'a Decision> {
    review.decisions.iter().find(|x| {
        x.id != r.id
            && x.topic == r.topic
            && x.sources
                .iter()
                .any(|s| r.sources.iter().any(|t| t.path == s.path))
    })
}

/// The baseline entries for this run's findings, keeping the notes written
/// by hand on entries of `old` with the same id.
pub fn baseline_entries(
    outcome: &Outcome,
    marked: &Marked,
    old: Option<&Baseline>,
) -> Vec<BaselineEntry> {
    outcome
        .discrepancies
        .iter()
        .zip(&marked.records)
        .map(|(d, r)| BaselineEntry {
            id: r.id.clone(),
            topic: r.topic.clone(),
            severity: d.severity,
            sources: r.sources.clone(),
            note: old.and_then(|b| {
                b.findings
                    .iter()
                    .find(|e| e.id == r.id)
                    .and_then(|e| e.note.clone())
            }),
        })
        .collect()
}

/// Find the finding an id names: the whole id, or a prefix only one has (as
/// the table shows the first 8 digits).
pub fn find(records: &[Recorded], id: &str) -> anyhow::Result<usize> {
    let id = id.trim().to_ascii_lowercase();
    if let Some(i) = records.iter().position(|r| r.id == id) {
        return Ok(i);
    }
    let hits: Vec<usize> = (0..records.len())
        .filter(|&i| !id.is_empty() && records[i].id.starts_with(&id))
        .collect();
    match hits.as_slice() {
        [i] => Ok(*i),
        [] => anyhow::bail!("no finding of this run has the id {id:?}"),
        _ => anyhow::bail!(
            "the id {id:?} is the start of {} findings' ids: give more of it",
            hits.len()
        ),
    }
}

/// Record a decision on `record` in `review`, replacing any earlier one on it
/// or on older figures of it.
pub fn decide(
    review: &mut ReviewFile,
    record: &Recorded,
    status: files::Verdict,
    by: &str,
    note: Option<String>,
) {
    let older: Option<String> = older_decision(review, record).map(|x| x.id.clone());
    review
        .decisions
        .retain(|x| x.id != record.id && Some(&x.id) != older.as_ref());
    review.decisions.push(Decision {
        id: record.id.clone(),
        status,
        topic: record.topic.clone(),
        by: by.to_string(),
        at: chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        note: note.filter(|n| !n.trim().is_empty()),
        sources: record.sources.clone(),
    });
}

/// Who decides: `--by`, else git's `user.name`, else `$USER`.
pub fn who(by: Option<&str>) -> String {
    if let Some(b) = by.filter(|b| !b.trim().is_empty()) {
        return b.trim().to_string();
    }
    let git = std::process::Command::new("git")
        .args(["config", "user.name"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    git.or_else(|| std::env::var("USER").ok().filter(|u| !u.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}
