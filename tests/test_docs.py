"""Documentation that cannot drift: every command has help and appears in the README."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from evidence.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names: list[str] = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        sub = getattr(cmd, "commands", None)
        names.extend(f"{name} {s}" for s in sub) if sub else names.append(name)
    return sorted(names)


def test_every_command_has_help_and_is_documented() -> None:
    runner = CliRunner()
    commands = _commands()
    assert len(commands) >= 14
    for command in commands:
        result = runner.invoke(app, [*command.split(), "--help"])
        assert result.exit_code == 0 and "Usage" in result.output, command
        top = command.split()[0]
        assert f"evidence {top}" in README, f"`evidence {command}` is not in the README"
        for word in command.split()[1:]:
            assert word in README, f"`evidence {command}` is not in the README"


def test_readme_names_every_public_view() -> None:
    for view in (
        "evidence_documents",
        "evidence_passages",
        "evidence_errors",
        "evidence_studies",
        "evidence_factors",
        "evidence_themes",
        "`evidence`",
    ):
        assert view in README, view
