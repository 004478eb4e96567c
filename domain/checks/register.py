"""Checks of a debtor against the Unified Register of Debtors (Law 261-IV art. 36)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.findings import Finding, Severity
from domain.records import RegisterDebtor

REGISTER = "debtor_register"
ART_36 = "Law 261-IV art. 36 (Unified Register of Debtors)"
ART_33 = "Law 261-IV art. 33 (temporary restriction on leaving the Republic of Kazakhstan)"


@dataclass(frozen=True)
class Expected:
    """What the bailiff's list says of a debtor: the amount owed, on one proceeding or in total."""

    iin: str
    amount: Decimal | None = None
    proceeding: str | None = None


def check_register(expected: Expected, found: RegisterDebtor | None) -> list[Finding]:
    """Found or not, amount as expected or not, exit restriction in force or not."""
    if found is None:
        return [
            Finding(
                code="debtor_not_found",
                severity=Severity.EXCEPTION,
                registries=(REGISTER,),
                legal_basis=ART_36,
                message="The register has no debtor with this IIN",
            )
        ]
    return [*_amount_findings(expected, found), _exit_ban_finding(found)]


def _amount_findings(expected: Expected, found: RegisterDebtor) -> list[Finding]:
    if expected.proceeding:
        match = [p for p in found.proceedings if p.number == expected.proceeding]
        if not match:
            return [
                Finding(
                    code="proceeding_not_found",
                    severity=Severity.EXCEPTION,
                    registries=(REGISTER,),
                    legal_basis=ART_36,
                    message=f"Proceeding {expected.proceeding} is not on the debtor's card",
                    params={"proceeding": expected.proceeding},
                )
            ]
        owed, scope = match[0].amount, f"proceeding {expected.proceeding}"
    else:
        owed, scope = found.total, "all proceedings"
    params = {"owed": owed, "proceeding": expected.proceeding, "expected": expected.amount}
    variant = "" if expected.proceeding else ".total"  # the texts name the proceeding, or say "all proceedings"
    if expected.amount is None:
        return [
            Finding(
                code="amount_read",
                registries=(REGISTER,),
                legal_basis=ART_36,
                amount=owed,
                message=f"Register amount for {scope}: {owed}",
                params=params,
                text=f"amount_read{variant}" if variant else None,
            )
        ]
    difference = owed - expected.amount
    if difference:
        return [
            Finding(
                code="amount_mismatch",
                severity=Severity.EXCEPTION,
                registries=(REGISTER,),
                legal_basis=ART_36,
                amount=difference,
                action="Reconcile the amount with the proceeding in AIS EP",
                message=f"Register shows {owed} for {scope}, expected {expected.amount}: difference {difference}",
                params={**params, "difference": difference},
                text=f"amount_mismatch{variant}" if variant else None,
            )
        ]
    return [
        Finding(
            code="amount_matches",
            registries=(REGISTER,),
            legal_basis=ART_36,
            amount=owed,
            message=f"Register amount for {scope} equals the expected {owed}",
            params=params,
            text=f"amount_matches{variant}" if variant else None,
        )
    ]


def _exit_ban_finding(found: RegisterDebtor) -> Finding:
    if found.exit_ban:
        numbers = [p.number for p in found.proceedings if p.exit_ban]
        banned = ", ".join(numbers)
        return Finding(
            code="exit_ban_in_force",
            registries=(REGISTER,),
            legal_basis=ART_33,
            message=f"Temporary restriction on leaving the country in force (proceedings {banned})",
            params={"proceedings": numbers},
        )
    return Finding(
        code="no_exit_ban",
        registries=(REGISTER,),
        legal_basis=ART_33,
        message="No restriction on leaving the country in force",
    )
