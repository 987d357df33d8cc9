"""Train the candidate scorer on PolNeAR train, choose its regularisation on dev.

    .venv/bin/python -m indexer.extract.training.train_scorer [--bench ../shared/bench]
        [--processes 2] [--out indexer/extract/scorer_model.json]

Every candidate the extractor proposes (the constructions and quotations with the loose cue
filter `scoring.generator`, and the continuation paragraphs that follow a selection) gets the
features of `scoring.features` and a label: positive when it matches a gold attribution
under the bench scorer's attribution rule (content overlap >= 0.5 and a compatible source;
the functions of ../shared/bench/score_attributions.py, read at training time). A
logistic regression (scikit-learn, `pip install -e '.[train]'`) is fitted on train for each
C of a small grid; the C with the best dev log loss is kept and its weights written as JSON.
Prints the dev figures (log loss, ranking AUC, candidate precision/recall at the floor).
Deterministic: liblinear with a fixed seed, documents in sorted order.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from pathlib import Path

from indexer.extract import nlp, scoring
from indexer.extract.attributions import candidates, layout
from indexer.extract.quotations import continuations
from indexer.extract.selection import admissible, select

REPO = Path(__file__).resolve().parents[3]
DEFAULT_BENCH = REPO.parent / "shared" / "bench"
SEED = 13
C_GRID = (0.03, 0.1, 0.3, 1.0)
MIN_FEATURE_COUNT = 3  # features seen fewer times in train are left out of the model

Row = tuple[dict[str, float], bool]


def _label(scorer, text: str, gold: list[tuple[frozenset, frozenset]], cand) -> bool:
    content = scorer.char_set(text, cand.content)
    span = cand.source_span()
    source = scorer.char_set(text, [span]) if span else frozenset()
    return bool(content) and any(
        scorer.overlap_ratio(g, content) >= 0.5 and scorer._compatible(gs, source) for g, gs in gold
    )


def _rows(doc) -> list[Row]:
    import score_attributions as scorer

    text = doc.text
    gold = [
        (scorer.char_set(text, a.content), scorer.char_set(text, a.source))
        for a in doc.attributions
    ]
    page = layout(text)
    found = [  # the candidates `attributions.analyse` scores
        c
        for c in candidates(page, scoring.generator)
        if admissible(c) and not scoring.rule_scored(c)
    ]
    rows = [(scoring.features(c, text), _label(scorer, text, gold, c)) for c in found]
    kept = select(found, text)  # ordered by the lexicon estimate: the continuations it allows
    for cand in continuations(page, kept):
        rows.append((scoring.features(cand, text), _label(scorer, text, gold, cand)))
    return rows


def _collect(docs: list, processes: int) -> list[Row]:
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return [row for rows in pool.imap(_rows, docs, chunksize=4) for row in rows]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", default=str(DEFAULT_BENCH))
    parser.add_argument("--out", default=str(scoring.MODEL_PATH))
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--cache", help="keep the candidate rows in this JSON file (reruns)")
    args = parser.parse_args(argv)
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import log_loss, roc_auc_score
    except ImportError:
        print("train_scorer: scikit-learn is missing (pip install -e '.[train]')", file=sys.stderr)
        return 2
    sys.path.insert(0, args.bench)
    from score_attributions import load_gold

    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        splits = json.loads(cache.read_text(encoding="utf-8"))
    else:
        nlp.load()
        splits = {}
        for split in ("train", "dev"):
            gold, _ = load_gold(str(Path(args.bench) / "polnear" / split))
            splits[split] = _collect([gold[k] for k in sorted(gold)], args.processes)
        if cache is not None:
            cache.write_text(json.dumps(splits), encoding="utf-8")
    for split in ("train", "dev"):
        positives = sum(label for _, label in splits[split])
        print(f"{split}: {len(splits[split])} candidates, {positives} match a gold attribution")

    counts: dict[str, int] = {}
    for feats, _ in splits["train"]:
        for name in feats:
            counts[name] = counts.get(name, 0) + 1
    kept = {n for n, c in counts.items() if c >= MIN_FEATURE_COUNT}

    def matrix(rows: list[Row]):
        return [{n: v for n, v in f.items() if n in kept} for f, _ in rows], [y for _, y in rows]

    vec = DictVectorizer()
    x_train_raw, y_train = matrix(splits["train"])
    x_dev_raw, y_dev = matrix(splits["dev"])
    x_train, x_dev = vec.fit_transform(x_train_raw), vec.transform(x_dev_raw)
    for x in (x_train, x_dev):  # liblinear takes 32-bit sparse indices only
        x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")
    best = None
    for c in C_GRID:
        clf = LogisticRegression(C=c, solver="liblinear", random_state=SEED, max_iter=1000)
        clf.fit(x_train, y_train)
        p = clf.predict_proba(x_dev)[:, 1]
        loss, auc = log_loss(y_dev, p), roc_auc_score(y_dev, p)
        print(f"C={c:<5} dev log loss {loss:.4f}  AUC {auc:.4f}")
        if best is None or loss < best[0]:
            best = (loss, auc, c, clf, p)
    assert best is not None
    loss, auc, c, clf, p = best
    above = [y for y, q in zip(y_dev, p, strict=True) if q >= scoring.STORE_FLOOR]
    precision = 100 * sum(above) / max(1, len(above))
    recall = 100 * sum(above) / max(1, sum(y_dev))
    print(
        f"kept C={c}: dev log loss {loss:.4f}, AUC {auc:.4f}; candidates >= floor "
        f"{scoring.STORE_FLOOR}: precision {precision:.1f}, recall {recall:.1f} (before selection)"
    )
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in sorted(zip(names, clf.coef_[0], strict=True))
        if abs(w) >= 1e-4
    }
    model = {
        "about": "candidate scorer: logistic regression, indexer/extract/training/train_scorer.py",
        "trained_on": "PolNeAR train",
        "C": c,
        "seed": SEED,
        "dev": {"log_loss": round(loss, 4), "auc": round(auc, 4)},
        "intercept": round(float(clf.intercept_[0]), 4),
        "weights": weights,
    }
    Path(args.out).write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"{len(weights)} weights written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
