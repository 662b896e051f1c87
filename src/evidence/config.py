"""One Settings object for paths, database, models and thresholds (env prefix EVIDENCE_)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _project_root() -> Path:
    """The checkout root when run from a source tree, else the current directory."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists() and (parent / "src" / "evidence").is_dir():
            return parent
    return Path.cwd()


class Settings(BaseSettings):
    """Settings read from the environment (EVIDENCE_DB, EVIDENCE_RAW_DIR, ...)."""

    model_config = SettingsConfigDict(env_prefix="EVIDENCE_", extra="ignore")

    root: Path = Field(default_factory=_project_root)
    raw_dir: Path | None = None
    processed_dir: Path | None = None
    db: Path | None = None

    # ingest
    pdf_timeout_s: float = Field(
        default=60.0, gt=0, description="per-document time limit for PDF parsing"
    )
    load_batch_size: int = Field(default=200, ge=1)
    max_workers: int = Field(default=2, ge=1)

    # extraction
    spacy_batch_size: int = Field(default=256, ge=1)
    n_process: int = Field(
        default=0,
        ge=0,
        description="extraction worker processes; 0 = one per CPU (at most 4), used for "
        "batches of 256 documents or more",
    )

    # themes
    theme_seed: int = 42

    @field_validator("pdf_timeout_s")
    @classmethod
    def _sane_timeout(cls, v: float) -> float:
        if v > 3600:
            raise ValueError("EVIDENCE_PDF_TIMEOUT_S must be at most 3600 seconds")
        return v

    @property
    def raw_path(self) -> Path:
        return self.raw_dir or self.root / "data" / "raw"

    @property
    def processed_path(self) -> Path:
        return self.processed_dir or self.root / "data" / "processed"

    @property
    def db_path(self) -> Path:
        return self.db or self.processed_path / "evidence.duckdb"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
