"""The learning report: knowledge gaps, 👎 rates, facts shown with a 👎, comparisons."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime

from pydantic import BaseModel


class GapLine(BaseModel):
    text: str
    count: int
    last_seen: str
    reason: str


class VoteLine(BaseModel):
    up: int = 0
    down: int = 0

    @property
    def down_rate(self) -> float:
        total = self.up + self.down
        return self.down / total if total else 0.0


class IntentVotes(VoteLine):
    intent: str


class MeshVotes(VoteLine):
    mesh: str


class DownvotedFact(BaseModel):
    mesh: str
    feature: str | None
    down: int


class ComparisonLine(BaseModel):
    meshes: list[str]
    count: int


class Report(BaseModel):
    since: str
    gaps: list[GapLine]
    feedback: list[IntentVotes]
    feedback_by_mesh: list[MeshVotes]
    downvoted_facts: list[DownvotedFact]
    down_reasons: dict[str, int]
    comparisons: list[ComparisonLine]


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")


def _gap_label(label: str) -> str:
    """A gap without stored text is shown by its parsed form."""
    if not label.startswith("{"):
        return label
    try:
        parsed = json.loads(label)
    except ValueError:
        return label
    words = [parsed.get("kind", "?"), *parsed.get("meshes", []), *parsed.get("features", [])]
    return "(parsed) " + " ".join(str(w) for w in words)


def build_report(
    since: float,
    gap_rows: list[dict],
    vote_rows: list[dict],
    compared: list[tuple[list[str], int]],
    limit: int,
) -> Report:
    by_intent: dict[str, IntentVotes] = {}
    by_mesh: dict[str, MeshVotes] = {}
    facts: Counter[tuple[str, str | None]] = Counter()
    reasons: Counter[str] = Counter()
    for row in vote_rows:
        up = row["vote"] == "up"
        line = by_intent.setdefault(row["intent"], IntentVotes(intent=row["intent"]))
        meshes, features = json.loads(row["meshes"]), json.loads(row["features"])
        for target in [line, *(by_mesh.setdefault(m, MeshVotes(mesh=m)) for m in meshes)]:
            target.up += up
            target.down += not up
        if not up:
            reasons[row["reason"] or "not given"] += 1
            facts.update((m, f) for m in meshes for f in (features or [None]))
    gaps = [
        GapLine(
            text=_gap_label(r["label"]),
            count=r["count"],
            last_seen=iso(r["last_seen"]),
            reason=r["reason"],
        )
        for r in gap_rows
    ]
    return Report(
        since=iso(since),
        gaps=gaps,
        feedback=sorted(by_intent.values(), key=lambda v: (-v.down_rate, -v.down, v.intent)),
        feedback_by_mesh=sorted(by_mesh.values(), key=lambda v: (-v.down_rate, -v.down, v.mesh))[
            :limit
        ],
        downvoted_facts=[
            DownvotedFact(mesh=m, feature=f, down=n) for (m, f), n in facts.most_common(limit)
        ],
        down_reasons=dict(reasons.most_common()),
        comparisons=[ComparisonLine(meshes=m, count=n) for m, n in compared],
    )
