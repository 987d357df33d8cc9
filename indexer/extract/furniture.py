"""Page furniture: what sits on a news page without being article text.

Decides which characters the extractor never reads: bylines ("By Jane Smith"), "READ MORE"
and "Related:" lines, Title Case subheadings, photo captions and credits ("Photo: ...",
"Photo caption: ...", "Image credit: ..."), embed markup (a raw `<tweet id=...>`,
`[embed]...`, the Markdown emphasis around a speaker label: "**Tom Baird:**"), table rows
(tab- or pipe-separated cells, rows of figures) and section labels before a paragraph
("CURRENCIES: The dollar rose ...", where the label is no speaker: it never recurs as a
label and never appears written normally elsewhere) and run-in heads in capitals before a
dash ("CONGRESS HAS INVESTIGATED HIM — ..."), and the newsroom's correction notes
("Correction: An earlier version of this article incorrectly stated that ...", "This story
has been revised to reflect ...": the editors speaking of their own text, no claim of the
people they name; PolNeAR marks them Discard).

Furniture is blanked (replaced by spaces of the same length, line breaks kept) rather than
cut, so every offset the extractor returns is still an offset into the stored body: the
body keeps its words for the reader, the extractor does not take them for speech.
"""

from __future__ import annotations

import re
import string
from collections import Counter

from indexer.extract import cues
from indexer.extract.interviews import ANSWER_LABELS, QUESTION_LABELS
from indexer.extract.names import is_role_word
from indexer.extract.quotes import has_quote_mark, single_quotes
from indexer.lexicon import title_case

_LINE = re.compile(r"[^\n]+")
_FURNITURE_LINE = re.compile(
    r"^\s*(?:"
    r"read more\b|related\b\s*(?::|stories|articles|coverage|content)|see also:|more on this\b|"
    r"(?:(?:photo|image|picture|photograph|illustration|video|graphic)s?\s+)?"
    r"(?:photo|image|picture|photograph|illustration|caption|credit|video|graphic)s?\s*:|"
    r"\(?(?:photo|image|picture)s?\s+(?:by|courtesy|credit)\b|"
    r"reporting by\b|editing by\b|writing by\b|additional reporting by\b|"
    r"(?:media|press|investor|editorial)\s+(?:contacts?|inquiries|enquiries|relations)\b|"
    r"contacts?\s*:|for (?:more|further|additional) information\b[^\n]{0,60}?"
    r"\b(?:visit|contact|see|go to|call|email|e-mail)\b|"
    r"(?:https?://|www\.|pic\.twitter\.com/)\S+\s*$"
    r")",
    re.IGNORECASE,
)
# A correction note: a paragraph opening with "Correction:" / "CORRECTION APPENDED." /
# "Clarification:", or with the note's own words ("An earlier version of this article
# misstated ...", "This article was amended on ...", "• This story has been corrected").
_CORRECTION_NOTE = re.compile(
    r"^\W*(?:"
    r"(?:corrections?|clarifications?)(?:\s+appended)?\s*[:.\u2014\u2013-]|"
    r"(?:an?|the)\s+(?:earlier|previous|prior|original)\s+version\s+of\s+this\s+"
    r"(?:article|story|report|piece|post|column)\b|"
    r"this\s+(?:article|story|report|piece|post|column)\s+(?:has\s+been|was)\s+"
    r"(?:revised|corrected|amended|updated|changed)\b"
    r")",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*By\s+[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|and|de|van)){0,5}"
    r"\s*(?:[,|/]\s*(?:[A-Z][\w.'\u2019-]*\s*){1,4})?$"
)
_MARKUP = re.compile(
    r"<[A-Za-z/!][^<>\n]{0,400}>|\[/?(?:embed|tweet|caption|video)[^\]\n]{0,400}\]"
)
# A speaker label set in Markdown emphasis ("**Tom Baird:** Are the walls finished?",
# "__Q:__ ..."): the markers are markup, the label is the transcript's.
_EMPHASIS_LABEL = re.compile(r"^\s*(?P<mark>\*\*|__)[^*_\n]{1,60}?(?P=mark)(?=:?\s)")
_SECTION = re.compile(r"^(?P<label>[A-Z][A-Z&'\u2019 -]{2,40}):[ \t]+(?=\S)")
# A run-in head in capitals before a dash ("CONGRESS HAS INVESTIGATED HIM — The panel ...",
# "WASHINGTON — "): a kicker or a dateline, never a speaker (a dash names its speaker after
# the quotation, "— Dr. Ruth Anselm").
_RUN_IN = re.compile(r"^\s*[A-Z][A-Z0-9&'\u2019 ,.-]{2,80}?\s+[\u2014\u2013]\s+(?=[A-Z\"\u201c])")


# Where a press release's boilerplate begins: the "About Acme Robotics" section on the
# company (a header of capitalised words, alone on its line or run in before a colon), the
# "Forward-looking statements" / "Safe harbor" legal notice, and the "###" end mark. All of
# it is the issuer's standing text at the foot of the release, no one's statement: from the
# first such line to the end of the text is furniture. (The convention: the AP's and PR
# Newswire's press-release style guides put boilerplate, then contacts, after the body.)
_BOILERPLATE = re.compile(
    r"^\s*(?:"
    r"about\s+(?:[A-Z][\w&.,'\u2019-]*\s*){1,6}:?\s*$|"
    r"about\s+(?:[A-Z][\w&.'\u2019-]*\s+){0,5}[A-Z][\w&.'\u2019-]*\s*:\s|"
    r"(?:(?:cautionary|special)\s+(?:note|statement|language)\s+(?:regarding|concerning|on|"
    r"about)\s+)?forward[- ]looking\s+(?:statements?|information)\b[^.\n]{0,40}$|"
    r"safe\s+harbor\s+statement\b|"
    r"#{3}\s*$"
    r")",
    re.IGNORECASE,
)


def blank_furniture(text: str) -> str:
    """`text` with its page furniture replaced by spaces (same length, same line breaks)."""
    chars = list(text)
    lines = list(_LINE.finditer(text))
    boilerplate = next(
        (line.start() for k, line in enumerate(lines) if k and _boilerplate(line.group())),
        None,
    )
    if boilerplate is not None:
        _blank(chars, boilerplate, len(text))
        lines = [line for line in lines if line.start() < boilerplate]
    labels = Counter(m.group("label") for line in lines if (m := _SECTION.match(line.group())))
    if lines and lines[0].start() == 0:  # the headline
        for s, e in _headline_furniture(lines[0].group()):
            _blank(chars, s, e)
    for number, line in enumerate(lines):
        start, body = line.start(), line.group()
        if (
            _FURNITURE_LINE.match(body)
            or is_correction_note(body)
            or _BYLINE.match(body)
            or _table_row(body)
            or (number and _subhead(body))
        ):
            _blank(chars, start, line.end())
            continue
        for tag in _MARKUP.finditer(body):
            _blank(chars, start + tag.start(), start + tag.end())
        if (emphasis := _EMPHASIS_LABEL.match(body)) and ":" in emphasis.group() + body[
            emphasis.end() : emphasis.end() + 1
        ]:
            mark = emphasis.group("mark")
            _blank(chars, start + emphasis.start("mark"), start + emphasis.end("mark"))
            _blank(chars, start + emphasis.end() - len(mark), start + emphasis.end())
        if run_in := _RUN_IN.match(body):
            _blank(chars, start, start + run_in.end())
        section = _SECTION.match(body)
        if section and _section_label(section.group("label"), labels, text):
            _blank(chars, start, start + section.end())
    return "".join(chars)


# A headline's parts ("Bushfire warning: RFS says 'leave now' — aide disagrees | Coastal
# Times"): a kicker before a colon, the attribution, and what a spaced dash or a bar adds
# after it. Only the attribution is what was said.
_KICKER = re.compile(r"^[ \t]*[A-Z][\w\u2019'-]*(?:[ \t]+[\w\u2019'-]+){0,3}[ \t]*:[ \t]+(?=\S)")
_SEGMENT = re.compile(r"[ \t]+(?:[\u2014\u2013\u2015|]|--?)[ \t]+")
_DOUBLE_QUOTED = re.compile(r"[\u201c\"][^\u201c\u201d\"]*[\u201d\"]")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*[ \t]*$")
_NAME_LINKS = frozenset(["of", "for", "the", "and", "at", "to"])


def _headline_furniture(line: str) -> list[tuple[int, int]]:
    """The spans of a headline (the first line, when it ends without a sentence's final
    stop) that are no part of its attribution: a kicker label before a colon when what
    follows attributes on its own ("Bushfire warning: 'Leave now,' RFS says"; but "Union
    chief to council: 'Not one more cut'" names its speaker in the label), and a segment
    after a spaced dash or bar that follows an attribution ("... 'is dead' — aide
    disagrees", "... | Coastal Times"), unless that segment names the speaker
    ("'Leave now' — RFS chief"). Raises nothing."""
    if _SENTENCE_END.search(line):
        return []
    spans = []
    start = 0
    if (kicker := _KICKER.match(line)) and not has_quote_mark(kicker.group()):
        rest = line[kicker.end() :]
        if cues.may_attribute(_unquoted(rest)) or _dash_speaker(rest):
            spans.append((0, kicker.end()))
            start = kicker.end()
    for dash in _SEGMENT.finditer(line, start):
        before, after = line[start : dash.start()], line[dash.end() :]
        if has_quote_mark(after) or not cues.may_attribute(before):
            continue
        if "|" in dash.group() or not _names_speaker(after):
            spans.append((dash.start(), len(line)))
            break
    return spans


def _unquoted(text: str) -> str:
    """`text` without its quotations (double and single, apostrophes told apart)."""
    for s, e in reversed(single_quotes(text, 0, len(text))):
        text = text[:s] + " " * (e - s) + text[e:]
    return _DOUBLE_QUOTED.sub(lambda m: " " * len(m.group()), text)


def _names_speaker(segment: str) -> bool:
    """A dash segment that names someone ("RFS chief", "Dr. Ruth Anselm", "union boss"):
    capitalised words, role words and the links of a name, no other word."""
    words = [w.strip(",.") for w in segment.split()]
    return bool(words) and all(
        w[:1].isupper() or is_role_word(w) or w in _NAME_LINKS for w in words if w
    )


def _dash_speaker(rest: str) -> bool:
    """ "'Leave now if you can' — RFS chief": a quotation, then a dash naming its speaker."""
    dash = _SEGMENT.search(rest)
    if dash is None or not has_quote_mark(rest[: dash.start()]):
        return False
    return _names_speaker(rest[dash.end() :])


def _boilerplate(line: str) -> bool:
    """A line opening a press release's boilerplate (`_BOILERPLATE`): "About Acme Robotics"
    must name its subject in capitals ("About the study" is a subheading of the article)."""
    match = _BOILERPLATE.match(line)
    if match is None:
        return False
    words = line.split(":")[0].split()
    if words[0].lower() != "about":
        return True
    return words[1][:1].isupper() and all(
        w[:1].isupper() or w in ("of", "and", "&", "for", "the") for w in words[1:]
    )


def is_correction_note(line: str) -> bool:
    """Whether ``line`` (a paragraph) is the newsroom's correction note ("Correction: An
    earlier version of this article ...", "This story has been revised ..."): furniture for
    the extractor, read by the linker for the misattributions it corrects
    (indexer/link/correction_notes.py)."""
    return bool(_CORRECTION_NOTE.match(line))


def _section_label(label: str, labels: Counter[str], text: str) -> bool:
    """An all-capitals label that names no speaker: a transcript repeats its speakers'
    labels, and a shouted name ("FALLIN:") is written normally elsewhere in the article."""
    if labels[label] > 1 or label.lower() in QUESTION_LABELS | ANSWER_LABELS:
        return False  # "QUESTION:", "INTERVIEWER:": a transcript's turn, even asked once
    return not any(re.search(rf"\b{re.escape(w.title())}\b", text) for w in label.split())


def _subhead(line: str) -> bool:
    """A short line in Title Case ("'All Bets Are Off.'", "Legend in the Coal Fields"): a
    subheading between sections (the first line, the headline, is article text; a line
    ending in a colon introduces what follows)."""
    words = [w.strip("\"'\u2018\u2019\u201c\u201d.,:;!?") for w in line.split()]
    if not 2 <= len(words) <= 10 or line.rstrip().endswith(":"):
        return False
    return title_case(words)


_ASCII_LETTERS = dict.fromkeys(map(ord, string.ascii_letters))  # str.translate: delete them


def _table_row(line: str) -> bool:
    """Tab- or pipe-separated cells, or a row that is mostly figures."""
    if line.count("\t") >= 2 or line.count("|") >= 2:
        return True
    visible = "".join(line.split())
    letters = len(visible) - len(visible.translate(_ASCII_LETTERS))  # never figures
    if 5 * letters >= 2 * len(visible):
        return False  # at least 40% letters: figures cannot pass 60% (prose: most lines)
    figures = sum(c.isdigit() or c in ".,%+-$€£" for c in visible)
    return len(visible) >= 8 and figures / len(visible) > 0.6


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "
