//! The invented stories of tests/fixtures/stories/: runs the real binary
//! (`check --format json`) on each story's folder and scores the report against the
//! story's gold.json by gold-check's rules (gold.rs), printing one score line per story.
//! The non-obvious rule: the stories that fail today are listed in
//! tests/fixtures/stories/known-gaps.toml, and the list only shrinks: a listed story
//! that passes fails this test as surely as an unlisted story that fails.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde::Deserialize;
use serde_json::Value;

use crate::gold::{self, Gold};

const STORIES: &str = "tests/fixtures/stories";
const GOLD: &str = "gold.json";
const GAPS: &str = "tests/fixtures/stories/known-gaps.toml";
/// The issues a gap may wait for: the measure model and event identity.
const ISSUES: [u32; 2] = [14, 15];

#[derive(Deserialize)]
struct Gaps {
    #[serde(default)]
    gap: Vec<Gap>,
}

#[derive(Deserialize)]
struct Gap {
    story: String,
    issue: u32,
    reason: String,
}

/// Every story folder (one holding a gold.json), sorted by name.
fn stories() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(STORIES)
        .expect("stories folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join(GOLD).is_file())
        .collect();
    dirs.sort();
    dirs
}

fn name(dir: &Path) -> String {
    dir.file_name()
        .expect("folder name")
        .to_string_lossy()
        .into_owned()
}

fn gold_of(dir: &Path) -> Gold {
    let text = fs::read_to_string(dir.join(GOLD)).expect("gold.json reads");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: gold.json: {e}", dir.display()))
}

/// The story's source files: everything in its folder but the gold file.
fn sources(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(dir)
        .expect("story folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|f| f != GOLD)
        .collect();
    files.sort();
    files
}

fn gaps() -> Gaps {
    let text = fs::read_to_string(GAPS).expect("known-gaps.toml reads");
    toml::from_str(&text).unwrap_or_else(|e| panic!("{GAPS}: {e}"))
}

/// Run the binary on a story; a story whose inputs are skipped or that gives trouble is a
/// broken fixture, not a score.
fn report(dir: &Path) -> Value {
    let out = Command::cargo_bin("crosscheck")
        .expect("binary builds")
        .args(["check", "--format", "json", "--exclude", GOLD])
        .arg(dir)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0 | 1)) && !stderr.contains("skipped"),
        "{}: exit {:?}, stderr: {stderr}",
        dir.display(),
        out.status.code()
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{}: report is not JSON: {e}", dir.display()))
}

#[test]
fn stories_score_as_the_known_gaps_say() {
    let gaps = gaps();
    let dirs = stories();
    let names: BTreeSet<String> = dirs.iter().map(|d| name(d)).collect();
    let mut problems = Vec::new();
    let mut listed = BTreeSet::new();
    for g in &gaps.gap {
        if !names.contains(&g.story) {
            problems.push(format!("known gap {:?} is not a story folder", g.story));
        }
        if !ISSUES.contains(&g.issue) {
            problems.push(format!(
                "known gap {:?} waits for issue {}, not 14 or 15",
                g.story, g.issue
            ));
        }
        if g.reason.trim().is_empty() {
            problems.push(format!("known gap {:?} gives no reason", g.story));
        }
        if !listed.insert(g.story.clone()) {
            problems.push(format!("known gap {:?} is listed twice", g.story));
        }
    }
    let mut board = Vec::new();
    for dir in &dirs {
        let story = name(dir);
        let score = gold::score(&gold_of(dir), &report(dir));
        let gap = gaps.gap.iter().find(|g| g.story == story);
        let mark = match (score.ok, gap) {
            (true, None) => "pass".to_string(),
            (false, Some(g)) => format!("gap (issue {})", g.issue),
            (true, Some(g)) => {
                problems.push(format!(
                    "{story} passes now: remove it from {GAPS} (it waited for issue {})",
                    g.issue
                ));
                "PASSES, STILL LISTED".to_string()
            }
            (false, None) => {
                problems.push(format!("{story} fails and is not a known gap"));
                "FAILS".to_string()
            }
        };
        board.push(format!("[{mark}] {}", score.line()));
        for l in &score.lines[..score.lines.len().saturating_sub(1)] {
            board.push(format!("      {l}"));
        }
    }
    let board = board.join("\n");
    // straight to stderr, past the test harness's capture: every run shows the board
    let _ = writeln!(std::io::stderr(), "story scores:\n{board}");
    assert!(
        problems.is_empty(),
        "{}\n\nevery story:\n{board}",
        problems.join("\n")
    );
}

/// The fixtures are what the README says: at least ten stories plus the event-identity
/// ones, three or four sources each in mixed formats, gold that names their own files.
#[test]
fn every_story_has_mixed_sources_and_gold_that_names_them() {
    let dirs = stories();
    assert!(dirs.len() >= 14, "only {} stories", dirs.len());
    let mut problems = Vec::new();
    for dir in &dirs {
        let story = name(dir);
        let files = sources(dir);
        if !(3..=4).contains(&files.len()) {
            problems.push(format!(
                "{story}: {} sources, not three or four",
                files.len()
            ));
        }
        let formats: BTreeSet<&str> = files
            .iter()
            .filter_map(|f| f.rsplit_once('.').map(|(_, e)| e))
            .collect();
        if formats.len() < 2 {
            problems.push(format!("{story}: sources in one format only ({formats:?})"));
        }
        let g = gold_of(dir);
        if g.corpus != story {
            problems.push(format!("{story}: gold corpus is {:?}", g.corpus));
        }
        let findings = g.must_flag.len() + g.updates.as_ref().map_or(0, Vec::len);
        if findings == 0 || g.must_not_flag.is_empty() {
            problems.push(format!(
                "{story}: needs a must_flag (or update) and a must_not_flag"
            ));
        }
        for r in g.refs() {
            let (folder, start) = r[0].rsplit_once('/').unwrap_or(("", &r[0]));
            let named = files
                .iter()
                .filter(|f| f.to_lowercase().starts_with(&start.to_lowercase()))
                .count();
            if folder != story || named != 1 || r[1].trim().is_empty() {
                problems.push(format!(
                    "{story}: reference {r:?} names {named} of its files"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
