"""A provider's own build of a project, named by the provider and the project: "gke managed
istio", "google's istio", "azure's managed istio" name the Istio-based offering whose
`fit.provider` is that provider (rules.yaml `provider_named`), as its aliases do. The names
are made from the data, so a new distribution or provider word needs no code."""

from __future__ import annotations

from bot.knowledge.aliases import normalise
from bot.knowledge.models import Mesh, RulesFile


def provider_words(rules: RulesFile, provider: str) -> list[str]:
    """The words that name a provider: its `vendors` words and its platforms' words."""
    words = list(rules.vendors.get(provider, []))
    for platform in rules.platforms.values():
        if platform.provider == provider:
            words += [*platform.words, *platform.alone]
    return list(dict.fromkeys(normalise(w) for w in words))


def provider_named(rules: RulesFile, meshes: dict[str, Mesh]) -> dict[str, Mesh]:
    """The meshes, each distribution of a provider's also known by `provider_named`'s names
    for it (those no other mesh already answers to)."""
    if not rules.provider_named:
        return meshes
    taken = {normalise(a): m.id for m in meshes.values() for a in (m.id, m.name, *m.known_as)}
    builds: dict[tuple[str, str], int] = {}  # one provider's builds of one project
    for mesh in meshes.values():
        if mesh.based_on and mesh.fit and mesh.fit.provider:
            key = (mesh.fit.provider, mesh.based_on)
            builds[key] = builds.get(key, 0) + 1
    out = dict(meshes)
    for mesh in meshes.values():
        base = meshes.get(mesh.based_on or "")
        provider = mesh.fit.provider if mesh.fit else None
        if base is None or not provider or builds[(provider, base.id)] > 1:
            continue  # two builds of one provider's: the name says neither
        bases = list(dict.fromkeys(normalise(b) for b in (base.id, base.aliases[0])))
        makers = {normalise(w) for w in rules.vendors.get(provider, [])}
        named = [
            normalise(said.format(vendor=v, base=b))
            for form in rules.provider_named
            for v in provider_words(rules, provider)
            # a maker's possessive reads as its name ("google's istio": "google istio")
            for said in ([form, form.replace("'s", "")] if v in makers else [form])
            for b in bases
        ]
        new = [n for n in dict.fromkeys(named) if taken.get(n, mesh.id) == mesh.id]
        new = [n for n in new if n not in {normalise(a) for a in mesh.aliases}]
        if new:
            out[mesh.id] = mesh.model_copy(update={"aliases": [*mesh.aliases, *new]})
    return out
