"""A whole article for extraction: the headline is part of what was said.

Headlines and decks quote people ("‘We were never consulted’, say Harwick parents"), so the
extractor reads the title and the body as one text: the title, a blank line, the body. The
records it returns point back into the part they come from: `part` is "title" or "body" and
every span is an offset into that part (so a body span is valid against the stored body,
whatever the title's length).
"""

from __future__ import annotations

from dataclasses import dataclass

from indexer.extract.attributions import analyse

TITLE_GAP = "\n\n"  # the title reads as its own paragraph
SPAN_KEYS = ("cue_span", "speaker_span")


@dataclass(frozen=True)
class ArticleText:
    """An article's title (may be empty) and body, joined for the extractor."""

    title: str
    body: str

    @property
    def body_start(self) -> int:
        """Where the body starts in `text` (characters)."""
        title = self._title()
        return len(title) + len(TITLE_GAP) if title else 0

    @property
    def text(self) -> str:
        """The text the extractor reads: title, blank line, body."""
        title = self._title()
        return f"{title}{TITLE_GAP}{self.body}" if title else self.body

    def _title(self) -> str:
        # One line, same length: title-part offsets are offsets into the stored title.
        return self.title.replace("\r", " ").replace("\n", " ") if self.title.strip() else ""

    def to_parts(self, records: list[dict]) -> list[dict]:
        """Records with spans relative to their part and `part` set; a record whose spans
        would straddle title and body keeps only what lies in its content's part (a speaker
        named in the body of a headline quote keeps its name, not its span)."""
        cut = self.body_start
        out = []
        for rec in records:
            in_title = cut and rec["content_spans"][0][0] < cut
            shift = 0 if in_title else cut
            limit = cut - len(TITLE_GAP) if in_title else len(self.text)
            rec = dict(rec, part="title" if in_title else "body")
            rec["content_spans"] = [
                [s - shift, e - shift] for s, e in rec["content_spans"] if s >= shift and e <= limit
            ]
            for key in SPAN_KEYS:
                span = rec[key]
                if span is not None and not (span[0] >= shift and span[1] <= limit):
                    rec[key] = None
                    if key == "speaker_span":
                        rec["speaker_text"] = None
                elif span is not None:
                    rec[key] = [span[0] - shift, span[1] - shift]
            if rec["content_spans"] and in_title:  # the title as stored, line breaks included
                rec["content"] = " ".join(self.title[s:e] for s, e in rec["content_spans"])
            if rec["content_spans"]:
                out.append(rec)
        return out


def extract_article(title: str | None, body: str) -> list[dict]:
    """Attributions of one article, headline included; spans are offsets into their `part`."""
    article = ArticleText(title or "", body)
    return article.to_parts(analyse(article.text))
