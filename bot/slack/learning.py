"""Learning from answers: feedback buttons on each one, and knowledge gaps and
comparisons recorded in the background (an answer never waits for the store)."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from slack_sdk.models.views import View
from slack_sdk.web.async_client import AsyncWebClient

from bot.intents.models import Intent, IntentKind
from bot.render.feedback import Answered, with_feedback
from bot.render.report import HOME_VIEW_BLOCKS, report_blocks
from bot.store.records import Comparison, Gap, GapReason
from bot.store.store import SECONDS_PER_DAY, Store

# (user id, team id) of the request being served; set by the middleware.
requester: ContextVar[tuple[str | None, str | None]] = ContextVar("requester", default=(None, None))
GAP_KINDS = {IntentKind.unknown: GapReason.unknown, IntentKind.out_of_scope: GapReason.out_of_scope}


def gap_reason(intent: Intent, kind: IntentKind) -> GapReason | None:
    """Why an answer counts as a knowledge gap, or None when it does not."""
    if kind in GAP_KINDS:
        return GAP_KINDS[kind]
    if intent.unknown_names:
        return GapReason.unknown_mesh
    if intent.unsure:
        return GapReason.low_confidence
    return None


class Learning:
    def __init__(self, store: Store | None) -> None:
        self.store = store

    def answered(
        self, intent: Intent, kind: IntentKind, message: dict[str, Any], knowledge: str | None
    ) -> dict[str, Any]:
        """`message` with feedback buttons; records a gap or a comparison on the side."""
        if self.store is not None:
            self._record(intent, kind, knowledge)
        answered = Answered(
            intent=kind.value,
            meshes=intent.meshes,
            features=intent.features,
            knowledge=knowledge,
        )
        return with_feedback(message, answered)

    def _record(self, intent: Intent, kind: IntentKind, knowledge: str | None) -> None:
        assert self.store is not None
        user, team = requester.get()
        reason = gap_reason(intent, kind)
        if reason is not None:
            gap = Gap(
                reason=reason,
                text=intent.text,
                parsed=intent.model_dump_json(
                    exclude_defaults=True, exclude={"text", "suggestions"}
                ),
                names=intent.unknown_names,
                knowledge_version=knowledge,
                user=user,
                team=team,
            )
            self.store.spawn(self.store.add_gap(gap))
        elif kind == IntentKind.compare and len(intent.meshes) >= 2:
            self.store.spawn(self.store.add_comparison(Comparison(meshes=intent.meshes, user=user)))


REPORT_DAYS = 30


async def is_admin(user: str, client: AsyncWebClient, store: Store) -> bool:
    """Listed in MESHBOT_ADMINS, or a workspace admin or owner (users.info)."""
    if user in store.settings.admins:
        return True
    try:
        info = await client.users_info(user=user)
    except Exception:  # no users:read scope or Slack unreachable: not shown
        return False
    person = info.get("user") or {}
    return bool(person.get("is_admin") or person.get("is_owner"))


async def with_admin_report(
    view: View, user: str, client: AsyncWebClient, store: Store | None
) -> View:
    """The App Home view, plus the learning report when `user` is an admin."""
    if store is None or not await is_admin(user, client, store):
        return view
    report = await store.report(REPORT_DAYS * SECONDS_PER_DAY)
    if report is None:
        return view
    room = HOME_VIEW_BLOCKS - len(view.blocks)
    extra = report_blocks(report, REPORT_DAYS)
    if room < len(extra):
        return view
    return View(**{**view.to_dict(), "blocks": [*(b.to_dict() for b in view.blocks), *extra]})
