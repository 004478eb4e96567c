"""Kazakh and Russian labels of Sandyq Bank's bailiff portal."""

from sandbox.sites.shared.portal import with_common

LABELS = with_common(
    {
        "site_title": {
            "kk": "«Сандық Банк» АҚ — сот орындаушыларының порталы",
            "ru": "АО «Сандык Банк» — портал судебных исполнителей",
        },
        "login_title": {"kk": "Порталға кіру", "ru": "Вход в портал"},
        "username": {"kk": "Логин", "ru": "Логин"},
        "password": {"kk": "Құпиясөз", "ru": "Пароль"},
        "sign_in": {"kk": "Кіру", "ru": "Войти"},
        "login_failed": {"kk": "Логин немесе құпиясөз қате", "ru": "Неверный логин или пароль"},
        "search_title": {"kk": "Клиенттің шоттары", "ru": "Счета клиента"},
        "iin": {"kk": "Клиенттің ЖСН", "ru": "ИИН клиента"},
        "search": {"kk": "Іздеу", "ru": "Найти"},
        "empty": {"kk": "Шоттар табылмады", "ru": "Счета не найдены"},
        "client": {"kk": "Клиент", "ru": "Клиент"},
        "iban": {"kk": "ЖСК (IBAN)", "ru": "ИИК (IBAN)"},
        "currency": {"kk": "Валюта", "ru": "Валюта"},
        "balance": {"kk": "Қалдық", "ru": "Остаток"},
        "arrest": {"kk": "Тыйым салынған", "ru": "Арест"},
        "opened": {"kk": "Ашылған күні", "ru": "Дата открытия"},
    }
)
