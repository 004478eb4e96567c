"""The databases the store is tested on: SQLite (the embedded default) and PostgreSQL (a server on the machine,
`$ORYNDA_TEST_POSTGRES`, default postgres@127.0.0.1:5432), each test on a database of its own."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import Pool

POSTGRES = os.environ.get("ORYNDA_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
KINDS = ("sqlite", "postgresql")


@contextmanager
def fresh_database(kind: str, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database of that kind, dropped afterwards (with whatever still holds it open)."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'orynda.db'}"
        return
    name = f"orynda_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    opened: list[Any] = []  # the test's connections, closed here: its engines are never disposed

    def remember(dbapi_connection: Any, _record: Any) -> None:
        opened.append(dbapi_connection)

    event.listen(Pool, "connect", remember)
    try:
        yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        event.remove(Pool, "connect", remember)
        for connection in opened:
            connection.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
