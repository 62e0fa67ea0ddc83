"""The concept words that English text would match: run it after adding words.

A concept word that is also an English word ("taxes", "expire", "reactive") would read English
messages as another language's scams. With Debian's ``/usr/share/dict/american-english`` (its
lower-case words; ``apt install wamerican``), this lists, from ``content/message_concepts/``,
every single word that is an English word, every stem that is one, and, for the concepts that
count on their own (``act``, ``won``, ``not_you``), every stem that starts an English word.
Phrases are not listed. It exits 1 when it lists any. The bundled lists have been through it.

    python benchmarks/concept_english.py [--dictionary FILE]
"""

from __future__ import annotations

import argparse
import bisect
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sochelp.message.concepts import fold  # noqa: E402

CONCEPTS_DIR = ROOT / "content" / "message_concepts"
SINGLE_CONCEPTS = ("act", "won", "not_you")
#: Lists left alone: negations never stand alone, and "mama" or "papa" are words of address in
#: English too, counted only beside "my new number" (an English "Hi Mum" opener is a scam too).
NEGATIONS = ("negation", "negation_after", "family_address")
#: Words that are the concept itself in every language: "PIN" counts only beside a request to
#: send it, with no "never" near.
SHARED = ("pin",)


def collisions(dictionary: Path) -> list[tuple[str, str, str]]:
    """(file, concept id, word) for each word English text would match."""
    lines = dictionary.read_text(encoding="utf-8").split()
    english = sorted({w for w in lines if w.islower() and "'" not in w})
    known = set(english)

    def starts_a_word(stem: str) -> bool:
        at = bisect.bisect_left(english, stem)
        return at < len(english) and english[at].startswith(stem)

    found = []
    for path in sorted(CONCEPTS_DIR.glob("*.toml")):
        for item in tomllib.loads(path.read_text(encoding="utf-8")).get("concept", []):
            if item["concept"] in NEGATIONS:
                continue
            for word in item["words"]:
                plain = fold(word.rstrip("*"))
                if not re.fullmatch(r"[a-z]+", plain) or plain in SHARED:
                    continue
                stem = word.endswith("*")
                if plain in known or (
                    stem and item["concept"] in SINGLE_CONCEPTS and starts_a_word(plain)
                ):
                    found.append((path.name, item["id"], word))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionary", type=Path, default=Path("/usr/share/dict/american-english"))
    args = parser.parse_args(argv)
    if not args.dictionary.is_file():
        print(f"no English word list at {args.dictionary} (apt install wamerican)")
        return 2
    found = collisions(args.dictionary)
    for file, concept_id, word in found:
        print(f"{file}: {concept_id}: {word}")
    print(f"{len(found)} words English text would match")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
