"""The eGov registers a bailiff reads by IIN, behind an EDS key sign-in: real estate and vehicles."""

from __future__ import annotations

from decimal import Decimal

from domain.records import Property, Vehicle, Words
from orynda.site.base import action, text_or_empty
from orynda.site.parsing import parse_amount
from orynda.site.signing import KeySignedBot, Row

_REALTY_CELLS = [
    "cadastral",
    "kind",
    "address_kk",
    "address_ru",
    "area",
    "share",
    "owner_iin",
    "encumbrances",
    "arrest",
]
_VEHICLE_CELLS = ["make", "model", "year", "plate", "vin", "arrest"]


class EgovRealtyBot(KeySignedBot):
    site = "egov_realty"

    @action
    async def list_properties(self, iin: str) -> list[Property]:
        """Every property registered to the IIN (shares included); empty when the register has none."""
        return await self.signed_in(lambda: self._list(iin))

    async def _list(self, iin: str) -> list[Property]:
        if not await self.search(iin):
            return []
        return [self._property(row) for row in await self.read_rows("search", "row", _REALTY_CELLS)]

    def _property(self, row: Row) -> Property:
        return Property(
            cadastral=text_or_empty(row["cadastral"]),
            kind=self.word(row["kind"]) or text_or_empty(row["kind"]),
            address=Words(kk=text_or_empty(row["address_kk"]), ru=text_or_empty(row["address_ru"])),
            area=_area(text_or_empty(row["area"])),
            share=text_or_empty(row["share"]),
            owner_iin=text_or_empty(row["owner_iin"]),
            encumbrances=self._encumbrances(row["encumbrances"]),
            arrested=self.word(row["arrest"]) == "yes",
        )

    def _encumbrances(self, text: str | None) -> str:
        """'Ипотека, Аренда' → 'mortgage, lease'; the register's 'none' word → ''."""
        words = [self.word(part.strip()) for part in text_or_empty(text).split(",") if part.strip()]
        return ", ".join(w for w in words if w in ("mortgage", "lease"))


class EgovVehiclesBot(KeySignedBot):
    site = "egov_vehicles"

    @action
    async def list_vehicles(self, iin: str) -> list[Vehicle]:
        """Every vehicle registered to the IIN; empty when the register has none."""
        return await self.signed_in(lambda: self._list(iin))

    async def _list(self, iin: str) -> list[Vehicle]:
        if not await self.search(iin):
            return []
        return [self._vehicle(row) for row in await self.read_rows("search", "row", _VEHICLE_CELLS)]

    def _vehicle(self, row: Row) -> Vehicle:
        return Vehicle(
            make=text_or_empty(row["make"]),
            model=text_or_empty(row["model"]),
            year=int(text_or_empty(row["year"])),
            plate=text_or_empty(row["plate"]),
            vin=text_or_empty(row["vin"]),
            arrested=self.word(row["arrest"]) == "yes",
        )


def _area(text: str) -> Decimal:
    """Square metres as shown ('1 250,5'); parsed like an amount, one decimal kept."""
    return parse_amount(text).quantize(Decimal("0.1"))
