# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 3. Evidence-gap map
#
# Factors × professions and factors × countries: each cell counts the studies reporting the
# factor. Empty cells are gaps, a single study is thin evidence, and ± marks cells where
# studies disagree on the direction (risk vs protective). `evidence export map` writes the
# same maps as PNG and HTML.

# %%
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from evidence.export import gap_matrix
from evidence.store import read_only

DB = Path(os.environ.get("EVIDENCE_DB", "../data/processed/evidence.duckdb"))
if not DB.exists() and not DB.is_absolute():
    DB = Path("data/processed/evidence.duckdb")
with read_only(DB) as con:
    by_profession = gap_matrix(con, by="profession")
    by_country = gap_matrix(con, by="country")
print(f"{len(by_profession)} factor × profession cells, {len(by_country)} factor × country cells")


# %%
def heatmap(long: pd.DataFrame, title: str, max_rows: int = 30) -> pd.DataFrame:
    """Plot the busiest factors as rows; return the wide table of study counts."""
    if long.empty:
        fig, ax = plt.subplots(figsize=(6, 2))
        ax.text(0.5, 0.5, "no factor evidence yet", ha="center", va="center")
        ax.set_axis_off()
        ax.set_title(title)
        plt.show()
        return pd.DataFrame()
    counts = long.pivot_table(
        index="label", columns="column", values="n_studies", aggfunc="sum", fill_value=0
    )
    conflict = long.pivot_table(
        index="label", columns="column", values="conflict", aggfunc="max", fill_value=False
    )
    rows = counts.sum(axis=1).sort_values(ascending=False).index[:max_rows]
    cols = counts.sum(axis=0).sort_values(ascending=False).index
    counts, conflict = (
        counts.loc[rows, cols],
        conflict.reindex(index=rows, columns=cols, fill_value=False),
    )
    fig, ax = plt.subplots(figsize=(2.5 + 0.5 * len(cols), 1.5 + 0.3 * len(rows)))
    data = counts.to_numpy(dtype=float)
    im = ax.imshow(
        pd.DataFrame(data).where(data > 0).to_numpy(),
        cmap="Blues",
        vmin=0,
        vmax=max(data.max(), 1),
        aspect="auto",
    )
    ax.set_facecolor("#f0f0f0")
    for i in range(data.shape[0]):
        for j in range(data.shape[1]):
            if data[i, j]:
                mark = "±" if bool(conflict.iat[i, j]) else ""
                ax.text(j, i, f"{int(data[i, j])}{mark}", ha="center", va="center", fontsize=7)
    ax.set_xticks(range(len(cols)), labels=list(cols), rotation=45, ha="right")
    ax.set_yticks(range(len(rows)), labels=list(rows), fontsize=8)
    fig.colorbar(im, ax=ax, label="studies", shrink=0.6)
    ax.set_title(title)
    plt.show()
    return counts


# %% [markdown]
# ## Factors × professions

# %%
heatmap(by_profession, "Studies per factor and profession")

# %% [markdown]
# ## Factors × countries

# %%
heatmap(by_country, "Studies per factor and country")

# %% [markdown]
# ## Where evidence is thin or conflicting
#
# Cells backed by a single study, and cells where studies disagree on the direction.

# %%
cells = pd.concat(
    [by_profession.assign(dimension="profession"), by_country.assign(dimension="country")],
    ignore_index=True,
)
thin = cells[cells["n_studies"] == 1] if not cells.empty else cells
conflicting = cells[cells["conflict"].astype(bool)] if not cells.empty else cells
print(f"{len(thin)} thin cells (one study), {len(conflicting)} conflicting cells")
conflicting.reindex(columns=["dimension", "label", "column", "n_studies", "n_risk", "n_protective"])

# %%
gaps = (
    by_profession.groupby("column")["factor_id"].nunique().sort_values()
    if not by_profession.empty
    else pd.Series(dtype=int)
)
print("Factors studied per profession (fewest first):")
display(gaps)
