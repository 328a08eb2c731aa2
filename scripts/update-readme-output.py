#!/usr/bin/env python3
"""Put what `check data/` prints into README.md and data/README.md.

Usage: scripts/update-readme-output.py   (after `cargo build --release`)

tests/integration/pipeline.rs fails when the copies differ from the real output; this
rewrites them: the fenced block after "$ cargo run --release -- check --format brief data/"
and the totals block in README.md, and the table block in data/README.md.
"""
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(root)
env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LC_ALL", "LC_CTYPE")}
env["LANG"] = "C.UTF-8"


def run(fmt):
    out = subprocess.run(["target/release/crosscheck", "check", "--format", fmt, "data/"],
                         env=env, capture_output=True, text=True)
    if out.returncode != 1:
        sys.exit(f"check --format {fmt} data/ exited {out.returncode}: {out.stderr}")
    return out.stdout.rstrip("\n")


table, brief = run("table"), run("brief")
totals = table.splitlines()[-1]

readme = open("README.md").read()
readme = re.sub(r"(\$ cargo run --release -- check --format brief data/\n)(.*?)(\n```)",
                lambda m: m.group(1) + brief + m.group(3), readme, count=1, flags=re.S)
readme = re.sub(r"(```\n)\d+ documents, [^\n]*(\n```)", lambda m: m.group(1) + totals + m.group(2),
                readme, count=1)
open("README.md", "w").write(readme)

data = open("data/README.md").read()
data = re.sub(r"(```\n)┌.*?\n\d+ documents, [^\n]*(\n```)", lambda m: m.group(1) + table + m.group(2),
              data, count=1, flags=re.S)
open("data/README.md", "w").write(data)
print(totals)
