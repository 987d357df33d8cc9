"""The ``quotetrail`` command: index, watch, extract, serve, stats, reindex, reset, speakers,
people.

Errors are one line on stderr, never a traceback (set QUOTETRAIL_DEBUG=1 to see one).
Exit status: 0 success, 1 something was rejected, 2 fatal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from indexer.read.model import DEFAULT_EXTRACT_BUDGET, Reject
from quotetrail import config as settings
from quotetrail.errors import CliError, QuotetrailError, SpeakerEditError, StoreDown
from store.base import Store
from store.config import StoreConfig, open_store

EPILOG_STORE = (
    "The store is Elasticsearch when ES_URL is set (QUOTETRAIL_INDEX_PREFIX names the "
    "indices), else SQLite at QUOTETRAIL_DB (default quotetrail.db)."
)


def _version() -> str:
    try:
        return metadata.version("quotetrail")
    except metadata.PackageNotFoundError:
        return "unknown"


def _open(config: StoreConfig | None = None):  # type: ignore[no-untyped-def]
    store = open_store(config)
    store.ping()
    return store


def _open_existing() -> Store:
    """The configured store for a read-only command, its place said on stderr.

    Raises:
        CliError: the SQLite file is not there; opening it would create an empty store
            and answer zeros, so the message names the file and how to point at another.
    """
    config = StoreConfig.from_env()
    where = settings.store_location(config)
    db = Path(config.db_path)
    if not config.es_url and not db.exists() and db.parent.is_dir():  # else open_store says
        raise CliError(
            f"no store at {os.path.abspath(config.db_path)}: nothing was indexed there. "
            "Set QUOTETRAIL_DB to the SQLite file `quotetrail index` wrote (scripts/run "
            "writes var/quotetrail.db), or ES_URL for Elasticsearch."
        )
    store = _open(config)
    print(f"quotetrail: reading {where}", file=sys.stderr)
    return store


# --- commands ---------------------------------------------------------------------------
def _nothing_to_read(paths: list[str]) -> list[Reject] | None:
    """The rejects of ``paths`` when none of them names a readable input (every path
    missing, every pattern matching nothing), else None. Cheap: it runs before the
    indexer's imports and model (seconds), so a mistyped path is told at once."""
    from indexer.read import Source, expand
    from schemas.links import is_web_url

    if any(is_web_url(p) for p in paths):
        return None
    rejects = []
    for item in expand(paths):
        if isinstance(item, Source):
            return None
        rejects.append(item)
    return rejects


def cmd_index(args: argparse.Namespace) -> int:
    from indexer.read.fields import MappingError, parse_field_map

    try:
        field_map = parse_field_map(args.map)
    except MappingError as error:
        raise CliError(str(error)) from None
    unreadable = _nothing_to_read(args.paths)
    if unreadable is not None:
        raise CliError("nothing to index: " + "; ".join(map(str, unreadable)))
    from indexer.indexing import Indexer, IndexOptions, install_signal_handlers

    config = StoreConfig.from_env()
    state_dir = config.state_dir(args.state_dir)
    shard = f"-shard-{args.shard.number}-of-{args.shard.count}" if args.shard else ""
    rejects = args.rejects or os.path.join(state_dir, f"quotetrail-rejects{shard}.jsonl")
    if args.rejects:
        _writable_file("--rejects", rejects)
    options = IndexOptions(
        paths=args.paths,
        field_map=field_map,
        rejects_path=rejects,
        state_dir=state_dir,
        batch_size=args.batch_size,
        workers=args.workers,
        retry_seconds=args.retry_for,
        max_article_bytes=int(args.max_article_mb * 1024 * 1024),
        store_location=settings.store_location(config),
        extract_budget=args.extract_budget or None,
    )
    install_signal_handlers()
    store = _open(config)
    try:
        indexer = _sharded_run(store, options, args.shard) or _web_indexer(store, options)
    except ValueError as error:
        store.close()
        raise CliError(str(error)) from None
    indexer = indexer or Indexer(store, options)
    try:
        summary = indexer.run()
    except StoreDown as error:
        print(
            f"quotetrail: error: {error}; gave up after retrying for {args.retry_for:g} s. "
            "Progress is saved: run the same command again to resume.",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt as stop:
        print(
            f"quotetrail: interrupted ({stop or 'SIGINT'}); progress is saved: "
            "run the same command again to resume.",
            file=sys.stderr,
        )
        return getattr(stop, "status", 130)
    finally:
        store.close()
    print(summary.line(), file=sys.stderr)
    if summary.rejected:
        print(f"quotetrail: {indexer.rejects.count} rejects listed in {rejects}", file=sys.stderr)
        return 1
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    return run_extract(args.files, args.format, sys.stdout)


def run_extract(paths: list[str], fmt: str, out: TextIO) -> int:
    """Print the attributions of every article in ``paths`` (read and cleaned as ``index``
    does it, see :mod:`indexer.prepare`) as record JSON Lines (``jsonl``: the stored record's
    fields), bench prediction lines (``prediction``) or a table; unreadable inputs are named
    on stderr. Returns the exit status: 1 if any input was rejected."""
    from indexer.extract.report import prediction_line, record_line, table
    from indexer.prepare import extract_files

    write = {"jsonl": record_line, "prediction": prediction_line}.get(fmt, table)
    workers = 2 if len(paths) > 1 else 1
    failed = False
    for item in extract_files(paths, workers):
        if isinstance(item, Reject):
            print(f"quotetrail extract: {item}", file=sys.stderr)
            failed = True
            continue
        name, article, attributions = item
        out.write(write(_doc_id(name, article), attributions) + "\n")
    return 1 if failed else 0


def _doc_id(name: str, article: dict[str, Any]) -> str:
    """The input's file name without extension, then the article's place in it when the
    input holds several (``dump#line 3``, ``crawl@1234``)."""
    return Path(name).stem + article["source"].removeprefix(name)


def cmd_serve(args: argparse.Namespace) -> int:
    from webapp import create_app

    app = create_app(_open())
    print(f"quotetrail: serving on http://{args.host}:{args.port}/", file=sys.stderr)
    app.run(host=args.host, port=args.port, debug=False, use_reloader=False)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    store = _open_existing()
    try:
        counts = store.stats()
    finally:
        store.close()
    if args.json:
        print(json.dumps(counts, indent=2, sort_keys=True))
    else:
        width = max(map(len, counts), default=0)
        for name in ("articles", "attributions", "speakers", "outlets", "statements"):
            if name in counts:
                print(f"{name:<{width}}  {counts[name]}")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    """Copy the store into new indices; holds the writer lease while it copies (a write
    after its copy would be lost): while an indexer writes it waits a few seconds, then
    fails with "the store ... is busy" (:func:`store.writer_lease.exclusive_write`)."""
    from store.writer_lease import exclusive_write

    store = _open()
    try:
        if not store.supports_reindex:
            print(
                f"quotetrail: the {store.engine} store needs no reindex: its tables follow "
                "the schemas as they are written.",
                file=sys.stderr,
            )
            return 0
        with exclusive_write(store, "quotetrail reindex (command line)", relinks=False):
            version = args.to_version or _next_version(store)
            copied = store.reindex(version)
    finally:
        store.close()
    counts = ", ".join(f"{n} {kind}" for kind, n in copied.items())
    print(f"quotetrail: reindexed into version {version} ({counts})", file=sys.stderr)
    return 0


def _next_version(store: Store) -> int:
    """One more than the version behind the articles alias."""
    return store.current_version("articles") + 1


def cmd_reset(args: argparse.Namespace) -> int:
    """Empty the store; holds the writer lease while it does (as ``cmd_reindex``)."""
    from store.writer_lease import exclusive_write

    if not args.yes:
        raise CliError("reset removes every article, attribution and speaker: add --yes")
    store = _open()
    try:
        with exclusive_write(store, "quotetrail reset (command line)"):
            store.clear()
    finally:
        store.close()
    print("quotetrail: the store is empty.", file=sys.stderr)
    return 0


CLI_EDITOR = "command line"  # the editor the change log (/changes) names for these edits


def _edit_speakers(what: str, edit: Callable[[Any], dict[str, Any]]) -> int:
    """Run a logged speaker edit (``indexer.link.curation``: on /changes like the web's, and
    undone from there or with ``speakers undo``) and report it with what moved. The edit
    holds the store's writer lease (:func:`store.writer_lease.exclusive_write`): while an
    indexer writes it waits a few seconds, then fails with "the store ... is busy"."""
    from store.writer_lease import exclusive_write

    store = _open()
    try:
        with exclusive_write(store, f"quotetrail speakers {what} (command line)"):
            change = edit(store)
    except SpeakerEditError as error:
        raise CliError(str(error)) from None
    finally:
        store.close()
    print(
        f"quotetrail: {change['summary']} ({change['moved']} attributions moved; "
        f"change {change['id']}, undo with: quotetrail speakers undo {change['id']})",
        file=sys.stderr,
    )
    return 0


def cmd_speakers_merge(args: argparse.Namespace) -> int:
    from indexer.link import curation

    return _edit_speakers(
        "merge",
        lambda store: curation.merge(store, CLI_EDITOR, args.into, args.others, force=args.force)
    )


def cmd_speakers_split(args: argparse.Namespace) -> int:
    from indexer.link import curation

    return _edit_speakers(
        "split", lambda store: curation.split(store, CLI_EDITOR, args.id, args.alias)
    )


def cmd_speakers_undo(args: argparse.Namespace) -> int:
    from indexer.link import curation

    return _edit_speakers("undo", lambda store: curation.undo(store, CLI_EDITOR, args.change))


def cmd_people_import(args: argparse.Namespace) -> int:
    from indexer.link.authority import AuthorityFileError, import_people
    from store.writer_lease import exclusive_write

    store = _open()
    try:
        with exclusive_write(store, "quotetrail people import (command line)"):
            result = import_people(store, args.file)
    except AuthorityFileError as error:
        raise CliError(str(error)) from None
    finally:
        store.close()
    for problem in result.problems:
        print(f"quotetrail: {problem}", file=sys.stderr)
    print(
        f"quotetrail: {result.created + result.completed} people and organizations loaded"
        f" from {args.file} ({result.created} new, {result.completed} completed,"
        f" {len(result.problems)} problems)",
        file=sys.stderr,
    )
    return 1 if result.problems else 0


def _sharded_run(store: Any, options: Any, shard: Any) -> Any:
    """The run of one shard when ``--shard K/N`` is given (indexer.sharding); else None.
    Raises ValueError when the store or the inputs cannot be split."""
    from indexer.sharding import ShardedRun
    from schemas.links import is_web_url

    if shard is None:
        return None
    if any(is_web_url(path) for path in options.paths):
        raise ValueError("--shard reads files and folders, not http(s) URLs")
    return ShardedRun(store, options, shard)


def _shard(value: str) -> Any:
    from indexer.sharding import Shard

    try:
        return Shard.parse(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix(f"--shard {value!r}: ")) from None


def _web_indexer(store: Any, options: Any) -> Any:
    """The indexer that fetches, when some input is an http(s) URL; else None."""
    from indexer.fetch.client import Fetcher, FetchOptions
    from indexer.fetch.sources import WebIndexer
    from schemas.links import is_web_url

    if not any(is_web_url(path) for path in options.paths):
        return None
    from indexer.fetch.addresses import private_allowed

    fetcher = Fetcher(
        FetchOptions(max_bytes=options.max_article_bytes, private_addresses=private_allowed())
    )
    return WebIndexer(store, options, fetcher)


def cmd_watch(args: argparse.Namespace) -> int:
    from indexer.fetch.addresses import private_allowed
    from indexer.fetch.client import Fetcher, FetchOptions
    from indexer.fetch.state import WatchState
    from indexer.fetch.watch import parse_every, print_status, read_feed_list, watch
    from indexer.indexing import IndexOptions, install_signal_handlers
    from schemas.links import is_web_url

    config = StoreConfig.from_env()
    state_dir = config.state_dir(args.state_dir)
    state = WatchState(state_dir)
    if args.status:
        print_status(state, sys.stdout)
        return 0
    try:
        every = parse_every(args.every)
    except ValueError as error:
        raise CliError(f"--every: {error}") from None
    feeds = list(args.feeds) + (read_feed_list(args.feeds_file) if args.feeds_file else [])
    for feed in feeds:
        if not is_web_url(feed):
            raise CliError(f"not an http(s) feed URL: {feed}")
    options = IndexOptions(
        paths=feeds,
        rejects_path=os.path.join(state_dir, "quotetrail-watch-rejects.jsonl"),
        state_dir=state_dir,
        batch_size=args.batch_size,
        workers=args.workers,
        retry_seconds=args.retry_for,
        store_location=settings.store_location(config),
    )
    fetcher = Fetcher(FetchOptions(host_delay=args.delay, private_addresses=private_allowed()))
    install_signal_handlers()
    store = _open(config)
    try:
        return watch(
            store, options, fetcher, state, feeds, every=every, once=args.once, err=sys.stderr
        )
    except StoreDown as error:
        print(f"quotetrail: error: {error}; run watch again to resume.", file=sys.stderr)
        return 2
    except KeyboardInterrupt as stop:
        print(f"quotetrail: watch stopped ({stop or 'SIGINT'}).", file=sys.stderr)
        return getattr(stop, "status", 130)
    finally:
        store.close()
        state.close()


# --- parser ---------------------------------------------------------------------------------
def _seconds(value: str) -> float:
    number = float(value)
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number of seconds, 0 or more, got {value}")
    return number


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return number


def _amount(value: str) -> float:
    """A finite number above 0 (megabytes)."""
    number = float(value)
    if not 0 < number < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a number above 0, got {value}")
    return number


def _seconds(value: str) -> float:
    """A finite number of seconds, 0 or more."""
    number = float(value)
    if not 0 <= number < float("inf"):
        raise argparse.ArgumentTypeError(f"must be 0 seconds or more, got {value}")
    return number


def _port(value: str) -> int:
    """A TCP port number, 1-65535."""
    number = int(value)
    if not 1 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"must be a port number from 1 to 65535, got {value}")
    return number


def _writable_file(option: str, path: str) -> None:
    """CliError unless ``path`` can be a file the run writes (checked before the run, so
    a long run never ends on "is a directory")."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise CliError(f"{option} {path}: is a folder (give a file name)")
    if not os.path.isdir(folder):
        raise CliError(f"{option} {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise CliError(f"{option} {path}: not writable")


def _command(sub: Any, name: str, summary: str, example: str, func: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        name,
        help=summary.split(". ")[0].rstrip(".") + ".",
        description=textwrap.fill(summary, 88),
        epilog=f"example:\n  {example}\n\n{textwrap.fill(EPILOG_STORE, 88)}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.set_defaults(func=func)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotetrail",
        description=textwrap.fill(
            "quotetrail: a quote and claim attribution database. Reads news articles, "
            "extracts who said what (speaker, cue, relaying outlets), stores them and serves "
            "faceted search.",
            88,
        ),
        epilog="example:\n  quotetrail index fixtures/ && quotetrail serve\n\n"
        + textwrap.fill(EPILOG_STORE, 88),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"quotetrail {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    index = _command(
        sub,
        "index",
        "Read articles from files, folders, globs, stdin (-) or http(s) URLs of pages and "
        "feeds, extract attributions and store them. Formats are detected from the "
        "content: plain text (optional Title:/URL:/"
        "Outlet:/Date:/Author: header lines or a first-line date), HTML, JSON, JSON Lines, "
        "WARC/ARC, RSS/Atom, and any of them gzipped. Re-indexing unchanged input writes "
        "nothing; an interrupted run resumes when started again. Exit status 0 when "
        "everything was indexed, 1 when something was rejected (see --rejects), 2 on a "
        "fatal error.",
        "quotetrail index fixtures/ 'dumps/*.jsonl.gz' --map body=content,published=date",
        cmd_index,
    )
    index.add_argument(
        "paths", nargs="+", metavar="PATH", help="file, folder, glob, - or http(s) URL"
    )
    index.add_argument(
        "--map",
        action="append",
        metavar="FIELD=INPUT",
        help="JSON field mapping for dumps with other names, e.g. body=content,title=headline "
        "(common names such as headline, content, date, link, source, author are "
        "recognised without it; dotted paths like outlet=source.name work)",
    )
    index.add_argument(
        "--rejects",
        metavar="FILE",
        help="JSON Lines file listing rejected inputs (path, offset, reason); default "
        "quotetrail-rejects.jsonl in the state directory",
    )
    index.add_argument(
        "--batch-size",
        type=_positive,
        default=32,
        metavar="N",
        help="articles written per store request (default 32)",
    )
    index.add_argument(
        "--workers",
        type=_positive,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="extraction processes (default: 2, or 1 on one core)",
    )
    index.add_argument(
        "--state-dir",
        metavar="DIR",
        help="where the resume checkpoint lives (default: next to the SQLite file; "
        "~/.local/state/quotetrail for Elasticsearch; or QUOTETRAIL_STATE_DIR)",
    )
    index.add_argument(
        "--retry-for",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="how long to retry when the store fails before stopping (default 60)",
    )
    index.add_argument(
        "--max-article-mb",
        type=_amount,
        default=5.0,
        metavar="MB",
        help="larger single articles are rejected (default 5)",
    )
    index.add_argument(
        "--extract-budget",
        type=_seconds,
        default=DEFAULT_EXTRACT_BUDGET,
        metavar="SECONDS",
        help="CPU seconds the extractor may spend on one article; an article that needs "
        "more is skipped and listed with the rejects "
        f"(default {DEFAULT_EXTRACT_BUDGET:g}; 0: no limit)",
    )
    index.add_argument(
        "--shard",
        type=_shard,
        metavar="K/N",
        help="run shard K of N concurrent indexers of the same PATHS on one Elasticsearch "
        "store (on several machines, or several times on one): each takes the inputs whose "
        "name hashes to K (a stable SHA-1 of the input's name, so every machine agrees), "
        "extracts them and stages the result in the store; the last shard to finish links "
        "everything in input order, so the store ends as one run of PATHS would leave it. "
        "Without --shard, indexers on one Elasticsearch store (each with its own part of a "
        "corpus, say) link one after the other: a second one says the store is busy and "
        "waits for the first",
    )

    _watch_parser(sub)

    extract = _command(
        sub,
        "extract",
        "Print the attributions found in article files without storing anything.",
        "quotetrail extract fixtures/text/cpa-2024-03-14-drones-strike-osterhal.txt --format table",
        cmd_extract,
    )
    extract.add_argument("files", nargs="+", metavar="FILE")
    extract.add_argument(
        "--format",
        choices=("jsonl", "prediction", "table"),
        default="table",
        help="jsonl: the records with the stored fields; prediction: the bench scorer's spans",
    )

    serve = _command(
        sub,
        "serve",
        "Run the development web server (search UI and /api/v1) on the configured store.",
        "quotetrail serve --host 127.0.0.1 --port 5000",
        cmd_serve,
    )
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=5000)

    stats = _command(
        sub,
        "stats",
        "Count articles, attributions, speakers, outlets and statements in the store.",
        "quotetrail stats --json",
        cmd_stats,
    )
    stats.add_argument("--json", action="store_true", help="print a JSON object")

    reindex = _command(
        sub,
        "reindex",
        "Rebuild the Elasticsearch indices with the current mappings: every index is copied "
        "into a new version and the aliases move in one step, so searches never see a "
        "half-filled index (pause indexing meanwhile). Not needed with SQLite.",
        "ES_URL=http://127.0.0.1:9200 quotetrail reindex",
        cmd_reindex,
    )
    reindex.add_argument(
        "--to-version",
        type=_positive,
        metavar="N",
        help="version number of the new indices (default: current + 1)",
    )

    reset = _command(
        sub,
        "reset",
        "Remove everything from the store.",
        "quotetrail reset --yes",
        cmd_reset,
    )
    reset.add_argument("--yes", action="store_true", help="confirm")

    speakers = _command(
        sub,
        "speakers",
        "Correct speaker resolution: merge speakers that are one person, or split an "
        "alias back out.",
        "quotetrail speakers merge andrii-vedmid andriy-vedmid",
        lambda args: speakers.print_help() or 2,
    )
    speaker_sub = speakers.add_subparsers(dest="action", metavar="ACTION")
    merge = _command(
        speaker_sub,
        "merge",
        "Merge OTHER speakers into INTO: their attributions move, their names become aliases.",
        "quotetrail speakers merge andrii-vedmid andriy-vedmid andrii-vedmid-2",
        cmd_speakers_merge,
    )
    merge.add_argument("into", metavar="INTO", help="id of the speaker to keep")
    merge.add_argument("others", nargs="+", metavar="OTHER", help="ids of speakers merged in")
    merge.add_argument(
        "--force",
        action="store_true",
        help="merge all the same a person with an organization or group, or two persons "
        "with different given names",
    )
    split = _command(
        speaker_sub,
        "split",
        "Undo a merge for one alias: attributions written under ALIAS get their own speaker.",
        "quotetrail speakers split andrii-vedmid 'Andriy Vedmid'",
        cmd_speakers_split,
    )
    split.add_argument("id", metavar="ID", help="id of the speaker holding the alias")
    split.add_argument("alias", metavar="ALIAS", help="the name as written in articles")
    undo = _command(
        speaker_sub,
        "undo",
        "Undo a logged speaker change (a merge, split, rename or retype listed on /changes).",
        "quotetrail speakers undo c-0123456789abcdef",
        cmd_speakers_undo,
    )
    undo.add_argument("change", metavar="CHANGE", help="id of the change, as /changes lists it")
    _people_parser(sub)
    return parser


def _people_parser(sub: Any) -> None:
    people = _command(
        sub,
        "people",
        "The people and organizations a newsroom already tracks (an authority file).",
        "quotetrail people import fixtures/people/officials.csv",
        lambda args: people.print_help() or 2,
    )
    people_sub = people.add_subparsers(dest="action", metavar="ACTION")
    load = _command(
        people_sub,
        "import",
        "Load an authority file (CSV with a header row, or JSON Lines): name, aliases, type, "
        "wikidata_id, party, country, roles with dates. Linking prefers these records; a "
        "speaker already stored under one of the names is completed in place. A bad row is "
        "reported with its line and field and the rest load (exit status 1).",
        "quotetrail people import fixtures/people/officials.jsonl",
        cmd_people_import,
    )
    load.add_argument("file", metavar="FILE", help="the authority file (.csv or .jsonl)")


def _watch_parser(sub: Any) -> None:
    watch = _command(
        sub,
        "watch",
        "Poll RSS/Atom feeds and index their new items (each item's page is fetched when "
        "the feed carries only a summary), and the URLs queued through POST /api/v1/urls. "
        "Feeds are asked with conditional requests; the items seen, each feed's status and "
        "the queue live in the state directory, so a restart fetches nothing twice. "
        "robots.txt is honoured. Exit status (--once) 0, or 1 when something failed.",
        "quotetrail watch https://example.org/feed.xml --every 15m",
        cmd_watch,
    )
    watch.add_argument("feeds", nargs="*", metavar="FEED_URL", help="RSS or Atom feed URL")
    watch.add_argument(
        "--feeds", dest="feeds_file", metavar="FILE", help="file of feed URLs, one a line"
    )
    watch.add_argument(
        "--every", default="15m", metavar="DURATION", help="time between polls (default 15m)"
    )
    watch.add_argument("--once", action="store_true", help="poll once and exit (cron)")
    watch.add_argument("--status", action="store_true", help="print each feed's status and exit")
    watch.add_argument(
        "--delay",
        type=_seconds,
        default=1.0,
        metavar="SECONDS",
        help="pause between two requests to the same host (default 1; robots.txt "
        "Crawl-delay raises it)",
    )
    watch.add_argument("--state-dir", metavar="DIR", help="as for index")
    watch.add_argument("--batch-size", type=_positive, default=32, metavar="N")
    watch.add_argument(
        "--workers", type=_positive, default=min(2, os.cpu_count() or 1), metavar="N"
    )
    watch.add_argument("--retry-for", type=_seconds, default=60.0, metavar="SECONDS")


def main(argv: list[str] | None = None) -> int:
    """Run the ``quotetrail`` command with ``argv`` (default: the process arguments) and
    return its exit status: 0 success, 1 something was rejected, 2 fatal error (printed as
    one line; a :class:`QuotetrailError` is printed as its message)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except QuotetrailError as error:
        return _fail(str(error))
    except OSError as error:
        where = f": {error.filename}" if getattr(error, "filename", None) else ""
        return _fail(f"{error.strerror or error}{where}")
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as error:  # noqa: BLE001 - the promise is one line, never a traceback
        if settings.debug():
            raise
        return _fail(
            f"internal error: {type(error).__name__}: {error} "
            "(QUOTETRAIL_DEBUG=1 shows the traceback)"
        )


def _fail(message: str, status: int = 2) -> int:
    line = " ".join(message.split()) or "failed"
    print(f"quotetrail: error: {line}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
