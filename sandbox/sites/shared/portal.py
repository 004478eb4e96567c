"""Small helpers every protected site uses: templates with the shared ones, labels, paging, IIN checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from jinja2 import FileSystemLoader
from starlette.requests import Request
from starlette.responses import JSONResponse

from domain.iin import why_invalid_iin
from sandbox.pages import COMMON, Pages

SHARED_TEMPLATES = Path(__file__).parent / "templates"
T = TypeVar("T")

COMMON_LABELS = {
    "session_expired_title": {"kk": "Сессия уақыты өтті", "ru": "Сессия истекла"},
    "session_expired_text": {"kk": "Қайта кіріңіз.", "ru": "Войдите в систему заново."},
    "session_expired_login": {"kk": "Кіру бетіне оралу", "ru": "Вернуться ко входу"},
    "loading": {"kk": "Жүктелуде…", "ru": "Загрузка…"},
    "error": {
        "kk": "Сервис уақытша қолжетімсіз. Кейінірек қайталаңыз.",
        "ru": "Сервис временно недоступен. Повторите позже.",
    },
    "retry": {"kk": "Қайталау", "ru": "Повторить"},
    "invalid_iin": {"kk": "ЖСН қате енгізілген", "ru": "ИИН введён неверно"},
    "logout": {"kk": "Шығу", "ru": "Выход"},
    "yes": {"kk": "Иә", "ru": "Да"},
    "no": {"kk": "Жоқ", "ru": "Нет"},
}


def site_pages(site_dir: Path) -> Pages:
    """Pages of a site that may also extend or include the shared templates."""
    pages = Pages(site_dir)
    pages.env.loader = FileSystemLoader([site_dir / "templates", SHARED_TEMPLATES, COMMON])
    return pages


def with_common(labels: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    return {**COMMON_LABELS, **labels}


def page_number(request: Request) -> int:
    try:
        return max(1, int(request.query_params.get("page") or 1))
    except ValueError:
        return 1


def paged(items: list[T], page: int, size: int) -> tuple[list[T], dict[str, Any]]:
    """One page of items and the paging facts a page needs: total, page, pages, page_size."""
    pages = max(1, -(-len(items) // size))
    return items[(page - 1) * size : page * size], {
        "total": len(items),
        "page": page,
        "pages": pages,
        "page_size": size,
    }


def invalid_iin(iin: str) -> JSONResponse | None:
    """The 400 answer for a malformed IIN, or None when it is valid."""
    reason = why_invalid_iin(iin)
    return JSONResponse({"error": "invalid_iin", "reason": reason}, status_code=400) if reason else None


KEY_LOGIN_LABELS = {
    "login_title": {"kk": "ЭЦҚ арқылы кіру", "ru": "Вход по ЭЦП"},
    "login_hint": {
        "kk": "Кілт файлын таңдап, құпиясөзін енгізіңіз.",
        "ru": "Выберите файл ключа и введите его пароль.",
    },
    "key_file": {"kk": "Кілт файлы", "ru": "Файл ключа"},
    "key_password": {"kk": "Кілт құпиясөзі", "ru": "Пароль ключа"},
    "sign_in": {"kk": "Кіру", "ru": "Войти"},
    "challenge": {"kk": "Қол қойылатын жол", "ru": "Строка для подписи"},
    "wrong_password": {"kk": "Кілт құпиясөзі қате", "ru": "Неверный пароль ключа"},
    "bad_key_file": {"kk": "Файл ЭЦҚ кілті емес", "ru": "Файл не является ключом ЭЦП"},
    "revoked": {"kk": "Сертификат кері қайтарылған", "ru": "Сертификат отозван"},
    "bad_signature": {"kk": "Қолтаңба расталмады", "ru": "Подпись не подтверждена"},
    "no_file": {"kk": "Кілт файлын таңдаңыз", "ru": "Выберите файл ключа"},
}
