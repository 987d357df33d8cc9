"""Noise audit: how much of what quotetrail stores is not a quote or a claim at all?

    .venv/bin/python bench/noise_audit.py [--texts DIR] [--n 100] [--seed 11]
        [--labels bench/noise_audit_labels.tsv] [--print]

Extracts the articles (PolNeAR dev by default), keeps what would be stored (confidence at or
above `indexer.extract.scoring.STORE_FLOOR`), draws `--n` stored attributions at random
(seeded) and, with --print, shows each for a blind reading: id, speaker as written and as
resolved, cue, content and the paragraph around it (no gold, no confidence). The label file
is tab-separated `id<TAB>label[<TAB>note]` with label `quote_or_claim` or `not`; the report
is the share labelled `not` among the drawn attributions (goal: at most 5%), and which
drawn ids have no label yet (a changed extractor draws other attributions: label again).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indexer.extract import extract_many, nlp, scoring  # noqa: E402

DEV = REPO.parent / "shared" / "bench" / "polnear" / "dev" / "text"
LABELS = Path(__file__).with_name("noise_audit_labels.tsv")
VALUES = ("quote_or_claim", "not")


def draw(texts: dict[str, str], n: int, seed: int) -> list[tuple[str, str, dict]]:
    """`n` stored attributions drawn at random: (id, article text, attribution). The id is
    `<article>@<first content character>`. The draw is stable under changes of the
    extractor: each id gets a seeded random key (SHA-1 of seed and id) and the `n` lowest
    keys are drawn, so an attribution the extractor no longer stores gives its place to the
    next one and every other drawn attribution (and its label) stays."""
    stored = []
    names = sorted(texts)
    for name, found in zip(
        names, extract_many([texts[k] for k in names], n_process=2), strict=True
    ):
        for att in scoring.stored(found)[0]:
            stored.append((f"{name}@{att['content_spans'][0][0]}", texts[name], att))
    return sorted(stored, key=lambda item: draw_key(seed, item[0]))[:n]


def draw_key(seed: int, ident: str) -> str:
    """The seeded random sort key of an attribution id (hex SHA-1 of "seed:id")."""
    return hashlib.sha1(f"{seed}:{ident}".encode()).hexdigest()


def paragraph(text: str, att: dict) -> str:
    """The paragraph(s) holding the content and the cue."""
    spans = [tuple(s) for s in att["content_spans"]] + (
        [tuple(att["cue_span"])] if att["cue_span"] else []
    )
    start = text.rfind("\n", 0, min(s for s, _ in spans)) + 1
    end = text.find("\n", max(e for _, e in spans))
    return " ".join(text[start : end if end >= 0 else len(text)].split())


def read_labels(path: Path) -> dict[str, str]:
    """id -> label from a label file; raises ValueError naming the line of a bad label."""
    labels = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or fields[1] not in VALUES:
            raise ValueError(f"{path}:{number}: expected id<TAB>{'|'.join(VALUES)}, got {line!r}")
        labels[fields[0]] = fields[1]
    return labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", default=str(DEV), help="folder of .txt articles")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--labels", default=str(LABELS))
    parser.add_argument("--print", action="store_true", help="print the draw for reading")
    args = parser.parse_args(argv)
    folder = Path(args.texts)
    if not folder.is_dir():
        print(f"noise_audit: no article folder at {folder}", file=sys.stderr)
        return 2
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}
    nlp.load()
    drawn = draw(texts, args.n, args.seed)
    if args.print:
        for number, (ident, text, att) in enumerate(drawn, 1):
            print(f"[{number}] {ident}")
            print(f"  speaker: {att['speaker_text']!r} -> {att['speaker']!r}   cue: {att['cue']!r}")
            print(f"  content: {att['content']}")
            print(textwrap.indent(textwrap.fill(paragraph(text, att), 100), "  | "))
    path = Path(args.labels)
    labels = read_labels(path) if path.exists() else {}
    ids = [ident for ident, _, _ in drawn]
    missing = [i for i in ids if i not in labels]
    labelled = [labels[i] for i in ids if i in labels]
    noise = labelled.count("not")
    if labelled:
        print(
            f"noise audit: {noise} of {len(labelled)} labelled stored attributions are not a "
            f"quote or claim ({100 * noise / len(labelled):.1f}%; goal <= 5%)"
        )
    if missing:
        print(
            f"{len(missing)} drawn attributions have no label in {path}: {' '.join(missing[:10])}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
