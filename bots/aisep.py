"""AIS EP, the bailiffs' own case system: the bailiff's active proceedings, a proceeding's card, and what the
bailiff files on it (a document, an action). Signs in with the bailiff's password (ORYNDA_AISEP_USER/PASSWORD).
The card gives the names an act takes (the creditor, the issuing court or body) in Kazakh and in Russian."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.async_api import expect

from domain.records import (
    Case,
    CaseAction,
    CaseDocument,
    CasePayment,
    CaseSummary,
    CreditorCategory,
    ExecutiveDocument,
    Filer,
    OpenedProceeding,
    Party,
    ProceedingOpening,
    Words,
)
from orynda.errors import InvalidInput
from orynda.site.base import Look, action, text_or_empty
from orynda.site.parsing import parse_amount, parse_date
from orynda.site.signing import Row, SignedInBot

_ROW_CELLS = ["number", "opened", "debtor_iin", "debtor_name", "category", "amount", "collected", "remaining", "status"]
_CARD_FIELDS = [
    "number",
    "debtor_name",
    "debtor_iin",
    "creditor_kk",
    "creditor_ru",
    "creditor_id",
    "creditor_iban",
    "creditor_address_kk",
    "creditor_address_ru",
    "category",
    "status",
    "opened",
    "bailiff_name",
    "amount",
    "collected",
    "remaining",
    "costs",
    "doc_kind",
    "doc_issuer_kk",
    "doc_issuer_ru",
    "doc_number",
    "doc_date",
]
_ACTION_CELLS = ["action_date", "action_kind", "action_comment", "action_author"]
_DOCUMENT_CELLS = ["doc_name", "doc_kind_cell", "doc_size", "doc_sha256", "doc_signer"]
_PAYMENT_CELLS = ["payment_reference", "payment_date", "payment_amount"]


class AisEpBot(SignedInBot):
    site = "aisep"

    @action
    async def list_active_proceedings(
        self, *, after_page: int = 0, on_page: Callable[[int, list[CaseSummary]], None] | None = None
    ) -> list[CaseSummary]:
        """Every active proceeding the signed-in bailiff holds, following the pager to the last page, each page
        retried on its own. `on_page` gets each page's proceedings with its number as soon as it is read; pages up to
        `after_page` (read by an earlier walk) are paged past unread. Signed out halfway, the walk signs in again and
        pages past what it handed out already."""
        pages: dict[int, list[CaseSummary]] = {}

        def take(number: int, cases: list[CaseSummary]) -> None:
            pages[number] = cases
            if on_page:
                on_page(number, cases)

        await self.signed_in(lambda: self._list_active(max([after_page, *pages]), take))
        return [case for number in sorted(pages) for case in pages[number]]

    @action
    async def signed_in_bailiff(self) -> Filer:
        """The bailiff this login belongs to, as the site's header names them: acts are issued in that name."""
        return await self.signed_in(self._filer)

    @action
    async def read_case(self, number: str) -> Case:
        """A proceeding's card with its restrictions, actions log and documents."""
        return await self.signed_in(lambda: self._read_case(number))

    @action
    async def upload_document(self, number: str, path: Path, kind: str, signature: Path | None = None) -> str:
        """Files a PDF or DOCX on the proceeding, with its ЭЦП (a detached CMS file) when given; the SHA-256 the
        site shows for it."""
        return await self.signed_in(lambda: self._upload(number, path, kind, signature))

    @action
    async def record_payment(self, number: str, payment: CasePayment) -> None:
        """Records a payment from the deposit account on the proceeding's card, once: a reference the card lists
        already is not recorded again."""
        await self.signed_in(lambda: self._record_payment(number, payment))

    @action
    async def register_action(self, number: str, kind: str, comment: str) -> None:
        """Records an action (request_sent, arrest_imposed, …) in the proceeding's log."""
        await self.signed_in(lambda: self._register(number, kind, comment))

    @action
    async def open_proceeding(self, opening: ProceedingOpening) -> OpenedProceeding:
        """Opens a proceeding on an accepted executive document; AIS EP knows a document opened before (the same
        court, case number and debtor IIN) and gives that proceeding's number back (`existing`) instead."""
        return await self.signed_in(lambda: self._open_proceeding(opening))

    async def probe_signed_in(self, look: Look) -> None:
        """The form that opens a proceeding (not sent), the list unfiltered and filtered to the active proceedings,
        then the first one's card; reads only."""
        await self.visit("open")
        await look("open")
        await self.visit("list")
        await self.page_outcome("list", ["results", "no_results"])
        await look("list")
        await self.el("list", "status_filter").select_option("active")
        await self.press("list", "apply")
        if await self.page_outcome("list", ["results", "no_results"]) == "no_results":
            return
        await look("list")
        number = (await self.el("list", "number").inner_text()).strip()
        await self._open_card(number)
        await look("card")

    # --- steps -----------------------------------------------------------------------------------------------
    async def _list_active(self, skip: int, take: Callable[[int, list[CaseSummary]], None]) -> None:
        await self.visit("list")
        await self.page_outcome("list", ["results", "no_results"])  # the unfiltered first load, before filtering
        await self.el("list", "status_filter").select_option("active")
        await self.press("list", "apply")
        if await self.page_outcome("list", ["results", "no_results"]) == "no_results":
            return
        while True:
            number = int((await self.el("list", "page_number").inner_text()).strip())
            if number > skip:
                take(number, [self._summary(row) for row in await self.read_rows("list", "row", _ROW_CELLS)])
            if await self.el("list", "next_page").is_disabled():
                return
            await self.press("list", "next_page")
            await self.page_outcome("list", ["results"])
            await expect(self.el("list", "page_number")).to_have_text(str(number + 1), timeout=self.timeout)

    async def _open_proceeding(self, opening: ProceedingOpening) -> OpenedProceeding:
        await self.visit("open")
        for element, value in (
            ("court", opening.court),
            ("case_number", opening.case_number),
            ("document_date", opening.document_date.isoformat()),
            ("debtor_iin", opening.debtor_iin),
            ("debtor_name", opening.debtor_name),
            ("creditor_name", opening.creditor_name),
            ("creditor_id", opening.creditor_id),
            ("amount", str(opening.amount)),
        ):
            await self.el("open", element).fill(value)
        await self.el("open", "document_kind").select_option(opening.document_kind)
        await self.el("open", "category").select_option(opening.category.value)
        async with self.page.expect_navigation(wait_until="domcontentloaded", timeout=self.timeout):
            await self.press("open", "open_button")
        shown = await self.outcome("open", ["opened_new", "opened_existing", "open_failed"])
        if shown == "open_failed":
            code = await self.el("open", "open_failed").get_attribute("data-code")
            raise InvalidInput(
                f"AIS EP refused to open a proceeding on case {opening.case_number}: {code}",
                site=self.site,
                page="open",
                fields={"case_number": opening.case_number},
            )
        number = (await self.el("open", "opened_number").inner_text()).strip()
        return OpenedProceeding(number=number, existing=shown == "opened_existing")

    async def _filer(self) -> Filer:
        await self.visit("list")
        name = (await self.el("list", "user_name").inner_text()).strip()
        login = (await self.el("list", "user_login").inner_text()).strip()
        if not name or not login:
            raise InvalidInput("AIS EP shows no signed-in bailiff in its header", site=self.site, page="list")
        return Filer(login=login, name=name)

    async def _read_case(self, number: str) -> Case:
        await self._open_card(number)
        card = await self.read_fields("card", _CARD_FIELDS)
        restrictions = await self.all("card", "restriction").all_inner_texts()
        actions = await self.read_rows("card", "action_row", _ACTION_CELLS)
        documents = await self.read_rows("card", "document_row", _DOCUMENT_CELLS)
        payments = await self._payments()
        return self._case(
            card,
            tuple(self._code(r) for r in restrictions),
            tuple(self._action(a) for a in actions),
            tuple(self._document(d) for d in documents),
        ).model_copy(update={"payments": payments})

    async def _payments(self) -> tuple[CasePayment, ...]:
        rows = await self.read_rows("card", "payment_row", _PAYMENT_CELLS)
        return tuple(
            CasePayment(
                reference=text_or_empty(r["payment_reference"]),
                date=parse_date(text_or_empty(r["payment_date"])),
                amount=parse_amount(text_or_empty(r["payment_amount"])),
            )
            for r in rows
        )

    async def _record_payment(self, number: str, payment: CasePayment) -> None:
        await self._open_card(number)
        if any(p.reference == payment.reference for p in await self._payments()):
            return
        await self.el("card", "payment_reference_input").fill(payment.reference)
        await self.el("card", "payment_date_input").fill(payment.date.isoformat())
        await self.el("card", "payment_amount_input").fill(str(payment.amount))
        await self.press("card", "payment_button")
        if await self.outcome("card", ["payment_done", "payment_failed"]) == "payment_done":
            return
        code = await self.el("card", "payment_error").get_attribute("data-code")
        if code == "duplicate_reference":  # recorded meanwhile (a lost answer, another runner): once is enough
            return
        reason = (await self.el("card", "payment_error").inner_text()).strip()
        raise InvalidInput(
            f"AIS EP refused the payment {payment.reference} on {number}: {code} ({reason})",
            site=self.site,
            page="card",
            fields={"reference": payment.reference},
        )

    async def _upload(self, number: str, path: Path, kind: str, signature: Path | None) -> str:
        await self._open_card(number)
        await self._choose("upload_kind", kind)
        await self.el("card", "upload_file").set_input_files(path)
        if signature is not None:
            await self.el("card", "upload_signature").set_input_files(signature)
        await self.press("card", "upload_button")
        shown = await self.outcome("card", ["upload_done", "upload_failed", "upload_signature_refused"])
        if shown == "upload_failed":
            raise InvalidInput(
                f"AIS EP refused {path.name} on {number} (PDF or DOCX only)", site=self.site, page="card"
            )
        if shown == "upload_signature_refused":
            raise InvalidInput(
                f"AIS EP refused the signature of {path.name} on {number}: not valid, or not the signed-in bailiff's",
                site=self.site,
                page="card",
            )
        return (await self.el("card", "upload_sha256").inner_text()).strip()

    async def _register(self, number: str, kind: str, comment: str) -> None:
        await self._open_card(number)
        await self._choose("action_kind_input", kind)
        await self.el("card", "action_comment_input").fill(comment)
        await self.press("card", "action_button")
        if await self.outcome("card", ["action_done", "action_failed"]) == "action_failed":
            raise InvalidInput(f"AIS EP refused the action {kind} on {number}", site=self.site, page="card")

    async def _open_card(self, number: str) -> None:
        await self.visit("card", number)
        if await self.page_outcome("card", ["card", "not_found"]) == "not_found":
            raise InvalidInput(f"AIS EP shows no proceeding {number} of this bailiff", site=self.site, page="card")

    async def _choose(self, select: str, value: str) -> None:
        """Picks an option by value; one the site does not offer is a bad input, not a wait for it to appear."""
        field = self.el("card", select)
        if await field.locator(f'option[value="{value}"]').count() == 0:
            raise InvalidInput(f"AIS EP offers no {select} {value!r}", site=self.site, page="card")
        await field.select_option(value)

    # --- records ---------------------------------------------------------------------------------------------
    def _summary(self, row: Row) -> CaseSummary:
        return CaseSummary(
            number=text_or_empty(row["number"]),
            opened=parse_date(text_or_empty(row["opened"])),
            debtor_iin=text_or_empty(row["debtor_iin"]),
            debtor_name=text_or_empty(row["debtor_name"]),
            category=self._category(row["category"]),
            amount=parse_amount(text_or_empty(row["amount"])),
            collected=parse_amount(text_or_empty(row["collected"])),
            remaining=parse_amount(text_or_empty(row["remaining"])),
            status=self._code(row["status"]),
        )

    def _case(
        self,
        card: Row,
        restrictions: tuple[str, ...],
        actions: tuple[CaseAction, ...],
        documents: tuple[CaseDocument, ...],
    ) -> Case:
        text = {name: text_or_empty(value) for name, value in card.items()}
        document = ExecutiveDocument(
            kind=self._code(text["doc_kind"]),
            issuer=Words(kk=text["doc_issuer_kk"], ru=text["doc_issuer_ru"]),
            number=text["doc_number"],
            date=parse_date(text["doc_date"]),
        )
        return Case(
            number=text["number"],
            debtor_iin=text["debtor_iin"],
            debtor_name=text["debtor_name"],
            creditor=Party(
                name=Words(kk=text["creditor_kk"], ru=text["creditor_ru"]),
                id=text["creditor_id"],
                iban=text["creditor_iban"],
                address=Words(kk=text["creditor_address_kk"], ru=text["creditor_address_ru"]),
            ),
            category=self._category(text["category"]),
            status=self._code(text["status"]),
            opened=parse_date(text["opened"]),
            bailiff_name=text["bailiff_name"],
            amount=parse_amount(text["amount"]),
            collected=parse_amount(text["collected"]),
            remaining=parse_amount(text["remaining"]),
            costs=parse_amount(text["costs"]),
            document=document,
            restrictions=restrictions,
            actions=actions,
            documents=documents,
        )

    def _action(self, row: Row) -> CaseAction:
        return CaseAction(
            date=parse_date(text_or_empty(row["action_date"])).isoformat(),
            kind=self._code(row["action_kind"]),
            comment=text_or_empty(row["action_comment"]),
            author=text_or_empty(row["action_author"]),
        )

    def _document(self, row: Row) -> CaseDocument:
        return CaseDocument(
            name=text_or_empty(row["doc_name"]),
            kind=self._code(row["doc_kind_cell"]),
            size=int(text_or_empty(row["doc_size"]) or 0),
            sha256=text_or_empty(row["doc_sha256"]),
            signed_by=self._signer(row["doc_signer"]),
        )

    def _signer(self, cell: str | None) -> str:
        """The signer's name; the site's word for an unsigned file is no name."""
        name = text_or_empty(cell)
        return "" if self.word(name) == "unsigned" else name

    def _code(self, label: str | None) -> str:
        """The site's label as its code ('Орындалуда' → 'active'); an unknown label is kept as shown."""
        return self.word(label) or text_or_empty(label)

    def _category(self, label: str | None) -> CreditorCategory:
        word = self.word(label) or ""
        return CreditorCategory(word) if word in CreditorCategory._value2member_map_ else CreditorCategory.OTHER
