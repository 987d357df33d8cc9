"""Near-duplicate statements: the same quote carried by many articles becomes one statement.

Copies of a quote differ in quotation marks, whitespace, a trimmed ending, an ellipsis or a
few changed words. Each statement carries near-duplicate *keys* (the normalized text, its
first and last words, MinHash LSH bands over word pairs), so a new quote only meets the few
statements sharing a key, and rapidfuzz then decides, refusing opposite negations, opposite
verbs (grew/shrank) and changed numbers.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from datasketch import MinHash
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from schemas.ids import digest

ELLIPSIS = "…"
NUM_PERM = 60
BAND_ROWS = 3  # 20 bands of 3 rows: a pair with Jaccard 0.5 shares a band 93% of the time
EDGE_WORDS = 6  # words in the head/tail keys that catch trimmed and elided copies
MAX_KEYS = 64  # keys kept per statement as variants add their exact/head/tail keys
LONG_QUOTE = 15  # words from which a paraphrase may change a few (20%) of them

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_ELLIPSIS_RE = re.compile(r"[\[(]\s*(?:\.\s*){3,}[\])]|(?:\.\s*){3,}|…")
_NEGATED = re.compile(r"\b(won|shan|can|ain)'t\b|\bcannot\b|n't\b")
_EXPANDED = {"won": "will not", "shan": "shall not", "can": "can not", "ain": "is not"}
_TOKEN_RE = re.compile(r"\w+|…")
NEGATIONS = frozenset(
    {"not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "nowhere", "without"}
)

# Verbs of change and outcome (each with its forms) whose meanings are opposite: a claim
# with one where the other has a form of its partner contradicts it, as a negation would.
_OPPOSITE_FORMS = (
    ("grow grows grew grown growing", "shrink shrinks shrank shrunk shrinking"),
    ("rise rises rose risen rising", "fall falls fell fallen falling"),
    ("increase increases increased increasing", "decrease decreases decreased decreasing"),
    ("win wins won winning", "lose loses lost losing"),
    ("gain gains gained gaining", "lose loses lost losing"),
    ("up", "down"),
    ("more", "fewer"),
    ("higher", "lower"),
    ("above", "below"),
)


def _antonyms() -> dict[str, frozenset[str]]:
    """Each form of :data:`_OPPOSITE_FORMS` -> the forms of its opposites."""
    found: dict[str, frozenset[str]] = {}
    for ones, others in _OPPOSITE_FORMS:
        for side, opposite in ((ones.split(), others.split()), (others.split(), ones.split())):
            for form in side:
                found[form] = found.get(form, frozenset()) | set(opposite)
    return found


ANTONYMS = _antonyms()
_FIGURE_RE = re.compile(r"[-+]?\d+(?:[.,]\d+)*\s?%?")

_LOCAL = threading.local()


def tokens(text: str) -> list[str]:
    """Words of a quote, folded so that copies compare equal; elisions become ``…``.

    Quotation marks and punctuation vanish, contractions expand ("won't" -> "will not") so
    a negation is always a word of its own, and ellipses at either end are dropped (a
    trimmed start or ending is told apart by alignment, not by the marker).
    """
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    folded = _ELLIPSIS_RE.sub(f" {ELLIPSIS} ", folded)
    if "'" in folded or "cannot" in folded:
        folded = _NEGATED.sub(_expand, folded).replace("'", "")
    found = _TOKEN_RE.findall(folded.replace("_", " "))
    while found and found[0] == ELLIPSIS:
        found.pop(0)
    while found and found[-1] == ELLIPSIS:
        found.pop()
    return found


def _expand(found: re.Match[str]) -> str:
    """ "won't" -> "will not", "cannot" -> "can not", "isn't" -> "is not"."""
    return _EXPANDED.get(found.group(1) or "", "can not" if found.group(0) == "cannot" else " not")


def words(toks: Sequence[str]) -> list[str]:
    return [t for t in toks if t != ELLIPSIS]


def normalized(text: str) -> str:
    """The text as compared: folded words separated by single spaces."""
    return " ".join(words(tokens(text)))


def figures(text: str) -> list[str]:
    """The numbers a quote states, as written but for spacing ("0.3%", "1,200", "-2"), in
    order; a percentage is a different figure from the bare number."""
    return [f.replace(" ", "") for f in _FIGURE_RE.findall(text)]


def _shingles(ws: Sequence[str]) -> list[bytes]:
    if len(ws) < 3:
        return [w.encode() for w in ws]
    return [f"{a} {b}".encode() for a, b in zip(ws, ws[1:], strict=False)]


def _minhash() -> MinHash:
    """A cleared MinHash for this thread: building one per quote costs more than hashing."""
    mh = getattr(_LOCAL, "minhash", None)
    if mh is None:
        mh = _LOCAL.minhash = MinHash(num_perm=NUM_PERM, seed=7)
    mh.clear()
    return mh


def keys_for(text: str, toks: Sequence[str] | None = None) -> list[str]:
    """Near-duplicate keys of a quote (its ``tokens`` when already known): exact text,
    head, tail and MinHash LSH bands. The exact-text key always comes first."""
    ws = words(tokens(text) if toks is None else toks)
    if not ws:
        return []
    keys = ["t:" + digest(" ".join(ws))]
    if len(ws) >= EDGE_WORDS + 2:
        keys.append("h:" + digest(" ".join(ws[:EDGE_WORDS])))
        keys.append("e:" + digest(" ".join(ws[-EDGE_WORDS:])))
    if len(ws) >= 4:
        mh = _minhash()
        mh.update_batch(_shingles(ws))
        values = mh.hashvalues
        for band in range(NUM_PERM // BAND_ROWS):
            chunk = values[band * BAND_ROWS : (band + 1) * BAND_ROWS].tobytes()
            keys.append(f"b{band}:" + hashlib.blake2b(chunk, digest_size=6).hexdigest())
    return keys


def _opposite(a: Sequence[str], b: Sequence[str]) -> tuple[bool, bool]:
    """``(flipped, refigured)`` for two quotes, judged on the words that differ outside a
    trimmed end or an elision: ``flipped`` when one says the opposite of the other (a
    negation on one side only, or an antonym verb in place of the other's: grew/shrank,
    each pair counting like one negation, so "did not fall" and "rose" agree);
    ``refigured`` when a number differs (3 for 0.3, 90 for 40): never the same statement."""
    diff_a: list[str] = []
    diff_b: list[str] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        at_edge = (op.src_start == 0 and op.dest_start == 0) or (
            op.src_end == len(a) and op.dest_end == len(b)
        )
        near_a = a[max(op.src_start - 1, 0) : op.src_end + 1]
        near_b = b[max(op.dest_start - 1, 0) : op.dest_end + 1]
        if at_edge or ELLIPSIS in near_a or ELLIPSIS in near_b:
            continue
        diff_a += a[op.src_start : op.src_end]
        diff_b += b[op.dest_start : op.dest_end]
    negated = sum(t in NEGATIONS for t in diff_a) != sum(t in NEGATIONS for t in diff_b)
    refigured = any(any(c.isdigit() for c in t) for t in diff_a + diff_b)
    return negated != (opposites(diff_a, diff_b) % 2 == 1), refigured


def opposites(a: Sequence[str], b: Sequence[str]) -> int:
    """How many words of ``a`` have their opposite (:data:`ANTONYMS`) among the words of
    ``b`` that ``a`` lacks: "grew" against "shrank" is one; "grew ... shrank" on both
    sides is none."""
    mine, theirs = set(a), set(b)
    return sum(bool(ANTONYMS.get(t, frozenset()) & (theirs - mine)) for t in mine - theirs)


def _fragments(toks: Sequence[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for t in toks:
        if t == ELLIPSIS:
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def _contained(short: Sequence[str], long_text: str) -> bool:
    """Every ellipsis-separated fragment of ``short`` appears (nearly) verbatim in the other."""
    fragments = [f for f in _fragments(short) if len(f) >= 3]
    if sum(len(f) for f in fragments) < 5:
        return False
    return all(
        fuzz.partial_ratio(" ".join(f), long_text) >= (88 if len(f) >= 10 else 92)
        for f in fragments
    )


@dataclass(frozen=True)
class Match:
    same: bool
    score: float  # word-level similarity in [0, 1], for ranking candidates
    negated: bool = False  # alike but for a negation: evidence of the opposite claim
    refigured: bool = False  # alike but for a number: evidence of another claim


def compare(a_text: str, b_text: str) -> Match:
    """Whether two quotes are one statement (see :func:`compare_tokens`)."""
    return compare_tokens(tokens(a_text), tokens(b_text))


def compare_tokens(
    a: Sequence[str],
    b: Sequence[str],
    wa: Sequence[str] | None = None,
    wb: Sequence[str] | None = None,
) -> Match:
    """Whether two tokenized quotes are one statement: tolerant of marks, trims, elisions
    and a few changed words in a long quote; strict about negation, opposite verbs, numbers
    and short sentences.
    ``wa``/``wb`` are their :func:`words` when the caller has them already."""
    wa = words(a) if wa is None else wa
    wb = words(b) if wb is None else wb
    if not wa or not wb:
        return Match(False, 0.0)
    if wa == wb:
        return Match(True, 1.0)
    distance = Indel.distance(wa, wb)
    total = len(wa) + len(wb)
    score = 1 - distance / total
    shortest = min(len(wa), len(wb))
    similar = score >= (0.9 if shortest < LONG_QUOTE else 0.8)
    if not similar and shortest >= 5 and (total - distance) / 2 >= 0.8 * shortest:
        short, long_words = (a, wb) if len(wa) <= len(wb) else (b, wa)
        similar = _contained(short, " ".join(long_words))
    flipped, refigured = _opposite(a, b) if similar else (False, False)
    return Match(similar and not flipped and not refigured, score, flipped, refigured)


def statement_id(text: str) -> str:
    """Stable id of a new statement, from its first text (same input -> same id)."""
    return "s-" + digest("statement", normalized(text))


def better_text(current: str, candidate: str) -> str:
    """The text a statement shows: the fullest copy, preferring one without an elision."""

    def rank(text: str) -> tuple[int, int]:
        toks = tokens(text)
        return (ELLIPSIS not in toks, len(words(toks)))

    return candidate if rank(candidate) > rank(current) else current
