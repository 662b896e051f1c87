"""Read studies and factor mentions from the public views, with the filters every export shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from evidence.errors import EvidenceError

# Areas of worklife (Maslach & Leiter) in their usual order; `individual` is the person side.
AREAS: tuple[str, ...] = ("workload", "control", "reward", "community", "fairness", "values",
                          "individual")  # fmt: skip
UNMAPPED = "unmapped"

Filter = str | Sequence[str] | None


def _as_list(value: Filter) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


@dataclass(frozen=True, slots=True)
class Filters:
    """Which studies an export covers. Lists match any of their values."""

    design: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    profession: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None

    @classmethod
    def of(
        cls,
        *,
        design: Filter = None,
        country: Filter = None,
        profession: Filter = None,
        year_from: int | None = None,
        year_to: int | None = None,
    ) -> Filters:
        if year_from is not None and year_to is not None and year_from > year_to:
            raise EvidenceError(
                f"year_from {year_from} is after year_to {year_to}",
                hint="swap --year-from and --year-to",
            )
        return cls(
            design=tuple(d.lower() for d in _as_list(design)),
            country=tuple(c.upper() for c in _as_list(country)),
            profession=tuple(p.lower() for p in _as_list(profession)),
            year_from=year_from,
            year_to=year_to,
        )

    def describe(self) -> str:
        parts = []
        if self.design:
            parts.append("design: " + ", ".join(self.design))
        if self.country:
            parts.append("country: " + ", ".join(self.country))
        if self.profession:
            parts.append("profession: " + ", ".join(self.profession))
        if self.year_from is not None or self.year_to is not None:
            parts.append(f"years: {self.year_from or '…'}–{self.year_to or '…'}")
        return "; ".join(parts) if parts else "all studies"


STUDY_COLUMNS = ("study_id", "first_author", "year", "title", "doi", "design", "n_participants",
                 "countries", "professions")  # fmt: skip


def studies(con: duckdb.DuckDBPyConnection, filters: Filters) -> list[dict[str, Any]]:
    """Studies matching the filters, from `evidence_studies`, oldest first."""
    sql = (
        "SELECT study_id, first_author, year, title, doi, design, n_participants, countries,"
        " populations FROM evidence_studies WHERE true"
    )
    params: list[object] = []
    if filters.design:
        sql += " AND design IN (SELECT unnest(?::VARCHAR[]))"
        params.append(list(filters.design))
    if filters.country:
        sql += " AND list_has_any(countries, ?::VARCHAR[])"
        params.append(list(filters.country))
    if filters.profession:
        sql += " AND list_has_any(populations, ?::VARCHAR[])"
        params.append(list(filters.profession))
    if filters.year_from is not None:
        sql += " AND year >= ?"
        params.append(filters.year_from)
    if filters.year_to is not None:
        sql += " AND year <= ?"
        params.append(filters.year_to)
    sql += " ORDER BY year NULLS LAST, first_author NULLS LAST, study_id"
    out = []
    for row in con.execute(sql, params).fetchall():
        rec = dict(zip(STUDY_COLUMNS, row, strict=True))
        rec["countries"] = list(rec["countries"] or [])
        rec["professions"] = list(rec["professions"] or [])
        out.append(rec)
    return out


MENTION_COLUMNS = ("study_id", "factor_id", "label", "area", "level", "direction", "n_mentions",
                   "quote", "page", "confidence")  # fmt: skip


def factor_mentions(
    con: duckdb.DuckDBPyConnection, study_ids: Sequence[str]
) -> list[dict[str, Any]]:
    """One row per (study, factor, direction) from `evidence_factors`, for the given studies."""
    if not study_ids:
        return []
    rows = con.execute(
        "SELECT study_id, factor_id, factor_label, area, level, direction, n_mentions,"
        " best_quote, page, confidence FROM evidence_factors"
        " WHERE study_id IN (SELECT unnest(?::VARCHAR[]))"
        " ORDER BY factor_id, study_id, direction",
        [list(study_ids)],
    ).fetchall()
    out = []
    for row in rows:
        rec = dict(zip(MENTION_COLUMNS, row, strict=True))
        rec["area"] = rec["area"] or UNMAPPED
        out.append(rec)
    return out


CANDIDATE_COLUMNS = ("study_id", "candidate", "direction", "quote", "page", "confidence")


def candidate_mentions(
    con: duckdb.DuckDBPyConnection, study_ids: Sequence[str]
) -> list[dict[str, Any]]:
    """Factor-like phrases no taxonomy form names (`factor_candidate` in `evidence`), for the
    given studies; a reviewer's rejections are already applied by the view."""
    if not study_ids:
        return []
    rows = con.execute(
        "SELECT study_id, lower(value), coalesce(json_extract_string(detail, '$.direction'),"
        " 'unclear'), quote, page, confidence FROM evidence"
        " WHERE field = 'factor_candidate' AND study_id IN (SELECT unnest(?::VARCHAR[]))"
        " ORDER BY study_id, value",
        [list(study_ids)],
    ).fetchall()
    return [dict(zip(CANDIDATE_COLUMNS, row, strict=True)) for row in rows]


def taxonomy(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every factor in the `factors` table, in area order."""
    rows = con.execute("SELECT factor_id, label, area, level FROM factors").fetchall()
    recs = [dict(zip(("factor_id", "label", "area", "level"), r, strict=True)) for r in rows]
    return sorted(recs, key=lambda r: (area_rank(r["area"]), r["label"]))


def area_rank(area: str | None) -> int:
    return AREAS.index(area) if area in AREAS else len(AREAS)


def citation(study: dict[str, Any], page: int | None) -> str:
    """'Smith 2021, doi:10.1000/x, p. 4' — first author, year, DOI, page."""
    author = study.get("first_author")
    if not author:
        title = str(study.get("title") or study["study_id"])
        author = " ".join(title.split()[:4]) + ("…" if len(title.split()) > 4 else "")
    parts = [f"{author} {study.get('year') or 'n.d.'}"]
    if study.get("doi"):
        parts.append(f"doi:{study['doi']}")
    if page is not None:
        parts.append(f"p. {page}")
    return ", ".join(parts)
