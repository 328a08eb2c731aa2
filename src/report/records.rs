//! Takes extracted documents (for `crosscheck extract`) or record files (for `check --claims`),
//! hands on JSON lines — one per document: its metadata, its `Profile` and its
//! claims before clustering; then one `{"skipped": …}` per input it could not
//! read — or, read back, the documents, claims, profiles and skipped inputs
//! that `conclude` clusters and compares and the report lists.
//! Rule that is not obvious: shards are extracted apart, so each numbers its
//! documents from `d1`; on reading, documents are put back in the order one
//! `ingest` of all the files would give (path, then record number inside a JSON
//! file) and renumbered, claim ids with them, so `check --claims` over the
//! shards prints exactly what `check` over the files prints.

use std::path::{Path, PathBuf};

use anyhow::Context;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::ingest::Problem;
use crate::model::{Claim, Document, Profile};

/// One line of `crosscheck extract` output.
#[derive(Debug, Serialize, Deserialize)]
pub struct Record {
    /// The document without its text.
    pub document: Document,
    /// What the story grouping needs of the text.
    pub profile: Profile,
    /// Claims as extracted, before clustering gives them topics.
    pub claims: Vec<Claim>,
}

/// One record line each for documents already extracted, in document order,
/// without their text; the lines are written on the pool.
pub fn lines(per_doc: Vec<(Document, Vec<Claim>, Profile)>) -> String {
    let lines: Vec<String> = per_doc
        .into_par_iter()
        .map(|(mut document, claims, profile)| {
            document.text = String::new();
            let record = Record {
                document,
                profile,
                claims,
            };
            let mut line = serde_json::to_string(&record).unwrap_or_default();
            line.push('\n');
            line
        })
        .collect();
    // each line is freed as soon as it is copied: the output is held once, not twice
    let mut out = String::with_capacity(lines.iter().map(String::len).sum());
    for line in lines {
        out.push_str(&line);
    }
    out
}

/// The line of `crosscheck extract` output for an input it could not read:
/// carried to `check --claims`, whose report lists it as `check` would.
#[derive(Debug, Serialize, Deserialize)]
struct Skipped {
    skipped: Problem,
}

/// One line for each input that was skipped.
pub fn skipped_lines(problems: &[Problem]) -> String {
    let mut out = String::new();
    for p in problems {
        out.push_str(&serde_json::to_string(&Skipped { skipped: p.clone() }).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// A line of a record file.
enum Line {
    Record(Box<Record>),
    Skipped(Problem),
}

/// A record, or failing that a skipped input; the record's error when it is neither.
fn parse_line(line: &str) -> serde_json::Result<Line> {
    serde_json::from_str(line)
        .map(|r| Line::Record(Box::new(r)))
        .or_else(|e| {
            serde_json::from_str::<Skipped>(line)
                .map(|s| Line::Skipped(s.skipped))
                .map_err(|_| e)
        })
}

/// Lines parsed together when reading record files.
const CHUNK_LINES: usize = 4096;

/// Everything read back from record files.
#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub profiles: Vec<Profile>,
    /// Inputs the map step skipped, in path order.
    pub problems: Vec<Problem>,
}

/// Read record files written by `extract`, in any number of shards and any order.
pub fn read(paths: &[PathBuf]) -> anyhow::Result<Loaded> {
    read_numbered(paths, None)
}

/// `read`; with `positions` (a partition's table, `crate::partition`), each
/// document is numbered by its position in the whole run instead of in these files.
pub fn read_numbered(
    paths: &[PathBuf],
    positions: Option<&rustc_hash::FxHashMap<String, usize>>,
) -> anyhow::Result<Loaded> {
    let mut records: Vec<Record> = Vec::new();
    let mut names = crate::model::Names::default();
    let mut problems = visit(paths, |mut r| {
        names.intern(&mut r.profile);
        records.push(r)
    })?;
    // the order `ingest` gives: by file path, then by record number in the file
    records.sort_by(|a, b| order_key(&a.document.path).cmp(&order_key(&b.document.path)));
    records.dedup_by(|a, b| a.document.path == b.document.path);
    problems.sort_by(|a, b| order_key(&a.path).cmp(&order_key(&b.path)));
    problems.dedup();
    let mut out = Loaded {
        problems,
        ..Loaded::default()
    };
    for (i, mut r) in records.into_iter().enumerate() {
        let at = match positions {
            None => i,
            Some(p) => *p.get(&r.document.path).with_context(|| {
                format!(
                    "{} is not in the partition table: was the table made from these records?",
                    r.document.path
                )
            })?,
        };
        let id = crate::ingest::document_id(at);
        crate::model::give_id(id, &mut r.document, &mut r.claims, &mut r.profile);
        out.claims.extend(r.claims);
        out.documents.push(r.document);
        out.profiles.push(r.profile);
    }
    Ok(out)
}

/// Hand each record of the files to `each` as it is parsed, in file order;
/// returns the skipped inputs they list (unsorted, as they come).
pub fn visit(paths: &[PathBuf], mut each: impl FnMut(Record)) -> anyhow::Result<Vec<Problem>> {
    let mut problems: Vec<Problem> = Vec::new();
    for path in paths {
        let file = std::fs::File::open(path)
            .with_context(|| format!("cannot read claims file {}", path.display()))?;
        // a few thousand lines at a time, parsed in parallel: memory holds the
        // records, never the whole file as text
        let mut lines = std::io::BufRead::lines(std::io::BufReader::new(file));
        let mut first = 1;
        loop {
            let chunk: Vec<String> = lines
                .by_ref()
                .take(CHUNK_LINES)
                .collect::<Result<_, _>>()
                .with_context(|| format!("cannot read claims file {}", path.display()))?;
            if chunk.is_empty() {
                break;
            }
            let parsed: Vec<anyhow::Result<Option<Line>>> = chunk
                .par_iter()
                .enumerate()
                .map(|(i, line)| {
                    if line.trim().is_empty() {
                        return Ok(None);
                    }
                    parse_line(line).map(Some).with_context(|| {
                        format!(
                            "{}:{}: not a record of `crosscheck extract`",
                            path.display(),
                            first + i
                        )
                    })
                })
                .collect();
            for r in parsed {
                match r? {
                    Some(Line::Record(r)) => each(*r),
                    Some(Line::Skipped(p)) => problems.push(p),
                    None => {}
                }
            }
            first += chunk.len();
        }
    }
    Ok(problems)
}

/// `file.jsonl#12` → (`file.jsonl`, 12); any other path → (path, 0).
pub fn order_key(path: &str) -> (&Path, u64) {
    if let Some((file, n)) = path.rsplit_once('#')
        && let Ok(n) = n.parse::<u64>()
    {
        return (Path::new(file), n);
    }
    (Path::new(path), 0)
}

/// Serde for the floats of a value: JSON has no infinity, and "at least 286"
/// has an infinite upper bound, so non-finite numbers travel as strings.
pub mod float {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        if x.is_finite() {
            s.serialize_f64(*x)
        } else if x.is_nan() {
            s.serialize_str("nan")
        } else if *x > 0.0 {
            s.serialize_str("inf")
        } else {
            s.serialize_str("-inf")
        }
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Wire {
        Number(f64),
        Text(String),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        match Wire::deserialize(d)? {
            Wire::Number(x) => Ok(x),
            Wire::Text(t) => match t.as_str() {
                "inf" => Ok(f64::INFINITY),
                "-inf" => Ok(f64::NEG_INFINITY),
                "nan" => Ok(f64::NAN),
                _ => Err(serde::de::Error::custom(format!("not a number: {t:?}"))),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Interval, Stated};

    #[test]
    fn order_key_puts_records_in_file_order() {
        let mut paths = vec!["b.txt", "a.jsonl#10", "a.jsonl#9", "a/x.md", "a-b.md"];
        paths.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
        // Path order compares components: "a" < "a-b.md" < "a.jsonl"
        assert_eq!(
            paths,
            vec!["a/x.md", "a-b.md", "a.jsonl#9", "a.jsonl#10", "b.txt"]
        );
    }

    #[test]
    fn open_bounds_and_odd_floats_survive_a_round_trip() {
        let text =
            "Police said at least 286 people died and 0.1 percent were hurt on 4 March 2021.";
        let doc = crate::ingest::parse_document(
            "x.txt".into(),
            crate::model::Format::Text,
            text.into(),
            &crate::ingest::IngestOptions::default(),
        );
        let segments = crate::segment::segment(&doc);
        let (claims, profile) = crate::extract::extract_and_profile(&doc, &segments);
        let out = lines(vec![(doc, claims, profile)]);
        assert_eq!(out.lines().count(), 1);
        let r: Record = serde_json::from_str(out.trim_end()).unwrap();
        assert!(r.document.text.is_empty());
        assert!(r.claims.iter().any(|c| matches!(
            c.value.interval,
            Interval::Number { high, .. } if high == f64::INFINITY
        )));
        assert!(
            r.claims
                .iter()
                .any(|c| c.value.stated == Stated::Number(0.1))
        );
        // and serialising again gives the same line
        assert_eq!(serde_json::to_string(&r).unwrap(), out.trim_end());
    }

    #[test]
    fn bad_lines_are_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.jsonl");
        std::fs::write(&p, "{\"document\": 3}\n").unwrap();
        let err = read(&[p]).unwrap_err();
        assert!(format!("{err:#}").contains("bad.jsonl:1"));
        assert!(read(&[dir.path().join("missing.jsonl")]).is_err());
    }

    #[test]
    fn skipped_inputs_travel_in_path_order_once() {
        let problem = |path: &str| Problem {
            path: path.into(),
            reason: "not UTF-8 \"or\" anything".into(),
        };
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
        std::fs::write(
            &a,
            skipped_lines(&[problem("z/late.txt"), problem("m/mid.txt")]),
        )
        .unwrap();
        // a shard extracted twice names its skipped input twice
        std::fs::write(
            &b,
            skipped_lines(&[problem("b/early.txt"), problem("m/mid.txt")]),
        )
        .unwrap();
        let loaded = read(&[a, b]).unwrap();
        assert!(loaded.documents.is_empty());
        assert_eq!(
            loaded.problems,
            vec![
                problem("b/early.txt"),
                problem("m/mid.txt"),
                problem("z/late.txt")
            ]
        );
    }
}
