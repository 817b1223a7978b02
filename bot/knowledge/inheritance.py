"""Distributions: a mesh file that says `based_on: <mesh id>` inherits from that mesh.

Resolution happens on the parsed YAML, before validation, so the merged entry is
validated like any other mesh:

- every top-level field the distribution does not give is copied from its base,
  except its identity (`id`, `name`, `aliases`, `mode_aliases`, `parts`, `as_feature`),
  `outdated_claims` (what articles said about the base is not a claim about the
  distribution), `releases` (a vendor
  numbers its own releases), `project` (its release and support model is its own),
  `fit` (where it runs, its licence and who supports it are the distribution's own:
  the recommender screens on them) and the base's own `based_on`, `distribution` and
  `features_removed`;
- a field it gives replaces the base's whole (a `version` block with the base's
  sources would cite the wrong release notes), except `features`, which is merged
  per feature id: a row the distribution gives replaces the base's row;
- `features_removed: {feature_id: "why"}` turns those rows into level `no` with
  that note, cited by the distribution's own `sources`;
- inherited overhead figures are labelled as borrowed from the base
  (`borrowed_from: <base id>`, unless the base had borrowed them itself): they were
  measured for the base, not for the distribution;
- a distribution whose control plane the provider hosts outside the user's cluster
  (`distribution.control_plane: provider_hosted`) does not inherit the base's
  control-plane figures: those resources are not the user's to pay for.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bot.knowledge.problems import Problem

NOT_INHERITED = frozenset(
    {
        "id",
        "name",
        "aliases",
        "former_names",
        "earlier_lines",
        "mode_aliases",
        "parts",
        "as_feature",
        "outdated_claims",
        "based_on",
        "distribution",
        "features_removed",
        "releases",
        "project",
        "fit",
        "cncf_sources",  # a distribution's CNCF standing is its own (cncf: none for most)
    }
)


@dataclass
class RawMesh:
    """One mesh file as parsed YAML, before validation."""

    file: str
    data: Any


def resolve_distributions(meshes: list[RawMesh]) -> tuple[list[RawMesh], list[Problem]]:
    """Each mesh with its base's fields merged in; problems name file, path and fix."""
    by_id: dict[str, RawMesh] = {}
    for entry in meshes:
        by_id.setdefault(_field(entry.data, "id"), entry)
    problems: list[Problem] = []
    resolved: dict[str, Any] = {}  # file -> merged data

    def resolve(entry: RawMesh, chain: tuple[str, ...]) -> Any:
        """`chain` is the path of mesh ids being resolved, ending with this one's."""
        if entry.file in resolved:
            return resolved[entry.file]
        data = entry.data
        base_id = _field(data, "based_on")
        if base_id in by_id and base_id not in chain:
            base = resolve(by_id[base_id], (*chain, base_id))
            data, found = _merge(data, base if isinstance(base, dict) else {}, base_id, entry.file)
            problems.extend(found)
        elif base_id:
            problems.append(_base_problem(entry.file, base_id, chain))
        resolved[entry.file] = data
        return data

    out = [RawMesh(e.file, resolve(e, (_field(e.data, "id"),))) for e in meshes]
    return out, problems


def _field(data: Any, key: str) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) else ""


def _base_problem(file: str, base_id: str, chain: tuple[str, ...]) -> Problem:
    if base_id in chain:
        loop = " → ".join([*chain[chain.index(base_id) :], base_id])
        return Problem(
            file=file,
            path="based_on",
            message=f"distributions form a cycle: {loop}",
            fix="base one of them on an upstream mesh that has no based_on",
        )
    return Problem(
        file=file,
        path="based_on",
        message=f"unknown base mesh '{base_id}'",
        fix="use the id of a mesh under meshes/",
    )


def _merge(
    own: dict[str, Any], base: dict[str, Any], base_id: str, file: str
) -> tuple[dict[str, Any], list[Problem]]:
    merged = {k: copy.deepcopy(v) for k, v in base.items() if k not in NOT_INHERITED}
    merged.update({k: v for k, v in own.items() if k != "features"})
    base_rows = base.get("features") if isinstance(base.get("features"), dict) else {}
    own_rows = own.get("features") if isinstance(own.get("features"), dict) else {}
    removed = own.get("features_removed") if isinstance(own.get("features_removed"), dict) else {}
    problems = list(_bad_rows(own, own_rows, removed, base_rows, base_id, file))
    rows = {fid: _inherited(row, base_id) for fid, row in copy.deepcopy(base_rows).items()}
    rows.update({fid: row for fid, row in own_rows.items() if fid in base_rows})
    for fid, why in removed.items():
        if fid in base_rows and fid not in own_rows:
            rows[fid] = {"level": "no", "note": why, "sources": own.get("sources", [])}
    merged["features"] = rows
    if "overhead" not in own:
        merged["overhead"] = [
            _borrowed(f, base_id)
            for f in merged.get("overhead") or []
            if not (_provider_hosted(own) and _control_plane_figure(f))
        ]
    return merged, problems


def _inherited(row: Any, base_id: str) -> Any:
    """A feature row taken unchanged from the base: its versions are the base's."""
    if isinstance(row, dict) and not row.get("inherited_from"):
        return {**row, "inherited_from": base_id}
    return row


def _borrowed(figure: Any, base_id: str) -> Any:
    """An inherited figure was measured for the base (or for whom the base borrowed it)."""
    if isinstance(figure, dict) and not figure.get("borrowed_from"):
        return {**figure, "borrowed_from": base_id}
    return figure


def _provider_hosted(own: dict[str, Any]) -> bool:
    block = own.get("distribution")
    return isinstance(block, dict) and block.get("control_plane") == "provider_hosted"


def _control_plane_figure(figure: Any) -> bool:
    return isinstance(figure, dict) and str(figure.get("metric", "")).startswith("control_plane_")


def _bad_rows(
    own: dict[str, Any],
    own_rows: dict[str, Any],
    removed: dict[str, Any],
    base_rows: dict[str, Any],
    base_id: str,
    file: str,
) -> Iterator[Problem]:
    for fid in own_rows:
        if fid not in base_rows:
            yield Problem(
                file=file,
                path=f"features.{fid}",
                message=f"overrides feature '{fid}', which base mesh '{base_id}' has no row for",
                fix="use a feature id from features.yaml (the base covers every one)",
            )
    for fid in removed:
        if fid not in base_rows:
            yield Problem(
                file=file,
                path=f"features_removed.{fid}",
                message=f"removes feature '{fid}', which base mesh '{base_id}' has no row for",
                fix="remove only features the base has (ids from features.yaml)",
            )
        elif fid in own_rows:
            yield Problem(
                file=file,
                path=f"features_removed.{fid}",
                message=f"feature '{fid}' is both overridden under features: and removed",
                fix="keep one of the two",
            )
    if removed and "sources" not in own:
        yield Problem(
            file=file,
            path="features_removed",
            message="removed features need the distribution's own sources",
            fix="add a top-level sources: list citing where the removal is documented",
        )
