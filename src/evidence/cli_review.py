"""`evidence export ...` and `evidence review ...`: what analysts and reviewers use.

Thin Typer commands over evidence.export and evidence.store.corrections; cli.py mounts
`export_app` and `review_app`.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, TypeVar

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from evidence.config import get_settings
from evidence.errors import EvidenceError
from evidence.export.factors import FORMATS, export_factors
from evidence.export.gapmap import export_gap_map
from evidence.store import corrections
from evidence.store.db import read_only


def _out() -> Console:
    return Console()


def _err() -> Console:
    return Console(stderr=True)


export_app = typer.Typer(
    help="Write factor summaries (CSV, XLSX, Markdown, HTML) and the evidence-gap map.",
    no_args_is_help=True,
)
review_app = typer.Typer(
    help="Correct extracted values (set, reject, add), round-trip a review CSV, show the audit log.",
    no_args_is_help=True,
)

T = TypeVar("T")


def _default_db() -> Path:
    return get_settings().db_path


def _default_reviewer() -> str:
    return os.environ.get("EVIDENCE_REVIEWER") or getpass.getuser()


DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="DuckDB evidence database (default: EVIDENCE_DB or data/processed/evidence.duckdb)."),
]  # fmt: skip
ReviewerOption = Annotated[
    str | None,
    typer.Option("--reviewer", "-r", help="Who makes the correction (default: EVIDENCE_REVIEWER or your login)."),
]  # fmt: skip
ReasonOption = Annotated[
    str, typer.Option("--reason", help="Why: kept in the audit log (`evidence review log`).")
]
DesignOption = Annotated[
    list[str] | None, typer.Option("--design", help="Only studies of this design (repeatable).")
]
CountryOption = Annotated[
    list[str] | None,
    typer.Option("--country", help="Only studies done in this country, ISO alpha-2 (repeatable)."),
]
ProfessionOption = Annotated[
    list[str] | None,
    typer.Option("--profession", help="Only studies of this population, e.g. nurses (repeatable)."),
]
YearFromOption = Annotated[
    int | None, typer.Option("--year-from", help="Only studies from this year on.")
]
YearToOption = Annotated[
    int | None, typer.Option("--year-to", help="Only studies up to this year.")
]
StudyArg = Annotated[str, typer.Argument(help="study_id, DOI or PMID of the study.")]
FieldArg = Annotated[
    str, typer.Argument(help="Field, e.g. design, n_participants, country, risk_factor.")
]
QuoteOption = Annotated[str | None, typer.Option("--quote", help="Supporting words from the text.")]
PageOption = Annotated[int | None, typer.Option("--page", min=1, help="Page of the quote.")]


@contextmanager
def _errors() -> Iterator[None]:
    """Show an EvidenceError as one red line and exit 1, never a traceback."""
    try:
        yield
    except EvidenceError as e:
        _err().print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=1) from e


def _with_db(db: Path | None, fn: Callable[[Path], T]) -> T:
    with _errors():
        return fn(db or _default_db())


@export_app.command("factors")
def export_factors_cmd(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Output file (default: data/processed/exports/factors.FORMAT)."
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="csv, xlsx, md or html (default: from --out, else csv)."
        ),
    ] = None,
    design: DesignOption = None,
    country: CountryOption = None,
    profession: ProfessionOption = None,
    year_from: YearFromOption = None,
    year_to: YearToOption = None,
    db: DbOption = None,
) -> None:
    """Per factor: area, level, studies reporting it as risk / protective (conflicts flagged),
    designs, participants, countries, professions and the best quotes with citations."""
    if fmt is None:
        suffix = out.suffix.lower().lstrip(".") if out is not None else ""
        fmt = suffix if suffix in FORMATS else "csv"
    target = out or get_settings().processed_path / "exports" / f"factors.{fmt}"

    def run(path: Path) -> Path:
        with read_only(path) as con:
            return export_factors(
                con, fmt=fmt, out=target, design=design, country=country,
                profession=profession, year_from=year_from, year_to=year_to,
            )  # fmt: skip

    written = _with_db(db, run)
    _out().print(f"wrote {written}")


@export_app.command("map")
def export_map_cmd(
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output folder (default: data/processed/exports)."),
    ] = None,
    design: DesignOption = None,
    country: CountryOption = None,
    profession: ProfessionOption = None,
    year_from: YearFromOption = None,
    year_to: YearToOption = None,
    db: DbOption = None,
) -> None:
    """Evidence-gap map (factors × professions, factors × countries) as PNG and HTML."""
    target = out or get_settings().processed_path / "exports"

    def run(path: Path) -> list[Path]:
        with read_only(path) as con:
            return export_gap_map(
                con, out_dir=target, design=design, country=country, profession=profession,
                year_from=year_from, year_to=year_to,
            )  # fmt: skip

    for p in _with_db(db, run):
        _out().print(f"wrote {p}")


def _correct(
    action: str,
    *,
    study: str,
    field: str,
    value: str,
    reason: str,
    reviewer: str | None,
    quote: str | None = None,
    page: int | None = None,
    db: Path | None,
) -> None:
    def run(path: Path) -> int:
        return corrections.add_correction(
            path, study_id=study, field=field, action=action, value=value, quote=quote,
            page=page, reviewer=reviewer or _default_reviewer(), reason=reason,
        )  # fmt: skip

    cid = _with_db(db, run)
    _out().print(f"correction #{cid}: {action} {field} = {value!r} for {study}")


@review_app.command("set")
def review_set(
    study: StudyArg,
    field: FieldArg,
    value: Annotated[
        str, typer.Argument(help="The correct value (replaces every value of the field).")
    ],
    reason: ReasonOption,
    quote: QuoteOption = None,
    page: PageOption = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Replace every value of FIELD for a study by VALUE (e.g. fix the design or sample size)."""
    _correct("set", study=study, field=field, value=value, reason=reason, reviewer=reviewer,
             quote=quote, page=page, db=db)  # fmt: skip


@review_app.command("reject")
def review_reject(
    study: StudyArg,
    field: FieldArg,
    value: Annotated[str, typer.Argument(help="The extracted value to drop, e.g. a factor id.")],
    reason: ReasonOption,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Reject one extracted value (e.g. a factor mention the machine got wrong)."""
    _correct("reject", study=study, field=field, value=value, reason=reason, reviewer=reviewer,
             db=db)  # fmt: skip


@review_app.command("add")
def review_add(
    study: StudyArg,
    field: FieldArg,
    value: Annotated[str, typer.Argument(help="The value the machine missed, e.g. a factor id.")],
    reason: ReasonOption,
    quote: QuoteOption = None,
    page: PageOption = None,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Add a value the machine missed (e.g. a risk_factor, with its --quote and --page)."""
    _correct("add", study=study, field=field, value=value, reason=reason, reviewer=reviewer,
             quote=quote, page=page, db=db)  # fmt: skip


@review_app.command("export")
def review_export(
    out: Annotated[Path, typer.Option("--out", "-o", help="CSV file to write.")] = Path(
        "review.csv"
    ),
    study: Annotated[
        str | None, typer.Option("--study", help="Only this study (id, DOI or PMID).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Write a review CSV: one row per value; fill action (set|reject|add), new_value, reason."""

    def run(path: Path) -> Path:
        with read_only(path) as con:
            return corrections.export_review_csv(con, out, study_id=study)

    _out().print(f"wrote {_with_db(db, run)}")


@review_app.command("import")
def review_import(
    path: Annotated[Path, typer.Argument(help="The edited review CSV.")],
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Apply an edited review CSV: every row or none; bad rows are listed by line number."""

    def run(db_path: Path) -> corrections.ImportReport:
        return corrections.import_corrections_csv(
            db_path, path, reviewer=reviewer or _default_reviewer()
        )

    report = _with_db(db, run)
    if not report.ok:
        _err().print(
            f"[red]error:[/red] {path}: {len(report.errors)} bad row(s); nothing was applied",
            highlight=False,
        )
        for err in report.errors:
            _err().print(f"  {err}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=1)
    _out().print(
        f"applied {report.n_applied} correction(s) from {path} "
        f"({report.n_skipped} row(s) without an action)"
    )


@review_app.command("log")
def review_log(
    study: Annotated[
        str | None, typer.Option("--study", help="Only this study (id, DOI or PMID).")
    ] = None,
    active: Annotated[bool, typer.Option("--active", help="Only corrections in force.")] = False,
    db: DbOption = None,
) -> None:
    """The audit trail: who changed what, when and why (superseded corrections included)."""

    def run(path: Path) -> pd.DataFrame:
        with read_only(path) as con:
            return corrections.correction_log(con, study_id=study, active_only=active)

    df = _with_db(db, run)
    if df.empty:
        _out().print("no corrections yet")
        return
    table = Table(title="Corrections")
    for col in (
        "#",
        "when (UTC)",
        "reviewer",
        "action",
        "study",
        "field",
        "value",
        "reason",
        "status",
    ):
        table.add_column(col)
    for r in df.itertuples(index=False):
        status = "active" if pd.isna(r.superseded_by) else f"superseded by #{int(r.superseded_by)}"
        study_label = f"{r.first_author or ''} {r.year or ''} ({r.study_id})".strip()
        table.add_row(
            str(r.correction_id), f"{r.created_at:%Y-%m-%d %H:%M}", r.reviewer, r.action,
            study_label, r.field, str(r.value), r.reason or "", status,
        )  # fmt: skip
    _out().print(table)
