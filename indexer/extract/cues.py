"""The cue lexicon: which words introduce reported speech or thought, and how reliably.

`cue_lexicon.json` is generated from PolNeAR train by `training/learn_cues.py`: for every
surface form and construction (ccomp, dobj, quote, ...) it holds how often the extractor's
candidate matched a gold attribution. A small seed list covers forms the corpus lacks.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from indexer.extract.cue_types import APPRAISING_VERBS, STANCE_ADJECTIVES, STANCE_PREPOSITIONS
from indexer.extract.quotes import has_quote_mark
from indexer.lexicon import wordset

LEXICON_PATH = Path(__file__).with_name("cue_lexicon.json")

# Forms accepted when the learned lexicon has no evidence (rare forms, other domains).
SEED_FORMS = wordset(
    """say says said saying tell tells told telling add adds added adding write writes wrote
    written writing claim claims claimed claiming argue argues argued arguing note notes noted
    noting explain explains explained explaining state states stated insist insists insisted
    warn warns warned warning announce announces announced report reports reported reporting
    acknowledge acknowledged admit admits admitted suggest suggests suggested predict predicted
    assert asserted declare declared continue continues continued tweet tweeted post posted
    reply replied respond responded confirm confirms confirmed deny denies denied reveal
    revealed stress stressed emphasize emphasized recall recalled agree agreed counter
    countered contend contended maintain maintained allege alleged believe believes believed
    think thinks thought conclude concluded concede conceded complain complained boast
    boasted joke joked mention mentioned observe observed testify testified charge charged
    caution cautioned promise promised vow vowed pledge pledged indicate indicated repeat
    repeated reiterate reiterated termed texted emailed messaged
    sigh sighs sighed grumble grumbles grumbled quip quips quipped mutter muttered exclaim
    exclaimed retort retorted scoff scoffed lament lamented muse mused shout shouted yell
    yelled groan groaned chuckle chuckled laugh laughed snap snapped whisper whispered"""
) | STANCE_ADJECTIVES  # "confident that ...": `constructions._adjective_complements`
# The last three lines are the expressive cues of feature writing ("sighed the treasurer"):
# rare in PolNeAR, common in house styles that avoid repeating "said".
THRESHOLD = 0.28  # PolNeAR train F1 is flat over 0.25-0.35; precision keeps a margin above 70
SEED_PRIOR = 0.6  # reliability of a seed form the lexicon has not seen
MIN_EVIDENCE = 3
PRIOR_WEIGHT = 4  # pseudo-observations at the construction's base rate (thin evidence)
# Sentences whose only cue candidates are this rare in train are not worth parsing.
PARSE_MIN_HITS = 3


_WORD = re.compile(r"[a-z]+")
_PER_NAME = re.compile(r"\bper [A-Z]")
# A clause framed as a view or a poll finding ("in her view", "his position was that", "in
# the CBS poll"), a claim noun's "that" clause ("his insistence that") or a commitment's
# infinitive ("her pledge to"): `viewpoints`
# proposes it although no cue word occurs.
_FRAME = re.compile(
    r"\b(?:in (?:\S+ ){0,4}?(?:view|opinion|estimation|judge?ment)|"
    r"(?:view|opinion|position|argument|contention|assertion|claim|belief|conviction)"
    r" (?:is|was) that|in\b[^.,;:]{0,60}?\b(?:polls?|polling|surveys?))\b|"
    r"\b(?:claim|assertion|argument|insistence|warning|statement|promise|pledge|suggestion|"
    r"allegation|complaint|fear|hope|concern|criticism|belief|contention|assurance|point|"
    r"message|response|demand|accusation|prediction)s?\b(?:\W+\w+){0,6}?\W+that\b|"
    r"\b(?:promise|pledge|vow|threat|call|demand|plea|appeal)s? to\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Every word that can start a cue: a sentence without one (and without quotation
    marks) cannot hold an attribution and need not be parsed. The judging and stance verbs
    (`speech_act_class`) are cues however rare in the corpus."""
    words = set(SEED_FORMS) | {"according"} | APPRAISING_VERBS | set(STANCE_PREPOSITIONS)
    for form, patterns in lexicon().items():
        hits = sum(patterns[p][0] for p in patterns if reliability(form, p) is not None)
        if hits >= PARSE_MIN_HITS:
            words.add(form.split()[0])
    return frozenset(words)


@lru_cache(maxsize=1)
def cue_families() -> frozenset[str]:
    """Inflections of the cue words: "endorses" is worth parsing when "endorsed" is a cue."""
    return frozenset(family(w) for w in cue_words())


def may_attribute(sentence: str) -> bool:
    """Can `sentence` hold an attribution: a quotation mark, a cue word (or one of its
    inflections), a relay by name ("per Reuters") or a viewpoint frame ("in her view")?"""
    if has_quote_mark(sentence) or any(map(cue_like, _WORD.findall(sentence.lower()))):
        return True  # the per-word test is cached: cheaper than the frame pattern
    return bool(_PER_NAME.search(sentence) or _FRAME.search(sentence))


@lru_cache(maxsize=65536)
def cue_like(word: str) -> bool:
    """Is lowercase `word` a cue word or an inflection of one (`may_attribute`)? Kept per
    word."""
    return word in cue_words() or family(word) in cue_families()


@lru_cache(maxsize=1)
def base_rates() -> dict[str, float]:
    """Share of hits per construction over all forms: the prior for thinly attested forms."""
    hits: dict[str, int] = {}
    totals: dict[str, int] = {}
    for patterns in lexicon().values():
        for pattern, (hit, total) in patterns.items():
            hits[pattern] = hits.get(pattern, 0) + hit
            totals[pattern] = totals.get(pattern, 0) + total
    return {p: hits[p] / totals[p] for p in totals if totals[p]}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, list[int]]]:
    if not LEXICON_PATH.exists():
        return {}
    return json.loads(LEXICON_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=65536)
def family(form: str) -> str:
    """Inflections of one verb share a key: "endorses", "endorsed", "endorse" -> "endors";
    "dismiss", "dismisses", "dismissed" -> "dismiss"; "deny", "denies", "denied", "denying"
    -> "deni"; "agree", "agrees", "agreed" -> "agr". Regular English inflection only (the
    spelling rules of -s/-es, -ed and -ing: a final "y" after a consonant becomes "i", a final
    "e" drops, a final consonant may double); irregular forms ("said", "told") keep keys of
    their own. Kept per form: asked for every verb the constructions look at."""
    word, _, rest = form.lower().partition(" ")
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word[-2] in "su":
                break  # "dismiss", "focus": the "s" is the stem's
            word = word[: -len(suffix)]
            break
    stem = word.rstrip("e")  # "note", "noted" -> "not"; "agree", "agreed" -> "agr"
    word = stem if len(stem) >= 2 else word.removesuffix("e")  # "see", "sees" -> "se"
    if len(word) > 2 and word[-1] == "y" and word[-2] not in "aeiou":
        word = word[:-1] + "i"  # "deny" -> "deni" like "denies", "denied"
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]  # "planned" -> "plan"
    return f"{word} {rest}" if rest else word


@lru_cache(maxsize=1)
def families() -> dict[str, dict[str, list[int]]]:
    """Evidence pooled over the inflections of each cue verb, per construction."""
    pooled: dict[str, dict[str, list[int]]] = {}
    for form, patterns in lexicon().items():
        mine = pooled.setdefault(family(form), {})
        for pattern, (hits, total) in patterns.items():
            counts = mine.setdefault(pattern, [0, 0])
            counts[0] += hits
            counts[1] += total
    return pooled


@lru_cache(maxsize=65536)
def speech_act_class(form: str) -> str | None:
    """The class of speech acts whose noun-phrase object `form` (a cue, perhaps with its
    preposition) may take as its content: "appraising" for a judging verb
    (`cue_types.APPRAISING_VERBS`: "derided", "criticizes"), "stance" for a verb with the
    preposition of a position (`cue_types.STANCE_PREPOSITIONS`: "railed against",
    "complained about"); None for any other form ("imposed", "spoke about")."""
    word, _, prep = form.lower().partition(" ")
    if not prep:
        return "appraising" if family(word) in _appraising_families() else None
    return "stance" if prep in _stance_families().get(family(word), ()) else None


@lru_cache(maxsize=1)
def _appraising_families() -> frozenset[str]:
    return frozenset(family(w) for w in APPRAISING_VERBS)


@lru_cache(maxsize=1)
def _stance_families() -> dict[str, frozenset[str]]:
    return {family(verb): preps for verb, preps in STANCE_PREPOSITIONS.items()}


@lru_cache(maxsize=1)
def speech_act_classes() -> dict[str, dict[str, list[int]]]:
    """Evidence pooled over every form of each `speech_act_class`, per construction (and
    per nominal construction whatever its source's shape: "prep:any"): what a judging or
    stance verb the corpus hardly shows ("derided", "railed against" with a pronoun
    subject) borrows."""
    pooled: dict[str, dict[str, list[int]]] = {}
    for form, patterns in lexicon().items():
        kind = speech_act_class(form)
        if kind is None:
            continue
        mine = pooled.setdefault(kind, {})
        for pattern, (hits, total) in patterns.items():
            for key in {pattern, _any_source(pattern) if ":" in pattern else pattern}:
                counts = mine.setdefault(key, [0, 0])
                counts[0] += hits
                counts[1] += total
    return pooled


def _any_source(pattern: str) -> str:
    """A nominal pattern whatever its source's shape: "prep:pronoun" -> "prep:any"."""
    return f"{pattern.split(':')[0]}:any"


def _evidence(known: dict[str, list[int]], pattern: str) -> list[int] | None:
    stats = known.get(pattern)
    if stats is None and pattern == "quote":
        # A verb that reliably introduces a clause also introduces a quotation next to it.
        stats = known.get("ccomp")
    if stats is None and pattern == "judgement":
        # "accused X of ...": the verb's evidence as a cue with an object, whatever its source.
        objects = [counts for p, counts in known.items() if p.startswith("dobj:")]
        stats = [sum(c[0] for c in objects), sum(c[1] for c in objects)] if objects else None
    return stats


SPEECH_PATTERNS = ("ccomp", "quote", "parataxis")  # where a form introduces words
# Constructions whose content is a noun phrase (scored per source shape, "dobj:name") or a
# judgement on one: a rare form there borrows its speech act class's evidence.
NOUN_PHRASES = ("dobj", "prep", "judgement")


def attested(form: str) -> bool:
    """Has `form` (or another inflection of the same verb) introduced a clause, a quotation
    or a reporting tail that was an attribution in PolNeAR train at least once, or is it a
    seed form? "passed", "approved" never have: their estimate is only the prior."""
    form = form.lower()
    if form in SEED_FORMS:
        return True
    for known in (lexicon().get(form, {}), families().get(family(form), {})):
        if any(known.get(p, (0, 0))[0] > 0 for p in SPEECH_PATTERNS):
            return True
    return False


STATEMENT_CUE = 0.6  # reliability of a verb that opens a new statement ("and said ...")


def reliability(form: str, pattern: str) -> float | None:
    """Estimated precision of `form` used as a cue in `pattern`, or None when it is no cue
    (below THRESHOLD or unknown)."""
    score = estimate(form, pattern)
    return score if score is not None and score >= THRESHOLD else None


@lru_cache(maxsize=65536)
def estimate(form: str, pattern: str) -> float | None:
    """Estimated precision of `form` used as a cue in `pattern` whatever its level, or None
    when the lexicon has no evidence and the form is no seed. A form seen too rarely borrows
    the evidence of its other inflections, and then, for a noun-phrase content, that of its
    class of speech acts (`speech_act_class`). Kept per (form, pattern): asked for every
    verb."""
    form = form.lower()
    stats = _evidence(lexicon().get(form, {}), pattern)
    if stats is None or stats[1] < MIN_EVIDENCE:
        stats = _evidence(families().get(family(form), {}), pattern) or stats
    if (stats is None or stats[1] < MIN_EVIDENCE) and pattern.split(":")[0] in NOUN_PHRASES:
        kind = speech_act_class(form)  # a judging or stance verb: its class's evidence,
        known = speech_act_classes().get(kind, {}) if kind else {}  # any source if thin
        mine = _evidence(known, pattern)
        if mine is None or mine[1] < MIN_EVIDENCE:
            mine = known.get(_any_source(pattern)) or mine
        stats = mine or stats
    if stats is not None and stats[1] >= MIN_EVIDENCE:
        hits, total = stats
        prior = base_rates().get(pattern, 0.5)
        return (hits + PRIOR_WEIGHT * prior) / (total + PRIOR_WEIGHT)
    if form in SEED_FORMS and pattern in ("ccomp", "quote", "parataxis"):
        return SEED_PRIOR
    return None
