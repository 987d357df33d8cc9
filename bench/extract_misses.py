"""Recall misses on PolNeAR, by construction: which gold attributions the extractor never reaches.

    .venv/bin/python bench/extract_misses.py [--split train|dev] [--limit N]
        [--examples KIND] [--n 15] [--processes 2]

For every gold attribution it says how far the extractor got (the bench scorer's rule:
content overlap >= 0.5 and a compatible source, ../shared/bench/README.md):
  stored       a stored record (confidence >= the store floor) matches it;
  dropped      a candidate matches it, but selection or the store floor left it out;
  wrong source a candidate's content matches, its source does not;
  cue, content a candidate on the gold cue exists, its content does not match;
  no candidate nothing the extractor proposes touches its cue or content.
and which construction the gold shows (`kind`: the cue's shape and the content's shape, read
from the gold spans and the parse). Prints a table of kinds by status, the cue words of the
"no candidate" misses, and with --examples KIND a few cases of that kind.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indexer.extract import cue_types, nlp, scoring  # noqa: E402
from indexer.extract.attributions import candidates, layout  # noqa: E402
from indexer.extract.quotations import continuations  # noqa: E402
from indexer.extract.records import interviewee_turns, records  # noqa: E402
from indexer.extract.selection import select, sourceless_clause  # noqa: E402
from indexer.lexicon import wordset  # noqa: E402

SHARED = REPO.parent / "shared" / "bench"
STATUSES = ("stored", "dropped", "wrong source", "cue, content", "no candidate")
QUOTE = re.compile("[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]|''")
QUESTION_WORDS = wordset("what whether if why how who whom whose when where which")


def _kind(doc, att, tokens_at) -> str:
    """The construction of a gold attribution, from its spans and the parse of its cue."""
    text = doc.text
    content = " ".join(text[s:e] for s, e in sorted(att.content))
    first = content.lstrip("\"'\u201c\u2018` ").split(" ", 1)[0].lower()
    cue = " ".join(text[s:e] for s, e in sorted(att.cue)).lower()
    direct = bool(QUOTE.search(content))
    shape = "direct" if direct else "indirect"
    c_start = min(s for s, _ in att.content)
    c_end = max(e for _, e in att.content)
    paras = text.count("\n", c_start, c_end)
    if not att.cue:
        return f"{shape}: no cue"
    cue_start = min(s for s, _ in att.cue)
    tok = tokens_at(cue_start)
    if tok is None:
        return f"{shape}: sentence not parsed"
    if cue.startswith("according to"):
        return f"{shape}: according to"
    if direct and paras:
        return f"{shape}: quote over paragraphs"
    if not tok.tag_.startswith("VB"):
        return f"{shape}: non-verb cue ({tok.tag_})"
    if cue_start >= c_end:
        where = "cue after"
    elif cue_start > c_start:
        where = "cue inside"
    else:
        where = "cue before"
    if direct:
        return f"direct: {where}" + (" (multi-span)" if len(att.content) > 1 else "")
    if first == "that":
        return f"indirect: that-clause, {where}"
    if first == "to":
        return f"indirect: to-infinitive, {where}"
    if first in QUESTION_WORDS:
        return f"indirect: wh/if clause, {where}"
    words = content.split()
    if tok.lower_ in ("said", "says", "say", "told", "tells") and where == "cue after":
        return "indirect: reporting tail"
    if len(words) <= 6:
        return f"indirect: short phrase, {where}"
    return f"indirect: bare clause/NP, {where}"


def _analyse(doc) -> list[tuple[str, str, str, str, str]]:
    """(kind, status, cue word, doc id, excerpt) per gold attribution of one document."""
    import score_attributions as scorer

    text = doc.text
    page = layout(text)
    found = [
        c
        for c in candidates(page, scoring.generator)
        if not sourceless_clause(c) and not cue_types.writers_generalisation(c.cue, c.source)
    ]
    found, index = interviewee_turns(found, page)  # as `attributions.analyse` does
    scoring.rescore(found, text)
    proposals = [
        (
            scorer.char_set(text, c.content),
            scorer.char_set(text, [c.source_span()] if c.source_span() else []),
            c.cue_span(),
            c.score,
        )
        for c in found
    ]
    kept = select(list(found), text)
    more = continuations(page, kept)
    scoring.rescore(more, text)
    for c in more:
        span = c.source_span()
        proposals.append(
            (
                scorer.char_set(text, c.content),
                scorer.char_set(text, [span] if span else []),
                None,
                c.score,
            )
        )
    kept = sorted(kept + more, key=lambda c: c.start)
    stored, _ = scoring.stored(records(kept, page, index))
    stored_sets = [
        (
            scorer.char_set(text, [tuple(s) for s in r["content_spans"]]),
            scorer.char_set(text, [tuple(r["speaker_span"])] if r.get("speaker_span") else []),
        )
        for r in stored
    ]
    gold = [
        (scorer.char_set(text, a.content), scorer.char_set(text, a.source))
        for a in doc.attributions
    ]
    pairs = [
        (scorer.overlap_ratio(gc, pc), gi, pi)
        for gi, (gc, gs) in enumerate(gold)
        for pi, (pc, ps) in enumerate(stored_sets)
        if scorer.overlap_ratio(gc, pc) >= 0.5 and scorer._compatible(gs, ps)
    ]
    matched = scorer.greedy_match(pairs)
    stored_gold = set(matched.values())

    starts = [(chunk.start, chunk.end, d) for chunk, d in page.parsed]

    def tokens_at(pos: int):
        for s, e, d in starts:
            if s <= pos < e:
                for t in d:
                    if s + t.idx <= pos < s + t.idx + len(t):
                        return t
        return None

    out = []
    for gi, att in enumerate(doc.attributions):
        gc, gs = gold[gi]
        cue_chars = scorer.char_set(text, att.cue) if att.cue else frozenset()
        if gi in stored_gold:
            status = "stored"
        elif any(
            scorer.overlap_ratio(gc, pc) >= 0.5 and scorer._compatible(gs, ps)
            for pc, ps, *_ in proposals
        ):
            status = "dropped"
        elif any(scorer.overlap_ratio(gc, pc) >= 0.5 for pc, *_ in proposals):
            status = "wrong source"
        elif cue_chars and any(cue and cue_chars & set(range(*cue)) for _, _, cue, _ in proposals):
            status = "cue, content"
        else:
            status = "no candidate"
        cue = " ".join(text[s:e] for s, e in sorted(att.cue)).lower() if att.cue else "-"
        lo = max(0, min(s for s, _ in att.content + att.cue + att.source) - 40)
        hi = max(e for _, e in att.content + att.cue + att.source) + 20
        excerpt = text[lo:hi].replace("\n", " | ")
        source = " ".join(text[s:e] for s, e in att.source)
        content = " ".join(text[s:e] for s, e in sorted(att.content))[:90]
        shown = f"cue={cue!r} src={source!r} content={content!r}\n      {excerpt[:400]}"
        if status == "cue, content":
            ours = [pc for pc, _, c, _ in proposals if c and cue_chars & set(range(*c)) and pc]
            shown += "".join(f"\n      ours: {text[min(pc) : max(pc) + 1][:200]!r}" for pc in ours)
        if status == "wrong source":
            ours = [(ps, p) for pc, ps, _, p in proposals if scorer.overlap_ratio(gc, pc) >= 0.5]
            shown += "".join(
                f"\n      our source: {text[min(ps) : max(ps) + 1] if ps else '-'!r} (p={p:.2f})"
                for ps, p in ours
            )
        out.append((_kind(doc, att, tokens_at), status, cue, doc.doc_id, shown))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--examples", help="print cases of this kind (a prefix is enough)")
    parser.add_argument("--status", default="no candidate", help="status of the printed cases")
    parser.add_argument("--cue", help="only cases whose gold cue is this (with --examples)")
    parser.add_argument("--n", type=int, default=15)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(SHARED))
    from score_attributions import load_gold

    gold, _ = load_gold(str(SHARED / "polnear" / args.split))
    docs = [gold[k] for k in sorted(gold)][: args.limit]
    nlp.load()
    with multiprocessing.get_context("fork").Pool(args.processes) as pool:
        rows = [row for rows in pool.imap(_analyse, docs, chunksize=4) for row in rows]
    table: Counter = Counter((kind, status) for kind, status, *_ in rows)
    kinds = Counter(kind for kind, *_ in rows)
    print(f"{len(rows)} gold attributions in {len(docs)} {args.split} articles")
    print(f"{'kind':<44}{'n':>6}" + "".join(f"{s:>14}" for s in STATUSES))
    for kind, n in kinds.most_common():
        cells = "".join(f"{table[(kind, s)]:>14}" for s in STATUSES)
        print(f"{kind:<44}{n:>6}{cells}")
    totals = Counter(status for _, status, *_ in rows)
    print(f"{'ALL':<44}{len(rows):>6}" + "".join(f"{totals[s]:>14}" for s in STATUSES))
    cue_words = Counter(cue for _, status, cue, *_ in rows if status == "no candidate")
    print("\ncue words of 'no candidate' misses:")
    print(", ".join(f"{w} {n}" for w, n in cue_words.most_common(60)))
    if args.examples is not None:
        cases = [r for r in rows if r[0].startswith(args.examples) and r[1] == args.status]
        cases = [r for r in cases if args.cue is None or r[2] == args.cue]
        words = Counter(cue for _, _, cue, *_ in cases)
        print(f"\ncue words of {args.examples!r} / {args.status!r}:")
        print(", ".join(f"{w} {n}" for w, n in words.most_common(80)))
        random.Random(7).shuffle(cases)
        for kind, status, _, doc_id, shown in cases[: args.n]:
            print(f"\n[{kind} / {status}] {doc_id[:40]}\n  {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
