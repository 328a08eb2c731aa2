//! Takes the current directory (or `--config FILE`), hands on the settings of
//! the project's config file: the `[crosscheck]` table of the nearest
//! `crosscheck.toml` found walking up, with its folder as the project root.
//! Rule that is not obvious: `crosscheck.toml` is also the manifest of
//! document metadata (`[documents."path"]`, docs/inputs.md); a file without a
//! `[crosscheck]` table is a manifest only and the walk goes on past it, so
//! every manifest keeps working as it did. Inside `[crosscheck]` an unknown key
//! is an error naming it; paths in it are relative to the file's folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};
use serde::{Deserialize, Serialize};

/// The config file's name (shared with the manifest).
pub const FILE_NAME: &str = "crosscheck.toml";
/// The baseline's default name, beside the config file or in the current directory.
pub const BASELINE_NAME: &str = "crosscheck-baseline.json";
/// The review file's default name, beside the config file or in the current directory.
pub const REVIEW_NAME: &str = "crosscheck-review.toml";

/// When a new finding fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Any new divergence or contradiction (updates never fail).
    #[default]
    Divergence,
    /// Only a new contradiction.
    Contradiction,
    /// Never: exit 0 whatever is found.
    Never,
}

impl FailOn {
    /// Does a new finding of this severity fail the run?
    pub fn fails(self, s: crate::model::Severity) -> bool {
        use crate::model::Severity as S;
        match self {
            FailOn::Divergence => s >= S::Divergence,
            FailOn::Contradiction => s >= S::Contradiction,
            FailOn::Never => false,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Divergence => "divergence",
            FailOn::Contradiction => "contradiction",
            FailOn::Never => "never",
        }
    }
}

/// The `[crosscheck]` table; every field is optional, its default documented
/// in docs/ci.md.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Paths read when the command line gives none (default: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inputs: Option<Vec<PathBuf>>,
    /// Globs of files and folders never read, also when named on the command line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excludes: Option<Vec<String>>,
    /// The baseline `check` reads (default: none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<PathBuf>,
    /// The review file (default: `crosscheck-review.toml` beside this file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<PathBuf>,
    /// Default `divergence`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_on: Option<FailOn>,
    /// Half-width of the band of an approximate figure, as a share (default 0.10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    /// Each folder is one story (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story_per_folder: Option<bool>,
    /// Extra words for canonical measures: measure → words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synonyms: Option<BTreeMap<String, Vec<String>>>,
}

/// A config file as read: only its `[crosscheck]` table (the manifest's
/// `[documents]`, and whatever else a manifest holds, is `ingest`'s).
#[derive(Debug, Deserialize)]
struct File {
    crosscheck: Settings,
}

/// Does this text mean to be a config file: a `[crosscheck]` table, or a
/// `crosscheck.` key, at the start of a line?
fn means_config(text: &str) -> bool {
    text.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("[crosscheck]")
            || l.starts_with("[crosscheck.")
            || l.starts_with("crosscheck.")
    })
}

/// Read `path` as a config file: `None` when it is a manifest only (or, found
/// by the walk, a manifest that does not parse: `ingest` warns of that).
fn read(path: &Path, explicit: bool) -> anyhow::Result<Option<Settings>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the config file {}", path.display()))?;
    if !explicit && !means_config(&text) {
        return Ok(None);
    }
    let table: toml::Table = toml::from_str(&text)
        .map_err(|e| crate::review::files::toml_error(path, &text, &e))
        .context("not a crosscheck config file")?;
    if !table.contains_key("crosscheck") {
        return if explicit {
            Err(anyhow!(
                "{}: no [crosscheck] table: the settings go under [crosscheck] (docs/ci.md)",
                path.display()
            ))
        } else {
            Ok(None)
        };
    }
    let file: File = toml::from_str(&text)
        .map_err(|e| crate::review::files::toml_error(path, &text, &e))
        .context("not a crosscheck config file")?;
    let s = file.crosscheck;
    if let Some(t) = s.tolerance
        && !(0.0..1.0).contains(&t)
    {
        let at = text.find("tolerance").unwrap_or(0);
        let (line, col) = crate::review::files::line_col(&text, at);
        return Err(anyhow!(
            "{}:{line}:{col}: tolerance {t} is no share between 0 and 1 (0.1 is ±10 %)",
            path.display()
        ));
    }
    Ok(Some(s))
}

/// The config file found, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// The file, when one was read.
    pub path: Option<PathBuf>,
    pub settings: Settings,
}

impl Found {
    /// The project root: the config file's folder, else the current directory.
    pub fn root(&self) -> PathBuf {
        match self.path.as_ref().and_then(|p| p.parent()) {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        }
    }

    /// The config file's folder, when there is one.
    pub fn dir(&self) -> Option<PathBuf> {
        self.path.as_ref().map(|_| self.root())
    }

    /// A path of the file, resolved against its folder.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        match self.dir() {
            Some(d) if p.is_relative() => d.join(p),
            _ => p.to_path_buf(),
        }
    }
}

/// The config file: `explicit` when given, none when `isolated`, else the
/// nearest `crosscheck.toml` with a `[crosscheck]` table from `start` up.
pub fn find(explicit: Option<&Path>, isolated: bool, start: &Path) -> anyhow::Result<Found> {
    if let Some(p) = explicit {
        let settings = read(p, true)?.unwrap_or_default();
        return Ok(Found {
            path: Some(p.to_path_buf()),
            settings,
        });
    }
    if isolated {
        return Ok(Found::default());
    }
    let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
    for dir in start.ancestors() {
        let p = dir.join(FILE_NAME);
        if p.is_file()
            && let Some(settings) = read(&p, false)?
        {
            return Ok(Found {
                path: Some(p),
                settings,
            });
        }
    }
    Ok(Found::default())
}

/// The merged settings as `--dump-config` prints them: every field with the
/// value in force.
pub fn dump(found: &Found, effective: &Settings) -> String {
    let mut s = String::new();
    match &found.path {
        Some(p) => s.push_str(&format!("# config file: {}\n", p.display())),
        None => s.push_str("# config file: none (defaults and flags)\n"),
    }
    s.push_str(&format!("# project root: {}\n", found.root().display()));
    #[derive(Serialize)]
    struct Wrap<'a> {
        crosscheck: &'a Settings,
    }
    s.push_str(
        &toml::to_string(&Wrap {
            crosscheck: effective,
        })
        .unwrap_or_default(),
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_is_walked_past_and_an_unknown_key_is_named() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let top = dir.path();
        let inner = top.join("desk");
        std::fs::create_dir_all(&inner).expect("mkdir");
        std::fs::write(
            inner.join(FILE_NAME),
            "[documents.\"a.txt\"]\npublished = 2024-03-05\n",
        )
        .expect("write");
        std::fs::write(
            top.join(FILE_NAME),
            "[crosscheck]\nfail_on = \"contradiction\"\n",
        )
        .expect("write");
        let found = find(None, false, &inner).expect("found");
        assert_eq!(found.path.as_deref(), Some(top.join(FILE_NAME).as_path()));
        assert_eq!(found.settings.fail_on, Some(FailOn::Contradiction));
        assert_eq!(find(None, true, &inner).map(|f| f.path).ok(), Some(None));
        std::fs::write(top.join(FILE_NAME), "[crosscheck]\n\nfail_onn = 1\n").expect("write");
        let err = format!("{:#}", find(None, false, &inner).expect_err("refused"));
        assert!(err.contains("fail_onn"), "{err}");
        assert!(err.contains(":3:"), "{err}");
    }
}
