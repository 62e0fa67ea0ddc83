"""A small statistical sign: whether a message is worded like known scam texts.

The model is data in ``content/message_model/`` (made by ``benchmarks/train_wording_model.py``
from development data only): a weight for each of some thousands of words and word pairs, a bias
and two thresholds. Inference is plain Python and deterministic:
the text is reduced to tokens (links, email addresses, amounts of money, phone numbers and
other numbers become placeholders), the weights of the distinct tokens and pairs present are
added up, and the sign is given when the sum passes the threshold. It is one explained sign
among the others and is weighted so that it can raise a verdict but never reach "strong signs
of a scam" on its own.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from itertools import pairwise
from typing import NamedTuple

from sochelp.message.model import lazy

#: Longest text read for the sign (the start of a long email says what it is about).
MAX_CHARS = 6000

_URL = lazy(
    r"\b(?:https?://|www\.)\S{1,300}"
    r"|\b[a-z0-9-]{1,63}\.(?:com|co\.uk|uk|net|org|info|ly|me)\S{0,200}"
)
_EMAIL = lazy(r"\S{1,64}@\S{1,200}")
_MONEY = lazy(
    r"(?:£|€|\$|\bgbp\s?|\beur\s?|\busd\s?|\brs\.?\s?|\binr\.?\s?)\d[\d,]{0,12}(?:\.\d{1,2})?"
    r"|\b\d[\d,]{0,12}(?:\.\d{1,2})?\s?(?:gbp|pounds?|euros?|dollars?)\b"
)
_PHONE = lazy(r"\+?\d[\d ]{6,15}\d")
_NUMBER = lazy(r"\d+")
_WORD = lazy(r"<[a-z]+>|[a-z]+(?:'[a-z]+)?")


class WordingModel(NamedTuple):
    """Token and pair weights (log odds), a bias, and the thresholds of the sign and of its
    weak form."""

    weights: dict[str, float]
    bias: float
    threshold: float
    weak_threshold: float


def tokens(text: str) -> list[str]:
    """The words of a (cleaned) text with placeholders for links, addresses, money, numbers."""
    text = text[:MAX_CHARS].lower()
    text = _URL.sub(" <url> ", text)
    text = _EMAIL.sub(" <email> ", text)
    text = _MONEY.sub(" <money> ", text)
    text = _PHONE.sub(" <phone> ", text)
    text = _NUMBER.sub(" <num> ", text)
    return [match.group(0) for match in _WORD.finditer(text)]


def features(text: str) -> set[str]:
    """The distinct tokens and adjacent pairs ("click here" is ``click_here``) of a text."""
    words = tokens(text)
    found = set(words)
    found.update(f"{a}_{b}" for a, b in pairwise(words))
    return found


def score(model: WordingModel, text: str) -> float:
    """The model's log-odds that the text is worded like a scam."""
    return features_score(model.weights, model.bias, features(text))


def features_score(weights: Mapping[str, float], bias: float, found: Iterable[str]) -> float:
    """The log-odds of a text with the features ``found`` (the sign and its training script
    both score this way)."""
    # fsum: a set's order changes from run to run (string hashing is salted per process), and
    # a plain sum in another order can differ in its last bit, enough to move a message that
    # sits on a threshold; fsum's exactly rounded total does not depend on the order.
    return math.fsum([bias, *(weights.get(feature, 0.0) for feature in found)])
