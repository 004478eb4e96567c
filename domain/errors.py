"""The domain's exceptions: business outcomes, never retried (the engine retries system faults only).

DomainError (ValueError)
 ├── InvalidAmount      money that is not a finite Decimal tenge amount (float, NaN, negative where forbidden)
 ├── OutsideData        a date the bundled tables in domain/data do not cover: says which table and which date
 └── UnknownRule        the law's value is not known or not confirmed (confidence M or ? in domain/data)
"""

from __future__ import annotations

import datetime as dt


class DomainError(ValueError):
    """A rule or calculation cannot be applied to this input; retrying will not help."""


class InvalidAmount(DomainError):
    """Not a valid tenge amount."""


class OutsideData(DomainError):
    """The bundled tables do not cover this date: `what` (e.g. "base rate") is missing in `table` on `on`.

    The message names both, e.g. "base rate: no value before 16.01.2023 in domain/data/base_rate.yaml", so the
    person who reads it knows which file to extend; the attributes let a caller word it in Kazakh or Russian.
    """

    def __init__(self, message: str, *, what: str = "", table: str = "", on: dt.date | None = None) -> None:
        super().__init__(message)
        self.what, self.table, self.on = what, table, on


class UnknownRule(DomainError):
    """The rule's value is unknown or unconfirmed (confidence M or ? in domain/data); the data file says why."""

    def __init__(self, message: str, *, what: str = "", table: str = "", on: dt.date | None = None) -> None:
        super().__init__(message)
        self.what, self.table, self.on = what, table, on
