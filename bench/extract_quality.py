"""Attribution extraction quality on PolNeAR: extract, then score with the shared scorer.

    .venv/bin/python bench/extract_quality.py [--split dev|train] [--gold DIR] [--limit N]
        [--calibration] [--speakers] [--all] [--false-positives]

Scores what would be stored: the attributions at or above the store floor
(`indexer.extract.scoring.STORE_FLOOR`; --all scores everything the extractor returns).
Predictions go to a temporary file (kept with --keep); the scorer's table is printed as is.
--calibration prints, per confidence bucket, the share of all predictions (below the floor
too) that the scorer's attribution rule matches: the reliability table the floor is chosen
by. --speakers checks the resolved `speaker` of matched attributions whose source is a
pronoun, a single word or a description: PolNeAR has no resolved-speaker gold, so the
proxy is whether the speaker is (or ends with the surname of) a PERSON/ORG the spaCy NER
finds earlier in the article. --false-positives prints the stored predictions that match no
gold attribution, each as `no content` or `wrong source` (the gold content matches, its
source does not).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indexer.extract import cues, extract_many, nlp, scoring  # noqa: E402
from indexer.extract.report import prediction_line  # noqa: E402

SHARED = REPO.parent / "shared" / "bench"
BUCKETS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "him", "them"]
)


def _matched(scorer, doc, preds: list[dict]) -> dict[int, int]:
    """pred index -> gold index, under the scorer's attribution rule (content + source)."""
    text = doc.text

    def sets(att: dict) -> tuple:
        return (
            scorer.char_set(text, [tuple(s) for s in att["content"]]),
            scorer.char_set(text, [tuple(s) for s in att.get("source", [])]),
        )

    gold = [
        (scorer.char_set(text, a.content), scorer.char_set(text, a.source))
        for a in doc.attributions
    ]
    pred = [sets(p) for p in preds]
    pairs = []
    for gi, (gc, gs) in enumerate(gold):
        for pi, (pc, ps) in enumerate(pred):
            ratio = scorer.overlap_ratio(gc, pc)
            if ratio >= 0.5 and scorer._compatible(gs, ps):
                pairs.append((ratio, gi, pi))
    return scorer.greedy_match(pairs)


def false_positives(scorer, gold: dict, predictions: dict[str, list[dict]]) -> None:
    """Print every prediction that matches no gold attribution, as `[no content]` (no gold
    content overlaps it by half) or `[wrong source]` (a gold content does, its source does
    not), with the cue, the source as written, the gold source and the content; then the
    count of each."""
    counts: Counter[str] = Counter()
    for doc_id, preds in sorted(predictions.items()):
        doc = gold[doc_id]
        text = doc.text
        matched = _matched(scorer, doc, preds)
        for index, pred in enumerate(preds):
            if index in matched:
                continue
            content = scorer.char_set(text, [tuple(s) for s in pred["content"]])
            near = [
                a
                for a in doc.attributions
                if scorer.overlap_ratio(scorer.char_set(text, a.content), content) >= 0.5
            ]
            kind = "wrong source" if near else "no content"
            counts[kind] += 1
            gold_source = f" gold source={_words(text, near[0].source)!r}" if near else ""
            print(
                f"[{kind}] {doc_id} cue={_words(text, pred.get('cue', []))!r} "
                f"source={_words(text, pred.get('source', []))!r}{gold_source}\n"
                f"    {_words(text, pred['content'])[:200]!r}"
            )
    print(", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items())))


def _words(text: str, spans) -> str:
    return " ".join(text[s:e] for s, e in spans)


def calibration(scorer, gold: dict, predictions: dict[str, list[dict]]) -> None:
    rows: Counter = Counter()
    for doc_id, preds in predictions.items():
        match = _matched(scorer, gold[doc_id], preds)
        for pi, att in enumerate(preds):
            conf = att.get("confidence", 0.0)
            k = next(i for i in range(len(BUCKETS) - 1) if conf < BUCKETS[i + 1])
            kind = "src" if att.get("source") else "nosrc"
            for key in ((k, "all"), (k, kind)):
                rows[key + ("n",)] += 1
                rows[key + ("ok",)] += pi in match
    print("\nconfidence calibration (precision under the attribution rule)")
    print(f"{'confidence':<12}{'n':>6}{'precision':>11}{'  with source':>15}{'  no source':>13}")
    cumulative_n = cumulative_ok = 0
    for k in reversed(range(len(BUCKETS) - 1)):
        n, ok = rows[(k, "all", "n")], rows[(k, "all", "ok")]
        if not n:
            continue
        cumulative_n += n
        cumulative_ok += ok
        cells = []
        for kind in ("src", "nosrc"):
            kn, kok = rows[(k, kind, "n")], rows[(k, kind, "ok")]
            cells.append(f"{100 * kok / kn:5.1f} ({kn:>4})" if kn else "      -     ")
        label = f"[{BUCKETS[k]:.1f}, {min(BUCKETS[k + 1], 1.0):.1f}{')' if k < 7 else ']'}"
        print(
            f"{label:<12}{n:>6}{100 * ok / n:>10.1f} {cells[0]:>14} {cells[1]:>12}"
            f"   (>= {BUCKETS[k]:.1f}: P {100 * cumulative_ok / cumulative_n:.1f},"
            f" n {cumulative_n})"
        )


def _ner():
    """The same installed model with its NER on (the extractor itself runs without it)."""
    import spacy

    for name in nlp.MODEL_NAMES:
        try:
            return spacy.load(name, exclude=["lemmatizer"])
        except OSError:
            continue
    raise RuntimeError("no English spaCy model installed")


def _verdict(speaker: str, earlier: list[tuple[str, str]], text: str) -> str:
    """ "full name": several capitalised words, written in the article, whose last word ends
    a PERSON/ORG named earlier (or a one-word name that is the longest form written);
    "surname": one word although an earlier PERSON has a longer name ending with it;
    "other": anything else (a description, a wrong or partial name)."""
    if not speaker:
        return "none"
    words = speaker.split()
    surnames = {_last(t) for t, _ in earlier}
    if (
        len(words) > 1
        and all(w[:1].isupper() or w.lower() in ("of", "and", "de", "al") for w in words)
        and speaker in text
        and (_last(speaker) in surnames or speaker in {t for t, lab in earlier if lab == "ORG"})
    ):
        return "full name"
    same = [t for t, lab in earlier if lab == "PERSON" and _last(t) == _last(speaker)]
    if len(words) == 1 and any(len(t.split()) > 1 for t in same):
        return "surname"
    if same and speaker in text:  # "Obama" where the article never writes a longer name
        return "full name"
    return "other"


def _last(name: str) -> str:
    return name.split()[-1].lower().removesuffix("'s").removesuffix("\u2019s")


def speakers(scorer, gold: dict, predictions: dict[str, list[dict]]) -> None:
    """How often a resolved speaker is a plausible full name of someone named earlier."""
    ner = _ner()
    tally: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for doc_id, preds in predictions.items():
        doc = gold[doc_id]
        match = _matched(scorer, doc, preds)
        if not match:
            continue
        ents = [(e.start_char, e.text, e.label_) for e in ner(doc.text).ents]
        for pi in match:
            att = preds[pi]
            if not att.get("source"):
                continue
            s, e = att["source"][0]
            written = doc.text[s:e]
            words = written.split()
            low = written.lower()
            if low in PRONOUNS:
                shape = "pronoun"
            elif len(words) == 1 and written[:1].isupper():
                shape = "one name"
            elif words[0].lower() in ("the", "this", "that") and len(words) <= 3:
                shape = "description"
            else:
                continue
            earlier = [(t, lab) for p, t, lab in ents if p < s and lab in ("PERSON", "ORG")]
            speaker = att.get("speaker") or ""
            verdict = _verdict(speaker, earlier, doc.text)
            tally[(shape, verdict)] += 1
            tally[(shape, "n")] += 1
            if verdict != "full name" and len(examples.setdefault(shape + verdict, [])) < 4:
                examples[shape + verdict].append(
                    f"{shape}, {verdict}: {doc_id[:30]} {written!r} -> {speaker!r}"
                )
    print("\nresolved speakers of matched attributions (NER names earlier in the article)")
    header = ("full name", "surname", "other", "none")  # see _verdict
    print(f"{'source as written':<20}{'n':>6}" + "".join(f"{h:>11}" for h in header))
    for shape in ("pronoun", "one name", "description"):
        n = tally[(shape, "n")]
        if n:
            cells = [100 * tally[(shape, v)] / n for v in header]
            print(f"{shape:<20}{n:>6}" + "".join(f"{c:>10.1f}%" for c in cells))
    for lines in examples.values():
        for line in lines:
            print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--gold", help="folder with text/ and attributions/ (default: split)")
    parser.add_argument("--limit", type=int, help="only the first N articles (quick loops)")
    parser.add_argument("--keep", help="write predictions to this file instead of a temp file")
    parser.add_argument("--json", action="store_true", help="scorer output as JSON")
    parser.add_argument("--cue-threshold", type=float, help="override cues.THRESHOLD (tuning)")
    parser.add_argument("--calibration", action="store_true", help="confidence reliability")
    parser.add_argument("--speakers", action="store_true", help="resolved-speaker check")
    parser.add_argument("--all", action="store_true", help="score below the store floor too")
    parser.add_argument(
        "--false-positives",
        action="store_true",
        help="print the scored predictions that match no gold attribution",
    )
    args = parser.parse_args(argv)
    gold_dir = Path(args.gold) if args.gold else SHARED / "polnear" / args.split
    scorer_path = SHARED / "score_attributions.py"
    if not (gold_dir / "text").is_dir() or not scorer_path.exists():
        print(f"no PolNeAR gold at {gold_dir} or scorer at {scorer_path}", file=sys.stderr)
        return 2
    paths = sorted((gold_dir / "text").glob("*.txt"))[: args.limit]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if args.cue_threshold is not None:
        cues.THRESHOLD = args.cue_threshold
    nlp.load()
    started = time.perf_counter()
    results = list(extract_many(texts, n_process=2))
    elapsed = time.perf_counter() - started
    out = Path(args.keep) if args.keep else Path(tempfile.mkstemp(suffix=".jsonl")[1])
    lines = [prediction_line(p.stem, atts) for p, atts in zip(paths, results, strict=True)]
    kept = [atts if args.all else scoring.stored(atts)[0] for atts in results]
    scored = [prediction_line(p.stem, atts) for p, atts in zip(paths, kept, strict=True)]
    dropped = sum(map(len, results)) - sum(map(len, kept))
    out.write_text("".join(line + "\n" for line in scored), encoding="utf-8")
    print(f"{len(paths)} articles extracted in {elapsed:.1f}s -> {out}")
    if not args.all:
        print(f"{dropped} attributions below the store floor {scoring.STORE_FLOOR} left out")
    cmd = [sys.executable, str(scorer_path), "--gold", str(gold_dir), "--pred", str(out)]
    if args.limit:
        cmd.append("--only-pred-docs")
    if args.json:
        cmd.append("--json")
    code = subprocess.run(cmd, check=False).returncode
    if args.calibration or args.speakers or args.false_positives:
        sys.path.insert(0, str(SHARED))
        import score_attributions as scorer

        gold, _ = scorer.load_gold(str(gold_dir))
        predictions = {row["doc_id"]: row["attributions"] for row in map(json.loads, lines)}
        if args.calibration:
            calibration(scorer, gold, predictions)
        if args.speakers:
            speakers(scorer, gold, predictions)
        if args.false_positives:
            stored = {row["doc_id"]: row["attributions"] for row in map(json.loads, scored)}
            false_positives(scorer, gold, stored)
    if not args.keep:
        out.unlink()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
