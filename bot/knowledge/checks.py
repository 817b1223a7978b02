"""Cross-file checks: references, completeness, aliases and dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import HttpUrl

from bot.knowledge.aliases import confusable_pairs, normalise
from bot.knowledge.models import (
    PRIMARY_KINDS,
    VENDOR_KINDS,
    FactDef,
    FactType,
    FactValue,
    FeaturesFile,
    Level,
    Mesh,
    OfferingTrait,
    RulesFile,
    ScreeningTest,
    SourcesFile,
)
from bot.knowledge.problems import Problem

TESTS = frozenset(ScreeningTest)  # what a rule file may name; the answers implement them
TRAITS = frozenset(OfferingTrait)


@dataclass
class LoadedFiles:
    """The files that passed their own schema, ready for cross-checking."""

    meta_as_of: dt.date | None
    sources: SourcesFile | None
    features: FeaturesFile | None
    rules: RulesFile | None
    meshes: dict[str, Mesh]
    mesh_files: dict[str, str]


def cross_check(loaded: LoadedFiles, today: dt.date) -> list[Problem]:
    checks = [
        _check_meta(loaded, today),
        _check_sources(loaded, today),
        _check_features(loaded),
        _check_meshes(loaded, today),
        _check_fit(loaded),
        _check_aliases(loaded),
        _check_rules(loaded),
        _check_other_products(loaded),
    ]
    return [problem for check in checks for problem in check]


def _future(date: dt.date, today: dt.date, file: str, path: str) -> Iterator[Problem]:
    if date > today:
        yield Problem(
            file=file,
            path=path,
            message=f"date {date} is in the future",
            fix=f"use the date the fact was published or checked (today is {today})",
        )


def _duplicates(ids: list[str], file: str, prefix: str, what: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, item_id in enumerate(ids):
        if item_id in seen:
            yield Problem(
                file=file,
                path=f"{prefix}[{i}].id",
                message=f"duplicate {what} id '{item_id}'",
                fix=f"give each {what} a unique id",
            )
        seen.add(item_id)


def _check_meta(loaded: LoadedFiles, today: dt.date) -> Iterator[Problem]:
    if loaded.meta_as_of:
        yield from _future(loaded.meta_as_of, today, "meta.yaml", "as_of")


def _check_sources(loaded: LoadedFiles, today: dt.date) -> Iterator[Problem]:
    if not loaded.sources:
        return
    file = "sources.yaml"
    yield from _duplicates([s.id for s in loaded.sources.sources], file, "sources", "source")
    for i, source in enumerate(loaded.sources.sources):
        yield from _future(source.date, today, file, f"sources[{i}].date")
        if source.url is not None:
            yield from _check_url(source.url, file, f"sources[{i}].url")
        if source.kind in VENDOR_KINDS and not source.vendor_of:
            yield Problem(
                file=file,
                path=f"sources[{i}].vendor_of",
                message=f"{source.kind} source names no vendor",
                fix="list the mesh ids whose vendor wrote it in vendor_of",
            )
        for j, mesh_id in enumerate(source.vendor_of):
            if loaded.meshes and mesh_id not in loaded.meshes:
                yield Problem(
                    file=file,
                    path=f"sources[{i}].vendor_of[{j}]",
                    message=f"unknown mesh '{mesh_id}'",
                    fix="use the id of a mesh under meshes/",
                )


SEARCH_ENGINES = frozenset({"google", "bing", "duckduckgo", "yahoo"})


def _is_search_result(url: HttpUrl) -> bool:
    """A search engine's result page (or redirect), not the page it found."""
    labels = set((url.host or "").lower().split("."))
    path = (url.path or "/").rstrip("/")
    query = {key for key, _ in url.query_params()}
    return (
        bool(SEARCH_ENGINES & labels)
        and path in ("", "/search", "/url", "/html")
        and bool({"q", "p"} & query)
    )


def _check_url(url: HttpUrl, file: str, path: str) -> Iterator[Problem]:
    if url.scheme not in ("http", "https") or "." not in (url.host or ""):
        yield Problem(
            file=file,
            path=path,
            message=f"'{url}' is not a web address",
            fix="write a full http(s) URL with a real host name",
        )
    elif _is_search_result(url):
        yield Problem(
            file=file,
            path=path,
            message=f"'{url}' is a search-engine result, not the source itself",
            fix="link the source's own page; if it has none, remove url and say so in "
            "publisher and note",
        )


def _check_features(loaded: LoadedFiles) -> Iterator[Problem]:
    if loaded.features:
        ids = [f.id for f in loaded.features.features]
        yield from _duplicates(ids, "features.yaml", "features", "feature")
        for i, feature in enumerate(loaded.features.features):
            if feature.narrows and (feature.narrows not in ids or feature.narrows == feature.id):
                yield Problem(
                    file="features.yaml",
                    path=f"features[{i}].narrows",
                    message=f"'{feature.narrows}' is no other feature",
                    fix="name the id of the broader feature this one is a kind of",
                )
            for j, covered in enumerate(feature.covers):
                if covered not in ids or covered == feature.id:
                    yield Problem(
                        file="features.yaml",
                        path=f"features[{i}].covers[{j}]",
                        message=f"'{covered}' is no other feature",
                        fix="name the id of a feature this one meets for the workloads it serves",
                    )
    if loaded.features and loaded.sources:
        source_ids = {s.id for s in loaded.sources.sources}
        concept = loaded.features.service_mesh
        cited = [(f"service_mesh.sources[{i}]", sid) for i, sid in enumerate(concept.sources)]
        cited += [
            (f"service_mesh.terms[{n}].sources[{i}]", sid)
            for n, term in enumerate(concept.terms)
            for i, sid in enumerate(term.sources)
        ]
        cited += [
            (f"features[{n}].defines[{d}].sources[{i}]", sid)
            for n, feature in enumerate(loaded.features.features)
            for d, defined in enumerate(feature.defines)
            for i, sid in enumerate(defined.sources)
        ]
        for path, sid in cited:
            if sid not in source_ids:
                yield _unknown_source("features.yaml", path, sid)


def _unknown_source(file: str, path: str, sid: str) -> Problem:
    """A citation of a source id that sources.yaml does not hold."""
    return Problem(
        file=file,
        path=path,
        message=f"unknown source '{sid}'",
        fix="add it to sources.yaml or cite an existing source id",
    )


def source_refs(mesh: Mesh) -> Iterator[tuple[str, str]]:
    """Every source the offering's file cites, with where (`fit.sources[0]`)."""
    for i, sid in enumerate(mesh.sources):
        yield f"sources[{i}]", sid
    for i, sid in enumerate(mesh.version.sources):
        yield f"version.sources[{i}]", sid
    for n, meets in enumerate(mesh.interop):
        for i, sid in enumerate(meets.sources):
            yield f"interop[{n}].sources[{i}]", sid
    if mesh.generally_available:
        for i, sid in enumerate(mesh.generally_available.sources):
            yield f"generally_available.sources[{i}]", sid
    for n, former in enumerate(mesh.former_names):
        for i, sid in enumerate(former.sources):
            yield f"former_names[{n}].sources[{i}]", sid
    for n, line in enumerate(mesh.earlier_lines):
        for i, sid in enumerate(line.sources):
            yield f"earlier_lines[{n}].sources[{i}]", sid
    for i, sid in enumerate(mesh.cncf_sources):
        yield f"cncf_sources[{i}]", sid
    for n, part in enumerate(mesh.built_from):
        for i, sid in enumerate(part.sources):
            yield f"built_from[{n}].sources[{i}]", sid
    for i, sid in enumerate(mesh.data_plane.sources):
        yield f"data_plane.sources[{i}]", sid
    if mesh.license_terms:
        for i, sid in enumerate(mesh.license_terms.sources):
            yield f"license_terms.sources[{i}]", sid
    for platform, there in mesh.on_platforms.items():
        for i, sid in enumerate(there.sources):
            yield f"on_platforms.{platform}.sources[{i}]", sid
    if mesh.project:
        for i, sid in enumerate(mesh.project.sources):
            yield f"project.sources[{i}]", sid
        for n, minor in enumerate(mesh.project.minors):
            for i, sid in enumerate(minor.sources):
                yield f"project.minors[{n}].sources[{i}]", sid
    for fid, support in mesh.features.items():
        for i, sid in enumerate(support.sources):
            yield f"features.{fid}.sources[{i}]", sid
    for n, figure in enumerate(mesh.overhead):
        for i, sid in enumerate(figure.sources):
            yield f"overhead[{n}].sources[{i}]", sid
    for n, requests in enumerate(mesh.default_requests):
        for i, sid in enumerate(requests.sources):
            yield f"default_requests[{n}].sources[{i}]", sid
    if mesh.distribution:
        for i, sid in enumerate(mesh.distribution.sources):
            yield f"distribution.sources[{i}]", sid
    if mesh.fit:
        for i, sid in enumerate(mesh.fit.sources):
            yield f"fit.sources[{i}]", sid
        for i, sid in enumerate(mesh.fit.support_sources):
            yield f"fit.support_sources[{i}]", sid
        for i, sid in enumerate(mesh.fit.platform_sources):
            yield f"fit.platform_sources[{i}]", sid
        for i, sid in enumerate(mesh.fit.pricing_sources):
            yield f"fit.pricing_sources[{i}]", sid
        if mesh.fit.unit_prices:
            for i, sid in enumerate(mesh.fit.unit_prices.sources):
                yield f"fit.unit_prices.sources[{i}]", sid
        for name in ("fargate_pods", "gke_autopilot"):
            record = getattr(mesh.fit, name)
            for i, sid in enumerate(record.sources if record else []):
                yield f"fit.{name}.sources[{i}]", sid
        if mesh.fit.stable_builds:
            for i, sid in enumerate(mesh.fit.stable_builds.sources):
                yield f"fit.stable_builds.sources[{i}]", sid
    for n, claim in enumerate(mesh.outdated_claims):
        for i, sid in enumerate(claim.seen_in):
            yield f"outdated_claims[{n}].seen_in[{i}]", sid
        for i, sid in enumerate(claim.sources):
            yield f"outdated_claims[{n}].sources[{i}]", sid
    for n, part in enumerate(mesh.parts):
        for i, sid in enumerate(part.sources):
            yield f"parts[{n}].sources[{i}]", sid


def _check_meshes(loaded: LoadedFiles, today: dt.date) -> Iterator[Problem]:
    source_ids = {s.id for s in loaded.sources.sources} if loaded.sources else None
    feature_ids = [f.id for f in loaded.features.features] if loaded.features else None
    for mesh_id, mesh in loaded.meshes.items():
        file = loaded.mesh_files[mesh_id]
        if source_ids is not None:
            for path, sid in source_refs(mesh):
                if sid not in source_ids:
                    yield _unknown_source(file, path, sid)
        if feature_ids is not None:
            for fid in mesh.features:
                if fid not in feature_ids:
                    yield Problem(
                        file=file,
                        path=f"features.{fid}",
                        message=f"unknown feature '{fid}'",
                        fix="use a feature id from features.yaml",
                    )
            for fid in feature_ids:
                if fid not in mesh.features:
                    yield Problem(
                        file=file,
                        path=f"features.{fid}",
                        message="no entry for this feature",
                        fix="add it; write `level: unknown` if it is not known",
                    )
            for n, claim in enumerate(mesh.outdated_claims):
                if claim.feature and claim.feature not in feature_ids:
                    yield Problem(
                        file=file,
                        path=f"outdated_claims[{n}].feature",
                        message=f"unknown feature '{claim.feature}'",
                        fix="use a feature id from features.yaml",
                    )
        for fid, support in mesh.features.items():
            if support.level != "unknown" and not support.sources:
                yield Problem(
                    file=file,
                    path=f"features.{fid}.sources",
                    message=f"level '{support.level}' cites no source",
                    fix="cite a source id, or set the level to unknown",
                )
        yield from _check_not_applicable(loaded, mesh, file)
        yield from _check_lacks(loaded, mesh, file)
        yield from _check_modes(loaded, mesh, feature_ids, file)
        if feature_ids is not None and mesh.as_feature not in (None, *feature_ids):
            yield Problem(
                file=file,
                path="as_feature",
                message=f"unknown feature '{mesh.as_feature}'",
                fix="use a feature id from features.yaml",
            )
        for i, fid in enumerate(mesh.waypoint_features):
            if feature_ids is not None and fid not in feature_ids:
                yield Problem(
                    file=file,
                    path=f"waypoint_features[{i}]",
                    message=f"unknown feature '{fid}'",
                    fix="use a feature id from features.yaml",
                )
        beside = mesh.mode_aliases.beside if mesh.mode_aliases else []
        for i, other in enumerate(mesh.successors_named):
            if other not in mesh.replaced_by:
                yield Problem(
                    file=file,
                    path=f"successors_named[{i}]",
                    message=f"'{other}' is not in replaced_by",
                    fix="name successors from replaced_by, or add it there",
                )
        named = [(f"replaced_by[{i}]", other) for i, other in enumerate(mesh.replaced_by)]
        named += [(f"mode_aliases.beside[{i}]", other) for i, other in enumerate(beside)]
        for path, other in named:
            if other not in loaded.meshes:
                yield Problem(
                    file=file,
                    path=path,
                    message=f"unknown mesh '{other}'",
                    fix="use the id of a mesh under meshes/",
                )
        yield from _future(mesh.version.as_of, today, file, "version.as_of")
        if mesh.project:
            yield from _future(mesh.project.as_of, today, file, "project.as_of")
        for n, figure in enumerate(mesh.overhead):
            yield from _future(figure.as_of, today, file, f"overhead[{n}].as_of")
            yield from _lender(loaded, mesh_id, figure.borrowed_from, file, n)
    yield from _check_part_ids(loaded)


def _check_part_ids(loaded: LoadedFiles) -> Iterator[Problem]:
    """A part's id names it across the knowledge base (an intent carries it), and so does a
    term's."""
    seen = {t.id for t in loaded.features.service_mesh.terms} if loaded.features else set()
    if loaded.features:
        seen |= {d.id for f in loaded.features.features for d in f.defines}
    for mesh_id, mesh in loaded.meshes.items():
        for n, part in enumerate(mesh.parts):
            if part.id in seen:
                yield Problem(
                    file=loaded.mesh_files[mesh_id],
                    path=f"parts[{n}].id",
                    message=f"duplicate part id '{part.id}'",
                    fix="give each part a unique id across all meshes",
                )
            seen.add(part.id)


def _check_not_applicable(loaded: LoadedFiles, mesh: Mesh, file: str) -> Iterator[Problem]:
    """A row marked not applicable says so from a primary source, like any other fact."""
    if not loaded.sources:
        return
    kinds = {s.id: s.kind for s in loaded.sources.sources}
    for fid, support in mesh.features.items():
        if support.not_applicable and not any(
            kinds.get(sid) in PRIMARY_KINDS for sid in support.sources
        ):
            yield Problem(
                file=file,
                path=f"features.{fid}.not_applicable",
                message="not applicable, but no primary source says why",
                fix="cite official docs, release notes or the project's repository that show "
                "the feature does not apply, or drop not_applicable",
            )


def _check_lacks(loaded: LoadedFiles, mesh: Mesh, file: str) -> Iterator[Problem]:
    """A row that `lacks` part of a feature names a part the feature's `named_by` words
    promise, or no question could ever ask for it."""
    if not loaded.features:
        return
    named = {f.id for f in loaded.features.features if f.named_by}
    for fid, support in mesh.features.items():
        if support.lacks and fid not in named:
            yield Problem(
                file=file,
                path=f"features.{fid}.lacks",
                message="lacks part of a feature that has no `named_by` words",
                fix="give the feature in features.yaml the words that promise that part "
                "(`named_by`), or drop lacks",
            )


def _check_modes(
    loaded: LoadedFiles, mesh: Mesh, feature_ids: list[str] | None, file: str
) -> Iterator[Problem]:
    """A row that names the offering's mode names another entry that is known, or features
    that are."""
    for fid, support in mesh.features.items():
        if support.mode is not None and (
            support.mode == mesh.id or support.mode not in loaded.meshes
        ):
            yield Problem(
                file=file,
                path=f"features.{fid}.mode",
                message=f"unknown mesh '{support.mode}'",
                fix="use the id of another mesh under meshes/, the entry of that mode",
            )
        base = loaded.meshes.get(mesh.based_on or "")
        if (
            support.mode in loaded.meshes
            and support.level == Level.yes
            and base is not None
            and base.data_plane == mesh.data_plane
            and (row := base.features.get(fid)) is not None
            and row.level != Level.yes
        ):
            yield Problem(
                file=file,
                path="data_plane",
                message=f"its data plane is {base.id}'s, yet features.{fid} runs "
                f"{support.mode} too",
                fix="give it a data_plane of its own whose summary names both",
            )
        for key, others in (
            ("mode_features", support.mode_features),
            ("not_with", support.not_with),
        ):
            for n, other in enumerate(others):
                if feature_ids is not None and other not in feature_ids:
                    yield Problem(
                        file=file,
                        path=f"features.{fid}.{key}[{n}]",
                        message=f"unknown feature '{other}'",
                        fix="use a feature id from features.yaml",
                    )


def _lender(
    loaded: LoadedFiles, mesh_id: str, lender: str | None, file: str, n: int
) -> Iterator[Problem]:
    """A borrowed figure names another mesh, one that exists."""
    if lender is None:
        return
    if lender == mesh_id or lender not in loaded.meshes:
        yield Problem(
            file=file,
            path=f"overhead[{n}].borrowed_from",
            message=f"'{lender}' is not another mesh",
            fix="name the mesh under meshes/ whose measurement this is, or drop borrowed_from "
            "if it was measured for this mesh",
        )


def _check_fit(loaded: LoadedFiles) -> Iterator[Problem]:
    """Every current offering states where it runs, its licence and its support."""
    for mesh_id, mesh in loaded.meshes.items():
        if mesh.is_current and mesh.fit is None:
            yield Problem(
                file=loaded.mesh_files[mesh_id],
                path="fit",
                message=f"current offering '{mesh_id}' has no fit block, so the recommender "
                "cannot screen it",
                fix="add `fit:` after `cncf:` with platforms, licence, support_from, "
                "uses_envoy and sources (see Fit in bot/knowledge/models.py)",
            )


def _alias_locations(loaded: LoadedFiles) -> list[tuple[str, str, str, str]]:
    """(entity, alias, file, path) for every alias the parser matches on."""
    out = []
    for mesh_id, mesh in loaded.meshes.items():
        file = loaded.mesh_files[mesh_id]
        out.append((f"mesh {mesh_id}", mesh.id, file, "id"))
        out.append((f"mesh {mesh_id}", mesh.name, file, "name"))
        out += [(f"mesh {mesh_id}", a, file, f"aliases[{i}]") for i, a in enumerate(mesh.aliases)]
        out += [
            (f"mesh {mesh_id}", f.name, file, f"former_names[{i}].name")
            for i, f in enumerate(mesh.former_names)
        ]
        out += [
            (f"mesh {mesh_id}", s, file, f"former_names[{i}].short[{j}]")
            for i, f in enumerate(mesh.former_names)
            for j, s in enumerate(f.short)
        ]
        for n, part in enumerate(mesh.parts):
            out.append((f"mesh {mesh_id}", part.name, file, f"parts[{n}].name"))
            out += [
                (f"mesh {mesh_id}", a, file, f"parts[{n}].aliases[{i}]")
                for i, a in enumerate(part.aliases)
            ]
    if loaded.features:
        for n, term in enumerate(loaded.features.service_mesh.terms):
            entity, path = f"term {term.id}", f"service_mesh.terms[{n}]"
            out.append((entity, term.name, "features.yaml", f"{path}.name"))
            out += [
                (entity, a, "features.yaml", f"{path}.aliases[{i}]")
                for i, a in enumerate(term.aliases)
            ]
        for n, feature in enumerate(loaded.features.features):
            entity = f"feature {feature.id}"
            out.append((entity, feature.id, "features.yaml", f"features[{n}].id"))
            out.append((entity, feature.name, "features.yaml", f"features[{n}].name"))
            out += [
                (entity, a, "features.yaml", f"features[{n}].aliases[{i}]")
                for i, a in enumerate(feature.aliases)
            ]
    return out


def _check_aliases(loaded: LoadedFiles) -> Iterator[Problem]:
    locations = _alias_locations(loaded)
    where = {(entity, normalise(alias)): (file, path) for entity, alias, file, path in locations}
    pairs = confusable_pairs([(entity, alias) for entity, alias, _, _ in locations])
    reported: set[tuple[str, str]] = set()
    for (entity_a, alias_a), (entity_b, alias_b), score in pairs:
        key = (entity_b, alias_b)
        if key in reported:
            continue
        reported.add(key)
        file, path = where[key]
        other_file, other_path = where[(entity_a, alias_a)]
        same = "is also" if score == 100 else f"is too similar ({score:.0f}%) to"
        yield Problem(
            file=file,
            path=path,
            message=f"alias '{alias_b}' of {entity_b} {same} '{alias_a}' of {entity_a} "
            f"({other_file}: {other_path})",
            fix="drop or reword one of them so a typo cannot match the wrong entity",
        )


def _value_fits(fact: FactDef, value: FactValue, feature_ids: set[str] | None) -> str | None:
    """Why `value` does not fit `fact`, or None when it does."""
    match fact.type:
        case FactType.number:
            ok = isinstance(value, int) and not isinstance(value, bool)
            return None if ok else "needs a whole number"
        case FactType.flag:
            return None if isinstance(value, bool) else "needs true or false"
        case FactType.choice:
            return None if value in fact.choices else f"needs one of {fact.choices}"
        case FactType.mesh:
            return None if isinstance(value, str) else "needs a mesh id"
        case FactType.choices:
            ok = isinstance(value, list) and all(v in fact.choices for v in value)
            return None if ok else f"needs a list of {fact.choices}"
        case FactType.features:
            if not isinstance(value, list):
                return "needs a list of feature ids"
            bad = [v for v in value if feature_ids is not None and v not in feature_ids]
            return f"names unknown features {bad}" if bad else None


def _check_rules(loaded: LoadedFiles) -> Iterator[Problem]:
    rules = loaded.rules
    if not rules:
        return
    file = "rules.yaml"
    source_ids = {s.id for s in loaded.sources.sources} if loaded.sources else None
    kinds = {s.id: s.kind for s in loaded.sources.sources} if loaded.sources else None
    feature_ids = {f.id for f in loaded.features.features} if loaded.features else None
    facts = {f.id: f for f in rules.facts}
    yield from _duplicates([f.id for f in rules.facts], file, "facts", "fact")
    yield from _duplicates([q.id for q in rules.questions], file, "questions", "question")
    yield from _duplicates([r.id for r in rules.rules], file, "rules", "rule")
    for i, mesh_id in enumerate(rules.featured):
        if loaded.meshes and mesh_id not in loaded.meshes:
            yield Problem(
                file=file,
                path=f"featured[{i}]",
                message=f"unknown mesh '{mesh_id}'",
                fix="use the id of a mesh under meshes/",
            )
    for i, fact in enumerate(rules.facts):
        named = facts.get(fact.line_of or "")
        if fact.line_of and (
            fact.type != FactType.number or not named or named.type != FactType.mesh
        ):
            yield Problem(
                file=file,
                path=f"facts[{i}].line_of",
                message=f"'{fact.line_of}' is no mesh fact this number can name a line of",
                fix="give line_of to a number fact, naming a fact of type mesh",
            )
        if fact.mesh and loaded.meshes and fact.mesh not in loaded.meshes:
            yield Problem(
                file=file,
                path=f"facts[{i}].mesh",
                message=f"unknown mesh '{fact.mesh}'",
                fix="use the id of a mesh under meshes/",
            )
    yield from _check_constraints(rules, feature_ids)
    yield from _check_rate_caps(rules, feature_ids)

    def settings(values: dict[str, FactValue], path: str) -> Iterator[Problem]:
        for fact_id, value in values.items():
            fact = facts.get(fact_id)
            why = (
                f"unknown fact '{fact_id}'"
                if fact is None
                else _value_fits(fact, value, feature_ids)
            )
            if why:
                yield Problem(
                    file=file,
                    path=f"{path}.{fact_id}",
                    message=why,
                    fix="declare the fact under facts: or correct the value",
                )

    for i, signal in enumerate(rules.signals):
        yield from settings(signal.set, f"signals[{i}].set")
    for policy in rules.cncf_policies:
        yield from settings({"licence": policy}, f"cncf_policies.{policy}")
    for mesh_id, mesh in (loaded.meshes or {}).items():
        for platform, there in mesh.on_platforms.items():
            for flag in there.not_with:
                for found in settings({flag: True}, f"on_platforms.{platform}.not_with"):
                    yield found.model_copy(update={"file": loaded.mesh_files[mesh_id]})
    for i, tool in enumerate(rules.covered_by):
        yield from settings({"covered": tool.features}, f"covered_by[{i}].features")
        yield from settings({"covered": tool.said}, f"covered_by[{i}].said")
    for i, met in enumerate(rules.without_mesh):
        yield from settings({met.fact: True}, f"without_mesh[{i}].fact")
        yield from settings({"needs": met.features}, f"without_mesh[{i}].features")
    for fact_id, refused in rules.refusals.objects.items():
        yield from settings({refused.sets or fact_id: refused.value}, "refusals.objects")
        yield from settings({"needs": refused.moots}, f"refusals.objects.{fact_id}.moots")
    for fact_id, accepted in rules.refusals.accepted.items():
        yield from settings({fact_id: accepted.value}, "refusals.accepted")
    for fact_id, limited in rules.refusals.limits.objects.items():
        yield from settings({fact_id: limited.value}, "refusals.limits.objects")
    for fact_id in rules.refusals.meshes.modes if rules.refusals.meshes else {}:
        yield from settings({fact_id: True}, "refusals.meshes.modes")
    for fact_id, demanded in rules.refusals.demands.objects.items():
        yield from settings({fact_id: demanded.value}, "refusals.demands.objects")
    for fact_id in rules.memory.of:
        yield from settings({fact_id: 1}, "memory.of")
    if rules.memory.alone:
        yield from settings({rules.memory.alone: 1}, "memory.alone")

    def undeclared(fact_id: str, path: str) -> Iterator[Problem]:
        if fact_id not in facts:
            yield Problem(
                file=file,
                path=path,
                message=f"unknown fact '{fact_id}'",
                fix="declare the fact under facts:",
            )

    for i, setup in enumerate(rules.no_paid_editions):
        for fact_id in setup:
            yield from undeclared(fact_id, f"no_paid_editions[{i}].{fact_id}")
    for i, met in enumerate(rules.without_mesh):
        for fact_id in met.when:
            yield from undeclared(fact_id, f"without_mesh[{i}].when.{fact_id}")
    for i, question in enumerate(rules.questions):
        yield from undeclared(question.fact, f"questions[{i}].fact")
        for j, option in enumerate(question.options):
            yield from settings(option.set, f"questions[{i}].options[{j}].set")
            for fact_id in option.unless:
                yield from undeclared(fact_id, f"questions[{i}].options[{j}].unless.{fact_id}")
    costs = rules.caveat_cost
    for key, traits in (
        ("outdone_unless", costs.outdone_unless),
        ("outdone_spares", costs.outdone_spares),
    ):
        for trait in traits:
            if trait not in TRAITS:
                yield Problem(
                    file=file,
                    path=f"caveat_cost.{key}",
                    message=f"unknown trait '{trait}'",
                    fix="use one of " + ", ".join(sorted(TRAITS)),
                )
    for topic_id, topic in rules.priorities.topics.items():
        for fact_id in topic.unless:
            yield from undeclared(fact_id, f"priorities.topics.{topic_id}.unless.{fact_id}")
    for i, rule in enumerate(rules.rules):
        for fact_id, condition in rule.when.items():
            path = f"rules[{i}].when.{fact_id}"
            fact = facts.get(fact_id)
            if fact is None:
                yield from undeclared(fact_id, path)
                continue
            for operator in ("any_of", "all_of", "only"):
                listed = getattr(condition, operator)
                if listed is None:
                    continue
                if operator == "only" and fact.type == FactType.choices:
                    for j, choice in enumerate(listed):
                        if choice not in fact.choices:
                            yield Problem(
                                file=file,
                                path=f"{path}.only[{j}]",
                                message=f"'{choice}' is not a choice of {fact_id}",
                                fix=f"use one of {fact.choices}",
                            )
                    continue
                if fact.type != FactType.features:
                    yield Problem(
                        file=file,
                        path=f"{path}.{operator}",
                        message=f"{operator} applies only to a features fact",
                        fix="use is/lt/gte/one_of",
                    )
                for j, fid in enumerate(listed):
                    if feature_ids is not None and fid not in feature_ids:
                        yield Problem(
                            file=file,
                            path=f"{path}.{operator}[{j}]",
                            message=f"unknown feature '{fid}'",
                            fix="use a feature id from features.yaml",
                        )
            for j, choice in enumerate(condition.one_of or []):
                if choice not in fact.choices:
                    yield Problem(
                        file=file,
                        path=f"{path}.one_of[{j}]",
                        message=f"'{choice}' is not a choice of {fact_id}",
                        fix=f"use one of {fact.choices}",
                    )
        for mesh_id in rule.scores:
            mesh = loaded.meshes.get(mesh_id)
            if loaded.meshes and (mesh is None or not mesh.is_current):
                yield Problem(
                    file=file,
                    path=f"rules[{i}].scores.{mesh_id}",
                    message=f"'{mesh_id}' is not a current offering",
                    fix="score the id of an active mesh under meshes/",
                )
        wanted = rule.applies_if.feature if rule.applies_if else None
        if wanted and feature_ids is not None and wanted not in feature_ids:
            yield Problem(
                file=file,
                path=f"rules[{i}].applies_if.feature",
                message=f"unknown feature '{wanted}'",
                fix="use a feature id from features.yaml",
            )
        if rule.cite_weighed and loaded.meshes:
            cited = {sid for m in loaded.meshes.values() for sid in m.offering_sources}
            for j, sid in enumerate(rule.sources):
                if sid not in cited:
                    yield Problem(
                        file=file,
                        path=f"rules[{i}].sources[{j}]",
                        message=f"'{sid}' is cited by no offering, so cite_weighed never shows it",
                        fix="cite a source of an offering the rule weighs, or drop cite_weighed",
                    )
        named = [(f"traits.{t}", t) for t in rule.traits] + [("rests_on", t) for t in rule.rests_on]
        for where, trait in named:
            if trait not in TRAITS:
                yield Problem(
                    file=file,
                    path=f"rules[{i}].{where}",
                    message=f"unknown trait '{trait}'",
                    fix="use one of " + ", ".join(sorted(TRAITS)),
                )
        if kinds is not None and not any(kinds.get(sid) in PRIMARY_KINDS for sid in rule.sources):
            yield Problem(
                file=file,
                path=f"rules[{i}].sources",
                message=f"rule '{rule.id}' cites no primary source",
                fix="cite at least one source of kind "
                + ", ".join(sorted(PRIMARY_KINDS))
                + " for the facts in its because:",
            )
        for j, sid in enumerate(rule.sources):
            if source_ids is not None and sid not in source_ids:
                yield _unknown_source(file, f"rules[{i}].sources[{j}]", sid)
        for mesh_id, clause in rule.because_of.items():
            if mesh_id not in rule.scores:
                yield Problem(
                    file=file,
                    path=f"rules[{i}].because_of.{mesh_id}",
                    message=f"'{mesh_id}' is not an offering the rule scores",
                    fix="give a sentence of the reason only about an offering under scores:",
                )
            for j, sid in enumerate(clause.sources):
                if source_ids is not None and sid not in source_ids:
                    yield _unknown_source(
                        file, f"rules[{i}].because_of.{mesh_id}.sources[{j}]", sid
                    )
        for need, clause in rule.because_of_need.items():
            where = f"rules[{i}].because_of_need.{need}"
            if feature_ids is not None and need not in feature_ids:
                yield Problem(
                    file=file,
                    path=where,
                    message=f"unknown feature '{need}'",
                    fix="give a sentence of the reason only about a feature id from features.yaml",
                )
            for j, sid in enumerate(clause.sources):
                if source_ids is not None and sid not in source_ids:
                    yield _unknown_source(file, f"{where}.sources[{j}]", sid)
    for platform, definition in rules.platforms.items():
        for j, sid in enumerate(definition.licence.sources if definition.licence else []):
            if source_ids is not None and sid not in source_ids:
                yield _unknown_source(file, f"platforms.{platform}.licence.sources[{j}]", sid)


def _check_other_products(loaded: LoadedFiles) -> Iterator[Problem]:
    rules = loaded.rules
    if not rules or not loaded.sources:
        return
    source_ids = {s.id for s in loaded.sources.sources}
    known = {normalise(a) for m in (loaded.meshes or {}).values() for a in (m.name, *m.known_as)}
    for n, product in enumerate(rules.other_products):
        for i, sid in enumerate(product.sources):
            if sid not in source_ids:
                yield _unknown_source("rules.yaml", f"other_products[{n}].sources[{i}]", sid)
        for i, name in enumerate(product.names):
            if normalise(name) in known:
                yield Problem(
                    file="rules.yaml",
                    path=f"other_products[{n}].names[{i}]",
                    message=f"'{name}' names an offering of the knowledge base",
                    fix="drop the name, or drop the product if it is covered as an offering",
                )
    for i, sid in enumerate(rules.cluster_limits.sources if rules.cluster_limits else []):
        if sid not in source_ids:
            yield _unknown_source("rules.yaml", f"cluster_limits.sources[{i}]", sid)
    for n, constraint in enumerate(rules.constraints):
        for i, sid in enumerate(constraint.sources):
            if sid not in source_ids:
                yield _unknown_source("rules.yaml", f"constraints[{n}].sources[{i}]", sid)


def _check_rate_caps(rules: RulesFile, feature_ids: set[str] | None) -> Iterator[Problem]:
    caps = rules.rate_caps
    if caps is None:
        return
    if rules.fact(caps.fact) is None:
        yield Problem(
            file="rules.yaml",
            path="rate_caps.fact",
            message=f"unknown fact '{caps.fact}'",
            fix="declare the fact, with its rate units, under facts:",
        )
    if feature_ids is not None and caps.feature not in feature_ids:
        yield Problem(
            file="rules.yaml",
            path="rate_caps.feature",
            message=f"unknown feature '{caps.feature}'",
            fix="use a feature id from features.yaml",
        )


def _unknown_ids(
    listed: str, said: list[str], known: set[str], kind: str, under: str
) -> Iterator[Problem]:
    """A problem for each id of the rules.yaml list `listed` that names no `kind` under
    `under:`."""
    for i, id_ in enumerate(said):
        if id_ not in known:
            yield Problem(
                file="rules.yaml",
                path=f"{listed}[{i}]",
                message=f"unknown {kind} '{id_}'",
                fix=f"use the id of a {kind} under {under}:",
            )


def _check_constraints(rules: RulesFile, feature_ids: set[str] | None) -> Iterator[Problem]:
    facts = {f.id for f in rules.facts}
    ids = {c.id for c in rules.constraints}
    for listed, constraint_ids in (
        ("relax_order", rules.relax_order),
        ("ways_out", rules.ways_out),
    ):
        yield from _unknown_ids(listed, constraint_ids, ids, "constraint", "constraints")
    yield from _unknown_ids("relax_first", rules.relax_first, facts, "fact", "facts")
    relaxed = {*rules.relax_order, *rules.relax_first}
    for i, kept in enumerate(rules.kept_over_new_needs):
        if kept not in relaxed:
            yield Problem(
                file="rules.yaml",
                path=f"kept_over_new_needs[{i}]",
                message=f"'{kept}' is given up by neither relax_order nor relax_first",
                fix="use an id listed in relax_order or relax_first",
            )
    for i, constraint in enumerate(rules.constraints):
        path = f"constraints[{i}]"
        if constraint.fact not in facts:
            yield Problem(
                file="rules.yaml",
                path=f"{path}.fact",
                message=f"unknown fact '{constraint.fact}'",
                fix="declare the fact under facts:",
            )
        if constraint.test not in TESTS:
            yield Problem(
                file="rules.yaml",
                path=f"{path}.test",
                message=f"unknown test '{constraint.test}'",
                fix="use one of " + ", ".join(sorted(TESTS)),
            )
        if constraint.feature and feature_ids is not None and constraint.feature not in feature_ids:
            yield Problem(
                file="rules.yaml",
                path=f"{path}.feature",
                message=f"unknown feature '{constraint.feature}'",
                fix="use a feature id from features.yaml",
            )
