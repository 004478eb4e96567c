"""ENPF, the pension fund's portal for bailiffs: the last twelve months of mandatory contributions by IIN."""

from __future__ import annotations

import datetime as dt

from playwright.async_api import expect

from domain.records import Contribution
from orynda.site.base import action, text_or_empty
from orynda.site.parsing import parse_amount
from orynda.site.signing import Row, SignedInBot

_CELLS = ["month", "employer_bin", "employer_name", "amount"]
_MARK = "row => { row.style.outline = '3px solid #c62828'; row.style.background = '#ffebee'; }"  # the cited row


class EnpfBot(SignedInBot):
    site = "enpf"

    @action
    async def contributions(self, iin: str) -> list[Contribution]:
        """Every contribution row on every page of the statement; empty when the fund has none."""
        return await self.signed_in(lambda: self._statement(iin))

    async def _statement(self, iin: str) -> list[Contribution]:
        if not await self.search(iin):
            return []
        found = [_contribution(row) for row in await self.read_pages("search", "row", _CELLS)]
        await self._show_newest(iin, found)
        return found

    async def _show_newest(self, iin: str, found: list[Contribution]) -> None:
        """Leaves the page with the newest contribution on screen, its row marked: that row names the employer a
        finding cites, so the screenshot kept as its evidence shows it (not the last page read)."""
        newest = found.index(max(found, key=lambda c: c.month))
        await self.search(iin)  # back to the statement's first page
        start = 0
        while True:
            rows = self.all("search", "row")
            count = await rows.count()
            if newest < start + count:
                await rows.nth(newest - start).evaluate(_MARK)
                return
            start += count
            number = int((await self.el("search", "page_number").inner_text()).strip())
            await self.press("search", "next_page")
            await self.page_outcome("search", ["results"])
            await expect(self.el("search", "page_number")).to_have_text(str(number + 1), timeout=self.timeout)


def _contribution(row: Row) -> Contribution:
    month, year = text_or_empty(row["month"]).split(".")
    return Contribution(
        month=dt.date(int(year), int(month), 1),
        employer_bin=text_or_empty(row["employer_bin"]),
        employer_name=text_or_empty(row["employer_name"]),
        amount=parse_amount(text_or_empty(row["amount"])),
    )
