"""The factor taxonomy as the themes stage sees it (read from the package data YAML)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from evidence.errors import LexiconError
from evidence.records import Factor

TAXONOMY_FILE = "extract/data/factors.yaml"


@lru_cache(maxsize=1)
def package_factors() -> tuple[Factor, ...]:
    """Every factor in src/evidence/extract/data/factors.yaml."""
    path = resources.files("evidence") / TAXONOMY_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: list[Factor] = []
    for i, item in enumerate(data.get("factors", []), start=1):
        try:
            out.append(
                Factor(
                    factor_id=item["id"],
                    label=item["label"],
                    definition=item.get("definition", ""),
                    area=item["area"],
                    level=item["level"],
                    default_direction=item.get("default_direction", "unclear"),
                    surface_forms=[str(f) for f in item.get("forms", [])],
                )
            )
        except KeyError as e:
            raise LexiconError(
                f"factor {i} lacks the key {e}",
                path=str(path),
                location=f"factor {i}",
                hint="every factor needs id, label, area and level",
            ) from e
    return tuple(out)


def seed_text(f: Factor) -> str:
    """The text a factor is embedded as, for zero-shot seeding and nearest-factor labels."""
    return f"{f.label}: {f.definition}"
