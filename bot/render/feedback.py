"""Slack's native feedback buttons on every answer, and the 👎 modal.

The buttons' values and the modal's private_metadata carry what was answered
(intent kind, meshes, features, knowledge version), so any replica can record
a vote.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from slack_sdk.models.blocks import (
    ContextActionsBlock,
    FeedbackButtonsElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
)
from slack_sdk.models.blocks.basic_components import FeedbackButtonObject
from slack_sdk.models.views import View

from bot.render import limits

FEEDBACK_ACTION = "mesh_feedback"
FEEDBACK_MODAL = "mesh_feedback_modal"
REASON_BLOCK, REASON_ACTION = "reason", "reason_choice"
COMMENT_BLOCK, COMMENT_ACTION = "comment", "comment_text"
REASONS = {
    "wrong_fact": "A fact is wrong",
    "outdated": "It is outdated",
    "misunderstood": "It didn't understand my question",
    "other": "Something else",
}
COMMENT_MAX = 500
PRIVATE_METADATA_MAX = 3000


class Answered(BaseModel):
    """What an answer was about: rides in the buttons' values and the modal's metadata."""

    vote: str = Field(default="", pattern="^(up|down|)$")
    intent: str = Field(max_length=32)
    meshes: list[str] = Field(default_factory=list, max_length=12)
    features: list[str] = Field(default_factory=list, max_length=12)
    knowledge: str | None = Field(default=None, max_length=64)
    vote_id: str | None = Field(default=None, max_length=32)

    def encode(self) -> str:
        return self.model_dump_json(exclude_defaults=True)

    @classmethod
    def decode(cls, value: str) -> Answered | None:
        try:
            return cls.model_validate_json(value)
        except ValidationError:
            return None


def feedback_block(answered: Answered) -> dict[str, Any]:
    """A `context_actions` block with 👍 / 👎 (values within Block Kit's 2,000 characters)."""
    up = answered.model_copy(update={"vote": "up"}).encode()
    down = answered.model_copy(update={"vote": "down"}).encode()
    if max(len(up), len(down)) > limits.BUTTON_VALUE:
        up = Answered(vote="up", intent=answered.intent, knowledge=answered.knowledge).encode()
        down = Answered(vote="down", intent=answered.intent, knowledge=answered.knowledge).encode()
    return ContextActionsBlock(
        elements=[
            FeedbackButtonsElement(
                action_id=FEEDBACK_ACTION,
                positive_button=FeedbackButtonObject(
                    text="👍", accessibility_label="This answer helped", value=up
                ),
                negative_button=FeedbackButtonObject(
                    text="👎", accessibility_label="This answer was wrong or unhelpful", value=down
                ),
            )
        ]
    ).to_dict()


def with_feedback(message: dict[str, Any], answered: Answered) -> dict[str, Any]:
    """The message with feedback buttons as its last block (a block is dropped if at 50)."""
    blocks = message.get("blocks", [])[: limits.MAX_BLOCKS - 1]
    return {**message, "blocks": [*blocks, _feedback_block(answered.encode())]}


@lru_cache(maxsize=1024)
def _feedback_block(encoded: str) -> dict[str, Any]:
    """The block for one answered value, built (and validated by slack_sdk) once: the same
    few answers come again and again, and building is most of an answer's render time."""
    return feedback_block(Answered.model_validate_json(encoded))


def feedback_modal(answered: Answered) -> View:
    """The 👎 modal: one reason (required) and an optional comment."""
    return View(
        type="modal",
        callback_id=FEEDBACK_MODAL,
        private_metadata=answered.encode()[:PRIVATE_METADATA_MAX],
        title=PlainTextObject(text="What went wrong?"),
        submit=PlainTextObject(text="Send"),
        close=PlainTextObject(text="Cancel"),
        blocks=[
            InputBlock(
                block_id=REASON_BLOCK,
                label=PlainTextObject(text="The answer…"),
                element=RadioButtonsElement(
                    action_id=REASON_ACTION,
                    options=[
                        Option(value=key, text=PlainTextObject(text=label))
                        for key, label in REASONS.items()
                    ],
                ),
            ),
            InputBlock(
                block_id=COMMENT_BLOCK,
                optional=True,
                label=PlainTextObject(text="Anything to add? (optional)"),
                element=PlainTextInputElement(
                    action_id=COMMENT_ACTION, multiline=True, max_length=COMMENT_MAX
                ),
            ),
        ],
    )


def submitted(view: dict[str, Any]) -> tuple[str | None, str | None]:
    """The reason and comment of a submitted modal (None for what is missing)."""
    values = (view.get("state") or {}).get("values") or {}
    choice = ((values.get(REASON_BLOCK) or {}).get(REASON_ACTION) or {}).get("selected_option")
    reason = choice.get("value") if isinstance(choice, dict) else None
    comment = ((values.get(COMMENT_BLOCK) or {}).get(COMMENT_ACTION) or {}).get("value")
    return (
        reason if reason in REASONS else None,
        comment.strip()[:COMMENT_MAX] if isinstance(comment, str) and comment.strip() else None,
    )
