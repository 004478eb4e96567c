"""Synthetic Kazakh and Russian names, with Latin-script variants for some people."""

from __future__ import annotations

KAZAKH_SURNAMES = [
    ("Әбенов", "Abenov"),
    ("Нұрланов", "Nurlanov"),
    ("Қасымов", "Kassymov"),
    ("Серікбаев", "Serikbayev"),
    ("Жұмабеков", "Zhumabekov"),
    ("Оспанов", "Ospanov"),
    ("Төлеуов", "Toleuov"),
    ("Байжанов", "Baizhanov"),
    ("Сәрсенбаев", "Sarsenbayev"),
    ("Ғабдуллин", "Gabdullin"),
    ("Құдайбергенов", "Kudaibergenov"),
    ("Мұқанов", "Mukanov"),
    ("Есенов", "Yessenov"),
    ("Ахметов", "Akhmetov"),
    ("Исаев", "Issayev"),
    ("Өтегенов", "Otegenov"),
]
KAZAKH_MALE = [
    ("Нұрлан", "Nurlan"),
    ("Қайрат", "Kairat"),
    ("Ерлан", "Yerlan"),
    ("Асқар", "Askar"),
    ("Дәурен", "Dauren"),
    ("Бауыржан", "Baurzhan"),
    ("Ғалым", "Galym"),
    ("Серік", "Serik"),
    ("Әділ", "Adil"),
    ("Мұрат", "Murat"),
]
KAZAKH_FEMALE = [
    ("Айгүл", "Aigul"),
    ("Гүлнар", "Gulnar"),
    ("Әсел", "Assel"),
    ("Жанар", "Zhanar"),
    ("Салтанат", "Saltanat"),
    ("Мөлдір", "Moldir"),
    ("Ләззат", "Lazzat"),
    ("Динара", "Dinara"),
    ("Ұлжан", "Ulzhan"),
    ("Іңкәр", "Inkar"),
]
KAZAKH_PATRONYMIC_ROOTS = ["Нұрлан", "Серік", "Болат", "Қайрат", "Ержан", "Мұрат", "Ғани", "Тәлғат"]
RUSSIAN_SURNAMES = [
    ("Иванов", "Ivanov"),
    ("Петров", "Petrov"),
    ("Смирнов", "Smirnov"),
    ("Ким", "Kim"),
    ("Кузнецов", "Kuznetsov"),
    ("Попов", "Popov"),
    ("Васильев", "Vasilyev"),
    ("Соколов", "Sokolov"),
]
RUSSIAN_MALE = [
    ("Андрей", "Andrei"),
    ("Сергей", "Sergei"),
    ("Дмитрий", "Dmitrii"),
    ("Алексей", "Aleksei"),
    ("Игорь", "Igor"),
]
RUSSIAN_FEMALE = [
    ("Елена", "Yelena"),
    ("Ольга", "Olga"),
    ("Наталья", "Natalya"),
    ("Ирина", "Irina"),
    ("Татьяна", "Tatyana"),
]
RUSSIAN_PATRONYMIC_ROOTS = ["Александр", "Виктор", "Сергей", "Николай", "Владимир"]


def feminine_surname(surname: str) -> str:
    """Иванов → Иванова, Ким → Ким: the Russian-style feminine form used in Kazakh surnames too."""
    return surname + "а" if surname.endswith(("ов", "ев", "ин")) else surname


def patronymic(root: str, female: bool, kazakh: bool) -> str:
    if kazakh:
        return root + ("қызы" if female else "ұлы")
    return root + ("овна" if female else "ович")
