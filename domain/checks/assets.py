"""The nightly check: what a debtor owns and earns, turned into findings a bailiff acts on in the morning.

Each finding cites its basis in Law 261-IV (2010 text read; official text on adilet.zan.kz) or the code article it
rests on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from domain.alimony import income_from_pension_contribution
from domain.deductions import deduction_limit
from domain.findings import AssetKind, AssetRef, Finding, Severity
from domain.money import ZERO
from domain.records import BankAccount, Case, Contribution, Property, TaxStatus, Vehicle
from domain.restrictions import exit_restriction, lifting

ART_32 = "Law 261-IV art. 32 p.2 (arrest of the debtor's property)"
ART_33 = "Law 261-IV art. 33 (temporary restriction on leaving the Republic of Kazakhstan)"
ART_47 = "Law 261-IV art. 47 p.2 (measures cancelled once the debt is paid)"
ART_87 = "Law 261-IV art. 87 (levy on the debtor's receivables)"
ART_93_95 = "Law 261-IV arts. 93, 95 p.1 (levy on wages, at most 50 %)"
ART_126 = "Law 261-IV art. 126 p.1 sub.3 (information requested from registries)"
RECENT_MONTHS = 3  # an employer counts as current if it paid contributions within this many months


@dataclass(frozen=True)
class DebtorFile:
    """Everything the registries said of one debtor in one night; `missing` lists registries that failed."""

    iin: str
    name: str
    cases: tuple[Case, ...]
    properties: tuple[Property, ...] = ()
    vehicles: tuple[Vehicle, ...] = ()
    tax: TaxStatus | None = None
    contributions: tuple[Contribution, ...] = ()
    accounts: tuple[BankAccount, ...] = ()
    missing: tuple[str, ...] = field(default=())

    @property
    def remaining(self) -> Decimal:
        return sum((c.remaining for c in self.cases), ZERO)

    @property
    def costs(self) -> Decimal:
        """Enforcement costs of the debtor's proceedings (Law 261-IV art. 113), recovered from the debtor."""
        return sum((c.costs for c in self.cases), ZERO)

    @property
    def restrictions(self) -> set[str]:
        return {r for c in self.cases for r in c.restrictions}


def assess(debtor: DebtorFile, on: dt.date) -> list[Finding]:
    """All findings for one debtor: lift when paid, otherwise what to arrest, levy or restrict, and what disagrees."""
    if debtor.cases and debtor.remaining <= 0:
        return _paid_in_full(debtor, on)
    findings = [
        *_realty(debtor),
        *_vehicles(debtor),
        *_accounts(debtor),
        *_wages(debtor, on),
        *_tax(debtor),
        *_exit_ban(debtor, on),
        *_disagreements(debtor),
    ]
    if not findings and not debtor.missing:
        findings.append(
            Finding(
                code="nothing_found",
                legal_basis=ART_126,
                severity=Severity.INFO,
                message="No property, income or money found in any registry",
            )
        )
    return findings


def _paid_in_full(debtor: DebtorFile, on: dt.date) -> list[Finding]:
    verdict = lifting(on, ZERO)
    measures = sorted(debtor.restrictions)
    if not measures:
        return [
            Finding(
                code="paid_in_full",
                legal_basis=ART_47,
                registries=("aisep",),
                message="Debt paid in full per AIS EP; no measures in force",
            )
        ]
    deadline = f" by {verdict.deadline.due:%d.%m.%Y}" if verdict.deadline else ""
    return [
        Finding(
            code="lift_restrictions",
            legal_basis=ART_47,
            severity=Severity.ACTION,
            registries=("aisep",),
            asset=AssetRef(kind=AssetKind.RESTRICTIONS, id=",".join(measures), label=", ".join(measures)),
            action=f"Lift {', '.join(measures)}{deadline}",
            message=f"Debt paid in full per AIS EP, yet {', '.join(measures)} still in force",
            params={"measures": measures, "due": verdict.deadline.due if verdict.deadline else None},
            text=None if verdict.deadline else "lift_restrictions.no_deadline",
        )
    ]


def _realty(debtor: DebtorFile) -> list[Finding]:
    return [
        Finding(
            code="realty_not_arrested",
            legal_basis=ART_32,
            severity=Severity.ACTION,
            registries=("egov_realty",),
            asset=AssetRef(
                kind=AssetKind.REALTY,
                id=p.cadastral,
                # the Russian address, as the label always read: the label is part of the act's fact key
                label=f"{p.kind} {p.cadastral}, {p.address.ru}, {p.area} m², share {p.share}",
            ),
            action="Arrest the real estate",
            message=f"Real estate {p.cadastral} is not under arrest",
            params={"cadastral": p.cadastral, "kind": p.kind, "address": p.address, "area": p.area, "share": p.share},
        )
        for p in debtor.properties
        if not p.arrested and p.owner_iin == debtor.iin
    ]


def _vehicles(debtor: DebtorFile) -> list[Finding]:
    return [
        Finding(
            code="vehicle_not_arrested",
            legal_basis=ART_32,
            severity=Severity.ACTION,
            registries=("egov_vehicles",),
            asset=AssetRef(
                kind=AssetKind.VEHICLE, id=v.vin, label=f"{v.make} {v.model} {v.year}, {v.plate}, VIN {v.vin}"
            ),
            action="Arrest the vehicle",
            message=f"Vehicle {v.plate} is not under arrest",
            params={"plate": v.plate, "make": v.make, "model": v.model, "year": v.year, "vin": v.vin},
        )
        for v in debtor.vehicles
        if not v.arrested
    ]


def _accounts(debtor: DebtorFile) -> list[Finding]:
    return [account_finding(a) for a in debtor.accounts if a.balance > 0 and not a.arrested]


def account_finding(a: BankAccount) -> Finding:
    """An account holding money, not arrested: the finding an account arrest rests on."""
    return Finding(
        code="account_with_balance",
        legal_basis=ART_32,
        severity=Severity.ACTION,
        registries=(a.bank,),
        amount=a.balance,
        asset=AssetRef(kind=AssetKind.ACCOUNT, id=a.iban, label=f"{a.iban} ({a.currency})", currency=a.currency),
        action="Arrest the account within the debt",
        message=f"Account {a.iban} holds {a.balance} {a.currency} and is not arrested",
        params={"iban": a.iban, "bank": a.bank, "balance": a.balance, "currency": a.currency},
        text=None if a.currency == "KZT" else "account_with_balance.foreign",
    )


def _wages(debtor: DebtorFile, on: dt.date) -> list[Finding]:
    if not debtor.contributions:
        return []
    latest = max(debtor.contributions, key=lambda c: c.month)
    if _months_between(latest.month, on) > RECENT_MONTHS:
        return []
    income = income_from_pension_contribution(latest.amount, on).income
    category = debtor.cases[0].category.value if debtor.cases else "other"
    limit = deduction_limit(income, on, category)
    return [
        Finding(
            code="employer_found",
            legal_basis=ART_93_95,
            severity=Severity.ACTION,
            registries=("enpf",),
            amount=limit.withheld_max,
            asset=AssetRef(
                kind=AssetKind.EMPLOYER,
                id=latest.employer_bin,
                label=f"{latest.employer_name} (BIN {latest.employer_bin})",
            ),
            action="Send the decision levying wages to the employer",
            message=f"Employer {latest.employer_name} paid contributions for {latest.month:%m.%Y}; "
            f"income about {income}, at most {limit.withheld_max} a month may be withheld",
            params={
                "employer": latest.employer_name,
                "bin": latest.employer_bin,
                "month": latest.month,
                "income": income,
                "withheld_max": limit.withheld_max,
            },
        )
    ]


def _tax(debtor: DebtorFile) -> list[Finding]:
    if debtor.tax is None or debtor.tax.overpayment <= 0:
        return []
    return [
        Finding(
            code="tax_overpayment",
            legal_basis=ART_87,
            severity=Severity.ACTION,
            registries=("esalyq",),
            amount=debtor.tax.overpayment,
            action="Levy the tax overpayment (a receivable of the debtor)",
            message=f"Tax overpayment of {debtor.tax.overpayment} in E-Salyq",
            params={"overpayment": debtor.tax.overpayment},
        )
    ]


def _exit_ban(debtor: DebtorFile, on: dt.date) -> list[Finding]:
    if "exit_ban" in debtor.restrictions:
        return []
    verdict = exit_restriction(debtor.remaining, on)
    if not verdict.may_impose:
        return []
    return [
        Finding(
            code="exit_ban_possible",
            legal_basis=ART_33,
            severity=Severity.ACTION,
            registries=("aisep",),
            amount=debtor.remaining,
            action="Send the notice, then decide on a temporary exit restriction",
            message="; ".join(verdict.reasons),
            params={"debt": debtor.remaining, "threshold": verdict.threshold},
        )
    ]


def _disagreements(debtor: DebtorFile) -> list[Finding]:
    out = []
    if debtor.contributions and debtor.tax and debtor.tax.employer_bin:
        latest = max(debtor.contributions, key=lambda c: c.month)
        if latest.employer_bin == debtor.tax.employer_bin and latest.employer_name != debtor.tax.employer_name:
            out.append(
                Finding(
                    code="registries_disagree",
                    legal_basis=ART_126,
                    severity=Severity.REVIEW,
                    registries=("enpf", "esalyq"),
                    asset=AssetRef(kind=AssetKind.EMPLOYER, id=latest.employer_bin, label=f"BIN {latest.employer_bin}"),
                    action="Check the employer's name before levying wages",
                    message=f"ENPF names the employer {latest.employer_name!r}, E-Salyq {debtor.tax.employer_name!r}",
                    params={
                        "bin": latest.employer_bin,
                        "enpf": latest.employer_name,
                        "esalyq": debtor.tax.employer_name,
                    },
                    text="registries_disagree.employer",
                )
            )
    out += [
        Finding(
            code="registries_disagree",
            legal_basis=ART_126,
            severity=Severity.REVIEW,
            registries=("egov_realty",),
            asset=AssetRef(kind=AssetKind.REALTY, id=p.cadastral, label=p.cadastral),
            action="Check who owns the property before arresting it",
            message=f"Property {p.cadastral} found under the debtor's IIN is registered to another owner",
            params={"cadastral": p.cadastral},
            text="registries_disagree.owner",
        )
        for p in debtor.properties
        if p.owner_iin != debtor.iin
    ]
    return out


def _months_between(month: dt.date, on: dt.date) -> int:
    return (on.year - month.year) * 12 + on.month - month.month
