"""Plain records of the themes stage: what goes in (passages) and what comes out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OUTLIER = -1


@dataclass(frozen=True, slots=True)
class ThemePassage:
    """One evidence passage to cluster, with what a reviewer needs to cite it."""

    passage_id: str
    study_id: str
    text: str
    page: int | None = None
    first_author: str | None = None
    year: int | None = None
    factor_ids: tuple[str, ...] = ()  # taxonomy factors extracted from this passage
    fields: tuple[str, ...] = ()  # which evidence fields it supports (risk_factor, consequence ...)

    @property
    def citation(self) -> str:
        """'Smith 2021, p. 4' (first author, year, page), with '?' for what is unknown."""
        who = self.first_author or "?"
        when = str(self.year) if self.year else "n.d."
        page = f", p. {self.page}" if self.page is not None else ""
        return f"{who} {when}{page}"


@dataclass(frozen=True, slots=True)
class Quote:
    passage_id: str
    text: str
    citation: str
    page: int | None = None


@dataclass(slots=True)
class Theme:
    """One theme: readable label, keywords, nearest taxonomy factor, quotes."""

    theme_id: int  # -1 is the outlier bucket
    label: str
    keywords: list[str]
    n_passages: int
    n_studies: int
    factor_id: str | None = None  # nearest taxonomy factor (by embedding)
    factor_label: str | None = None
    factor_similarity: float | None = None
    seeded: bool = False  # True when the theme came from a taxonomy factor (zero-shot)
    top_factors: list[str] = field(
        default_factory=list
    )  # most extracted factors among its passages
    quotes: list[Quote] = field(default_factory=list)
    x: float = 0.0  # 2-D position for the overview map
    y: float = 0.0


@dataclass(frozen=True, slots=True)
class Assignment:
    passage_id: str
    theme_id: int
    probability: float


@dataclass(slots=True)
class ThemeResult:
    """What fit_themes returns; save_theme_run stores it as one run."""

    themes: list[Theme]
    assignments: list[Assignment]
    model_id: str
    model_hash: str
    seed: int
    params: dict[str, Any]
    metrics: dict[str, Any]
    duration_s: float = 0.0

    @property
    def labels(self) -> list[int]:
        return [a.theme_id for a in self.assignments]
