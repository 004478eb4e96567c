"""E-Salyq, the tax cabinet: a taxpayer's debts and overpayments by IIN, and the certificate as a PDF."""

from __future__ import annotations

from domain.records import Download, TaxStatus
from orynda.site.base import action, text_or_empty
from orynda.site.parsing import parse_amount
from orynda.site.signing import KeySignedBot

_FIELDS = ["iin_shown", "name", "employer_bin", "employer_name", "debt", "overpayment"]


class EsalyqBot(KeySignedBot):
    site = "esalyq"
    key_secrets = ("ESALYQ", "EGOV")  # its own key if set, else the bailiff's eGov key

    @action
    async def tax_status(self, iin: str) -> TaxStatus | None:
        """Debts, overpayments, the employer the tax office knows, and the certificate; None for no such taxpayer."""
        return await self.signed_in(lambda: self._status(iin))

    async def _status(self, iin: str) -> TaxStatus | None:
        if not await self.search(iin):
            return None
        fields = {name: text_or_empty(value) for name, value in (await self.read_fields("search", _FIELDS)).items()}
        employer_bin = fields["employer_bin"] or None
        return TaxStatus(
            iin=fields["iin_shown"] or iin,
            name=fields["name"],
            debt=parse_amount(fields["debt"]),
            overpayment=parse_amount(fields["overpayment"]),
            employer_bin=employer_bin,
            employer_name=fields["employer_name"] if employer_bin else None,
            certificate=await self._certificate(iin),
        )

    async def _certificate(self, iin: str) -> Download:
        """The certificate PDF, downloaded through its link as a person would."""
        return Download(name=f"tax-certificate-{iin[-4:]}.pdf", content=await self.download("search", "certificate"))
