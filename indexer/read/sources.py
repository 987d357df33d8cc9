"""Where inputs come from: paths, directories (recursive), glob patterns, gzip, stdin."""

from __future__ import annotations

import errno
import glob
import gzip
import io
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO

from indexer.read.model import Reject
from schemas.text import valid_text

STDIN = "-"
GZIP_MAGIC = b"\x1f\x8b"
# Directory walks pick these (also with .gz after them) and files without a suffix;
# named explicitly, any file is read and its format detected from the content.
ARTICLE_SUFFIXES = frozenset(
    {
        ".txt",
        ".text",
        ".html",
        ".htm",
        ".xhtml",
        ".shtml",
        ".json",
        ".jsonl",
        ".ndjson",
        ".jl",
        ".warc",
        ".arc",
        ".rss",
        ".atom",
        ".xml",
        ".feed",
        "",
    }
)
GZIP_SUFFIXES = (".gz", ".gzip")


@dataclass(frozen=True)
class Source:
    """One input file (or stdin). ``key`` changes when the file does (size, mtime).

    ``name`` is the path as found (messages show it); ``stored`` is the name an article
    keeps as its ``source``: relative to the folder holding what the user passed
    (``gz/a.txt.gz`` for ``/srv/fixtures/gz``), so no server path reaches a page or the API.
    """

    name: str
    path: str | None  # None for stdin
    size: int | None
    key: str | None  # None when progress cannot be checkpointed (stdin)
    stored: str | None = None  # None: the same as ``name``

    @property
    def stored_name(self) -> str:
        return self.name if self.stored is None else self.stored

    def open(self, counter: ByteCounter | None = None) -> io.BufferedReader:
        raw = sys.stdin.buffer if self.path is None else open(self.path, "rb")  # noqa: SIM115
        return io.BufferedReader(CountingReader(raw, counter or ByteCounter()), 1 << 16)


class ByteCounter:
    """Bytes taken from input files so far, for progress and ETA."""

    def __init__(self) -> None:
        self.total = 0


class CountingReader(io.RawIOBase):
    """A binary stream that counts the bytes taken from the underlying file (progress)."""

    def __init__(self, raw: BinaryIO, counter: ByteCounter) -> None:
        self.raw = raw
        self.counter = counter
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.counter.total += n
        self.consumed += n
        return n

    def uncount(self) -> None:
        """Take back what was counted: the file is about to be read again from the start."""
        self.counter.total -= self.consumed
        self.consumed = 0

    def close(self) -> None:
        if self.raw is not sys.stdin.buffer:
            self.raw.close()
        super().close()


def wanted_in_directory(name: str) -> bool:
    """Whether a directory walk picks this file name (hidden files and .in sources never)."""
    if name.startswith("."):
        return False
    lower = name.lower()
    for gz in GZIP_SUFFIXES:
        if lower.endswith(gz):
            lower = lower[: -len(gz)]
            break
    return os.path.splitext(lower)[1] in ARTICLE_SUFFIXES


def _problem(path: str, error: OSError) -> str:
    """Why a path cannot be read, in the words of a file listing."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop (too many levels of symbolic links)"
    if error.errno == errno.ENOENT:
        if os.path.islink(path):
            return "broken symbolic link (its target does not exist)"
        return "no such file or directory"
    return f"cannot read: {(error.strerror or str(error)).lower()}"


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return kind
    return "not a regular file"


def _file(path: str) -> Source | Reject:
    """The input at ``path``, or why it cannot be read (never opened here: a FIFO would
    block). Names that are not valid UTF-8 are shown with U+FFFD in their place."""
    name = valid_text(path)
    try:
        st = os.stat(path)
    except OSError as error:
        return Reject(name, None, _problem(path, error))
    if not stat.S_ISREG(st.st_mode):
        kind = _kind(st.st_mode)
        reason = kind if kind == "not a regular file" else f"not a regular file ({kind})"
        return Reject(name, None, reason)
    absolute = os.path.abspath(path)
    return Source(name, path, st.st_size, f"{absolute}:{st.st_size}:{st.st_mtime_ns}")


def _walk(top: str) -> Iterator[Source | Reject]:
    """Every wanted file under ``top`` (sorted, files before subfolders, as a listing reads).

    Symbolic links to folders are followed, each folder read once; a link back to a folder
    being read is a loop and reported, and so is every folder that cannot be listed and
    every wanted name that is not a readable regular file (FIFOs, sockets, broken links).
    """
    visited: set[tuple[int, int]] = set()
    stack: list[tuple[str, frozenset[tuple[int, int]]]] = [(top, frozenset())]
    while stack:
        directory, ancestors = stack.pop()
        name = valid_text(directory)
        try:
            st = os.stat(directory)
            identity = (st.st_dev, st.st_ino)
            if identity in ancestors:
                yield Reject(name, None, "symbolic link loop (leads back to a folder above it)")
                continue
            if identity in visited:
                continue  # a second path to a folder already read: its files are in
            visited.add(identity)
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            problem = _problem(directory, error).replace("cannot read:", "cannot read folder:")
            yield Reject(name, None, problem)
            continue
        below = ancestors | {identity}
        folders: list[str] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_folder = entry.is_dir()
            except OSError:
                is_folder = False
            if is_folder:
                folders.append(entry.path)
            elif wanted_in_directory(entry.name):
                yield _file(entry.path)
        stack.extend((folder, below) for folder in reversed(folders))


def expand(paths: list[str]) -> Iterator[Source | Reject]:
    """Every input file named by ``paths``, in a stable order (sorted within directories).

    What cannot be read is a :class:`Reject` with the reason: a missing file, a broken
    link or a link loop, a folder that cannot be listed, a FIFO or device.
    """
    for given in paths:
        if given == STDIN:
            yield Source("<stdin>", None, None, None)
        elif os.path.isdir(given):
            yield from _or_empty(given, _relative_to(_parent(given), _walk(given)))
        elif glob.has_magic(given) and not os.path.lexists(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                yield Reject(valid_text(given), None, "no file matches this pattern")
            base = _parent(_fixed_part(given))
            for match in matches:
                found = _walk(match) if os.path.isdir(match) else [_file(match)]
                yield from _relative_to(base, found)
        else:
            yield from _relative_to(_parent(given), [_file(given)])


def skipped_in_folders(paths: list[str]) -> list[str]:
    """The files a walk of the folders in ``paths`` leaves out for their kind (`notes.md`,
    `make_archives.py`; hidden files are not listed), named as the walk names what it
    reads (relative to the named folder's parent), sorted. Patterns and files named
    explicitly are read whatever their kind, so they skip nothing."""
    skipped = []
    for given in paths:
        if given == STDIN or not os.path.isdir(given):
            continue
        base = _parent(given)
        for folder, subfolders, files in os.walk(given, followlinks=True):
            subfolders[:] = [d for d in subfolders if not d.startswith(".")]
            skipped += [
                valid_text(os.path.relpath(os.path.join(folder, name), base))
                for name in files
                if not name.startswith(".") and not wanted_in_directory(name)
            ]
    return sorted(skipped)


def _or_empty(given: str, found: Iterator[Source | Reject]) -> Iterator[Source | Reject]:
    """What a named folder holds, or a reject saying it holds nothing to read."""
    empty = True
    for item in found:
        empty = False
        yield item
    if empty:
        yield Reject(valid_text(given), None, "the folder holds no file to read")


def _parent(given: str) -> str:
    """The folder holding what the user named (``/srv/fixtures`` for ``/srv/fixtures/gz/``)."""
    return os.path.dirname(os.path.normpath(os.path.abspath(given)))


def _fixed_part(pattern: str) -> str:
    """The leading folders of a glob pattern before its first wildcard."""
    parts: list[str] = []
    for part in pattern.split(os.sep):
        if glob.has_magic(part):
            break
        parts.append(part)
    return os.sep.join(parts) or "."


def _relative_to(base: str, found: Iterable[Source | Reject]) -> Iterator[Source | Reject]:
    """Sources with ``stored`` names relative to ``base``; rejects as they are."""
    for item in found:
        if isinstance(item, Source) and item.path is not None:
            relative = os.path.relpath(os.path.abspath(item.path), base)
            item = replace(item, stored=valid_text(relative))
        yield item


class _Prefixed(io.RawIOBase):
    """Bytes already read (the sniffed head), then the rest of the stream.

    When reading the head failed (a truncated gzip file), the error is raised again once
    the head has been consumed, so readers see the good part first and then the fault.
    """

    def __init__(self, head: bytes, rest: BinaryIO, error: Exception | None = None) -> None:
        self.head = memoryview(head)
        self.rest = rest
        self.error = error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        if self.error is not None:
            raise self.error
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_fully(stream: BinaryIO, n: int) -> bytes:
    """Up to ``n`` bytes, reading again after short reads (pipes) until EOF."""
    parts: list[bytes] = []
    remaining = n
    while remaining > 0:
        data = stream.read(remaining)
        if not data:
            break
        parts.append(data)
        remaining -= len(data)
    return b"".join(parts)


def with_head(stream: BinaryIO, n: int) -> tuple[bytes, io.BufferedReader]:
    """The first ``n`` bytes and a stream that still starts at the beginning."""
    parts: list[bytes] = []
    size = 0
    error: Exception | None = None
    read = getattr(stream, "read1", stream.read)  # read1: keep what came before a fault
    try:
        while size < n:
            data = read(min(n - size, 1 << 14))
            if not data:
                break
            parts.append(data)
            size += len(data)
    except (EOFError, gzip.BadGzipFile, zlib.error) as fault:
        error = fault
    head = b"".join(parts)
    return head, io.BufferedReader(_Prefixed(head, stream, error), 1 << 16)


def decompressed(stream: BinaryIO, n: int) -> tuple[bytes, io.BufferedReader, bool]:
    """Head, stream and whether it was gunzipped (nested gzip too, up to three levels)."""
    head, buffered = with_head(stream, n)
    gunzipped = False
    for _ in range(3):
        if not head.startswith(GZIP_MAGIC):
            break
        gz = gzip.GzipFile(fileobj=buffered, mode="rb")
        head, buffered = with_head(gz, n)
        gunzipped = True
    return head, buffered, gunzipped
