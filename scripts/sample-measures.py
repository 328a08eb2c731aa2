#!/usr/bin/env python3
"""Sample numeric figures from the dev corpora and print each with its measure key, for judging by reading.

Takes: the shared folder (holding timeml-dev/, gva-dev/, ecb-dev/, each with docs/), a seed and
a sample size. Runs `crosscheck claims --format json` once per corpus, pools every figure that is
not a date across the three corpora, and draws the sample with a fixed seed.
Hands on: one block per figure (index, corpus, file:line, kind, value, the sentence with the
figure marked ⟦like this⟧, and the claim's key fields), or with --tsv one row per figure with
empty `judgement` and `note` columns to fill in (right / wrong / neighbouring).

The non-obvious rule: the key fields are not named here. Every field of a claim that is not
one of its position, text or value fields is printed, so the script keeps working when the
measure key changes shape (measure, event, anchor, topic, owner, ...).

With --same-as TSV (a --tsv output of an earlier run) the sample is not drawn again: the same
figures, found by corpus, file and byte offset, are printed with the keys the binary gives now
(a figure that is no longer a claim says so), so a before/after judgement reads the same 200.

Usage: scripts/sample-measures.py [SHARED] [--seed N] [--n 200] [--bin PATH] [--tsv] [--same-as TSV]
"""
import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

CORPORA = ["timeml-dev", "gva-dev", "ecb-dev"]
# Fields that place or quote a claim; every other field is part of what the claim measures.
NOT_KEY = {"id", "document", "start", "end", "line", "column", "quote", "sentence", "value", "kind", "rule"}
# Kinds that are not numeric figures.
NOT_FIGURE = {"date"}


def run_claims(binary, docs):
    out = subprocess.run(
        [str(binary), "claims", "--format", "json", str(docs)],
        capture_output=True,
        check=False,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"{binary} claims {docs}: exit {out.returncode}: {out.stderr.decode(errors='replace')[:500]}")
    try:
        return json.loads(out.stdout)
    except ValueError as err:
        sys.exit(f"{binary} claims {docs}: output is not JSON: {err}")


def file_text(path, cache):
    """The text of a document's file (the part before '#' for records of a JSON file)."""
    real = path.split("#", 1)[0]
    if real not in cache:
        try:
            cache[real] = Path(real).read_bytes()
        except OSError:
            cache[real] = b""
    return cache[real]


def one_line(s):
    return " ".join(str(s).split())


def marked_sentence(claim, path, cache):
    """The claim's sentence with its figure marked; the sentence comes from the claim or the file."""
    raw = file_text(path, cache)
    start, end = claim.get("start"), claim.get("end")
    quote = str(claim.get("quote", ""))
    sentence = claim.get("sentence")
    if isinstance(start, int) and isinstance(end, int) and raw and end <= len(raw):
        fig = raw[start:end].decode("utf-8", errors="replace")
        if sentence:
            # place the sentence in the file around the figure, to mark the right occurrence
            sb = str(sentence).encode("utf-8")
            lo = raw.rfind(sb[: min(len(sb), 40)], max(0, start - len(sb) - 200), start + 1)
            if lo != -1 and lo <= start and end <= lo + len(sb) + 200:
                before = raw[lo:start].decode("utf-8", errors="replace")
                rest = sentence[len(before):] if str(sentence).startswith(before) else None
                if rest is not None and rest.startswith(fig):
                    return one_line(f"{before}⟦{fig}⟧{rest[len(fig):]}")
        else:
            lo = max(0, start - 200)
            hi = min(len(raw), end + 200)
            before = raw[lo:start].decode("utf-8", errors="replace")
            after = raw[end:hi].decode("utf-8", errors="replace")
            return one_line(f"…{before}⟦{fig}⟧{after}…")
    sentence = str(sentence or "")
    i = sentence.find(quote) if quote else -1
    if i == -1:
        return one_line(f"{sentence}  [figure: ⟦{quote}⟧]")
    return one_line(f"{sentence[:i]}⟦{quote}⟧{sentence[i + len(quote):]}")


def key_fields(claim):
    return {k: claim[k] for k in sorted(claim) if k not in NOT_KEY}


def show_value(v):
    if isinstance(v, dict):
        parts = [f"{v.get('stated')}"]
        if v.get("low") != v.get("high"):
            parts.append(f"[{v.get('low')}..{v.get('high')}]")
        if v.get("unit"):
            parts.append(str(v["unit"]))
        if v.get("precision") and v.get("precision") != "exact":
            parts.append(str(v["precision"]))
        return " ".join(parts)
    return json.dumps(v)


def main():
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", nargs="?", default=str(here.parent / "shared"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--bin", default=str(here / "target" / "release" / "crosscheck"))
    ap.add_argument("--tsv", action="store_true", help="one row per figure, with judgement columns")
    ap.add_argument("--same-as", metavar="TSV", help="the figures of an earlier --tsv run, not a new draw")
    args = ap.parse_args()

    shared = Path(args.shared)
    pool = []
    cache = {}
    for corpus in CORPORA:
        docs = shared / corpus / "docs"
        if not docs.is_dir():
            sys.exit(f"{docs}: not a folder")
        report = run_claims(args.bin, docs)
        paths = {str(d["id"]): d.get("path", str(d["id"])) for d in report.get("documents", [])}
        for c in report.get("claims", []):
            if c.get("kind") in NOT_FIGURE:
                continue
            path = paths.get(str(c.get("document")), str(c.get("document")))
            pool.append((corpus, path, c))
    pool.sort(key=lambda t: (t[0], t[1], t[2].get("start", 0), str(t[2].get("id"))))

    def rel_of(corpus, path):
        base = str(shared / corpus / "docs")
        real, _, rec = path.partition("#")
        rel = str(Path(real).relative_to(base)) if real.startswith(base) else real
        return rel + ("#" + rec if rec else "")

    if args.same_as:
        at = {(corpus, rel_of(corpus, path), c.get("start")): i for i, (corpus, path, c) in enumerate(pool)}
        sample = []
        with open(args.same_as, encoding="utf-8") as fh:
            head = fh.readline().rstrip("\n").split("\t")
            for line in fh:
                f = dict(zip(head, line.rstrip("\n").split("\t")))
                start = int(f["start"]) if f.get("start", "").isdigit() else None
                sample.append(at.get((f["corpus"], f["file"], start), (f["corpus"], f["file"], f.get("quote", ""), start)))
        n = len(sample)
    else:
        rng = random.Random(args.seed)
        n = min(args.n, len(pool))
        sample = sorted(rng.sample(range(len(pool)), n))

    cols = ["index", "corpus", "file", "start", "end", "line", "kind", "quote", "value", "key", "sentence", "judgement", "note"]
    drawn = f"the figures of {args.same_as}" if args.same_as else f"seed {args.seed}"
    if args.tsv:
        print("\t".join(cols))
    else:
        print(f"# {n} of {len(pool)} figures (not dates) from {', '.join(CORPORA)}; {drawn}; binary {args.bin}")
    for idx, i in enumerate(sample, 1):
        if isinstance(i, tuple):
            corpus, rel, quote, start = i
            if args.tsv:
                print("\t".join([str(idx), corpus, rel, str(start), "", "", "", quote, "", "(no claim now)", "", "", ""]))
            else:
                print(f"[{idx}] {corpus} {rel} at byte {start}  ⟦{quote}⟧ is no claim now")
            continue
        corpus, path, c = pool[i]
        rel = rel_of(corpus, path)
        sent = marked_sentence(c, path, cache)
        keys = key_fields(c)
        if args.tsv:
            key = "; ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in keys.items())
            row = [str(idx), corpus, rel, str(c.get("start", "")), str(c.get("end", "")), str(c.get("line", "")),
                   str(c.get("kind", "")), one_line(c.get("quote", "")),
                   show_value(c.get("value")), key, sent, "", ""]
            print("\t".join(x.replace("\t", " ") for x in row))
        else:
            print(f"[{idx}] {corpus} {rel}:{c.get('line', '?')}  {c.get('kind')} {show_value(c.get('value'))}")
            print(f"    {sent}")
            print("    " + "  ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in keys.items()))


if __name__ == "__main__":
    main()
