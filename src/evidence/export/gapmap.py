"""Evidence-gap map: factors × professions and factors × countries.

Each cell counts the studies that report the factor for that profession (or country); empty
and single-study cells show where evidence is missing or thin, and ± marks cells where studies
disagree (some report the factor as a risk, others as protective). Written as PNG
(matplotlib) and as one self-contained HTML page (no scripts, works offline).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from evidence.errors import EvidenceError
from evidence.export._query import (
    Filter,
    Filters,
    area_rank,
    factor_mentions,
    studies,
    taxonomy,
)

DIMENSIONS = {"profession": "professions", "country": "countries"}
NOT_STATED = "(not stated)"
GAP_COLUMNS = ("factor_id", "label", "area", "column", "n_studies", "n_risk", "n_protective",
               "conflict")  # fmt: skip


def gap_matrix(
    con: duckdb.DuckDBPyConnection,
    *,
    by: str = "profession",
    design: Filter = None,
    country: Filter = None,
    profession: Filter = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> pd.DataFrame:
    """Long table: one row per (factor, profession|country) with studies, risk, protective, conflict.

    Studies that state no profession (country) are counted under "(not stated)".
    """
    if by not in DIMENSIONS:
        raise EvidenceError(f"unknown gap-map dimension {by!r}", hint="use profession or country")
    filters = Filters.of(design=design, country=country, profession=profession,
                         year_from=year_from, year_to=year_to)  # fmt: skip
    study_rows = {s["study_id"]: s for s in studies(con, filters)}
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for m in factor_mentions(con, list(study_rows)):
        cols = study_rows[m["study_id"]][DIMENSIONS[by]] or [NOT_STATED]
        for col in cols:
            cell = cells.setdefault(
                (m["factor_id"], col),
                {"factor_id": m["factor_id"], "label": m["label"], "area": m["area"],
                 "column": col, "studies": set(), "risk": set(), "protective": set()},
            )  # fmt: skip
            cell["studies"].add(m["study_id"])
            cell[m["direction"]].add(m["study_id"])
    recs = [
        {**{k: c[k] for k in ("factor_id", "label", "area", "column")},
         "n_studies": len(c["studies"]), "n_risk": len(c["risk"]),
         "n_protective": len(c["protective"]), "conflict": bool(c["risk"] and c["protective"])}
        for c in cells.values()
    ]  # fmt: skip
    recs.sort(key=lambda r: (area_rank(r["area"]), r["label"], r["column"]))
    return pd.DataFrame.from_records(recs, columns=list(GAP_COLUMNS))


def _grid(con: duckdb.DuckDBPyConnection, long: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Wide matrices (studies, conflict): every taxonomy factor as a row, busiest columns first."""
    rows = taxonomy(con)
    known = {r["factor_id"] for r in rows}
    for fid, grp in long.groupby("factor_id", sort=True):
        if fid not in known:  # a factor id the taxonomy lacks still shows
            rows.append(
                {"factor_id": fid, "label": grp["label"].iloc[0], "area": grp["area"].iloc[0]}
            )
    rows.sort(key=lambda r: (area_rank(r["area"]), r["label"]))
    index = pd.MultiIndex.from_tuples(
        [(r["area"], r["label"]) for r in rows], names=["area", "factor"]
    )
    totals = long.groupby("column")["n_studies"].sum().sort_values(ascending=False, kind="stable")
    columns = [c for c in totals.index if c != NOT_STATED]
    if NOT_STATED in totals.index:
        columns.append(NOT_STATED)
    counts = pd.DataFrame(0, index=index, columns=columns, dtype=int)
    conflict = pd.DataFrame(False, index=index, columns=columns, dtype=bool)
    label_of = {r["factor_id"]: (r["area"], r["label"]) for r in rows}
    for rec in long.itertuples(index=False):
        key = label_of[rec.factor_id]
        counts.loc[key, rec.column] = rec.n_studies
        conflict.loc[key, rec.column] = rec.conflict
    return counts, conflict


def _png(counts: pd.DataFrame, conflict: pd.DataFrame, *, title: str, out: Path) -> None:
    n_rows, n_cols = counts.shape
    fig = Figure(figsize=(6.5 + 0.55 * max(n_cols, 3), 2.2 + 0.24 * max(n_rows, 4)))
    ax = fig.add_subplot()
    if n_cols == 0 or n_rows == 0:
        ax.text(0.5, 0.5, "No factor evidence yet", ha="center", va="center", fontsize=14)
        ax.set_axis_off()
    else:
        data = counts.to_numpy(dtype=float)
        vmax = max(float(data.max()), 3.0)  # one study stays pale: thin
        masked = pd.DataFrame(data).where(data > 0).to_numpy()
        ax.set_facecolor("#f7f7f7")
        im = ax.imshow(masked, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
        for i in range(n_rows):
            for j in range(n_cols):
                n = int(data[i, j])
                if n == 0:
                    continue
                mark = "±" if conflict.iat[i, j] else ""
                ax.text(j, i, f"{n}{mark}", ha="center", va="center", fontsize=7,
                        color="white" if n > vmax * 0.6 else "black")  # fmt: skip
                if mark:
                    ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, fill=False,
                                           edgecolor="#d95f02", linewidth=1.5))  # fmt: skip
        ax.set_xticks(
            range(n_cols), labels=list(counts.columns), rotation=45, ha="right", fontsize=8
        )
        ax.set_yticks(range(n_rows), labels=[f"{lab} [{area}]" for area, lab in counts.index],
                      fontsize=7)  # fmt: skip
        bar = fig.colorbar(im, ax=ax, label="studies", shrink=0.5)
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
        ax.set_xlabel(
            "grey: no studies (gap) · 1: thin\n± in orange box: reported as risk and as protective"
        )
    ax.set_title(title)
    fig.savefig(out, dpi=120, bbox_inches="tight")


def _shade(n: int, vmax: int) -> str:
    if n <= 0:
        return "#f7f7f7"
    t = 0.2 + 0.8 * (n / max(vmax, 1))
    lo, hi = (222, 235, 247), (8, 81, 156)
    rgb = tuple(round(a + (b - a) * t) for a, b in zip(lo, hi, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _html_table(counts: pd.DataFrame, conflict: pd.DataFrame, long: pd.DataFrame) -> str:
    e = html.escape
    if counts.shape[1] == 0:
        return "<p>No factor evidence yet.</p>"
    detail = {(r.label, r.column): r for r in long.itertuples(index=False)}
    vmax = max(int(counts.to_numpy().max()) if counts.size else 0, 3)
    out = ["<table><thead><tr><th>area</th><th>factor</th>"]
    out += [f"<th class='col'>{e(str(c))}</th>" for c in counts.columns]
    out.append("</tr></thead><tbody>")
    for (area, label), row in counts.iterrows():
        out.append(f"<tr><td>{e(str(area))}</td><th>{e(str(label))}</th>")
        for col, n in row.items():
            n = int(n)
            d = detail.get((label, col))
            tip = (f"{n} studies: {d.n_risk} risk, {d.n_protective} protective" if d is not None
                   else "no studies")  # fmt: skip
            mark = "±" if conflict.loc[(area, label), col] else ""
            cls = " class='conflict'" if mark else ""
            fg = "#fff" if n > vmax * 0.6 else "#000"
            text = f"{n}{mark}" if n else ""
            out.append(f"<td{cls} style='background:{_shade(n, vmax)};color:{fg}' "
                       f"title='{e(tip)}'>{text}</td>")  # fmt: skip
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; font-size: 0.8em; margin-bottom: 2em; }
th, td { border: 1px solid #ddd; padding: 2px 6px; text-align: left; }
td { text-align: center; min-width: 2.2em; }
td:first-child { text-align: left; color: #666; }
th.col { writing-mode: vertical-rl; transform: rotate(180deg); }
td.conflict { outline: 2px solid #d95f02; outline-offset: -2px; font-weight: bold; }
"""


def export_gap_map(
    con: duckdb.DuckDBPyConnection,
    *,
    out_dir: Path,
    design: Filter = None,
    country: Filter = None,
    profession: Filter = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> list[Path]:
    """Write gap_map_professions.png, gap_map_countries.png and gap_map.html to `out_dir`."""
    filters: dict[str, Any] = {"design": design, "country": country, "profession": profession,
                               "year_from": year_from, "year_to": year_to}  # fmt: skip
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    sections = []
    for by, plural in DIMENSIONS.items():
        long = gap_matrix(con, by=by, **filters)
        counts, conflict = _grid(con, long)
        png = out_dir / f"gap_map_{plural}.png"
        _png(counts, conflict, title=f"Evidence-gap map: factors × {plural}", out=png)
        written.append(png)
        sections.append(f"<h2>Factors × {plural}</h2>" + _html_table(counts, conflict, long))
    desc = html.escape(Filters.of(**filters).describe())
    page = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Evidence-gap map</title><style>{_CSS}</style></head><body>"
        f"<h1>Evidence-gap map</h1><p>{desc}. Each cell counts the studies reporting the "
        "factor; empty cells are gaps, 1 is thin evidence, ± (orange box) marks studies that "
        "disagree on the direction (risk vs protective). Hover a cell for details.</p>"
        + "".join(sections)
        + "</body></html>\n"
    )
    html_path = out_dir / "gap_map.html"
    html_path.write_text(page, encoding="utf-8")
    written.append(html_path)
    return written


__all__ = ["export_gap_map", "gap_matrix"]
