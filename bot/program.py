"""The `meshbot` program, installed or run as `python -m bot`: the command line, loaded
without the cyclic garbage collector.

Loading the command line builds ~100 model classes and much else that lives as long as the
process, and an answer builds the parser's indexes: the collector's passes over them free
next to nothing, and cost a one-shot `meshbot ask` ~20 ms. It runs again once the command
line is loaded, for every command but `ask`, which answers once and exits.
"""

from __future__ import annotations

import gc
import sys

ONE_SHOT = "ask"


def main() -> int:
    gc.disable()
    from bot.cli import main as run

    if sys.argv[1:2] != [ONE_SHOT]:
        gc.enable()
    return run()
