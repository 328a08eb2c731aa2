//! Takes the record files of `crosscheck extract` for a whole run (`partition`),
//! hands on the partition table: each document's position in the run, its story
//! and its partition, and the run-wide facts a partition's reduce (`check --claims
//! PART --table`) reads in place of its own; and takes the partitions' JSON
//! reports (`merge`), handing on the whole run's report.
//! Rule that is not obvious: a partition holds whole stories, since claims are
//! only ever compared inside one; everything the reduce would read of "the
//! whole run" (boilerplate, stories, which names are common, spellings, the
//! document count) comes from the table, so a partition's findings are the
//! whole run's findings for its stories, and the merge only interleaves.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::ingest::Problem;
use crate::model::{Claim, Document, Interval, Profile, Severity, Status};
use crate::report::records::{self, Record};

/// The version of the table's contract: raised whenever a field changes meaning.
pub const TABLE_VERSION: u32 = 1;

/// What `crosscheck partition` writes (one line of JSON).
#[derive(Debug, Serialize, Deserialize)]
pub struct Table {
    pub version: u32,
    /// Partitions asked for; some may be empty when there are fewer stories.
    pub parts: usize,
    /// Documents in each partition.
    pub sizes: Vec<usize>,
    /// Stories in the run.
    pub stories: usize,
    /// The run grouped one story per folder (`--story-per-folder`).
    pub story_per_folder: bool,
    /// Hashes of the run's boilerplate sentences (`cluster::boilerplate`), sorted.
    pub boilerplate: Vec<u64>,
    /// Names in more of the run's documents than `evidence::specific_docs`, sorted.
    pub common_names: Vec<String>,
    /// Names the run's documents mostly spell otherwise, with that spelling, sorted.
    pub spelled: Vec<(String, String)>,
    /// Inputs the map step skipped, in path order: the merged report lists them.
    pub problems: Vec<Problem>,
    /// Per document, in the run's order (its position is its number, `d1` …):
    /// its path, its story, its partition.
    pub rows: Vec<(String, usize, usize)>,
}

/// What a partition's reduce takes of the whole run instead of computing it
/// over its own documents.
#[derive(Debug, Default)]
pub struct Whole {
    pub boilerplate: FxHashSet<u64>,
    /// The story of each of the reduce's profiles, in their order.
    pub story: Vec<usize>,
    /// Documents in the whole run.
    pub documents: usize,
    pub common: FxHashSet<String>,
    pub spelled: Vec<(String, String)>,
}

/// Does a claim tell the story grouping anything: an event class, a telling
/// figure, a date? The others are dropped by the statistics pass.
fn matters(c: &Claim) -> bool {
    c.event.is_some()
        || c.telling_number().is_some()
        || c.measure.as_ref().is_some_and(|m| m.is_date())
        || (c.measure.is_some() && matches!(c.value.interval, Interval::Date { .. }))
}

/// The claims that matter to story grouping, without their text.
fn slim(claims: Vec<Claim>) -> Vec<Claim> {
    claims
        .into_iter()
        .filter(matters)
        .map(|mut c| {
            c.sentence = Box::default();
            c.quote = Box::default();
            c.entities = std::sync::Arc::from(Vec::<String>::new());
            c
        })
        .collect()
}

/// The statistics pass: stream the records, keep each document's profile and
/// the claims that matter to its story, group the stories as a whole run
/// does, and share whole stories out over `parts` partitions, largest first,
/// each to the partition with the fewest documents so far.
pub fn build(paths: &[PathBuf], parts: usize, story_per_folder: bool) -> anyhow::Result<Table> {
    let mut kept: Vec<(String, Profile, Vec<Claim>)> = Vec::new();
    let mut names = crate::model::Names::default();
    let mut problems = records::visit(paths, |mut r: Record| {
        names.intern(&mut r.profile);
        kept.push((r.document.path, r.profile, slim(r.claims)));
    })?;
    // the order and numbering `records::read` gives
    kept.sort_by(|a, b| records::order_key(&a.0).cmp(&records::order_key(&b.0)));
    kept.dedup_by(|a, b| a.0 == b.0);
    problems.sort_by(|a, b| records::order_key(&a.path).cmp(&records::order_key(&b.path)));
    problems.dedup();
    let mut paths_in_order = Vec::with_capacity(kept.len());
    let mut profiles = Vec::with_capacity(kept.len());
    let mut claims = Vec::new();
    for (i, (path, mut profile, mut cs)) in kept.into_iter().enumerate() {
        let id = crate::ingest::document_id(i);
        let shared: std::sync::Arc<str> = id.as_str().into();
        for c in &mut cs {
            c.document = shared.clone();
        }
        profile.document = id;
        if story_per_folder {
            profile.folder = Some(crate::folder_of(&path));
        }
        paths_in_order.push(path);
        profiles.push(profile);
        claims.extend(cs);
    }
    let (story, boiler) = crate::cluster::final_stories(&claims, &profiles);
    drop(claims);
    let (common_names, spelled) = crate::evidence::run_facts(&profiles);
    let stories = story.iter().max().map_or(0, |m| m + 1);
    let mut size = vec![0usize; stories];
    for &s in &story {
        size[s] += 1;
    }
    let mut order: Vec<usize> = (0..stories).collect();
    order.sort_by_key(|&s| (std::cmp::Reverse(size[s]), s));
    let parts = parts.max(1);
    let mut sizes = vec![0usize; parts];
    let mut part_of = vec![0usize; stories];
    for s in order {
        let p = (0..parts).min_by_key(|&p| (sizes[p], p)).unwrap_or(0);
        part_of[s] = p;
        sizes[p] += size[s];
    }
    let mut boilerplate: Vec<u64> = boiler.into_iter().collect();
    boilerplate.sort_unstable();
    Ok(Table {
        version: TABLE_VERSION,
        parts,
        sizes,
        stories,
        story_per_folder,
        boilerplate,
        common_names,
        spelled,
        problems,
        rows: paths_in_order
            .into_iter()
            .zip(story)
            .map(|(p, s)| (p, s, part_of[s]))
            .collect(),
    })
}

impl Table {
    /// Read a table written by `crosscheck partition`.
    pub fn load(path: &Path) -> anyhow::Result<Table> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read partition table {}", path.display()))?;
        let table: Table = serde_json::from_str(&text).with_context(|| {
            format!("{}: not a table of `crosscheck partition`", path.display())
        })?;
        if table.version != TABLE_VERSION {
            bail!(
                "{}: partition table version {}, this crosscheck reads {TABLE_VERSION}",
                path.display(),
                table.version
            );
        }
        Ok(table)
    }

    /// Each document's position in the run, by path.
    pub fn positions(&self) -> FxHashMap<String, usize> {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, (p, _, _))| (p.clone(), i))
            .collect()
    }

    /// What the reduce over `documents` (numbered by `positions`) takes of the
    /// run; an error unless they are whole stories.
    pub fn whole(
        &self,
        documents: &[Document],
        positions: &FxHashMap<String, usize>,
    ) -> anyhow::Result<Whole> {
        let story: Vec<usize> = documents
            .iter()
            .map(|d| positions.get(&d.path).map(|&i| self.rows[i].1))
            .collect::<Option<_>>()
            .context("a document is not in the partition table")?;
        let mut want: FxHashMap<usize, usize> = FxHashMap::default();
        for (_, s, _) in &self.rows {
            *want.entry(*s).or_default() += 1;
        }
        let mut have: FxHashMap<usize, usize> = FxHashMap::default();
        for s in &story {
            *have.entry(*s).or_default() += 1;
        }
        if let Some((s, n)) = have.iter().find(|(s, n)| want.get(s) != Some(n)) {
            bail!(
                "story {s} has {} documents in the run and {n} in these records: a partition's reduce needs whole stories",
                want.get(s).copied().unwrap_or(0)
            );
        }
        Ok(Whole {
            boilerplate: self.boilerplate.iter().copied().collect(),
            story,
            documents: self.rows.len(),
            common: self.common_names.iter().cloned().collect(),
            spelled: self.spelled.clone(),
        })
    }
}

/// What the merge reads of a partition's report: the items as written.
#[derive(Deserialize)]
struct Part<'a> {
    #[serde(borrow)]
    claims: Vec<&'a RawValue>,
    #[serde(borrow)]
    discrepancies: Vec<&'a RawValue>,
    #[serde(borrow)]
    documents: Vec<&'a RawValue>,
    totals: PartTotals,
}

#[derive(Deserialize)]
struct PartTotals {
    clusters: usize,
}

/// The fields of a report's item the merge orders by.
#[derive(Deserialize)]
struct Item {
    id: String,
}

#[derive(Deserialize)]
struct Finding {
    claims: Vec<String>,
    severity: Severity,
    status: Status,
}

/// `d12` or `d12.3` → 12 (and 3).
fn number(id: &str) -> Option<(usize, usize)> {
    let rest = id.strip_prefix('d')?;
    Some(match rest.split_once('.') {
        Some((d, c)) => (d.parse().ok()?, c.parse().ok()?),
        None => (rest.parse().ok()?, 0),
    })
}

/// Merge the JSON reports of a run's partitions (`check --format json
/// --claims PART --table TABLE`) into the whole run's, written to `w`:
/// documents and claims in the run's order (their ids are the run's already),
/// findings in the run's order of stories, each partition's in its own order;
/// the totals added up, the skipped inputs the table's. Returns the exit code
/// `check` gives with the default `--fail-on`.
pub fn merge(table: &Table, reports: &[PathBuf], w: &mut dyn Write) -> anyhow::Result<i32> {
    let texts: Vec<String> = reports
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .with_context(|| format!("cannot read report {}", p.display()))
        })
        .collect::<anyhow::Result<_>>()?;
    let mut documents: Vec<(usize, &RawValue)> = Vec::new();
    let mut claims: Vec<((usize, usize), &RawValue)> = Vec::new();
    let mut findings: Vec<(usize, usize, &RawValue)> = Vec::new();
    let mut clusters = 0;
    let (mut contradictions, mut divergences, mut failing) = (0, 0, false);
    for (text, path) in texts.iter().zip(reports) {
        let bad = || {
            format!(
                "{}: not a JSON report of `crosscheck check`",
                path.display()
            )
        };
        let part: Part = serde_json::from_str(text).with_context(bad)?;
        let id_of = |raw: &RawValue| -> anyhow::Result<(usize, usize)> {
            let item: Item = serde_json::from_str(raw.get()).with_context(bad)?;
            number(&item.id).with_context(|| format!("{}: odd id {}", path.display(), item.id))
        };
        for raw in part.documents {
            documents.push((id_of(raw)?.0, raw));
        }
        for raw in part.claims {
            claims.push((id_of(raw)?, raw));
        }
        for raw in part.discrepancies {
            let f: Finding = serde_json::from_str(raw.get()).with_context(bad)?;
            let doc = f
                .claims
                .first()
                .and_then(|c| number(c))
                .with_context(|| format!("{}: a finding without claims", path.display()))?
                .0;
            let story = table
                .rows
                .get(doc.wrapping_sub(1))
                .with_context(|| format!("{}: d{doc} is not in the table", path.display()))?
                .1;
            match f.severity {
                Severity::Contradiction => contradictions += 1,
                Severity::Divergence => divergences += 1,
                _ => {}
            }
            failing |=
                f.status == Status::New && crate::config::FailOn::default().fails(f.severity);
            findings.push((story, findings.len(), raw));
        }
        clusters += part.totals.clusters;
    }
    documents.sort_by_key(|(n, _)| *n);
    claims.sort_by_key(|(n, _)| *n);
    findings.sort_by_key(|(story, k, _)| (*story, *k));
    if let Some(w) = documents.windows(2).find(|w| w[0].0 == w[1].0) {
        bail!("d{} is in two of the reports", w[0].0);
    }
    let totals = crate::Totals {
        documents: documents.len(),
        claims: claims.len(),
        clusters,
        discrepancies: findings.len(),
        contradictions,
        divergences,
        skipped: table.problems.len(),
    };
    let claims: Vec<&RawValue> = claims.into_iter().map(|(_, r)| r).collect();
    let findings: Vec<&RawValue> = findings.into_iter().map(|(_, _, r)| r).collect();
    let documents: Vec<&RawValue> = documents.into_iter().map(|(_, r)| r).collect();
    crate::report::json::write_merged(&claims, &findings, &documents, &table.problems, &totals, w)?;
    Ok(if failing {
        crate::exit::FINDINGS
    } else {
        crate::exit::CLEAN
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_read_as_numbers() {
        assert_eq!(number("d12"), Some((12, 0)));
        assert_eq!(number("d12.3"), Some((12, 3)));
        assert_eq!(number("x1"), None);
        // d10 after d9, not between d1 and d2
        let mut ids = vec!["d10.1", "d9.2", "d9.10", "d1.1"];
        ids.sort_by_key(|i| number(i));
        assert_eq!(ids, vec!["d1.1", "d9.2", "d9.10", "d10.1"]);
    }
}
