"""ENPF, the pension fund's portal for bailiffs: the last twelve months of mandatory contributions by IIN."""

from __future__ import annotations

import datetime as dt

from domain.records import Contribution
from orynda.site.base import action, text_or_empty
from orynda.site.parsing import parse_amount
from orynda.site.signing import Row, SignedInBot

_CELLS = ["month", "employer_bin", "employer_name", "amount"]


class EnpfBot(SignedInBot):
    site = "enpf"

    @action
    async def contributions(self, iin: str) -> list[Contribution]:
        """Every contribution row on every page of the statement; empty when the fund has none."""
        return await self.signed_in(lambda: self._statement(iin))

    async def _statement(self, iin: str) -> list[Contribution]:
        if not await self.search(iin):
            return []
        return [_contribution(row) for row in await self.read_pages("search", "row", _CELLS)]


def _contribution(row: Row) -> Contribution:
    month, year = text_or_empty(row["month"]).split(".")
    return Contribution(
        month=dt.date(int(year), int(month), 1),
        employer_bin=text_or_empty(row["employer_bin"]),
        employer_name=text_or_empty(row["employer_name"]),
        amount=parse_amount(text_or_empty(row["amount"])),
    )
