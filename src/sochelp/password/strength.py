"""Rate a password with zxcvbn, bounded in time, without ever keeping the password.

zxcvbn 4.5.0 is wrapped rather than called through ``zxcvbn.zxcvbn``:

* it raises on empty input and above 72 characters, so only the first
  :data:`EVALUATION_LIMIT` characters are rated (the rest can only add strength) and the report
  says so;
* its look-alike ("l33t") matcher tries every combination of substitutions, up to 736 of them,
  each a full dictionary scan; a crafted string of look-alike symbols takes seconds. At most
  :data:`MAX_L33T_SUBSTITUTIONS` combinations are tried, and the look-alike search also stops at
  :data:`L33T_TIME_BUDGET` seconds as a safety net on slow machines;
* it writes the user's words into a module-level dictionary (not thread-safe), so here every call
  builds its own dictionary set and passes it to the matchers explicitly;
* its word lists and the local dictionary are kept packed (:mod:`sochelp.password.wordlists`):
  before a matcher scans a text, the dictionaries are unpacked as far as that text needs;
* its result holds the plaintext and Decimals; only numbers and display strings are copied out.

zxcvbn is imported inside functions, through :func:`~sochelp.password.wordlists.zxcvbn_matching`
first: ``sochelp --help`` must not pay for loading it, ``password`` not for building its dicts.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sochelp.password.wordlists import (
    LocalWords,
    OwnFirst,
    PackedRanks,
    rank_words,
    text_keys,
    zxcvbn_matching,
)

#: Characters of the password that zxcvbn rates; longer passwords are rated on this prefix.
EVALUATION_LIMIT = 64
#: Most look-alike substitution combinations tried (ordinary passwords need 1 to 12).
MAX_L33T_SUBSTITUTIONS = 32
#: Seconds after which the look-alike search stops trying further combinations.
L33T_TIME_BUDGET = 0.25

_GREEDY = re.compile(r"(.+)\1+")
_LAZY = re.compile(r"(.+?)\1+")
_LAZY_ANCHORED = re.compile(r"^(.+?)\1+$")


@dataclass(frozen=True)
class CrackTimes:
    """How long guessing would take, as zxcvbn's display strings."""

    online_throttling: str
    offline_fast_hash: str


@dataclass(frozen=True)
class StrengthReport:
    """The rating of one password. It never holds the password or any part of it."""

    score: int
    guesses_log10: float
    crack_times: CrackTimes
    warning: str
    suggestions: tuple[str, ...]
    length_evaluated: int
    #: True when the password was longer than :data:`EVALUATION_LIMIT` and only its start was rated.
    truncated: bool
    #: True when not every look-alike substitution combination was tried (to stay quick).
    substitutions_limited: bool = False
    #: Why the password is guessable in local terms (a local word, one of the user's own words).
    local_warnings: tuple[str, ...] = field(default_factory=tuple)


@dataclass
class _Budget:
    deadline: float
    clock: Callable[[], float]
    limited: bool = False

    def spent(self) -> bool:
        return self.clock() > self.deadline


def _ranked(words: Iterable[str]) -> dict[str, int]:
    return rank_words(words)


#: The last local dictionary ranked, and its ranking: the bundled list has tens of thousands of
#: words, so ranking it for every password (an audit rates thousands) would cost more than rating.
_local_cache: tuple[Sequence[str], dict[str, int]] | None = None


def _ranked_local(local_words: Sequence[str]) -> Mapping[str, int]:
    global _local_cache
    if isinstance(local_words, LocalWords):
        return local_words.ranks
    cached = _local_cache
    if cached is not None and cached[0] is local_words:
        return cached[1]
    # The bundled dictionary is already lower case without repeats or empty words: then the
    # ranking is one C-level pass (about 2 ms for 30,000 words, against 28 ms word by word).
    ranked = dict(zip(local_words, range(1, len(local_words) + 1), strict=True))
    joined = "\0".join(local_words)
    if len(ranked) != len(local_words) or joined != joined.lower() or "" in ranked:
        ranked = _ranked(local_words)
    _local_cache = (local_words, ranked)
    return ranked


def _dictionaries(user_inputs: Sequence[str], local_words: Sequence[str]) -> dict[str, Any]:
    matching = zxcvbn_matching()
    dictionaries: dict[str, Any] = {
        name: table for name, table in matching.RANKED_DICTIONARIES.items() if name != "user_inputs"
    }
    # The user's own words rank first (the most likely guesses), then the local dictionary.
    local = _ranked_local(local_words)
    if user_inputs and isinstance(local, PackedRanks):
        dictionaries["user_inputs"] = OwnFirst(_ranked(user_inputs), local)
    elif user_inputs:
        own = _ranked(user_inputs)
        offset = len(own)
        merged = dict(own)
        for word, rank in local.items():
            merged.setdefault(word, rank + offset)
        dictionaries["user_inputs"] = merged
    else:
        dictionaries["user_inputs"] = local  # only read by the matchers
    return dictionaries


def _for_text(dictionaries: Mapping[str, Any], text: str) -> dict[str, Any]:
    """``dictionaries`` as zxcvbn's matchers take them for ``text``: packed ones unpacked as far as
    the substrings of ``text`` need (words of other groups may be there too, rightly ranked)."""
    keys: set[str] | None = None
    plain: dict[str, Any] = {}
    for name, table in dictionaries.items():
        if isinstance(table, PackedRanks | OwnFirst):
            keys = text_keys(text) if keys is None else keys
            plain[name] = table.covering(keys)
        else:
            plain[name] = table
    return plain


def _l33t_match(password: str, dictionaries: Mapping[str, Any], budget: _Budget) -> list[Any]:
    """zxcvbn's look-alike matcher, trying a bounded number of substitution combinations."""
    matching = zxcvbn_matching()
    table = matching.relevant_l33t_subtable(password, matching.L33T_TABLE)
    subs = matching.enumerate_l33t_subs(table)
    if len(subs) > MAX_L33T_SUBSTITUTIONS:
        subs = subs[:MAX_L33T_SUBSTITUTIONS]
        budget.limited = True
    matches: list[Any] = []
    for sub in subs:
        if not sub:
            break
        if budget.spent():
            budget.limited = True
            break
        subbed = matching.translate(password, sub)
        for match in matching.dictionary_match(subbed, _for_text(dictionaries, subbed)):
            token = password[match["i"] : match["j"] + 1]
            if token.lower() == match["matched_word"]:
                continue  # only matches that contain a substitution
            used = {k: v for k, v in sub.items() if k in token}
            match.update(
                l33t=True,
                token=token,
                sub=used,
                sub_display=", ".join(f"{k} -> {v}" for k, v in used.items()),
            )
            matches.append(match)
    matches = [m for m in matches if len(m["token"]) > 1]
    return sorted(matches, key=lambda m: (m["i"], m["j"]))


def _repeat_match(password: str, dictionaries: Mapping[str, Any], budget: _Budget) -> list[Any]:
    """zxcvbn's repeat matcher, rating the repeated part with the same bounded matchers."""
    from zxcvbn import scoring

    matches: list[Any] = []
    last_index = 0
    while last_index < len(password):
        greedy = _GREEDY.search(password, pos=last_index)
        lazy = _LAZY.search(password, pos=last_index)
        if not greedy or not lazy:
            break
        if len(greedy.group(0)) > len(lazy.group(0)):
            match = greedy
            anchored = _LAZY_ANCHORED.search(match.group(0))
            base_token = anchored.group(1) if anchored else match.group(1)
        else:
            match = lazy
            base_token = match.group(1)
        i, j = match.span()[0], match.span()[1] - 1
        base = scoring.most_guessable_match_sequence(
            base_token, _omnimatch(base_token, dictionaries, budget)
        )
        matches.append(
            {
                "pattern": "repeat",
                "i": i,
                "j": j,
                "token": match.group(0),
                "base_token": base_token,
                "base_guesses": base["guesses"],
                "base_matches": base["sequence"],
                "repeat_count": len(match.group(0)) / len(base_token),
            }
        )
        last_index = j + 1
    return matches


def _omnimatch(password: str, dictionaries: Mapping[str, Any], budget: _Budget) -> list[Any]:
    matching = zxcvbn_matching()
    matches: list[Any] = []
    matches.extend(matching.dictionary_match(password, _for_text(dictionaries, password)))
    # (the reverse matcher looks up the substrings of the reversed password)
    backwards = _for_text(dictionaries, "".join(reversed(password)))
    matches.extend(matching.reverse_dictionary_match(password, backwards))
    matches.extend(_l33t_match(password, dictionaries, budget))
    matches.extend(matching.spatial_match(password))
    matches.extend(_repeat_match(password, dictionaries, budget))
    matches.extend(matching.sequence_match(password))
    matches.extend(matching.regex_match(password))
    matches.extend(matching.date_match(password))
    return sorted(matches, key=lambda m: (m["i"], m["j"]))


def _local_warnings(
    sequence: Sequence[Mapping[str, Any]], user_inputs: Sequence[str], local_words: Sequence[str]
) -> tuple[str, ...]:
    own = {w.lower() for w in user_inputs}
    local = _ranked_local(local_words)  # already lower case, built once
    warnings: list[str] = []
    for match in sequence:
        if match.get("pattern") != "dictionary" or match.get("dictionary_name") != "user_inputs":
            continue
        word = str(match.get("matched_word", ""))
        if word in own:
            text = "It contains one of the words you gave (such as a name or a team)."
        elif word in local:
            text = (
                "It contains a well-known local word, such as a football club, place or name: "
                "these are among the first things tried."
            )
        else:
            continue
        if text not in warnings:
            warnings.append(text)
    return tuple(warnings)


def _rate(
    evaluated: str,
    user_inputs: Sequence[str],
    local_words: Sequence[str],
    clock: Callable[[], float],
) -> tuple[list[Any], dict[str, Any], _Budget]:
    """zxcvbn's matches in ``evaluated`` (bounded), its most guessable sequence of them (zxcvbn's
    result: guesses, sequence...) and the look-alike budget, as spent."""
    dictionaries = _dictionaries(user_inputs, local_words)
    from zxcvbn import scoring

    budget = _Budget(deadline=clock() + L33T_TIME_BUDGET, clock=clock)
    matches = _omnimatch(evaluated, dictionaries, budget)
    return matches, scoring.most_guessable_match_sequence(evaluated, matches), budget


def evaluate(
    password: str,
    user_inputs: Sequence[str] = (),
    local_words: Sequence[str] = (),
    *,
    clock: Callable[[], float] = time.perf_counter,
) -> StrengthReport:
    """Rate ``password`` with zxcvbn (bounded), adding the user's and local dictionary words.

    Safe to call from several threads at once. Raises ValueError for an empty password.
    """
    if not password:
        raise ValueError("cannot rate an empty password")
    zxcvbn_matching()  # before any other zxcvbn module: it may load the word lists packed
    from zxcvbn import feedback, time_estimates

    evaluated = password[:EVALUATION_LIMIT]
    matches, result, budget = _rate(evaluated, user_inputs, local_words, clock)
    guesses = result["guesses"]
    attack = time_estimates.estimate_attack_times(guesses)
    score = int(attack["score"])
    advice = feedback.get_feedback(score, result["sequence"])
    display = attack["crack_times_display"]
    report = StrengthReport(
        score=score,
        guesses_log10=round(math.log10(float(guesses)), 3) if float(guesses) > 0 else 0.0,
        crack_times=CrackTimes(
            online_throttling=str(display["online_throttling_100_per_hour"]),
            offline_fast_hash=str(display["offline_fast_hashing_1e10_per_second"]),
        ),
        warning=str(advice.get("warning") or ""),
        suggestions=tuple(str(s) for s in advice.get("suggestions", ())),
        length_evaluated=len(evaluated),
        truncated=len(password) > EVALUATION_LIMIT,
        substitutions_limited=budget.limited,
        # Like zxcvbn's own warnings, only for passwords that are not already strong.
        local_warnings=(
            _local_warnings(result["sequence"], user_inputs, local_words) if score <= 2 else ()
        ),
    )
    del result, matches, attack, advice, evaluated
    return report
