"""A hostile local content folder: every text a view shows holds rich markup, escape sequences,
C1 controls, carriage returns, backspaces and bidi overrides, written as TOML escapes (``\\u001b``)
the way an attacker would smuggle them past someone reading the file."""

from __future__ import annotations

from pathlib import Path

from tests.hostile.payloads import ATTACKS, MARKUP

#: Glued into every text: markup, then the escape-sequence attacks, then a carriage return and a
#: backspace that would overwrite the start of the line.
HOSTILE = (
    f"Evil {MARKUP} "
    + ATTACKS["save-up-clear"]
    + ATTACKS["osc8-hyperlink"]
    + ATTACKS["osc52-clipboard"]
    + ATTACKS["osc0-title"]
    + ATTACKS["dcs"]
    + ATTACKS["c1-csi"]
    + ATTACKS["hidden-text"]
    + ATTACKS["blink"]
    + " \u202edesrever\u202c \u2067isolated\u2069 pay\u200bpal"
    + "\rOverwritten\b\b\bend"
)

#: The same tricks in under 60 characters, for short fields (a section name, a title, a header).
SHORT = "[blink]now[/blink]\x1b[2K\x1b]8;;https://e.x\x07\u009bH\u202ex\u202c\rOverwritten"

#: What must be on the screen instead: the markup as text, and a marker for each hidden trick.
VISIBLE = ("[blink]now[/blink]", "<U+001B>", "<U+202E>", "<U+009B>", "<U+000D>Overwritten")


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string, every control and invisible character as an escape."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif code < 0x20 or 0x7F <= code <= 0x9F or ch in "\u200b\u202c\u202e\u2067\u2069":
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def write_overlay(root: Path) -> Path:
    """A content folder laid over the fixture content, with one hostile item of each kind."""
    bad = toml_string(HOSTILE)
    short = toml_string(SHORT)
    header = toml_string(SHORT.replace("\r", ""))  # a header is one line

    def write(relative: str, text: str) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    write(
        "contacts/hostile.toml",
        f"""
[[contact]]
id = "hostile-helpline"
name = {bad}
regions = ["scotland", "england-wales", "northern-ireland"]
phone = "0800 123 4567"
hours = {bad}
purpose = {bad}
not_for = {bad}
source = "https://example.org/hostile"
checked = 2026-01-01
""",
    )
    regions = "\n".join(
        f'[situation.regions.{region}]\ncontacts = ["hostile-helpline", "uk-line"]'
        for region in ("scotland", "england-wales", "northern-ireland")
    )
    write(
        "situations/hostile.toml",
        f"""
[[situation]]
id = "hostile-case"
title = {bad}
summary = {bad}
keywords = ["hostile"]
steps = [{bad}, "An honest step."]
signs = ["hostile-guide"]
{regions}
""",
    )
    write(
        "signs/hostile.toml",
        f"""
[[guide]]
id = "hostile-guide"
title = {bad}
summary = {bad}
keywords = ["hostile"]
do = [{bad}]
dont = [{bad}]
report_situation = "hostile-case"
sources = ["https://example.org/hostile"]
checked = 2026-01-01

[[guide.groups]]
kind = {bad}
signs = [{bad}]
""",
    )
    write(
        "checkup/individual.toml",
        f"""
[[item]]
id = "ind-hostile"
audience = "individual"
section = {short}
title = {short}
question = {toml_string(SHORT + "?")}
why = {short}
steps = [{bad}]
effort = 1
impact = 3
links = ["https://example.org/hostile"]
checked = 2026-01-01
""",
    )
    write(
        "quiz/hostile.toml",
        f"""
[[question]]
id = "hostile-question"
format = "multiple-choice"
topics = ["hostile-topic"]
audiences = ["individual"]
difficulty = "easy"
prompt = {bad}
report_situation = "hostile-case"
reviewed = 2026-01-01
sources = ["https://example.org/hostile"]
red_flags = ["urgency"]
explanation = {bad}
what_to_do = {bad}
[question.scenario]
medium = "email"
from = {header}
subject = {header}
body = {bad}
[[question.choices]]
text = {bad}
correct = true
[[question.choices]]
text = "An honest choice"
[[question.choices]]
text = "Another honest choice"
""",
    )
    return root
