"""Attribution extraction speed: throughput on PolNeAR dev, memory, and growth with length.

    .venv/bin/python bench/extract_speed.py [--split dev] [--processes 2] [--no-scaling]
        [--scaling-input paragraphs|quote-dense|both] [--sizes 10000,100000] [--no-throughput]

Model load time is measured and printed apart from throughput. Peak RSS is
resource.getrusage of this process plus its (largest) child. The scaling part times one
article at 10 KB, 100 KB and 1 MB: time per KB should stay flat (wall and CPU seconds per
MB; CPU time is what a shared machine distorts least). Two kinds of article: real dev
paragraphs (``paragraphs``), and ``quote-dense``: the dev paragraphs holding a quotation,
joined on one line (a wire feed that lost its line breaks: one paragraph, a quote and a
pronoun every few sentences, the worst case for looking back within a paragraph).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indexer.extract import extract, extract_many, nlp  # noqa: E402

SHARED = REPO.parent / "shared" / "bench"
SIZES = (10_000, 100_000, 1_000_000)


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def _article_of(size: int, paragraphs: list[str], joiner: str = "\n\n") -> str:
    out, total, k = [], 0, 0
    while total < size:
        para = paragraphs[k % len(paragraphs)]
        out.append(para)
        total += len(para) + len(joiner)
        k += 1
    return joiner.join(out)[:size]


def _scaling_inputs(texts: list[str], kind: str) -> list[tuple[str, list[str], str]]:
    """(name, paragraphs, joiner) of each kind of long article the scaling part builds."""
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    quoted = [p for p in paragraphs if '"' in p or "\u201c" in p]
    kinds = {
        "paragraphs": ("dev paragraphs", paragraphs, "\n\n"),
        "quote-dense": ("quote-dense, one line", quoted, " "),
    }
    return list(kinds.values()) if kind == "both" else [kinds[kind]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--no-scaling", action="store_true", help="skip the 10 KB..1 MB part")
    parser.add_argument(
        "--scaling-input",
        choices=("paragraphs", "quote-dense", "both"),
        default="both",
        help="the long articles of the scaling part (default both)",
    )
    parser.add_argument(
        "--sizes",
        type=lambda v: tuple(int(n) for n in v.split(",")),
        default=SIZES,
        help="lengths of the scaling part in characters (default 10000,100000,1000000)",
    )
    parser.add_argument(
        "--no-throughput", action="store_true", help="skip the throughput part (scaling only)"
    )
    args = parser.parse_args(argv)
    folder = SHARED / "polnear" / args.split / "text"
    if not folder.is_dir():
        print(f"no PolNeAR texts at {folder}", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    chars = sum(len(t) for t in texts)

    started = time.perf_counter()
    nlp.load()
    print(f"model load: {time.perf_counter() - started:.2f}s ({nlp.load().meta['name']})")

    if not args.no_throughput:
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        found = sum(len(r) for r in extract_many(texts, n_process=args.processes))
        elapsed = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_before
        print(
            f"throughput ({args.processes} processes, {len(texts)} articles, {chars:,} chars, "
            f"{found} attributions): {len(texts) / elapsed:.1f} articles/s, "
            f"{chars / elapsed:,.0f} chars/s ({elapsed:.2f}s wall)"
        )
        # On a shared machine wall time depends on the neighbours; CPU time does not.
        print(
            f"CPU time {cpu:.2f}s ({cpu / len(texts) * 1000:.0f} ms per article) = "
            f"{len(texts) / cpu:.1f} articles per CPU-second, i.e. "
            f"{len(texts) * args.processes / cpu:.1f} articles/s with {args.processes} free cores "
            f"(load average now {os.getloadavg()[0]:.1f})"
        )
        print(f"peak RSS (self + children): {_peak_rss_mb():.0f} MB")
    if not args.no_scaling:
        for name, paragraphs, joiner in _scaling_inputs(texts, args.scaling_input):
            print(f"time vs length (one article of {name}, one process):")
            for size in args.sizes:
                text = _article_of(size, paragraphs, joiner)
                started, cpu_before = time.perf_counter(), time.process_time()
                count = len(extract(text))
                elapsed = time.perf_counter() - started
                cpu = time.process_time() - cpu_before
                print(
                    f"  {size / 1000:>7,.0f} KB: {elapsed:7.2f}s  {elapsed / size * 1e6:6.2f} "
                    f"s/MB  CPU {cpu / size * 1e6:6.2f} s/MB  ({count} attributions)"
                )
        print(f"peak RSS after scaling: {_peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
