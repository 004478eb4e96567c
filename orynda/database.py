"""The one data-access seam: engines are made here (schema in place, SQLite tuned) and every transaction opens here.

The store, the document register, the leases and the scheduler's fires all take an engine and use `transaction`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session

from orynda.schema import Base


def make_engine(url: str) -> Engine:
    """An engine with the schema in place; SQLite in WAL mode so a report can read while a run writes."""
    engine = create_engine(url)
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        event.listen(engine, "connect", _sqlite_pragmas)
    Base.metadata.create_all(engine)
    return engine


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """One unit of work, committed on exit (rolled back on error); what it returns stays readable afterwards."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        yield session


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
