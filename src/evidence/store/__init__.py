"""DuckDB evidence store: connect(), numbered SQL migrations, the public views."""

from evidence.store.db import connect, migrate, read_only, transaction

__all__ = ["connect", "migrate", "read_only", "transaction"]
