"""Which debtor a payment on the deposit account is from: by the proceeding's number in its purpose, else by the
payer's IIN, else by the debtor's name. A payment is never guessed: a mistyped number nothing confirms, a name two
debtors share, a number and an IIN that point at different debtors, or nothing at all — each goes to a person with
the candidates."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import DamerauLevenshtein

from domain.payments.names import names_person, words
from domain.records import CaseSummary, IncomingPayment

DASH = r"[\s\-‐–—]?"
NUMBERISH = re.compile(rf"(?<!\d)\d{{3,5}}{DASH}\d{{5,7}}{DASH}\d{{2,4}}(?!\d)")  # 2312-000000-526, or one digit off
IIN = re.compile(r"(?<!\d)\d{12}(?!\d)")


class MatchedBy(StrEnum):
    NUMBER = "number"  # the proceeding's number in the purpose
    NUMBER_CONFIRMED = "number_confirmed"  # a number one digit off, confirmed by the payer's IIN or the name
    PAYER_IIN = "payer_iin"
    IIN_IN_PURPOSE = "iin_in_purpose"
    NAME = "name"  # the debtor's full name, and no other debtor's


class Doubt(StrEnum):
    """Why a payment waits for a person."""

    NUMBER_AND_PAYER_DISAGREE = "number_and_payer_disagree"
    NUMBER_UNCONFIRMED = "number_unconfirmed"  # one digit off a proceeding's number, nothing else confirms it
    NAME_OF_SEVERAL = "name_of_several"  # two debtors with one name
    PAYER_NAMESAKE = "payer_namesake"  # the payer bears a debtor's name under an IIN that is not the debtor's
    NOTHING_MATCHES = "nothing_matches"


@dataclass(frozen=True)
class Candidate:
    debtor_iin: str
    debtor_name: str
    proceeding: str
    why: str  # a MatchedBy or a Doubt value: what points at this debtor


@dataclass(frozen=True)
class Match:
    """A payment's debtor (`debtor_iin`, `by`) or, when `doubt` is set, the candidates a person chooses from."""

    reference: str
    debtor_iin: str | None
    by: MatchedBy | None
    cited: str | None  # the proceeding the purpose names, if any
    doubt: Doubt | None
    candidates: tuple[Candidate, ...]

    @property
    def sure(self) -> bool:
        return self.debtor_iin is not None and self.doubt is None

    def paid(self, book: CaseBook) -> list[str]:
        """The proceedings a sure payment pays: the one its purpose names; else every open one of its debtor, among
        which the distribution follows the law's queues (arts. 110-112). None for a payment a person decides."""
        if not self.sure:
            return []
        if self.cited:
            return [self.cited]
        return sorted(c.number for c in book.by_iin.get(self.debtor_iin or "", []))


class CaseBook:
    """The bailiff's open proceedings indexed for matching: by number (and its one-digit-off spellings), by the
    debtor's IIN, by the spelling of the debtor's surname. Built once for a statement."""

    def __init__(self, cases: Sequence[CaseSummary]) -> None:
        self.cases = tuple(cases)
        self.by_number = {_digits(c.number): c for c in cases}
        self.by_iin: dict[str, list[CaseSummary]] = {}
        self._near: dict[str, set[str]] = {}
        self._surnames: dict[str, set[str]] = {}
        for case in cases:
            self.by_iin.setdefault(case.debtor_iin, []).append(case)
        for number in self.by_number:
            for key in _deletions(number):
                self._near.setdefault(key, set()).add(number)
        for name in {c.debtor_name for c in cases}:
            surname = next(iter(words(name)), "")
            for key in _deletions(surname):
                self._surnames.setdefault(key, set()).add(name)
        self._by_name = {name: [c for c in cases if c.debtor_name == name] for name in {c.debtor_name for c in cases}}

    def near_numbers(self, tokens: Sequence[str]) -> list[CaseSummary]:
        """Proceedings whose number is one digit off (changed, missing, extra, two swapped) a number in the text."""
        found: set[str] = set()
        for token in tokens:
            for key in _deletions(token):
                found |= {n for n in self._near.get(key, ()) if DamerauLevenshtein.distance(token, n) == 1}
        return [self.by_number[n] for n in sorted(found)]

    def named_in(self, text: str) -> list[CaseSummary]:
        """Proceedings of the debtors the text names (domain/payments/names)."""
        names = {n for w in words(text) for key in _deletions(w) for n in self._surnames.get(key, ())}
        return [c for name in sorted(names) if names_person(text, name) for c in self._by_name[name]]


def match_payment(payment: IncomingPayment, book: CaseBook) -> Match:
    """The payment's debtor among the bailiff's open proceedings, or the doubt and candidates for a person."""
    payer = payment.payer_id if payment.payer_id in book.by_iin else None
    tokens = [_digits(t) for t in NUMBERISH.findall(payment.purpose)]
    cited = next((book.by_number[t] for t in tokens if t in book.by_number), None)
    if cited is not None:
        if payer is not None and payer != cited.debtor_iin:
            other = book.by_iin[payer][0]
            return _doubt(payment, Doubt.NUMBER_AND_PAYER_DISAGREE, [_cand(cited, "number"), _cand(other, "payer_iin")])
        return _sure(payment, cited.debtor_iin, MatchedBy.NUMBER, cited.number)
    near = book.near_numbers(tokens)
    # the payer's own name counts only without an IIN: under another IIN it is a namesake, not the debtor
    named = book.named_in(payment.purpose if payment.payer_id else f"{payment.payer_name} {payment.purpose}")
    confirmed = [c for c in near if c.debtor_iin == payer or c.debtor_iin in {n.debtor_iin for n in named}]
    if len({c.debtor_iin for c in confirmed}) == 1:
        return _sure(payment, confirmed[0].debtor_iin, MatchedBy.NUMBER_CONFIRMED, confirmed[0].number)
    if payer is not None:
        return _sure(payment, payer, MatchedBy.PAYER_IIN, None)
    in_purpose = {t for t in IIN.findall(payment.purpose) if t in book.by_iin}
    if len(in_purpose) == 1:
        return _sure(payment, in_purpose.pop(), MatchedBy.IIN_IN_PURPOSE, None)
    debtors = {c.debtor_iin for c in named}
    if len(debtors) == 1 and not near:
        return _sure(payment, named[0].debtor_iin, MatchedBy.NAME, None)
    candidates = [_cand(c, Doubt.NUMBER_UNCONFIRMED) for c in near] + [_cand(c, "name") for c in _one_each(named)]
    if len(debtors) > 1:
        return _doubt(payment, Doubt.NAME_OF_SEVERAL, candidates)
    namesakes = [] if debtors or near else _one_each(book.named_in(payment.payer_name))
    if namesakes:
        return _doubt(payment, Doubt.PAYER_NAMESAKE, [_cand(c, Doubt.PAYER_NAMESAKE) for c in namesakes])
    return _doubt(payment, Doubt.NUMBER_UNCONFIRMED if near else Doubt.NOTHING_MATCHES, candidates)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _deletions(word: str) -> set[str]:
    """The word and the word with one letter left out: two words one edit apart share one of these."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_each(cases: Sequence[CaseSummary]) -> list[CaseSummary]:
    return list({c.debtor_iin: c for c in cases}.values())


def _cand(case: CaseSummary, why: str) -> Candidate:
    return Candidate(case.debtor_iin, case.debtor_name, case.number, str(why))


def _sure(payment: IncomingPayment, iin: str, by: MatchedBy, cited: str | None) -> Match:
    return Match(payment.reference, iin, by, cited, None, ())


def _doubt(payment: IncomingPayment, doubt: Doubt, candidates: Sequence[Candidate]) -> Match:
    unique = list({(c.debtor_iin, c.proceeding): c for c in candidates}.values())
    return Match(payment.reference, None, None, None, doubt, tuple(unique))
