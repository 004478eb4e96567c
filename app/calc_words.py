"""How a calculation's result and a data error read in the office's language (orynda/texts/calc.yaml).

The domain core speaks English to developers and gives the facts as fields (OutsideData's table and date, MciUsed's
purpose, a line's kind); the words a bailiff reads are built here from those fields. Where the domain gives only
its English text (an alimony line's basis), the text is recognised by its known forms and anything else is shown
as it is rather than hidden.
"""

from __future__ import annotations

import re
from decimal import Decimal

from domain.alimony import ALIMONY_MCI
from domain.errors import DomainError, OutsideData, UnknownRule
from domain.fees import FEE_MCI
from domain.mci import MciUsed
from domain.restrictions import EXIT_BAN_MCI
from orynda.i18n import Texts
from orynda.inputs import InputFileError

WHY_KEYS = {FEE_MCI: "calc.mci.why.fee", EXIT_BAN_MCI: "calc.mci.why.exit_ban", ALIMONY_MCI: "calc.mci.why.alimony"}
CONFIDENCE_KEYS = {"C": "confirmed", "C-old": "old_text", "S": "secondary", "M": "memory", "?": "unknown"}
_COVERAGE = (
    (re.compile(r"no value before (\d\d\.\d\d\.\d{4})"), "calc.error.covers_from"),
    (re.compile(r"no value from (\d\d\.\d\d\.\d{4})"), "calc.error.covers_until"),
)
_ARTICLE = re.compile(r"^art\. (\d+(?:-\d+)?)(?: p\.(\d+))?$")
_AVERAGE = re.compile(r"^average wage (\d{4})-Q(\d)")


def data_error(t: Texts, exc: DomainError) -> str:
    """One line naming what is missing, the table and the date; a rule error without them keeps its detail."""
    table, on, what = getattr(exc, "table", ""), getattr(exc, "on", None), getattr(exc, "what", "")
    if not table or on is None:
        return t("calc.error.other", detail=str(exc))
    if isinstance(exc, OutsideData) and what in ("calendar", "Kurban Ait"):
        return t("calc.error.no_calendar", table=table, year=str(on.year))
    named = data_name(t, what)
    if isinstance(exc, UnknownRule):
        return t("calc.error.unconfirmed", table=table, day=on, what=named)
    coverage = next((t(key, day=found[1]) for pattern, key in _COVERAGE if (found := pattern.search(str(exc)))), "")
    return t("calc.error.outside_data", table=table, day=on, what=named, coverage=coverage)


def data_name(t: Texts, what: str) -> str:
    """A table's value by its name in a data error ("base rate"), in words; an unknown name as it is."""
    key = "calc.what." + re.sub(r"[^a-z]+", "_", what.lower()).strip("_")
    return t(key) if t.has(key) else what


def input_error(t: Texts, exc: InputFileError, file: str) -> str:
    """An input file that cannot be used, in words: missing, without a column, empty, or unreadable."""
    text = str(exc)
    if text.endswith("no such file"):
        return t("calc.input.no_file", file=file)
    if missing := re.search(r"missing column\(s\): (.*)\. Found: (.*)$", text):
        columns = missing[1].replace("(one of: ", "(")
        return t("calc.input.missing_columns", file=file, columns=columns, found=missing[2] or "—")
    if "empty" in text or "no data rows" in text:
        return t("calc.input.empty", file=file)
    return t("calc.input.unreadable", file=file, detail=text.removeprefix(f"{file}: "))


def mci_used(t: Texts, basis: MciUsed) -> str:
    """Which MCI a calculation used, on which date, and why that one."""
    why = t(WHY_KEYS[basis.why]) if basis.why in WHY_KEYS else t(f"calc.mci.purpose.{basis.purpose}")
    purpose = t(f"calc.mci.purpose.{basis.purpose}")
    return t("calc.mci.used", value=basis.value, day=basis.on, purpose=purpose, why=why)


def mci_why(t: Texts, why: str) -> str:
    """The reason a calculation took the MCI of its purpose, by the domain's stated reason."""
    return t(WHY_KEYS[why]) if why in WHY_KEYS else why


def article(t: Texts, text: str) -> str:
    """ "art. 112 p.1" as the office writes it (ru "п. 1 ст. 112", kk "112-баптың 1-тармағы")."""
    found = _ARTICLE.match(text.strip())
    if found is None:
        return text
    number, point = found[1], found[2]
    return t("calc.article.point", article=number, point=point) if point else t("calc.article.plain", article=number)


def confidence(t: Texts, tag: str) -> str:
    return t(f"calc.confidence.{CONFIDENCE_KEYS[tag]}") if tag in CONFIDENCE_KEYS else tag


def counted(t: Texts, unit: str, count: int) -> str:
    """A term's length with its unit ("5 рабочих дней"); the Russian form chosen by the number."""
    key = f"calc.deadline.unit.{unit}.{plural_form(count)}"
    return t(key, count=str(count)) if t.has(key) else f"{count} {unit}"


def plural_form(count: int) -> str:
    """Russian plural class of a number: one (1, 21), few (2–4, 22–24) or many (0, 5–20, 25–30…)."""
    tens, ones = count % 100, count % 10
    if ones == 1 and tens != 11:
        return "one"
    if 2 <= ones <= 4 and not 12 <= tens <= 14:
        return "few"
    return "many"


def number(value: Decimal | int) -> str:
    """A number that is not money as the cells show it: decimal comma, no grouping ("254,3235")."""
    return str(value).replace(".", ",")


def alimony_basis(t: Texts, basis: str, fixed_mci: Decimal | None) -> str:
    """An arrears line's basis from the domain's text: income, average wage, beyond three years, fixed, prisoner."""
    if basis == "income":
        return t("calc.alimony.from_income")
    if average := _AVERAGE.match(basis):
        return t("calc.alimony.from_average", year=average[1], quarter=average[2])
    if basis.startswith("beyond"):
        return t("calc.alimony.beyond")
    if basis.startswith("fixed") and fixed_mci is not None:
        return t("calc.alimony.from_fixed", mci=number(fixed_mci))
    if basis.startswith("prisoner"):
        return t("calc.alimony.prisoner")
    return basis
