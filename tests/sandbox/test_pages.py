"""Every signed-in page renders in Kazakh and Russian with the markers bots rely on: error banner, retry, dialog."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from starlette.testclient import TestClient

Login = Callable[..., httpx.Response]
PAGES = {  # page -> (a label in Kazakh, the same in Russian, an element id)
    "/aisep/proceedings": ("Менің іс жүргізулерім", "Мои исполнительные производства", "proceedings-table"),
    "/egov_realty/": ("Деректер жоқ", "Нет данных", "realty-table"),
    "/egov_vehicles/": ("Деректер жоқ", "Нет данных", "vehicles-table"),
    "/esalyq/": ("Салық берешегі және артық төлемдер", "Налоговая задолженность и переплаты", "tax-table"),
    "/enpf/": ("Деректер жоқ", "Нет данных", "contributions-table"),
    "/bank_sandyq/": ("Шоттар табылмады", "Счета не найдены", "sq-accounts"),
    "/bank_qazyna/desk": ("Банк клиенті емес", "Не является клиентом банка", "qz-account-cards"),
}


@pytest.fixture
def signed_in(client: TestClient, key_login: Login, password_login: Login) -> TestClient:
    for prefix in ("/egov_realty", "/egov_vehicles", "/esalyq"):
        key_login(prefix)
    password_login("/aisep", "bailiff2", "sandbox-pass-2")
    password_login("/enpf", "svc.bailiff1", "enpf-pass-1")
    password_login("/bank_sandyq", "chsi-bailiff1", "sandyq-pass-1")
    password_login("/bank_qazyna", "bailiff1@chsi.kz", "qazyna-pass-1", ("email", "access_code"))
    return client


@pytest.mark.parametrize("path", PAGES)
def test_a_page_speaks_both_languages_and_carries_the_markers(signed_in: TestClient, path: str) -> None:
    kk_label, ru_label, element = PAGES[path]
    kk, ru = signed_in.get(path + "?lang=kk"), signed_in.get(path + "?lang=ru")
    assert kk.status_code == ru.status_code == 200
    assert kk_label in kk.text and ru_label in ru.text and f'id="{element}"' in kk.text
    for marker in ('id="error"', 'id="retry"', 'id="session-expired-login"', 'data-lang="ru"'):
        assert marker in kk.text
    assert 'aria-labelledby="session-expired-title" hidden>' in kk.text


@pytest.mark.parametrize(
    "prefix", ["/aisep", "/egov_realty", "/egov_vehicles", "/esalyq", "/enpf", "/bank_sandyq", "/bank_qazyna"]
)
def test_a_login_page_is_open_to_everyone(client: TestClient, prefix: str) -> None:
    assert client.get(f"{prefix}/login").status_code == 200
