//! Takes the command line, hands on a validated `Config`.
//! Rule that is not obvious: the clap structs only mirror flags; every check of
//! a value's meaning (dates, ranges) happens in `Config::try_from`.

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};

use crate::model::Format;
use crate::report::OutputFormat;

/// Cross-check figures and dates across reports.
#[derive(Debug, Parser)]
#[command(name = "crosscheck", version, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find where reports disagree (exit 1 when they do).
    Check(CommonArgs),
    /// List every extracted claim.
    Claims(CommonArgs),
    /// Write each document's claims and profile as JSON lines, for `check --claims`
    /// (the map half of a sharded run; `--format` is ignored: always JSONL).
    Extract(CommonArgs),
}

/// A stage whose intermediate result `--dump` prints as JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Stage {
    Documents,
    Segments,
    Claims,
    /// Each document's names and date, as the story grouping sees them.
    Profiles,
    /// Which documents were grouped into one story.
    Stories,
    Clusters,
}

#[derive(Debug, ClapArgs)]
pub struct CommonArgs {
    /// Files or folders to read (`-` reads one document from stdin).
    #[arg(required_unless_present = "claims")]
    pub paths: Vec<PathBuf>,
    /// Cluster and compare records written by `crosscheck extract` instead of
    /// reading documents (the reduce half of a sharded run).
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
    pub claims: Vec<PathBuf>,
    /// Never draw the progress line on stderr (it is drawn only on a terminal, outside CI).
    #[arg(long)]
    pub no_progress: bool,
    /// Print how long each stage took (reading, extracting, clustering,
    /// comparing, writing) on stderr.
    #[arg(long)]
    pub timings: bool,
    /// Output format [default: table].
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// When to colour the table: `auto` colours a terminal unless `NO_COLOR` is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Words of the sentence shown on each side of a figure in the table (0: none).
    #[arg(long, value_name = "N", default_value_t = crate::report::DEFAULT_CONTEXT)]
    pub context: usize,
    /// Print nothing; only the exit code tells the result.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Documents in one folder are one story (as many newsrooms file them).
    #[arg(long)]
    pub story_per_folder: bool,
    /// Print one stage's intermediate result as JSON instead of the report.
    #[arg(long, value_enum)]
    pub dump: Option<Stage>,
    /// Publication date for documents that state none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub published_default: Option<String>,
    /// Read every input as this format, whatever its extension.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = crate::ingest::DEFAULT_MAX_FILE_SIZE)]
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
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
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
    /// Records of `crosscheck extract` to read instead of documents.
    pub claims: Vec<PathBuf>,
    /// Draw a progress line on stderr.
    pub progress: bool,
    /// Clock each stage and print the times on stderr.
    pub timings: bool,
}

impl TryFrom<Args> for Config {
    type Error = anyhow::Error;

    fn try_from(args: Args) -> anyhow::Result<Config> {
        let (mode, a) = match args.command {
            Command::Check(a) => (Mode::Check, a),
            Command::Claims(a) => (Mode::Claims, a),
            Command::Extract(a) => (Mode::Extract, a),
        };
        if mode == Mode::Extract && !a.claims.is_empty() {
            bail!("extract reads documents, not --claims");
        }
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
        if let (Some(stage), Some(f)) = (a.dump, a.format)
            && f != OutputFormat::Json
        {
            bail!(
                "--dump {} prints JSON; --format {} does not apply to it",
                stage.to_possible_value().map_or_else(String::new, |v| v.get_name().to_string()),
                f.to_possible_value().map_or_else(String::new, |v| v.get_name().to_string()),
            );
        }
        Ok(Config {
            mode,
            paths: a.paths,
            format: a.format.unwrap_or_default(),
            dump: a.dump,
            style: style(a.color, a.context),
            quiet: a.quiet,
            story_per_folder: a.story_per_folder,
            ingest: crate::ingest::IngestOptions {
                published_default,
                input_format: a.input_format.map(Format::from),
                max_file_size: a.max_file_size,
                globs: a.glob,
                excludes: a.exclude,
            },
            threads: a.threads,
            strict: a.strict,
            claims: a.claims,
            progress: crate::progress::Progress::wanted(a.no_progress),
            timings: a.timings,
        })
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
}
