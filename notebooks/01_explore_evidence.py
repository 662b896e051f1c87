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
# # 1. Explore the evidence
#
# Which studies are in the evidence base: their designs, years, countries, professions and
# sample sizes. Everything is read from the public views (`evidence_studies`) through a
# read-only connection, so reviewer corrections are already applied.
#
# Set `EVIDENCE_DB` to read another database (default `data/processed/evidence.duckdb`).

# %%
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from evidence.store import read_only

DB = Path(os.environ.get("EVIDENCE_DB", "../data/processed/evidence.duckdb"))
if not DB.exists() and not DB.is_absolute():
    DB = Path("data/processed/evidence.duckdb")
with read_only(DB) as con:
    studies = con.execute(
        "SELECT study_id, first_author, year, title, doi, design, n_participants, n_interviews,"
        " n_focus_groups, n_sites, response_rate, countries, populations, care_settings"
        " FROM evidence_studies ORDER BY year, first_author"
    ).df()
print(f"{len(studies)} studies in {DB}")
studies.head(10)


# %%
def bar(counts: pd.Series, title: str, xlabel: str = "studies") -> None:
    """Horizontal bar chart that says so when there is nothing to show."""
    _fig, ax = plt.subplots(figsize=(7, max(2.0, 0.3 * len(counts) + 1)))
    if counts.empty:
        ax.text(0.5, 0.5, "no data yet", ha="center", va="center")
        ax.set_axis_off()
    else:
        counts.sort_values().plot.barh(ax=ax, color="#3182bd")
        ax.set_xlabel(xlabel)
    ax.set_title(title)
    plt.show()


def explode(col: str) -> pd.Series:
    """One row per (study, list item) for a list column such as countries."""
    s = studies[["study_id", col]].explode(col)[col].dropna()
    return s.astype(str)


# %% [markdown]
# ## Study designs

# %%
designs = studies["design"].fillna("unknown").value_counts()
bar(designs, "Studies by design")
designs.to_frame("studies")

# %% [markdown]
# ## Publication years

# %%
years = studies["year"].dropna().astype(int).value_counts().sort_index()
fig, ax = plt.subplots(figsize=(7, 3))
if years.empty:
    ax.text(0.5, 0.5, "no data yet", ha="center", va="center")
    ax.set_axis_off()
else:
    ax.bar(years.index.astype(str), years.values, color="#3182bd")
    ax.set_ylabel("studies")
ax.set_title("Studies by publication year")
plt.show()

# %% [markdown]
# ## Countries and professions
#
# A study can cover several countries and professions, so the counts add up to more than
# the number of studies. Studies that state none are counted as "not stated".

# %%
countries = explode("countries").value_counts()
n_no_country = int((studies["countries"].map(len) == 0).sum()) if len(studies) else 0
if n_no_country:
    countries["not stated"] = n_no_country
bar(countries.head(25), "Studies by country (top 25)")

# %%
professions = explode("populations").value_counts()
n_no_prof = int((studies["populations"].map(len) == 0).sum()) if len(studies) else 0
if n_no_prof:
    professions["not stated"] = n_no_prof
bar(professions, "Studies by profession")

# %%
settings = explode("care_settings").value_counts()
bar(settings, "Studies by care setting")

# %% [markdown]
# ## Sample sizes
#
# Participants analysed (surveys: respondents). Reviews and protocols have no sample.

# %%
n = studies["n_participants"].dropna()
print(f"{len(n)} of {len(studies)} studies state a sample size")
if len(n):
    print(
        f"median {n.median():.0f}, IQR {n.quantile(0.25):.0f}–{n.quantile(0.75):.0f}, "
        f"total {int(n.sum())}"
    )
fig, ax = plt.subplots(figsize=(7, 3))
if n.empty:
    ax.text(0.5, 0.5, "no sample sizes yet", ha="center", va="center")
    ax.set_axis_off()
else:
    ax.hist(n.clip(lower=1), bins=20, log=False, color="#3182bd")
    ax.set_xlabel("participants")
    ax.set_ylabel("studies")
ax.set_title("Sample sizes")
plt.show()

# %%
by_design = (
    studies.assign(design=studies["design"].fillna("unknown"))
    .groupby("design")["n_participants"]
    .agg(studies="size", with_sample="count", median="median", total="sum")
)
display(by_design)

# %% [markdown]
# ## Qualitative samples

# %%
studies.loc[
    studies[["n_interviews", "n_focus_groups"]].notna().any(axis=1),
    ["first_author", "year", "design", "n_interviews", "n_focus_groups", "n_sites"],
]
