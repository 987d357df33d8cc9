"""Learn the cue lexicon from PolNeAR train: how often each cue form/construction is right.

    .venv/bin/python -m indexer.extract.training.learn_cues [--gold ../shared/bench/polnear/train]

Every candidate the constructions propose (with no lexicon filter) is matched against the
gold attributions with the scorer's own rule (content overlap >= 0.5 and a compatible
source). The counts [hits, total] per surface form and construction go to cue_lexicon.json.
Candidates without a cue word (a label's colon, a layout line) are left out: their own rule
scores them.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from collections import defaultdict
from pathlib import Path

from indexer.extract import nlp
from indexer.extract.attributions import candidates, layout
from indexer.extract.cues import LEXICON_PATH

REPO = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = REPO.parent / "shared" / "bench" / "polnear" / "train"
MIN_TOTAL = 2


def _accept_all(form: str, pattern: str) -> float:
    return 1.0


def _chars(text: str, spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if not text[i].isspace()}


def _tally(doc) -> list[tuple[str, str, bool]]:
    text = doc.text
    gold = [(_chars(text, a.content), _chars(text, a.source)) for a in doc.attributions]
    out = []
    for cand in candidates(layout(text, None), _accept_all):
        if not any(c.isalpha() for c in cand.form):
            continue  # a label's colon, a layout line: no cue word, their rule scores them
        content = _chars(text, cand.content)
        span = cand.source_span()
        source = _chars(text, [span]) if span else set()
        hit = any(
            content
            and len(content & g) / max(len(content), len(g)) >= 0.5
            and ((source & gs) or (not source and not gs))
            for g, gs in gold
        )
        out.append((cand.form, cand.pattern, hit))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD))
    parser.add_argument("--out", default=str(LEXICON_PATH))
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(args.gold).resolve().parents[1]))
    from score_attributions import load_gold  # the bench's loader, read at training time

    gold, _ = load_gold(args.gold)
    nlp.load()
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    with multiprocessing.get_context("fork").Pool(args.processes) as pool:
        for rows in pool.imap_unordered(_tally, gold.values(), chunksize=4):
            for form, pattern, hit in rows:
                counts[form][pattern][0] += hit
                counts[form][pattern][1] += 1
    lexicon = {
        form: {p: c for p, c in sorted(pats.items()) if c[1] >= MIN_TOTAL}
        for form, pats in sorted(counts.items())
    }
    lexicon = {f: p for f, p in lexicon.items() if p and any(c[0] for c in p.values())}
    Path(args.out).write_text(json.dumps(lexicon, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"{len(lexicon)} cue forms written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
