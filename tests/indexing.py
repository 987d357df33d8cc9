"""Helpers for the indexing stories: small corpora, a comparable store snapshot, fresh
Elasticsearch stores and ``quotetrail index`` processes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.base import SearchQuery, Store

if TYPE_CHECKING:
    from indexer.indexing import Summary

REPO = Path(__file__).resolve().parent.parent
CHECKPOINT = ".quotetrail-checkpoint.jsonl"

STORIES = {
    "text/budget.txt": (
        "Title: Marchetti unveils budget\nURL: https://harbordaily.example/budget\n"
        "Outlet: Harbor Daily\nDate: 2024-05-08\nAuthor: Nadia Kessler\n\n"
        "PORT ELLERY — Mayor Celia Marchetti presented a $1.2 billion budget on Wednesday.\n\n"
        "“This budget keeps the buses running and the libraries open,” Marchetti said.\n"
    ),
    "text/ports-dateline.txt": (
        "May 21, 2024\n\nBRENNA — Defence Minister Andrii Vedmid spoke to port workers.\n\n"
        '"We will not allow our ports to become a bargaining chip for anyone," Vedmid said.\n'
    ),
    "json/recall.json": json.dumps(
        {
            "url": "https://channel9news.example/recall",
            "title": "Pharmacies swamped",
            "outlet": "Channel 9 News",
            "published": "2024-09-05",
            "body": "Pharmacies reported long queues on Thursday.\n\n"
            '"We have never seen anything like it," pharmacist Sofia Lindgren told Channel 9 News.',
        }
    ),
    "json/dump.jsonl": "\n".join(
        json.dumps(
            {
                "headline": f"Levy story {i}",
                "content": f'"We will charge the levy in {2025 + i}," '
                "Environment Minister Jurgen Feld said on Tuesday.",
                "date": f"2025-0{i + 1}-08",
                "source": "Northern Courier",
                "link": f"https://northerncourier.example/levy-{i}",
            }
        )
        for i in range(2)
    )
    + "\n",
    "html/veto.html": (
        "<html lang='en'><head><title>Veto threat</title>"
        "<meta property='og:site_name' content='Metro Ledger'>"
        "<link rel='canonical' href='https://metroledger.example/veto'>"
        "<meta property='article:published_time' content='2024-06-18'></head><body>"
        "<nav>Home | Local</nav><article><h1>Veto threat</h1>"
        "<p>PORT ELLERY — The council budget faces a veto.</p>"
        '<p>"I will not sign this budget as written," Mayor Celia Marchetti said on Tuesday.</p>'
        "</article><footer>© Metro Ledger</footer></body></html>"
    ),
}


def write_corpus(root: Path) -> Path:
    for name, text in STORIES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def snapshot(store: Store) -> dict[str, Any]:
    """Everything a reader can see: counts, articles and attributions by id."""
    attributions = {a["id"]: a for a in store.scan(SearchQuery(sort="date"))}
    article_ids = sorted({a["article_id"] for a in attributions.values()})
    return {
        "stats": store.stats(),
        "articles": {i: store.get_article(i) for i in article_ids},
        "attributions": attributions,
    }


NAMES = [
    "Celia Marchetti",
    "Daniel Okafor",
    "Grace Okafor",
    "Andrii Vedmid",
    "Mara Voss",
    "Katarina Moll",
    "Viktor Haas",
    "Amina Sorensen",
    "Jurgen Feld",
    "Noor Haddad",
]
TOPICS = [
    "the budget",
    "the ferry timetable",
    "the recall",
    "the election",
    "the levy",
    "the library hours",
    "the border talks",
    "the harbour dredging",
]


def write_many(root: Path, files: int, lines: int) -> Path:
    """``files`` text articles plus one JSON Lines file of ``lines`` articles, all distinct."""
    root.mkdir(parents=True, exist_ok=True)

    def body(i: int) -> str:
        name, other = NAMES[i % len(NAMES)], NAMES[(i * 3 + 1) % len(NAMES)]
        topic = TOPICS[i % len(TOPICS)]
        return (
            f"PORT ELLERY — Officials met for the {i + 1}th time to discuss {topic}.\n\n"
            f"“We will settle {topic} before the summer,” {name} said on Monday.\n\n"
            f"{other} said that the plan for {topic} would cost {i + 3} million.\n\n"
            f'"Nobody should pay twice for {topic}," {other.split()[1]} told reporters.'
        )

    for i in range(files):
        (root / f"story-{i:03d}.txt").write_text(
            f"Title: Story {i}\nURL: https://many.example/{i}\nOutlet: Harbor Daily\n"
            f"Date: 2024-{i % 12 + 1:02d}-{i % 27 + 1:02d}\n\n{body(i)}\n"
        )
    records = [
        json.dumps(
            {
                "url": f"https://many.example/line-{j}",
                "title": f"Line {j}",
                "outlet": "Metro Ledger",
                "published": "2025-01-15",
                "body": body(files + j),
            }
        )
        for j in range(lines)
    ]
    (root / "wire.jsonl").write_text("\n".join(records) + "\n")
    return root


def write_linked_news(root: Path, articles: int, seed: int = 7) -> Path:
    """A folder of ``articles`` text articles whose linking depends on what came before:
    quotes repeated with small changes across articles (one statement or two?), people
    named in full in some articles and by surname alone in others (which person?)."""
    import random

    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    people = [(n.split()[0], n.split()[1]) for n in NAMES]
    for i in range(articles):
        topic = rng.choice(TOPICS)
        paragraphs = [f"PORT ELLERY — Officials met on Monday to discuss {topic}."]
        for _ in range(3):
            first, last = rng.choice(people)
            first = rng.choice([first, rng.choice(people)[0]])  # namesakes share surnames
            who = f"{first} {last}" if rng.random() < 0.5 else last
            year = rng.randint(2024, 2026)
            words = rng.choice(["will not accept", "cannot accept", "will never accept"])
            paragraphs.append(
                f"“We {words} any delay on {topic} before {year},” {who} said. "
                f"“People deserve answers.”"
            )
        (root / f"story-{i:04d}.txt").write_text(
            f"Title: Story {i}\nURL: https://linked.example/{i}\nOutlet: Harbor Daily\n"
            f"Date: 2024-{i % 12 + 1:02d}-{i % 27 + 1:02d}\n\n" + "\n\n".join(paragraphs) + "\n"
        )
    return root


def everything(open_store: Callable[[], Store]) -> dict[str, Any]:
    """What a reader sees, and the canonical records the attributions point at."""
    store = open_store()
    try:
        seen = snapshot(store)
        attributions = seen["attributions"].values()
        ids = {
            kind: {a[field] for a in attributions} - {None}
            for kind, field in (
                ("speakers", "speaker_id"), ("outlets", "outlet_id"), ("statements", "statement_id")
            )
        }  # an unresolved speaker, an unknown outlet: no record
        seen["speakers"] = {i: store.get_speaker(i) for i in ids["speakers"]}
        seen["outlets"] = {i: store.get_outlet(i) for i in ids["outlets"]}
        seen["statements"] = {i: store.get_statement(i) for i in ids["statements"]}
        return seen
    finally:
        store.close()


def cli_environment(**settings: str) -> dict[str, str]:
    """This process's environment without a store, plus ``settings``."""
    env = {k: v for k, v in os.environ.items() if k not in ("ES_URL", "QUOTETRAIL_DB")}
    env.update(settings)
    return env


@contextmanager
def fresh_es_stores(
    es_url: str, label: str
) -> Iterator[Callable[[], tuple[dict[str, str], Callable[[], Store]]]]:
    """Makes (environment, opener) pairs naming a fresh, empty Elasticsearch store on the
    ``es_url`` node (prefix ``qt-test-{label}-<hex>``); every store made is dropped at the
    end, with the staging areas of sharded runs and the writer lease."""
    from store.elastic import ElasticStore

    made: list[ElasticStore] = []

    def new() -> tuple[dict[str, str], Callable[[], Store]]:
        prefix = f"qt-test-{label}-{uuid.uuid4().hex[:10]}"
        made.append(ElasticStore(es_url, prefix=prefix))
        env = cli_environment(ES_URL=es_url, QUOTETRAIL_INDEX_PREFIX=prefix)
        return env, lambda: ElasticStore(es_url, prefix=prefix)

    try:
        yield new
    finally:
        for store in made:
            staging = store.es.indices.get(index=f"{store.prefix}-run-*")
            if staging:
                store.es.indices.delete(index=",".join(staging))
            store.drop()
            store.close()


def start_index(
    paths: list[Path], env: dict[str, str], state: Path, *options: str, stderr: Any = None
) -> subprocess.Popen:
    """``quotetrail index PATHS`` in a process of its own (small batches, one worker);
    its stderr goes to the open file ``stderr``, or a pipe to read at its end."""
    return subprocess.Popen(
        [sys.executable, "-m", "quotetrail.cli", "index", *map(str, paths), *options]
        + ["--state-dir", str(state), "--batch-size", "4", "--workers", "1"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr or subprocess.PIPE,
        text=True,
    )


def index_in_process(store: Store, path: Path, state_dir: Path) -> tuple[Summary, str]:
    """``quotetrail index PATH`` run in this process (one extraction worker, checkpoints in
    ``state_dir``) into ``store``, refreshed for reading; its summary and the warnings it
    printed."""
    from indexer.indexing import Indexer, IndexOptions

    warnings = io.StringIO()
    options = IndexOptions([str(path)], state_dir=str(state_dir), workers=1)
    summary = Indexer(store, options, warnings).run()
    getattr(store, "refresh", lambda: None)()
    return summary, warnings.getvalue()


def index_version(store: Store, tmp_path: Path, text: str) -> tuple[Summary, str]:
    """One more version of an article, written to ``tmp_path/vN.txt`` (N counts the versions
    written so far) and indexed in process with checkpoints in ``tmp_path/state``: how the
    re-indexing stories feed an outlet's updated article."""
    path = tmp_path / f"v{len(list(tmp_path.glob('v*.txt'))) + 1}.txt"
    path.write_text(text, encoding="utf-8")
    return index_in_process(store, path, tmp_path / "state")
