"""A question added as an afterthought, after the message's main ask.

"3 openshift clusters … must be supported by red hat. also curious whether ambient is an
option there": the message asks for a pick; the sentence opening on an `afterthought` phrase
(rules.yaml `phrases:`: "also curious", "btw", "side question") asks something beside it.
Read whole, that last question turns the pick into a check of the one mesh it names. The
main ask decides the kind of answer; the afterthought is said back in a note after it.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.intents.clauses import PROSE_SENTENCE_END
from bot.intents.cues import CuePhrases
from bot.intents.models import Intent, IntentKind
from bot.knowledge.aliases import normalise

GROUP = "afterthought"
# Kinds of main ask an afterthought never replaces: a pick, or meshes set side by side
MAIN_ASKS = frozenset({IntentKind.recommend, IntentKind.compare})
NOTE = "You also asked: “{asked}”. Ask that on its own and I'll answer it in full."
QUOTED = 150  # characters of the afterthought said back


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


def main_ask(
    text: str, whole: Intent, cues: CuePhrases, read: Callable[[str], Intent]
) -> tuple[Intent, str]:
    """`whole` and the text, or where the message before its afterthought asks for a pick or
    a comparison, that reading (the afterthought's mesh or feature no must-have of it), with
    the afterthought said back in a note, and that part of the text: the question readers
    after this one take it without the afterthought."""
    parts = split(text, cues)
    if parts is None:
        return whole, text
    main, aside = parts
    read_main = read(main)
    if read_main.kind not in MAIN_ASKS or read_main.unknown_names:
        return whole, text
    # "one more thing that matters: it must be covered by our support contract" asks nothing:
    # a requirement of the setup the main ask has not read is part of it
    if "?" not in aside and set(read(aside).facts) - set(read_main.facts):
        return whole, text
    asked = aside if len(aside) <= QUOTED else f"{aside[:QUOTED].rstrip()}…"
    notes = [*read_main.unread, NOTE.format(asked=asked)][:4]
    return read_main.model_copy(update={"text": whole.text, "unread": notes}), main
