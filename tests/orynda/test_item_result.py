"""An item's result as the store keeps it: JSON with exact amounts and ISO dates, read back by attribute; results
stored in the earlier shape (registry and asset as text, documents and missing registries among the fields) read."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from domain.findings import AssetKind, AssetRef, Finding, Severity
from orynda.flow import FiledDocument, ItemResult

ACCOUNT = Finding(
    code="account_with_balance",
    message="m",
    legal_basis="art. 32",
    severity=Severity.ACTION,
    registries=("bank_sandyq",),
    amount=Decimal("45000.10"),
    asset=AssetRef(kind=AssetKind.ACCOUNT, id="KZ12", label="KZ12 (KZT)", currency="KZT"),
)
DOCUMENT = FiledDocument(
    number="ORY-2026-000001-KK",
    act="ORY-2026-000001",
    kind="account_arrest",
    title="decision on arrest of bank accounts",
    language="kk",
    issued=dt.date(2026, 11, 25),
    debtor="И",
    proceeding="2501-000123",
    pdf="documents/ORY-2026-000001-KK.pdf",
    docx=None,
    filed=True,
    upload_sha256="ab",
)


def test_round_trip_keeps_every_tiyn_and_the_dates() -> None:
    result = ItemResult(
        [ACCOUNT], {"balances": Decimal("45000.10"), "on": dt.date(2026, 11, 25)}, [DOCUMENT], ("enpf",)
    )
    stored = json.loads(json.dumps(result.to_json()))
    assert stored["fields"] == {"balances": "45000.10", "on": "2026-11-25"}
    assert stored["findings"][0]["amount"] == "45000.10" and stored["documents"][0]["issued"] == "2026-11-25"
    back = ItemResult.from_json(stored)
    assert back.findings == [ACCOUNT] and back.documents == [DOCUMENT] and back.missing == ("enpf",)
    assert back.fields == stored["fields"]


def test_nothing_stored_reads_as_an_empty_result() -> None:
    assert ItemResult.from_json(None) == ItemResult()


def test_results_stored_in_the_earlier_shape_still_read() -> None:
    earlier = {
        "findings": [
            {
                "code": "registries_disagree",
                "message": "m",
                "legal_basis": "art. 126",
                "severity": "review",
                "registry": "enpf, esalyq",
                "asset": "BIN 940140000385",
                "amount": None,
            }
        ],
        "fields": {"name": "И", "missing": "enpf, esalyq", "documents": [DOCUMENT.model_dump(mode="json")]},
    }
    result = ItemResult.from_json(earlier)
    [finding] = result.findings
    assert finding.registries == ("enpf", "esalyq")
    assert finding.asset == AssetRef(kind=AssetKind.OTHER, id="BIN 940140000385", label="BIN 940140000385")
    assert result.missing == ("enpf", "esalyq") and result.documents == [DOCUMENT]
    assert result.fields == {"name": "И", "missing": "enpf, esalyq"}
