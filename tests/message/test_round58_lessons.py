"""What the fifty-eighth round taught, with counter-examples.

Written before ``fresh-66`` was read, from development messages and the content itself; nothing
here was drawn from a message of the sealed batches. The messages written here are a regression
set, never a figure.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tests.message.helpers import bundled, check, families

CONTENT = Path(__file__).resolve().parents[2] / "content"

# --- 1. One list for a child's greeting, one for a new phone ------------------------------------
# hi-mum read the greeting as three cues and new-number-money excluded the same three, written
# out twice; a cue added to one list (parent-named-at-end, last round) had to be added to both.
# Both now name the choices parent-greeting and new-phone-or-blocked-bank.


def _raw_families() -> dict[str, dict[str, list[str]]]:
    raw = tomllib.loads((CONTENT / "message_families" / "families.toml").read_text("utf-8"))
    return {family["id"]: family for family in raw["family"]}


def test_hi_mum_and_new_number_money_name_the_same_choices() -> None:
    raw = _raw_families()
    assert raw["hi-mum"]["all"] == ["choice:parent-greeting", "choice:new-phone-or-blocked-bank"]
    assert raw["new-number-money"]["all"][0] == "choice:new-phone-or-blocked-bank"
    assert "choice:parent-greeting" in raw["new-number-money"]["none"]


def test_the_choices_expand_to_the_cues_both_families_read() -> None:
    by_id = {family.id: family for family in bundled().families}
    greeting = ("family-opener", "family-opener-other-languages", "parent-named-at-end")
    new_phone = (
        "new-phone",
        "new-phone-other-languages",
        "own-banking-blocked",
        "own-banking-blocked-other-languages",
    )
    assert by_id["hi-mum"].all == (greeting, new_phone)
    assert by_id["new-number-money"].all[0] == new_phone
    assert set(greeting) <= set(by_id["new-number-money"].none)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Hi Mum, I dropped my phone, this is my new number. Can you pay a bill for me?", "hi-mum"),
        ("I have a new number, mum.. can you help me with a payment today", "hi-mum"),
        ("Hola mamá, este es mi nuevo número, ¿me puedes ayudar con un pago?", "hi-mum"),
        (
            "This is my new number, my banking app has put a 24 hour hold on my account, "
            "could you pay an invoice for me and I'll pay you back tomorrow",
            "new-number-money",
        ),
    ],
)
def test_a_greeting_reads_hi_mum_and_without_one_new_number_money(text: str, family: str) -> None:
    found = families(check(text))
    assert family in found
    assert not {"hi-mum", "new-number-money"} <= found  # one of the two, never both


def test_a_child_asking_a_parent_for_money_without_a_new_phone_is_neither() -> None:
    found = families(check("Can you send me £20 for the bus, mum!"))
    assert not found & {"hi-mum", "new-number-money"}
