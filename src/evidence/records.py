"""Plain dataclasses every stage passes on. No spaCy, DuckDB or Prefect objects here."""

from __future__ import annotations

import hashlib
import operator
import re
import unicodedata
from dataclasses import dataclass, fields
from dataclasses import field as _field
from typing import Any, Literal, TypeVar

_T = TypeVar("_T")


def _pickled_as_tuple(cls: type[_T]) -> type[_T]:
    """Pickle a slots dataclass as ``cls(*fields)``.

    Python 3.11's slots dataclasses pickle through ``__getstate__``/``__setstate__``, which
    loop over ``dataclasses.fields()`` and ``object.__setattr__`` per field: unpickling the
    records extraction workers send back cost the parent ten times what the constructor
    costs, on two cores the parent shares with the workers.
    """
    get = operator.attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[type[_T], tuple[Any, ...]]:
        return (cls, get(self))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


SECTIONS = (
    "title",
    "abstract",
    "keywords",
    "introduction",
    "methods",
    "results",
    "discussion",
    "conclusion",
    "references",
    "body",
    "front_matter",
    "other",
)

Direction = Literal["risk", "protective", "unclear"]


def sha1(text: str, n: int = 16) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


_WS = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Content normalisation used for document identity: NFKC, case-folded, collapsed space."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def normalise_title(title: str) -> str:
    t = unicodedata.normalize("NFKD", title)
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    t = re.sub(r"[^a-z0-9]+", " ", t)
    return _WS.sub(" ", t).strip()


_DOI = re.compile(r"10\.\d{4,9}/[^\s\"'<>]+", re.I)


def normalise_doi(value: str | None) -> str | None:
    """Return a bare lower-case DOI ('10.1186/x') from a DOI, a doi.org link or a messy cell."""
    if not value:
        return None
    m = _DOI.search(value)
    if not m:
        return None
    doi = m.group(0).rstrip(".,;)]}").lower()
    return doi


def normalise_pmid(value: str | int | None) -> str | None:
    if value is None:
        return None
    m = re.search(r"\d{1,9}", str(value))
    return m.group(0).lstrip("0") or None if m else None


@_pickled_as_tuple
@dataclass(slots=True)
class Block:
    """A run of text from one section and one page, in reading order."""

    section: str
    text: str
    page: int | None = None
    heading: str | None = None


@_pickled_as_tuple
@dataclass(slots=True)
class Passage:
    """One sentence of a document with its location. Offsets index Document.text."""

    passage_id: str
    doc_id: str
    seq: int
    section: str
    page: int | None
    char_start: int
    char_end: int
    text: str

    @property
    def is_reference(self) -> bool:
        return self.section == "references"


@_pickled_as_tuple
@dataclass(slots=True)
class Document:
    """One readable unit: a paper (PDF, text page) or one record of an export."""

    source_path: str
    format: str
    blocks: list[Block]
    title: str | None = None
    authors: list[str] = _field(default_factory=list)
    year: int | None = None
    journal: str | None = None
    doi: str | None = None
    pmid: str | None = None
    keywords: list[str] = _field(default_factory=list)
    publication_types: list[str] = _field(default_factory=list)
    mesh: list[str] = _field(default_factory=list)
    record_index: int | None = None  # position within an export file (1-based)
    n_pages: int | None = None
    is_full_text: bool = False
    language: str | None = None
    # set by assemble(): the full text (blocks joined) and each block's start offset
    text: str = ""
    block_starts: list[int] = _field(default_factory=list)

    def assemble(self) -> None:
        """Join blocks into `text` (blank line between blocks) and remember where each starts."""
        parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for b in self.blocks:
            starts.append(pos)
            parts.append(b.text)
            pos += len(b.text) + 2
        self.text = "\n\n".join(parts)
        self.block_starts = starts

    @property
    def doc_id(self) -> str:
        """Hash of the normalised content (text plus identifying metadata)."""
        if not self.text and self.blocks:
            self.assemble()
        key = "\x1f".join(
            [
                normalise_text(self.text),
                self.doi or "",
                self.pmid or "",
                normalise_title(self.title or ""),
            ]
        )
        return "d" + sha1(key, 16)

    @property
    def study_key(self) -> str:
        """DOI, else PMID, else normalised title + year, else the content hash."""
        if self.doi:
            return f"doi:{self.doi}"
        if self.pmid:
            return f"pmid:{self.pmid}"
        if self.title and normalise_title(self.title):
            return f"title:{normalise_title(self.title)}|{self.year or ''}"
        return f"doc:{self.doc_id}"

    @property
    def abstract(self) -> str:
        return "\n".join(b.text for b in self.blocks if b.section == "abstract")

    @property
    def first_author(self) -> str | None:
        if not self.authors:
            return None
        a = self.authors[0]
        return a.split(",")[0].strip() if "," in a else a.split()[-1] if a.split() else a


def study_id_for(study_key: str) -> str:
    return "s" + sha1(study_key, 16)


@dataclass(slots=True)
class IngestIssue:
    """A problem met while reading one input: the file (and record/page/line) and what to do."""

    source_path: str
    stage: str  # discover | read | identify | load
    message: str
    location: str | None = None
    hint: str | None = None
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        loc = f" ({self.location})" if self.location else ""
        hint = f" — {self.hint}" if self.hint else ""
        return f"{self.source_path}{loc}: {self.message}{hint}"


@dataclass(slots=True)
class ReadResult:
    """What a reader returns for one file: documents read and issues met (per record)."""

    source_path: str
    format: str
    documents: list[Document] = _field(default_factory=list)
    issues: list[IngestIssue] = _field(default_factory=list)


@_pickled_as_tuple
@dataclass(slots=True)
class ExtractedValue:
    """One value extracted from one sentence, with provenance. Stored in `extractions`."""

    doc_id: str
    field: str  # design, data_collection, analysis, n_participants, country, risk_factor, ...
    value: str
    quote: str  # the supporting sentence
    section: str | None
    page: int | None
    char_start: int | None  # offsets into Document.text of the supporting span
    char_end: int | None
    confidence: float
    passage_id: str | None = None
    value_num: float | None = None
    detail: dict[str, object] = _field(
        default_factory=dict
    )  # e.g. direction, negated, hedged, background

    @property
    def value_id(self) -> str:
        return "v" + sha1(
            f"{self.doc_id}|{self.field}|{self.value}|{self.char_start}|{self.char_end}", 16
        )


@dataclass(slots=True)
class Factor:
    """A canonical factor from the taxonomy (package data)."""

    factor_id: str
    label: str
    definition: str
    area: str  # workload | control | reward | community | fairness | values | other
    level: str  # individual | team | organisation | system
    default_direction: Direction
    surface_forms: list[str] = _field(default_factory=list)
