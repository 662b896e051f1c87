"""The burnout factor taxonomy (package data ``data/factors.yaml``) as records.Factor."""

from __future__ import annotations

from evidence.extract.lexicon import load_factor_specs
from evidence.records import Direction, Factor


def load_taxonomy() -> list[Factor]:
    """Every canonical factor with its surface forms; raises LexiconError on a bad file."""
    out: list[Factor] = []
    for spec in load_factor_specs():
        direction: Direction = spec.default_direction  # type: ignore[assignment]
        out.append(
            Factor(
                factor_id=spec.factor_id,
                label=spec.label,
                definition=spec.definition,
                area=spec.area,
                level=spec.level,
                default_direction=direction,
                surface_forms=list(spec.forms),
            )
        )
    return out
