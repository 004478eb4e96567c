"""How bots get into the registries behind a login, and stay in while a night goes on.

Two ways in: a user name and password typed into the site's form (AIS EP, ENPF, the banks), or an EDS key that
signs the site's challenge (eGov, E-Salyq) through a `Signer`. `KeyFileSigner` drives the page's key-file form (the
sandbox's stand-in for NCALayer); a real NCALayer signer implements the same one-method protocol.

Sessions end while a run goes on. A step that finds itself signed out (sent to the login page, or shown the
session-expired dialog) raises `SignedOut`, and `SignedInBot.signed_in` signs in again and runs the whole step once
more. The step is redone rather than the dialog dismissed by a locator handler: the dialog comes after the page has
lost its state (filters, the page of a list), so carrying on where it stood could read the wrong rows.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Protocol, TypeVar
from urllib.parse import quote, urlencode, urlparse

from playwright.async_api import expect
from pydantic import SecretStr

from orynda.errors import ConfigError, InvalidInput, SessionExpired, SiteUnavailable
from orynda.retrying import async_retrying, log_sign_in
from orynda.secrets import credentials, secret
from orynda.site.base import Look, SiteBot

R = TypeVar("R")
Row = dict[str, str | None]


class SignedOut(Exception):
    """The site signed the bot out mid-step; never leaves `SignedInBot.signed_in`."""


class Signer(Protocol):
    async def sign(self, bot: SiteBot) -> None:
        """On the bot's login page: has the site's challenge signed with the key and submits."""


@dataclass(frozen=True)
class KeyFileSigner:
    """Signs with a key file and its password through the site's own key-file form."""

    key_path: Path
    password: SecretStr

    @classmethod
    def from_secrets(cls, *names: str) -> KeyFileSigner:
        """The first of ORYNDA_<NAME>_KEY_FILE / ORYNDA_<NAME>_KEY_PASSWORD that is set, in the order given."""
        for name in names:
            path, password = secret(f"ORYNDA_{name}_KEY_FILE"), secret(f"ORYNDA_{name}_KEY_PASSWORD")
            if path and password:
                return cls(Path(path), SecretStr(password))
        wanted = " or ".join(f"ORYNDA_{n}_KEY_FILE and ORYNDA_{n}_KEY_PASSWORD" for n in names)
        raise ConfigError(f"no signing key: set {wanted}")

    async def sign(self, bot: SiteBot) -> None:
        async with bot.private():  # the key, its password and the signing requests stay out of the trace
            await bot.el("login", "key_file").set_input_files(self.key_path)
            await bot.el("login", "key_password").fill(self.password.get_secret_value())
            await bot.el("login", "submit").click()


class SignedInBot(SiteBot):
    """A registry behind a password login: signs in when the site asks, and again when the session ran idle."""

    async def signed_in(self, step: Callable[[], Awaitable[R]]) -> R:
        """Runs a step from its start; signed out meanwhile, signs in and runs it again (the site's sign_in_retry)."""
        policy = async_retrying(
            self.settings.sign_in_retry, retried=lambda exc: isinstance(exc, SignedOut), before_sleep=log_sign_in
        )
        try:
            async for attempt in policy:
                with attempt:
                    if attempt.retry_state.attempt_number > 1:
                        await self._sign_in_again()
                    return await step()
        except SignedOut:
            raise SessionExpired(f"{self.site}: still signed out after signing in again", site=self.site) from None
        raise AssertionError("unreachable")  # pragma: no cover

    async def _sign_in_again(self) -> None:
        """A sign-in is several requests (the form, the post or the key's challenge and check, the page after): one
        that meets a system fault is tried again on its own (the site's sign_in_faults), so a fault there does not
        spend the step's own retries. A refused sign-in (ConfigError) is never tried again."""
        async for attempt in async_retrying(self.settings.sign_in_faults):
            with attempt:
                await self.sign_in()

    async def sign_in(self) -> None:
        """Signs in on a page that is never traced (`private`); the bot's own page then carries the session."""
        async with self.private():
            await self.open("login")
            await self.submit_login()
            shown = await self.first_visible("login", ["signed_in", "failed", *self._login_error()])
            if shown == "failed":
                reason = (await self.el("login", "failed").inner_text()).strip()
                raise ConfigError(f"{self.site} refused the sign-in: {reason}", site=self.site, page="login")
            if shown == "error":
                raise SiteUnavailable(f"{self.site} shows its error banner at sign-in", site=self.site, page="login")
            await self.remember_session()

    async def submit_login(self) -> None:
        """Types the login on the login page; sign_in runs it on an untraced page."""
        login = credentials(self.site)
        async with self.private():
            await self.el("login", "username").fill(login.user)
            await self.el("login", "password").fill(login.password.get_secret_value())
            await self.el("login", "submit").click()

    async def probe(self, look: Look) -> None:
        """The login page, signed in (the page after it shows `signed_in`), then the pages behind the login."""
        await self.open("login")
        await self.page.wait_for_load_state("load", timeout=self.timeout)
        await look("login", self.locators.checked_elements("login"))
        await self.sign_in()
        await look("login", only=["signed_in"])
        await self.probe_signed_in(look)

    async def probe_signed_in(self, look: Look) -> None:
        """The search page on load, then showing the answer for the site's probe IIN (its table or fields)."""
        await self.visit("search")
        await self.page.wait_for_load_state("load", timeout=self.timeout)
        await look("search", self.locators.checked_elements("search"))
        if self.settings.probe:
            await self.search(self.settings.probe)
            await look("search")

    # --- steps ---------------------------------------------------------------------------------------------
    async def visit(self, page: str, item: str = "", **query: str) -> None:
        """Opens a page (`item` appended to its path); a 5xx is a system fault, a login page or dialog SignedOut."""
        address = (
            self.url(page) + (f"/{quote(item, safe='')}" if item else "") + (f"?{urlencode(query)}" if query else "")
        )
        response = await self.page.goto(address, wait_until="domcontentloaded", timeout=self.timeout)
        if response is not None and response.status >= 500:
            raise SiteUnavailable(f"{self.site} answered HTTP {response.status} on {page}", site=self.site, page=page)
        if urlparse(self.page.url).path == urlparse(self.url("login")).path:
            raise SignedOut
        if await self.el(page, "session_expired").is_visible():
            raise SignedOut

    async def showing(self, page: str) -> bool:
        """Whether the browser is on this page, signed in and ready for input, so it need not be loaded again."""
        if urlparse(self.page.url).path != urlparse(self.url(page)).path:
            return False
        return not await self.el(page, "session_expired").is_visible() and await self.el(page, "iin_input").is_visible()

    async def hide(self, page: str, elements: list[str]) -> None:
        """Hides elements that show an answer, in one round trip, so the next one shown is new."""
        known = self.locators.elements(page)
        selectors = [css for name in elements if name in known for css in known[name]]
        await self.page.evaluate(
            "sels => sels.forEach(s => document.querySelectorAll(s).forEach(el => { el.hidden = true; }))", selectors
        )

    async def download(self, page: str, element: str) -> bytes:
        """Clicks a download link as a person would and returns the file the browser received. A download the
        browser gave up on is asked about once more without the browser, to tell an expired session (SignedOut,
        so the step is redone after signing in) from a site fault."""
        async with self.page.expect_download(timeout=self.timeout) as started:
            await self.press(page, element)
        download = await started.value
        if (failure := await download.failure()) is None:
            return (await download.path()).read_bytes()
        answer = await self.page.context.request.get(download.url, max_redirects=0, timeout=self.timeout)
        if (
            answer.status in (401, 403)
            or urlparse(answer.headers.get("location", "")).path == urlparse(self.url("login")).path
        ):
            raise SignedOut
        raise SiteUnavailable(f"{self.site}: download {failure} (HTTP {answer.status})", site=self.site, page=page)

    async def outcome(self, page: str, elements: list[str]) -> str:
        """Which of the elements shows first; the session-expired dialog and the error banner are raised."""
        shown = await self.first_visible(page, ["session_expired", "error", *elements])
        if shown == "session_expired":
            raise SignedOut
        if shown == "error":
            raise SiteUnavailable(f"{self.site} shows its error banner", site=self.site, page=page)
        return shown

    async def search(self, iin: str) -> bool:
        """Looks an IIN up on the search page: True when the site shows results, False for 'no data'.

        Within an item the search page is loaded once and then reused (each site has its own page), so further
        lookups cost one request each instead of a page load each; between items the engine empties the page, so
        no debtor's answer is still on it in the next one's evidence. The previous answer is hidden before
        submitting, so the answer read is this IIN's and never the last one's."""
        if not await self.showing("search"):
            await self.visit("search")
        await self.hide("search", ["results", "not_found", "invalid_iin", "error"])
        await self.el("search", "iin_input").fill(iin)
        await self.press("search", "submit")
        shown = await self.page_outcome("search", ["results", "not_found", "invalid_iin"])
        if shown == "invalid_iin":
            raise InvalidInput(f"{self.site} rejects IIN {iin}", site=self.site, page="search", fields={"iin": iin})
        return shown == "results"

    async def read_pages(self, page: str, row: str, cells: list[str]) -> list[Row]:
        """The rows of every page of a list, following 'next' to the last page."""
        rows: list[Row] = []
        while True:
            rows += await self.read_rows(page, row, cells)
            next_page = self.el(page, "next_page")
            if await next_page.is_disabled():
                return rows
            number = int((await self.el(page, "page_number").inner_text()).strip())
            await self.press(page, "next_page")
            await self.page_outcome(page, ["results"])
            await expect(self.el(page, "page_number")).to_have_text(str(number + 1), timeout=self.timeout)

    async def page_outcome(self, page: str, elements: list[str]) -> str:
        """`outcome` for one page of a list (a search's answer, a card), retried on its own: when the site shows its
        error banner, its retry button asks again (the `page_retry` policy), so one fault on page 60 does not re-read
        pages 1–59 and one lost answer does not cost the step a try. A page without a `retry` element in its
        selector file is not retried here."""
        policy = self.settings.page_retry
        if "retry" not in self.locators.elements(page):
            policy = policy.model_copy(update={"attempts": 1})
        try:
            async for attempt in async_retrying(policy, retried=lambda e: isinstance(e, SiteUnavailable)):
                with attempt:
                    if attempt.retry_state.attempt_number > 1:
                        await self.press(page, "retry")
                    return await self.outcome(page, elements)
        except SiteUnavailable as exc:
            raise SiteUnavailable(
                f"{self.site}: page {page!r} shows the error banner after {policy.attempts} attempt(s)",
                site=self.site,
                page=page,
            ) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _login_error(self) -> list[str]:
        return ["error"] if "error" in self.locators.elements("login") else []


class KeySignedBot(SignedInBot):
    """A registry entered with an EDS key: the signer answers the site's challenge instead of a password."""

    key_secrets: ClassVar[tuple[str, ...]] = ("EGOV",)
    signer: Signer | None = None  # set to use another signer (NCALayer); else a key file from the secrets

    async def submit_login(self) -> None:
        if self.signer is None:
            self.signer = KeyFileSigner.from_secrets(*self.key_secrets)
        await self.signer.sign(self)
