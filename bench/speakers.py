"""Speaker resolution quality: is the name under which a quote is filed the right person?

    .venv/bin/python bench/speakers.py                 # GUM news + interviews (gold coreference)
    .venv/bin/python bench/speakers.py --polnear       # PolNeAR dev, bench/speaker_gold/ names
    .venv/bin/python bench/speakers.py --errors 20     # also print 20 wrong or unresolved cases
    .venv/bin/python bench/speakers.py --pages         # PolNeAR dev indexed: speaker pages
    .venv/bin/python bench/speakers.py --pages --errors 50   # + wrong pages, spread people

GUM (``../shared/bench/gum/``, Zeldes 2017) marks every mention with an entity id. For each
attribution the extractor finds whose source span overlaps a GUM mention, the extracted
speaker name is compared with the entity's proper names (every run of proper nouns in any of
its mentions, and its Wikipedia identity). PolNeAR dev has no such gold; its source mentions
were annotated with the referent's fullest name (``bench/speaker_gold/README.md``).

A prediction is *unresolved* when it has no name, the name has no capitalised word (a
pronoun or a description such as "the agency"), or the extractor marks it unresolved
(``speaker_resolution``: a description such as "GOP nominee" kept as text); *right* when
every word of the name (titles left out) is a word of the gold entity's names; *misnamed*
when it holds the gold surname plus other words ("Republican Donald Trump": the right
person under a wrong name); else *wrong*. Printed separately:
accuracy = right / named gold, wrong-person rate = wrong / resolved, unresolved rate =
unresolved / named gold, each also by the kind of source mention (pronoun, name,
description; "turn": an interview answer filed by the layout under the lead's mention of
the interviewee, whose turns `bench/interview_turns.py` checks against GUM's speakers).
Gold referents without any proper name are counted apart: naming one is a
wrong person too.

``--pages`` indexes the 84 PolNeAR dev articles into a temporary SQLite store with the real
indexing run (read, extract, link, store) and scores what a user sees: the canonical speaker
each stored quote is filed under. A gold *person* across the corpus is its annotated name
without titles and middle initials ("Donald J. Trump" = "Donald Trump"); a one-word name
joins the one longer person name holding it ("Obama" -> "Barack Obama"). For stored quotes
whose source span overlaps an annotated mention with a name:
*page purity* = share of a page's quotes that are the page's majority gold person (micro
average over pages, and how many pages with 3+ quotes are under 80% pure); *pages per
person* = distinct canonical speakers holding a gold person's quotes, averaged over gold
people (type person); *canonical accuracy* = the canonical name judged as above against the
gold person's names (a speaker known in one article only, "Melanie (in <title>)", by its
name without the article); with ``--errors``, the wrong quotes and every gold person spread over
several pages (the pages' names and quote counts) are printed. Headline attributions are
matched with their spans in the title line. Targets (issue 10): purity >= 97%, pages per
person <= 1.1, canonical accuracy >= 88% held out.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from indexer.extract import extract  # noqa: E402

SHARED = REPO.parent / "shared" / "bench"
GUM = SHARED / "gum" / "conllu"
POLNEAR_DEV = SHARED / "polnear" / "dev" / "text"
POLNEAR_GOLD = REPO / "bench" / "speaker_gold" / "polnear_dev.tsv"
SECOND_READER = REPO / "bench" / "speaker_gold" / "second_reader_sample.tsv"

# Words that are not part of a person's name when comparing (titles and honorifics).
TITLE_WORDS = frozenset(
    re.findall(
        r"\w+",
        """mr mrs ms miss dr prof sir dame lord lady sen senator rep gov governor president
    pres mayor gen general col sgt lt capt rev judge justice secretary minister chancellor
    premier king queen prince princess pope father sister brother the of and""",
    )
)
PRONOUNS = frozenset(
    re.findall(
        r"\w+", "i me we us you he him she her it they them his their its our my this that who"
    )
)
SCOPE = re.compile(r" \(in .*\)$")  # the article a scoped speaker's label names
_ENTITY = re.compile(r"\(([^()]+)(\))?|(\d+)\)")


@dataclass
class Mention:
    """A gold mention: entity id, character span in the rebuilt text, its kind."""

    entity: str
    start: int
    end: int
    kind: str  # pronoun | name | description


@dataclass
class Entity:
    """A gold entity: its type and every proper name it goes by."""

    etype: str
    names: set[str] = field(default_factory=set)


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    mentions: list[Mention]
    entities: dict[str, Entity]


def words(name: str) -> list[str]:
    """Lower-case name words without punctuation and titles ("Sen. John Smith" -> john smith)."""
    name = name.lower().replace("\u2019", "'")  # O’Neill is O'Neill
    tokens = re.findall(r"[\w]+(?:['-][\w]+)*", name)
    return [t for t in tokens if t not in TITLE_WORDS and not t.endswith("'s")]


def is_resolved(name: str | None) -> bool:
    """A name with at least one capitalised word that is not a pronoun."""
    if not name:
        return False
    return any(w[:1].isupper() and w.lower() not in PRONOUNS for w in name.split())


def same_referent(predicted: str, gold_names: set[str]) -> bool:
    """Every word of the predicted name belongs to the gold entity's names."""
    pred = words(predicted)
    gold = {w for n in gold_names for w in words(n)}
    return bool(pred) and all(w in gold for w in pred)


# --- GUM -----------------------------------------------------------------------------------


def read_gum(path: Path) -> GoldDoc:
    """Rebuild one GUM document's running text (paragraphs by blank lines) with its mentions."""
    sentence: list[tuple[str, str, str, bool, str]] = []  # form, upos, entity, space, id
    doc_id = path.stem
    rows: list[list[tuple[str, str, str, bool, str]]] = []
    starts_paragraph: list[bool] = []
    new_par = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            new_par = True
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if sentence:
                rows.append(sentence)
                starts_paragraph.append(new_par or not rows[:-1])
                sentence, new_par = [], False
        else:
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            misc = cols[9]
            entity = next((m[7:] for m in misc.split("|") if m.startswith("Entity=")), "")
            sentence.append((cols[1], cols[3], entity, "SpaceAfter=No" not in misc, cols[0]))
    if sentence:
        rows.append(sentence)
        starts_paragraph.append(new_par)
    text = ""
    mentions: list[Mention] = []
    entities: dict[str, Entity] = {}
    open_at: dict[str, list[tuple[int, int, set[str]]]] = {}
    tokens: list[tuple[int, int, str, str]] = []  # start, end, upos, id in its sentence
    for k, sent in enumerate(rows):
        if k:
            text += "\n\n" if starts_paragraph[k] else " "
        for form, upos, entity, space, local_id in sent:
            start = len(text)
            text += form
            end = len(text)
            tokens.append((start, end, upos, local_id))
            for m in _ENTITY.finditer(entity):
                if m.group(1):
                    fields = m.group(1).split("-")
                    gid, etype = fields[0], fields[1] if len(fields) > 1 else "other"
                    entities.setdefault(gid, Entity(etype))
                    identity = fields[-1] if len(fields) >= 8 else ""
                    if identity and identity[:1].isupper():
                        entities[gid].names.add(identity.replace("_", " "))
                    minspan = set(fields[5].split(",")) if len(fields) > 5 else set()
                    open_at.setdefault(gid, []).append((start, len(tokens) - 1, minspan))
                    if m.group(2):
                        _close(gid, end, open_at, tokens, text, mentions, entities)
                elif m.group(3):
                    _close(m.group(3), end, open_at, tokens, text, mentions, entities)
            if space:
                text += " "
        text = text.rstrip(" ")
    _drop_nested_names(text, mentions, entities)
    return GoldDoc(doc_id, text, mentions, entities)


def _drop_nested_names(text: str, mentions: list[Mention], entities: dict[str, Entity]) -> None:
    """ "Scientology defector": a proper name that is itself a mention of another entity is
    that entity's name, not this one's."""
    said: dict[str, set[str]] = {}
    for m in mentions:
        said.setdefault(text[m.start : m.end].removeprefix("the ").removeprefix("The "), set()).add(
            m.entity
        )
    for gid, entity in entities.items():
        foreign = {n for n in entity.names if said.get(n, {gid}) - {gid}}
        if foreign and entity.names - foreign:
            entity.names -= foreign


def _close(gid, end, open_at, tokens, text, mentions, entities) -> None:
    stack = open_at.get(gid)
    if not stack:
        return
    start, first, minspan = stack.pop()
    span = [t for t in tokens[first:] if t[1] <= end]
    core = [t for t in span if t[3] in minspan] or span  # the mention's minimal span (its head)
    kinds = [t[2] for t in core]
    kind = "pronoun" if kinds == ["PRON"] else "name" if "PROPN" in kinds else "description"
    mentions.append(Mention(gid, start, end, kind))
    run: list[tuple[int, int, str, str]] = []
    for tok in [*core, (0, 0, "END", "")]:
        if tok[2] == "PROPN":
            run.append(tok)
            continue
        if run:
            entities[gid].names.add(text[run[0][0] : run[-1][1]])
        run = []


# --- scoring -------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts by outcome and by source-mention kind."""

    outcomes: Counter = field(default_factory=Counter)
    by_kind: dict[str, Counter] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, kind: str, outcome: str, note: str) -> None:
        self.outcomes[outcome] += 1
        self.by_kind.setdefault(kind, Counter())[outcome] += 1
        if outcome in ("wrong", "misnamed", "unresolved", "named-unnamed"):
            self.errors.append(f"{outcome:13} {note}")

    def lines(self) -> list[str]:
        out = []
        for label, c in [("ALL", self.outcomes), *sorted(self.by_kind.items())]:
            resolved = c["right"] + c["misnamed"] + c["wrong"]
            named = resolved + c["unresolved"]
            if not named:
                continue
            out.append(
                f"{label:12} named gold {named:4}  accuracy {100 * c['right'] / named:5.1f}%"
                f"  misnamed {100 * c['misnamed'] / named:4.1f}%"
                f"  wrong person {100 * c['wrong'] / max(1, resolved):5.1f}% of resolved"
                f"  unresolved {100 * c['unresolved'] / named:5.1f}%"
                f"  | unnamed gold {c['unnamed'] + c['named-unnamed']}"
                f" (given a name: {c['named-unnamed']})"
            )
        return out


def claimed_name(att: dict) -> str | None:
    """The speaker name an attribution files the quote under; None when the extractor itself
    says the speaker is unresolved (`speaker_resolution`), e.g. "GOP nominee" kept as text."""
    if att.get("speaker_resolution") == "unresolved":
        return None
    return att.get("speaker")


def judge(predicted: str | None, gold_names: set[str]) -> str:
    """right / misnamed / wrong / unresolved against a named gold; unnamed / named-unnamed
    otherwise. *misnamed* is the right person under a wrong form of the name ("Rival Hillary
    Clinton": the gold surname and extra words), which splits a person over pages."""
    if not gold_names:
        return "named-unnamed" if is_resolved(predicted) else "unnamed"
    if not is_resolved(predicted):
        return "unresolved"
    if same_referent(predicted or "", gold_names):
        return "right"
    surnames = {words(n)[-1] for n in gold_names if words(n)}
    return "misnamed" if surnames & set(words(predicted or "")) else "wrong"


def score_gum(folder: Path) -> Tally:
    tally = Tally()
    for path in sorted(folder.glob("*.conllu")):
        gold = read_gum(path)
        for att in extract(gold.text):
            span = att.get("speaker_span")
            if not span:
                continue
            s, e = span
            best = None
            for m in gold.mentions:
                overlap = min(e, m.end) - max(s, m.start)
                if overlap > 0:
                    rank = (overlap, -(m.end - m.start))
                    if best is None or rank > best[0]:
                        best = (rank, m)
            if best is None:
                continue
            mention = best[1]
            entity = gold.entities[mention.entity]
            outcome = judge(claimed_name(att), entity.names)
            note = (
                f"{gold.doc_id}: {gold.text[s:e]!r} -> {att.get('speaker')!r}; "
                f"gold {sorted(entity.names) or entity.etype}"
            )
            tally.add(_gum_kind(att, mention, gold.text), outcome, note)
    return tally


def _gum_kind(att: dict, mention: Mention, text: str) -> str:
    """The mention's kind, or "turn" for an interview answer filed by the page's layout under
    a mention in another paragraph (the lead announcing the interviewee): counted apart so
    that the name, pronoun and description rows stay comparable with what cues attribute."""
    first = att["content_spans"][0][0]
    if att["cue"] is None and "\n\n" in text[min(mention.start, first) : max(mention.end, first)]:
        return "turn"
    return mention.kind


def score_polnear(texts: Path, gold_path: Path) -> Tally:
    """Extracted source spans against the annotated referent names of PolNeAR dev."""
    gold: dict[str, list[tuple[int, int, str, str]]] = {}
    with gold_path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            gold.setdefault(row["doc_id"], []).append(
                (int(row["src_start"]), int(row["src_end"]), row["name"], row["source_text"])
            )
    tally = Tally()
    for doc_id, mentions in sorted(gold.items()):
        text = (texts / f"{doc_id}.txt").read_text(encoding="utf-8")
        for att in extract(text):
            span = att.get("speaker_span")
            if not span:
                continue
            s, e = span
            hits = [m for m in mentions if min(e, m[1]) - max(s, m[0]) > 0]
            if not hits:
                continue
            start, end, name, source_text = max(hits, key=lambda m: min(e, m[1]) - max(s, m[0]))
            kind = _polnear_kind(source_text)
            names = set() if name in ("-", "?") else {name}
            outcome = judge(claimed_name(att), names)
            tally.add(
                kind, outcome, f"{doc_id}: {source_text!r} -> {att.get('speaker')!r}; gold {name!r}"
            )
    return tally


def agreement(first_path: Path, second_path: Path) -> list[str]:
    """Agreement of the second reader's sample with the first annotation: same referent
    (names equal, or one name's words contained in the other's, e.g. "Trump" / "Donald
    Trump"; both "-" counts as agreeing), and same type. Returns printable lines."""
    with first_path.open(encoding="utf-8") as f:
        first = {
            (r["doc_id"], r["src_start"], r["src_end"]): r
            for r in csv.DictReader(f, delimiter="\t")
        }
    with second_path.open(encoding="utf-8") as f:
        second = list(csv.DictReader(f, delimiter="\t"))
    same = same_type = 0
    lines = []
    for row in second:
        one = first[(row["doc_id"], row["src_start"], row["src_end"])]
        a, b = set(words(one["name"])), set(words(row["name"]))
        agree = a == b or bool(a and b and (a <= b or b <= a))
        same += agree
        same_type += one["type"] == row["type"]
        if not agree:
            lines.append(f"  differ: {row['source_text']!r}: {one['name']!r} / {row['name']!r}")
    n = len(second)
    head = f"second reader: {n} mentions; same referent {same} ({100 * same / n:.1f}%), "
    return [head + f"same type {same_type} ({100 * same_type / n:.1f}%)", *lines]


def _polnear_kind(source_text: str) -> str:
    if source_text.lower() in PRONOUNS:
        return "pronoun"
    return "name" if is_resolved(source_text) else "description"


# --- speaker pages after indexing -----------------------------------------------------------


@dataclass
class StoredQuote:
    """A stored attribution matched to an annotated source mention."""

    doc_id: str
    speaker_id: str | None
    canonical: str | None
    gold: str  # the gold person key ("" when the article never names the referent)
    source_text: str
    gold_type: str


def gold_people(gold_path: Path) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Gold name -> corpus-wide person key, and key -> every gold name it goes by.

    Keys are the name's words without titles and one-letter initials; a one-word person
    name joins the one longer person name containing that word (else it stays apart)."""
    with gold_path.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["name"] not in ("-", "?")]

    def key(name: str) -> str:
        return " ".join(w for w in words(name) if len(w) > 1)

    people = {key(r["name"]) for r in rows if r["type"] == "person"}
    to_key: dict[str, str] = {}
    for row in rows:
        k = key(row["name"])
        if row["type"] == "person" and len(k.split()) == 1:
            longer = [p for p in people if len(p.split()) > 1 and k in p.split()]
            k = longer[0] if len(longer) == 1 else k
        to_key[row["name"]] = k
    names: dict[str, set[str]] = {}
    for name, k in to_key.items():
        names.setdefault(k, set()).add(name)
    return to_key, names


def index_polnear(texts: Path, workdir: Path, gold_path: Path) -> list[StoredQuote]:
    """Index every PolNeAR dev article into a SQLite store in ``workdir`` with the real
    indexing run; the stored quotes whose source span overlaps an annotated mention."""
    import os

    from indexer.indexing import Indexer, IndexOptions
    from store.base import SearchQuery
    from store.config import StoreConfig, open_store

    to_key, _ = gold_people(gold_path)
    gold: dict[str, list[tuple[int, int, str, str, str]]] = {}
    with gold_path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            gold.setdefault(row["doc_id"], []).append(
                (
                    int(row["src_start"]),
                    int(row["src_end"]),
                    to_key.get(row["name"], ""),
                    row["source_text"],
                    row["type"],
                )
            )
    store = open_store(StoreConfig(db_path=str(workdir / "pages.db")))
    options = IndexOptions(
        paths=[str(texts)], state_dir=str(workdir), workers=2, store_location="bench pages"
    )
    with open(os.devnull, "w") as quiet:
        Indexer(store, options, err=quiet).run()
    found: list[StoredQuote] = []
    scoped: dict[str, bool] = {}  # speaker id -> known in one article only
    by_article: dict[str, list[dict]] = {}
    for attribution in store.scan(SearchQuery(facets=False)):
        by_article.setdefault(attribution["article_id"], []).append(attribution)
    for article_id, attributions in sorted(by_article.items()):
        article = store.get_article(article_id) or {}
        doc_id = Path(str(article.get("source") or "").split("#")[0]).stem
        if doc_id not in gold:
            continue
        text = (texts / f"{doc_id}.txt").read_text(encoding="utf-8")
        offset = text.find((article.get("body") or "")[:200])
        if offset < 0:
            continue
        title = str(article.get("title") or "")
        title_offset = text.find(title) if title else -1
        for att in attributions:
            if not att.get("speaker_span"):
                continue
            start = title_offset if att.get("part") == "title" else offset  # headline spans
            if start < 0:
                continue
            s, e = (x + start for x in att["speaker_span"])
            hits = [m for m in gold[doc_id] if min(e, m[1]) - max(s, m[0]) > 0]
            if hits:
                m = max(hits, key=lambda m: min(e, m[1]) - max(s, m[0]))
                canonical = att.get("speaker") if att.get("speaker_id") else None  # no page
                if canonical and scoped.setdefault(
                    att["speaker_id"],
                    bool((store.get_speaker(att["speaker_id"]) or {}).get("article_id")),
                ):
                    canonical = SCOPE.sub("", canonical)  # "Melanie (in <title>)": the name
                found.append(StoredQuote(doc_id, att.get("speaker_id"), canonical, *m[2:]))
    store.close()
    return found


def spread_people(quotes: list[StoredQuote]) -> list[str]:
    """Printable lines: each gold person whose quotes are filed on several pages, with the
    canonical names of those pages and how many of the person's quotes each holds."""
    held: dict[str, Counter] = {}
    for q in quotes:
        if q.speaker_id is not None and q.gold and q.gold_type == "person":
            held.setdefault(q.gold, Counter())[f"{q.canonical} [{q.speaker_id}]"] += 1
    return [
        f"spread {gold!r}: {dict(pages.most_common())}"
        for gold, pages in sorted(held.items())
        if len(pages) > 1
    ]


def page_figures(
    quotes: list[StoredQuote], names: dict[str, set[str]]
) -> tuple[list[str], list[str]]:
    """Printable lines: page purity, pages per person and canonical accuracy; and the
    unresolved and misnamed cases (a named gold referent filed on no page, or under a
    wrong form of its name)."""
    pages: dict[str, Counter] = {}
    held: dict[str, set[str]] = {}
    tally = Tally()
    for q in quotes:
        outcome = judge(q.canonical, names.get(q.gold, set()))
        tally.add(
            _polnear_kind(q.source_text),
            outcome,
            f"{q.doc_id}: {q.source_text!r} -> {q.canonical!r}; gold {q.gold!r}",
        )
        if q.speaker_id is None or not q.gold:
            continue
        pages.setdefault(q.speaker_id, Counter())[q.gold] += 1
        if q.gold_type == "person":
            held.setdefault(q.gold, set()).add(q.speaker_id)
    total = sum(sum(c.values()) for c in pages.values())
    majority = sum(c.most_common(1)[0][1] for c in pages.values())
    big = [c for c in pages.values() if sum(c.values()) >= 3]
    impure = [c for c in big if c.most_common(1)[0][1] / sum(c.values()) < 0.8]
    spread = sum(len(v) for v in held.values()) / max(1, len(held))
    lines = [
        f"stored quotes matched to a named gold mention: {total} on {len(pages)} pages",
        f"page purity {100 * majority / max(1, total):5.1f}% (target >= 97%);"
        f" {len(impure)} of {len(big)} pages with 3+ quotes under 80% pure",
        f"pages per person {spread:.2f} over {len(held)} gold people (target <= 1.1)",
        "canonical speaker (the name a quote is filed under), held-out target accuracy >= 88%:",
        *tally.lines(),
    ]
    unresolved = [line for line in tally.errors if line.startswith(("unresolved", "misnamed"))]
    return lines + [f"  impure: {dict(c.most_common(3))}" for c in impure], unresolved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", action="store_true", help="score PolNeAR dev instead of GUM")
    parser.add_argument(
        "--agreement", action="store_true", help="inter-annotator agreement of the PolNeAR names"
    )
    parser.add_argument("--errors", type=int, default=0, help="print this many error cases")
    parser.add_argument(
        "--pages", action="store_true", help="index PolNeAR dev and score the speaker pages"
    )
    args = parser.parse_args()
    if args.pages:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            quotes = index_polnear(POLNEAR_DEV, Path(tmp), POLNEAR_GOLD)
        print(f"PolNeAR dev indexed into SQLite, pages scored on {POLNEAR_GOLD.relative_to(REPO)}")
        names = gold_people(POLNEAR_GOLD)[1]
        figures, unresolved = page_figures(quotes, names)
        print("\n".join(figures))
        wrong = [q for q in quotes if judge(q.canonical, names.get(q.gold, set())) == "wrong"]
        for q in wrong[: args.errors]:
            print(f"wrong {q.doc_id}: {q.source_text!r} -> {q.canonical!r}; gold {q.gold!r}")
        for line in spread_people(quotes)[: args.errors]:
            print(line)
        for line in unresolved[: args.errors]:
            print(line)
        return 0
    if args.agreement:
        print("\n".join(agreement(POLNEAR_GOLD, SECOND_READER)))
        return 0
    if args.polnear:
        tally = score_polnear(POLNEAR_DEV, POLNEAR_GOLD)
        print(f"PolNeAR dev, annotated referents ({POLNEAR_GOLD.relative_to(REPO)})")
    else:
        tally = score_gum(GUM)
        print(f"GUM news + interviews ({len(list(GUM.glob('*.conllu')))} documents)")
    for line in tally.lines():
        print(line)
    for line in tally.errors[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
