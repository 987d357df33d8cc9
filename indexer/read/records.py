"""JSON and JSON Lines: one article per object, streamed so any file size stays bounded."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from indexer.read.decode import Undecodable, decode
from indexer.read.fields import from_record
from indexer.read.model import Article, ReadOptions, Reject, Repair, human_size, too_large

CHUNK = 1 << 16
# Objects that wrap a list of articles (news API responses, exports).
WRAPPER_KEYS = ("articles", "items", "data", "results", "entries", "documents", "docs", "posts")


def _records(
    value: Any, name: str, where: str, options: ReadOptions
) -> Iterator[Article | Reject | Repair]:
    if isinstance(value, dict):
        wrapped = next((value[k] for k in WRAPPER_KEYS if isinstance(value.get(k), list)), None)
        if wrapped is not None and not _has_body(value, options):
            for i, item in enumerate(wrapped):
                yield from _records(item, name, _join(where, f"item {i + 1}"), options)
            return
        try:
            article, notes = from_record(
                value, f"{name}#{where}" if where else name, options.field_map
            )
        except ValueError as error:
            yield Reject(name, where or None, str(error))
            return
        for note in notes:
            yield Repair(name, where or None, note)
        yield article
    else:
        kind = "null" if value is None else type(value).__name__
        yield Reject(name, where or None, f"expected a JSON object, got {kind}")


def _join(where: str, part: str) -> str:
    return f"{where} {part}" if where else part


def _has_body(record: dict[str, Any], options: ReadOptions) -> bool:
    names = (
        [options.field_map["body"]] if "body" in options.field_map else ["body", "content", "text"]
    )
    return any(isinstance(record.get(n), str) for n in names)


def read_jsonl(
    stream: BinaryIO, name: str, options: ReadOptions
) -> Iterator[Article | Reject | Repair]:
    """One article per line; a bad line is rejected alone and the next one read."""
    limit = options.max_article_bytes
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        where = f"line {number}"
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest without keeping it
                line = stream.readline(CHUNK)
            yield Reject(name, where, too_large(limit))
            continue
        if not line.strip():
            continue
        try:
            text, repair = decode(line.strip())
        except Undecodable as error:
            yield Reject(name, where, str(error))
            continue
        if repair:
            yield Repair(name, where, repair)
        try:
            value = json.loads(text.lstrip("\ufeff"))
        except (ValueError, RecursionError) as error:
            yield Reject(name, where, f"broken JSON: {error}")
            continue
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from _records(item, name, _join(where, f"item {i + 1}"), options)
        else:
            yield from _records(value, name, where, options)


class _TextBuffer:
    """UTF-8 text decoded chunk by chunk, with the unparsed rest kept in ``text``."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
        self.text = ""
        self.eof = False

    def more(self, at_least: int = CHUNK) -> bool:
        """Append at least one more chunk; False at the end of the stream."""
        if self.eof:
            return False
        data = self.stream.read(max(CHUNK, at_least))
        if not data:
            self.eof = True
            self.text += self.decoder.decode(b"", final=True)
            return False
        self.text += self.decoder.decode(data)
        return True

    def skip_space(self, also: str = "") -> None:
        while True:
            self.text = self.text.lstrip(" \t\r\n" + also)
            if self.text or not self.more():
                return


def read_json(
    stream: BinaryIO, name: str, options: ReadOptions
) -> Iterator[Article | Reject | Repair]:
    """A JSON document: an article object, an array of them (streamed), or a wrapper."""
    buffer = _TextBuffer(stream)
    try:
        buffer.skip_space()
        if not buffer.text:
            yield Reject(name, None, "empty file")
        elif buffer.text.startswith("["):
            buffer.text = buffer.text[1:]
            yield from _read_array(buffer, name, options)
        else:
            yield from _read_document(buffer, name, options)
    except UnicodeDecodeError:
        yield Reject(name, None, "undecodable text: JSON must be UTF-8")


def _read_document(
    buffer: _TextBuffer, name: str, options: ReadOptions
) -> Iterator[Article | Reject | Repair]:
    """A whole JSON object, read up to the container limit (never further)."""
    limit = options.max_container_bytes
    while buffer.more():
        if len(buffer.text) > limit:
            yield Reject(
                name,
                None,
                f"JSON document larger than the {human_size(limit)} "
                "limit (use JSON Lines for large dumps)",
            )
            return
    try:
        value = json.loads(buffer.text)
    except (ValueError, RecursionError) as error:
        yield Reject(name, None, f"broken JSON: {error}")
        return
    yield from _records(value, name, "", options)


def _read_array(
    buffer: _TextBuffer, name: str, options: ReadOptions
) -> Iterator[Article | Reject | Repair]:
    """Elements one at a time: memory holds one element, not the array."""
    decoder = json.JSONDecoder()
    limit = options.max_article_bytes
    index = 0
    while True:
        buffer.skip_space(",")
        if not buffer.text:
            yield Reject(name, f"item {index + 1}", "broken JSON: the array is not closed")
            return
        if buffer.text.startswith("]"):
            return
        index += 1
        while True:
            try:
                value, end = decoder.raw_decode(buffer.text)
                break
            except RecursionError:
                yield Reject(name, f"item {index}", "broken JSON: nested too deeply")
                return
            except ValueError as error:
                if len(buffer.text) > limit:
                    yield Reject(name, f"item {index}", f"broken JSON or {too_large(limit)}")
                    return
                if not buffer.more(len(buffer.text)):
                    yield Reject(name, f"item {index}", f"broken JSON: {error}")
                    return
        buffer.text = buffer.text[end:]
        yield from _records(value, name, f"item {index}", options)
