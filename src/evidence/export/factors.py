"""Factor summaries: per factor, how many studies report it as a risk or protective, and the
best quotes with citations; written as CSV, XLSX (a sheet per area of worklife, one of the
studies and one of factor candidates), Markdown or HTML.

Text cells that start with =, +, - or @ are prefixed with an apostrophe in CSV and XLSX so
that paper text can never run as a spreadsheet formula.
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from evidence.errors import EvidenceError
from evidence.export._query import (
    AREAS,
    Filter,
    Filters,
    area_rank,
    candidate_mentions,
    citation,
    factor_mentions,
    studies,
)
from evidence.store.corrections import neutralise

N_QUOTES = 3
FORMATS = ("csv", "xlsx", "md", "html")
SUMMARY_COLUMNS: tuple[str, ...] = (
    "factor_id", "label", "area", "level", "n_studies", "n_risk", "n_protective", "conflict",
    "designs", "total_participants", "countries", "professions",
    *(c for i in range(1, N_QUOTES + 1) for c in (f"quote_{i}", f"citation_{i}")),
)  # fmt: skip
CANDIDATE_COLUMNS = ("candidate", "n_studies", "n_risk", "n_protective", "quote", "citation")
STUDIES_COLUMNS = ("study_id", "first_author", "year", "title", "doi", "design",
                   "n_participants", "countries", "professions", "n_factors")  # fmt: skip


def _counted(values: list[str]) -> str:
    """'cross_sectional (2), qualitative (1)'."""
    counts = Counter(values)
    return ", ".join(
        f"{v} ({n})" for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )


def _best_quotes(cands: list[dict[str, Any]], *, conflict: bool) -> list[dict[str, Any]]:
    """Up to N_QUOTES quotes from different studies, surest first; both directions if they conflict."""
    ranked = sorted(
        (c for c in cands if c["quote"]),
        key=lambda c: (
            -(c["confidence"] or 0.0),
            c["page"] is None,
            len(c["quote"]),
            c["study_id"],
        ),
    )
    picked: list[dict[str, Any]] = []
    seen: set[str] = set()
    for c in ranked:
        if c["study_id"] not in seen:
            picked.append(c)
            seen.add(c["study_id"])
    if conflict:
        # Make sure each direction is represented among the shown quotes.
        head = picked[:N_QUOTES]
        for direction in ("risk", "protective"):
            if any(c["direction"] == direction for c in head):
                continue
            other = next((c for c in ranked if c["direction"] == direction), None)
            if other is not None:
                head = [*head[: N_QUOTES - 1], other]
        return head
    return picked[:N_QUOTES]


def factor_summary(
    con: duckdb.DuckDBPyConnection,
    *,
    design: Filter = None,
    country: Filter = None,
    profession: Filter = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> pd.DataFrame:
    """One row per factor reported by the matching studies, in area order, most studied first.

    Filters take one value, a comma-separated string or a list (any value matches).
    `conflict` is true when some studies report the factor as a risk and others (or the same
    one) as protective. `total_participants` sums n_participants over the studies that
    report the factor (studies without a stated sample add nothing).
    """
    filters = Filters.of(design=design, country=country, profession=profession,
                         year_from=year_from, year_to=year_to)  # fmt: skip
    rows = studies(con, filters)
    return _summary(rows, factor_mentions(con, [r["study_id"] for r in rows]), filters)


def _summary(
    rows: list[dict[str, Any]], mentions: list[dict[str, Any]], filters: Filters
) -> pd.DataFrame:
    """The factor summary from the matching studies and their factor mentions."""
    study_rows = {s["study_id"]: s for s in rows}
    by_factor: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_factor.setdefault(m["factor_id"], []).append(m)
    records = []
    for factor_id, ms in by_factor.items():
        sids = sorted({m["study_id"] for m in ms})
        risk = {m["study_id"] for m in ms if m["direction"] == "risk"}
        prot = {m["study_id"] for m in ms if m["direction"] == "protective"}
        conflict = bool(risk and prot)
        ss = [study_rows[s] for s in sids]
        n_part = [s["n_participants"] for s in ss if s["n_participants"] is not None]
        rec: dict[str, Any] = {
            "factor_id": factor_id,
            "label": ms[0]["label"],
            "area": ms[0]["area"],
            "level": ms[0]["level"],
            "n_studies": len(sids),
            "n_risk": len(risk),
            "n_protective": len(prot),
            "conflict": conflict,
            "designs": _counted([s["design"] or "unknown" for s in ss]),
            "total_participants": int(sum(n_part)),
            "countries": ", ".join(sorted({c for s in ss for c in s["countries"]})),
            "professions": ", ".join(sorted({p for s in ss for p in s["professions"]})),
        }
        quotes = _best_quotes(ms, conflict=conflict)
        for i in range(N_QUOTES):
            q = quotes[i] if i < len(quotes) else None
            rec[f"quote_{i + 1}"] = q["quote"] if q else None
            rec[f"citation_{i + 1}"] = (
                f"{citation(study_rows[q['study_id']], q['page'])} [{q['direction']}]"
                if q
                else None
            )
        records.append(rec)
    records.sort(key=lambda r: (area_rank(r["area"]), -r["n_studies"], r["label"]))
    df = pd.DataFrame.from_records(records, columns=list(SUMMARY_COLUMNS))
    df.attrs["filters"] = filters.describe()
    df.attrs["n_studies"] = len(study_rows)
    return df


def studies_table(con: duckdb.DuckDBPyConnection, **filters: Any) -> pd.DataFrame:
    """The matching studies (the `studies` sheet): citation data, design, sample, places, people."""
    rows = studies(con, Filters.of(**filters))
    return _studies(rows, factor_mentions(con, [r["study_id"] for r in rows]))


def _studies(rows: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> pd.DataFrame:
    counts = Counter(m["study_id"] for m in mentions)
    recs = [
        {**r, "countries": ", ".join(r["countries"]), "professions": ", ".join(r["professions"]),
         "n_factors": counts.get(r["study_id"], 0)}
        for r in rows
    ]  # fmt: skip
    return pd.DataFrame.from_records(recs, columns=list(STUDIES_COLUMNS))


def candidates_table(con: duckdb.DuckDBPyConnection, **filters: Any) -> pd.DataFrame:
    """Factor-like phrases that no taxonomy factor names (the `candidates` sheet), one row per
    phrase, most studied first, with the most confident quote: for a reviewer to map into the
    taxonomy or dismiss."""
    rows = studies(con, Filters.of(**filters))
    return _candidates(rows, candidate_mentions(con, [r["study_id"] for r in rows]))


def _candidates(rows: list[dict[str, Any]], mentions: list[dict[str, Any]]) -> pd.DataFrame:
    study_rows = {s["study_id"]: s for s in rows}
    by_phrase: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_phrase.setdefault(m["candidate"], []).append(m)
    recs = []
    for phrase, ms in by_phrase.items():
        best = max(ms, key=lambda m: (m["confidence"] or 0.0, -len(m["quote"] or "")))
        recs.append(
            {
                "candidate": phrase,
                "n_studies": len({m["study_id"] for m in ms}),
                "n_risk": len({m["study_id"] for m in ms if m["direction"] == "risk"}),
                "n_protective": len({m["study_id"] for m in ms if m["direction"] == "protective"}),
                "quote": best["quote"],
                "citation": f"{citation(study_rows[best['study_id']], best['page'])}"
                f" [{best['direction']}]",
            }
        )
    recs.sort(key=lambda r: (-r["n_studies"], r["candidate"]))
    return pd.DataFrame.from_records(recs, columns=list(CANDIDATE_COLUMNS))


def _neutralised(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].astype(object).map(neutralise)
    return out


def _write_xlsx(
    summary: pd.DataFrame, study_df: pd.DataFrame, cand_df: pd.DataFrame, out: Path
) -> None:
    from openpyxl.styles import Alignment, Font

    areas = [*AREAS, *sorted(set(summary["area"]) - set(AREAS))]
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for area in areas:
            part = summary[summary["area"] == area]
            _neutralised(part).to_excel(writer, sheet_name=area[:31], index=False)
        _neutralised(study_df).to_excel(writer, sheet_name="studies", index=False)
        _neutralised(cand_df).to_excel(writer, sheet_name="candidates", index=False)
        for ws in writer.book.worksheets:
            ws.freeze_panes = "A2"
            for cell in ws[1]:
                cell.font = Font(bold=True)
            for col in ws.columns:
                header = str(col[0].value or "")
                wide = header.startswith("quote") or header in {"title", "designs", "candidate"}
                ws.column_dimensions[col[0].column_letter].width = 60 if wide else 16
                if wide:
                    for cell in col[1:]:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _md_cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value).replace("|", "\\|").replace("\n", " ")


_TABLE_COLUMNS = ("label", "level", "n_studies", "n_risk", "n_protective", "conflict", "designs",
                  "total_participants", "countries", "professions")  # fmt: skip


def _areas_present(summary: pd.DataFrame) -> list[str]:
    present = set(summary["area"])
    return [a for a in (*AREAS, *sorted(present - set(AREAS))) if a in present]


def _quotes_of(row: pd.Series) -> list[tuple[str, str]]:
    return [
        (str(row[f"quote_{i}"]), str(row[f"citation_{i}"]))
        for i in range(1, N_QUOTES + 1)
        if isinstance(row[f"quote_{i}"], str) and row[f"quote_{i}"]
    ]


def _write_md(summary: pd.DataFrame, out: Path) -> None:
    lines = [
        "# Burnout factors: summary of the evidence",
        "",
        f"Studies: {summary.attrs.get('n_studies', 0)} ({summary.attrs.get('filters', 'all studies')}). "
        "⚠ marks a factor reported as a risk by some studies and as protective by others.",
        "",
    ]
    if summary.empty:
        lines.append("No factor evidence matches these filters.")
    for area in _areas_present(summary):
        part = summary[summary["area"] == area]
        lines += [f"## {area.capitalize()}", ""]
        lines.append("| " + " | ".join(_TABLE_COLUMNS) + " |")
        lines.append("|" + "---|" * len(_TABLE_COLUMNS))
        for _, row in part.iterrows():
            cells = [("⚠ yes" if row[c] else "") if c == "conflict" else _md_cell(row[c])
                     for c in _TABLE_COLUMNS]  # fmt: skip
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
        for _, row in part.iterrows():
            quotes = _quotes_of(row)
            if quotes:
                lines += [f"**{_md_cell(row['label'])}**", ""]
                lines += [f"> “{_md_cell(q)}” — {_md_cell(c)}\n" for q, c in quotes]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin-bottom: 2em; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: #f0f0f0; }
tr.conflict td:first-child::before { content: "⚠ "; color: #b35900; }
blockquote { margin: 0 0 0.4em 0; font-style: italic; }
cite { font-style: normal; color: #555; font-size: 0.9em; }
"""


def _write_html(summary: pd.DataFrame, out: Path) -> None:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>Burnout factors: summary of the evidence</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Burnout factors: summary of the evidence</h1>",
        f"<p>Studies: {summary.attrs.get('n_studies', 0)} "
        f"({e(str(summary.attrs.get('filters', 'all studies')))}). ⚠ marks a factor reported as "
        "a risk by some studies and as protective by others.</p>",
    ]
    if summary.empty:
        parts.append("<p>No factor evidence matches these filters.</p>")
    for area in _areas_present(summary):
        part = summary[summary["area"] == area]
        parts.append(f"<h2>{e(area.capitalize())}</h2><table><thead><tr>")
        parts += [f"<th>{e(c)}</th>" for c in (*_TABLE_COLUMNS, "quotes")]
        parts.append("</tr></thead><tbody>")
        for _, row in part.iterrows():
            cls = ' class="conflict"' if row["conflict"] else ""
            cells = [
                f"<td>{'yes' if row[c] else ''}</td>" if c == "conflict"
                else f"<td>{e(_md_cell(row[c]))}</td>"
                for c in _TABLE_COLUMNS
            ]  # fmt: skip
            quotes = "".join(
                f"<blockquote>“{e(q)}”</blockquote><cite>{e(c)}</cite>" for q, c in _quotes_of(row)
            )
            parts.append(f"<tr{cls}>{''.join(cells)}<td>{quotes}</td></tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    out.write_text("\n".join(parts) + "\n", encoding="utf-8")


def export_factors(con: duckdb.DuckDBPyConnection, *, fmt: str, out: Path, **filters: Any) -> Path:
    """Write the factor summary as csv, xlsx, md or html to `out`; filters as in factor_summary."""
    fmt = fmt.lower().lstrip(".")
    if fmt == "markdown":
        fmt = "md"
    if fmt not in FORMATS:
        raise EvidenceError(
            f"unknown export format {fmt!r}", hint="use one of: " + ", ".join(FORMATS)
        )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    f = Filters.of(**filters)
    rows = studies(con, f)  # once, for every sheet
    ids = [r["study_id"] for r in rows]
    mentions = factor_mentions(con, ids)
    summary = _summary(rows, mentions, f)
    try:
        if fmt == "csv":
            _neutralised(summary).to_csv(out, index=False, encoding="utf-8")
        elif fmt == "xlsx":
            _write_xlsx(
                summary,
                _studies(rows, mentions),
                _candidates(rows, candidate_mentions(con, ids)),
                out,
            )
        elif fmt == "md":
            _write_md(summary, out)
        else:
            _write_html(summary, out)
    except OSError as e:
        raise EvidenceError(f"cannot write the export: {e}", path=str(out)) from e
    return out


__all__ = [
    "FORMATS",
    "SUMMARY_COLUMNS",
    "candidates_table",
    "export_factors",
    "factor_summary",
    "studies_table",
]
