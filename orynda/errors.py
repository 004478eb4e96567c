"""Orynda's exceptions: business outcomes are final, system faults are retried.

OryndaError
├── BusinessException          not retried: the item is answered, just not the way we hoped
│   └── InvalidInput           a bad row or field (names it)
├── SystemException            retried with backoff, then reported with evidence
│   ├── SiteTimeout
│   ├── SiteUnavailable        HTTP 5xx, dropped connection, site down
│   ├── SessionExpired
│   ├── BrowserCrashed
│   ├── ElementMissing         a loaded page lacks an element (the site changed): retried once, named
│   ├── StepFailed             one step with a site failed after its own retries: not retried again
│   └── RegistriesMissing      some registries failed after their own retries: partial result, not retried again
├── ConfigError                stops the run before any browser starts (file, key, line)
└── PreflightFailed            the pre-flight found elements missing on a site's pages: no run is started
"""

from __future__ import annotations

from typing import Any

from orynda.masking import mask_text


class OryndaError(Exception):
    """Base of every Orynda error; its text never carries a raw IIN."""

    kind = "error"

    def __init__(self, message: str, *, site: str | None = None, page: str | None = None, **context: Any) -> None:
        super().__init__(mask_text(message))
        self.site = site
        self.page = page
        self.context = context

    @property
    def code(self) -> str:
        return type(self).__name__


class BusinessException(OryndaError):
    kind = "business"

    def __init__(
        self, message: str, *, findings: list[Any] | None = None, fields: dict[str, Any] | None = None, **kw: Any
    ) -> None:
        super().__init__(message, **kw)
        self.findings = findings or []
        self.fields = fields or {}


class InvalidInput(BusinessException):
    pass


class SystemException(OryndaError):
    kind = "system"


class SiteTimeout(SystemException):
    pass


class SiteUnavailable(SystemException):
    pass


class SessionExpired(SystemException):
    pass


class BrowserCrashed(SystemException):
    pass


class ElementMissing(SystemException):
    """A page that finished loading has none of an element's candidate selectors: its layout changed. Retried once
    (a page drawn late may still show it), never four times like a slow site."""

    def __init__(self, site: str, page: str, element: str, candidates: tuple[str, ...]) -> None:
        tried = ", ".join(repr(c) for c in candidates)
        super().__init__(
            f"{site}: page {page!r} has no element {element!r} (tried {tried})", site=site, page=page, element=element
        )
        self.element = element
        self.candidates = candidates


class StepFailed(SystemException):
    """One exchange with a site (read a card, upload, register an action) kept failing through its own retries;
    the message names the step. Its code is the fault's own (SiteUnavailable, SiteTimeout…), so the report says
    what went wrong and the message says where."""

    def __init__(self, site: str, step: str, fault: SystemException, attempts: int) -> None:
        super().__init__(f"{site}: {step}: {fault} (after {attempts} attempt(s))", site=site, page=fault.page)
        self.step, self.fault, self.attempts = step, fault, attempts

    @property
    def code(self) -> str:
        return self.fault.code


class RegistriesMissing(SystemException):
    """Some registries stayed down after their retries (`missing`); what the others said is kept with the item."""

    def __init__(
        self,
        message: str,
        *,
        missing: tuple[str, ...] = (),
        findings: list[Any] | None = None,
        fields: dict[str, Any] | None = None,
        **kw: Any,
    ) -> None:
        super().__init__(message, **kw)
        self.missing = missing
        self.findings = findings or []
        self.fields = fields or {}


class ConfigError(OryndaError):
    kind = "config"


class PreflightFailed(OryndaError):
    """Elements of a flow's sites that the pre-flight did not find (site, page, element): the run is not started,
    since a bot would act on a page it no longer knows."""

    def __init__(self, missing: list[tuple[str, str, str]]) -> None:
        named = ", ".join(f"{site}.{page}.{element}" for site, page, element in missing)
        super().__init__(
            f"pre-flight: {len(missing)} element(s) missing: {named}", site=missing[0][0] if missing else None
        )
        self.missing = missing


# Declared once, as data: what the runner retries. Playwright's own errors are mapped to these in orynda/site/base.py.
RETRIED: tuple[type[BaseException], ...] = (SystemException,)
FINAL: tuple[type[BaseException], ...] = (RegistriesMissing, StepFailed)  # already retried where they failed


def is_retried(exc: BaseException) -> bool:
    return isinstance(exc, RETRIED) and not isinstance(exc, FINAL)
