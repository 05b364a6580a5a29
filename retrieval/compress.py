"""Summary sentences made to stand alone by removing words, never by adding or changing one.

A connective that opens a sentence ("However, supporters of the change claim ...", "But ...",
"Meanwhile, ...") ties it to the one before; without it, the sentence often says its fact on its
own and may open a summary bullet. The shorter sentence is kept only when the verifier
(``retrieval.verifier.verify``) still finds it supported by the sentence it came from, and the
bullet still cites that whole sentence. A sentence that leans back in other ways ("It will also
...") still leans back once the connective is gone, and stays out of summaries.

Other removals were measured against summaries people wrote and not kept (bench/RESULTS.md,
2026-11-30, fourth session): bracketed asides, a named speaker's description ("said Ken Kim, an
analyst at ..."), closing clauses without a figure or name. Each cost the BBC references more
than it gained on ours. Attributions are never removed: the verifier rightly refuses a reported
claim stated as fact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.verifier import verify

# "But" and "And" open a clause as they are; the others only when a comma sets them off ("So
# far, ..." and "Still to come ..." are not connectives).
_CONNECTIVE = re.compile(
    r"^(?:(?:but|and|however),?|(?:meanwhile|nevertheless|nonetheless|moreover|furthermore|also|"
    r"yet|still|instead|besides|so|indeed|in addition|in fact|as a result|even so|at the same "
    r"time|on the other hand|in turn),)\s+",
    re.IGNORECASE,
)
MIN_WORDS = 6


@lru_cache(maxsize=4096)
def without_opening_connective(text: str) -> str:
    """``text`` without the connective that opens it, when the verifier still supports it."""
    original = " ".join(text.split())
    rest = _CONNECTIVE.sub("", original, count=1)
    if rest == original or not rest[:1].isalpha() or len(rest.split()) < MIN_WORDS:
        return text
    short = rest[0].upper() + rest[1:]
    return short if verify(short, original).supported else text
