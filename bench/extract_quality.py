"""Attribution extraction quality on PolNeAR: extract, then score with the shared scorer.

    .venv/bin/python bench/extract_quality.py [--split dev|train] [--gold DIR] [--limit N]

Predictions go to a temporary file (kept with --keep); the scorer's table is printed as is.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indexer.extract import cues, extract_many, nlp  # noqa: E402
from indexer.extract.report import prediction_line  # noqa: E402

SHARED = REPO.parent / "shared" / "bench"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--gold", help="folder with text/ and attributions/ (default: split)")
    parser.add_argument("--limit", type=int, help="only the first N articles (quick loops)")
    parser.add_argument("--keep", help="write predictions to this file instead of a temp file")
    parser.add_argument("--json", action="store_true", help="scorer output as JSON")
    parser.add_argument("--cue-threshold", type=float, help="override cues.THRESHOLD (tuning)")
    args = parser.parse_args(argv)
    gold = Path(args.gold) if args.gold else SHARED / "polnear" / args.split
    scorer = SHARED / "score_attributions.py"
    if not (gold / "text").is_dir() or not scorer.exists():
        print(f"no PolNeAR gold at {gold} or scorer at {scorer}", file=sys.stderr)
        return 2
    paths = sorted((gold / "text").glob("*.txt"))[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if args.cue_threshold is not None:
        cues.THRESHOLD = args.cue_threshold
    nlp.load()
    started = time.perf_counter()
    results = list(extract_many(texts, n_process=2))
    elapsed = time.perf_counter() - started
    out = Path(args.keep) if args.keep else Path(tempfile.mkstemp(suffix=".jsonl")[1])
    with out.open("w", encoding="utf-8") as handle:
        for path, atts in zip(paths, results, strict=True):
            handle.write(prediction_line(path.stem, atts) + "\n")
    print(f"{len(paths)} articles extracted in {elapsed:.1f}s -> {out}")
    cmd = [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(out)]
    if args.limit:
        cmd.append("--only-pred-docs")
    if args.json:
        cmd.append("--json")
    code = subprocess.run(cmd, check=False).returncode
    if not args.keep:
        out.unlink()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
