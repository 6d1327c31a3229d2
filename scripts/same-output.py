#!/usr/bin/env python3
"""Checks that a refactor leaves `isnad analyze` output byte-identical.

Runs `isnad analyze` over the ANT corpus (every article) and the demo article,
hashes each output document (SHA-256 of its JSON line) and compares the hashes
with `eval/output-hashes.tsv`. Prints the ids whose output changed.

    python3 scripts/same-output.py            # compare (exit 1 on any change)
    python3 scripts/same-output.py --update   # record the current output as the reference

Environment: ISNAD (binary, default target/release/isnad), ANT (corpus, default
../shared/data/news/ant/articles.jsonl).
"""
import hashlib, json, os, pathlib, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
REF = ROOT / "eval" / "output-hashes.tsv"


def outputs(binary, ant):
    runs = [
        [binary, "analyze", str(ant)],
        [binary, "analyze", "--compact", "--published", "2023-11-23", str(ROOT / "examples/khabar-2023-11-23.txt")],
    ]
    for cmd in runs:
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout
        for n, line in enumerate(out.splitlines()):
            if not line.strip():
                continue
            doc_id = json.loads(line)["document"]["id"]
            yield f"{n}:{doc_id}", hashlib.sha256(line).hexdigest()


def main():
    binary = os.environ.get("ISNAD", str(ROOT / "target/release/isnad"))
    ant = pathlib.Path(os.environ.get("ANT", ROOT.parent / "shared/data/news/ant/articles.jsonl"))
    if not ant.exists():
        print(f"same-output: {ant} not found", file=sys.stderr)
        return 2
    current = dict(outputs(binary, ant))
    if "--update" in sys.argv[1:]:
        with open(REF, "w") as f:
            f.write("# SHA-256 of each `isnad analyze` output line (scripts/same-output.py); key = line:id\n")
            for k, h in current.items():
                f.write(f"{k}\t{h}\n")
        print(f"same-output: recorded {len(current)} documents in {REF.relative_to(ROOT)}")
        return 0
    ref = {}
    for line in REF.read_text().splitlines():
        if line and not line.startswith("#"):
            k, h = line.split("\t")
            ref[k] = h
    changed = sorted(k for k in ref.keys() | current.keys() if ref.get(k) != current.get(k))
    for k in changed:
        print(f"changed: {k}")
    print(f"same-output: {len(current) - len(changed)} of {len(ref)} documents identical, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
