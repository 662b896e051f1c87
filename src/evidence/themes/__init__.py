"""Themes: BERTopic over the evidence passages, offline, seeded by the factor taxonomy."""

from evidence.themes.embed import (
    CachedEmbedder,
    Embedder,
    LsaEmbedder,
    MiniLMEmbedder,
    default_embedder,
)
from evidence.themes.fit import ThemeParams, fit_themes
from evidence.themes.stability import seed_stability
from evidence.themes.types import Assignment, Quote, Theme, ThemePassage, ThemeResult

__all__ = [
    "Assignment",
    "CachedEmbedder",
    "Embedder",
    "LsaEmbedder",
    "MiniLMEmbedder",
    "Quote",
    "Theme",
    "ThemeParams",
    "ThemePassage",
    "ThemeResult",
    "default_embedder",
    "fit_themes",
    "seed_stability",
]
