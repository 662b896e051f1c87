"""Factor summaries and evidence-gap maps, read from the public views; writer chosen by format."""

from evidence.export.factors import candidates_table, export_factors, factor_summary
from evidence.export.gapmap import export_gap_map, gap_matrix

__all__ = [
    "candidates_table",
    "export_factors",
    "export_gap_map",
    "factor_summary",
    "gap_matrix",
]
