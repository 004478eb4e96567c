"""Kazakh and Russian labels of the eGov vehicles service."""

from sandbox.sites.shared.portal import KEY_LOGIN_LABELS, with_common

LABELS = with_common(
    {
        **KEY_LOGIN_LABELS,
        "site_title": {"kk": "eGov: Көлік құралдары", "ru": "eGov: Транспортные средства"},
        "service": {
            "kk": "Тіркелген көлік құралдары туралы мәліметтер",
            "ru": "Сведения о зарегистрированных транспортных средствах",
        },
        "search_title": {"kk": "ЖСН бойынша көлік құралдары", "ru": "Транспортные средства по ИИН"},
        "iin": {"kk": "Иесінің ЖСН", "ru": "ИИН владельца"},
        "search": {"kk": "Іздеу", "ru": "Найти"},
        "not_found": {"kk": "Деректер жоқ", "ru": "Нет данных"},
        "make": {"kk": "Маркасы", "ru": "Марка"},
        "model": {"kk": "Моделі", "ru": "Модель"},
        "year": {"kk": "Шыққан жылы", "ru": "Год выпуска"},
        "plate": {"kk": "Мемлекеттік нөмірі", "ru": "Госномер"},
        "vin": {"kk": "VIN", "ru": "VIN"},
        "arrest": {"kk": "Тыйым (арест)", "ru": "Арест"},
        "registered": {"kk": "Тіркелген күні", "ru": "Дата регистрации"},
    }
)
