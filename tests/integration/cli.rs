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
