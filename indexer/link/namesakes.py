"""Pages that may pool two people of one name (issue 10): "Mayor Frank Delgado" in one
article and "Frank Delgado, a retired teacher" in another share a page, since nothing in
either article tells them apart, yet a reader should see that they may be two people
before taking the page for one person's words.

Evidence that counts: two articles each describing the person by a role, whose offices or
occupations (the role's head noun: "mayor", "teacher") differ, with no article describing
the person by both (one article calling them "mayor and retired teacher" shows one person
holds both), and neither head a role anyone may hold besides their job
(`NON_EXCLUSIVE`: "candidate", "resident", "member" ...), and not both public offices a
career moves between (`OFFICES`: a secretary of state who runs for president). A party
("Republican"), an epithet or a stray phrase is no role here. Tenure ("former mayor") and
place ("mayor of Elmbrook") do not make another office; abbreviations are written out
("Sen." is "senator"). Party tags, post-nominal letters and honorifics are no roles here,
nor is what extraction would not store as a role (`office_roles.stored_role`: an appraisal,
another person's name). Two roles held at one body ("political scientist at the University
of New Hampshire", "political science professor at the University of New Hampshire") or a
head that is a kind of the other ("neurosurgeon", "surgeon") or of one career (`CAREERS`:
"professor", "political scientist"; "physician", "neurosurgeon") are one person's; a demonym
("Vermonter", kept capitalised by extraction) is where someone is from, not what they do.
A name without roles, or with roles in one article only, is never flagged. The flag is a
prompt to look, not a split: the page keeps every quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from indexer import lexicon
from indexer.extract.names import PARTY_LABELS, TENURE_WORDS, party_tag
from indexer.extract.office_roles import stored_role
from indexer.lexicon import TITLE_WORDS, is_post_nominal, wordset

# Roles held besides an office or occupation (a mayor is also a resident and a candidate).
NON_EXCLUSIVE = wordset(
    """candidate nominee contender hopeful challenger incumbent member resident voter
    supporter critic opponent ally activist campaigner volunteer parent owner founder
    co-founder author speaker guest witness veteran official leader head chair spokesman
    spokeswoman spokesperson representative figure friend neighbour neighbor adviser advisor
    strategist consultant lobbyist fundraiser operative aide analyst commentator columnist
    contributor editor writer reporter journalist pollster donor backer surrogate
    front-runner frontrunner outlier hater insurgent dissident rebel maverick militant
    independent moderate progressive populist outsider newcomer"""
)
# Careers whose roles one person holds together or in turn (an academic is a professor, a
# researcher and a political scientist; a physician is a doctor and may be a surgeon): two
# of one career on a page are no evidence of two people. Hypernyms beyond these are not
# known here (no WordNet).
CAREERS = (
    wordset(
        """professor lecturer researcher scientist scholar academic fellow economist
        historian sociologist psychologist"""
    ),
    wordset(
        """physician doctor surgeon neurosurgeon cardiologist oncologist neurologist
        pediatrician paediatrician psychiatrist radiologist anesthesiologist clinician"""
    ),
)
_DETERMINERS = wordset("a an the this that its his her their our")
# Offices a career moves between (a secretary of state runs for president): two of them on
# one page are no evidence of two people.
OFFICES = lexicon.TITLES | lexicon.EXTRACT_TITLES | lexicon.LINK_TITLES | lexicon.ROLE_WORDS
_ENDS = re.compile(r"\s(?:of|for|at|in|from|with|on|to|who|which|that)\s|[,;(]")
_BOTH = re.compile(r"\s(?:and|&)\s")  # "mayor and retired teacher": two roles, one person
MAX_FLAGS = 3  # conflicting role pairs reported per page


@dataclass(frozen=True)
class PossibleNamesake:
    """Two roles of one page that may belong to two people: each as written, with the id of
    an article that wrote it."""

    roles: tuple[str, str]
    articles: tuple[str, str]

    def to_dict(self) -> dict[str, list[str]]:
        return {"roles": list(self.roles), "articles": list(self.articles)}


def role_head(role: str | None) -> str | None:
    """The office or occupation a written role names, lower case: "a retired teacher who
    taught there" -> "teacher", "Mayor of Elmbrook" -> "mayor", "the Sen." -> "senator";
    None for no role, a party tag ("R-Ohio") or post-nominal letters ("MP"). One role
    of several ("mayor and retired teacher") at a time: the caller splits them."""
    if not role or party_tag(role) is not None or stored_role(role) is None:
        return None  # "Very good reporter": no role (`office_roles.stored_role`)
    cut = _ENDS.split(f" {role.strip()} ", maxsplit=1)[0].split()
    if len(cut) == 1 and is_post_nominal(cut[0]):
        return None
    words = [w.strip(".'\u2019\"").lower() for w in cut]
    words = [w.removesuffix("'s") for w in words if w and w not in _DETERMINERS]
    words = [w for w in words if w not in TENURE_WORDS]
    if words and cut[-1][:1].isupper() and words[-1] not in OFFICES:
        return None  # "Vermonter", "Texan": where someone is from, not what they do
    head = TITLE_WORDS.get(words[-1], words[-1]) if words else None
    return head if head is not None and _office_or_occupation(head) else None


def _office_or_occupation(head: str) -> bool:
    """An office ("mayor") or a noun shaped like an occupation ("teacher", "pharmacist"),
    not a party ("Republican"), an epithet ("crooked") or a stray phrase ("a book")."""
    if head in PARTY_LABELS or head in NON_EXCLUSIVE:
        return False
    return head in OFFICES or (len(head) > 4 and head.endswith(lexicon.OCCUPATION_ENDINGS))


_HELD_AT = re.compile(r"\s(?:at|of|for|with)\s+(?:the\s+)?(.+)$", re.I)


def _held_at(role: str) -> str:
    """Where a role is held, folded ("a political scientist at the University of New
    Hampshire" -> "university of new hampshire"), or "" when the role does not say. Two
    roles held at one body are one person's, whatever their heads ("a political science
    professor at the University of New Hampshire")."""
    match = _HELD_AT.search(f" {role.strip()}")
    return " ".join(match.group(1).lower().strip(" .,;").split()) if match else ""


def _kind_of(a: str, b: str) -> bool:
    """Whether one head names a kind of the other by ending in it ("neurosurgeon" /
    "surgeon", "co-founder" / "founder", "vice-chairman" / "chairman"). Hypernyms that
    share no word ("neurosurgeon" / "physician") are not known here (no WordNet): such a
    page is flagged, and a reader judges."""
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) >= 2 and long.endswith(short)


def possible_namesakes(attributions: Iterable[dict[str, Any]]) -> list[PossibleNamesake]:
    """The conflicting role pairs among one page's attributions (each with ``article_id``
    and ``speaker_role``, as stored), in the order first met; [] when nothing suggests two
    people. At most `MAX_FLAGS` pairs. Raises nothing: attributions without an article or
    a role are skipped."""
    written: dict[str, dict[str, str]] = {}  # article -> head -> role as written
    bodies: dict[str, dict[str, str]] = {}  # article -> head -> where the role is held
    for att in attributions:
        article, role = att.get("article_id"), att.get("speaker_role")
        if not article or not role or stored_role(role) is None:
            continue  # "secretary of state hillary clinton and sen.": no role of this one
        for part in _BOTH.split(role):
            if head := role_head(part):
                written.setdefault(article, {}).setdefault(head, role.strip())
                bodies.setdefault(article, {}).setdefault(head, _held_at(part))
    together = {frozenset(heads) for heads in written.values()}
    both = {(a, b) for heads in together for a in heads for b in heads}
    found: list[PossibleNamesake] = []
    seen: set[frozenset[str]] = set()
    articles = list(written.items())
    for i, (first, heads_a) in enumerate(articles):
        for second, heads_b in articles[i + 1 :]:
            for a, role_a in heads_a.items():
                for b, role_b in heads_b.items():
                    pair = frozenset((a, b))
                    if (
                        a == b
                        or (a in OFFICES and b in OFFICES)
                        or pair in seen
                        or (a, b) in both
                        or a in NON_EXCLUSIVE
                        or b in NON_EXCLUSIVE
                        or a in heads_b
                        or b in heads_a
                        or _kind_of(a, b)
                        or any(a in career and b in career for career in CAREERS)
                        or bodies[first][a] and bodies[first][a] == bodies[second][b]
                    ):
                        continue
                    seen.add(pair)
                    found.append(PossibleNamesake((role_a, role_b), (first, second)))
                    if len(found) == MAX_FLAGS:
                        return found
    return found
