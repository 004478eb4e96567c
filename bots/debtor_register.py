"""The Unified Register of Debtors: look a debtor up by IIN or by name and read the card."""

from __future__ import annotations

from playwright.async_api import expect

from domain.records import Bailiff, CreditorCategory, DebtorSummary, RegisterDebtor, RegisterProceeding
from orynda.errors import SiteUnavailable
from orynda.site.base import Look, SiteBot, action, text_or_empty
from orynda.site.parsing import parse_amount, parse_date

_CARD_CELLS = ["number", "date", "bailiff", "region", "phone", "category", "amount", "exit_ban"]
_ROW_CELLS = ["row_iin", "row_name", "row_count", "row_total", "row_exit_ban"]


class DebtorRegisterBot(SiteBot):
    site = "debtor_register"

    @action
    async def find_debtor(self, iin: str) -> RegisterDebtor | None:
        """The debtor's card with every proceeding, or None when the register has no such IIN."""
        if not await self._search_iin(iin):
            return None
        await self.el("search", "row_link").click()
        return await self._read_card(iin)

    async def probe(self, look: Look) -> None:
        """The search page on load, the answer for the probe IIN (the result table) and its card; reads only."""
        await self.open("search")
        await self.page.wait_for_load_state("load", timeout=self.timeout)
        await look("search", self.locators.checked_elements("search"))
        if not self.settings.probe or not await self._search_iin(self.settings.probe):
            return
        await look("search")
        await self.el("search", "row_link").click()
        if await self.first_visible("card", ["proceeding_row", "error"]) == "proceeding_row":
            await look("card")

    async def _search_iin(self, iin: str) -> bool:
        """Looks an IIN up from a fresh search page: True when the register shows it, False for 'not found'."""
        await self.open("search")
        await self.el("search", "iin_input").fill(iin)
        await self.el("search", "submit").click()
        return await self._results() != "not_found"

    @action
    async def search_by_name(self, surname: str, first_name: str = "") -> list[DebtorSummary]:
        """Every match of a name, following the pager to the last page."""
        await self.open("search")
        await self.el("search", "surname_input").fill(surname)
        await self.el("search", "first_name_input").fill(first_name)
        await self.el("search", "submit").click()
        if await self._results() == "not_found":
            return []
        found: list[DebtorSummary] = []
        while True:
            found += [self._summary(row) for row in await self.read_rows("search", "result_row", _ROW_CELLS)]
            next_page = self.el("search", "next_page")
            if await next_page.is_disabled():
                return found
            info = await self.el("search", "page_info").inner_text()
            await next_page.click()
            await expect(self.el("search", "page_info")).not_to_have_text(info, timeout=self.timeout)
            await self._results()

    async def _results(self) -> str:
        shown = await self.first_visible("search", ["results", "not_found", "error"])
        if shown == "error":
            raise SiteUnavailable("register shows its error banner", site=self.site, page="search")
        return shown

    async def _read_card(self, iin: str) -> RegisterDebtor:
        shown = await self.first_visible("card", ["proceeding_row", "error"])
        if shown == "error":
            raise SiteUnavailable("register card shows its error banner", site=self.site, page="card")
        await expect(self.el("card", "debtor_iin")).to_have_text(iin, timeout=self.timeout)
        rows = await self.read_rows("card", "proceeding_row", _CARD_CELLS)
        name = await self.el("card", "debtor_name").inner_text()
        return RegisterDebtor(iin=iin, name=name.strip(), proceedings=tuple(self._proceeding(r) for r in rows))

    def _proceeding(self, row: dict[str, str | None]) -> RegisterProceeding:
        bailiff = Bailiff(
            name=text_or_empty(row["bailiff"]), region=text_or_empty(row["region"]), phone=text_or_empty(row["phone"])
        )
        return RegisterProceeding(
            number=text_or_empty(row["number"]),
            opened=parse_date(text_or_empty(row["date"])),
            bailiff=bailiff,
            category=self._category(row["category"]),
            amount=parse_amount(text_or_empty(row["amount"])),
            exit_ban=self.word(row["exit_ban"]) == "yes",
        )

    def _category(self, text: str | None) -> CreditorCategory:
        word = self.word(text) or ""
        return CreditorCategory(word) if word in CreditorCategory._value2member_map_ else CreditorCategory.OTHER

    def _summary(self, row: dict[str, str | None]) -> DebtorSummary:
        return DebtorSummary(
            iin=text_or_empty(row["row_iin"]),
            name=text_or_empty(row["row_name"]),
            proceedings=int(text_or_empty(row["row_count"]) or 0),
            total=parse_amount(text_or_empty(row["row_total"])),
            exit_ban=self.word(row["row_exit_ban"]) == "yes",
        )
