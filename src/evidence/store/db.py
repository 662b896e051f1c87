"""Open the DuckDB file, apply numbered migrations, and keep writes short.

DuckDB lets one process write a file, or many read it. Writers therefore open the file
only for the length of one transaction (`transaction()`), so notebooks can open it
read-only (`read_only()`) between writes; a reader that meets a write in progress gets
`DatabaseBusyError` with a clear message instead of a lock traceback.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb

from evidence.errors import DatabaseBusyError, StoreError

_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text or "being used" in text


def connect(
    db_path: str | Path,
    *,
    read_only: bool = False,
    wait_s: float = 10.0,
    migrate_schema: bool = True,
) -> duckdb.DuckDBPyConnection:
    """Open the database (creating it and applying migrations when writable).

    Waits up to `wait_s` for another process's write to finish, then raises
    DatabaseBusyError naming the file.
    """
    path = Path(db_path)
    if read_only and not path.exists():
        raise StoreError(
            "no evidence database here yet",
            path=str(path),
            hint="run `evidence ingest` (or `evidence run`) first, or pass --db PATH",
        )
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_s
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.Error as e:
            if not _is_lock_error(e):
                raise StoreError(
                    f"cannot open the database: {e}",
                    path=str(path),
                    hint="is it a DuckDB file written by a compatible DuckDB version?",
                ) from e
            if time.monotonic() >= deadline:
                raise DatabaseBusyError(
                    "the database is being written by another process right now",
                    path=str(path),
                    hint="wait for the running ingest/extract/themes step to finish, then retry",
                ) from e
            time.sleep(delay)
            delay = min(delay * 2, 0.5)
    if not read_only and migrate_schema:
        migrate(con)
    return con


def migrations() -> list[tuple[int, str, str]]:
    """All packaged migrations as (version, name, sql), in order."""
    found: list[tuple[int, str, str]] = []
    pkg = resources.files("evidence.store") / "migrations"
    for entry in pkg.iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(versions) != len(set(versions)):
        raise StoreError(
            "two migrations share a number", hint="renumber src/evidence/store/migrations"
        )
    return found


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration not yet recorded, each in its own transaction. Returns versions applied."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    done = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied: list[int] = []
    for version, name, sql in migrations():
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, now()])
            con.execute("COMMIT")
        except Exception as e:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {version:03d}_{name}.sql failed: {e}") from e
        applied.append(version)
    return applied


@contextmanager
def transaction(db_path: str | Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short write: open, BEGIN, yield, COMMIT (ROLLBACK on error), close."""
    con = connect(db_path)
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    finally:
        con.close()


@contextmanager
def read_only(db_path: str | Path, *, wait_s: float = 10.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection for notebooks, exports and `evidence sql`."""
    con = connect(db_path, read_only=True, wait_s=wait_s)
    try:
        yield con
    finally:
        con.close()
