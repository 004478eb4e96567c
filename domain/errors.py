"""The domain's exceptions: business outcomes, never retried (the engine retries system faults only).

DomainError (ValueError)
 ├── InvalidAmount      money that is not a finite Decimal tenge amount (float, NaN, negative where forbidden)
 ├── OutsideData        a date or value the bundled tables in domain/data do not cover
 └── UnknownRule        the law's value is not known (confidence ? in domain/data); the data file says so
"""

from __future__ import annotations


class DomainError(ValueError):
    """A rule or calculation cannot be applied to this input; retrying will not help."""


class InvalidAmount(DomainError):
    """Not a valid tenge amount."""


class OutsideData(DomainError):
    """The bundled tables do not cover this date or value."""


class UnknownRule(DomainError):
    """The rule's value is unknown (confidence ? in domain/data); correct domain/data before relying on it."""
