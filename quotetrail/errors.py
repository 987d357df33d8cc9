"""The errors quotetrail raises on purpose: one base class, one subclass per kind of failure.

A leaf module (standard library only) because every layer imports it, from ``schemas`` at
the bottom to the command line at the top. Each error's message is one line a person can
act on; the command line prints it as ``quotetrail: error: <message>`` and the web app maps
the ones it meets to HTTP statuses. Subclasses keep the builtin base that callers caught
before the hierarchy existed (``ValueError``, ``RuntimeError``, ``KeyError``).
"""

from __future__ import annotations


class QuotetrailError(Exception):
    """Base class of every error quotetrail raises on purpose (never a programming error)."""


class CliError(QuotetrailError):
    """A user-facing command-line failure: printed as one line, exit status 2."""


class StoreError(QuotetrailError, RuntimeError):
    """The engine cannot be reached or refused an operation; the message names the engine."""


class StoreDown(StoreError):
    """The store stayed unreachable through every retry; progress is checkpointed."""


class StoreBusy(QuotetrailError):
    """Another writer holds the store (an indexer, or an edit: ``store.writer_lease``), or
    this indexer's lease was taken over; the message names the store and what to do."""


class RecordError(QuotetrailError, ValueError):
    """A record failed validation; the message names each bad field and its value."""


class ParamError(QuotetrailError, ValueError):
    """A request parameter is invalid; ``param`` names it for the 400 response."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


class MappingError(QuotetrailError, ValueError):
    """A ``--map`` option (JSON field mapping) that cannot be understood."""


class Undecodable(QuotetrailError, ValueError):
    """The bytes are not text in any encoding we accept."""


class SpeakerEditError(QuotetrailError, KeyError):
    """A speaker merge or split that cannot be done: an unknown speaker id, or an alias the
    speaker does not have. A ``KeyError`` (a lookup failed) whose ``str`` is the message
    itself, not its quoted repr."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "speaker edit failed"
