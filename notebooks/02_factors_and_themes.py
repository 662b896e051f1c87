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
# # 2. Factors and themes
#
# How often each burnout factor is reported as a risk or as protective, by area of worklife
# (Maslach & Leiter) and level; the themes found across passages and the factors in them;
# and quotes with their citations. Reads the public views (`evidence_factors`,
# `evidence_themes`) read-only; `evidence export factors` writes the same summary to
# CSV/XLSX/Markdown/HTML.

# %%
import os
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

from evidence.export import factor_summary
from evidence.store import read_only

DB = Path(os.environ.get("EVIDENCE_DB", "../data/processed/evidence.duckdb"))
if not DB.exists() and not DB.is_absolute():
    DB = Path("data/processed/evidence.duckdb")
pd.set_option("display.max_colwidth", 120)

with read_only(DB) as con:
    mentions = con.execute(
        "SELECT study_id, factor_id, factor_label, coalesce(area, 'unmapped') AS area,"
        " coalesce(level, 'unmapped') AS level, direction, n_mentions, best_quote, page"
        " FROM evidence_factors"
    ).df()
    summary = factor_summary(con)
    has_themes = bool(
        con.execute(
            "SELECT count(*) FROM duckdb_views() WHERE view_name = 'evidence_themes'"
        ).fetchone()[0]
    )
    themes = con.execute("SELECT * FROM evidence_themes").df() if has_themes else pd.DataFrame()
print(
    f"{len(mentions)} (study, factor, direction) rows; {summary.shape[0]} factors; "
    f"{len(themes)} themes"
)

# %% [markdown]
# ## Factor frequencies by direction
#
# Number of studies reporting each factor as a risk and as protective. ⚠ marks factors where
# studies disagree on the direction.

# %%
top = summary.sort_values("n_studies", ascending=False).head(25).iloc[::-1]
fig, ax = plt.subplots(figsize=(8, max(2.5, 0.32 * len(top) + 1)))
if top.empty:
    ax.text(0.5, 0.5, "no factor evidence yet", ha="center", va="center")
    ax.set_axis_off()
else:
    labels = [
        ("⚠ " if c else "") + lab for lab, c in zip(top["label"], top["conflict"], strict=True)
    ]
    ax.barh(labels, top["n_risk"], color="#d95f02", label="risk")
    ax.barh(labels, top["n_protective"], left=top["n_risk"], color="#1b9e77", label="protective")
    ax.set_xlabel("studies")
    ax.legend()
ax.set_title("Factors by direction (top 25)")
plt.show()

# %%
summary[
    [
        "label",
        "area",
        "level",
        "n_studies",
        "n_risk",
        "n_protective",
        "conflict",
        "designs",
        "total_participants",
    ]
]

# %% [markdown]
# ## By area of worklife and level

# %%
if mentions.empty:
    by_area = pd.DataFrame(columns=["risk", "protective"])
else:
    by_area = (
        mentions.drop_duplicates(["study_id", "factor_id", "direction"])
        .pivot_table(
            index="area", columns="direction", values="study_id", aggfunc="nunique", fill_value=0
        )
        .reindex(columns=["risk", "protective"], fill_value=0)
    )
fig, ax = plt.subplots(figsize=(7, 3))
if by_area.empty:
    ax.text(0.5, 0.5, "no factor evidence yet", ha="center", va="center")
    ax.set_axis_off()
else:
    by_area.plot.bar(ax=ax, color=["#d95f02", "#1b9e77"], rot=0)
    ax.set_ylabel("studies")
ax.set_title("Studies reporting a factor, by area of worklife")
plt.show()
display(by_area)

# %%
if mentions.empty:
    by_level = pd.DataFrame()
else:
    by_level = pd.crosstab(mentions["level"], mentions["direction"])
display(by_level)

# %% [markdown]
# ## Themes and their factors
#
# Themes come from clustering passages (BERTopic); the view is empty until
# `evidence themes` has run.

# %%
if themes.empty:
    print("No themes yet: run `evidence themes` to build them.")
else:
    cols = [
        c
        for c in ("theme_id", "label", "keywords", "n_passages", "n_studies", "top_factors")
        if c in themes.columns
    ]
    display(themes[cols])

# %%
if not themes.empty and "n_studies" in themes.columns:
    t = themes.sort_values("n_studies").tail(20)
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.3 * len(t) + 1)))
    ax.barh(t["label"].astype(str), t["n_studies"], color="#7570b3")
    ax.set_xlabel("studies")
    ax.set_title("Themes by number of studies")
    plt.show()

# %% [markdown]
# ## Quotes
#
# The best-supported quotes for the most reported factors, with first author, year, DOI and page.

# %%
for _, row in summary.sort_values("n_studies", ascending=False).head(10).iterrows():
    print(f"\n{row['label']}  ({row['n_risk']} risk / {row['n_protective']} protective)")
    for i in (1, 2, 3):
        if isinstance(row[f"quote_{i}"], str):
            print(f"  “{row[f'quote_{i}']}” — {row[f'citation_{i}']}")
if summary.empty:
    print("No quotes yet.")
