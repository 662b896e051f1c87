"""Errors the user may see. Every message says what went wrong, where, and what to do."""

from __future__ import annotations


class EvidenceError(Exception):
    """Base class: a problem we can explain to the user without a traceback."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        location: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.location = location  # "page 3", "line 120", "record 17"
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path + (f" ({self.location})" if self.location else "") + ": "
        elif self.location:
            where = f"{self.location}: "
        tail = f" — {self.hint}" if self.hint else ""
        return f"{where}{self.message}{tail}"


class SourceError(EvidenceError):
    """An input file (or one record in it) cannot be read."""


class EncryptedPDFError(SourceError):
    """The PDF needs a password."""


class NoTextLayerError(SourceError):
    """The PDF has no extractable text (scanned image); it needs OCR."""


class ParseTimeoutError(SourceError):
    """Parsing took longer than the per-document time limit."""


class UnsupportedFormatError(SourceError):
    """The file's format is not one we read."""


class LexiconError(EvidenceError):
    """A lexicon or rule file in the package data is invalid (names file and line)."""


class StoreError(EvidenceError):
    """The DuckDB evidence store cannot be opened or written."""


class DatabaseBusyError(StoreError):
    """Another process is writing the database right now."""


class CorrectionError(EvidenceError):
    """A reviewer correction is invalid."""


class ConfigError(EvidenceError):
    """A setting has an invalid value."""


class MissingDependencyError(EvidenceError):
    """An optional dependency is not installed (the message names the extra)."""
