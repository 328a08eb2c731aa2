//! crosscheck: cross-check figures and dates across reports.
//!
//! The pipeline runs one way: `ingest` (paths → documents) → `segment`
//! (sentences) → `extract` (claims with intervals and measures) → `cluster`
//! (claims about the same measure of the same event) → `compare`
//! (discrepancies) → `report` (table or JSON). The library never prints;
//! `main` writes what `run` returns.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod atomic;
pub mod cli;
pub mod cluster;
pub mod compare;
pub mod config;
pub mod event;
pub mod evidence;
pub mod extract;
pub mod ingest;
pub mod key;
pub mod label;
pub mod lexicon;
pub mod model;
pub mod partition;
pub mod progress;
pub mod report;
pub mod review;
pub mod rule;
pub mod segment;
pub mod texts;

use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

use crate::cli::{Config, Mode, Stage};
use crate::ingest::Problem;
use crate::model::{Claim, Cluster, Discrepancy, Document, Profile};

/// Exit codes, as diff has them.
pub mod exit {
    /// Nothing flagged.
    pub const CLEAN: i32 = 0;
    /// Discrepancies found.
    pub const FINDINGS: i32 = 1;
    /// Usage or input trouble.
    pub const TROUBLE: i32 = 2;
}

/// Everything a run found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    pub clusters: Vec<Cluster>,
    pub discrepancies: Vec<Discrepancy>,
    pub problems: Vec<Problem>,
    /// The texts of claims that do not hold their own (`texts`): the claims of
    /// the findings hold theirs again once the run is compared.
    pub texts: texts::Texts,
}

#[derive(Debug, Serialize)]
pub struct Totals {
    pub documents: usize,
    pub claims: usize,
    pub clusters: usize,
    pub discrepancies: usize,
    pub contradictions: usize,
    pub divergences: usize,
    pub skipped: usize,
}

/// `n` and a noun, singular for one: "1 cluster", "2 clusters".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Outcome {
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        // ids are "<doc>.<n>" and claims are stored in id order per document
        self.claims.iter().find(|c| c.id == id)
    }

    pub fn totals(&self) -> Totals {
        Totals {
            documents: self.documents.len(),
            claims: self.claims.len(),
            clusters: self.clusters.len(),
            discrepancies: self.discrepancies.len(),
            contradictions: self
                .discrepancies
                .iter()
                .filter(|d| d.severity == model::Severity::Contradiction)
                .count(),
            divergences: self
                .discrepancies
                .iter()
                .filter(|d| d.severity == model::Severity::Divergence)
                .count(),
            skipped: self.problems.len(),
        }
    }

    /// "19 documents, 220 claims, 59 clusters, 2 discrepancies: 1 contradiction, 1 divergence".
    pub fn totals_line(&self) -> String {
        let t = self.totals();
        let mut s = [
            plural(t.documents, "document", "documents"),
            plural(t.claims, "claim", "claims"),
            plural(t.clusters, "cluster", "clusters"),
            plural(t.discrepancies, "discrepancy", "discrepancies"),
        ]
        .join(", ");
        let kinds: Vec<String> = [
            (t.contradictions, "contradiction", "contradictions"),
            (t.divergences, "divergence", "divergences"),
        ]
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| plural(*n, one, many))
        .collect();
        if !kinds.is_empty() {
            s.push_str(": ");
            s.push_str(&kinds.join(", "));
        }
        if t.skipped > 0 {
            s.push_str(&format!(
                "; {} skipped",
                plural(t.skipped, "input", "inputs")
            ));
        }
        s
    }
}

/// Run every stage on already-read documents. Each document's text is dropped
/// as soon as its claims and profile are out, so what stays in memory grows
/// with the claims, not with the bytes read.
pub fn analyse(documents: Vec<Document>) -> Outcome {
    analyse_with(documents, &progress::Progress::hidden())
}

/// `analyse`, counting documents and claims on `progress` as they are done.
pub fn analyse_with(documents: Vec<Document>, progress: &progress::Progress) -> Outcome {
    let per_doc: Vec<Extracted> = documents
        .into_par_iter()
        .map(|d| extract_one(d, progress))
        .collect();
    gather(per_doc, progress)
}

/// One document's claims and profile; its text is gone.
type Extracted = (Document, Vec<Claim>, Profile);

/// Segment a document and extract its claims and profile, then drop its text.
fn extract_one(mut d: Document, progress: &progress::Progress) -> Extracted {
    let segments = segment::segment(&d);
    let (claims, profile) = extract::extract_and_profile(&d, &segments);
    progress.document_done(claims.len());
    d.text = String::new();
    (d, claims, profile)
}

/// Cluster and compare what was extracted from each document, in document order.
fn gather(per_doc: Vec<Extracted>, progress: &progress::Progress) -> Outcome {
    let mut documents = Vec::with_capacity(per_doc.len());
    // sized once: growing by doubling would copy and fault in every claim again
    let mut claims = Vec::with_capacity(per_doc.iter().map(|(_, c, _)| c.len()).sum());
    let mut profiles = Vec::with_capacity(per_doc.len());
    for (d, c, p) in per_doc {
        documents.push(d);
        claims.extend(c);
        profiles.push(p);
    }
    let mut outcome = conclude_with(documents, claims, &profiles, progress);
    outcome.claims.shrink_to_fit();
    outcome
}

/// What a run over files keeps of each batch as it is extracted: documents
/// without their text, claims with their texts moved to the `spill`, profiles.
struct Held {
    documents: Vec<Document>,
    claims: Vec<Claim>,
    profiles: Vec<Profile>,
    spill: texts::Spill,
    /// The profiles' names, one allocation for each distinct name.
    names: model::Names,
    /// How many inputs the run lists, to size the lists once.
    inputs: usize,
}

impl Held {
    fn new(inputs: usize) -> Held {
        Held {
            documents: Vec::with_capacity(inputs),
            claims: Vec::new(),
            profiles: Vec::with_capacity(inputs),
            spill: texts::Spill::new(),
            names: model::Names::default(),
            inputs,
        }
    }

    /// Number the batch's documents after those held, move their claims'
    /// texts out and keep the rest.
    fn add(&mut self, batch: Vec<Extracted>, story_per_folder: bool) {
        if self.claims.capacity() == 0 {
            // claims are sized once from the first batch's rate (a quarter to
            // spare): growing by doubling would hold the list twice while it
            // is copied
            let per_doc = batch.iter().map(|(_, c, _)| c.len()).sum::<usize>() as f64
                / batch.len().max(1) as f64;
            self.claims
                .reserve((per_doc * 1.25 * self.inputs as f64) as usize + 64);
        }
        for (mut d, mut claims, mut profile) in batch {
            model::give_id(
                ingest::document_id(self.documents.len()),
                &mut d,
                &mut claims,
                &mut profile,
            );
            if story_per_folder {
                profile.folder = Some(folder_of(&d.path));
            }
            for mut c in claims {
                self.spill.put(&mut c);
                self.claims.push(c);
            }
            self.documents.push(d);
            self.names.intern(&mut profile);
            self.profiles.push(profile);
        }
    }
}

/// The folder a document was filed in: its path's parent (a JSON record's
/// is its file's).
pub(crate) fn folder_of(path: &str) -> String {
    let file = match path.rsplit_once('#') {
        Some((file, n)) if n.bytes().all(|b| b.is_ascii_digit()) => file,
        _ => path,
    };
    std::path::Path::new(file)
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

/// `--story-per-folder`: each profile names its document's folder.
fn file_in_folders(documents: &[Document], profiles: &mut [Profile]) {
    for (d, p) in documents.iter().zip(profiles) {
        p.folder = Some(folder_of(&d.path));
    }
}

/// The reduce half: cluster and compare claims already extracted (by `analyse`
/// or read back from `crosscheck extract` records).
pub fn conclude(documents: Vec<Document>, claims: Vec<Claim>, profiles: &[Profile]) -> Outcome {
    conclude_with(documents, claims, profiles, &progress::Progress::hidden())
}

/// `conclude`, telling `progress` when each stage begins.
pub fn conclude_with(
    documents: Vec<Document>,
    claims: Vec<Claim>,
    profiles: &[Profile],
    progress: &progress::Progress,
) -> Outcome {
    conclude_in(
        documents,
        claims,
        profiles,
        progress,
        None,
        texts::Texts::default(),
    )
}

/// `conclude_with`; with `whole`, the documents are one partition of a run
/// and its stories and run-wide counts are the table's (`partition`); the
/// claims' texts that are not in them are in `texts`.
pub fn conclude_in(
    documents: Vec<Document>,
    mut claims: Vec<Claim>,
    profiles: &[Profile],
    progress: &progress::Progress,
    whole: Option<&partition::Whole>,
    texts: texts::Texts,
) -> Outcome {
    progress.stage("clustering");
    let clusters = cluster::cluster_in(&mut claims, profiles, whole);
    progress.stage("comparing");
    let mut discrepancies = compare::compare_in(&claims, &clusters, profiles, whole, &texts);
    // every view of a finding reads its claims' words
    let shown: rustc_hash::FxHashSet<&str> = discrepancies
        .iter()
        .flat_map(|d| d.claims.iter().map(String::as_str))
        .collect();
    if !shown.is_empty() {
        for c in claims
            .iter_mut()
            .filter(|c| c.stored.is_some() && shown.contains(c.id.as_str()))
        {
            texts.fill(c);
        }
    }
    drop(shown);
    // summaries name the files, not the run's document ids
    if !discrepancies.is_empty() {
        let index = report::sources::Index::new(&claims, &documents);
        for d in &mut discrepancies {
            d.summary = report::sources::summary(d, &index);
        }
    }
    Outcome {
        documents,
        claims,
        clusters,
        discrepancies,
        problems: Vec::new(),
        texts,
    }
}

/// What `main` should print and with which exit code.
#[derive(Debug)]
pub struct Output {
    pub stdout: String,
    /// A finished run whose JSON report follows `stdout`: it is written by
    /// `write_stdout` as it is produced, never held whole in memory.
    pub report: Option<Outcome>,
    /// Warnings for stderr, one per line.
    pub warnings: Vec<String>,
    pub code: i32,
    /// With `--timings`: each stage's wall time so far (writing the output is
    /// `main`'s to clock).
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

impl Output {
    /// Write everything meant for standard output: `stdout`, then the report.
    pub fn write_stdout(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        w.write_all(self.stdout.as_bytes())?;
        if let Some(outcome) = &self.report {
            report::json::write_report(outcome, w)?;
        }
        Ok(())
    }
}

/// Run the configured command. What is written as it is produced (the
/// records of `extract`) goes to `stdout` at once; the rest is in the `Output`.
pub fn run(config: &Config, stdout: &mut dyn std::io::Write) -> anyhow::Result<Output> {
    let mut progress = progress::Progress::new(config.progress);
    if config.timings {
        progress = progress.clocked();
    }
    let mut out = run_clocked(config, &progress, stdout)?;
    out.timings = progress.timings();
    Ok(out)
}

/// `completions SHELL` and `man`: the command line's own description, in the
/// shape a shell or `man` reads.
fn describe(config: &Config, stdout: &mut dyn std::io::Write) -> anyhow::Result<Output> {
    use clap::CommandFactory;
    let mut command = cli::Args::command();
    match config.mode {
        Mode::Completions(shell) => {
            clap_complete::generate(shell, &mut command, "crosscheck", stdout);
        }
        _ => clap_mangen::Man::new(command)
            .render(stdout)
            .map_err(|e| anyhow::Error::new(e).context("writing the manual page"))?,
    }
    Ok(Output {
        stdout: String::new(),
        report: None,
        warnings: Vec::new(),
        code: exit::CLEAN,
        timings: Vec::new(),
    })
}

fn run_clocked(
    config: &Config,
    progress: &progress::Progress,
    stdout: &mut dyn std::io::Write,
) -> anyhow::Result<Output> {
    if matches!(config.mode, Mode::Completions(_) | Mode::Man) {
        return describe(config, stdout);
    }
    if config.mode == Mode::DumpConfig {
        return Ok(Output {
            stdout: config.dump_config.clone(),
            report: None,
            warnings: Vec::new(),
            code: exit::CLEAN,
            timings: Vec::new(),
        });
    }
    // the config's settings of the model, before the first figure is read
    if let Some(t) = config.tolerance {
        compare::set_approx_band(t);
    }
    lexicon::add_synonyms(&config.synonyms).map_err(|e| {
        let file = config
            .config_file
            .as_ref()
            .map_or_else(String::new, |p| format!("{}: ", p.display()));
        anyhow::anyhow!("{file}{e}")
    })?;
    if config.mode == Mode::Partition {
        let table = partition::build(&config.claims, config.parts, config.story_per_folder)?;
        let mut line = serde_json::to_string(&table)?;
        line.push('\n');
        return Ok(Output {
            stdout: line,
            report: None,
            warnings: Vec::new(),
            code: exit::CLEAN,
            timings: Vec::new(),
        });
    }
    if config.mode == Mode::Merge {
        let table = partition::Table::load(config.table.as_deref().unwrap_or(Path::new("")))?;
        let code = partition::merge(&table, &config.claims, stdout)?;
        return Ok(Output {
            stdout: String::new(),
            report: None,
            warnings: Vec::new(),
            code,
            timings: Vec::new(),
        });
    }
    if !config.claims.is_empty() {
        // the reduce half of a sharded run: no documents are read; with
        // --table, one partition of it, numbered and grouped as the whole run
        let table = config
            .table
            .as_deref()
            .map(partition::Table::load)
            .transpose()?;
        let positions = table.as_ref().map(partition::Table::positions);
        let loaded = report::records::read_numbered(&config.claims, positions.as_ref())?;
        let count = loaded.documents.len();
        if count == 0 {
            // as `check` over files none of which could be read
            let mut warnings = skipped_messages(config, &loaded.problems, count);
            warnings.push("crosscheck: no document in the claims files".into());
            return Ok(Output {
                stdout: String::new(),
                report: None,
                warnings,
                code: exit::TROUBLE,
                timings: Vec::new(),
            });
        }
        let mut profiles = loaded.profiles;
        if config.story_per_folder || table.as_ref().is_some_and(|t| t.story_per_folder) {
            file_in_folders(&loaded.documents, &mut profiles);
        }
        let whole = match (&table, &positions) {
            (Some(t), Some(p)) => Some(t.whole(&loaded.documents, p)?),
            _ => None,
        };
        let mut outcome = conclude_in(
            loaded.documents,
            loaded.claims,
            &profiles,
            progress,
            whole.as_ref(),
            texts::Texts::default(),
        );
        progress.finish();
        // inputs the map step skipped are reported as a run over the files would
        let warnings = skipped_messages(config, &loaded.problems, count);
        let strict_failure = config.strict && !loaded.problems.is_empty();
        outcome.problems = loaded.problems;
        let mut out = finish(config, outcome, warnings)?;
        if strict_failure {
            out.code = exit::TROUBLE;
        }
        return Ok(out);
    }
    if config.dump.is_none() {
        rayon::spawn(extract::warm_up);
    }
    let listing = ingest::list(&config.paths, &config.ingest);
    // unless a stage is dumped, each document is extracted as soon as it is
    // read and its text dropped, so memory grows with the claims
    let (mut out, skipped_any) = if config.dump.is_none() && config.mode == Mode::Extract {
        progress.stage("extracting");
        let read = write_records(listing, config, progress, stdout)?;
        let (warnings, problems) =
            match preface(config, read.skipped, read.warnings, read.documents) {
                Ok(messages) => messages,
                Err(nothing_read) => return Ok(*nothing_read),
            };
        progress.finish();
        let out = Output {
            stdout: String::new(),
            report: None,
            warnings,
            code: exit::CLEAN,
            timings: Vec::new(),
        };
        (out, !problems.is_empty())
    } else if config.dump.is_none() {
        progress.stage("extracting");
        let mut held = Held::new(listing.len());
        let read = ingest::read_batches(
            listing,
            &config.ingest,
            |d| extract_one(d, progress),
            |batch| {
                held.add(batch, config.story_per_folder);
                true
            },
        );
        let count = held.documents.len();
        let (mut warnings, problems) = match preface(config, read.skipped, read.warnings, count) {
            Ok(messages) => messages,
            Err(nothing_read) => return Ok(*nothing_read),
        };
        let skipped_any = !problems.is_empty();
        let Held {
            documents,
            claims,
            profiles,
            spill,
            ..
        } = held;
        let texts = match spill.finish() {
            Ok(texts) => texts,
            Err(e) => {
                warnings.push(format!(
                    "crosscheck: the claims' sentences could not be kept in a temporary file: {e}"
                ));
                return Ok(Output {
                    stdout: String::new(),
                    report: None,
                    warnings,
                    code: exit::TROUBLE,
                    timings: Vec::new(),
                });
            }
        };
        let mut outcome = conclude_in(documents, claims, &profiles, progress, None, texts);
        drop(profiles);
        outcome.problems = problems;
        let out = finish(config, outcome, warnings)?;
        progress.finish();
        (out, skipped_any)
    } else {
        let read = ingest::read_each(listing, &config.ingest, |d| d);
        let mut documents = read.documents;
        for (i, d) in documents.iter_mut().enumerate() {
            d.id = ingest::document_id(i);
        }
        let count = documents.len();
        let (warnings, problems) = match preface(config, read.skipped, read.warnings, count) {
            Ok(messages) => messages,
            Err(nothing_read) => return Ok(*nothing_read),
        };
        let skipped_any = !problems.is_empty();
        (
            run_stages(config, documents, problems, warnings, progress)?,
            skipped_any,
        )
    };
    if config.strict && skipped_any {
        out.code = exit::TROUBLE;
    }
    Ok(out)
}

/// `extract`: read and extract the listed inputs, writing each batch's
/// records to `stdout` as soon as it is done, so what the run holds is one
/// batch, however many documents there are. A closed pipe (`| head`) ends
/// the reading quietly; any other failure to write is an error.
fn write_records(
    listing: ingest::Listing,
    config: &Config,
    progress: &progress::Progress,
    stdout: &mut dyn std::io::Write,
) -> anyhow::Result<ingest::ReadEach<usize>> {
    let mut numbered = 0;
    let mut failed = None;
    let read = ingest::read_batches(
        listing,
        &config.ingest,
        |d| extract_one(d, progress),
        |mut batch| {
            for (k, (d, claims, profile)) in batch.iter_mut().enumerate() {
                model::give_id(ingest::document_id(numbered + k), d, claims, profile);
            }
            numbered += batch.len();
            match stdout.write_all(report::records::lines(batch).as_bytes()) {
                Ok(()) => true,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            }
        },
    );
    // and a line for each input skipped, for the reduce step's report
    let wrote = match failed {
        None => stdout.write_all(report::records::skipped_lines(&read.skipped).as_bytes()),
        Some(e) => Err(e),
    };
    match wrote {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(anyhow::Error::new(e).context("writing the records"))
        }
        _ => Ok(read),
    }
}

/// The messages of reading (its warnings, then what was skipped, then a
/// summary when anything was) and what was skipped; or, when no document was
/// read, the output to give at once.
fn preface(
    config: &Config,
    problems: Vec<Problem>,
    notes: Vec<Problem>,
    documents: usize,
) -> Result<(Vec<String>, Vec<Problem>), Box<Output>> {
    let mut warnings: Vec<String> = notes
        .iter()
        .map(|p| format!("crosscheck: warning: {}: {}", p.path, p.reason))
        .collect();
    if documents == 0 {
        warnings.extend(skipped_messages(config, &problems, documents));
        warnings.push(if problems.is_empty() {
            "crosscheck: no documents found".into()
        } else {
            "crosscheck: no input could be read".into()
        });
        return Err(Box::new(Output {
            stdout: String::new(),
            report: None,
            warnings,
            code: exit::TROUBLE,
            timings: Vec::new(),
        }));
    }
    warnings.extend(skipped_messages(config, &problems, documents));
    Ok((warnings, problems))
}

/// A line for each input skipped, then a summary when any was.
fn skipped_messages(config: &Config, problems: &[Problem], documents: usize) -> Vec<String> {
    let mut messages: Vec<String> = problems
        .iter()
        .map(|p| format!("crosscheck: skipped {}: {}", p.path, p.reason))
        .collect();
    if !problems.is_empty() && documents > 0 {
        messages.push(format!(
            "crosscheck: {} skipped, {} read{}",
            plural(problems.len(), "input", "inputs"),
            plural(documents, "document", "documents"),
            if config.strict {
                "; --strict: exit 2"
            } else {
                ""
            }
        ));
    }
    messages
}

fn run_stages(
    config: &Config,
    documents: Vec<Document>,
    problems: Vec<Problem>,
    warnings: Vec<String>,
    progress: &progress::Progress,
) -> anyhow::Result<Output> {
    if config.dump == Some(Stage::Documents) {
        let v: Vec<_> = documents.iter().map(report::json::document).collect();
        return Ok(dump(json!(v), warnings));
    }
    if config.dump == Some(Stage::Segments) {
        let v: Vec<_> = documents
            .iter()
            .map(|d| {
                let segs: Vec<_> = segment::segment(d)
                    .iter()
                    .map(|s| {
                        let loc = d.locate(s.start);
                        json!({"line": loc.line, "column": loc.column, "start": s.start, "end": s.end,
                               "paragraph": s.paragraph, "text": extract::squash_space(&d.text[s.start..s.end])})
                    })
                    .collect();
                json!({"document": d.id, "path": d.path, "segments": segs})
            })
            .collect();
        return Ok(dump(json!(v), warnings));
    }
    if matches!(config.dump, Some(Stage::Profiles | Stage::Stories)) {
        let mut profiles: Vec<_> = documents
            .par_iter()
            .map(|d| extract::profile(d, &segment::segment(d)))
            .collect();
        if config.story_per_folder {
            file_in_folders(&documents, &mut profiles);
        }
        if config.dump == Some(Stage::Profiles) {
            return Ok(dump(
                serde_json::to_value(profiles).unwrap_or_default(),
                warnings,
            ));
        }
        let story = cluster::stories(&profiles, &cluster::boilerplate(&profiles));
        let v: Vec<_> = documents
            .iter()
            .zip(&story)
            .map(|(d, s)| json!({"document": d.id, "path": d.path, "story": s}))
            .collect();
        return Ok(dump(json!(v), warnings));
    }
    progress.set_total(documents.len());
    progress.stage("extracting");
    let mut per_doc: Vec<Extracted> = documents
        .into_par_iter()
        .map(|d| extract_one(d, progress))
        .collect();
    if config.story_per_folder {
        for (d, _, p) in &mut per_doc {
            p.folder = Some(folder_of(&d.path));
        }
    }
    let mut outcome = gather(per_doc, progress);
    progress.finish();
    outcome.problems = problems;
    finish(config, outcome, warnings)
}

/// The requested dump or report of a finished run.
fn finish(
    config: &Config,
    mut outcome: Outcome,
    mut warnings: Vec<String>,
) -> anyhow::Result<Output> {
    keep_confident(&mut outcome.discrepancies, config.min_confidence);
    // views of every claim read every claim's words; a JSON report reads
    // them back one at a time as it writes them
    if matches!(config.dump, Some(Stage::Claims | Stage::Clusters)) || config.mode == Mode::Claims {
        outcome.texts.fill_all(&mut outcome.claims);
    }
    match config.dump {
        Some(Stage::Claims) => {
            let v: Vec<_> = outcome.claims.iter().map(report::json::claim).collect();
            return Ok(dump(json!(v), warnings));
        }
        Some(Stage::Clusters) => {
            let v: Vec<_> = outcome
                .clusters
                .iter()
                .map(|k| {
                    json!({"id": k.id, "topic": k.topic, "story": k.story,
                           "claims": k.claims.iter().map(|&i| report::json::claim(&outcome.claims[i])).collect::<Vec<_>>()})
                })
                .collect();
            return Ok(dump(json!(v), warnings));
        }
        _ => {}
    }
    let marked = review::mark(&mut outcome, &config.ledger, &config.root);
    match config.mode {
        Mode::Baseline => return write_baseline(config, &outcome, &marked, warnings),
        Mode::Review => return record(config, &outcome, &marked, warnings),
        _ => {}
    }
    let mut gate = config.gate.clone();
    if let Some((path, _)) = &config.ledger.baseline {
        for e in &marked.stale {
            warnings.push(format!(
                "crosscheck: {}: stale entry {} ({}): no longer found; `crosscheck baseline` drops it",
                path.display(),
                e.id,
                e.topic
            ));
        }
        gate.stale = Some(marked.stale.clone());
    }
    // only a new finding at or above --fail-on fails; an update (a later,
    // higher toll told as a change) fails nothing
    let failing = outcome
        .discrepancies
        .iter()
        .any(|d| d.status == model::Status::New && gate.fail_on.fails(d.severity));
    let code = match config.mode {
        Mode::Check if failing => exit::FINDINGS,
        _ => exit::CLEAN,
    };
    if config.mode == Mode::Check && config.format == report::OutputFormat::Github {
        step_summary(&outcome, &gate, &mut warnings);
    }
    if config.format == report::OutputFormat::Json {
        // the largest output: streamed by `write_stdout`
        return Ok(Output {
            stdout: String::new(),
            report: Some(outcome),
            warnings,
            code,
            timings: Vec::new(),
        });
    }
    if config.format == report::OutputFormat::Html {
        // the page's template is compiled in; should it fail, the run fails
        let page = report::html::page(&outcome, &report::html::Run::from_env(gate.show_decided));
        return Ok(match page {
            Ok(stdout) => Output {
                stdout,
                report: None,
                warnings,
                code,
                timings: Vec::new(),
            },
            Err(e) => {
                let mut warnings = warnings;
                warnings.push(format!("crosscheck: rendering the HTML page: {e:#}"));
                Output {
                    stdout: String::new(),
                    report: None,
                    warnings,
                    code: exit::TROUBLE,
                    timings: Vec::new(),
                }
            }
        });
    }
    let stdout = match config.mode {
        Mode::Check => report::render_check(&outcome, config.format, &config.style, &gate),
        _ => report::render_claims(&outcome, config.format, &config.style),
    };
    if let Some(e) = outcome.texts.failure() {
        // a sentence could not be read back: a half-empty report is worse
        // than none
        anyhow::bail!("reading back the claims' sentences: {e}");
    }
    Ok(Output {
        stdout,
        report: None,
        warnings,
        code,
        timings: Vec::new(),
    })
}

/// `--format github`: the Markdown summary appended to `$GITHUB_STEP_SUMMARY`
/// when it names a file (GitHub shows only ten annotations a step).
fn step_summary(outcome: &Outcome, gate: &report::Gate, warnings: &mut Vec<String>) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return;
    };
    let text = report::markdown::discrepancies(outcome, &gate.root, gate.show_decided);
    let appended = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    if let Err(e) = appended {
        warnings.push(format!(
            "crosscheck: warning: {}: step summary not written: {e}",
            std::path::Path::new(&path).display()
        ));
    }
}

/// `crosscheck baseline`: every finding of the run to the baseline file,
/// keeping notes, telling what was added and what went stale.
fn write_baseline(
    config: &Config,
    outcome: &Outcome,
    marked: &review::Marked,
    mut warnings: Vec<String>,
) -> anyhow::Result<Output> {
    let path = config
        .output
        .clone()
        .unwrap_or_else(|| config::BASELINE_NAME.into());
    let old = config.ledger.baseline.as_ref().map(|(_, b)| b);
    let entries = review::baseline_entries(outcome, marked, old);
    let added = entries
        .iter()
        .filter(|e| old.is_none_or(|b| !b.findings.iter().any(|x| x.id == e.id)))
        .count();
    let count = entries.len();
    atomic::write(&path, &review::files::baseline_text(entries))?;
    for e in &marked.stale {
        warnings.push(format!(
            "crosscheck: stale entry dropped: {} ({}): no longer found",
            e.id, e.topic
        ));
    }
    let stdout = format!(
        "wrote {}: {} ({} added, {} stale dropped)\n",
        path.display(),
        plural(count, "finding", "findings"),
        added,
        marked.stale.len()
    );
    Ok(Output {
        stdout,
        report: None,
        warnings,
        code: exit::CLEAN,
        timings: Vec::new(),
    })
}

/// `crosscheck review`: the decisions asked for on the command line, or
/// taken in the terminal walk, to the review file.
fn record(
    config: &Config,
    outcome: &Outcome,
    marked: &review::Marked,
    warnings: Vec<String>,
) -> anyhow::Result<Output> {
    use review::files::Verdict;
    let asked = &config.decisions;
    let mut file = config.ledger.review.clone();
    let by = review::who(asked.by.as_deref());
    let mut stdout = String::new();
    let mut taken: Vec<(usize, Verdict, Option<String>)> = Vec::new();
    if asked.accept.is_empty() && asked.dismiss.is_empty() {
        let index = report::sources::Index::new(&outcome.claims, &outcome.documents);
        let findings: Vec<(usize, String)> = outcome
            .discrepancies
            .iter()
            .enumerate()
            .filter(|(_, d)| d.status == model::Status::New)
            .map(|(i, d)| (i, walk_text(d, &marked.records[i], &config.ledger, &index)))
            .collect();
        if findings.is_empty() {
            stdout.push_str("no new findings to review\n");
        } else {
            let mut term = review::walk::Console::new();
            taken = review::walk::walk(&findings, &mut term)
                .map_err(|e| anyhow::Error::new(e).context("reading the terminal"))?;
        }
    } else {
        for id in &asked.accept {
            taken.push((
                review::find(&marked.records, id)?,
                Verdict::Accepted,
                asked.note.clone(),
            ));
        }
        for id in &asked.dismiss {
            taken.push((
                review::find(&marked.records, id)?,
                Verdict::Dismissed,
                asked.note.clone(),
            ));
        }
    }
    for (i, verdict, note) in &taken {
        let r = &marked.records[*i];
        review::decide(&mut file, r, *verdict, &by, note.clone());
        let word = match verdict {
            Verdict::Accepted => "accepted",
            Verdict::Dismissed => "dismissed",
        };
        stdout.push_str(&format!("{word} {} ({})\n", r.id, r.topic));
    }
    if !taken.is_empty() {
        let path = &config.ledger.review_path;
        atomic::write(path, &review::files::review_text(file))?;
        stdout.push_str(&format!(
            "wrote {}: {}\n",
            path.display(),
            plural(taken.len(), "decision", "decisions")
        ));
    }
    Ok(Output {
        stdout,
        report: None,
        warnings,
        code: exit::CLEAN,
        timings: Vec::new(),
    })
}

/// A finding as the review walk shows it: id, topic, severity, why, any
/// decision on older figures, then each source's place, figures and sentence.
fn walk_text(
    d: &Discrepancy,
    r: &review::Recorded,
    ledger: &review::Ledger,
    index: &report::sources::Index,
) -> String {
    let mut s = format!(
        "{}  {}\n{}, {} confidence; why: {}\n",
        r.id,
        d.topic,
        d.severity.as_str(),
        d.confidence.as_str(),
        d.why.line
    );
    if let Some(x) = review::older_decision(&ledger.review, r) {
        let before: Vec<String> = x
            .sources
            .iter()
            .map(|s| format!("{} ({})", s.says, s.path))
            .collect();
        s.push_str(&format!(
            "decided on older figures: {} by {} on {}{}; then: {}\n",
            match x.status {
                review::files::Verdict::Accepted => "accepted",
                review::files::Verdict::Dismissed => "dismissed",
            },
            x.by,
            x.at,
            x.note
                .as_ref()
                .map_or_else(String::new, |n| format!(" ({n})")),
            before.join(" vs ")
        ));
    }
    for src in report::sources::sources(d, index) {
        s.push_str(&format!(
            "  {}  {}\n      {}\n",
            report::table::place(src.path, src.first),
            src.says(),
            extract::squash_space(&src.first.sentence)
        ));
    }
    s
}

/// Keep the findings at or above `min` confidence, numbered again in order: the
/// table, every format and the exit code see the same set.
pub fn keep_confident(discrepancies: &mut Vec<Discrepancy>, min: evidence::Confidence) {
    discrepancies.retain(|d| d.confidence >= min);
    for (k, d) in discrepancies.iter_mut().enumerate() {
        d.id = format!("D{}", k + 1);
    }
}

fn dump(v: serde_json::Value, warnings: Vec<String>) -> Output {
    let mut stdout = serde_json::to_string_pretty(&v).unwrap_or_default();
    stdout.push('\n');
    Output {
        stdout,
        report: None,
        warnings,
        code: exit::CLEAN,
        timings: Vec::new(),
    }
}
