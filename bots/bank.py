"""A bank's portal for bailiffs: the debtor's accounts, balances and arrests. One bot for every bank; each bank's
layout lives in its selector file (bank_sandyq: a table, bank_qazyna: cards) under the same element names."""

from __future__ import annotations

from domain.records import BankAccount
from orynda.site.base import action, text_or_empty
from orynda.site.parsing import parse_amount
from orynda.site.signing import Row, SignedInBot

_CELLS = ["iban", "currency", "balance", "arrest"]


class BankBot(SignedInBot):
    @action
    async def accounts(self, iin: str) -> list[BankAccount]:
        """Every account the client holds in this bank; empty when the bank has no such client."""
        return await self.signed_in(lambda: self._accounts(iin))

    async def _accounts(self, iin: str) -> list[BankAccount]:
        if not await self.search(iin):
            return []
        return [self._account(row) for row in await self.read_rows("search", "row", _CELLS)]

    def _account(self, row: Row) -> BankAccount:
        return BankAccount(
            bank=self.site,
            iban=text_or_empty(row["iban"]),
            currency=text_or_empty(row["currency"]),
            balance=parse_amount(text_or_empty(row["balance"])),
            arrested=self.word(row["arrest"]) == "yes",
        )


class SandyqBankBot(BankBot):
    site = "bank_sandyq"


class QazynaBankBot(BankBot):
    site = "bank_qazyna"
