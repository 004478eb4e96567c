"""The court cabinet, where executive documents reach the bailiff: the list of new (accepted, returned) documents
page by page, a document's card (a structured document's details; for a text or scanned one only its file), the
file itself, and the bailiff's answer: accepted for enforcement, or returned with the reason. Signs in with
ORYNDA_COURT_CABINET_USER/PASSWORD.

Accepting and returning are safe to redo: the card is read first, and a document already accepted (or returned) is
not asked again, so a step retried after a lost answer does not fail on its own first try."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from playwright.async_api import expect

from domain.records import CabinetCard, CabinetDocument
from orynda.errors import InvalidInput
from orynda.site.base import Look, action, text_or_empty
from orynda.site.parsing import parse_date
from orynda.site.signing import Row, SignedInBot

LIST, CARD = "list", "card"
STATUSES = ("new", "accepted", "returned")
_ROW_CELLS = ["number", "received", "kind", "form", "language", "status"]
_CARD_FIELDS = ["number", "kind", "form", "language", "received", "status", "reason"]
_READ_DETAILS = """sels => Object.fromEntries(sels.flatMap(s => [...document.querySelectorAll(s)])
  .filter(el => el.dataset.field).map(el => [el.dataset.field, el.textContent.trim()]))"""
_READ_ACTS = """sels => [...new Set(sels.flatMap(s => [...document.querySelectorAll(s)])
  .map(el => el.dataset.sha256).filter(Boolean))]"""


class CourtCabinetBot(SignedInBot):
    site = "court_cabinet"

    @action
    async def list_documents(
        self, status: str = "new", *, on_page: Callable[[int, list[CabinetDocument]], None] | None = None
    ) -> list[CabinetDocument]:
        """Every document of the status (new by default; "" for all), oldest received first, across the pages;
        `on_page` gets each page as soon as it is read."""
        if status and status not in STATUSES:
            raise InvalidInput(f"the court cabinet has no status {status!r}", site=self.site, page=LIST)
        pages: dict[int, list[CabinetDocument]] = {}

        def take(number: int, documents: list[CabinetDocument]) -> None:
            pages[number] = documents
            if on_page:
                on_page(number, documents)

        await self.signed_in(lambda: self._list(status, max([0, *pages]), take))
        return [document for number in sorted(pages) for document in pages[number]]

    @action
    async def read_document(self, number: str) -> CabinetCard:
        """The document's card: its kind, form, language and status, and a structured document's details."""
        return await self.signed_in(lambda: self._read(number))

    @action
    async def download_document(self, number: str, path: Path) -> Path:
        """The document's PDF as the cabinet gives it, saved at `path` (the run's evidence)."""
        return await self.signed_in(lambda: self._download(number, path))

    @action
    async def accept(self, number: str) -> CabinetCard:
        """Accepts the document for enforcement; one accepted already is left as it is. The card after."""
        return await self.signed_in(lambda: self._decide(number, "accepted", ""))

    @action
    async def return_document(self, number: str, reason: str, acts: Sequence[Path] = ()) -> CabinetCard:
        """Returns the document to its issuer with the reason and the act of return (PDFs) attached; one returned
        already is left as it is. The card shows the SHA-256 of each act attached (CabinetCard.acts)."""
        if not reason.strip():
            raise InvalidInput(f"a document is returned with its reason: none given for {number}", site=self.site)
        return await self.signed_in(lambda: self._decide(number, "returned", reason.strip(), tuple(acts)))

    async def probe_signed_in(self, look: Look) -> None:
        """The list of new documents, then the first one's card; reads only."""
        await self.visit(LIST, status="new")
        if await self.outcome(LIST, ["results", "no_results"]) == "no_results":
            return
        await look(LIST)
        number = (await self.el(LIST, "number").inner_text()).strip()
        await self._open(number)
        await look(CARD)

    # --- steps -----------------------------------------------------------------------------------------------
    async def _list(self, status: str, skip: int, take: Callable[[int, list[CabinetDocument]], None]) -> None:
        await self.visit(LIST, status=status)
        if await self.outcome(LIST, ["results", "no_results"]) == "no_results":
            return
        while True:
            number = int((await self.el(LIST, "page_number").inner_text()).strip())
            if number > skip:
                take(number, [self._row(row) for row in await self.read_rows(LIST, "row", _ROW_CELLS)])
            if await self.el(LIST, "next_page").is_disabled():
                return
            async with self.page.expect_navigation(wait_until="domcontentloaded", timeout=self.timeout):
                await self.press(LIST, "next_page")
            await self.outcome(LIST, ["results"])
            await expect(self.el(LIST, "page_number")).to_have_text(str(number + 1), timeout=self.timeout)

    async def _open(self, number: str) -> None:
        await self.visit(CARD, number)
        if await self.outcome(CARD, ["card", "not_found"]) == "not_found":
            raise InvalidInput(f"the court cabinet shows no document {number}", site=self.site, page=CARD)

    async def _read(self, number: str) -> CabinetCard:
        await self._open(number)
        return await self._card()

    async def _card(self) -> CabinetCard:
        text = {name: text_or_empty(value) for name, value in (await self.read_fields(CARD, _CARD_FIELDS)).items()}
        details: dict[str, str] | None = None
        if await self.el(CARD, "details").count():
            details = await self.page.evaluate(_READ_DETAILS, self.locators.candidates(CARD, "detail"))
        acts: list[str] = []
        if await self.el(CARD, "acts").count():
            acts = await self.page.evaluate(_READ_ACTS, self.locators.candidates(CARD, "act_file"))
        return CabinetCard(
            number=text["number"],
            received=parse_date(text["received"]),
            kind=self._code(text["kind"]),
            form=self._code(text["form"]),
            language=self._code(text["language"]),
            status=self._code(text["status"]),
            reason=text["reason"],
            details=details,
            acts=tuple(acts),
        )

    async def _download(self, number: str, path: Path) -> Path:
        await self._open(number)
        data = await self.download(CARD, "download")
        if not data.startswith(b"%PDF-"):
            raise InvalidInput(f"the court cabinet's file of {number} is not a PDF", site=self.site, page=CARD)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    async def _decide(self, number: str, outcome: str, reason: str, acts: tuple[Path, ...] = ()) -> CabinetCard:
        await self._open(number)
        card = await self._card()
        if card.status == outcome:
            return card  # done before: a lost answer, a rerun
        if card.status != "new":
            raise InvalidInput(
                f"the court cabinet shows {number} {card.status}: it cannot be {outcome} now",
                site=self.site,
                page=CARD,
            )
        if outcome == "returned":
            await self.el(CARD, "return_reason").fill(reason)
            if acts:
                await self.el(CARD, "return_act").set_input_files(list(acts))
        async with self.page.expect_navigation(wait_until="domcontentloaded", timeout=self.timeout):
            await self.press(CARD, "accept_button" if outcome == "accepted" else "return_button")
        shown = await self.outcome(CARD, ["accepted_done", "returned_done", "refused"])
        if shown == "refused":
            code = await self.el(CARD, "refused").get_attribute("data-code")
            raise InvalidInput(f"the court cabinet refused to mark {number} {outcome}: {code}", site=self.site)
        return await self._card()

    # --- records ---------------------------------------------------------------------------------------------
    def _row(self, row: Row) -> CabinetDocument:
        text = {name: text_or_empty(value) for name, value in row.items()}
        return CabinetDocument(
            number=text["number"],
            received=parse_date(text["received"]),
            kind=self._code(text["kind"]),
            form=self._code(text["form"]),
            language=self._code(text["language"]),
            status=self._code(text["status"]),
        )

    def _code(self, label: str | None) -> str:
        """The site's label as its code ('Жаңа' → 'new'); an unknown label is kept as shown."""
        return self.word(label) or text_or_empty(label)
