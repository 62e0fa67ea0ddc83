"""What the sixtieth round taught, with counter-examples.

Section 1 was written before ``fresh-68`` was read, from development misses (``fresh-67``'s
"pastor needs a favour" text, moved last round, and an older one); the others after ``fresh-68``
was read once and moved to development. None was drawn from a message of the sealed
``fresh-69``. The messages written here are a regression set, never a figure.
"""

from __future__ import annotations

import pytest

from sochelp.message.analyse import Verdict, prepare_text
from tests.message.helpers import check, cue_fires, families, read_dev_warned

# --- 1. A favour asked plainly ----------------------------------------------------------------
# friend-favour (an opener or a faith leader's sign-off, then a favour) read "I need a favor from
# you" and "I have a favor to ask", not a bare "I need a favor, I am meeting with ..." signed
# "Pastor John Sempa" (fresh-67, none), nor "I'm a bit embarrassed but could I ask you for a big
# favour?" (fresh-33, none). The favour alone is not enough: a friend asks favours every day, so
# the family still needs the opener or the sign-off.

FAVOUR = "friend-favour"


@pytest.mark.parametrize(
    "text",
    [
        "Hello Anna, I need a favor, I am in a meeting right now, please text me back as soon as "
        "you get this, Pastor Mark Ellis",
        "Hi Sam, I really need a favour, reply when you can. Father Michael",
        "Hi I'm a bit embarrassed but could I ask you for a big favour?",
        "I am so embarrassed to ask, but may I ask a small favor? I can't call right now.",
        "Sorry to bother you, can I ask you a quick favour?",
    ],
)
def test_a_favour_asked_plainly_after_an_opener_or_a_sign_off(text: str) -> None:
    result = check(text)
    assert FAVOUR in families(result), text
    assert result.verdict is not Verdict.NONE_FOUND


@pytest.mark.parametrize(
    "text",
    [
        "I need a favour, can you pick the kids up from school today? Love, Mum",
        "Could I ask you a favour? Can you feed the cat while we're away?",
        "Pastor Tom will lead the service on Sunday; I need a favour from the flower team.",
        "I was so embarrassed when I fell over at the party.",
        "Can I ask you a question about the rota?",
        "Sorry to bother you, do you know when the bins go out?",
    ],
)
def test_a_favour_without_a_stranger_s_opener_is_not_the_family(text: str) -> None:
    assert FAVOUR not in families(check(text)), text


@pytest.mark.parametrize(
    ("cue", "text", "fires"),
    [
        ("favour-ask", "I need a favor, I am meeting with some family members", True),
        ("favour-ask", "could I ask you for a big favour?", True),
        ("favour-ask", "May I ask a huge favor", True),
        ("favour-ask", "Can I ask you a question?", False),
        ("favour-ask", "I need a favourite colour for the poster", False),
        ("favour-opener", "Hi I'm a bit embarrassed but could I ask", True),
        ("favour-opener", "I am embarrassed to ask this", True),
        ("favour-opener", "I was so embarrassed when I fell over", False),
    ],
)
def test_the_favour_cues(cue: str, text: str, fires: bool) -> None:
    assert cue_fires(cue, prepare_text(text)) is fires


def test_the_pastor_favour_text_in_development_is_read() -> None:
    read_dev_warned("rm-1f45d62b6e3d", f"family:{FAVOUR}")
