"""file_approved: the acts a person approved in the review queue, filed to their proceedings in AIS EP now rather
than by the next night. One work item per approved act; each upload and action is the same once-only side effect
the night uses (flows/documents_step.file_act), so an act is never filed twice, whoever files it first. A rejected
act never reaches this flow: the queue hands out approved acts only.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from bots.aisep import AisEpBot
from domain.documents import kind
from flows.documents_step import file_approved_act
from orynda.config import Settings
from orynda.errors import InvalidInput
from orynda.flow import Discovery, Flow, ItemContext, ItemResult, ItemSpec, ReportColumn
from orynda.review import ReviewState


class ApprovedAct(BaseModel):
    """One act of the review queue, approved and not yet filed."""

    review_id: int
    act: str
    kind: str
    proceeding: str


def load_items(params: dict[str, Any], settings: Settings) -> list[ItemSpec[ApprovedAct]]:
    return []  # the work is in the review queue: see discover


async def discover(ctx: ItemContext, found: Discovery) -> None:
    """The approved acts of the review queue, recorded as one page (a resume after that has them already)."""
    if found.pages:
        return
    waiting = ctx.review.to_file()
    found.record(
        1,
        [
            ItemSpec(
                seq=n,
                key=item.act,
                source="review queue",
                payload=ApprovedAct(review_id=item.id, act=item.act, kind=item.kind, proceeding=item.proceeding),
            )
            for n, item in enumerate(waiting, start=1)
        ],
    )


async def process(payload: ApprovedAct, ctx: ItemContext) -> ItemResult:
    item = ctx.review.get(payload.review_id)
    if item is None or item.review_state is ReviewState.FILED:
        return ItemResult(fields={"act": payload.act, "review": ReviewState.FILED.value})
    if not item.review_state.approved:
        raise InvalidInput(f"act {payload.act} is {item.state} in the review queue, not approved: it is not filed")
    records = ctx.documents.documents(numbers=[d["number"] for d in item.documents])
    if not records:
        raise InvalidInput(f"act {payload.act}: the register holds none of its documents")
    aisep = ctx.bot(AisEpBot)
    filer = await ctx.step("aisep", "read the signed-in bailiff", aisep.signed_in_bailiff)
    case = await ctx.step("aisep", f"read proceeding {payload.proceeding}", lambda: aisep.read_case(payload.proceeding))
    ctx.parties([case.creditor.id])
    await file_approved_act(ctx, aisep, item, kind(payload.kind), records, [case], filer)
    return ItemResult(fields={"act": payload.act, "proceeding": payload.proceeding, "review": ReviewState.FILED.value})


FLOW = Flow(
    name="file_approved",
    title="Acts approved in the review queue, filed to AIS EP now",
    load_items=load_items,
    discover=discover,
    process=process,
    payload_model=ApprovedAct,
    sites=("aisep",),
    columns=(
        ReportColumn("act", "Act"),
        ReportColumn("proceeding", "Proceeding"),
        ReportColumn("review", "Review", "act_state"),
    ),
)
