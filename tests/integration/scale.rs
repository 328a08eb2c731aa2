//! The sharded run (`extract` per shard, then `check --claims`) and the thread
//! count must not change a byte of the report.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// Six short reports about two invented events; the sources disagree on the tolls.
const REPORTS: &[(&str, &str)] = &[
    (
        "a/one.md",
        "---\ndate: 2024-03-05\noutlet: Morning Sheet\n---\nAt least 41 people were killed when a dam failed near Tavrel on Monday, officials in Oskamin said. About 300 homes were flooded.\n",
    ),
    (
        "a/two.txt",
        "TAVREL, March 6, 2024 — The dam failure near Tavrel on Monday killed 52 people, Oskamin officials said. Some 300 homes were flooded and 1,200 residents left.\n",
    ),
    (
        "b/three.md",
        "---\ndate: 2024-03-06\n---\nOskamin officials said 41 people died when the Tavrel dam failed on March 4. Nearly 1,200 residents were moved to shelters.\n",
    ),
    (
        "b/four.txt",
        "VENDRIS, July 9, 2023 — A fire at the Pelmora depot in Vendris destroyed 14 lorries on Saturday, the Vendris fire service said. Two workers were hurt.\n",
    ),
    (
        "c/five.txt",
        "VENDRIS, July 10, 2023 — The Pelmora depot fire in Vendris on Saturday destroyed 19 lorries and hurt two workers, the fire service said.\n",
    ),
    (
        "c/six.md",
        "---\ndate: 2023-07-11\n---\nInsurers put the Pelmora depot losses at $3.5 million after the weekend fire in Vendris, which destroyed 14 lorries.\n",
    ),
];

fn corpus() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut files = Vec::new();
    for (name, text) in REPORTS {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(&p, text).expect("write");
        files.push(p);
    }
    (dir, files)
}

fn crosscheck(args: &[&str], cwd: &Path) -> (Vec<u8>, i32) {
    let out = Command::cargo_bin("crosscheck")
        .expect("binary")
        .current_dir(cwd)
        .env_remove("CI")
        .args(args)
        .output()
        .expect("run");
    (out.stdout, out.status.code().unwrap_or(-1))
}

#[test]
fn check_over_shards_equals_check_over_files() {
    let (dir, _) = corpus();
    let root = dir.path();
    let (whole, code) = crosscheck(&["check", "--format", "json", "a", "b", "c"], root);
    assert!(
        code == 0 || code == 1,
        "{}",
        String::from_utf8_lossy(&whole)
    );
    let whole_text = String::from_utf8_lossy(&whole);
    assert!(whole_text.contains("\"d6\""), "six documents: {whole_text}");
    // shards overlap path order on purpose: c first, then a with b/four.txt
    for (shard, paths, documents) in [
        ("s1.jsonl", vec!["c"], 2),
        ("s2.jsonl", vec!["a", "b/four.txt"], 3),
        ("s3.jsonl", vec!["b/three.md"], 1),
    ] {
        let mut args = vec!["extract", "--format", "jsonl"];
        args.extend(paths);
        let (records, code) = crosscheck(&args, root);
        assert_eq!(code, 0);
        assert_eq!(
            String::from_utf8_lossy(&records).lines().count(),
            documents,
            "one line per document"
        );
        std::fs::write(root.join(shard), records).expect("write shard");
    }
    let (sharded, sharded_code) = crosscheck(
        &[
            "check", "--format", "json", "--claims", "s3.jsonl", "s1.jsonl", "s2.jsonl",
        ],
        root,
    );
    assert_eq!(String::from_utf8_lossy(&sharded), whole_text);
    assert_eq!(sharded_code, code);
    // the table report too
    let (table, _) = crosscheck(&["check", "a", "b", "c"], root);
    let (table_sharded, _) = crosscheck(
        &["check", "--claims", "s1.jsonl", "s2.jsonl", "s3.jsonl"],
        root,
    );
    assert_eq!(table_sharded, table);
}

#[test]
fn claims_file_that_is_not_records_is_trouble() {
    let (dir, _) = corpus();
    let (_, code) = crosscheck(&["check", "--claims", "a/one.md"], dir.path());
    assert_eq!(code, 2);
    let (_, code) = crosscheck(&["check", "--claims", "missing.jsonl"], dir.path());
    assert_eq!(code, 2);
}

#[test]
fn one_thread_prints_what_all_threads_print() {
    let (dir, _) = corpus();
    let root = dir.path();
    for cmd in [
        vec!["check", "--format", "json", "."],
        vec!["claims", "--format", "jsonl", "."],
        vec!["extract", "."],
    ] {
        let (all, code_all) = crosscheck(&cmd, root);
        let mut one_args = cmd.clone();
        one_args.extend(["--threads", "1"]);
        let (one, code_one) = crosscheck(&one_args, root);
        assert!(!all.is_empty());
        assert_eq!(
            String::from_utf8_lossy(&one),
            String::from_utf8_lossy(&all),
            "{cmd:?}"
        );
        assert_eq!(code_one, code_all);
    }
}
