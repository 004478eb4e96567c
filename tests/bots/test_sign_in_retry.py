"""A sign-in is several requests: one that meets a system fault is tried again on its own (sites.<site>.sign_in_faults)
before the step that needed it is run again; a refused sign-in is never tried again. A bot on a page stand-in."""

from __future__ import annotations

import asyncio

import pytest

from orynda.config import RetrySettings, SiteSettings
from orynda.errors import ConfigError, OryndaError, SiteTimeout, SiteUnavailable
from orynda.site.signing import SignedInBot, SignedOut


class Page:
    """What a bot asks of its page before it works: its timeouts and its events."""

    def set_default_timeout(self, ms: float) -> None: ...

    def set_default_navigation_timeout(self, ms: float) -> None: ...

    def on(self, event: str, handler: object) -> None: ...


class Portal(SignedInBot):
    """Signed out at first; each sign-in meets the next of `faults` (None: it works)."""

    site = "enpf"

    def __init__(self, faults: list[OryndaError | None]) -> None:
        policy = RetrySettings(attempts=3, initial_s=0, max_s=0)
        super().__init__(Page(), SiteSettings(sign_in_faults=policy))  # type: ignore[arg-type]
        self.faults, self.sign_ins, self.signed = faults, 0, False

    async def sign_in(self) -> None:
        self.sign_ins += 1
        fault = self.faults.pop(0) if self.faults else None
        if fault is not None:
            raise fault
        self.signed = True

    async def step(self) -> str:
        if not self.signed:
            raise SignedOut
        return "statement"


@pytest.mark.parametrize(
    ("faults", "outcome", "sign_ins"),
    [
        ([None], "statement", 1),
        ([SiteUnavailable("enpf answered HTTP 503 on login"), None], "statement", 2),
        ([SiteTimeout("enpf.sign-in: timed out"), SiteUnavailable("enpf: HTTP 503"), None], "statement", 3),
        ([SiteUnavailable("enpf: HTTP 503")] * 3, SiteUnavailable, 3),  # the policy's three tries, then the fault
        ([ConfigError("enpf refused the sign-in: wrong password"), None], ConfigError, 1),  # refused: not again
    ],
)
def test_a_sign_in_retries_its_own_faults(
    faults: list[OryndaError | None], outcome: str | type[Exception], sign_ins: int
) -> None:
    portal = Portal(faults)
    if isinstance(outcome, str):
        assert asyncio.run(portal.signed_in(portal.step)) == outcome
    else:
        with pytest.raises(outcome):
            asyncio.run(portal.signed_in(portal.step))
    assert portal.sign_ins == sign_ins
