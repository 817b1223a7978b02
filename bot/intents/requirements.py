"""Requirements in free text that need more than a fixed phrase: the platform and who must
support the mesh.

The words come from rules.yaml (`platforms:`, `vendors:`, `support_phrases:` with a
`support_plans:` name allowed after the vendor, `mesh_vendor_phrases:`). A platform
word inside a mesh's name ("AKS Istio add-on", "ECS Service Connect") names the mesh,
not the platform, and one in a feature's name ("Kubernetes Gateway API") the feature; a
specific platform ("EKS") wins over plain "Kubernetes" and VMs unless a `distinct:` word
names them too ("EKS plus rke2"), or a `located:` one ("an on-prem cluster") beside a
platform that is not `self_hosted`; `alone:` words ("bare metal servers", "azure")
name a platform only when no other is named; `places:` ("bare metal") name none; a
platform right after a `not_platform` word (and a `platform_qualifiers` word: "not plain
AKS") is not theirs, and plain Kubernetes refused so with no Kubernetes platform named is
`off_kubernetes`; VMs a few words after a `shares` word ("half our stuff") hold part of a
mixed estate, not its one platform. A mesh they want off is `leaving`, unless a `modes`
word beside its name says they leave its data-plane mode ("off istio sidecars"): then they
run it still and refuse that mode; a cue denied ("NOT switching away from istio") keeps the
mesh: they run it, and what they pick is to be built on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from bot.intents import gated
from bot.intents.alternation import word_pattern
from bot.intents.channel_run import ChannelRun
from bot.intents.clauses import SENTENCE_END
from bot.intents.cluster_hosts import ClusterHosts
from bot.intents.complaints import complaint_pattern
from bot.intents.extract import wish_pattern
from bot.intents.lazy import LazyPattern
from bot.intents.likened_places import likened_platforms
from bot.intents.platform_managed import PlatformManaged
from bot.intents.pricing import PriceReader
from bot.intents.sized_run import SizedRun
from bot.intents.statements import SENTENCE_BREAK, statements
from bot.knowledge.aliases import STOPWORDS, normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import (
    FactType,
    FactValue,
    Implication,
    Platform,
    RefusedMeshes,
    RulesFile,
)

_DOTTED = re.compile(r"\d\.[\dx]")  # a text with a release number in it ("1.16", "2.x")

_ASIDE = re.compile(r"\([^()]*\)")
# "we're on AKS w/ the OSM addon": how many words may stand between an `already_phrases` cue
# and the name of a mesh no longer current that it says they run
GONE_REACH = 6
_DETERMINER = r"(?:our|the)"  # "supported by our AWS account team"

# Platforms a specific one outranks: "Kubernetes on EKS" is EKS.
_GENERIC = frozenset({Platform.vms, Platform.kubernetes})
HURTS = "hurts"  # the fact: a complaint said beside the mesh they run
WANTED = "wanted_mesh"  # the stance's fact: the mesh they say they want
HURT_BEFORE = "hurt_before"  # the fact: a mesh they ran or tried once, and it hurt
CLOUD = "cloud"  # the fact: the provider whose cloud the VMs named run in
OWN_PREMISES = "own"  # the `cloud` of machines in their own data centre
RETIRED = "retired_mesh"  # the fact: a retired mesh they run ("we're still on osm")
JOIN_GAP = 2  # "plus ~40 legacy ec2 vms": two more words at most between a joins word and VMs
SHARE_WINDOW = 5  # "half our stuff is still on plain VMs": up to five words between
SUBJECT_GAP = 2  # "linkerd would replace it": a mesh this close before the cue is its subject
TRIED_GAP = 2  # "we tried the old traefik mesh": words between the cue and the name
_SIZED = ("services", "pods")  # the facts whose counts a mesh may be said to run
TENURE_GAP = 5  # "linkerd 2.14 on eks for 2 years": up to five words between
DENIED_REACH = 4  # "we don't have the ___ subscription": words before a name said to lack it


# A tool's pattern of needs named with it, its jobs' names, which need each name is, and
# what it covers whenever named.
_ToolJobs = tuple[gated.Gated, LazyPattern, dict[str, str], list[str]]


def sentence_starts(text: str) -> list[int]:
    """Where each sentence after the first begins in the normalised text (a break is a
    full stop, question or exclamation mark before a space, or a new line)."""
    starts: list[int] = []
    position = -1
    for sentence in SENTENCE_BREAK.split(text):
        if said := normalise(sentence):
            if position >= 0:
                starts.append(position + 1)
            position += len(said) + 1
    return starts


def _family_phrases(kb: KnowledgeBase, templates: list[str]) -> dict[str, str]:
    """Each template filled with every name of a mesh that has an API family, to that family."""
    return {
        normalise(template.format(mesh=alias)): mesh.api_family
        for mesh in kb.meshes.values()
        if mesh.api_family
        for alias in (mesh.id, mesh.name, *mesh.known_as)
        for template in templates
    }


def _modals(rules: RulesFile) -> list[str]:
    """Each of `vendor_modals`, alone and with each of `modal_adverbs` after it ("will",
    "will actually")."""
    adverbed = [f"{m} {a}" for m in rules.vendor_modals for a in rules.modal_adverbs]
    return [*rules.vendor_modals, *adverbed]


def _with_modals(templates: list[str], modals: list[str]) -> list[str]:
    """Each template, one copy per modal where it has {modal} ("{vendor} {modal} manage":
    "{vendor} has to manage", "{vendor} should manage", …)."""
    out: list[str] = []
    for template in templates:
        if "{modal}" in template:
            out += [template.replace("{modal}", modal) for modal in modals]
        else:
            out.append(template)
    return out


def setup_facts(rules: RulesFile) -> frozenset[str]:
    """Facts that only a setup description states: the choices and flags constraints test
    (platform, support, licence, must-nots), not counts or features (a flag that stands
    for one feature, such as one mesh spanning clusters, is a need like the feature)."""
    kinds = {FactType.choice, FactType.choices, FactType.flag}
    return frozenset(
        c.fact
        for c in rules.constraints
        if (f := rules.fact(c.fact)) and f.type in kinds and c.test != "has_feature"
    )


class RequirementReader:
    """Reads `platform` and `support` from normalised text (indexes built once)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        rules = kb.rules
        self._platform_of = {
            normalise(word): platform
            for platform, definition in rules.platforms.items()
            for word in definition.words
        }
        self._alone_of = {
            normalise(word): platform
            for platform, definition in rules.platforms.items()
            for word in definition.alone
        }
        self._distinct = {
            normalise(word)
            for definition in rules.platforms.values()
            for word in definition.distinct
        }
        self._located = {
            normalise(word)
            for definition in rules.platforms.values()
            for word in definition.located
        }
        self._narrows = {
            Platform(p): definition.narrows
            for p, definition in rules.platforms.items()
            if definition.narrows
        }
        self._self_hosted = {
            p for p, definition in rules.platforms.items() if definition.self_hosted
        }
        self._platform_of.update(
            {
                normalise(word): platform
                for platform, definition in rules.platforms.items()
                for word in (*definition.distinct, *definition.located)
            }
        )
        self._clusterless = {p for p, d in rules.platforms.items() if d.clusterless}
        # Schedulers onto machines outside Kubernetes (Nomad's hosts): `machines`.
        self._machines = {p: d.machines for p, d in rules.platforms.items() if d.machines}
        self._premises = {  # "on-prem vmware vms": VMs in their own data centre
            platform: pattern
            for platform, definition in rules.platforms.items()
            if (pattern := word_pattern([normalise(w) for w in definition.premises]))
        }
        self._cloud_of = {  # "ec2": VMs in AWS
            normalise(word): cloud
            for definition in rules.platforms.values()
            for cloud, words in definition.hosted.items()
            for word in words
        }
        self._platform_of.update(
            {
                normalise(word): platform
                for platform, definition in rules.platforms.items()
                for words in definition.hosted.values()
                for word in words
            }
        )
        negations = word_pattern([normalise(w) for w in rules.not_platform])
        qualifiers = word_pattern([normalise(w) for w in rules.platform_qualifiers])
        qualified = rf"(?:(?:{qualifiers.pattern})\s+)?" if qualifiers else ""
        self._negated = (
            LazyPattern(rf"(?:{negations.pattern})\s+{qualified}$") if negations else None
        )
        skills = word_pattern([normalise(w) for w in rules.not_platform_skills])
        self._skill_next = LazyPattern(rf"\s+(?:{skills.pattern})") if skills else None
        self._likened = likened_platforms(rules.phrases)
        self._cluster_hosts = ClusterHosts(rules)
        units = [normalise(u) for f in rules.facts if f.type == FactType.number for u in f.units]
        counted = word_pattern(units)
        self._counts = LazyPattern(rf"\b\d[\d,.]*\s*k?\s+{counted.pattern}") if counted else None
        self._vendor_of = {normalise(w): v for v, words in rules.vendors.items() for w in words}
        self._vendor_words = word_pattern(list(self._vendor_of))
        named = [a for m in kb.meshes.values() for a in (m.id, m.name, *m.known_as)]
        named += [*self._platform_of, *rules.versioned]
        names = "|".join(sorted({re.escape(n).replace(r"\ ", r"[\s-]+") for n in named}))
        # A release number right after a name ("cilium 1.16", "OCP 4.16", "OSSM 2.6.x").
        number = r"\d+\.(?:\d+|x)(?:\.(?:\d+|x))*"  # "1.16", "1.16.3", "2.x"; "(1.16)" too
        self._release = LazyPattern(
            rf"(?i)\b({names})\s+(?:[(\[]v?{number}[)\]]|v?{number}\b(?!\.\d))",
            opens=_DOTTED.search,
        )
        plain = [t for t in rules.managed_phrases if "{modal}" not in t]
        managed = [t.format(vendor=word) for word in self._vendor_of for t in plain]
        self._managed = gated.phrases([normalise(m) for m in managed])
        self._managed_modal = self._modal_pattern(rules)
        self._platform_managed = PlatformManaged(rules.phrases)
        self._wish = wish_pattern(rules)
        self._support = self._support_pattern(rules)
        self._family_of = _family_phrases(kb, rules.mesh_vendor_phrases)
        self._mesh_vendor = gated.phrases(list(self._family_of))
        # "an istio-based mesh", "closer to upstream istio"
        self._base_of = _family_phrases(kb, rules.mesh_base_phrases)
        self._mesh_base = gated.phrases(list(self._base_of))
        self._products = word_pattern([normalise(p) for p in kb.rules.already_products])
        self._cni_meshes = frozenset(  # "cilium cni": the CNI they run, not its mesh features
            normalise(alias)
            for mesh in kb.meshes.values()
            if mesh.fit and mesh.fit.replaces_cni
            for alias in (mesh.id, mesh.name, *mesh.known_as)
        )
        self._already = self._already_pattern(kb)
        self._covered_words = {  # each tool said to be theirs, as whole words
            name: LazyPattern(rf"\b{re.escape(name)}\b")
            for name, (fact, _) in self._named.items()
            if fact == "covered"
        }
        self._jobs_said = self._tool_jobs(kb)
        self._tools = word_pattern([normalise(w) for t in kb.rules.covered_by for w in t.words])
        self._packaging = self._packaging_names()
        self._asking = frozenset(normalise(w) for w in rules.phrases.get("asks_of", []))
        self._denied_between = word_pattern([normalise(w) for w in rules.already_denied])
        self._denied_before = word_pattern([normalise(w) for w in rules.already_denied_before])
        self._customer_denied = word_pattern([normalise(w) for w in rules.customer_denied_before])
        self._customer_supposed = word_pattern(
            [normalise(w) for w in rules.customer_supposed_before]
        )
        self._leaving = self._leaving_pattern(kb)
        self._pronoun = self._pronoun_pattern(kb)
        said = kb.rules.refusals.meshes
        self._split = frozenset(normalise(p) for p in (said.split if said else []))
        named, pronouns = self._incumbent_names, word_pattern(said.pronouns if said else [])
        self._split_leaving = (
            self._split_pattern(kb, f"(?P<name>{named.pattern})") if named else None
        )
        self._split_pronoun = self._split_pattern(kb, pronouns.pattern) if pronouns else None
        self._fine = word_pattern([normalise(p) for p in kb.rules.running_fine])
        self._past = word_pattern([normalise(p) for p in kb.rules.past_use])
        self._tried = self._tried_pattern(kb)
        self._used_told = word_pattern(
            [normalise(p) for p in kb.rules.phrases.get("used_told", [])], patience=None
        )
        self._quantity = word_pattern([normalise(p) for p in rules.phrases.get("quantity", [])])
        leaving = kb.rules.refusals.meshes
        self._reach = leaving.reach if leaving else 0
        names = self._incumbent_names
        self._incumbents = LazyPattern(rf"(?P<name>{names.pattern})") if names else None
        self._channel_run = ChannelRun(rules.phrases, self._incumbents)
        sized = [u for f in rules.facts if f.id in _SIZED for u in f.units]
        self._sized_run = SizedRun(rules.phrases, sized, self._incumbents)
        self._leaving_fact = leaving.fact if leaving else None
        self._exit = word_pattern([normalise(w) for w in leaving.unnamed] if leaving else [])
        denials = word_pattern([normalise(w) for w in leaving.unless_before] if leaving else [])
        self._denied = LazyPattern(rf"\b(?:{denials.pattern})\s+(?:\w+\s+)?$") if denials else None
        self._api_family = {m.id: m.api_family for m in kb.meshes.values() if m.api_family}
        # An offering that runs on one provider's platform alone: running it says where they run
        self._home = {
            mesh.id: specific[0].value
            for mesh in kb.meshes.values()
            if mesh.fit
            and len(specific := [p for p in mesh.fit.platforms if p not in _GENERIC]) == 1
        }
        self._modes = [
            (fact, pattern)
            for fact, words in (leaving.modes if leaving else {}).items()
            if (pattern := word_pattern([normalise(w) for w in words]))
        ]
        self._already_cues = word_pattern([normalise(p) for p in kb.rules.already_phrases])
        self._complaint = complaint_pattern(rules.phrases)
        self._prices = PriceReader(kb, self._complaint)
        # "we want istio ambient (hate sidecars)": a mesh said to be wanted is not the one
        # a complaint beside it is of
        wanting = [w for st in rules.refusals.stances if st.fact == WANTED for w in st.before]
        wanted = word_pattern([normalise(w) for w in wanting])
        self._wanted = LazyPattern(rf"\b(?:{wanted.pattern})\s*$") if wanted else None
        every_mesh = [normalise(a) for m in kb.meshes.values() for a in (m.id, m.name, *m.known_as)]
        self._any_mesh = word_pattern(every_mesh)
        self._pronouns = word_pattern([normalise(p) for p in leaving.pronouns] if leaving else [])
        multiword = [normalise(a) for m in kb.meshes.values() for a in (m.name, *m.known_as)]
        self._platforms = word_pattern(list(self._platform_of))
        # A feature's name holding a platform word ("Kubernetes Gateway API", "non-Kubernetes
        # workloads") names the feature, as a mesh's names the mesh.
        features = [normalise(a) for f in kb.features.values() for a in (f.name, *f.aliases)]
        platformed = [a for a in features if self._platforms and self._platforms.search(a)]
        multiword += platformed + self._respelt(platformed)  # "k8s native sidecars" too
        self._mesh_names = word_pattern([a for a in multiword if " " in a])
        self._alone = word_pattern(list(self._alone_of))
        where_of = {
            normalise(word): platform
            for platform, definition in rules.platforms.items()
            for word in definition.where_run
        }
        self._alone_of.update(where_of)  # read as `alone` words are, by _counted
        self._where_run = word_pattern(list(where_of)) or LazyPattern(r"(?!)")
        self._places = word_pattern([normalise(p) for p in rules.places])
        shares = word_pattern([normalise(w) for w in rules.shares])
        self._shares = (
            LazyPattern(rf"{shares.pattern}(?:\s+\w+){{0,{SHARE_WINDOW}}}\s+$") if shares else None
        )
        joins = word_pattern([normalise(w) for w in rules.joins])
        # "onboard our VMs", "plus ~60 ec2 vms", "plus 40 legacy ec2 vms": a small word, a
        # count and two more words between at most
        small = "|".join(sorted(STOPWORDS))
        between = rf"(?:\s+(?:{small}))?(?:\s+\d+)?(?:\s+\w+){{0,{JOIN_GAP}}}?"
        self._joins = LazyPattern(rf"{joins.pattern}{between}\s+$") if joins else None
        besides = word_pattern([normalise(w) for w in rules.besides + rules.joined_after])
        self._besides = LazyPattern(rf"^\s+{besides.pattern}") if besides else None

    def _respelt(self, names: list[str]) -> list[str]:
        """Each name with its platform's word said another way: "kubernetes native sidecars"
        as "k8s native sidecars" (a word of one word, as every name's word is)."""
        same: dict[str, list[str]] = {}
        for word, platform in self._platform_of.items():
            if " " not in word:
                same.setdefault(platform, []).append(word)
        return [
            " ".join(other if w == word else w for w in name.split())
            for name in names
            for word in name.split()
            if word in self._platform_of
            for other in same.get(self._platform_of[word], [])
            if other != word
        ]

    def _modal_pattern(self, rules: RulesFile) -> gated.Gated | None:
        """The managed phrases with {modal}: a vendor's word, one of `vendor_modals`, and
        what the template says after it ("google has to manage", "aws should run it"), as
        one pattern rather than every vendor, modal and verb spelled out."""
        rests = [
            normalise(t.partition("{modal}")[2])
            for t in rules.managed_phrases
            if t.startswith("{vendor} {modal}")
        ]
        vendors = word_pattern(list(self._vendor_of))
        modals = word_pattern([normalise(m) for m in _modals(rules)])
        done = word_pattern(rests)
        if vendors is None or modals is None or done is None:
            return None
        source = rf"\b(?:{vendors.pattern})\s+(?:{modals.pattern})\s+(?:{done.pattern})\b"
        return gated.Gated(source, (vendor.split() for vendor in self._vendor_of))

    def _support_pattern(self, rules: RulesFile) -> gated.Gated | None:
        """Each support phrase with a vendor's word where {vendor} stands, the name of one of
        its support plans allowed right after it ("our Microsoft Unified support contract").
        The phrases share the vendors' words: one alternation of the phrases that end on the
        vendor, one of those that open on it, and each phrase with words on both sides apart,
        so the vendors' pattern is written a few times, not once per phrase and modal."""
        vendors = word_pattern(list(self._vendor_of))
        plans = word_pattern([normalise(p) for p in rules.support_plans])
        if vendors is None or not rules.support_phrases:
            return None
        plan = rf"(?:\s+(?:{plans.pattern}))?" if plans else ""
        leads: list[str] = []  # "support from {vendor}"
        tails: list[str] = []  # "{vendor} will support"
        forms: list[str] = []
        for template in _with_modals(rules.support_phrases, _modals(rules)):
            before, _, after = (normalise(part) for part in template.partition("{vendor}"))
            if before and after:  # "does {vendor} back"
                named = rf"(?P<v{len(forms)}>{vendors.pattern}){plan}"
                lead = rf"{re.escape(before)}(?:\s+{_DETERMINER})?"
                forms.append(f"{lead} {named} {re.escape(after)}")
            elif before:
                leads.append(re.escape(before))
            else:
                tails.append(re.escape(after))
        if leads:
            forms.append(
                rf"(?:{'|'.join(leads)})(?:\s+{_DETERMINER})? (?P<vlead>{vendors.pattern}){plan}"
            )
        if tails:
            forms.append(rf"(?P<vtail>{vendors.pattern}){plan} (?:{'|'.join(tails)})")
        needs = (vendor.split() for vendor in self._vendor_of)  # each form names a vendor
        return gated.Gated(r"\b(?:" + "|".join(forms) + r")\b", needs)

    def _already_pattern(self, kb: KnowledgeBase) -> gated.Gated | None:
        """'already run <mesh>', 'already pay for <vendor>' or 'already have <tool>', two
        words apart at most; '<mesh> is already our …', a word apart at most; or 'we pay
        <vendor>' ('we buy our gateway from kong'), four words apart at most."""
        self._named: dict[str, tuple[str, str]] = {}
        for mesh in kb.meshes.values():  # a retired one they run is no incumbent
            fact = "incumbent" if mesh.is_current else "retired"
            for alias in (mesh.id, mesh.name, *mesh.known_as):
                self._named[normalise(alias)] = (fact, mesh.id)
        for vendor, words in kb.rules.vendors.items():
            for word in words:
                self._named.setdefault(normalise(word), ("vendor", vendor))
        self._covers: dict[str, list[str]] = {}
        doing: list[str] = []  # "grafana dashboards": a tool and the job it does for them
        tools: list[list[str]] = []
        for tool in kb.rules.covered_by:  # a tool they run, even one a mesh entry names
            features = [kb.features[f] for f in tool.features if f in kb.features]
            jobs = [normalise(a) for f in features for a in (f.name, *f.aliases)]
            for word in tool.words:
                self._named[normalise(word)] = ("covered", normalise(word))
                self._covers[normalise(word)] = tool.features
                doing += [rf"{re.escape(normalise(word))}\s+{re.escape(job)}s?" for job in jobs]
                tools.append(normalise(word).split())
        self._doing = gated.Gated(rf"\b(?:{'|'.join(doing)})\b", tools) if doing else None
        # the names of current meshes they may run (or leave), read by several patterns
        self._incumbent_names = word_pattern(
            [n for n, (f, _) in self._named.items() if f == "incumbent"]
        )
        cues = word_pattern([normalise(p) for p in kb.rules.already_phrases])
        after = word_pattern([normalise(p) for p in kb.rules.already_after])
        names = word_pattern(list(self._named))
        if cues is None or names is None:
            return None
        self._then = LazyPattern(
            rf"\s+(?P<joined>and\s+|plus\s+|with\s+)?(?P<name>{names.pattern})"
        )
        through = word_pattern([normalise(p) for p in kb.rules.run_through])
        self._through = (
            LazyPattern(
                rf"\s+(?:{through.pattern})\s+(?:{_DETERMINER}\s+)?(?P<name>{names.pattern})"
            )
            if through
            else None
        )
        self._based_on = {m.id: m.based_on for m in kb.meshes.values() if m.based_on}
        forms = [rf"{cues.pattern}\s+(?:\w+\s+){{0,2}}?(?P<name>{names.pattern})"]
        # "we're on AKS w/ the OSM addon": a mesh no longer current is no plan, so one named
        # further on in the sentence of a cue is the one they run too
        gone = word_pattern([n for n, (f, _) in self._named.items() if f == "retired"])
        if gone is not None:
            reach = rf"(?:\w+\s+){{0,{GONE_REACH}}}?"
            forms.append(rf"{cues.pattern}\s+{reach}(?P<gone>{gone.pattern})")
        if kept := word_pattern([normalise(p) for p in kb.rules.kept_phrases]):
            forms.append(rf"{kept.pattern}\s+(?P<kept>{names.pattern})")  # "keep istio"
        having = word_pattern([normalise(p) for p in kb.rules.having_tools])
        tools = word_pattern([n for n, (f, _) in self._named.items() if f == "covered"])
        if having is not None and tools is not None:  # "we have nginx plus ingress"
            forms.append(rf"{having.pattern}\s+(?:(?!to\b)\w+\s+){{0,2}}?(?P<had>{tools.pattern})")
        buys = word_pattern([normalise(p) for p in kb.rules.customer_phrases])
        vendors = word_pattern([n for n, (f, _) in self._named.items() if f == "vendor"])
        if buys is not None and vendors is not None:  # "we pay kong for the gateway"
            forms.append(rf"{buys.pattern}\s+(?:\w+\s+){{0,4}}?(?P<vendor>{vendors.pattern})")
        native = word_pattern([normalise(p) for p in kb.rules.customer_after])
        if native is not None and vendors is not None:  # "stay aws-native": aws's own offerings
            forms.append(rf"(?P<native>{vendors.pattern})\s+{native.pattern}")
        if after is not None:  # "consul enterprise is already our service discovery"
            # not "move to ambient or stay": a choice between the name and staying
            forms.append(rf"(?P<named>{names.pattern})\s+(?:(?!or\b)\w+\s+)?{after.pattern}")
        self._trial = word_pattern([normalise(w) for w in kb.rules.trial_phrases])
        tenure = word_pattern([normalise(u) for u in kb.rules.already_for])
        meshes = self._incumbent_names
        if tenure is not None and meshes is not None:  # "linkerd on eks for 2 years": they run it
            count = r"(?:\d+|a|a few|several|many|two|three|four|five)"
            forms.append(
                rf"(?P<ran>{meshes.pattern})\s+(?:\w+\s+){{0,{TENURE_GAP}}}?"
                rf"for\s+(?:over\s+|about\s+)?{count}\s+{tenure.pattern}\b"
            )
        now = word_pattern([normalise(w) for w in kb.rules.already_now])
        if now is not None and meshes is not None:  # "consul on vms today": they run it
            forms.append(
                rf"(?P<now>{meshes.pattern})\s+(?:(?:is|are|runs|running)\s+)?(?:on|in|across|for|as)\s+"
                rf"(?:\w+\s+){{0,{TENURE_GAP}}}?{now.pattern}\b"
            )
        openers = word_pattern([normalise(w) for w in kb.rules.already_openers])
        run = word_pattern(
            [n for n, (f, _) in self._named.items() if f in ("incumbent", "retired")]
        )
        if openers is not None and run is not None:  # "on istio 1.20 on gke, …"
            # not a choice asked: "running linkerd or istio, which is lighter?"; a retired one
            # opened on is theirs too ("running traefik mesh on k3s …")
            forms.append(
                rf"^\s*{openers.pattern}\s+(?P<opened>{run.pattern})(?!\s+(?:or|vs|versus)\b)"
            )
        # every form holds one of these phrases whole, so a text with none skips compiling it
        cued = [*kb.rules.already_phrases, *kb.rules.kept_phrases, *kb.rules.customer_phrases]
        cued += kb.rules.already_openers
        cued += [*kb.rules.already_after, *(f"for {unit}" for unit in kb.rules.already_for)]
        cued += kb.rules.having_tools
        cued += kb.rules.already_now
        return gated.Gated("|".join(forms), (normalise(p).split() for p in cued))

    def _tool_jobs(self, kb: KnowledgeBase) -> list[_ToolJobs]:
        """For each tool, a pattern of the needs named with it: after a `covered_links` word
        or straight after it, listed ("interceptors for retries, deadlines and authz"), or a
        `covered_pronouns` word standing for those named before ("… emit those"); a pattern
        of its jobs' names; and which need each name is."""
        links = word_pattern([normalise(w) for w in kb.rules.covered_links])
        pronouns = word_pattern([normalise(w) for w in kb.rules.covered_pronouns])
        link = rf"(?:(?:{links.pattern})\s+)?" if links else ""
        every = word_pattern([normalise(w) for t in kb.rules.covered_by for w in t.words])
        # "micrometer + grafana for metrics": tools listed together share the jobs after them
        beside = rf"(?:\s+(?:and\s+|plus\s+)?(?:{every.pattern}))*" if every else ""
        relatives = word_pattern([normalise(w) for w in kb.rules.covered_relatives])
        placed = word_pattern([normalise(w) for w in kb.rules.covered_placed])
        out = []
        for tool in kb.rules.covered_by:
            ids = [f for f in dict.fromkeys([*tool.features, *tool.said]) if f in kb.features]
            job_of = {
                normalise(a): f for f in ids for a in (kb.features[f].name, *kb.features[f].aliases)
            }
            jobs = word_pattern(list(job_of))
            words = word_pattern([normalise(w) for w in tool.words])
            if not (jobs and words):
                continue
            job = rf"(?:{jobs.pattern})s?"
            listed = rf"{job}(?:\s+(?:and\s+|or\s+|plus\s+)?{job})*"
            back = rf"|(?P<back>{pronouns.pattern})" if pronouns and links else ""
            said = rf"{words.pattern}{beside}\s+{link}(?:(?P<jobs>{listed}){back})"
            if relatives and links:  # "canary deploys, which argo rollouts can do": those
                verb = rf"(?:can\s+|could\s+|will\s+)?(?:{links.pattern})\b"
                said = rf"{said}|(?P<relative>{relatives.pattern})\s+{words.pattern}\s+{verb}"
            if placed:  # "we already do retries in the grpc client": the jobs named first
                said = rf"{said}|(?P<first>{listed})\s+(?:{placed.pattern})\s+{words.pattern}"
            needs = [normalise(w).split() for w in tool.words]
            named = LazyPattern(rf"(?P<job>{jobs.pattern})s?\b")
            out.append((gated.Gated(said, needs), named, job_of, tool.features))
        return out

    def _covered_as_said(self, normalised: str, starts: list[int]) -> list[str]:
        """The needs a tool is said to do: named with it, or before it in its sentence where
        a pronoun after it stands for them."""
        covered: list[str] = []
        if not (self._tools and self._tools.search(normalised)):  # no tool named: none said
            return covered
        for pattern, named, job_of, always in self._jobs_said:
            for match in pattern.finditer(normalised):
                covered += always  # a tool they say does something is one they run
                said = match.group("jobs") or match.group("first")
                if not said:  # "… golden metrics, but the interceptors already emit those",
                    # "… canary deploys, which argo rollouts can do"
                    opens = max((s for s in starts if s <= match.start()), default=0)
                    said = normalised[opens : match.start()]
                covered += [job_of[m.group("job")] for m in named.finditer(said)]
        return list(dict.fromkeys(covered))

    def says_covered(self, clause: str) -> bool:
        """Whether a normalised clause says a tool they have does a need ("the grpc client
        lib already does retries"): it reports what they have, not what they ask a mesh for."""
        named = self._already_named(clause, [0])
        return any(self._named[n][0] == "covered" for n in named) or bool(
            self._covered_as_said(clause, [0])
        )

    def _packaging_names(self) -> frozenset[str]:
        """Mesh names that are a platform's packaging of a mesh ("aks add-on", "aks mesh"): a
        platform's word and no word naming a mesh by itself. Straight after another mesh's
        name ("the open service mesh aks add-on") they say how that mesh is run."""
        platform = {w for phrase in self._platform_of for w in phrase.split()}
        meshes = {n for n, (fact, _) in self._named.items() if fact in ("incumbent", "retired")}
        return frozenset(
            name
            for name in meshes
            if platform & set(name.split()) and not meshes & set(name.split())
        )

    def _already_named(self, normalised: str, starts: list[int]) -> list[str]:
        """The names after an `already_phrases` cue, and each named straight after one of
        them ("we run nginx service mesh + nginx ingress"); a tool named with the job it
        covers ("we need grafana dashboards": Grafana draws them, not the mesh)."""
        names: list[str] = []
        for match in self._doing.finditer(normalised) if self._doing else ():
            tools = sorted(self._covers, key=len, reverse=True)
            names += [w for w in tools if match.group(0).startswith(w + " ")][:1]
        for match in self._already.finditer(normalised) if self._already else ():
            if self._asked(normalised, match) or self._trialled(normalised, match):
                continue
            said = next(match.start(g) for g, n in match.groupdict().items() if n)
            if self._denied_between and self._denied_between.search(
                normalised, match.start(), said
            ):
                continue  # "we're on nomad without consul"
            if match.group("named") and self._lacked(normalised, match.start()):
                continue  # "we don't have the rh mesh subscription"
            if match.groupdict().get("vendor") and self._denied_customer(normalised, match):
                continue  # "not paying red hat for anything extra": no one they buy from
            if self._used_before(normalised, match, starts):
                continue  # "we used istio back in 2021": once, not now
            # "… in linkerd? right now we use istio": the cue and the name in two sentences
            if any(match.start() < start < match.end() for start in starts):
                continue
            names.append(next(n for n in match.groupdict().values() if n).strip())
            end = match.end()
            while then := self._then.match(normalised, end):
                if then.group("name") in self._packaging and not then.group("joined"):
                    break  # "we're on the osm aks add-on": OSM's packaging
                names.append(then.group("name"))
                end = then.end()
            if names and (build := self._build_run(normalised, end, names[-1])):
                names[-1] = build  # "running istio via the aks addon": that build
        return [n for n in names if not self._product(n, normalised)]

    def _build_run(self, normalised: str, end: int, name: str) -> str | None:
        """The name of a build of the mesh named, said right after it through a `run_through`
        word ("istio via the aks addon"): the build they run it as."""
        through = self._through.match(normalised, end) if self._through else None
        if through is None or self._named.get(name, ("", ""))[0] != "incumbent":
            return None
        build = through.group("name")
        fact, mesh = self._named.get(build, ("", ""))
        return (
            build
            if fact == "incumbent" and self._based_on.get(mesh) == self._named[name][1]
            else None
        )

    def _used_before(self, normalised: str, match: re.Match[str], starts: list[int]) -> bool:
        """A use told in the past tense (`phrases: used_told`, "we used linkerd stable
        releases, now …") is the mesh they run, unless its sentence sets it in the past with a
        `past_use` word ("we used istio at my last job", "… back in 2021")."""
        if not (self._used_told and self._used_told.match(normalised, match.start())):
            return False
        end = min([s for s in starts if s > match.start()] or [len(normalised)])
        return bool(self._past and self._past.search(normalised, match.start(), end))

    def _tried_pattern(self, kb: KnowledgeBase) -> LazyPattern | None:
        """A retired mesh's name a few words after a `tried_once` cue ("we tried traefik mesh")."""
        cues = word_pattern([normalise(w) for w in kb.rules.tried_once])
        retired = word_pattern([n for n, (f, _) in self._named.items() if f == "retired"])
        if cues is None or retired is None:
            return None
        gap = rf"(?:\w+\s+){{0,{TRIED_GAP}}}?"
        return LazyPattern(rf"{cues.pattern}\s+{gap}(?P<name>{retired.pattern})")

    def tried_once(self, normalised: str) -> set[str]:
        """The retired meshes a message says it tried once ("we tried traefik mesh in dev a
        while back", "played with osm last year"): none it runs and must move off."""
        found = self._tried.finditer(normalised) if self._tried else ()
        return {self._named[m.group("name")][1] for m in found}

    def _lacked(self, normalised: str, start: int) -> bool:
        """An `already_denied_before` phrase in the few words before `start`."""
        before = " ".join(normalised[:start].split()[-DENIED_REACH:])
        return bool(self._denied_before and self._denied_before.search(before))

    def _denied_customer(self, normalised: str, match: re.Match[str]) -> bool:
        """A `customer_denied_before` phrase right before the customer cue ("not paying"), or
        a `customer_supposed_before` one ("what do I get for paying Kong"): no vendor they
        buy from."""
        before = " ".join(normalised[: match.start()].split()[-DENIED_REACH:])
        return any(
            cue is not None and re.search(rf"(?:{cue.pattern})$", before)
            for cue in (self._customer_denied, self._customer_supposed)
        )

    def _product(self, name: str, normalised: str) -> bool:
        """A vendor's word that names its product ("we're on the AWS VPC CNI"), not a
        vendor they buy from (rules.yaml `already_products`); a mesh that is a CNI named as
        that CNI ("already on cilium cni"), not its mesh features run."""
        return bool(
            (self._named[name][0] == "vendor" or name in self._cni_meshes)
            and self._products
            and re.search(rf"\b{re.escape(name)}\s+(?:{self._products.pattern})", normalised)
        )

    def _leaving_pattern(self, kb: KnowledgeBase) -> LazyPattern | None:
        """'we want off istio', 'get rid of linkerd': a current mesh's name at most `window`
        words after a cue (rules.yaml `refusals.meshes`)."""
        leaving = kb.rules.refusals.meshes
        cues = word_pattern([normalise(p) for p in _cues(leaving)]) if leaving else None
        names = self._incumbent_names
        if not leaving or cues is None or names is None:
            return None
        gap = rf"(?:\w+\s+){{0,{leaving.window}}}?"
        return LazyPattern(rf"{cues.pattern}\s+{gap}(?P<name>{names.pattern})")

    def _split_pattern(self, kb: KnowledgeBase, held: str) -> LazyPattern | None:
        """A `split` cue either side of what `held` matches ("rip it out", "phase istio out"),
        its head and last word in groups `head` and `tail`."""
        leaving = kb.rules.refusals.meshes
        split = [normalise(p).split() for p in leaving.split] if leaving else []
        heads = word_pattern([" ".join(words[:-1]) for words in split if len(words) > 1])
        tails = word_pattern([words[-1] for words in split if len(words) > 1])
        if heads is None or tails is None:
            return None
        return LazyPattern(
            rf"(?P<head>{heads.pattern})\s+(?:{_DETERMINER}\s+)?{held}\s+(?P<tail>{tails.pattern})"
        )

    def _split_cue(self, match: re.Match[str]) -> bool:
        """The head and last word a split pattern matched make one `split` cue."""
        return f"{match.group('head')} {match.group('tail')}" in self._split

    def _pronoun_pattern(self, kb: KnowledgeBase) -> LazyPattern | None:
        """A leaving cue on a word standing for a mesh: 'and want off it'."""
        leaving = kb.rules.refusals.meshes
        if not leaving or not leaving.pronouns:
            return None
        cues = word_pattern([normalise(p) for p in _cues(leaving)])
        pronouns = word_pattern([normalise(p) for p in leaving.pronouns])
        return LazyPattern(rf"{cues.pattern}\s+{pronouns.pattern}") if cues and pronouns else None

    def _left_by_pronoun(self, text: str) -> re.Match[str] | None:
        """The mesh a leaving cue's pronoun stands for: the nearest incumbent name at most
        `reach` words back, unless it is the cue's own subject ("linkerd would replace it")."""
        if not (self._pronoun and self._incumbents):
            return None
        split = self._split_pronoun.finditer(text) if self._split_pronoun else ()
        said = [*self._pronoun.finditer(text), *filter(self._split_cue, split)]
        for cue in sorted(said, key=lambda m: m.start()):
            if self._denied and self._denied.search(text[: cue.start()]):
                continue  # "we won't get off it"
            words = text[: cue.start()].split()
            start = len(" ".join(words[: max(0, len(words) - self._reach)]))
            named = list(self._incumbents.finditer(text, start, cue.start()))
            if named and len(text[named[-1].end() : cue.start()].split()) > SUBJECT_GAP:
                return named[-1]
        return None

    def _runs_fine(self, text: str) -> str | None:
        """The current mesh named nearest before a `running_fine` cue, at most `reach`
        words back ("kuma in universal mode … works fine"): one they run."""
        if not (self._fine and self._incumbents):
            return None
        for cue in self._fine.finditer(text):
            words = text[: cue.start()].split()
            start = len(" ".join(words[: max(0, len(words) - self._reach)]))
            if self._trial and self._trial.search(text, start, cue.start()):
                continue  # "we trialled linkerd, works fine in the poc": no mesh they run
            if named := list(self._incumbents.finditer(text, start, cue.start())):
                return self._named[named[-1].group("name")][1]
        return None

    def _complained_of(self, text: str) -> tuple[str, bool, str] | None:
        """The current mesh a statement complains of, named at most `reach` words before
        the complaint in its sentence ("last istio upgrade took down the whole platform"),
        and whether a `past_use` or trial word there sets it in the past ("we tried istio
        back in 2021 and it hurt"), and that sentence normalised. A question, or a sentence
        asking a quantity, complains of nothing ("why does istio eat so much memory?", "how
        much ram would linkerd proxies eat")."""
        if not (self._complaint and self._incumbents):
            return None
        for said in statements(text):
            if self._quantity and self._quantity.search(said):
                continue  # "how much ram would linkerd proxies eat" asks, complains of nothing
            for cue in self._complaint.finditer(said):
                words = said[: cue.start()].split()
                start = len(" ".join(words[: max(0, len(words) - self._reach)]))
                named = [
                    m
                    for m in self._incumbents.finditer(said, start, cue.start())
                    if not (self._wanted and self._wanted.search(said[: m.start()]))
                ]
                after = self._complained_after(said, cue.end())
                if not named and after is None:
                    continue
                marks = [p for p in (self._past, self._trial) if p is not None]
                past = any(p.search(said) for p in marks)
                return self._named[(named[-1] if named else after).group("name")][1], past, said
        return None

    def _complained_after(self, said: str, end: int) -> re.Match[str] | None:
        """The current mesh named right after a complaint, a word apart at most ("struggling
        to keep up with istio upgrades")."""
        if self._incumbents is None:
            return None
        gap = re.match(r"\s+(?:\w+\s+)?", said[end:])
        return self._incumbents.match(said, end + gap.end()) if gap else None

    def without_asides(
        self, text: str, facts_of: Callable[[str], set[str]] = lambda _: set()
    ) -> str:
        """The text less each aside in brackets that describes a tool they already run,
        not a mesh: in "we already run SPIRE (VMs + k8s)" the VMs are SPIRE's, not a need
        of the mesh. An aside about a mesh they run, or right after the platform they are on
        ("we're on EKS (1 cluster, ~35 svcs)"), is their setup and stays; so does one naming
        the mesh they run ("this is what we run today (plain istio w/ sidecars)"), one
        counting the estate ("kubeadm on azure VMs (3 clusters, ~90 services)"), and one
        saying more of what its clause says of them (`facts_of` some words: the facts they
        set), as "we're a CNCF-only shop (graduated or incubating projects only)" does."""
        kept, start = [], 0
        for aside in _ASIDE.finditer(text):
            clause = normalise(SENTENCE_END.split(text[: aside.start()])[-1])
            tool = bool(self._already_cues and self._already_cues.search(clause))
            said = normalise(aside.group(0))
            named = bool(self._any_mesh and self._any_mesh.search(said))
            counts = bool(self._counts and self._counts.search(said))  # "(3 clusters, ~90 svcs)"
            refines = tool and bool(facts_of(said) & facts_of(clause))
            if tool and not (named or counts or refines) and not self._setup_aside(clause):
                kept.append(text[start : aside.start()])
                start = aside.end()
        return "".join([*kept, text[start:]])

    def _setup_aside(self, clause: str) -> bool:
        """The clause before an aside names a mesh, or ends on a platform's name."""
        if self._any_mesh and self._any_mesh.search(clause):
            return True
        return bool(self._platforms and re.search(rf"(?:{self._platforms.pattern})$", clause))

    def asked_instead(self, text: str, said: dict[str, FactValue]) -> dict[str, FactValue]:
        """What a price said to be too much sets where the message asks for open source
        itself ("that will be expensive, what is the open-source option?"): no support
        contract bought either (bot/intents/pricing.py)."""
        return self._prices.asked_instead(text, said)

    def without_releases(self, text: str) -> str:
        """The text as written less the release number right after a mesh's, platform's or
        product's name: "cilium 1.16 is already our CNI" says what "cilium is already our CNI"
        says, and so does "cilium (1.16) is our CNI"; "we're on OSSM 2.6" runs OSSM; a size
        ("2.5 GB") follows no name."""
        return self._release.sub(r"\1", text)

    def without_vendors(self, normalised: str) -> str:
        """The text less the vendors' names (rules.yaml `vendors`): who makes or supports an
        offering is setup, never a feature's words ("Red Hat supported" asks no RED metrics)."""
        if self._vendor_words is None:
            return normalised
        return " ".join(self._vendor_words.sub(" ", normalised).split())

    def without_support(self, normalised: str) -> str:
        """The text less each support requirement said with its vendor ("supported by
        solo io"): support wanted from a vendor asks nothing of a mesh."""
        if self._support is None or not self._support.search(normalised):
            return normalised
        return " ".join(self._support.sub(" ", normalised).split())

    def without_tools(self, normalised: str) -> str:
        """The text less each tool said to do a job and the jobs named with it, and each tool
        said to be theirs (rules.yaml `covered_by`): "our grpc client lib does retries", "tls
        terminates at the load balancer" say what they have, not a topic to look features up
        by; a tool named alone ("does istio replace an ingress") stays."""
        if not (self._tools and self._tools.search(normalised)):
            return normalised
        said = [m.span() for pattern, *_ in self._jobs_said for m in pattern.finditer(normalised)]
        for name in self._already_named(normalised, []):  # "tls terminates at the alb"
            if covered := self._covered_words.get(name):
                said += [m.span() for m in covered.finditer(normalised)]
        said.sort()
        kept, at = [], 0
        for start, end in said:  # spans may overlap ("grpc client lib", "client lib")
            kept.append(normalised[at:start] if start > at else "")
            at = max(at, end)
        return " ".join(" ".join([*kept, normalised[at:]]).split())

    def platform_words(self) -> list[str]:
        """The words that name platforms (none of them is an unknown mesh's name; a
        vendor's may be, as in "compare Tetrate and Linkerd")."""
        return list(self._platform_of)

    def read(
        self, normalised: str, text: str | None = None, beside: Collection[str] = ()
    ) -> tuple[dict[str, FactValue], str]:
        """The facts, and the text with the platform phrases taken out (so "bare-metal
        clusters" is not also read as a feature). Given the text as written, a cue and the
        name it runs stay in one sentence ("we run 40 services. istio or linkerd?" runs
        nothing named). `beside`: the platforms a thread said before a reply, which the
        reply's own are counted with (bot/intents/thread_setup.py)."""
        facts: dict[str, FactValue] = {}
        starts = sentence_starts(text) if text else []
        for name in self._already_named(normalised, starts):
            fact, value = self._named[name]
            if fact == "covered":  # what a tool they run covers is not asked of the mesh
                if not self._covers[value]:  # "we run spring boot": covers what it is said to
                    continue
                said = facts.setdefault(fact, [])
                said += [f for f in self._covers[value] if f not in said]  # type: ignore[operator]
            elif fact == "retired":  # "we're still on osm": the retired mesh they move off
                facts.setdefault(RETIRED, value)
            else:
                facts.setdefault(fact, value)
        if jobs := self._covered_as_said(normalised, starts):
            said = facts.setdefault("covered", [])
            said += [f for f in jobs if f not in said]  # type: ignore[operator]
        if running := self._runs_fine(normalised):
            facts.setdefault("incumbent", running)
        for reader in (self._channel_run, self._sized_run):  # "60 pods on linkerd edge"
            if text and (name := reader.read(text)):
                facts.setdefault("incumbent", self._named[name][1])
        leaving, kept = self._left(normalised)
        if kept:  # "not switching away from istio": they run it and keep to its project
            facts.setdefault("incumbent", kept)
            if family := self._api_family.get(kept):
                facts["built_on"] = family
        if leaving and self._leaving_fact:
            mesh = self._named[leaving.group("name")][1]
            if mode := self._mode_left(normalised, leaving):  # they run it and leave its mode
                facts[mode] = True
                facts.setdefault("incumbent", mesh)
            else:
                facts[self._leaving_fact] = mesh
                if facts.get("incumbent") == mesh:  # the mesh they run and want off
                    del facts["incumbent"]
        had = ("incumbent", RETIRED, self._leaving_fact or "")
        complaints = normalised
        if text and (hurt := self._complained_of(text)):
            mesh, past, sentence = hurt
            if not any(facts.get(k) for k in had):
                # "we tried istio back in 2021 and it hurt": once, not now; "the last istio
                # upgrade took down prod": the mesh they run
                facts[HURT_BEFORE if past else "incumbent"] = mesh
            elif past and mesh not in (facts.get(k) for k in had):
                # "we run linkerd. we tried istio in 2021 and it hurt": istio's pain, not theirs
                facts[HURT_BEFORE] = mesh
                complaints = complaints.replace(sentence, " ")
        if "incumbent" in facts and self._complaint and self._complaint.search(complaints):
            facts[HURTS] = True  # "we run istio … upgrades are painful"
        running = facts.get("incumbent")
        if text and (paid := self._prices.priced_out(text, running)):  # type: ignore[arg-type]
            # "our gloo mesh renewal quote tripled": the paid edition they run, and they would
            # leave it for the open-source project under it
            facts.setdefault("incumbent", paid)
            facts[HURTS] = True
            for fact, value in self._prices.sets.items():
                facts.setdefault(fact, value)
        if text and not any(facts.get(k) for k in had) and (held := self._prices.held(text)):
            facts["incumbent"] = held  # "… enterprise licence renews next quarter": theirs
        if self._exit_asked(normalised) and (running := facts.get("incumbent")):
            # "… is there an exit?": off what they run, which they run until they move (off a
            # vendor's build, its project is the move that keeps their resources)
            facts[self._leaving_fact or ""] = running
        if self._mesh_vendor and (match := self._mesh_vendor.search(normalised)):
            facts.update(support="any", built_on=self._family_of[match.group(0)])
        elif self._mesh_base and (match := self._mesh_base.search(normalised)):
            facts.setdefault("built_on", self._base_of[match.group(0)])
        # A mesh's name gives way to a mark, not to nothing: in "off app mesh, ECS" the "off"
        # is the mesh's, and ECS stays their platform.
        described = self._platform_managed.described(text) if text else []
        text = self._mesh_names.sub(" _ ", normalised) if self._mesh_names else normalised
        for managed in (self._managed, self._managed_modal):
            said = list(managed.finditer(text)) if managed else []
            # "microsoft-managed would be nice": a wish, not a requirement; "google-managed
            # kubernetes", "cilium under the hood but google manages it": the platform's
            said = [m for m in said if not self._platform_managed.of_platform(m, described)]
            if any(not (self._wish and self._wish.match(text, m.end())) for m in said):
                facts["managed_control_plane"] = True
            if managed and said:
                text = managed.sub(" ", text)
        if self._support and (match := self._support.search(text)):
            word = next(w for w in match.groupdict().values() if w)
            facts["support"] = self._vendor_of[word]
            text = self._support.sub(" ", text)
        matches = list(self._platforms.finditer(text)) if self._platforms else []
        matches = [m for m in matches if not self._shared(text, m) and not self._unskilled(text, m)]
        # "kubeadm on azure vms": the cluster's machines, where it runs but no platform
        hosts = self._cluster_hosts.spans(text)
        hosting = [m.group(0) for m in matches if _within(m, hosts)]
        matches = [m for m in matches if not _within(m, hosts)]
        said = [m.group(0) for m in matches] + [text[start:end] for start, end in hosts]
        named = [m.group(0) for m in matches if not self._not_this(text, m)]
        spotted = (
            [m for m in self._alone.finditer(text) if not _within(m, hosts)] if self._alone else []
        )
        brought = [m for m in spotted if self._shared(text, m)]  # "add our bare metal servers"
        alone = [m.group(0) for m in spotted if m not in brought]
        if not named:
            named = alone
        if not named and self._runs_there(facts) and (run := self._where_run.search(text)):
            named = [run.group(0)]  # "consul on our vms": where the mesh they run runs
            said.append(run.group(0))
        places = [
            m.group(0)
            for m in (self._places.finditer(text) if self._places else [])
            if not any(b.start() <= m.start() < b.end() for b in brought)
        ]
        said += alone + places
        refused = {self._platform_of.get(m.group(0)) for m in matches if self._not_this(text, m)}
        # "no kubernetes any more, all VMs" leaves the platform said before
        counted = self._counted(named, () if Platform.kubernetes in refused else beside)
        # "nomad + plain VMs, no kubernetes": VMs beside another platform are no platform of
        # their own but workloads to bring in, so their words stay to name that feature
        brought_in = {w for w in named if self._platform_of.get(w) == Platform.vms}
        if Platform.vms not in counted:
            said = [w for w in said if w not in brought_in]
        scheduled = self._scheduled_beside(named)
        said = [w for w in said if w not in scheduled]
        unplaced = word_pattern(said).sub(" ", normalised) if said else normalised
        for word, machines in scheduled.items():
            unplaced = word_pattern([word]).sub(f" {machines} ", unplaced)
        platforms = [p.value for p in counted]
        if Platform.kubernetes in refused and not set(platforms) - {Platform.vms.value}:
            facts["off_kubernetes"] = True  # "we don't run kubernetes", "zero k8s"
        clouds = [self._cloud_of[w] for w in [*named, *hosting] if w in self._cloud_of]
        if clouds:
            facts[CLOUD] = clouds[0]
        elif any(p in self._premises and self._premises[p].search(text) for p in platforms):
            facts[CLOUD] = OWN_PREMISES
        if platforms:
            facts["platform"] = platforms
            # a cluster on each, at least; one mesh may not span them. Nomad's hosts
            # (`machines`) are workloads brought in, as VMs are, and count no cluster.
            clustered = [p for p in platforms if p not in self._clusterless | set(self._machines)]
            if len(clustered) > 1:
                facts["clusters"] = len(clustered)
        return facts, " ".join(unplaced.split())

    def _scheduled_beside(self, named: list[str]) -> dict[str, str]:
        """The words of a platform that schedules onto machines outside Kubernetes (`machines`:
        Nomad's hosts) said beside a platform of another kind ("a mixed nomad/k8s shop", "nomad
        and eks"), each with the machines it stands for: workloads to bring in, as VMs beside
        another platform are, so a ranking reads them as those machines."""
        kinds = {self._platform_of.get(w) for w in named} - {None}
        return {
            w: str(self._machines[p])
            for w in named
            if (p := self._platform_of.get(w)) in self._machines
            and kinds - {p, self._machines[p], *self._clusterless}
        }

    def _exit_asked(self, text: str) -> bool:
        """A way out asked with no mesh after it ("is there an exit", "what replaces it"),
        not denied ("we don't need an exit")."""
        if not (self._exit and self._leaving_fact):
            return False
        return any(
            not (self._denied and self._denied.search(text[: cue.start()]))
            for cue in self._exit.finditer(text)
        )

    def _runs_there(self, facts: dict[str, FactValue]) -> bool:
        """A mesh they run, or move off, is named: a place said after it is where it runs."""
        return any(facts.get(k) for k in ("incumbent", RETIRED, self._leaving_fact or ""))

    def home_of(self, facts: dict[str, FactValue]) -> str | None:
        """The one provider platform the offering they run (or move off) runs on, where they
        name none: "we run the aks istio add-on" runs on AKS."""
        if "platform" in facts or facts.get("off_kubernetes"):
            return None
        for key in ("incumbent", RETIRED):
            if isinstance(said := facts.get(key), str) and said in self._home:
                return self._home[said]
        return None

    def _left(self, text: str) -> tuple[re.Match[str] | None, str | None]:
        """The first mesh they want off (named after the cue, or before it for a pronoun:
        "… and want off it"), and a mesh whose leaving they deny ("NOT switching away from
        istio APIs": a `unless_before` word a word or two before the cue)."""
        kept = None
        split = self._split_leaving.finditer(text) if self._split_leaving else ()
        said = [
            *(self._leaving.finditer(text) if self._leaving else ()),
            *filter(self._split_cue, split),
        ]
        for match in sorted(said, key=lambda m: m.start()):
            if self._skips_a_mesh(text, match):  # "moving off osm to kuma" does not leave Kuma
                continue
            if not (self._denied and self._denied.search(text[: match.start()])):
                return match, kept
            kept = kept or self._named[match.group("name")][1]
        return self._left_by_pronoun(text), kept

    def _skips_a_mesh(self, text: str, leaving: re.Match[str]) -> bool:
        """A mesh's name or a pronoun in the words between a leaving cue and the name it
        matched: the cue was theirs ("off osm to kuma" leaves OSM, retired or not; "moving
        off it. does kuma …" leaves what "it" stands for)."""
        gap = text[leaving.start() : leaving.start("name")]
        others = (self._any_mesh, self._pronouns)
        return any(p and p.search(gap) for p in others)

    def _mode_left(self, text: str, leaving: re.Match[str]) -> str | None:
        """The flag of the data-plane mode named with the mesh they leave ("off istio's
        sidecars", "get rid of the istio sidecar mode"): in its name or a word after it."""
        named = leaving.group("name")
        after = text[leaving.end() :].split()
        after = after[1:] if after[:1] == ["s"] else after  # "istio's" reads "istio s"
        said = " ".join([named, *after[:2]])
        for fact, pattern in self._modes:
            if match := pattern.search(said):
                gap = said[len(named) : match.start()].split()
                if match.start() < len(named) or len(gap) <= 1:
                    return fact
        return None

    def _trialled(self, text: str, match: re.Match[str]) -> bool:
        """'evaluating istio for a few months': a mesh weighed for a while, not run."""
        said = match.groupdict()
        if not (said.get("ran") or said.get("now")) or self._trial is None:
            return False
        before = " ".join(text[: match.start()].split()[-TENURE_GAP:])
        return bool(self._trial.search(before))

    def _asked(self, text: str, match: re.Match[str]) -> bool:
        """'should we use istio', 'can we run linkerd': a question, not what they run."""
        before = text[: match.start()].split()[-1:]
        return bool(before) and before[0] in self._asking

    def _unskilled(self, text: str, match: re.Match[str]) -> bool:
        """'zero kubernetes experience': a skill the team lacks, no platform said or denied."""
        after = self._skill_next and self._skill_next.match(text, match.end())
        return bool(after and self._not_this(text, match))

    def _shared(self, text: str, match: re.Match[str]) -> bool:
        """'half our stuff is still on plain VMs': part of the estate on VMs, so not its one
        platform (a `shares` word a few words before); 'onboard plain VMs': VMs brought into
        the mesh (a `joins` word right before); 'plain VMs too': beside another platform (a
        `besides` word right after); 'our ec2 vms join the mesh': brought in (a
        `joined_after` word right after)."""
        said = match.group(0)
        if self._platform_of.get(said, self._alone_of.get(said)) != Platform.vms:
            return False
        before = text[: match.start()]
        if self._besides and self._besides.search(text[match.end() :]):
            return True  # "plain VMs too, not just k8s"
        return any(p and p.search(before) for p in (self._shares, self._joins))

    def _not_this(self, text: str, match: re.Match[str]) -> bool:
        """'ARO, not AKS': the platform named right after a `not_platform` word; 'a managed
        control plane like AKS has': one named as a comparison (bot/intents/likened_places.py)."""
        if self._likened.likens(text, match):
            return True
        return bool(self._negated and self._negated.search(text[: match.start()]))

    def _counted(self, words: list[str], beside: Collection[str] = ()) -> list[Platform]:
        """The platforms these words name, less the generic ones beside a specific one:
        "Kubernetes on EKS" is EKS, "not on Kubernetes" beside ECS is ECS, but a `distinct`
        word ("rke2" beside EKS) is a platform of its own, as is a `located` one ("an on-prem
        cluster") unless a platform named beside it runs there too (OpenShift). A specific
        platform said before (`beside`, a thread's) counts as one named here: "we also need to
        mesh about 10 EC2 VMs" after "we run EKS" names no platform of its own."""
        of = {**self._platform_of, **self._alone_of}
        found = list(dict.fromkeys(of[w] for w in words))
        builds = {self._narrows[p] for p in found if p in self._narrows}
        found = [p for p in found if p not in builds]  # "OKD … a later move to OCP": OKD
        located_apart = not self._self_hosted & set(found)
        own = {
            of[w] for w in words if w in self._distinct or (located_apart and w in self._located)
        }
        if any(p not in _GENERIC for p in [*found, *beside]):
            return [p for p in found if p not in _GENERIC or p in own]
        if Platform.vms in found:  # "not on Kubernetes" is what they say of Kubernetes
            return [Platform.vms]
        return found


def _within(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    """The match stands inside one of the spans."""
    return any(start <= match.start() and match.end() <= end for start, end in spans)


def implied(
    rules: RulesFile,
    facts: dict[str, FactValue],
    counted: Collection[str] | None = None,
    implications: list[Implication] | None = None,
) -> dict[str, FactValue]:
    """The facts with what they imply (rules.yaml `implied:`): "a platform team of 3 people"
    is a small team, "clusters in 3 regions" three clusters. A count is more specific than a
    phrase, so what it implies wins; a count it implies yields to one the question gave. Given
    the facts the question `counted`, an `at_least` count also raises a smaller one a phrase
    set ("3 regions, multi-cluster": three clusters, not the two "multi-cluster" says)."""
    out = dict(facts)
    for implication in rules.implied if implications is None else implications:
        conditions = implication.when.items()
        if all(c.holds(facts[f]) if f in facts else c.holds_unstated() for f, c in conditions):
            out.update(implication.set)
            for f, of in implication.at_least.items():
                if f not in facts or (counted is not None and _raised(facts, f, of, counted)):
                    out[f] = facts[of]
    return out


def _raised(facts: dict[str, FactValue], fact: str, of: str, counted: Collection[str]) -> bool:
    """A number a phrase set (not counted) that the count it is at least is larger than."""
    low, high = facts.get(fact), facts.get(of)
    numbers = isinstance(low, int) and isinstance(high, int)
    return fact not in counted and numbers and not isinstance(low, bool) and high > low  # type: ignore[operator]


def _cues(leaving: RefusedMeshes) -> list[str]:
    """The cues before a mesh they leave: `before`, and each `split` cue said whole."""
    return [*leaving.before, *leaving.split]
