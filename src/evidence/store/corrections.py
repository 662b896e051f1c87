"""Reviewer corrections: fix a value, reject a factor mention, add one the machine missed.

Corrections are keyed by (study_id, field, value), never by machine row ids, so they survive
re-ingestion and re-extraction; the public views (`evidence`, `evidence_studies`,
`evidence_factors`) apply the active ones. A new correction of the same key supersedes the
old one (`superseded_by`), so `correction_log()` keeps the whole history: who, when, why.

Key of a correction, for superseding:
  set    (study_id, field)          every earlier correction of the field is replaced
  reject (study_id, field, value)   replaces an earlier add/reject/set of that value
  add    (study_id, field, value)   replaces an earlier add/reject of that value
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd
import pycountry
import yaml

from evidence.errors import CorrectionError, EvidenceError
from evidence.records import normalise_doi, normalise_pmid
from evidence.store.db import now, transaction

ACTIONS = ("set", "reject", "add")

# Closed vocabularies (tests/devset/GUIDELINES.md; a test keeps the two in step).
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "design": (
        "qualitative", "cross_sectional", "cohort", "case_control", "rct", "quasi_experimental",
        "mixed_methods", "systematic_review", "scoping_review", "narrative_review",
        "quality_improvement", "discussion", "other",
    ),
    "data_collection": (
        "semi_structured_interviews", "interviews", "focus_groups", "survey", "observation",
        "document_review", "delphi", "secondary_data", "literature_search",
    ),
    "analysis": (
        "thematic_analysis", "grounded_theory", "content_analysis", "framework_analysis", "ipa",
        "phenomenology", "regression", "correlation", "structural_equation_modelling",
        "group_comparison", "descriptive_statistics", "meta_analysis", "narrative_synthesis",
    ),
    "care_setting": (
        "primary_care", "family_health_team", "hospital", "icu", "emergency_department",
        "covid_unit", "community_mental_health", "mental_health_services", "iapt",
        "private_practice", "health_plan", "long_term_care", "home_care", "prehospital_ems",
        "outpatient_clinic",
    ),
    "population": (
        "psychological_wellbeing_practitioners", "psychotherapists", "counsellors",
        "psychologists", "psychiatrists", "social_workers", "nurses", "physicians", "residents",
        "medical_students", "nursing_students", "mental_health_providers", "administrators",
        "policy_informants", "healthcare_workers", "clinicians", "midwives", "paramedics",
        "pharmacists", "allied_health", "dentists",
    ),
    "outcome": (
        "burnout", "compassion_fatigue", "secondary_traumatic_stress", "vicarious_trauma",
        "moral_injury", "moral_distress", "turnover", "wellbeing", "depression", "anxiety",
        "stress", "ptsd", "insomnia", "job_satisfaction", "compassion_satisfaction",
        "psychological_distress",
    ),
    "instrument": (
        "mbi", "cbi", "olbi", "proqol", "mini_z", "single_item", "bat", "phq9", "gad7", "dass21",
        "ghq", "pss", "ies_r", "isi", "stss", "wemwbs",
    ),
}  # fmt: skip
INTEGER_FIELDS = ("n_participants", "n_interviews", "n_focus_groups", "n_sites")
PERCENT_FIELDS = ("response_rate",)
FACTOR_FIELDS = ("risk_factor", "protective_factor")
FREE_TEXT_FIELDS = ("region", "consequence")
KNOWN_FIELDS: tuple[str, ...] = (
    *VOCABULARIES,
    *INTEGER_FIELDS,
    *PERCENT_FIELDS,
    "country",
    *FREE_TEXT_FIELDS,
    *FACTOR_FIELDS,
)
_COUNTRY_ALIASES = {"UK": "GB", "USA": "US", "UNITED STATES OF AMERICA": "US", "ENGLAND": "GB",
                    "SCOTLAND": "GB", "WALES": "GB", "NORTHERN IRELAND": "GB"}  # fmt: skip

# Columns of the review CSV; the reviewer fills the last three.
REVIEW_COLUMNS = (
    "study_id", "first_author", "year", "doi", "field", "value", "quote", "page", "origin",
    "confidence", "action", "new_value", "reason",
)  # fmt: skip
_REQUIRED_IMPORT_COLUMNS = ("study_id", "field", "value", "action", "new_value", "reason")
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Prefix text that a spreadsheet would run as a formula (=, +, -, @) with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def unneutralise(value: str) -> str:
    """Undo `neutralise` on a cell read back from a CSV."""
    if value.startswith("'") and value[1:].startswith(_FORMULA_PREFIXES):
        return value[1:]
    return value


@lru_cache(maxsize=1)
def _taxonomy_factor_ids() -> frozenset[str]:
    text = (resources.files("evidence.extract") / "data" / "factors.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    return frozenset(str(f["id"]) for f in data.get("factors", []))


def factor_ids(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    """Factor ids from the `factors` table, or the packaged taxonomy when it is empty."""
    ids = frozenset(r[0] for r in con.execute("SELECT factor_id FROM factors").fetchall())
    return ids or _taxonomy_factor_ids()


def resolve_study(con: duckdb.DuckDBPyConnection, ref: str) -> str:
    """A study_id from a study_id, DOI or PMID; CorrectionError if no study matches."""
    ref = ref.strip()
    if con.execute("SELECT 1 FROM studies WHERE study_id = ?", [ref]).fetchone():
        return ref
    doi = normalise_doi(ref)
    if doi:
        row = con.execute(
            "SELECT study_id FROM studies WHERE lower(doi) = ?", [doi.lower()]
        ).fetchone()
        if row:
            return str(row[0])
    pmid = normalise_pmid(ref) if ref.isdigit() else None
    if pmid:
        row = con.execute("SELECT study_id FROM studies WHERE pmid = ?", [pmid]).fetchone()
        if row:
            return str(row[0])
    raise CorrectionError(
        f"no study {ref!r}",
        hint="give a study_id (see `evidence review export` or the studies view), a DOI or a PMID",
    )


def _known_fields(con: duckdb.DuckDBPyConnection) -> set[str]:
    machine = {r[0] for r in con.execute("SELECT DISTINCT field FROM evidence").fetchall()}
    return set(KNOWN_FIELDS) | machine


def _normalise_country(value: str) -> str:
    text = value.strip()
    alias = _COUNTRY_ALIASES.get(text.upper())
    if alias:
        return alias
    if len(text) == 2:
        found = pycountry.countries.get(alpha_2=text.upper())
        if found is not None:
            return str(found.alpha_2)
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError as e:
        raise CorrectionError(
            f"unknown country {value!r}", hint="use an ISO 3166-1 alpha-2 code such as GB, US, CN"
        ) from e


def normalise_value(con: duckdb.DuckDBPyConnection, field: str, value: str) -> str:
    """Check a value against its field's vocabulary or type; return it in canonical form."""
    text = value.strip()
    if not text:
        raise CorrectionError(
            f"empty value for {field}", hint="give the value to set, reject or add"
        )
    if field in VOCABULARIES:
        canon = text.lower().replace("-", "_").replace(" ", "_")
        if canon not in VOCABULARIES[field]:
            raise CorrectionError(
                f"{text!r} is not a known {field}",
                hint="use one of: " + ", ".join(VOCABULARIES[field]),
            )
        return canon
    if field in INTEGER_FIELDS or field in PERCENT_FIELDS:
        try:
            num = float(text.rstrip("%").replace(",", ""))
        except ValueError as e:
            raise CorrectionError(f"{field} must be a number, got {text!r}") from e
        if math.isnan(num) or num < 0:
            raise CorrectionError(f"{field} must be a number ≥ 0, got {text!r}")
        if field in PERCENT_FIELDS:
            if num > 100:
                raise CorrectionError(f"{field} is a percentage (0-100), got {text!r}")
            return f"{num:g}"
        if not num.is_integer():
            raise CorrectionError(f"{field} must be a whole number, got {text!r}")
        return str(int(num))
    if field == "country":
        return _normalise_country(text)
    if field in FACTOR_FIELDS:
        ids = factor_ids(con)
        if text not in ids:
            raise CorrectionError(
                f"unknown factor id {text!r}",
                hint="use a factor_id from the factors table (src/evidence/extract/data/factors.yaml)",
            )
        return text
    return text


def _current_values(con: duckdb.DuckDBPyConnection, study_id: str, field: str) -> list[str]:
    rows = con.execute(
        "SELECT DISTINCT value FROM evidence WHERE study_id = ? AND field = ? ORDER BY 1",
        [study_id, field],
    ).fetchall()
    return [r[0] for r in rows]


def _match_existing(con: duckdb.DuckDBPyConnection, study_id: str, field: str, value: str) -> str:
    """The stored spelling of a value to reject (numbers compare by value)."""
    current = _current_values(con, study_id, field)
    if value in current:
        return value
    if field in INTEGER_FIELDS or field in PERCENT_FIELDS:
        for v in current:
            try:
                if float(v) == float(value):
                    return v
            except ValueError:
                continue
    already = con.execute(
        "SELECT 1 FROM active_corrections WHERE study_id = ? AND field = ? AND value = ?"
        " AND action = 'reject'",
        [study_id, field, value],
    ).fetchone()
    if already:
        return value
    shown = ", ".join(current) if current else "none"
    raise CorrectionError(
        f"study {study_id} has no {field} value {value!r} to reject (current values: {shown})",
        hint="copy the value from `evidence review export`",
    )


def _validate(
    con: duckdb.DuckDBPyConnection,
    *,
    study_id: str,
    field: str,
    action: str,
    value: str | None,
    page: int | None,
    reviewer: str,
) -> tuple[str, str, str]:
    """Check one correction; returns (study_id, field, value) in canonical form."""
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r}", hint="use set, reject or add")
    if not reviewer or not reviewer.strip():
        raise CorrectionError("a correction needs a reviewer name", hint="pass --reviewer NAME")
    sid = resolve_study(con, study_id)
    fld = field.strip().lower()
    if fld not in _known_fields(con):
        raise CorrectionError(
            f"unknown field {field!r}", hint="use one of: " + ", ".join(KNOWN_FIELDS)
        )
    if value is None:
        raise CorrectionError(f"{action} needs a value")
    val = normalise_value(con, fld, value)
    if action == "reject":
        val = _match_existing(con, sid, fld, val)
    if page is not None and page < 1:
        raise CorrectionError(f"page must be 1 or more, got {page}")
    return sid, fld, val


def _insert(
    con: duckdb.DuckDBPyConnection,
    *,
    study_id: str,
    field: str,
    action: str,
    value: str,
    quote: str | None,
    page: int | None,
    reviewer: str,
    reason: str | None,
) -> int:
    row = con.execute(
        "INSERT INTO corrections (study_id, field, action, value, quote, page, reviewer, reason,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING correction_id",
        [
            study_id,
            field,
            action,
            value,
            quote or None,
            page,
            reviewer.strip(),
            reason or None,
            now(),
        ],
    ).fetchone()
    assert row is not None
    new_id = int(row[0])
    if action == "set":
        where, params = "", []
    elif action == "reject":
        where, params = " AND value = ?", [value]
    else:
        where, params = " AND value = ? AND action IN ('add', 'reject')", [value]
    con.execute(
        "UPDATE corrections SET superseded_by = ? WHERE superseded_by IS NULL"
        " AND correction_id <> ? AND study_id = ? AND field = ?" + where,
        [new_id, new_id, study_id, field, *params],
    )
    return new_id


def add_correction(
    db_path: str | Path,
    *,
    study_id: str,
    field: str,
    action: str,
    value: str | None = None,
    quote: str | None = None,
    page: int | None = None,
    reviewer: str,
    reason: str | None = None,
) -> int:
    """Validate and record one correction (superseding earlier ones of its key). Returns its id.

    `study_id` may also be a DOI or PMID. Raises CorrectionError naming what is wrong.
    """
    act = action.strip().lower()
    with transaction(db_path) as con:
        sid, fld, val = _validate(
            con,
            study_id=study_id,
            field=field,
            action=act,
            value=value,
            page=page,
            reviewer=reviewer,
        )
        return _insert(
            con,
            study_id=sid,
            field=fld,
            action=act,
            value=val,
            quote=quote,
            page=page,
            reviewer=reviewer,
            reason=reason,
        )


def export_review_csv(
    con: duckdb.DuckDBPyConnection, out: Path, *, study_id: str | None = None
) -> Path:
    """Write one row per current evidence value, with empty action/new_value/reason columns.

    The reviewer fills `action` (set | reject | add), `new_value` (for set and add) and
    `reason`, may add rows for values the machine missed, and imports the file back.
    Text a spreadsheet would run as a formula is prefixed with an apostrophe.
    """
    sql = (
        "SELECT e.study_id, s.first_author, s.year, s.doi, e.field, e.value, e.quote, e.page,"
        " e.origin, round(e.confidence, 3)"
        " FROM evidence e LEFT JOIN studies s ON s.study_id = e.study_id"
    )
    params: list[object] = []
    if study_id is not None:
        sql += " WHERE e.study_id = ?"
        params.append(resolve_study(con, study_id))
    sql += " ORDER BY s.first_author NULLS LAST, s.year, e.study_id, e.field, e.value, e.page"
    rows = con.execute(sql, params).fetchall()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(REVIEW_COLUMNS)
        for r in rows:
            cells = ["" if v is None else neutralise(v) for v in r]
            writer.writerow([*cells, "", "", ""])
    return out


@dataclass(slots=True)
class RowError:
    """One rejected row of a corrections file."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(slots=True)
class ImportReport:
    """What `import_corrections_csv` did. Nothing is applied when `errors` is not empty."""

    path: Path
    n_rows: int = 0
    n_skipped: int = 0  # rows with no action
    correction_ids: list[int] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def n_applied(self) -> int:
        return len(self.correction_ids)


class _RollBack(Exception):
    """Raised inside the import transaction to undo every row when one is bad."""


def _cell(row: dict[str, str | None], key: str) -> str:
    return unneutralise((row.get(key) or "").strip())


def import_corrections_csv(db_path: str | Path, path: Path, *, reviewer: str) -> ImportReport:
    """Apply a review CSV (from `export_review_csv`) in one transaction: all rows or none.

    Rows with an empty `action` are skipped. When any row is invalid nothing is applied and
    the report lists every bad row by its line number in the file (the header is line 1).
    """
    path = Path(path)
    report = ImportReport(path=path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise CorrectionError(f"cannot read the corrections file: {e}", path=str(path)) from e
    except UnicodeDecodeError as e:
        raise CorrectionError(
            "the corrections file is not UTF-8", path=str(path), hint="save it as CSV UTF-8"
        ) from e
    reader = csv.DictReader(text.splitlines(keepends=True))
    missing = [c for c in _REQUIRED_IMPORT_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise CorrectionError(
            "the corrections file lacks column(s) " + ", ".join(missing),
            path=str(path), location="line 1",
            hint="start from `evidence review export` and keep its header row",
        )  # fmt: skip
    rows: list[tuple[int, dict[str, str | None]]] = []
    start = 2
    for row in reader:
        rows.append((start, row))
        start = reader.line_num + 1
    report.n_rows = len(rows)
    try:
        with transaction(db_path) as con:
            for line, row in rows:
                action = _cell(row, "action").lower()
                if not action:
                    report.n_skipped += 1
                    continue
                try:
                    cid = _apply_row(con, row, action=action, reviewer=reviewer)
                except EvidenceError as e:
                    report.errors.append(RowError(line, str(e)))
                    continue
                report.correction_ids.append(cid)
            if report.errors:
                raise _RollBack
    except _RollBack:
        report.correction_ids = []
    return report


def _apply_row(
    con: duckdb.DuckDBPyConnection, row: dict[str, str | None], *, action: str, reviewer: str
) -> int:
    value = _cell(row, "value")
    new_value = _cell(row, "new_value")
    if action == "set" and not new_value:
        raise CorrectionError("action set needs new_value")
    if action == "reject" and not value:
        raise CorrectionError("action reject needs the value to reject in column value")
    if action == "add" and not (new_value or value):
        raise CorrectionError("action add needs new_value")
    target = value if action == "reject" else (new_value or value)
    page_text = _cell(row, "page")
    page: int | None = None
    if page_text:
        try:
            page = int(float(page_text))
        except ValueError as e:
            raise CorrectionError(f"page must be a whole number, got {page_text!r}") from e
    study = _cell(row, "study_id")
    if not study:
        raise CorrectionError("study_id is empty")
    sid, fld, val = _validate(
        con,
        study_id=study,
        field=_cell(row, "field"),
        action=action,
        value=target,
        page=page,
        reviewer=reviewer,
    )
    return _insert(
        con, study_id=sid, field=fld, action=action, value=val,
        quote=_cell(row, "quote") or None, page=page, reviewer=reviewer,
        reason=_cell(row, "reason") or None,
    )  # fmt: skip


LOG_COLUMNS = (
    "correction_id", "created_at", "reviewer", "action", "study_id", "first_author", "year",
    "field", "value", "reason", "quote", "page", "status", "superseded_by",
)  # fmt: skip


def correction_log(
    con: duckdb.DuckDBPyConnection, *, study_id: str | None = None, active_only: bool = False
) -> pd.DataFrame:
    """The audit trail: every correction, oldest first, with its status (active/superseded)."""
    sql = (
        "SELECT c.correction_id, c.created_at, c.reviewer, c.action, c.study_id, s.first_author,"
        " s.year, c.field, c.value, c.reason, c.quote, c.page,"
        " CASE WHEN c.superseded_by IS NULL THEN 'active' ELSE 'superseded' END AS status,"
        " c.superseded_by"
        " FROM corrections c LEFT JOIN studies s ON s.study_id = c.study_id WHERE true"
    )
    params: list[object] = []
    if study_id is not None:
        sql += " AND c.study_id = ?"
        params.append(resolve_study(con, study_id))
    if active_only:
        sql += " AND c.superseded_by IS NULL"
    sql += " ORDER BY c.created_at, c.correction_id"
    rows = con.execute(sql, params).fetchall()
    return pd.DataFrame.from_records(rows, columns=list(LOG_COLUMNS))


__all__: Sequence[str] = (
    "ACTIONS",
    "KNOWN_FIELDS",
    "VOCABULARIES",
    "ImportReport",
    "RowError",
    "add_correction",
    "correction_log",
    "export_review_csv",
    "import_corrections_csv",
    "neutralise",
    "resolve_study",
)
