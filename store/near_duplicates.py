"""Near-duplicate statements: the same quote carried by many articles becomes one statement.

Copies of a quote differ in quotation marks, whitespace, a trimmed ending, an ellipsis or a
few changed function words. Each statement carries near-duplicate *keys* (the normalized
text, its first and last words, MinHash LSH bands over word pairs), so a new quote only meets
the few statements sharing a key. Resemblance (rapidfuzz) is only candidate evidence: the
words that differ decide. Opposite negations, opposite verbs (grew/shrank), changed numbers
and any changed content word ("Gas bills" / "Phone bills", "Energy" / "Rent prices") keep
quotes apart; what may differ is spelling (a typo), case, punctuation, a trimmed end, an
elision, and function words (articles, pronouns, prepositions, auxiliaries, the reporting
verb, a back-shifted modal: "will" in a quote, "would" in its report).
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
from rapidfuzz.distance import OSA, Indel

from schemas.ids import digest

ELLIPSIS = "…"
NUM_PERM = 60
BAND_ROWS = 3  # 20 bands of 3 rows: a pair with Jaccard 0.5 shares a band 93% of the time
EDGE_WORDS = 6  # words in the head/tail keys that catch trimmed and elided copies
MAX_KEYS = 64  # keys kept per statement as variants add their exact/head/tail keys
LONG_QUOTE = 15  # words from which a copy may change a few (20%) function words
RESPELT_SCORE = 0.7  # less alike than that is never one statement, however it differs

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_ELLIPSIS_RE = re.compile(r"[\[(]\s*(?:\.\s*){3,}[\])]|(?:\.\s*){3,}|…")
_NEGATED = re.compile(r"\b(won|shan|can|ain)'t\b|\bcannot\b|n't\b")
_EXPANDED = {"won": "will not", "shan": "shall not", "can": "can not", "ain": "is not"}
_TOKEN_RE = re.compile(r"\w+|…")
NEGATIONS = frozenset(
    {"not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "nowhere", "without"}
)

# Verbs of change and outcome (each with its forms), and the particles and comparatives
# of direction and degree (on/off, more/less, better/worse), whose meanings are opposite: a
# claim with one where the other has a form of its partner contradicts it, as a negation
# would ("driving with the handbrake on" / "... off"). "will"/"won't" needs no pair: the
# contraction expands to "will not", a negation (:func:`tokens`).
_OPPOSITE_FORMS = (
    ("grow grows grew grown growing", "shrink shrinks shrank shrunk shrinking"),
    ("rise rises rose risen rising", "fall falls fell fallen falling"),
    ("increase increases increased increasing", "decrease decreases decreased decreasing"),
    ("win wins won winning", "lose loses lost losing"),
    ("gain gains gained gaining", "lose loses lost losing"),
    ("up", "down"),
    ("on", "off"),
    ("more", "fewer less"),
    ("higher", "lower"),
    ("better", "worse"),
    ("best", "worst"),
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

# Words whose change leaves the claim as it was: articles, demonstratives, "every"/"each"/
# "all", pronouns, prepositions of place and relation, coordinating conjunctions, forms of
# be/have/do, the reporting verb around a quote, and the modals that back-shift in
# reported speech ("will" in a quote, "would" in its report).
# Every other word is a content word (nouns, names, verbs, adjectives, numbers written out,
# other quantifiers and modals, "before"/"after", "if"/"because": "will" is not "could"):
# a quote that changes one is another statement.
_FUNCTION_LIST = """a an the this that these those every each all i me my mine we us our ours
you your yours he him his she her hers it its they them their theirs one ones who whom whose
which what there here of in on at to for from by with into onto upon about through across
among between within along around and or but so yet then as than also too just very be is am
are was were been being has have had having do does did done will would shall should can
could may might say says said saying tell tells told telling add adds added"""
# A word with an opposite is a content word, but for "on": a copy that drops it ("on
# Friday" / "Friday") is the same quote; "off" in its place is the opposite one.
FUNCTION_WORDS = frozenset(_FUNCTION_LIST.split()) - (frozenset(ANTONYMS) - {"on"})
# modals one side may have where the other has another: a real change, not a back-shift
_MODAL_SHIFTS = {
    "will": "would",
    "would": "will",
    "shall": "should",
    "should": "shall",
    "can": "could",
    "could": "can",
    "may": "might",
    "might": "may",
}
_MODALS = frozenset(_MODAL_SHIFTS)
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


# Numbers written as words: units and tens add up ("twenty-five"), scales multiply what
# precedes them ("two hundred", "four thousand"; "a dozen" is 12).
_UNIT_LIST = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen"""
_TEN_LIST = "twenty thirty forty fifty sixty seventy eighty ninety"
_UNITS = {w: i for i, w in enumerate(_UNIT_LIST.split())}
_TENS = {w: 10 * i for i, w in enumerate(_TEN_LIST.split(), 2)}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES) | {"dozen"}
# "one" that is a pronoun or determiner, not a count: "no one", "the one", "one of them"
_NOT_A_COUNT_LIST = "no any every each some the this that which someone"
_NOT_A_COUNT_BEFORE = frozenset(_NOT_A_COUNT_LIST.split())
# "and" joins a number's parts only after a scale ("two hundred and ten"; "seven and eight"
# are two figures)
_AFTER_SCALE = "(?:" + "|".join(f"(?<={scale})" for scale in _SCALES) + ")"
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER_RUN = re.compile(
    rf"\b(?:a\s+dozen|(?:{_NUMBER_WORD})(?:(?:{_AFTER_SCALE}\s+and\s+|[\s-]+)(?:{_NUMBER_WORD}))*)\b"
    r"(?:\s?%|\s+(?:per\s*cent|percent)\b)?",
    re.IGNORECASE,
)


def _words_value(run: str) -> int:
    """The value of a run of number words ("twenty-five" 25, "two hundred and ten" 210,
    "four thousand" 4000, "a dozen" 12)."""
    total = current = 0
    for word in re.findall(r"[a-z]+", run.casefold()):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
    return total + current


def figures(text: str) -> list[str]:
    """The numbers a quote states, in order: in digits as written but for spacing ("0.3%",
    "1,200", "-2"), in words as their value in digits ("fourteen" "14", "two hundred" "200",
    "a dozen" "12", "forty per cent" "40%"); a percentage is a different figure from the
    bare number. "one" that is no count ("no one", "one of them") is not a figure."""
    found = [(m.start(), m.group().replace(" ", "")) for m in _FIGURE_RE.finditer(text)]
    for match in _NUMBER_RUN.finditer(text):
        run = match.group()
        if run.casefold() == "one":
            before = text[: match.start()].split()[-1:]
            after = text[match.end() :].split()[:1]
            if (before and before[0].casefold() in _NOT_A_COUNT_BEFORE) or (
                after and after[0].casefold() in {"of", "another"}
            ):
                continue
        percent = "%" if re.search(r"(?:%|cent)$", run, re.IGNORECASE) else ""
        found.append((match.start(), f"{_words_value(run)}{percent}"))
    return [figure for _, figure in sorted(found)]


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


@dataclass(frozen=True)
class _Differences:
    """How two alike quotes differ, judged on the words that differ outside a trimmed end or
    an elision (see :func:`_differences`)."""

    flipped: bool  # a negation on one side only, or an antonym verb for the other's
    refigured: bool  # a number differs
    reworded: bool  # a content word differs (not a spelling variant of the other's)
    function_changes: int  # function words on the side with more of them (will/would: 1)


def _differences(a: Sequence[str], b: Sequence[str]) -> _Differences:
    """The :class:`_Differences` of two tokenized quotes.

    The alignment's changed runs are read one run at a time: a run at either end where one
    side has nothing is a trimmed copy, a run next to an elision is the elision; every
    other run counts, including a replacement at an end ("Gas bills ..." / "Phone bills
    ..."). ``flipped``: a negation on one side only, or an antonym verb in place of the
    other's (grew/shrank, each pair counting like one negation, so "did not fall" and "rose"
    agree); ``refigured``: a number differs (3 for 0.3, 90 for 40); ``reworded``: a content
    word (not in :data:`FUNCTION_WORDS`) on one side has no spelling variant on the other
    (:func:`spelling_variant`), or a modal changed other than by back-shift."""
    diff_a: list[str] = []
    diff_b: list[str] = []
    for sa, ea, sb, eb in _changed_runs(a, b):
        trimmed = (sa == ea or sb == eb) and (
            (sa == 0 and sb == 0) or (ea == len(a) and eb == len(b))
        )
        near_a = a[max(sa - 1, 0) : ea + 1]
        near_b = b[max(sb - 1, 0) : eb + 1]
        if trimmed or ELLIPSIS in near_a or ELLIPSIS in near_b:
            continue
        diff_a += a[sa:ea]
        diff_b += b[sb:eb]
    negated = sum(t in NEGATIONS for t in diff_a) != sum(t in NEGATIONS for t in diff_b)
    refigured = any(any(c.isdigit() for c in t) for t in diff_a + diff_b)
    flipped = negated != (opposites(diff_a, diff_b) % 2 == 1)
    changes = max(
        sum(t in FUNCTION_WORDS for t in diff_a), sum(t in FUNCTION_WORDS for t in diff_b)
    )
    return _Differences(flipped, refigured, _reworded(diff_a, diff_b), changes)


def _changed_runs(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int, int]]:
    """``(start_a, end_a, start_b, end_b)`` of each maximal run of inserted/deleted words
    between equal stretches (an Indel alignment spells a replacement as a delete and an
    insert: together they are one run)."""
    runs: list[tuple[int, int, int, int]] = []
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            continue
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            sa, _, sb, _ = runs.pop()
            runs.append((sa, op.src_end, sb, op.dest_end))
        else:
            runs.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    return runs


def _reworded(diff_a: Sequence[str], diff_b: Sequence[str]) -> bool:
    """Whether the differing words change a content word (see :func:`_differences`);
    negations and figures are judged by their own rules, not here."""

    def content(words_: Sequence[str]) -> list[str]:
        return [
            t
            for t in words_
            if t not in FUNCTION_WORDS and t not in NEGATIONS and not any(c.isdigit() for c in t)
        ]

    mine, theirs = content(diff_a), content(diff_b)
    if any(not any(spelling_variant(t, u) for u in theirs) for t in mine):
        return True
    if any(not any(spelling_variant(t, u) for u in mine) for t in theirs):
        return True
    modals_a = [t for t in diff_a if t in _MODALS]
    modals_b = [t for t in diff_b if t in _MODALS]
    return any(m not in modals_b and _MODAL_SHIFTS[m] not in modals_b for m in modals_a) or any(
        m not in modals_a and _MODAL_SHIFTS[m] not in modals_a for m in modals_b
    )


def stem(word: str) -> str:
    """A crude stem: "pensioners" meets "pensioner", "keeps" meets "keep"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _bases(word: str) -> set[str]:
    """The word and what is left without an inflection ending, by these rules only:
    "-s" (not after another s: "pensioners" -> pensioner, "class" stays), "-es" after s, x,
    z, ch or sh ("taxes" -> tax, but "planes" is not "plan"), "-ies" for "-y" ("policies"
    -> policy), "-ed" and "-ing" ("delayed" -> delay, "raising" -> rais). The "-d" of a verb
    in "-e" is :func:`_e_verb_base`'s."""
    found = {word}
    if word.endswith("s") and not word.endswith("ss") and len(word) >= 4:
        found.add(word[:-1])
    if word.endswith("es") and word[:-2].endswith(("s", "x", "z", "ch", "sh")) and len(word) >= 5:
        found.add(word[:-2])
    if word.endswith("ies") and len(word) >= 5:
        found.add(word[:-3] + "y")
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            found.add(word[: -len(suffix)])
    return found


def _e_verb_base(word: str) -> set[str]:
    """The verb in "-e" a word in "-ed" may be the past of ("raised" -> raise), or nothing.
    It meets only another inflected form of that verb ("raises", "raising"), never the bare
    word: "fined" is not "fine", "used" is not "use"."""
    return {word[:-1]} if word.endswith("ed") and len(word) >= 5 else set()


def spelling_variant(a: str, b: str) -> bool:
    """Two folded words are one word as two outlets may print it: equal, equal but for an
    inflection ending (:func:`_bases`: -s, -es, -ies, -ed, -ing; -d with another inflected
    form, :func:`_e_verb_base`), or a typo: one edit (insertion, deletion, substitution or
    swap of neighbours: optimal string alignment) from six letters up, two from ten.
    Shorter words must be equal: "bills" and "pills", "Gas" and "Gap", "Water" and "Wafer"
    are other words, as are "plan" and "planes", "fine" and "fined"."""
    bases_a, bases_b = _bases(a), _bases(b)
    if a == b or bases_a & bases_b:
        return True
    if _e_verb_base(a) & (bases_b - {b}) or _e_verb_base(b) & (bases_a - {a}):
        return True
    return typo_apart(a, b, 6, 10) or typo_apart(stem(a), stem(b), 6, 10)


def typo_apart(a: str, b: str, one_from: int, two_from: int) -> bool:
    """Whether the words ``a`` and ``b`` are one typo apart: at most one edit (insertion,
    deletion, substitution or swap of neighbours: optimal string alignment) when the
    shorter has ``one_from`` letters or more, two from ``two_from``; shorter words never
    are (equal words are, from ``one_from`` letters)."""
    shortest = min(len(a), len(b))
    if shortest < one_from:
        return False
    allowed = 1 if shortest < two_from else 2
    if abs(len(a) - len(b)) > allowed:
        return False
    return OSA.distance(a, b, score_cutoff=allowed) <= allowed


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
    reworded: bool = False  # alike but for a content word: another claim ("Gas"/"Phone bills")


def compare(a_text: str, b_text: str) -> Match:
    """Whether two quotes are one statement (see :func:`compare_tokens`)."""
    return compare_tokens(tokens(a_text), tokens(b_text))


def compare_tokens(
    a: Sequence[str],
    b: Sequence[str],
    wa: Sequence[str] | None = None,
    wb: Sequence[str] | None = None,
) -> Match:
    """Whether two tokenized quotes are one statement: tolerant of marks, case, typos, trims,
    elisions and a few changed function words; strict about negation, opposite verbs,
    numbers and content words (:func:`_differences`): resemblance only makes a candidate.
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
    if not similar and score >= RESPELT_SCORE:  # less alike, but perhaps only respelt
        found = _differences(a, b)
        if found.function_changes <= 1 and not (
            found.flipped or found.refigured or found.reworded
        ):
            return Match(True, score)
    if not similar and shortest >= 5 and (total - distance) / 2 >= 0.8 * shortest:
        short, long_words = (a, wb) if len(wa) <= len(wb) else (b, wa)
        similar = _contained(short, " ".join(long_words))
    if not similar:
        return Match(False, score)
    found = _differences(a, b)
    same = not (found.flipped or found.refigured or found.reworded)
    return Match(same, score, found.flipped, found.refigured, found.reworded)


def statement_id(text: str) -> str:
    """Stable id of a new statement, from its first text (same input -> same id)."""
    return "s-" + digest("statement", normalized(text))


def better_text(current: str, candidate: str) -> str:
    """The text a statement shows: the fullest copy, preferring one without an elision."""

    def rank(text: str) -> tuple[int, int]:
        toks = tokens(text)
        return (ELLIPSIS not in toks, len(words(toks)))

    return candidate if rank(candidate) > rank(current) else current
