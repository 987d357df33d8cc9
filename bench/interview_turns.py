"""Interview turns: does the extractor read an interview's questions and answers right?

    .venv/bin/python bench/interview_turns.py              # GUM interviews, per document
    .venv/bin/python bench/interview_turns.py --errors     # + every misread paragraph

GUM's 19 Wikinews interviews (``../shared/bench/gum/``, read as ``bench/speakers.py`` feeds
them: paragraphs only, no speaker labels) mark the speaker of every sentence
(``# speaker = ...``). A paragraph's gold turn is its speakers' majority; the interviewer is
the speaker whose sentences are most often questions (``# s_type = q`` / ``wh``), every other
speaker an interviewee; a paragraph without a speaker is the lead. For each paragraph the
extractor's reading (``interviews.find``: question, answer, or neither) is compared with it:

- *answers read*: interviewee paragraphs read as answers / interviewee paragraphs;
- *asked as answered*: interviewer paragraphs read as answers (their "I" would be filed under
  the interviewee: a wrong name), the error that matters most;
- *lead as answered*: lead paragraphs read as answers;
- *turns filed*: attributions whose content is a whole paragraph given by the layout (no cue:
  ``speaker_resolution`` "label"), and how many go to that paragraph's gold speaker (GUM
  writes "NoamChomsky", sometimes "Simon": the speaker's name without spaces and dots must
  equal it, start or end with it). A turn filed under the wrong person is the error to avoid.

Documents the extractor does not read as interviews count every interviewee paragraph as
missed. Tune on these, and on invented interviews (tests/test_interview_turns.py), not on
them alone.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.speakers import GUM, read_gum  # noqa: E402
from indexer.extract import extract, interviews  # noqa: E402
from indexer.extract.coreference import paragraphs  # noqa: E402

QUESTION_TYPES = frozenset(["q", "wh"])


def _sentences(path: Path) -> list[tuple[bool, str | None, str]]:
    """Each sentence of one GUM document: (starts a paragraph, speaker or None, s_type), read
    as ``bench.speakers.read_gum`` splits paragraphs."""
    out: list[tuple[bool, str | None, str]] = []
    new_par, speaker, kind, tokens = False, None, "", 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            new_par = True
        elif line.startswith("# speaker = "):
            speaker = line.split(" = ", 1)[1]
        elif line.startswith("# s_type = "):
            kind = line.split(" = ", 1)[1]
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if tokens:
                out.append((new_par or not out, speaker, kind))
            new_par, speaker, kind, tokens = False, None, "", 0
        else:
            tokens += 1
    if tokens:
        out.append((new_par or not out, speaker, kind))
    return out


def gold_turns(path: Path) -> list[str | None]:
    """The speaker of each paragraph of one GUM document (None for the lead), in order."""
    turns: list[Counter[str]] = []
    for starts, speaker, _ in _sentences(path):
        if starts:
            turns.append(Counter())
        if speaker is not None:
            turns[-1][speaker] += 1
    return [t.most_common(1)[0][0] if t else None for t in turns]


def interviewer_of(path: Path) -> str | None:
    """The speaker whose sentences are most often questions."""
    asked: Counter[str] = Counter()
    said: Counter[str] = Counter()
    for _, speaker, kind in _sentences(path):
        if speaker is not None:
            said[speaker] += 1
            asked[speaker] += kind in QUESTION_TYPES
    if not said:
        return None
    return max(said, key=lambda s: asked[s] / said[s])


def main() -> None:
    """Print, per GUM interview and in total, the figures of the module docstring (and with
    ``--errors`` every misread paragraph and misfiled turn). Exits with an error naming the
    folder when ``../shared/bench/gum/conllu`` holds no GUM interview."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--errors", action="store_true", help="print every misread paragraph")
    args = parser.parse_args()
    documents = sorted(GUM.glob("GUM_interview_*.conllu"))
    if not documents:
        sys.exit(f"interview_turns: no GUM interview (GUM_interview_*.conllu) in {GUM}")
    totals: Counter[str] = Counter()
    for path in documents:
        gold = read_gum(path)
        paras = paragraphs(gold.text)
        turns = gold_turns(path)
        if len(turns) != len(paras):
            print(f"{path.stem}: {len(turns)} gold paragraphs, {len(paras)} read; skipped")
            continue
        asker = interviewer_of(path)
        found = interviews.find(gold.text, paras)
        tally: Counter[str] = Counter()
        for (start, end), who in zip(paras, turns, strict=True):
            place = found.place(start) if found else None
            role = "lead" if who is None else "asker" if who == asker else "answerer"
            tally[f"{role}:{place}"] += 1
            tally[role] += 1
            wrong = (role == "answerer") != (place == "answer")
            if args.errors and wrong:
                print(f"  {path.stem} {role:8} read {place}: {gold.text[start:end][:90]!r}")
        starts = {start: who for (start, _), who in zip(paras, turns, strict=True)}
        for att in extract(gold.text):
            first = att["content_spans"][0][0]
            if att["speaker_resolution"] != "label" or att["cue"] or first not in starts:
                continue
            tally["filed"] += 1
            who = starts[first] or ""
            name = (att["speaker"] or "").replace(" ", "").replace(".", "")
            if name and who and (name == who or name.endswith(who) or name.startswith(who)):
                tally["filed right"] += 1
            elif args.errors:
                print(f"  {path.stem} turn of {who} filed under {att['speaker']!r}")
        totals.update(tally)
        print(
            f"{path.stem:28} {'interview' if found else 'NOT READ ':9} answers read "
            f"{tally['answerer:answer']:3}/{tally['answerer']:3}  asked as answered "
            f"{tally['asker:answer']:2}/{tally['asker']:2}  lead as answered "
            f"{tally['lead:answer']:2}/{tally['lead']:2}  turns filed "
            f"{tally['filed right']:2}/{tally['filed']:2} right"
        )
    print(
        f"ALL answers read {totals['answerer:answer']}/{totals['answerer']} "
        f"({100 * totals['answerer:answer'] / max(1, totals['answerer']):.1f}%)  asked as answered "
        f"{totals['asker:answer']}/{totals['asker']}  lead as answered "
        f"{totals['lead:answer']}/{totals['lead']}  turns filed {totals['filed right']}/"
        f"{totals['filed']} right"
    )


if __name__ == "__main__":
    main()
