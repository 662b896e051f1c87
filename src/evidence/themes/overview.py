"""HTML (plotly, self-contained) and PNG (matplotlib) overview of a theme run."""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np

from evidence.themes.types import OUTLIER, ThemeResult


def _short(label: str, n: int = 60) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def write_overview(
    result: ThemeResult, out_dir: Path, *, stem: str = "themes_overview"
) -> tuple[Path, Path]:
    """Write <stem>.html and <stem>.png: theme map (position = similarity, size = passages) and sizes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    themes = [t for t in result.themes if t.theme_id != OUTLIER]
    return _html(result, themes, out_dir / f"{stem}.html"), _png(
        result, themes, out_dir / f"{stem}.png"
    )


def _html(result: ThemeResult, themes: list, path: Path) -> Path:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.55, 0.45],
        subplot_titles=("Themes by similarity (closer = more alike)", "Passages per theme"),
    )
    sizes = np.array([t.n_passages for t in themes], dtype=float)
    marker = 12 + 40 * np.sqrt(sizes / sizes.max()) if len(sizes) else sizes
    hover = [
        f"<b>{html.escape(t.label)}</b><br>{t.n_passages} passages, {t.n_studies} studies<br>"
        f"keywords: {html.escape(', '.join(t.keywords[:8]))}<br>"
        + "<br>".join(
            f"“{html.escape(_short(q.text, 90))}” ({html.escape(q.citation)})" for q in t.quotes[:2]
        )
        for t in themes
    ]
    fig.add_trace(
        go.Scatter(
            x=[t.x for t in themes],
            y=[t.y for t in themes],
            mode="markers+text",
            text=[str(t.theme_id) for t in themes],
            hovertext=hover,
            hoverinfo="text",
            marker={
                "size": marker,
                "color": ["#d95f02" if t.seeded else "#1b9e77" for t in themes],
                "opacity": 0.7,
            },
            showlegend=False,
        ),
        row=1,
        col=1,
    )
    top = themes[:30][::-1]
    fig.add_trace(
        go.Bar(
            x=[t.n_passages for t in top],
            y=[f"{t.theme_id}: {_short(t.label, 45)}" for t in top],
            orientation="h",
            marker_color=["#d95f02" if t.seeded else "#1b9e77" for t in top],
            showlegend=False,
        ),
        row=1,
        col=2,
    )
    m = result.metrics
    fig.update_layout(
        height=max(600, 22 * len(top) + 150),
        width=1400,
        title=(
            f"{len(themes)} themes over {m.get('n_passages')} passages · orange = taxonomy-seeded · "
            f"c_v {m.get('c_v', float('nan')):.2f} · diversity {m.get('diversity', float('nan')):.2f} · "
            f"outliers {100 * m.get('outlier_share', 0):.1f}% · model {result.model_id} · seed {result.seed}"
        ),
    )
    fig.write_html(
        str(path), include_plotlyjs=True, full_html=True
    )  # self-contained: works offline
    return path


def _png(result: ThemeResult, themes: list, path: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    top = themes[:25]
    fig, (ax1, ax2) = plt.subplots(
        1, 2, figsize=(18, max(6, 0.35 * len(top) + 2)), gridspec_kw={"width_ratios": [1, 1.2]}
    )
    if themes:
        sizes = np.array([t.n_passages for t in themes], dtype=float)
        colors = ["#d95f02" if t.seeded else "#1b9e77" for t in themes]
        ax1.scatter(
            [t.x for t in themes],
            [t.y for t in themes],
            s=60 + 1500 * sizes / sizes.max(),
            c=colors,
            alpha=0.6,
            edgecolors="k",
            linewidths=0.5,
        )
        for t in themes:
            ax1.annotate(str(t.theme_id), (t.x, t.y), ha="center", va="center", fontsize=8)
    ax1.set_title("Themes by similarity (size = passages; orange = taxonomy-seeded)")
    ax1.set_xticks([])
    ax1.set_yticks([])
    ax2.barh(
        [f"{t.theme_id}: {_short(t.label, 70)}" for t in top][::-1],
        [t.n_passages for t in top][::-1],
        color=["#d95f02" if t.seeded else "#1b9e77" for t in top][::-1],
    )
    ax2.tick_params(axis="y", labelsize=8)
    ax2.set_xlabel("passages")
    m = result.metrics
    fig.suptitle(
        f"{len(themes)} themes · {m.get('n_passages')} passages · c_v {m.get('c_v', float('nan')):.2f} · "
        f"outliers {100 * m.get('outlier_share', 0):.1f}%"
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
