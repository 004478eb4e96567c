"""E-Salyq: key-file sign-in, tax debts and overpayments by IIN, a real PDF certificate."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
from starlette.testclient import TestClient

from sandbox.world import World
from sandbox.world_assets import Assets

Login = Callable[..., httpx.Response]


def test_signing_in_needs_the_right_key_password(client: TestClient, key_login: Login) -> None:
    assert key_login("/esalyq", password="wrong").json() == {"error": "wrong_password"}
    assert client.get("/esalyq/", follow_redirects=False).status_code == 303
    assert key_login("/esalyq", name="bailiff3").json()["next"] == "/esalyq/"
    assert 'id="taxpayer-form"' in client.get("/esalyq/").text


def test_taxes_by_iin_match_the_world(
    client: TestClient, key_login: Login, world: World, assets: dict[str, Assets]
) -> None:
    key_login("/esalyq")
    for debtor in world.debtors:
        tax = assets[debtor.person.iin].tax
        got = client.get("/esalyq/api/taxpayer", params={"iin": debtor.person.iin}).json()
        assert (got["debt"], got["overpayment"]) == (f"{tax.debt:.2f}", f"{tax.overpayment:.2f}")
        assert [line["code"] for line in got["lines"]] == [line.code for line in tax.lines]
        assert got["employer"] == ({"bin": tax.employer_bin, "name": tax.employer_name} if tax.employer_bin else None)
    assert any(a.tax.debt for a in assets.values()) and any(a.tax.overpayment for a in assets.values())
    assert sum(1 for a in assets.values() if not a.tax.lines) > len(assets) / 2  # most have neither


def test_an_unknown_taxpayer_has_no_data(client: TestClient, key_login: Login, world: World) -> None:
    key_login("/esalyq")
    assert client.get("/esalyq/api/taxpayer", params={"iin": world.unused_iin(1)[0]}).status_code == 404


def test_the_certificate_is_a_valid_pdf_with_the_iin_and_amounts(
    client: TestClient, key_login: Login, world: World, assets: dict[str, Assets]
) -> None:
    key_login("/esalyq")
    debtor = next(d for d in world.debtors if assets[d.person.iin].tax.debt)
    answer = client.get("/esalyq/certificate.pdf", params={"iin": debtor.person.iin})
    pdf = answer.content
    assert answer.headers["content-type"] == "application/pdf" and pdf.startswith(b"%PDF-1.4")
    assert debtor.person.iin.encode() in pdf
    assert f"Total debt: {assets[debtor.person.iin].tax.debt:.2f} KZT".encode() in pdf
    startxref = int(re.search(rb"startxref\n(\d+)\n%%EOF", pdf).group(1))  # type: ignore[union-attr]
    assert pdf[startxref:].startswith(b"xref")
    offsets = [int(x) for x in re.findall(rb"(\d{10}) 00000 n", pdf)]
    assert [pdf[o:].split(b" ", 1)[0] for o in offsets] == [str(n).encode() for n in range(1, len(offsets) + 1)]
