//! The command line: exit codes, errors that name their cause, `--dump` views.

use assert_cmd::Command;
use predicates::prelude::*;

fn crosscheck() -> Command {
    Command::cargo_bin("crosscheck").expect("binary builds")
}

#[test]
fn exit_codes_follow_diff() {
    crosscheck()
        .args(["check", "tests/fixtures/pipeline/agree"])
        .assert()
        .code(0);
    crosscheck()
        .args(["check", "tests/fixtures/pipeline/toll"])
        .assert()
        .code(1);
    crosscheck()
        .args(["check", "tests/fixtures/no-such-folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tests/fixtures/no-such-folder"));
}

#[test]
fn claims_lists_figures_and_exits_clean() {
    crosscheck()
        .args(["claims", "tests/fixtures/pipeline/toll"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("At least 120"));
}

#[test]
fn a_bad_flag_value_is_a_usage_error() {
    crosscheck()
        .args(["check", "data/", "--published-default", "2024-13-40"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--published-default"));
}

#[test]
fn every_stage_can_be_dumped_as_json() {
    for stage in [
        "documents",
        "segments",
        "claims",
        "profiles",
        "stories",
        "clusters",
    ] {
        let out = crosscheck()
            .args(["check", "--dump", stage, "tests/fixtures/pipeline/toll"])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0), "--dump {stage}");
        let v: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("--dump {stage}: {e}"));
        assert!(
            v.as_array().is_some_and(|a| !a.is_empty()),
            "--dump {stage} is a non-empty list"
        );
    }
}

#[test]
fn totals_line_closes_the_table() {
    crosscheck()
        .args(["check", "tests/fixtures/pipeline/toll"])
        .assert()
        .stdout(
            predicate::str::contains("2 documents,").and(predicate::str::contains("1 discrepancy")),
        );
}

#[test]
fn timings_name_every_stage_on_stderr_and_leave_the_report_alone() {
    let plain = crosscheck()
        .args(["check", "--format", "json", "tests/fixtures/pipeline/toll"])
        .output()
        .expect("runs");
    let timed = crosscheck()
        .args([
            "check",
            "--timings",
            "--format",
            "json",
            "tests/fixtures/pipeline/toll",
        ])
        .output()
        .expect("runs");
    assert_eq!(plain.stdout, timed.stdout);
    assert_eq!(plain.status.code(), timed.status.code());
    let err = String::from_utf8_lossy(&timed.stderr);
    let stages: Vec<&str> = err
        .lines()
        .filter_map(|l| l.strip_prefix("crosscheck: timing: "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        stages,
        [
            "reading",
            "extracting",
            "clustering",
            "comparing",
            "writing",
            "total"
        ],
        "{err}"
    );
    assert!(!String::from_utf8_lossy(&plain.stderr).contains("timing"));
}

/// A command's `--help` text.
fn help(command: &str) -> String {
    let out = crosscheck()
        .args([command, "--help"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{command} --help");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn each_subcommand_lists_only_its_own_flags() {
    let extract = help("extract");
    // a flag is offered when a line names it whole (`--dump`, not `--dump-config`)
    let offered = |h: &str, flag: &str| {
        let whole = |rest: &str| !rest.starts_with(|c: char| c == '-' || c.is_alphanumeric());
        h.lines().any(|l| {
            let l = l.trim_start();
            l.strip_prefix(flag).is_some_and(whole)
                || l.split(", ")
                    .skip(1)
                    .any(|part| part.strip_prefix(flag).is_some_and(whole))
        })
    };
    for flag in ["--claims", "--format", "--dump", "--color", "--quiet"] {
        assert!(!offered(&extract, flag), "extract --help offers {flag}");
    }
    assert!(extract.contains("--glob") && extract.contains("--published-default"));
    crosscheck()
        .args(["extract", "--claims", "x.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unexpected argument '--claims'"));
    // a flag extract has no use for is refused, not ignored
    for flag in ["--format", "--dump"] {
        crosscheck()
            .args(["extract", flag, "json", "tests/fixtures/pipeline/toll"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(format!(
                "unexpected argument '{flag}'"
            )));
    }
    for command in ["check", "claims"] {
        let h = help(command);
        assert!(
            offered(&h, "--format") && offered(&h, "--story-per-folder"),
            "{command}"
        );
        assert!(!h.contains("Cluster and compare"), "{command}: {h}");
        assert!(
            h.contains("Examples:") && h.contains("Exit codes"),
            "{command}: {h}"
        );
        assert!(
            h.contains("  2  trouble"),
            "{command} --help gives the exit codes"
        );
    }
    assert!(help("extract").contains("Exit codes"));
    let top = crosscheck().arg("--help").output().unwrap();
    let top = String::from_utf8_lossy(&top.stdout);
    assert!(
        top.contains("Examples:") && top.contains("  1  discrepancies found"),
        "{top}"
    );
}

#[test]
fn claims_takes_no_value_so_later_paths_stay_paths() {
    let dir = tempfile::tempdir().unwrap();
    let shard = dir.path().join("s1.jsonl");
    let out = crosscheck()
        .args(["extract", "tests/fixtures/pipeline/toll"])
        .output()
        .unwrap();
    std::fs::write(&shard, &out.stdout).unwrap();
    // every PATH is a record file; a folder among them is named as such
    crosscheck()
        .args(["check", "--claims"])
        .arg(&shard)
        .arg("data/border-highlands")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "data/border-highlands is a folder: with --claims every PATH is a record file",
        ));
    // flags after the record files are still flags
    crosscheck()
        .args(["check", "--claims"])
        .arg(&shard)
        .args(["--format", "brief"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("toll/a.md:6:62: contradiction"));
}

#[test]
fn completions_and_a_manual_page() {
    for (shell, mark) in [
        ("bash", "_crosscheck()"),
        ("zsh", "#compdef crosscheck"),
        ("fish", "complete -c crosscheck"),
    ] {
        crosscheck()
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(
                predicate::str::contains(mark).and(predicate::str::contains("story-per-folder")),
            );
    }
    crosscheck().args(["completions", "tcsh"]).assert().code(2);
    crosscheck().arg("man").assert().code(0).stdout(
        predicate::str::contains(".TH crosscheck 1").and(predicate::str::contains("completions")),
    );
}
