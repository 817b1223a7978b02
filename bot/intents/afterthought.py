"""A question added as an afterthought, after the message's main ask.

"3 openshift clusters … must be supported by red hat. also curious whether ambient is an
option there": the message asks for a pick; the sentence opening on an `afterthought` phrase
(rules.yaml `phrases:`: "also curious", "btw", "side question") asks something beside it.
So does a last clause a comma and an `afterthought_joined` word set apart that opens on an
`asks_of` word ("what do we move to, and does linkerd do circuit breaking?"), beside a pick.
A check whose question goes on, after a `fallback_joined` word, to ask for a pick ("does
linkerd do that or which mesh should we use?", "does kuma support it? if not, what should we
pick") asks for the pick, the check answered after it.
Read whole, that last question turns the pick into a check of the one mesh it names. The
main ask decides the kind of answer; an afterthought that checks a named mesh's feature is
answered after it, in short (`Intent.also`), any other is said back in a note.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.intents.clauses import PROSE_SENTENCE_END
from bot.intents.cues import CuePhrases
from bot.intents.models import Intent, IntentKind
from bot.knowledge.aliases import normalise

GROUP = "afterthought"
JOINED = "afterthought_joined"
FALLBACK = "fallback_joined"
PICKS = "fallback_picks"
ASKING = "asks_of"
# Kinds of main ask an afterthought never replaces: a pick, or meshes set side by side
MAIN_ASKS = frozenset({IntentKind.recommend, IntentKind.compare})
# … and beside a clause joined to it, a pick alone: "X or Y, and does X do Z?" stays as read
JOINED_ASKS = frozenset({IntentKind.recommend})
NOTE = "You also asked: “{asked}”. Ask that on its own and I'll answer it in full."
QUOTED = 150  # characters of the afterthought said back
_CLAUSE_BREAK = re.compile(r"[,;]\s+")
_WORD = re.compile(r"\b\w+")


def split(text: str, cues: CuePhrases) -> tuple[str, str] | None:
    """The message before its afterthought and the afterthought (from its first sentence
    opening on an `afterthought` phrase to the end); None without one, or with nothing
    before it."""
    ends = [0, *(m.end() for m in PROSE_SENTENCE_END.finditer(text))]
    for at in ends[1:]:
        rest = text[at:].strip()
        if rest and cues.starts(GROUP, normalise(rest)):
            main = text[:at].strip()
            return (main, rest) if main else None
    return None


def joined(text: str, cues: CuePhrases) -> tuple[str, str] | None:
    """The message before its last clause and that clause less its joining word, where a
    comma and an `afterthought_joined` word open it on an `asks_of` word and a question mark
    closes the message: "…, and does linkerd do circuit breaking?"."""
    if not text.rstrip().endswith("?"):
        return None
    for brk in _CLAUSE_BREAK.finditer(text):
        rest = text[brk.end() :].strip()
        if PROSE_SENTENCE_END.search(rest.rstrip("?! \n")):
            continue  # another sentence follows: no last clause
        join = cues.leading(JOINED, normalise(rest))
        words = len(join.split())
        aside = re.sub(rf"^\W*(?:\w+\W+){{{words}}}", "", rest) if words else ""
        if aside and cues.starts(ASKING, normalise(aside)):
            main = text[: brk.start()].strip()
            return (main, aside) if main else None
    return None


def fallback(text: str, cues: CuePhrases) -> tuple[str, str, str] | None:
    """The setup before the check, the pick asked after it, and the check: "… does linkerd do
    that or which mesh should we use?" is the setup, "which mesh should we use?" and "does
    linkerd do that"; None where no check's question goes on to a pick."""
    # only where a joiner's first word stands is the rest of the text read for one
    opening = {phrase.split()[0] for phrase in cues.words[FALLBACK]}
    for word in reversed(list(_WORD.finditer(text))):
        if word.group(0).lower() not in opening:
            continue
        joiner = cues.leading(FALLBACK, normalise(text[word.start() :]))
        if not joiner:
            continue
        rest = _after_words(text[word.start() :], len(joiner.split()))
        if not rest or not cues.starts(PICKS, normalise(rest)):
            continue
        before = text[: word.start()]
        starts = [0, *(m.end() for m in PROSE_SENTENCE_END.finditer(before.rstrip(" ?!,;")))]
        check = before[starts[-1] :].strip(" ,;")
        if check and cues.starts(ASKING, normalise(check)):
            return before[: starts[-1]].strip(), rest, check
    return None


def _after_words(text: str, words: int) -> str:
    """The text after its first `words` words."""
    return re.sub(rf"^\W*(?:\w+\W+){{{words}}}", "", text).strip()


def main_ask(
    text: str, whole: Intent, cues: CuePhrases, read: Callable[[str], Intent]
) -> tuple[Intent, str]:
    """`whole` and the text, or where the message before its afterthought asks for a pick or
    a comparison, that reading (the afterthought's mesh or feature no must-have of it), with
    the afterthought answered after it or said back in a note, and that part of the text: the
    question readers after this one take it without the afterthought."""
    parts, kinds = split(text, cues), MAIN_ASKS
    if parts is None:
        parts, kinds = joined(text, cues), JOINED_ASKS
    picking = checks_a_named_mesh(whole) or whole.kind in JOINED_ASKS
    if parts is None and picking and (found := fallback(text, cues)):
        setup, pick, check = found
        # a setup to pick for, and the pick left open ("or should we use istio?" sets two
        # meshes side by side: the check stays as read); the check read after the setup
        # knows what "that" is ("we need JWT validation. does linkerd do that or …?")
        if setup and not read(pick).meshes:
            aside = read(f"{setup} {check}")
            if checks_a_named_mesh(aside):
                parts, kinds = (f"{setup} {pick}", f"{setup} {check}"), JOINED_ASKS
    if parts is None:
        return whole, text
    main, aside = parts
    read_main = read(main)
    if read_main.kind not in kinds or read_main.unknown_names:
        return whole, text
    read_aside = read(aside)
    # "one more thing that matters: it must be covered by our support contract" asks nothing:
    # a requirement of the setup the main ask has not read is part of it
    if "?" not in aside and set(read_aside.facts) - set(read_main.facts):
        return whole, text
    if checks_a_named_mesh(read_aside):
        also = read_aside.model_copy(update={"text": "", "facts": {}})
        return read_main.model_copy(update={"text": whole.text, "also": also}), main
    asked = aside if len(aside) <= QUOTED else f"{aside[:QUOTED].rstrip()}…"
    notes = [*read_main.unread, NOTE.format(asked=asked)][:4]
    return read_main.model_copy(update={"text": whole.text, "unread": notes}), main


def checks_a_named_mesh(intent: Intent) -> bool:
    """A check of features on meshes it names, with nothing left unresolved or unknown."""
    return (
        intent.kind == IntentKind.feature_check
        and bool(intent.meshes and intent.features)
        and not (intent.unresolved or intent.unknown_names or intent.no_thread)
    )
