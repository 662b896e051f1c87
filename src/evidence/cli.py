"""The `evidence` command: thin over the same functions and flows the pipeline runs."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from evidence.cli_review import DbOption, export_app, review_app
from evidence.config import get_settings
from evidence.errors import EvidenceError

app = typer.Typer(
    name="evidence",
    help="Offline-first evidence synthesis for health-care provider burnout.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)


def _db(db: Path | None) -> Path:
    return db or get_settings().db_path


def _fail(e: Exception) -> None:
    err.print(f"[bold red]error:[/] {e}")
    raise typer.Exit(code=1)


def _flows_env(db_path: Path) -> None:
    """Keep Prefect's state beside the database unless PREFECT_HOME says otherwise."""
    from flows._prefect_env import configure

    configure(db_path.parent)


def _print_ingest_summary(summary: dict[str, Any]) -> None:
    issues = summary.get("issues", [])
    if issues:
        console.print(f"[bold yellow]{len(issues)} problem(s):[/]")
        for line in issues:
            console.print(Text.assemble(("  ! ", "yellow"), line), highlight=False)
    t = Table(title="ingest", show_header=False)
    for key in (
        "files_seen",
        "files_new",
        "files_unchanged",
        "files_failed",
        "files_skipped",
        "documents_new",
        "documents_duplicate",
        "passages_new",
        "documents",
        "passages",
        "studies",
        "seconds",
    ):
        t.add_row(key.replace("_", " "), str(summary.get(key, "")))
    console.print(t)


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files or folders to ingest [default: data/raw]")
    ] = None,
    db: DbOption = None,
    force: Annotated[bool, typer.Option(help="Re-read files even when unchanged.")] = False,
    runner: Annotated[
        str, typer.Option(help="Task runner: 'threads' (one machine) or 'dask' (a Dask cluster).")
    ] = "threads",
    extract: Annotated[
        bool,
        typer.Option(
            "--extract/--no-extract",
            help="Also extract the new or changed studies, so the study and factor views are filled.",
        ),
    ] = True,
) -> None:
    """Read papers and exports into the evidence database (re-running skips unchanged files)."""
    db_path = _db(db)
    _flows_env(db_path)
    try:
        from flows.ingest import ingest_flow

        flow_fn = ingest_flow
        if runner == "dask":
            from flows.runners import dask_runner

            flow_fn = ingest_flow.with_options(task_runner=dask_runner())
        elif runner != "threads":
            raise EvidenceError(f"unknown runner {runner!r}", hint="use --runner threads or dask")
        summary = flow_fn(
            paths=[str(p) for p in paths] if paths else None, db=str(db_path), force=force
        )
        extracted = None
        if extract:
            from flows.extract import extract_flow

            extracted = extract_flow(db=str(db_path))
    except EvidenceError as e:
        _fail(e)
    _print_ingest_summary(summary)
    if extracted is not None:
        console.print("[bold]extract[/]", extracted)


@app.command()
def extract(
    db: DbOption = None,
    force: Annotated[bool, typer.Option(help="Re-extract every study.")] = False,
) -> None:
    """Extract design, sample, setting, population, measures and factors for every study."""
    db_path = _db(db)
    _flows_env(db_path)
    try:
        from flows.extract import extract_flow

        summary = extract_flow(db=str(db_path), force=force)
    except EvidenceError as e:
        _fail(e)
    console.print(summary)


@app.command()
def themes(
    db: DbOption = None,
    seed: Annotated[int, typer.Option(help="Random seed (same input + seed = same themes).")] = 42,
    out: Annotated[
        Path | None, typer.Option(help="Folder for the HTML/PNG overview [default: beside the db]")
    ] = None,
    stability_seeds: Annotated[int, typer.Option(help="Seeds for the stability (ARI) check.")] = 5,
) -> None:
    """Cluster the factor evidence into themes (BERTopic, offline) and store them."""
    db_path = _db(db)
    _flows_env(db_path)
    try:
        from flows.themes import themes_flow

        summary = themes_flow(
            db=str(db_path),
            seed=seed,
            out_dir=str(out or db_path.parent),
            stability_seeds=stability_seeds,
        )
    except EvidenceError as e:
        _fail(e)
    console.print(summary)


@app.command()
def run(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders [default: data/raw, the sample corpus]"),
    ] = None,
    db: DbOption = None,
    out: Annotated[
        Path | None, typer.Option(help="Folder for exports and figures [default: beside the db]")
    ] = None,
) -> None:
    """The main job: ingest → extract → themes → exports (factor summaries, gap map)."""
    db_path = _db(db)
    _flows_env(db_path)
    try:
        from flows.run import run_flow

        summary = run_flow(
            paths=[str(p) for p in paths] if paths else None,
            db=str(db_path),
            out_dir=str(out or db_path.parent),
        )
    except EvidenceError as e:
        _fail(e)
    _print_ingest_summary(summary["ingest"])
    for key in ("extract", "themes"):
        console.print(f"[bold]{key}[/]", summary.get(key))
    console.print("[bold]outputs[/]")
    for p in summary.get("outputs", []):
        console.print(f"  {p}", markup=False, highlight=False)


@app.command()
def status(db: DbOption = None) -> None:
    """Counts, last runs, ingest errors and the latest theme metrics."""
    from evidence.store import read_only
    from evidence.store.ingest_io import counts
    from evidence.store.themes_io import latest_theme_metrics

    db_path = _db(db)
    try:
        with read_only(db_path) as con:
            c = counts(con)
            extra = {
                "extracted documents": "SELECT count(*) FROM extracted_documents",
                "extracted values": "SELECT count(*) FROM extractions",
                "study-factor rows": "SELECT count(*) FROM evidence_factors",
                "active corrections": "SELECT count(*) FROM active_corrections",
            }
            for k, sql in extra.items():
                c[k] = con.execute(sql).fetchone()[0]  # type: ignore[index]
            runs = con.execute(
                "SELECT kind, arg_max(run_id, started_at), max(started_at),"
                " arg_max(status, started_at) FROM runs GROUP BY kind ORDER BY kind"
            ).fetchall()
            errors = con.execute(
                "SELECT source_path, message, location FROM evidence_errors"
                " WHERE severity = 'error' ORDER BY source_path LIMIT 50"
            ).fetchall()
            theme_metrics = latest_theme_metrics(con)
    except EvidenceError as e:
        _fail(e)
    t = Table(title=f"evidence database {db_path}", show_header=False)
    for k, v in c.items():
        t.add_row(k.replace("_", " "), str(v))
    console.print(t)
    if runs:
        rt = Table(title="last runs")
        for col in ("stage", "run", "started", "status"):
            rt.add_column(col)
        for r in runs:
            rt.add_row(*(str(x) for x in r))
        console.print(rt)
    if theme_metrics:
        mt = Table(title="latest themes run", show_header=False)
        for k, v in theme_metrics.items():
            mt.add_row(str(k), f"{v:.3f}" if isinstance(v, float) else str(v))
        console.print(mt)
    if errors:
        console.print(f"[bold yellow]{len(errors)} file(s) with errors:[/]")
        for path, msg, loc in errors:
            where = f" ({loc})" if loc else ""
            console.print(f"  ! {path}{where}: {msg}", markup=False, highlight=False)


@app.command()
def sql(
    query: Annotated[
        str, typer.Argument(help='A read-only query, e.g. "SELECT * FROM evidence_studies"')
    ],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="Show at most this many rows.")] = 100,
    csv: Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")] = False,
) -> None:
    """Run a read-only SQL query against the evidence database and print the result."""
    import duckdb

    from evidence.store import read_only

    try:
        with read_only(_db(db)) as con:
            try:
                rel = con.sql(query)
            except duckdb.Error as e:
                raise EvidenceError(
                    f"query failed: {e}",
                    hint="the database is opened read-only; see the README for the views",
                ) from e
            if rel is None:
                console.print("(no result)")
                return
            cols = rel.columns
            rows = rel.limit(limit).fetchall()
    except EvidenceError as e:
        _fail(e)
    if csv:
        import csv as _csv

        w = _csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(rows)
        return
    t = Table(show_lines=False)
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*("" if v is None else str(v) for v in r))
    console.print(t)
    console.print(f"{len(rows)} row(s)" + (f" (limited to {limit})" if len(rows) == limit else ""))


@app.command()
def evaluate(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold annotation YAML files or a folder (tests/devset)")
    ],
    split: Annotated[str, typer.Option(help="tune | heldout | all")] = "all",
    shared: Annotated[
        Path | None, typer.Option(help="Folder holding seeds/ and corpus/ [default: ../shared]")
    ] = None,
    agreement: Annotated[
        bool,
        typer.Option(help="Also print inter-annotator agreement on the double-annotated items."),
    ] = False,
    by_source: Annotated[
        bool,
        typer.Option(help="Also print the figures for each source export separately."),
    ] = False,
) -> None:
    """Precision, recall and F1 per field of the extractor against hand annotations."""
    from evidence.extract import evaluate as ev

    shared_dir = shared or Path(
        os.environ.get("EVIDENCE_SHARED_DIR", get_settings().root.parent / "shared")
    )
    files: list[Path] = []
    for g in gold:
        files.extend(sorted(g.glob("gold_*.yaml")) if g.is_dir() else [g])
    try:
        if by_source:
            for name, rep in ev.evaluate_by_source(
                files, shared_dir=shared_dir, split=split
            ).items():
                console.print(f"source: {name}", markup=False, highlight=False)
                console.print(ev.format_report(rep), markup=False, highlight=False)
        else:
            report = ev.evaluate(files, shared_dir=shared_dir, split=split)
            console.print(ev.format_report(report), markup=False, highlight=False)
        if agreement:
            console.print(ev.agreement(files), markup=False, highlight=False)
    except EvidenceError as e:
        _fail(e)


# reviewer and export commands live beside this file
app.add_typer(export_app, name="export", help="Factor summaries and the evidence-gap map.")
app.add_typer(review_app, name="review", help="Correct extractions; corrections persist.")


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
