"""Is the extractor's output unchanged? `quotetrail extract` over a folder of articles,
compared byte for byte with a saved run.

    .venv/bin/python bench/extract_same.py --save /tmp/before.jsonl     # before a change
    .venv/bin/python bench/extract_same.py --against /tmp/before.jsonl  # after it

The articles default to PolNeAR dev (`../shared/bench/polnear/dev/text`); `--split train`
reads train's 840 instead, `--articles DIR` any folder. Prints the number
of lines compared and, when they differ, the first differing article and field; exits 1 on
any difference, 0 when the output is byte-identical. A behaviour-preserving refactoring of
the reading or extraction code keeps this at 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "bench" / "polnear"


def run_extract(folder: Path) -> bytes:
    """The JSON Lines `quotetrail extract FILES --format jsonl` prints for every `*.txt` of
    `folder`, in file-name order. Raises CalledProcessError when the command fails."""
    files = sorted(str(p) for p in folder.glob("*.txt"))
    if not files:
        raise SystemExit(f"extract_same: no *.txt articles in {folder}")
    quotetrail = str(Path(sys.executable).parent / "quotetrail")
    command = [quotetrail, "extract", *files, "--format", "jsonl"]
    return subprocess.run(command, check=True, capture_output=True, cwd=REPO).stdout


def first_difference(before: list[str], after: list[str]) -> str:
    """Where two runs part: the line number, article and first differing key."""
    for number, (old, new) in enumerate(zip(before, after, strict=False), 1):
        if old == new:
            continue
        a, b = json.loads(old), json.loads(new)
        where = a.get("doc_id") or a.get("file") or f"line {number}"
        keys = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        return f"line {number} ({where}) differs in {', '.join(keys) or 'key order'}"
    return f"line counts differ: {len(before)} before, {len(after)} after"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--split", choices=("dev", "train"), default="dev", help="PolNeAR split")
    where.add_argument("--articles", type=Path, help="folder of *.txt articles")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write this run's output here")
    group.add_argument("--against", type=Path, help="compare this run with a saved one")
    args = parser.parse_args()
    output = run_extract(args.articles or POLNEAR / args.split / "text")
    if args.save:
        args.save.write_bytes(output)
        print(f"saved {len(output.splitlines())} lines ({len(output)} bytes) to {args.save}")
        return 0
    saved = args.against.read_bytes()
    if saved == output:
        print(f"identical: {len(output.splitlines())} lines, {len(output)} bytes")
        return 0
    before = saved.decode("utf-8").splitlines()
    after = output.decode("utf-8").splitlines()
    print(f"DIFFERENT: {first_difference(before, after)}")
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
