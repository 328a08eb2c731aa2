//! Takes the command line, hands on a validated `Config`.
//! Rule that is not obvious: the clap structs only mirror flags, and each
//! subcommand flattens only the groups of flags it uses (reading, reporting);
//! every check of a value's meaning (dates, ranges) happens in `Config::try_from`.

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

use crate::evidence::Confidence;
use crate::model::Format;
use crate::report::OutputFormat;

/// Examples and exit codes, under `crosscheck --help`; each command has its own.
const TOP_AFTER: &str = "\
Examples:
  crosscheck check data/                      where the bundled example reports disagree
  crosscheck check --format brief reports/    one line per finding
  crosscheck claims report.md                 every figure and date found
  crosscheck completions bash > ~/.local/share/bash-completion/completions/crosscheck

Exit codes (as diff's):
  0  nothing flagged
  1  discrepancies found (check)
  2  trouble: bad flags, no documents found, nothing readable, or with --strict any input skipped";

const CHECK_AFTER: &str = "\
Examples:
  crosscheck check data/                      a table of the discrepancies
  crosscheck check --format brief reports/    one line per finding, path:line:col first
  crosscheck check --story-per-folder desk/   each folder is one story
  crosscheck check -q reports/ || echo flagged
  crosscheck check --claims shard1.jsonl shard2.jsonl
                                              the reduce step over `extract` records

Exit codes (as diff's):
  0  nothing flagged
  1  discrepancies found
  2  trouble: bad flags, no documents found, nothing readable, or with --strict any input skipped";

const CLAIMS_AFTER: &str = "\
Examples:
  crosscheck claims report.md                 every figure and date, with its place
  crosscheck claims --format json reports/    the same as JSON (docs/claims.md)
  crosscheck claims --dump stories reports/   which documents were grouped into one story

Exit codes (as diff's):
  0  done (claims never fails for a finding)
  2  trouble: bad flags, no documents found, nothing readable, or with --strict any input skipped";

const EXTRACT_AFTER: &str = "\
Examples:
  crosscheck extract shard1/ > s1.jsonl       the map step of a sharded run
  crosscheck check --claims s1.jsonl s2.jsonl the reduce step

Exit codes (as diff's):
  0  done
  2  trouble: bad flags, no documents found, nothing readable, or with --strict any input skipped";

const PARTITION_AFTER: &str = "\
Examples:
  crosscheck extract shard1/ > s1.jsonl       the map step, per shard
  crosscheck partition --parts 8 s*.jsonl > table.json
                                              stories and run-wide counts, once
  crosscheck check --format json --claims part3.jsonl --table table.json > r3.json
                                              one partition's reduce (its records: the
                                              table's rows whose partition is 3)
  crosscheck merge --table table.json r*.json > report.json
                                              the whole run's JSON report

Exit codes:
  0  written
  2  trouble: a record file that cannot be read";

const MERGE_AFTER: &str = "\
Examples:
  crosscheck merge --table table.json r0.json r1.json r2.json > report.json

The reports are `check --format json --claims PART --table TABLE`, one per
non-empty partition, in any order; the merged report is byte for byte the
one `check --format json` over all the files gives.

Exit codes:
  0  nothing flagged
  1  a new divergence or contradiction (check's default --fail-on)
  2  trouble: a report or the table cannot be read";

const BASELINE_AFTER: &str = "\
Examples:
  crosscheck baseline reports/                 write crosscheck-baseline.json
  crosscheck check --baseline crosscheck-baseline.json reports/
                                              fail only on findings not in it

Stale entries (findings that no longer occur) are dropped and listed; a `note`
written by hand on an entry is kept. See docs/ci.md.

Exit codes:
  0  written
  2  trouble: bad flags, a malformed baseline, no documents found";

const REVIEW_AFTER: &str = "\
Keys: a accept, d dismiss (asks for a note), s skip, q quit; A, D, S do the same
for every finding left. The walk needs a terminal and refuses to run under CI.

Examples:
  crosscheck review reports/                   walk the new findings
  crosscheck review reports/ --dismiss 3f2a9c01 --note \"two different votes\"
  crosscheck review reports/ --accept 3f2a9c01 --by \"A. Editor\"

Decisions go to crosscheck-review.toml (beside the config file, else here),
which `check` reads by default: commit it.

Exit codes:
  0  done
  2  trouble: no terminal for the walk, CI set, an unknown id, a malformed file";

/// Cross-check figures and dates across reports.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None, after_help = TOP_AFTER)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find where reports disagree (exit 1 when a new finding fails, see --fail-on).
    #[command(after_help = CHECK_AFTER)]
    Check(CheckArgs),
    /// List every extracted claim.
    #[command(after_help = CLAIMS_AFTER)]
    Claims(ReportArgs),
    /// Write each document's claims and profile as JSON lines, for `check --claims`
    /// (the map half of a sharded run).
    #[command(after_help = EXTRACT_AFTER)]
    Extract(InputArgs),
    /// Read the records of a whole run and write the partition table: each
    /// document's position, story and partition (whole stories, balanced by
    /// documents) and the run-wide counts a partition's reduce needs (`check
    /// --claims PART --table`).
    #[command(after_help = PARTITION_AFTER)]
    Partition(PartitionArgs),
    /// Merge the JSON reports of a run's partitions into the whole run's report.
    #[command(after_help = MERGE_AFTER)]
    Merge(MergeArgs),
    /// Write the current findings to the baseline file, so `check --baseline`
    /// fails only on findings that are new (default file crosscheck-baseline.json).
    #[command(after_help = BASELINE_AFTER)]
    Baseline(ReportArgs),
    /// Walk the new findings in the terminal and accept or dismiss each; or
    /// record one decision with --accept ID / --dismiss ID --note TEXT.
    #[command(after_help = REVIEW_AFTER)]
    Review(ReviewCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `crosscheck man > crosscheck.1`.
    Man,
}

/// A stage whose intermediate result `--dump` prints as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Stage {
    Documents,
    Segments,
    Claims,
    /// Each document's names and date, as the story grouping sees them.
    Profiles,
    /// Which documents the name vectors group into one story (before reports are
    /// joined on an event instance and split by their event's day; `clusters` shows
    /// each cluster's final story).
    Stories,
    Clusters,
}

/// What to read, and how: every command that reads documents takes these.
#[derive(Debug, ClapArgs)]
#[command(next_help_heading = "Reading")]
pub struct InputArgs {
    /// Files or folders to read (`-` reads one document from stdin); default:
    /// the config file's `inputs`.
    pub paths: Vec<PathBuf>,
    /// The config file (default: the nearest crosscheck.toml with a
    /// [crosscheck] table, from here up).
    #[arg(long, value_name = "FILE", help_heading = "Configuration")]
    pub config: Option<PathBuf>,
    /// Read no config file.
    #[arg(long, conflicts_with = "config", help_heading = "Configuration")]
    pub isolated: bool,
    /// Print the settings in force (config file merged with flags) and exit.
    #[arg(long, help_heading = "Configuration")]
    pub dump_config: bool,
    /// Publication date for documents that state none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub published_default: Option<String>,
    /// Read every input as this format, whatever its extension.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Skip files larger than this many bytes (at most 4 GiB less one byte:
    /// claims keep 32-bit offsets).
    #[arg(
        long,
        value_name = "BYTES",
        default_value_t = crate::ingest::DEFAULT_MAX_FILE_SIZE,
        value_parser = clap::value_parser!(u64).range(0..=u64::from(u32::MAX))
    )]
    pub max_file_size: u64,
    /// In folders, read only files matching this glob, whatever their extension (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// In folders, skip files and folders matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Exit 2 if any input had to be skipped.
    #[arg(long)]
    pub strict: bool,
    /// Worker threads (default: all cores; more than the cores are capped to them).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Never draw the progress line on stderr (it is drawn only on a terminal, outside CI).
    #[arg(long)]
    pub no_progress: bool,
    /// Print how long each stage took (reading, extracting, clustering,
    /// comparing, writing) on stderr.
    #[arg(long)]
    pub timings: bool,
}

/// `partition`: the statistics pass of a partitioned run.
#[derive(Debug, ClapArgs)]
pub struct PartitionArgs {
    /// Record files of `crosscheck extract`: every shard of the run.
    #[arg(required = true)]
    pub records: Vec<PathBuf>,
    /// Partitions to share the stories out over.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub parts: usize,
    /// Documents in one folder are one story (give it here, not to the reduces).
    #[arg(long)]
    pub story_per_folder: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
}

/// `merge`: the partitions' reports into the run's.
#[derive(Debug, ClapArgs)]
pub struct MergeArgs {
    /// JSON reports of `check --format json --claims PART --table TABLE`.
    #[arg(required = true)]
    pub reports: Vec<PathBuf>,
    /// The table of `crosscheck partition` the reports were made with.
    #[arg(long, value_name = "FILE", required = true)]
    pub table: PathBuf,
}

/// `check`: a report, and the gate of a CI run.
#[derive(Debug, ClapArgs)]
pub struct CheckArgs {
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub gate: GateArgs,
}

/// `review`: what `check` reads, and the decision to record.
#[derive(Debug, ClapArgs)]
pub struct ReviewCommand {
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub gate: GateArgs,
    /// Accept the finding with this id (or a unique start of it), without a terminal (repeatable).
    #[arg(long, value_name = "ID", help_heading = "Review")]
    pub accept: Vec<String>,
    /// Dismiss the finding with this id, without a terminal (repeatable; give --note).
    #[arg(long, value_name = "ID", help_heading = "Review")]
    pub dismiss: Vec<String>,
    /// Why: kept with the decision.
    #[arg(long, value_name = "TEXT", help_heading = "Review")]
    pub note: Option<String>,
    /// Who decides (default: git's user.name, else $USER).
    #[arg(long, value_name = "NAME", help_heading = "Review")]
    pub by: Option<String>,
}

/// Baseline, decisions and what fails a run.
#[derive(Debug, ClapArgs)]
#[command(next_help_heading = "Gate")]
pub struct GateArgs {
    /// Findings in this baseline file (`crosscheck baseline`) are `baselined`, not new.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// The review file of decisions (default: crosscheck-review.toml beside the
    /// config file, else here; read when it exists).
    #[arg(long, value_name = "FILE")]
    pub review_file: Option<PathBuf>,
    /// Exit 1 when a new finding is at least this severe [default: divergence].
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<crate::config::FailOn>,
    /// Show baselined, accepted and dismissed findings in the table too.
    #[arg(long)]
    pub show_decided: bool,
}

/// The commands that cluster claims and print a report: what to read, then
/// how to group and print.
#[derive(Debug, ClapArgs)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// How to group claims and print the report.
#[derive(Debug, ClapArgs)]
pub struct OutputArgs {
    /// Read the PATHS as record files of `crosscheck extract` instead of
    /// documents (the reduce half of a sharded run).
    #[arg(long, help_heading = "Grouping")]
    pub claims: bool,
    /// With --claims: the records are one partition of a run, and this table
    /// of `crosscheck partition` gives their numbers, stories and the run-wide counts.
    #[arg(
        long,
        value_name = "FILE",
        requires = "claims",
        help_heading = "Grouping"
    )]
    pub table: Option<PathBuf>,
    /// Documents in one folder are one story (as many newsrooms file them).
    #[arg(long, help_heading = "Grouping")]
    pub story_per_folder: bool,
    /// Report only findings at least this sure that their figures speak of one
    /// thing (see docs/design.md, "Confidence").
    #[arg(long, value_enum, default_value_t = MinConfidence::Medium, value_name = "LEVEL", help_heading = "Grouping")]
    pub min_confidence: MinConfidence,
    /// Output format [default: table].
    #[arg(long, value_enum, help_heading = "Output")]
    pub format: Option<OutputFormat>,
    /// When to colour the table: `auto` colours a terminal unless `NO_COLOR` is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN", help_heading = "Output")]
    pub color: ColorChoice,
    /// Words of the sentence shown on each side of a figure in the table (0: none).
    #[arg(long, value_name = "N", default_value_t = crate::report::DEFAULT_CONTEXT, help_heading = "Output")]
    pub context: usize,
    /// Print nothing; only the exit code tells the result.
    #[arg(long, short = 'q', help_heading = "Output")]
    pub quiet: bool,
    /// Print one stage's intermediate result as JSON instead of the report.
    #[arg(long, value_enum, value_name = "STAGE", help_heading = "Output")]
    pub dump: Option<Stage>,
    /// Write the report to FILE (atomically) instead of standard output; for
    /// `baseline`, the baseline file.
    #[arg(long, short = 'o', value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
}

/// What `extract`, which prints records and no report, runs with.
impl Default for OutputArgs {
    fn default() -> Self {
        OutputArgs {
            claims: false,
            table: None,
            story_per_folder: false,
            min_confidence: MinConfidence::Medium,
            format: None,
            color: ColorChoice::Never,
            context: crate::report::DEFAULT_CONTEXT,
            quiet: false,
            dump: None,
            output: None,
        }
    }
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Is the terminal's character set UTF-8, as the locale says (`LC_ALL`,
/// `LC_CTYPE`, `LANG`, the first one set)? With none set the locale is "C": ASCII.
fn utf8_locale(var: impl Fn(&str) -> Option<String>) -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| var(k).filter(|v| !v.is_empty()))
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// How the table is drawn: `COLUMNS` or the terminal's width (120 when
/// neither says), colour by `--color` and `NO_COLOR`, ASCII borders unless
/// the locale is UTF-8.
fn style(color: ColorChoice, context: usize) -> crate::report::Style {
    use std::io::IsTerminal;
    let var = |k: &str| std::env::var(k).ok();
    let terminal = std::io::stdout().is_terminal();
    let width = var("COLUMNS")
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|&w| w > 0)
        .or_else(|| {
            terminal
                .then(|| comfy_table::Table::new().width())
                .flatten()
        })
        .unwrap_or(120);
    let color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal
                && var("NO_COLOR").is_none_or(|v| v.is_empty())
                && var("TERM").is_none_or(|t| t != "dumb")
        }
    };
    crate::report::Style {
        width,
        color,
        ascii: !utf8_locale(var),
        context,
    }
}

/// The confidence levels a user can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinConfidence {
    Low,
    Medium,
    High,
}

impl From<MinConfidence> for Confidence {
    fn from(m: MinConfidence) -> Confidence {
        match m {
            MinConfidence::Low => Confidence::Low,
            MinConfidence::Medium => Confidence::Medium,
            MinConfidence::High => Confidence::High,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
    Json,
    Jsonl,
}

impl From<InputFormat> for Format {
    fn from(f: InputFormat) -> Format {
        match f {
            InputFormat::Text => Format::Text,
            InputFormat::Markdown => Format::Markdown,
            InputFormat::Html => Format::Html,
            InputFormat::Json => Format::Json,
            InputFormat::Jsonl => Format::Jsonl,
        }
    }
}

/// What to do, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Check,
    Claims,
    Extract,
    /// Write the baseline.
    Baseline,
    /// Record decisions.
    Review,
    /// Print the settings in force (`Config::dump_config`).
    DumpConfig,
    /// Write the partition table of a run's records.
    Partition,
    /// Merge partitions' reports.
    Merge,
    /// Print a completion script for this shell.
    Completions(clap_complete::Shell),
    /// Print the manual page.
    Man,
}

/// The validated configuration a run needs.
#[derive(Debug, Clone)]
pub struct Config {
    pub mode: Mode,
    pub paths: Vec<PathBuf>,
    pub format: OutputFormat,
    pub dump: Option<Stage>,
    /// How a table is drawn.
    pub style: crate::report::Style,
    /// Print nothing, exit code only.
    pub quiet: bool,
    /// One story per folder.
    pub story_per_folder: bool,
    pub ingest: crate::ingest::IngestOptions,
    pub threads: Option<usize>,
    /// Any skipped input makes the run exit 2.
    pub strict: bool,
    /// Records of `crosscheck extract` to read instead of documents (for
    /// `merge`, the partitions' reports).
    pub claims: Vec<PathBuf>,
    /// `--table`: the partition table of `crosscheck partition`.
    pub table: Option<PathBuf>,
    /// `partition --parts`.
    pub parts: usize,
    /// Draw a progress line on stderr.
    pub progress: bool,
    /// Clock each stage and print the times on stderr.
    pub timings: bool,
    /// Findings less sure than this are not reported.
    pub min_confidence: Confidence,
    /// The project root: paths in fingerprints and CI formats are relative to it.
    pub root: PathBuf,
    /// The config file read, if any.
    pub config_file: Option<PathBuf>,
    /// `-o FILE`: the report (or the baseline) goes there.
    pub output: Option<PathBuf>,
    /// What fails a run, and what is shown.
    pub gate: crate::report::Gate,
    /// The baseline and review file read.
    pub ledger: crate::review::Ledger,
    /// The config's `tolerance`, if set.
    pub tolerance: Option<f64>,
    /// The config's extra measure words.
    pub synonyms: std::collections::BTreeMap<String, Vec<String>>,
    /// What `review` records without a terminal.
    pub decisions: Decisions,
    /// The text `--dump-config` prints.
    pub dump_config: String,
}

/// The decisions `review --accept/--dismiss` asks for, and by whom.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    pub accept: Vec<String>,
    pub dismiss: Vec<String>,
    pub note: Option<String>,
    pub by: Option<String>,
}

impl Config {
    /// A configuration that reads nothing: for the commands that only print
    /// something of their own (completions, the manual page).
    fn printing(mode: Mode) -> Config {
        Config {
            mode,
            paths: Vec::new(),
            format: OutputFormat::default(),
            dump: None,
            style: crate::report::Style::default(),
            quiet: false,
            story_per_folder: false,
            ingest: crate::ingest::IngestOptions::default(),
            threads: None,
            strict: false,
            claims: Vec::new(),
            table: None,
            parts: 1,
            progress: false,
            timings: false,
            min_confidence: Confidence::Medium,
            root: PathBuf::from("."),
            config_file: None,
            output: None,
            gate: crate::report::Gate::default(),
            ledger: crate::review::Ledger::default(),
            tolerance: None,
            synonyms: Default::default(),
            decisions: Decisions::default(),
            dump_config: String::new(),
        }
    }
}

/// May the interactive review run here? Not without a terminal on stdin,
/// nor when `CI` is set (to anything but empty): the reason why not.
fn interactive_refusal(ci: Option<String>, stdin_terminal: bool) -> Option<&'static str> {
    if ci.is_some_and(|v| !v.is_empty()) {
        Some("CI is set")
    } else if !stdin_terminal {
        Some("standard input is not a terminal")
    } else {
        None
    }
}

fn name_of<T: ValueEnum>(v: &T) -> String {
    v.to_possible_value()
        .map_or_else(String::new, |p| p.get_name().to_string())
}

impl TryFrom<Args> for Config {
    type Error = anyhow::Error;

    fn try_from(args: Args) -> anyhow::Result<Config> {
        let mut gate_args = None;
        let mut decisions = Decisions::default();
        let (mode, a, r) = match args.command {
            Command::Check(c) => {
                gate_args = Some(c.gate);
                (Mode::Check, c.report.input, c.report.output)
            }
            Command::Claims(r) => (Mode::Claims, r.input, r.output),
            Command::Extract(a) => (Mode::Extract, a, OutputArgs::default()),
            Command::Baseline(r) => (Mode::Baseline, r.input, r.output),
            Command::Review(c) => {
                gate_args = Some(c.gate);
                decisions = Decisions {
                    accept: c.accept,
                    dismiss: c.dismiss,
                    note: c.note,
                    by: c.by,
                };
                (Mode::Review, c.report.input, c.report.output)
            }
            Command::Completions { shell } => {
                return Ok(Config::printing(Mode::Completions(shell)));
            }
            Command::Man => return Ok(Config::printing(Mode::Man)),
            Command::Partition(p) => {
                if p.parts == 0 {
                    bail!("--parts must be at least 1");
                }
                let mut c = Config::printing(Mode::Partition);
                c.claims = p.records;
                c.parts = p.parts;
                c.story_per_folder = p.story_per_folder;
                c.threads = p.threads;
                return Ok(c);
            }
            Command::Merge(m) => {
                let mut c = Config::printing(Mode::Merge);
                c.claims = m.reports;
                c.table = Some(m.table);
                return Ok(c);
            }
        };
        let here = std::env::current_dir().context("reading the current directory")?;
        let found = crate::config::find(a.config.as_deref(), a.isolated, &here)?;
        let settings = &found.settings;
        let root = found.root();
        let config_dir = found.dir();
        let gate = gate_args.unwrap_or(GateArgs {
            baseline: None,
            review_file: None,
            fail_on: None,
            show_decided: false,
        });
        if matches!(mode, Mode::Baseline | Mode::Review) && (r.format.is_some() || r.dump.is_some())
        {
            bail!(
                "--format and --dump are for check and claims; baseline and review print no report"
            );
        }
        if mode == Mode::Claims
            && let Some(f) = r.format.filter(|f| {
                !matches!(
                    f,
                    OutputFormat::Table
                        | OutputFormat::Brief
                        | OutputFormat::Json
                        | OutputFormat::Jsonl
                )
            })
        {
            bail!(
                "--format {} reports findings: only check prints it",
                name_of(&f)
            );
        }
        if mode == Mode::Review {
            if !decisions.dismiss.is_empty()
                && decisions
                    .note
                    .as_deref()
                    .is_none_or(|n| n.trim().is_empty())
            {
                bail!("--dismiss needs --note TEXT: say why it is no real disagreement");
            }
            if decisions.accept.is_empty() && decisions.dismiss.is_empty() && !a.dump_config {
                use std::io::IsTerminal;
                if let Some(why) =
                    interactive_refusal(std::env::var("CI").ok(), std::io::stdin().is_terminal())
                {
                    bail!(
                        "review walks the findings only in a terminal, and {why}: \
                         record a decision with --accept ID or --dismiss ID --note TEXT"
                    );
                }
            }
        }
        // flags first, then the config file, then the defaults
        let fail_on = gate.fail_on.or(settings.fail_on).unwrap_or_default();
        let baseline_path = gate
            .baseline
            .clone()
            .or_else(|| settings.baseline.as_ref().map(|p| found.resolve(p)));
        let review_path = gate
            .review_file
            .clone()
            .or_else(|| settings.review.as_ref().map(|p| found.resolve(p)))
            .unwrap_or_else(|| {
                crate::review::files::default_path(
                    config_dir.as_deref(),
                    crate::config::REVIEW_NAME,
                )
            });
        let story_per_folder = r.story_per_folder || settings.story_per_folder.unwrap_or(false);
        let mut excludes = settings.excludes.clone().unwrap_or_default();
        excludes.extend(a.exclude.iter().cloned());
        let mut a = a;
        a.exclude = excludes;
        if a.paths.is_empty() {
            a.paths = settings
                .inputs
                .iter()
                .flatten()
                .map(|p| found.resolve(p))
                .collect();
        }
        let output = if mode == Mode::Baseline {
            Some(
                r.output
                    .clone()
                    .or_else(|| baseline_path.clone())
                    .unwrap_or_else(|| {
                        crate::review::files::default_path(
                            config_dir.as_deref(),
                            crate::config::BASELINE_NAME,
                        )
                    }),
            )
        } else {
            r.output.clone()
        };
        let effective = crate::config::Settings {
            inputs: Some(a.paths.clone()),
            excludes: Some(a.exclude.clone()),
            baseline: if mode == Mode::Baseline {
                output.clone()
            } else {
                baseline_path.clone()
            },
            review: Some(review_path.clone()),
            fail_on: Some(fail_on),
            tolerance: Some(settings.tolerance.unwrap_or(crate::compare::APPROX_BAND)),
            story_per_folder: Some(story_per_folder),
            synonyms: Some(settings.synonyms.clone().unwrap_or_default()),
        };
        if a.dump_config {
            let mut c = Config::printing(Mode::DumpConfig);
            c.dump_config = crate::config::dump(&found, &effective);
            return Ok(c);
        }
        if a.paths.is_empty() {
            bail!("no PATHS given, and no `inputs` in a config file (see docs/ci.md)");
        }
        // excludes also drop files named on the command line
        if !a.exclude.is_empty() {
            let set = crate::ingest::glob_set(&a.exclude).map_err(anyhow::Error::msg)?;
            if let Some(set) = set {
                a.paths.retain(|p| {
                    p.as_os_str() == "-"
                        || p.is_dir()
                        || !(set.is_match(p)
                            || set.is_match(crate::review::fingerprint::relative(
                                &p.display().to_string(),
                                &root,
                            ))
                            || p.file_name().is_some_and(|n| set.is_match(n)))
                });
                if a.paths.is_empty() {
                    bail!("every PATH given is excluded (config `excludes` or --exclude)");
                }
            }
        }
        let ledger = match mode {
            Mode::Check | Mode::Review => {
                crate::review::Ledger::load(baseline_path.as_deref(), &review_path)?
            }
            Mode::Baseline => {
                // the old baseline, whose notes are kept and stale entries told
                let old = output.as_deref().filter(|p| p.exists());
                crate::review::Ledger::load(old, &review_path)?
            }
            _ => crate::review::Ledger {
                review_path: review_path.clone(),
                ..crate::review::Ledger::default()
            },
        };
        let published_default = a
            .published_default
            .as_deref()
            .map(|s| {
                NaiveDate::parse_from_str(s, "%Y-%m-%d").with_context(|| {
                    format!("--published-default {s:?} is not a date as YYYY-MM-DD")
                })
            })
            .transpose()?;
        for patterns in [&a.glob, &a.exclude] {
            crate::ingest::glob_set(patterns).map_err(anyhow::Error::msg)?;
        }
        if a.threads == Some(0) {
            bail!("--threads must be at least 1");
        }
        if let (Some(stage), Some(f)) = (r.dump, r.format)
            && f != OutputFormat::Json
        {
            bail!(
                "--dump {} prints JSON; --format {} does not apply to it",
                name_of(&stage),
                name_of(&f)
            );
        }
        if r.claims {
            if r.dump
                .is_some_and(|s| s != Stage::Claims && s != Stage::Clusters)
            {
                bail!(
                    "--claims reads records, not documents: only --dump claims or clusters apply"
                );
            }
            if let Some(dir) = a.paths.iter().find(|p| p.is_dir()) {
                bail!(
                    "{} is a folder: with --claims every PATH is a record file of `crosscheck extract`",
                    dir.display()
                );
            }
        }
        let (paths, claims) = if r.claims {
            (Vec::new(), a.paths)
        } else {
            (a.paths, Vec::new())
        };
        Ok(Config {
            mode,
            paths,
            format: r.format.unwrap_or_default(),
            dump: r.dump,
            style: style(r.color, r.context),
            quiet: r.quiet,
            story_per_folder,
            ingest: crate::ingest::IngestOptions {
                published_default,
                input_format: a.input_format.map(Format::from),
                max_file_size: a.max_file_size,
                globs: a.glob,
                excludes: a.exclude,
            },
            threads: a.threads,
            strict: a.strict,
            claims,
            table: r.table,
            parts: 1,
            progress: crate::progress::Progress::wanted(
                a.no_progress || r.quiet || mode == Mode::Review,
            ),
            timings: a.timings,
            min_confidence: r.min_confidence.into(),
            gate: crate::report::Gate {
                root: root.clone(),
                show_decided: gate.show_decided,
                fail_on,
                stale: None,
            },
            root,
            config_file: found.path.clone(),
            output,
            ledger,
            tolerance: settings.tolerance,
            synonyms: settings.synonyms.clone().unwrap_or_default(),
            decisions,
            dump_config: String::new(),
        })
    }
}

/// The worker pool for `-j asked`: the work is CPU-bound, so threads beyond
/// the machine's cores only queue and each costs a stack and its own caches
/// (`-j 1000` once took 15 s and 300 MB on four files); the pool is capped at
/// the cores. Says whether it capped.
pub fn pool_size(asked: usize) -> (usize, bool) {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if asked > cores {
        (cores, true)
    } else {
        (asked, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_valid() {
        Args::command().debug_assert();
    }

    #[test]
    fn bad_default_date_is_an_error() {
        let args = Args::try_parse_from([
            "crosscheck",
            "check",
            "x",
            "--published-default",
            "2024-13-01",
        ])
        .unwrap();
        let err = Config::try_from(args).unwrap_err();
        assert!(format!("{err:#}").contains("--published-default"));
    }

    #[test]
    fn utf8_is_read_from_the_first_locale_variable_set() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(utf8_locale(env(&[("LANG", "en_GB.UTF-8")])));
        assert!(utf8_locale(env(&[("LC_ALL", "C.utf8"), ("LANG", "C")])));
        assert!(!utf8_locale(env(&[
            ("LC_ALL", "C"),
            ("LANG", "en_GB.UTF-8")
        ])));
        assert!(!utf8_locale(env(&[])));
        assert!(utf8_locale(env(&[("LC_ALL", ""), ("LANG", "de_DE.UTF-8")])));
    }
}
