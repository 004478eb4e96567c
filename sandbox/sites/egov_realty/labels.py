"""Kazakh and Russian labels of the eGov real-estate service."""

from sandbox.sites.shared.portal import KEY_LOGIN_LABELS, with_common

LABELS = with_common(
    {
        **KEY_LOGIN_LABELS,
        "site_title": {"kk": "eGov: Жылжымайтын мүлік тізілімі", "ru": "eGov: Регистр недвижимости"},
        "service": {
            "kk": "Тіркелген құқықтар (ауыртпалықтар) туралы анықтама",
            "ru": "Справка о зарегистрированных правах (обременениях)",
        },
        "search_title": {"kk": "ЖСН бойынша жылжымайтын мүлік", "ru": "Недвижимость по ИИН"},
        "iin": {"kk": "ЖСН", "ru": "ИИН"},
        "search": {"kk": "Іздеу", "ru": "Найти"},
        "not_found": {"kk": "Деректер жоқ", "ru": "Нет данных"},
        "cadastral": {"kk": "Кадастрлық нөмір", "ru": "Кадастровый номер"},
        "kind": {"kk": "Объект түрі", "ru": "Вид объекта"},
        "address": {"kk": "Мекенжайы", "ru": "Адрес"},
        "area": {"kk": "Ауданы, м²", "ru": "Площадь, м²"},
        "share": {"kk": "Үлесі", "ru": "Доля"},
        "owner_iin": {"kk": "Құқық иесінің ЖСН", "ru": "ИИН правообладателя"},
        "encumbrances": {"kk": "Ауыртпалықтар", "ru": "Обременения"},
        "arrest": {"kk": "Тыйым (арест)", "ru": "Арест"},
        "registered": {"kk": "Тіркелген күні", "ru": "Дата регистрации"},
        "kind_flat": {"kk": "Пәтер", "ru": "Квартира"},
        "kind_house": {"kk": "Тұрғын үй", "ru": "Жилой дом"},
        "kind_land": {"kk": "Жер учаскесі", "ru": "Земельный участок"},
        "kind_non_residential": {"kk": "Тұрғын емес үй-жай", "ru": "Нежилое помещение"},
        "enc_mortgage": {"kk": "Ипотека", "ru": "Ипотека"},
        "enc_lease": {"kk": "Жалға беру", "ru": "Аренда"},
        "none": {"kk": "жоқ", "ru": "нет"},
    }
)
