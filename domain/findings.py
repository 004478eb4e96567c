"""A finding: what a check concluded about an item, with its legal basis and what a bailiff should do next."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import model_validator

from domain.records import Record


class Severity(StrEnum):
    INFO = "info"  # a fact worth reporting
    ACTION = "action"  # the bailiff should act (arrest, levy, lift)
    REVIEW = "review"  # a human decides: data disagree or confidence is low
    EXCEPTION = "exception"  # the item cannot be answered as asked (not found, mismatch)


class AssetKind(StrEnum):
    REALTY = "realty"  # id: the cadastral number
    VEHICLE = "vehicle"  # id: the VIN
    ACCOUNT = "account"  # id: the IBAN
    EMPLOYER = "employer"  # id: the BIN
    RESTRICTIONS = "restrictions"  # id: the measures in force, as AIS EP names them
    OTHER = "other"  # known by its label only (results stored before assets had a kind)


class AssetRef(Record):
    """What a finding is about: `kind` and `id` say which one; `label` is how the report and the documents name it."""

    kind: AssetKind
    id: str
    label: str
    currency: str | None = None  # an account's


class Finding(Record):
    """`message` is for developers (English); a person reads the catalogue's text for `text or code`, filled with
    `params` (orynda/wording.py). `text` names a variant when one code reads two ways."""

    code: str
    message: str
    legal_basis: str
    severity: Severity = Severity.INFO
    registries: tuple[str, ...] = ()  # where it was found; the first one's page is its evidence
    amount: Decimal | None = None
    asset: AssetRef | None = None
    action: str | None = None
    evidence: str | None = None
    evidence_sha256: str | None = None  # of the evidence file as kept: it proves the file unchanged since
    params: dict[str, Any] = {}
    text: str | None = None

    @property
    def blocking(self) -> bool:
        return self.severity is Severity.EXCEPTION

    @model_validator(mode="before")
    @classmethod
    def _stored_before_assets_had_a_kind(cls, data: Any) -> Any:
        """Results stored earlier named the registry as `"enpf, esalyq"` and the asset as text; read them too."""
        if not isinstance(data, dict) or not ("registry" in data or isinstance(data.get("asset"), str)):
            return data
        data = dict(data)
        registry = data.pop("registry", None)
        if registry and "registries" not in data:
            data["registries"] = tuple(part.strip() for part in str(registry).split(",") if part.strip())
        if isinstance(data.get("asset"), str):
            text = data["asset"]
            data["asset"] = AssetRef(kind=AssetKind.OTHER, id=text, label=text) if text else None
        return data
