"""The knowledge base as one JSON document for other tools (shape documented in docs/export.md)."""

from __future__ import annotations

from typing import Any

from bot.knowledge.base import KnowledgeBase

EXPORT_SCHEMA_VERSION = 2


def export_knowledge(kb: KnowledgeBase) -> dict[str, Any]:
    """A stable, JSON-ready dict of every mesh, feature and source."""
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "as_of": kb.as_of.isoformat(),
        "version": kb.version,
        "meshes": {
            mesh.id: {
                "name": mesh.name,
                "based_on": mesh.based_on,
                "distribution": (
                    mesh.distribution.model_dump(mode="json") if mesh.distribution else None
                ),
                "features_removed": dict(mesh.features_removed),
                "aliases": list(mesh.aliases),
                "parts": [part.model_dump(mode="json") for part in mesh.parts],
                "status": mesh.status.value,
                "status_note": mesh.status_note,
                "replaced_by": list(mesh.replaced_by),
                "summary": mesh.summary,
                "license": mesh.license,
                "cncf": mesh.cncf.value,
                "data_plane": mesh.data_plane.model_dump(mode="json"),
                "project": mesh.project.model_dump(mode="json") if mesh.project else None,
                "version": mesh.version.model_dump(mode="json"),
                "support": {
                    fid: {
                        "level": s.level.value,
                        "since": s.since,
                        "note": s.note,
                        "not_applicable": s.not_applicable,
                        "lacks": s.lacks,
                        "build_gap": s.build_gap,
                        "edition_adds": s.edition_adds,
                        "edge_only": s.edge_only,
                        "sources": list(s.sources),
                    }
                    for fid, s in mesh.features.items()
                },
                "overhead": [f.model_dump(mode="json") for f in mesh.overhead],
                "outdated_claims": [c.model_dump(mode="json") for c in mesh.outdated_claims],
                "sources": list(mesh.sources),
            }
            for mesh in kb.meshes.values()
        },
        "features": {
            f.id: {
                "name": f.name,
                "aliases": list(f.aliases),
                "category": f.category.value,
                "description": f.description,
                "tasks": list(f.tasks),
                "named_by": list(f.named_by),
                "explanation": f.explanation,
            }
            for f in kb.features.values()
        },
        "sources": {
            s.id: {
                "title": s.title,
                "url": str(s.url) if s.url else None,
                "publisher": s.publisher,
                "date": s.date.isoformat(),
                "kind": s.kind.value,
                "vendor_authored": s.vendor_authored,
                "vendor_of": list(s.vendor_of),
            }
            for s in kb.sources.values()
        },
    }
