"""The analysis: message text, sender and channel in, warning signs and a verdict out.

Pure and offline: nothing here reads files or fills a cache (the content, with everything derived
from it and the Public Suffix List, is loaded beforehand and passed in), opens a connection or
resolves a name. Work is linear in the text: each rule and cue stops at its first matches, link
extraction stops after :data:`links.MAX_LINKS` links.

The steps: a pasted email is split into its header block (sender information) and body
(:mod:`~sochelp.message.mail`); the text is cleaned of what a reader cannot see
(:mod:`~sochelp.message.normalise`); rules give warning signs and cues give the pieces that
families of scams are recognised by; links, email addresses and the sender are judged; the
organisation the message *claims to come from* (an opening tag such as "HSBC:", the sender, a
signature) is told apart from organisations merely named, and what the message *asks* the reader
to do (use a link, call, reply, pay, log in, share a code) is found even when the link itself was
removed. Impersonation is a claimed sender plus a request by a route that is not theirs.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from enum import StrEnum
from itertools import islice
from typing import TYPE_CHECKING, Literal

from sochelp.message import links
from sochelp.message.language import Language, written_in
from sochelp.message.links import AddressReport
from sochelp.message.model import (
    CHANNEL_SITUATIONS,
    EAST_ASIAN,
    HEADER_START,
    MAX_TRIES,
    MBOX_FROM_LINE,
    MONEY_LOST_SITUATION,
    REQUEST_PREFIX,
    SHORT_MESSAGE_CHANNELS,
    Channel,
    Family,
    MessageContent,
    Organisation,
    PrefixIndex,
    Rule,
    first_matches,
    lazy,
    phone_digits,
    regex,
    request_counted_as,
)
from sochelp.message.normalise import (
    CleanText,
    clean,
    codepoint,
    overridden_runs,
    read_for_rules,
)

if TYPE_CHECKING:
    from sochelp.message.mail import Email

#: Scores at or above these give the verdicts "scam" and "suspicious".
SCAM_SCORE = 8
SUSPICIOUS_SCORE = 3
#: The "scam" score for a message no longer than LONG_MESSAGE. Two different kinds of sign
#: adding up to this are rare in genuine texts (1 of the 201 real genuine development
#: messages; SpamAssassin ham "strong" 0.4% -> 0.6% on the development split) but common in
#: scam texts; long ordinary emails carry more incidental signs, so they keep the bar of 8.
#: One of the signs must weigh 3 or more: three weak, generic signs (a deadline, "verify", the
#: wording) are common in genuine requests for payment.
SHORT_SCAM_SCORE = 6
#: The most one red-flag kind can add to the score (many urgent words are still one sign).
KIND_CAP = 7
#: The most all link problems together can add.
LINK_CAP = 9
#: Longest piece of matched text shown as evidence.
MAX_EVIDENCE = 80
#: A message longer than this (characters) is read as a long email or letter: a sign needs an
#: actual request before the message can get "strong signs of a scam".
LONG_MESSAGE = 1200
#: A message up to this long is read as a text message: an organisation it names is taken as
#: the one it speaks for, unless it talks about scams.
SHORT_MESSAGE = 400
#: A message said to be a text or WhatsApp message is read as one up to this long: a long text is
#: still a text (several joined SMS parts; a Greek parcel text of 422 characters).
SHORT_TEXT_MESSAGE = 800
#: A family's window when it sets none: the whole of any realistic message.
WHOLE_MESSAGE = 10_000_000
#: How many matches of each cue are kept (their places matter for a family's window).
CUE_MATCHES = 20
#: The cue for text that talks about scams (a warning): signs found in the same sentence are
#: quotes or descriptions of a scam, not the message's own words.
TALK_CUE = "talks-about-scams"
#: Where the talk about scams is a line or clause tacked on to the message's own requests
#: ("… pay the fee here, beware of scams."): kept apart from :data:`TALK_CUE`, so that it
#: excuses nothing the message asks (only the wording sign stays off, as for any talk).
TACKED_ON_TALK = "talk-tacked-on"
#: Most sentences about scams looked for.
TALK_MATCHES = 60
#: The rule for a message vouching for itself ("this is not a scam", "rest assured this is not
#: a hoax"): its words about scams are its own claim, not a warning.
SELF_VOUCH = "vouches-for-itself"
#: The cue for a message claiming scammers have got into the reader's account ("fraudsters
#: have accessed your account"): the way impersonators open, so its words about fraudsters are
#: its own claim, not a warning.
SCAMMERS_HAVE_YOU = "scammers-have-you"
#: The cue for a request the message justifies by phishing or fraud ("verify your login due to
#: the phishing emails circulating"): its words about phishing are its own pretext.
SECURITY_PRETEXT = "security-pretext"
#: The cue for a route the reader can check ("the number on the back of your card"); a number
#: the named organisation publishes counts as one too.
TRUSTED_ROUTE = "trusted-route"
#: The cue for "if you didn't ask for this, you can ignore it": a message that puts no pressure.
IGNORE_IF_NOT_YOU = "ignore-if-not-you"
#: The cue for "NEVER share this code, not even with our staff": how real code texts end.
CODE_NOTICE = "code-notice"
#: The cue for a record of a payment on the reader's account, named by its masked number
#: ("Sent Rs.50.00 From HDFC Bank A/C *2222"): how banks' own transaction texts read.
TRANSACTION_RECORD = "transaction-record"
#: The cue for a quoter's "[Scammer]" standing in for the scammer's name: editing, not talk.
QUOTER_PLACEHOLDER = "quoter-placeholder"
#: The cue for "have you seen this?" right before a link: the message's own bait.
CURIOSITY_OPENER = "curiosity-opener"
#: The cue for an offer to get back "the money lost to scammers": a recovery scam's own bait,
#: so its words about scammers are not a warning unless it speaks as one (:data:`WARNING_VOICE`).
RECOVERY_BAIT = "fund-recovery-offer"
#: The cue for a "hacker" sold as a firm ("Lee Ultimate Hacker"): recovery bait too.
HACKER_FIRM = "hacker-firm"
#: The cue for "let me know if this opportunity interests you": asks for an answer, so a long
#: message may reach "strong signs", though scam families do not count it as a route.
ASKS_INTEREST = "asks-interest"
#: The cue for "helped me recover all of my funds": a recovery testimony, bait too.
RECOVERY_HELP = "recovery-help"
_RECOVERY_BAITS = (RECOVERY_BAIT, HACKER_FIRM, RECOVERY_HELP)
#: The rule for the sextortion email's stock lines ("you don't know me and you're thinking why
#: have you received this email"): its words are its own, not a warning's.
SEXTORTION_OPENER = "sextortion-opener"
#: The cue for the voice of a warning ("beware", "report it to Action Fraud", "posing as").
WARNING_VOICE = "warning-voice"
#: "not a" right before a word about scams ("it's not a scam"): vouching, not warning.
_NOT_A = lazy(r"\bnot (?:a |an )?$", re.IGNORECASE)
#: The cue for a yes/no reply to a fraud check ("reply Y if you made it, otherwise N"): how
#: banks really check a payment, not a request to act through the message.
YES_NO_REPLY = "yes-no-reply"
#: An appointment reminder's own way to cancel, rearrange or confirm it.
APPOINTMENT_ADMIN = "appointment-admin"
#: The cue for a form or file attached to open: a route of the message's own.
SEE_ATTACHMENT = "see-attachment"
#: The rule for premium-rate numbers (09 and 070).
PREMIUM_RULE = "premium-number"
#: The flag of the premium-rate number rules. Besides the UK's (whose numbers the ``@premium``
#: fact finds among the message's phone numbers), their ranges are content (satellite networks
#: and tiny islands, other European countries, Indonesia), so the fact takes their places
#: rather than keeping a second list here, and a new range needs no change to the code.
PREMIUM_FLAG = "premium-rate"

_PHONE_CHARS = lazy(r"[\s().*-]")
#: Phone numbers as written in messages (UK and international, spaces and dashes allowed):
#: "+44 (0)808…", "44 (0)808…" (the "(0)" marks a country code written without its "+") and
#: "+44 (20) 8126…", and North American toll-free numbers ("1-888-507-2235", "1 (800) 247-9297",
#: "1+833-319-6690" as helpline adverts also write them);
#: helpline adverts write their digits apart with "*" or "." to slip past filters
#: ("+44*203*808*9137", "+44.203.807.9792"), or with doubled signs ("+55--11--5283--5788").
_PHONE = lazy(
    r"(?<![\w£$.,])(?:(?:\+ ?\d{1,3}[\s*-]{0,2}(?:\(0\)\s?|\(\d{1,4}\)\s?)?|\d{1,3}\s?\(0\)\s?|0)"
    r"\d(?:[\s*-]{0,2}\d){6,11}|1[\s+-]\(?8[0-8]\d\)?[\s-]?\d{3}[\s-]\d{4}"
    # (Dots between the groups only after a "+" country code: "+44.203.807.9792", as helpline
    # adverts write it; without one, dotted digits are versions, dates and addresses.)
    r"|\+ ?\d{1,3}\.\d(?:\.?\d){6,11}"
    # (A North American number written at home, "226-781-7926", "(859) 623-7312": only with
    # its usual separators, so a bare run of ten digits stays a reference.)
    r"|\([2-9]\d\d\)[\s-]?\d{3}[-.]\d{4}|[2-9]\d\d(?:-\d{3}-|\.\d{3}\.)\d{4})(?![\w%])"
)
#: What may come before a number that opens a post ("+61 1800… At BigPond, we…", "☎ +44…"):
#: helpline adverts lead with the number, as no company's own message does.
_NUMBER_FIRST = lazy(r"\W{0,4}")
#: ... and goes straight on to a sentence of its own ("… Thank you for being a valued
#: customer"), not one about the number ("+44 345 … is our customer service number").
_NUMBER_THEN_SENTENCE = lazy(r"\s+(?!(?:Is|Are|Was|Or|And)\b)[A-Z]")
#: Premium-rate, 070 and 087 numbers (the group ``rate``: a sender may be a company's 087 line).
_PREMIUM = lazy(r"^(?:\+?44|0)(?:9\d{8,9}|70\d{8}|(?P<rate>87\d{7,9}))$")
#: A UK 030 number: Ofcom gives the range only to public bodies and not-for-profit bodies such
#: as registered charities (https://www.ofcom.org.uk, "Guidance on bodies eligible to use 030
#: numbers"), so calling one does not reach a scammer's line.
_PUBLIC_BODY = lazy(r"^030\d{8}$")  # (matched against phone_digits: "+44 30…" reads "030…")


def _has_country_code(phone: re.Match[str]) -> bool:
    """Whether a found phone number is written with a country code (+44, 44 (0), 1-800): every
    form :data:`_PHONE` finds but a UK "0…" number."""
    return not phone.group(0).startswith("0")


def _is_public_body_number(written: str) -> bool:
    return bool(_PUBLIC_BODY.match(phone_digits(written)))


def _only_its_own_numbers(org: Organisation, phones: list[re.Match[str]]) -> bool:
    """Whether there are phone numbers and every one is a number ``org`` publishes."""
    return bool(phones and org.phones) and all(
        phone_digits(m.group(0)) in org.phones for m in phones
    )


def _stray_numbers(
    phones: list[re.Match[str]],
    publishing: Organisation | None,
    named: list[Organisation],
    organisations: Iterable[Organisation],
) -> bool:
    """Whether a number is not published by the organisation the message names (``publishing``)
    and is mobile, premium-rate or foreign (not how a UK organisation writes its helpline), or,
    when an organisation named (``named``) lists the numbers it publishes, is a number no
    organisation sochelp knows publishes (nor a UK 030 public-body number): a bank's fraud team
    "on 020 7946 0991" is not HSBC's."""
    if publishing is not None:
        return False
    listed = any(org.phones for org in named)
    known: set[str] | None = None
    for match in phones:
        digits = phone_digits(match.group(0))
        if not digits.startswith("0") or digits.startswith(("00", "07", "09")):
            return True
        if listed and not _is_public_body_number(match.group(0)):
            if known is None:
                known = {number for org in organisations for number in org.phones}
            if digits not in known:
                return True
    return False


def _only_public_body_numbers(phones: list[re.Match[str]]) -> bool:
    """Whether there are phone numbers and every one is a UK 030 number."""
    return bool(phones) and all(_is_public_body_number(m.group(0)) for m in phones)


_SHORT_CODE = lazy(
    r"\b(?:text|txt|send|reply|sms|call|dial)\b\s(?!stop\b|no\b|end\b|unsub|optout)"
    r"[^.\n]{0,30}?\b(?:to|on)\s(?:no:?\s?)?([6-8]\d{4})\b(?![\s-]?\d)",
    re.IGNORECASE,
)
#: The same in French, Spanish, Portuguese, German, Italian and Dutch ("envoyez ATTENTAT au
#: 81032", "envía GANAR al 27777"), where short codes run from 2xxxx; not the opt-out ("envoyez
#: STOP au 36180") nor a postcode before a town ("à 75008 Paris").
_SHORT_CODE_OTHER_LANGUAGES = lazy(
    r"\b(?:envoyez|envoie|envoyer|tapez|textez|envia|envía|envie|envíe|manda|mande|sende|senden"
    r"|schicke|schicken|invia|inviate|stuur|sms)\b\s(?:(?!stop\b|arr[eê]t|baja\b)[^.\n]){0,30}?"
    r"\b(?:au|à|al|a|an|aan|para|per|naar)\s(?:le\s|n°\s?)?([2-9]\d{4})\b(?![\s-]?\d)"
    r"(?!\s+(?-i:[A-ZÀ-Ý][a-zà-ÿ]))",
    re.IGNORECASE,
)
# A domain ending written in capitals, as a card statement writes a shop's name.
_ENDING_IN_CAPITALS = r"\.(?-i:COM|CO\.UK|NET|ORG|UK|IE)(?![\w/-]|\.\w)"
#: A merchant named in a bank's record of a payment, as the card statement spells it ("a payment
#: of £64.99 to ASOS.COM", "spent £12.00 at AMAZON.CO.UK"), or the shop a carrier's notice says a
#: shipment comes from ("Your DHL Express shipment … from JLCPCB.COM"): a shop's name in capitals,
#: not a link to follow (a scam's own route is its link or number elsewhere in the text). A name
#: with a hyphen is no shop's ("pay the fee at ROYALMAIL-FEE.COM" is a route).
_MERCHANT_NAME = lazy(
    r"\b(?:payments?|purchases?|transactions?|transfers?|paid|spent|spend|charged?|pay|debit(?:ed)?"
    r"|shipments?|parcels?|packages?|orders?|consignments?)"
    r"\b(?:[^.\n]|\.(?=\d)){0,40}?\b(?:to|at|with|from|by) "
    r"(?P<name>(?-i:[A-Z0-9][A-Z0-9&']{1,30}(?:\.[A-Z0-9-]{2,30})?)" + _ENDING_IN_CAPITALS + ")",
    re.IGNORECASE,
)
#: A domain ending written in capitals, where a merchant's name may end.
_CAPITAL_ENDING = lazy(_ENDING_IN_CAPITALS)
#: How far before such an ending the payment words and the name may start.
_MERCHANT_WINDOW = 120
#: Most such endings looked at in one message (a payment record names a merchant or two; this
#: bounds the work on a message written to be slow).
_MOST_MERCHANT_NAMES = 200
#: Amounts in rupees: a message about money in India, where "09…", "070…" or "087…" is an
#: ordinary mobile number written with its trunk prefix, not a premium-rate line.
_RUPEES = lazy(r"₹|\b(?:rs|inr)\.?\s?\d", re.IGNORECASE)
#: Chinese, Japanese or Korean characters enough to say a message is written in one of them
#: (a brand or a name in those scripts inside an English text is fewer): there "09…", "070…" or
#: "087…" is a domestic number written with its trunk 0 (Kumamoto's 096, Japan's 090 and 070
#: mobiles, Taiwan's 09 mobiles, Korea's 070 internet phones), not a UK premium-rate line.
_EAST_ASIAN_CHARS = 12
#: A run of 10 to 13 digits with up to three separators of any kind between them ("1 (833)
#: 743-5300", "877⇄868⇄2607"): how a helpline advert writes its number, disguised or not.
#: Letters may follow at once: pasted adverts run the number into the next copy
#: ("📞 8617361391Amazon customer care number 📞 8617361391…").
_NUMBER_RUN = lazy(r"(?<![\w£$€,.])\+?\d(?:[^\w\n,£$€]{0,3}\d){9,12}(?![\d%])")
#: How often one number must appear before the repetition is an advert's, not a letter's (a
#: genuine letter may give its number in the heading, the text and the footer).
_REPEATS = 4
#: Three copies are an advert's only beside a helpline's wording (a family's condition).
_THRICE = 3
_MONEY = lazy(
    r"(?:£|€|\$|\b(?:gbp|eur|usd|aud|inr|rs)\b\.?|\(gbp\))\s?\d|\b\d[\d,]{0,12}(?:\.\d{1,2})?\s?"
    r"(?:gbp|\(gbp\)|pounds?|euros?|dollars?|usd)\b"
    # placeholders left by quoting: "£[sum]", "£xxxx"
    r"|£\s?(?:\[(?:sum|amount|value|x+)\]|x{2,}(?:[.,]x{2})?\b)",
    re.IGNORECASE,
)


class Verdict(StrEnum):
    """The three levels of the answer. There is deliberately no "safe"."""

    SCAM = "scam"
    SUSPICIOUS = "suspicious"
    NONE_FOUND = "none_found"

    @property
    def text(self) -> str:
        """The verdict in words, the same in every view."""
        return VERDICT_TEXTS[self]


VERDICT_TEXTS = {
    Verdict.SCAM: "Strong signs of a scam",
    Verdict.SUSPICIOUS: "Some warning signs",
    Verdict.NONE_FOUND: "No known warning signs found (that does not make it safe)",
}


@dataclass(frozen=True)
class Flag:
    """One warning sign found: its red-flag kind, the words or link, and why it matters."""

    kind: str
    name: str
    evidence: str
    explanation: str
    weight: int
    #: Rule id, "family:<id>", "link:<code>", "address:<code>", "sender:<code>", "email:<code>",
    #: "hidden:<code>" or "combination".
    source: str


@dataclass(frozen=True)
class Claim:
    """Who the message says it comes from, and where that was read."""

    organisation: str
    #: "sender" (--from or the From header), "tag" (an opening "HSBC:", or a greeting such as
    #: "Dear Halifax Customer"), "signature", or
    #: "named" (the organisation a short text is about).
    how: Literal["sender", "tag", "signature", "named"]


@dataclass(frozen=True)
class EmailInfo:
    """What the header block of a pasted email said (present only for emails)."""

    sender: str | None
    reply_to: str | None
    return_path: str | None
    subject: str | None
    authentication_failures: tuple[str, ...]
    html: bool


@dataclass(frozen=True)
class MessageResult:
    """Everything found in one message."""

    verdict: Verdict
    verdict_text: str
    score: int
    flags: tuple[Flag, ...]
    links: tuple[links.LinkReport, ...]
    addresses: tuple[AddressReport, ...]
    good_signs: tuple[str, ...]
    organisations: tuple[str, ...]
    channel: Channel | None
    report_situation: str
    advice: tuple[str, ...]
    truncated: bool = False
    links_capped: bool = False
    #: The text is a sender's template whose link is a field (``${url}``) filled in when it is
    #: sent: that link could not be checked.
    template_link: bool = False
    #: The text is a sender's template (its fields, ``<%= @name %>`` or ``((date))``, are filled
    #: in when it is sent), not a message as received: at most "some warning signs". False when
    #: a link is itself a problem or something is disguised: a field in a phish excuses nothing.
    template: bool = False
    #: The organisation the message claims to come from, if it says.
    claimed_sender: Claim | None = None
    #: What the message asks the reader to do: "link", "call", "reply", "pay", "log-in",
    #: "details", "install", "code", "apply", "contact".
    requests: tuple[str, ...] = ()
    #: The header block of a pasted email or .eml file.
    email: EmailInfo | None = None
    #: "english", or "other" when the message is in another language or script (the rules read
    #: English best, and only the commonest scam wordings of some other languages); None when it
    #: is too short to tell.
    language: Language | None = None


def prepare_text(text: str) -> str:
    """A message as the rules read it: hidden characters removed, compatibility forms and
    look-alike letters folded, straight quotes, single spaces within a line and single line
    breaks between lines."""
    return clean(text).text


def _evidence(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_EVIDENCE else text[: MAX_EVIDENCE - 1] + "…"


# --- matching ---------------------------------------------------------------------------------


class Hits:
    """Where each rule and cue matched: id -> spans (rules: the first; cues: up to a few)."""

    __slots__ = ("spans",)

    def __init__(self) -> None:
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def has(self, item: str) -> bool:
        """Whether the rule or cue matched."""
        return item in self.spans


def _match(
    content: MessageContent,
    text: str,
    index: PrefixIndex,
    channel: Channel | None,
    hits: Hits,
) -> None:
    """Match every rule (first match) and cue (up to :data:`CUE_MATCHES`)."""
    items = (*content.rules, *content.cues)
    tries = index.all_tries(content.keys, MAX_TRIES * 2) if content.keys else None
    for number, compiled in enumerate(items):
        rule = compiled.rule
        if (
            isinstance(rule, Rule)
            and channel is not None
            and (
                (rule.channels and channel not in rule.channels) or channel in rule.except_channels
            )
        ):
            continue
        limit = 1 if isinstance(rule, Rule) else CUE_MATCHES
        mine = None
        if tries is not None and compiled.prefixes is not None:
            mine = tries.get(number)
            if mine is None:
                continue  # none of its prefixes occurs
        found = first_matches(compiled, text, limit, index, mine)
        if found:
            hits.spans[rule.id] = [match.span() for match in found]


def _merge_requests(hits: Hits) -> None:
    """Other forms of a request count as the one they stand for (:func:`request_counted_as`):
    a bare web address or a button copied as text as ``request-link``, a request in other
    languages as its English cue."""
    for cue_id in list(hits.spans):
        into = request_counted_as(cue_id)
        if into is None:
            continue
        spans = hits.spans.pop(cue_id)
        merged = hits.spans.setdefault(into, [])
        merged.extend(spans)
        merged.sort()


def mentioned_organisations(
    text: str, content: MessageContent, index: PrefixIndex | None = None
) -> list[Organisation]:
    """Organisations named in the text, in order of first mention (each once)."""
    return [org for _, org in _mentions(text, content, index)]


def _sender_organisations(sender: str, content: MessageContent) -> list[Organisation]:
    """The organisations a sender names: by the names found in text, or a display name (or
    sender ID) that is wholly an organisation's own name ("WhatsApp <…@…>", whose bare name is
    no alias, as "message me on WhatsApp" names no sender)."""
    found = mentioned_organisations(sender, content)
    if found:
        return found
    display = sender.split("<", 1)[0].strip().strip("\"'").casefold()
    if not display or "@" in display:
        return []
    return [
        org
        for org in content.organisations
        if display in (part.strip().casefold() for part in org.name.split("/"))
    ][:1]


def _mentions(
    text: str, content: MessageContent, index: PrefixIndex | None = None
) -> list[tuple[int, Organisation]]:
    """(position of first mention, organisation), in order, at most ten."""
    aliases = content.aliases
    if index is None or len(index.text) != len(text):
        index = PrefixIndex(text.lower())
    if len(index.text) != len(text):
        return []
    found: dict[str, tuple[int, Organisation]] = {}
    last_end = -1
    for position in index.positions(aliases.first_words, MAX_TRIES):
        if position < last_end:
            continue
        word = re.match(r"[\w'&.]+", index.text[position : position + 60])
        entries = aliases.by_first_word.get(word.group(0).rstrip(".") if word else "", ())
        if not entries:
            entries = next(
                (
                    group
                    for first, group in aliases.by_first_word.items()
                    if index.text.startswith(first, position)
                ),
                (),
            )
        for entry in entries:
            flags = 0 if entry.case_sensitive else re.IGNORECASE
            match = regex(entry.pattern, flags).match(text, position)
            if match is None:
                continue
            last_end = match.end()
            if _NOT_THE_ORG.search(text, max(0, position - 4), position):
                break  # ("nurses (non-NHS)" names the NHS only to exclude it)
            # (A firm's footer names its regulator, which is no party to the message.)
            if entry.org.id not in found and not _names_regulator(text, position):
                found[entry.org.id] = (match.start(), entry.org)
            break
        if len(found) >= 10:
            break
    return sorted(found.values(), key=lambda item: item[0])


#: "non-" before an organisation's name: "non-NHS roles" are roles outside the NHS.
_NOT_THE_ORG = lazy(r"\bnon[- ]$", re.IGNORECASE)
#: A firm's footer naming its regulator ("Authorised and regulated by the Solicitors Regulation
#: Authority"): the regulator named there is no party to the message.
_REGULATED_BY = lazy(
    r"\b(?:regulated|authori[sz]ed|registered|licensed|accredited|supervised)"
    r"(?: and (?:regulated|authori[sz]ed))? (?:by|with) (?:the )?$",
    re.IGNORECASE,
)
#: How far before a name its footer words are looked for (the longest, "accredited and
#: authorised with the ", is 37 characters), so that a long line is not searched again.
_REGULATED_BY_REACH = 48


def _names_regulator(text: str, position: int) -> bool:
    """Whether the organisation named at ``position`` is a firm's regulator in its footer
    ("Authorised and regulated by the Solicitors Regulation Authority")."""
    start = max(
        text.rfind("\n", max(0, position - _REGULATED_BY_REACH), position) + 1,
        position - _REGULATED_BY_REACH,
    )
    return _REGULATED_BY.search(text, start, position) is not None


def _drop_reported_speech(
    text: str, hits: Hits, in_warnings: frozenset[str], rules: Container[str] = ()
) -> None:
    """A message that talks about scams ("scam texts saying your parcel is held, report them
    to 7726") is a warning: the scam words it quotes or describes are not its own, so every
    rule and cue match is forgotten, except the rules in ``in_warnings`` (first-person threats
    no warning makes). What cannot be quoted away stays: links, the sender, hidden
    characters. Talk tacked on to the message's own requests or signs, as a closing line
    (:func:`_appended_warning`), as a clause in its sentences (:func:`_trailing_talk`) or as a
    short line anywhere ("Stay safe online.", :func:`_signs_beside_token_line`) before
    requests that no sentence frames as a quote, forgets nothing and excuses nothing: it is
    kept apart as :data:`TACKED_ON_TALK`, so scam families still count. A short line before
    requests that are all framed ("Beware of scams. If you get a text asking you to pay…")
    forgets nothing either, but still counts as talk (families off, verdict at most
    "some")."""
    # "<scammer's site>" is a placeholder, and "this is not a hoax", "fraudsters have
    # accessed your account", "verify … due to phishing", "have you seen this? <link>",
    # "recover the money lost to scammers" and "why have you received this email" are the
    # message's own words, and "[Scammer]" is the quoter's: not talk about scams.
    own_words = (
        hits.spans.get("link-placeholder", [])
        + hits.spans.get(SELF_VOUCH, [])
        + hits.spans.get(SCAMMERS_HAVE_YOU, [])
        + hits.spans.get(SECURITY_PRETEXT, [])
        + hits.spans.get(CURIOSITY_OPENER, [])
        + hits.spans.get(QUOTER_PLACEHOLDER, [])
        + [span for cue in _RECOVERY_BAITS for span in hits.spans.get(cue, [])]
        + hits.spans.get(SEXTORTION_OPENER, [])
    )
    if any(cue in hits.spans for cue in _RECOVERY_BAITS) and WARNING_VOICE not in hits.spans:
        # "If you are a victim of online scams, contact them": a recovery offer's pitch.
        talk = []
    else:
        # ("… to verify that it's not a scam": a message vouching for itself, not a warning.)
        talk = [
            span
            for span in hits.spans.get(TALK_CUE, [])
            if not any(p[0] <= span[0] < p[1] for p in own_words)
            and not _NOT_A.search(text, max(0, span[0] - 8), span[0])
        ]
    if not talk:
        hits.spans.pop(TALK_CUE, None)
        return
    beside_line = _signs_beside_token_line(text, hits, talk, rules)
    if (
        _trailing_talk(text, hits, talk, rules)
        or _appended_warning(text, hits, talk, rules)
        or _any_unframed(text, islice(beside_line, _MOST_FRAMED_REQUESTS))
    ):
        # "Your parcel is held, pay the fee here, beware of scams.", "… click here to verify.
        # Beware of scammers!" or "Beware of scams. Your parcel is held, pay the fee here.":
        # talk tacked on to the message's own requests excuses none of them.
        hits.spans.pop(TALK_CUE, None)
        hits.spans[TACKED_ON_TALK] = talk
        return
    if beside_line:
        # A short line before requests its sentences frame ("… If you get a text asking you
        # to pay, …"): perhaps a warning, perhaps not; its words stay, held at "some".
        hits.spans[TALK_CUE] = talk
        return
    kept = {item: spans for item, spans in hits.spans.items() if item in in_warnings}
    hits.spans = {TALK_CUE: talk, **kept}


#: Words pointing to a link that is missing: an offer of a link, so a request to use one.
_POINTER_CUES = ("link-pointer", "link-pointer-other-languages")
#: Cues that point at a link the message gave but a quote removed ("[link removed]", "via:").
_LINK_POINTER_CUES = ("link-placeholder", *_POINTER_CUES)
#: A template's field where its link goes (``${url}``, ``((url))``, ``<%= reset_url %>``): the
#: message is a sender's template, whose link its own system fills in.
TEMPLATE_LINK = "template-link"
#: Any template field (``<%= @name %>``, ``${amount}``, ``((first_name))``, ``%{app_name}``): the
#: text is a sender's template, not a message as received.
TEMPLATE_FIELD = "template-field"
#: The start of a written link ("http", "www."), however defanged.
_URL_START = lazy(r"\bh(?:tt|xx)ps?\b|\bwww\s?[.\[(]")
#: Where, as a share of the message, talk about scams must start to count as tacked on.
_APPENDED_FROM = 0.6
#: Most requests and links before a closing warning that are each checked for a framing word.
_MOST_FRAMED_REQUESTS = 50


def _appended_warning(
    text: str, hits: Hits, talk: list[tuple[int, int]], rules: Container[str]
) -> bool:
    """Whether the talk about scams only comes at the end, after the message has already asked
    for something (a request or a link) or shown a warning sign (a rule in ``rules``) in its
    own words."""
    first = min(start for start, _ in talk)
    if first < len(text) * _APPENDED_FROM:
        return False
    starts = [start for start in _own_sign_starts(hits, rules, _LINK_POINTER_CUES) if start < first]
    urls = (match.start() for match in _URL_START.compiled.finditer(text, 0, first))
    starts.extend(islice(urls, _MOST_FRAMED_REQUESTS + 1))
    if len(starts) > _MOST_FRAMED_REQUESTS:
        return True  # (no warning quotes that many requests and links before its word)
    # A request its sentence frames as a case or a quote ("If you get a text asking you to
    # pay a redelivery fee…, it's a scam") is the warning's, not the message's own.
    return _any_unframed(text, starts)


def _any_unframed(text: str, starts: Iterable[int]) -> bool:
    """Whether any of the requests or signs starting at ``starts`` stands in a sentence that
    frames nothing before it as a case or a quote (:data:`_FRAMES_A_QUOTE`)."""
    return any(
        not _FRAMES_A_QUOTE.search(text[_sentence_start(text, start) : start]) for start in starts
    )


#: Where a sentence ends: a full stop, question or exclamation mark before a space, or a line end.
_SENTENCE_BREAK = lazy(r"[.!?](?:\s|$)|\n")
#: Longest sentence about scams that can be a line tacked on ("Stay safe online.", "We will
#: never ask for your PIN."); a warning's opening sentence says more.
_TOKEN_TALK_LENGTH = 80
#: Words by which a warning points at the message it quotes.
_POINTS_AT_QUOTE = lazy(
    r"\b(?:this|these|following|below|like|such as|saying|says|reads?|telling|claiming)\b"
    r"|:\s*$|[\"“‘']",
    re.IGNORECASE,
)


def _own_sign_starts(hits: Hits, rules: Container[str], also: Container[str] = ()) -> list[int]:
    """Where the message's own requests and warning signs (items in ``rules``, and in
    ``also``) start."""
    return [
        s
        for item, spans in hits.spans.items()
        if item.startswith(REQUEST_PREFIX) or item in rules or item in also
        for s, _ in spans
    ]


#: How far back a sentence's start is looked for (a longer sentence is no tacked-on line).
_SENTENCE_LOOKBACK = 400


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts, looking back at most
    :data:`_SENTENCE_LOOKBACK` characters."""
    window = max(0, at - _SENTENCE_LOOKBACK)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text[window:at])]
    return window + breaks[-1] if breaks else window


def _signs_beside_token_line(
    text: str, hits: Hits, talk: list[tuple[int, int]], rules: Container[str]
) -> list[int]:
    """Where the message's own requests and signs start outside its talk about scams, when
    that talk is one short sentence ("Stay safe online."); none when it is more, or introduces
    a quote. Such a line beside requests or signs is added to excuse them, not a warning,
    unless every one of them is framed as a case or a quote (:func:`_any_unframed`)."""
    start = min(s for s, _ in talk)
    end = max(e for _, e in talk)
    # (A sentence starting further back is longer than _TOKEN_TALK_LENGTH either way.)
    sentence_start = _sentence_start(text, start)
    after = _SENTENCE_BREAK.search(text, end)
    sentence_end = after.end() if after else len(text)
    sentence = text[sentence_start:sentence_end]
    if (
        _SENTENCE_BREAK.search(text, start, end)
        or len(sentence.strip()) > _TOKEN_TALK_LENGTH
        or _POINTS_AT_QUOTE.search(sentence)
    ):
        # More than one short sentence, or one that introduces a quote ("Beware of this
        # text:"): a warning, not a line tacked on.
        return []
    return [s for s in _own_sign_starts(hits, rules) if not sentence_start <= s < sentence_end]


#: Words by which a sentence frames what comes before its talk about scams as a quote or a
#: case ("texts *saying* your parcel is held are scams", "*if* you are asked to pay…"), and
#: quotation marks; and words that tell of a scam in the third person ("victim", "posing as").
_FRAMES_A_QUOTE = lazy(
    r"\b(?:saying|says|said|claiming|claims?|purporting|reads?|reading|telling|tells|asking|"
    r"asks|such as|whether|victims?|pretend\w*|posing|impersonat\w*|reported|residents|"
    r"customers have)\b|[\"“”«»„]"
    # The quoted message as the subject: "the messages advise that…", "texts say your…".
    r"|\b(?:messages?|texts?|emails?|e-mails?|calls?|letters?) (?:advise|say|state|warn|ask|"
    r"inform|suggest)s?\b"
    # A warning's case or advice: "if you get a text…", "never click…" (a scam's own "if you
    # don't pay today" is no case, and its "never" is not where the sentence starts).
    r"|\b(?:if|when) (?:you (?:get|receive|are sent|are asked|see|spot|have been sent|are "
    r"contacted)|(?:someone|anyone|a caller|somebody|a text|an email|a message|a call)\b)"
    r"|^\s*(?:never|don'?t|do not|please don'?t)\b"
    # Advice or a promise in the middle of a sentence: "remember to never log in…", "we would
    # never ask for your bank details…".
    r"|\b(?:remember|make sure|be sure) (?:to )?never\b|\b(?:would|will|do|does|should) never\b",
    re.IGNORECASE,
)


#: Where a clause starts inside a sentence: after a comma, a dash, a semicolon or a bracket.
_CLAUSE_START = lazy(r"[,;(]|\s[-–—]\s")
#: Most words of a tacked-on clause before its talk about scams ("and beware of").
_TAIL_WORDS = 5
#: Most words after the talk in a tacked-on clause ("beware of scams *today*").
_REST_WORDS = 2


def _trailing_talk(
    text: str, hits: Hits, talk: list[tuple[int, int]], rules: Container[str]
) -> bool:
    """Whether every mention of scams is a short clause closing a sentence that began without
    it, nothing framing that sentence as a quote, and the message asks or warns in its own
    words: in such a sentence before the clause ("Your parcel is held, pay the £1.45 fee here,
    beware of scams."), or in any sentence that frames nothing as a quote ("Dear customer,
    beware of scams. Pay the fee here."): a clause tacked on to pass as a warning. A warning
    puts its talk first ("Beware of texts saying…"), frames what it quotes ("texts saying your
    parcel is held are scams") or goes on about the scam after naming it (more than a word or
    two, in a sentence with no request or sign of the message's own before the talk)."""
    own = _own_sign_starts(hits, rules)
    # The talk of each sentence, from its first mention to its last ("beware" … "scams").
    by_sentence: dict[int, tuple[int, int]] = {}
    for start, end in sorted(talk):
        sentence_start = _sentence_start(text, start)
        first, _ = by_sentence.get(sentence_start, (start, end))
        by_sentence[sentence_start] = (first, end)
    follows_own = False
    for sentence_start, (start, end) in by_sentence.items():
        after = _SENTENCE_BREAK.search(text, end)
        rest = text[end : after.start() if after else len(text)]
        clause = _CLAUSE_START.compiled.split(text[sentence_start:start])
        before = text[sentence_start:start]
        own_before = any(sentence_start <= s < start for s in own)
        if (
            # the sentence goes on about the scam (a word or two, "… beware of scams today",
            # is no more; after the message's own request or sign, nothing after counts)
            (len(rest.split()) > _REST_WORDS and not own_before)
            or _FRAMES_A_QUOTE.search(rest)
            or len(clause) < 2  # no earlier clause of its own: the talk opens the sentence
            or len(clause[-1].split()) > _TAIL_WORDS
            or _FRAMES_A_QUOTE.search(before)
        ):
            return False
        follows_own = follows_own or own_before
    # (or the message asks or warns in its own words elsewhere, in a sentence that frames
    # nothing as a quote: "Dear customer, beware of scams. Pay the £1.99 fee here.")
    return follows_own or _any_unframed(text, islice(own, _MOST_FRAMED_REQUESTS))


# --- the analysis -----------------------------------------------------------------------------


class _Message:
    """What the steps of the analysis share (a plain class: cheaper to define than a
    dataclass, which matters for start-up)."""

    __slots__ = (
        "_opening",
        "_phones",
        "channel",
        "clean",
        "content",
        "hits",
        "index",
        "mail",
        "mentions",
        "named_sites",
        "sender",
        "sender_orgs",
        "verified_senders",
        "webmail_addresses",
        "zero_is_domestic",
    )

    def __init__(
        self,
        content: MessageContent,
        clean: CleanText,
        index: PrefixIndex,
        hits: Hits,
        channel: Channel | None,
        mail: Email | None,
        mentions: list[tuple[int, Organisation]],
        sender_orgs: list[Organisation],
        sender: str | None = None,
    ) -> None:
        self.content = content
        self.clean = clean
        self.index = index
        self.hits = hits
        self.channel = channel
        self.mail = mail
        self.mentions = mentions
        self.sender_orgs = sender_orgs
        #: The sender as given (--from or the From header), cleaned.
        self.sender = sender
        #: The organisations whose official domain the sender's address is on (several share
        #: gov.uk).
        self.verified_senders: frozenset[str] = frozenset()
        #: Official sites named in running text ("Amazon.com"): mentions, not links.
        self.named_sites = False
        #: The body gives an address on a free webmail service (gmail.com, mail.ru…).
        self.webmail_addresses = False
        #: A "0…" number is another country's own, not a UK one: the message names money in
        #: rupees and none in pounds (India), or is written in Chinese, Japanese or Korean.
        self.zero_is_domestic = _in_rupees(clean.text) or _east_asian(clean.text)
        self._opening: tuple[int, str, re.Match[str] | None] | None = None
        self._phones: list[re.Match[str]] | None = None

    @property
    def text(self) -> str:
        return self.clean.text

    @property
    def template_link(self) -> bool:
        """A template's link field stands where the link goes (see TEMPLATE_LINK)."""
        return self.hits.has(TEMPLATE_LINK)

    @property
    def template(self) -> bool:
        """The text is a sender's template: it has fields filled in when it is sent."""
        return self.template_link or self.hits.has(TEMPLATE_FIELD)

    @property
    def names_its_route(self) -> bool:
        """The route is one the reader need not follow from the message: an official site
        named in running text ("Amazon.com"), or a template's own link field."""
        return self.named_sites or self.template_link

    @property
    def phones(self) -> list[re.Match[str]]:
        """The phone numbers written in the text (at most :data:`_FACT_PLACES`, in its first
        50,000 characters). Found once: the facts and the 030 test both read them."""
        if self._phones is None:
            self._phones = list(_PHONE.finditer(self.text[:50_000]))[:_FACT_PLACES]
        return self._phones

    def opening(self) -> tuple[int, str, re.Match[str] | None]:
        """The line that may hold the opening tag (:func:`_opening_line_start`): where it
        starts, its text, and the end of a tag in it ("HSBC:", "DPD -"), if any. Found once:
        the claim and the sender-site fact both read it, after the hits are final."""
        if self._opening is None:
            offset = _opening_line_start(self.text, self.hits)
            line = self.text[offset:].split("\n", 1)[0]
            self._opening = (offset, line, _TAG_END.search(line[: MAX_TAG + 2]))
        return self._opening


def analyse(
    text: str,
    content: MessageContent,
    *,
    sender: str | None = None,
    channel: Channel | None = None,
    truncated: bool = False,
) -> MessageResult:
    """Find the warning signs in one message and decide the verdict."""
    from sochelp.message.normalise import strip_hidden

    mail = None
    if _maybe_email(text):
        from sochelp.message.mail import read_email  # only pasted emails need it

        mail = read_email(strip_hidden(text))
    body = text
    if mail is not None:
        body = mail.body
        sender = sender or mail.headers.sender
        if channel is None and mail.headers.sender:
            channel = Channel.EMAIL
    written = clean(body)
    # Emoji between words, "1" for "l" and words split apart by a sign ("pay-ment") are read
    # as the words they stand for; links are found in the text as written.
    cleaned = read_for_rules(written, content.sign_words)
    if channel is None and sender is None and _CALL_TRANSCRIPT.search(cleaned.text[:3000]):
        # A pasted call or voicemail transcript reads as a call even when nobody said so.
        channel = Channel.CALL
    index = PrefixIndex(cleaned.text.lower())
    hits = Hits()
    _match(content, cleaned.text, index, channel, hits)
    _merge_requests(hits)
    talk = content.cue(TALK_CUE)
    if talk is not None and TALK_CUE in hits.spans:
        hits.spans[TALK_CUE] = [
            m.span() for m in first_matches(talk, cleaned.text, TALK_MATCHES, index)
        ]
        _drop_reported_speech(cleaned.text, hits, content.warning_rule_ids, content.own_sign_ids)
    mentions = _mentions(cleaned.text, content, index)
    # A quoted sender is often defanged ("name[@]example[.]org") like the links.
    sender_text = clean(links.refang(sender)).text if sender else None
    sender_orgs = _sender_organisations(sender_text, content) if sender_text else []
    message = _Message(
        content, cleaned, index, hits, channel, mail, mentions, sender_orgs, sender_text
    )
    orgs = [org for _, org in mentions]
    orgs.extend(o for o in sender_orgs if o not in orgs)
    # The organisation named whose published numbers are every number the message gives.
    publishing = next((org for org in orgs if _only_its_own_numbers(org, message.phones)), None)
    if publishing is not None:
        # Calling it is the route the advice itself gives, as "the number on your card" is.
        hits.spans.setdefault(TRUSTED_ROUTE, []).extend(m.span() for m in message.phones)
    # A number the organisation does not publish (a mobile, premium-rate or foreign one, or a
    # landline no known organisation publishes): a route of the message's own, whatever site
    # or sender address it shows (read by the caps and the trusted-route cover below).
    stray_number = _stray_numbers(message.phones, publishing, orgs, content.organisations)

    if PREMIUM_RULE in hits.spans and message.zero_is_domestic:
        # An Indian bank's "call 09449112211" is a mobile written with its trunk 0 (Indian
        # mobiles start 6 to 9, so "070…" and "087…" can be too), as a Japanese city's
        # "096-326-5900" is a landline, not a UK premium line; a number written with +44 still
        # is one.
        hits.spans[PREMIUM_RULE] = [
            span
            for span in hits.spans[PREMIUM_RULE]
            if not cleaned.text[span[0] : span[1]].startswith("0")
        ]
        if not hits.spans[PREMIUM_RULE]:
            del hits.spans[PREMIUM_RULE]
    flags = _rule_flags(message)
    link_text = _without_merchant_names(written.plain)
    overridden = overridden_runs(body)
    if overridden:
        # A link written inside a right-to-left override shows backwards but still opens: it
        # is judged as written.
        link_text = "\n".join(overridden) + "\n" + link_text
    if mail is not None and mail.anchors:
        # Where an HTML email's links go comes first: the words they show are not links, and
        # fifty of them must not use up the links judged before any real address is.
        link_text = "\n".join(anchor.href for anchor in mail.anchors) + "\n" + link_text
    # One more than are judged, to know whether any were left out.
    candidates, found_addresses = links.scan(link_text, content.suffixes, links.MAX_LINKS + 1)
    links_capped = len(candidates) > links.MAX_LINKS
    candidates, found_addresses = candidates[: links.MAX_LINKS], found_addresses[: links.MAX_LINKS]
    reports: list[links.LinkReport] = []
    # In an HTML email the words of a link are not a link: its address (added above) is; nor
    # is the address a plain-text copy shows before the one it really goes to.
    html_anchors = [(a.text, a.href) for a in mail.anchors] if mail is not None else []
    copied = _shown_links(written.plain) + _footnote_links(written.plain)
    shown = {words.strip().rstrip("/") for words, _ in html_anchors}
    shown.update(
        words.strip().rstrip("/")
        for words, href in copied
        if words.strip().rstrip("/") != href.strip().rstrip("/")
    )
    for candidate in candidates:
        if candidate.url.rstrip("/") in shown:
            continue
        report = links.judge(candidate, content)
        if candidate.bare and report.official_for:
            message.named_sites = True
            continue  # "Amazon.com" in running text names the site; it is not a link to it
        reports.append(report)
    flags.extend(_link_flags(reports))
    flags.extend(_anchor_flags([*html_anchors, *copied], content))
    flags.extend(_script_link_flags(mail))
    good: list[str] = []
    sender_flags, sender_good = _sender_flags(sender_text, orgs, content, channel)
    flags.extend(sender_flags)
    # (A From line the receiving server's checks failed is no sign the organisation sent it:
    # not a good sign, and its links elsewhere are not the organisation's partners'.)
    forged = mail is not None and bool(mail.headers.failed_checks)
    if not forged:
        good.extend(sender_good)
    message.verified_senders = frozenset() if forged else _verified_senders(sender_text, content)
    sender_address = _EMAIL.search(sender_text) if sender_text else None
    addresses = [
        links.judge_address(address, content, orgs, in_body=True)
        for address in found_addresses
        # "ja*****@outlook.com" is how an organisation shows the reader's own address.
        if "*" not in address
        and not (sender_address and address == sender_address.group(0).lower())
    ]
    flags.extend(_address_flags(addresses, content))
    webmail = content.domains_of("webmail")
    message.webmail_addresses = any(a.domain in webmail for a in addresses)
    if mail is not None:
        flags.extend(_header_flags(mail, content))
    official_addresses = sorted({a.domain for a in addresses if a.official_for})
    if official_addresses:
        good.append(f"email address on an official domain ({', '.join(official_addresses)})")
    if publishing is not None:
        numbers = sorted({m.group(0).strip() for m in message.phones})
        good.append(f"phone number {publishing.name} publishes ({', '.join(numbers)})")
    claim = _claim(message)
    reports, hosted, personal = _hosted_for_another(reports, claim, content)
    known = {flag.source for flag in flags}
    flags.extend(flag for flag in _link_flags(hosted) if flag.source not in known)
    requests = _requests(message, reports)
    official = [r for r in reports if r.official_for]
    # (True for a message with no links at all.)
    only_official_links = len(official) == len(reports)
    if (
        not only_official_links
        or stray_number
        or any(message.hits.has(cue) for cue in _LINK_POINTER_CUES)
    ):
        # A route the reader trusts ("the number on the back of your card", "your banking
        # app") vouches for nothing in a message that also gives a link or a number of its
        # own: a scammer adds the sentence as cover.
        for cue in _OWN_ROUTES:
            message.hits.spans.pop(cue, None)
    language = written_in(cleaned.text, as_written=cleaned.plain)
    facts = _facts(message, reports, claim, requests, language)
    # Sent from the named organisation's own domain, with only its own links: the words may
    # still worry (rules still count), but the lures of scam families are its own news.
    hidden_link = _hidden_link(message, reports, requests)
    own_sender = (
        bool(message.verified_senders)
        and all(r.official_for for r in reports)
        and not hidden_link
        and not any(f.source.startswith(("sender:", "email:")) for f in flags)
        # (a From line is easy to forge: a stray number to call is not the organisation's own
        # route, whatever address the message shows)
        and not stray_number
    )
    family_flags = [] if own_sender else _family_flags(message, facts)
    flags.extend(family_flags)
    if family_flags or (not own_sender and claim is not None and claim.how != "named"):
        # A recognised scam, or a message that says who it is from, asking you to act
        # through a link that is not that organisation's.
        flags.extend(_route_flags(message, reports, requests))
    flags.extend(_combination_flags(message, flags, reports, addresses, orgs, claim, requests))
    flags.extend(_hidden_flags(cleaned, content, language))
    # A one-time-code text ("NEVER share this code") offering no link and no number is worded
    # like the scams that imitate it; the missing route is what tells them apart.
    linkless = not reports and not hidden_link
    code_notice = message.hits.has(CODE_NOTICE) and linkless and "@phone" not in facts
    # Likewise a bank's record of a payment on a masked account number, with no link: banks'
    # transaction texts share the words (debited, account, call, block) of the imitations,
    # which need a link or a story the families recognise.
    transaction_record = message.hits.has(TRANSACTION_RECORD) and linkless
    # A sender's template is its sender's own wording, checked before it is sent: the fields no
    # reader ever sees say so (no received message keeps "<%= @name %>"). Not when a link is
    # itself a problem or something is disguised: a field left in, or put in, a phish excuses
    # nothing.
    template = (
        message.template
        and not any(link.weight >= _TEMPLATE_LINK_LIMIT for link in reports)
        and not _disguised(flags)
    )
    if (
        not own_sender
        and not code_notice
        and not transaction_record
        and not (reports and only_official_links)
        and not template
    ):
        # (Wording says little about a message whose every link is an official site's.)
        wording = _wording_flags(message)
        # Where the sign is known to mislead, it may add to other signs but never warn alone. A
        # short text in another language gives it a handful of words, mostly ones that tell the
        # language rather than the scam ("ihr", "wurde", "zu"): out of fold it fired on nearly
        # half the genuine ones. A letter asks for payment in the words scams use (bills,
        # council tax, school trips): out of fold the sign alone warned on 11 of 210 genuine
        # letters and on none of 32 scam letters.
        unreliable = (
            language == "other" and _reads_as_text(message)
        ) or message.channel is Channel.LETTER
        if not (wording and unreliable and _score(flags) < SUSPICIOUS_SCORE):
            flags.extend(wording)
    # A person's payment link (a friend's "monzo.me/…") routes the way an official link does,
    # but it is nobody's official site: shown as what it is, and never as a good sign.
    vouching = [r for r in official if r.url not in personal]
    if vouching:
        good.append(
            f"{len(vouching)} link{'s' if len(vouching) != 1 else ''} "
            f"on an official domain ({', '.join(sorted({r.domain for r in vouching}))})"
        )
    score = _score(flags)
    # A sender, header or disguise problem outweighs any good route the message names.
    disguised = _disguised(flags)
    if reports and only_official_links and not disguised:
        score = max(0, score - 2)
    effective_channel = channel or _guess_channel(sender)
    long_without_request = len(cleaned.text) > LONG_MESSAGE and not _asks_something(
        message, flags, requests, reports
    )
    # Sends the reader only to an official site it names ("log in to your Tesco.com
    # account"), with no other link: a route they can type in themselves, so the words alone
    # cannot make it "strong signs" (the real alert and its imitation are worded alike). A
    # message that talks about scams (a warning quoting a scam's link) is capped the same way:
    # its links are still flagged, but the message itself is a warning or a quote.
    # A call's "press 1" is its route, whatever site it names ("charged on amazon.com").
    # No link of its own, written or removed, and no disguise: the caps below need all three.
    undisguised_linkless = linkless and not disguised
    named_route = (
        message.names_its_route
        and undisguised_linkless
        and message.channel is not Channel.CALL
        and not message.hits.has("press-key")
        # A stray number beside the named site is a route of the message's own ("call our
        # fraud team on 07…, or log in at hsbc.co.uk"), unless the organisation publishes it.
        and not stray_number
    )
    # "If you didn't request this, you can ignore it": no pressure, the way real sign-in and
    # password-reset emails end. Not when any link leads off the official sites: a scammer can
    # add the sentence to any phish.
    no_pressure = message.hits.has(IGNORE_IF_NOT_YOU) and only_official_links
    # Its only route is a number the organisation it names publishes, with no link: the worst
    # it can lead to is a call to that organisation (the words alone cannot make it "strong").
    published_route = publishing is not None and undisguised_linkless
    # Asks only for a "Y" or "N" in reply, giving no link and no number of its own: how banks
    # really check a card payment. A reply alone hands over nothing, so the words alone
    # cannot make it "strong" (an imitation needs a route, and one that gives it is read).
    yes_no_route = (
        message.hits.has(YES_NO_REPLY)
        and set(requests) <= {"reply"}
        and undisguised_linkless
        and (not message.phones or publishing is not None)
    )
    verdict = _verdict(
        score,
        flags,
        long_without_request
        or own_sender
        or named_route
        or published_route
        or yes_no_route
        or message.hits.has(TALK_CUE)
        or no_pressure
        or template,
        short=len(cleaned.text) <= LONG_MESSAGE,
    )
    situation = _situation(flags, content, effective_channel)
    return MessageResult(
        verdict=verdict,
        verdict_text=verdict.text,
        score=score,
        flags=tuple(flags),
        links=tuple(
            links.as_hosted_content(r, content, weight=0) or r if r.url in personal else r
            for r in reports
        ),
        addresses=tuple(addresses),
        good_signs=tuple(good),
        organisations=tuple(org.name for org in orgs),
        channel=effective_channel,
        report_situation=situation,
        advice=advice(verdict, effective_channel, situation),
        truncated=truncated,
        links_capped=links_capped,
        template_link=message.template_link,
        template=template,
        claimed_sender=claim,
        requests=requests,
        email=_email_info(mail),
        # (read as the rules read it: "ʏᴏᴜʀ ᴀᴄᴄᴏᴜɴᴛ" in small capitals is English in disguise)
        language=language,
    )


def analyse_url(url: str, content: MessageContent) -> MessageResult:
    """Judge a single link given on its own."""
    return analyse(url, content, channel=Channel.WEB)


#: A text that opens with a header line ("Received: …", "Return-Path: …"), perhaps after an
#: mbox "From " line: a long relay chain can push From and Subject far down.
_LEADING_HEADER = lazy(rf"\A[\ufeff\s]{{0,20}}(?:{MBOX_FROM_LINE})?{HEADER_START}")


def _maybe_email(text: str) -> bool:
    head = text[:4000].lower()
    if (":" in head and ("from:" in head or "subject:" in head)) or "<" in head:
        return True
    return _LEADING_HEADER.match(text) is not None


def _email_info(mail: Email | None) -> EmailInfo | None:
    if mail is None or not (mail.headers.sender or mail.headers.subject or mail.html):
        return None
    headers = mail.headers
    return EmailInfo(
        headers.sender,
        headers.reply_to,
        headers.return_path,
        headers.subject,
        headers.authentication_failures,
        mail.html,
    )


# --- rule flags -------------------------------------------------------------------------------


def _rule_flags(message: _Message) -> list[Flag]:
    """One flag per rule that matches; rules of one kind matching overlapping words (``£1.45``
    and ``fee of £1.45``) become one flag, so a sign is shown once. Its weight is their sum
    (the score caps each kind), its explanation the heaviest rule's."""
    # Evidence is quoted as written (look-alike letters unfolded): "pаypal.com" with a
    # Cyrillic "а" must not be shown as the real brand's address.
    content, text = message.content, message.clean.plain
    found: list[tuple[int, int, list[Rule]]] = []  # start, end, rules
    by_kind: dict[str, list[int]] = {}
    for compiled in content.rules:
        rule = compiled.rule
        spans = message.hits.spans.get(rule.id)
        if not spans or not isinstance(rule, Rule):
            continue
        start, end = spans[0]
        for position in by_kind.get(rule.flag, []):
            group_start, group_end, rules = found[position]
            if start < group_end and group_start < end:
                rules.append(rule)
                found[position] = (min(start, group_start), max(end, group_end), rules)
                break
        else:
            by_kind.setdefault(rule.flag, []).append(len(found))
            found.append((start, end, [rule]))
    flags: list[Flag] = []
    for start, end, rules in found:
        heaviest = max(rules, key=lambda item: item.weight)
        flags.append(
            Flag(
                kind=heaviest.flag,
                name=content.flag_names.get(heaviest.flag, heaviest.flag),
                evidence=_evidence(text[start:end]),
                explanation=heaviest.explanation,
                weight=sum(rule.weight for rule in rules),
                source=heaviest.id,
            )
        )
    return flags


def _hosted_for_another(
    reports: list[links.LinkReport], claim: Claim | None, content: MessageContent
) -> tuple[list[links.LinkReport], list[links.LinkReport], set[str]]:
    """The links, with those to what anyone can publish on a company's own domain (a Google
    Form, a OneDrive file, a PayPal.me link) judged as free hosting or a payment link when they
    are no route of the message's own: "HSBC: … verify at docs.google.com/forms/…" is neither
    HSBC's nor Google's. A form or site is nobody's route; a personal payment link is a
    person's, never an organisation's (a friend's "pay me back at monzo.me/…" names none); a
    shared file is judged so only in a message from another organisation (a club's letter
    sharing a Google Doc, or Google's own share notice, keeps it as it was). Also the links
    judged again, and the addresses of the personal payment links kept as a person's."""
    judged: list[links.LinkReport] = []
    hosted: list[links.LinkReport] = []
    personal: set[str] = set()
    for report in reports:
        owner = report.official_for
        kind = links.hosted_kind(report, content) if owner else None
        if kind == "form":
            own = False
        elif kind == "payment-link":
            # (A short text is "about" the payment company its link's name spells.)
            own = claim is None or (claim.how == "named" and claim.organisation == owner)
            if own:
                personal.add(report.url)
        else:
            own = kind is None or claim is None or owner == claim.organisation
        again = None if own else links.as_hosted_content(report, content)
        judged.append(again or report)
        if again is not None:
            hosted.append(again)
    return judged, hosted, personal


def _link_flags(reports: Iterable[links.LinkReport]) -> list[Flag]:
    return _report_flags(
        ((report.url, report.flags) for report in reports),
        kind="suspicious-link",
        name="Suspicious link",
        source="link",
    )


def _address_flags(reports: Iterable[links.AddressReport], content: MessageContent) -> list[Flag]:
    return _report_flags(
        ((report.address, report.flags) for report in reports),
        kind="lookalike-sender",
        name=content.flag_names.get("lookalike-sender", "lookalike-sender"),
        source="address",
    )


def _report_flags(
    reports: Iterable[tuple[str, Iterable[links.LinkFlag]]], *, kind: str, name: str, source: str
) -> list[Flag]:
    """One flag per kind of problem found on links or addresses (the first one as evidence)."""
    flags: list[Flag] = []
    seen: set[str] = set()
    for evidence, problems in reports:
        for problem in problems:
            if problem.code in seen:
                continue
            seen.add(problem.code)
            flags.append(
                Flag(
                    kind=kind,
                    name=name,
                    evidence=_evidence(evidence),
                    explanation=problem.explanation,
                    weight=problem.weight,  # type: ignore[attr-defined]
                    source=f"{source}:{problem.code}",
                )
            )
    return flags


#: A web address followed by the one it really goes to, as plain-text copies of HTML emails
#: write a link: "https://bank.example/ ( http://elsewhere.example/x )", "shown <target>" or
#: Markdown's "[shown](target)".
_SHOWN_THEN_TARGET = lazy(
    r"(?:\[((?:https?://|www\.)[^\s\[\]()<>]{1,200}+)\]\(((?:https?://|www\.)[^\s()<>]{1,500}+)\)"
    r"|((?:https?://|www\.)[^\s\[\]()<>]{1,200}+)\s{0,3}+(?:\(\s?((?:https?://|www\.)[^\s()<>]{1,500}+)\s?\)"
    r"|<((?:https?://|www\.)[^\s<>]{1,500}+)>))",
    re.IGNORECASE,
)


_TARGET_OPENERS = ("(http", "( http", "<http", "(www.", "( www.", "<www.")


def _shown_links(text: str) -> list[tuple[str, str]]:
    """(shown address, real target) of each link a plain-text email writes out twice."""
    if "(" not in text and "<" not in text:
        return []
    lower = text.lower()
    # Only where a bracket opens right before a web address can a pair end: look from there.
    first = min(
        (place for opener in _TARGET_OPENERS if (place := lower.find(opener)) != -1),
        default=-1,
    )
    if first == -1:
        return []
    # (A shown address is at most 200 characters and 3 spaces before its bracket.)
    pairs: list[tuple[str, str]] = []
    for match in _SHOWN_THEN_TARGET.finditer(text, max(0, first - 210)):
        if match.group(1):
            pairs.append((match.group(1), match.group(2)))
        else:
            pairs.append((match.group(3), match.group(4) or match.group(5)))
        if len(pairs) >= links.MAX_LINKS:
            break
    return pairs


#: A footnote a text-mode copy of an HTML email lists its links in ("Links:" then "[1]
#: https://…", as html2text and mail clients write them), and the shown address that refers to
#: one ("https://www.bank.example/ [1]").
_FOOTNOTE_TARGET = lazy(
    r"^[ \t]{0,8}+\[(\d{1,3})\][ \t]{0,3}+((?:https?://|www\.)[^\s<>]{1,500}+)", re.M | re.I
)
_FOOTNOTE_REFERENCE = lazy(r"((?:https?://|www\.)[^\s\[\]()<>]{1,200}+)[ \t]?\[(\d{1,3})\]", re.I)


def _footnote_links(text: str) -> list[tuple[str, str]]:
    """(shown address, real target) of each link a text-mode copy writes as a footnote: the
    address shown in the text, then the one its footnote number really points to."""
    if "[" not in text:
        return []
    targets = {match.group(1): match.group(2) for match in _FOOTNOTE_TARGET.finditer(text)}
    if not targets:
        return []
    pairs: list[tuple[str, str]] = []
    for match in _FOOTNOTE_REFERENCE.finditer(text):
        target = targets.get(match.group(2))
        if target is not None:
            pairs.append((match.group(1), target))
            if len(pairs) >= links.MAX_LINKS:
                break
    return pairs


#: Link schemes that run a script or open a page carried inside the email: no site to check.
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def _script_links(mail: Email | None) -> list[str]:
    """The HTML email's links that run a script or open a page it carries (``data:``)."""
    if mail is None:
        return []
    return [
        anchor.href
        for anchor in mail.anchors
        if "".join(anchor.href.split()).lower().startswith(_SCRIPT_SCHEMES)
    ]


def _script_link_flags(mail: Email | None) -> list[Flag]:
    found = _script_links(mail)
    if not found:
        return []
    return [
        Flag(
            "suspicious-link",
            "Suspicious link",
            _evidence(found[0][:60]),
            "A link runs a script or opens a page carried inside the email itself, so there "
            "is no site to check; real organisations link to their own website.",
            3,
            "link:script-link",
        )
    ]


def _anchor_flags(anchors: Iterable[tuple[str, str]], content: MessageContent) -> list[Flag]:
    """A link whose words show one web address while it goes to another: (shown, target)
    pairs from an HTML email's anchors or a plain-text copy's "shown (target)"."""
    for text, href in anchors:
        shown = links.extract(text, content.suffixes, limit=1)
        target = links.extract(href, content.suffixes, limit=1)
        if not shown or not target:
            continue
        shown_domain = content.suffixes.split(links.ascii_host(shown[0].host))[0]
        target_domain = content.suffixes.split(links.ascii_host(target[0].host))[0]
        if shown_domain and target_domain and shown_domain != target_domain:
            return [
                Flag(
                    "suspicious-link",
                    "Suspicious link",
                    _evidence(f"{text} → {target[0].host}"),
                    f"The link shows {shown_domain} but goes to {target_domain}: the words of a "
                    "link can say anything.",
                    4,
                    "link:text-differs",
                )
            ]
    return []


def _header_flags(mail: Email, content: MessageContent) -> list[Flag]:
    """Signs in an email's header block: replies sent elsewhere, failed sender checks."""
    headers = mail.headers
    name = content.flag_names.get("lookalike-sender", "lookalike-sender")
    flags: list[Flag] = []
    sender = _EMAIL.search(headers.sender or "")
    reply = _EMAIL.search(headers.reply_to or "")
    if sender and reply:
        sender_domain = _registrable(sender.group(2), content)
        reply_domain = _registrable(reply.group(2), content)
        if sender_domain != reply_domain:
            flags.append(
                Flag(
                    "lookalike-sender",
                    name,
                    _evidence(f"Reply-To: {reply.group(0)}"),
                    f"Replies would go to {reply_domain}, not to the sender's {sender_domain}.",
                    2,
                    "email:reply-to-differs",
                )
            )
    failed = headers.failed_checks
    if failed:
        flags.append(
            Flag(
                "lookalike-sender",
                name,
                _evidence(", ".join(failed)),
                "The receiving mail server's checks failed: the sender address may be forged.",
                3,
                "email:authentication-failed",
            )
        )
    return flags


def _registrable(domain: str, content: MessageContent) -> str:
    host = links.ascii_host(domain.strip(".>").lower())
    registrable, suffix = content.suffixes.split(host)
    return registrable or suffix


# --- wording ----------------------------------------------------------------------------------


def _wording_flags(message: _Message) -> list[Flag]:
    """The statistical sign: worded like known scam texts (weight 3, or 2 when only weakly),
    never for a message that talks about scams or sends the reader to a route they can check
    (the number on their card, the organisation's app): a real alert and its imitation are
    worded alike, and the route is what tells them apart."""
    model = message.content.wording
    if model is None or any(
        message.hits.has(cue) for cue in (TALK_CUE, TACKED_ON_TALK, *_OWN_ROUTES)
    ):
        return []
    from sochelp.message.wording import score

    value = score(model, message.text)
    if value <= model.weak_threshold:
        return []
    strong = value > model.threshold
    return [
        Flag(
            "scam-wording",
            message.content.flag_names.get("scam-wording", "scam-wording"),
            "the wording as a whole",
            "Its words and phrases are "
            + ("much " if strong else "")
            + "more like those of known scam messages than of genuine ones (a comparison with "
            "thousands of real messages; a sign, not proof).",
            3 if strong else 2,
            "model:wording",
        )
    ]


#: Cues for a route the reader can check for themselves.
_OWN_ROUTES = (TRUSTED_ROUTE, "named-app")


# --- disguise ---------------------------------------------------------------------------------


def _hidden_flags(
    cleaned: CleanText, content: MessageContent, language: Language | None
) -> list[Flag]:
    """Invisible characters inside words, letters of another alphabet in Latin words, accents
    sprinkled over everyday words (of an English message: in a language written with accents,
    such as Vietnamese, some words fold into English ones, "ít", "thể", "có"), and styled
    lettering."""
    name = content.flag_names.get("disguised-text", "disguised-text")
    flags: list[Flag] = []

    def disguise(evidence: str, explanation: str, weight: int, source: str) -> None:
        flags.append(Flag("disguised-text", name, _evidence(evidence), explanation, weight, source))

    if cleaned.hidden:
        codes = sorted({code for m in cleaned.hidden for code in m.codepoints})
        # The word the characters hide in; when they stand alone there is no word to quote, so
        # the characters are named instead of quoting an empty "".
        word = cleaned.hidden[0].word
        disguise(
            word if word.strip() else ", ".join(codes[:4]),
            f"Invisible characters or terminal codes ({', '.join(codes[:4])}) are hidden in "
            "the text: a trick to slip past scam filters or to change what a screen shows.",
            3,
            "hidden:invisible-characters",
        )
    if cleaned.lookalike_words:
        written, read = cleaned.lookalike_words[0]
        foreign = sorted({codepoint(ch) for ch in written if not ch.isascii()})
        # Quoted as written (it looks like the Latin word, which is the point), with the
        # foreign letters named so the difference can be seen on any screen.
        disguise(
            written,
            f"'{read}' is written with letters from another alphabet that look Latin "
            f"({', '.join(foreign[:4])}): a trick to slip past scam filters.",
            3,
            "hidden:lookalike-letters",
        )
    elif cleaned.accented_words and language != "other":
        written, read = cleaned.accented_words[0]
        disguise(
            written,
            f"Everyday words are written with accents they never carry ('{written}' for "
            f"'{read}', and {len(cleaned.accented_words) - 1} more): a trick to slip past "
            "scam filters.",
            3,
            "hidden:sprinkled-accents",
        )
    elif cleaned.styled:
        disguise(
            cleaned.text[:MAX_EVIDENCE],
            "Unusual lettering (mathematical bold, small capitals, full-width letters or "
            "letters drawn as emoji) is used; scam messages use it to slip past filters.",
            1,
            "hidden:styled-letters",
        )
    return flags


# --- sender -----------------------------------------------------------------------------------


#: An address in a From line; brackets and a "mailto:" are the quoting's, not the address's
#: ("Name [mailto:x@example.org]", as a forwarded Outlook email shows its sender).
_EMAIL = lazy(r"([^\s<>@\"'\[\]():]{1,64})@([^\s<>@\"'\[\]()]{1,253})")
_MOBILE = lazy(r"^(?:\+?44|0)7\d{9}$")


def _sender_flags(
    sender: str | None, orgs: list[Organisation], content: MessageContent, channel: Channel | None
) -> tuple[list[Flag], list[str]]:
    if not sender or not sender.strip():
        return [], []
    sender = sender.strip()
    flags: list[Flag] = []
    good: list[str] = []

    def add(code: str, explanation: str, weight: int, kind: str = "lookalike-sender") -> None:
        flags.append(
            Flag(kind, content.flag_names.get(kind, kind), _evidence(sender), explanation, weight,
                 f"sender:{code}")
        )  # fmt: skip

    email = _EMAIL.search(sender)
    if email:
        # "Thistle & Pine <orders@…>" speaks for the shop, not for the carrier it mentions:
        # with a display name, the claim is the organisations that name gives.
        display = sender.replace(email.group(0), " ").replace("mailto:", " ").strip(" <>\"'()[]")
        claimed = _sender_organisations(display, content) if display else orgs
        if display and not claimed and links.sounds_official(display):
            claimed = orgs  # "Security Department <…>" speaks for whoever the message names
        report = links.judge_address(
            email.group(0), content, claimed, in_body=bool(display and not claimed)
        )
        if report.official_for:
            good.append(
                f"sender address is on {report.official_for}'s official domain ({report.domain})"
            )
        for problem in report.flags:
            explanation = problem.explanation.replace("the address", "the sender's address")
            if problem.code not in ("webmail", "unofficial-domain"):
                explanation = "Sender: " + explanation
            add(problem.code, explanation, problem.weight)  # type: ignore[attr-defined]
        shown = _EMAIL.search(display) if display else None
        if shown and shown.group(0).lower() != email.group(0).lower():
            add(
                "name-shows-other-address",
                f"The sender's name shows the address {shown.group(0)}, but the message came "
                f"from {email.group(0)}.",
                3,
            )
        if claimed and any(f.code in _IMITATION for f in report.flags):
            org = claimed[0]
            flags.append(
                Flag(
                    "impersonation",
                    content.flag_names.get("impersonation", "impersonation"),
                    _evidence(f"{org.name} → {report.domain}"),
                    f"Writes as {org.name} from '{report.domain}', an address made to look like "
                    f"theirs ({', '.join(org.domains[:2])}).",
                    4,
                    "combination",
                )
            )
        return flags, good
    digits = _PHONE_CHARS.sub("", sender)
    if (premium := _PREMIUM.match(digits)) and not premium.group("rate"):
        add(
            "premium",
            "The sender's number is premium-rate or a forwarding 070 number.",
            3,
            PREMIUM_FLAG,
        )
    elif (
        _MOBILE.match(digits)
        and (channel is None or channel in SHORT_MESSAGE_CHANNELS)
        and any(o.kind != "shop" for o in orgs)
    ):
        add(
            "mobile",
            f"Says it is from {orgs[0].name} but comes from an ordinary mobile number; "
            "organisations text from short codes or their name.",
            3,
        )
    elif digits.startswith("+") and not digits.startswith("+44") and orgs:
        add("abroad", "A UK organisation's message comes from a foreign number.", 2)
    return flags, good


# --- who it claims to be, and what it asks ----------------------------------------------------

#: Where an opening tag ends: "HSBC:", "Royal Mail -", "[EE]:", "Santander support –".
_TAG_END = lazy(r":\s|:$|\]|\s-\s|\s-$|\|")
#: How far into the first line an opening tag may end.
MAX_TAG = 60
#: Words before a name that make it the speaker: "This is the HMRC", "Alert from Lloyds".
_SPEAKER = lazy(
    r"(?:^|\b)(?:this is|it'?s|we are|from|message from|alert from|hi from|hello from|"
    r"notice from|on behalf of|calling from)\s(?:the\s|your\s)?$",
    re.IGNORECASE,
)
#: A caller or writer introducing themselves anywhere near the start of a transcript or
#: letter: "I'm calling you today from Microsoft", "my name is Peter from BT".
_SELF_INTRODUCTION = lazy(
    r"\b(?:(?:calling|ringing|phoning|contacting)\s(?:you\s)?(?:today\s|now\s)?"
    r"(?:from|on behalf of)|(?:my name is|this is|i'?m|i am)\s[a-z]+(?:\s[a-z]+)?\s(?:from|at|with)"
    r"|(?:call|message|letter|notice) (?:is )?from)\s(?:the\s|your\s)?$",
    re.IGNORECASE,
)
#: Words after a name at the start that make it the speaker: "Barclays here", "Halifax Alert".
_SPEAKER_AFTER = lazy(
    r"\s?(?:here|alert|notice|security|fraud|support|team|update|reminder|bank)\b", re.IGNORECASE
)
#: Words on a signature line: "Your Barclays Team", "HALIFAX PLC.", "Thank you for choosing".
_SIGN_OFF = lazy(
    r"\b(?:regards|sincerely|thank you|thanks|yours|best wishes|team|plc|limited|ltd|"
    r"department|office|unit|centre|center|services?|support|security|choosing)\b",
    re.IGNORECASE,
)
#: A signature is looked for in this many characters at the end, and its line is this short.
SIGNATURE_ZONE = 160
SIGNATURE_LINE = 70
#: A greeting that speaks for an organisation: "Dear Halifax Customer", "Dear HSBC Online User".
_GREETING_BEFORE = lazy(r"\bdear\s(?:valued\s|all\s)?$", re.IGNORECASE)
_GREETING_AFTER = lazy(
    # (a second brand word may come first: "Dear Lloyds TSB Account Holder")
    r"(?:\s(?-i:[A-Z][A-Za-z&]{1,11}))?"
    r"\s?(?:bank\s|online\s|internet\s|banking\s|mobile\s|prime\s|business\s|personal\s|card\s)"
    r"{0,2}"
    r"(?:customers?|users?|members?|clients?|account ?holders?|card ?holders?|subscribers?)\b",
    re.IGNORECASE,
)
#: How far into a message such a greeting is looked for.
GREETING_ZONE = 300


def _verified_senders(sender: str | None, content: MessageContent) -> frozenset[str]:
    """The organisations whose official domain the sender's email address is on (none, one,
    or several where they share a domain such as gov.uk)."""
    email = _EMAIL.search(sender or "")
    if email is None:
        return frozenset()
    host = links.ascii_host(email.group(2).strip(".>").lower())
    return frozenset(org.name for org in links.official_org(host, content.organisations))


def _claim(message: _Message) -> Claim | None:
    """The organisation the message says it comes from: its sender, an opening tag, a
    signature; in a short text, the organisation it is about (unless it talks about scams or
    a sender is given)."""
    if message.sender_orgs:
        return Claim(message.sender_orgs[0].name, "sender")
    text = message.text
    if not message.mentions:
        return None
    offset, first_line, tag_end = message.opening()
    if tag_end is not None and any(
        start < offset + tag_end.start() for start, _ in message.hits.spans.get(TALK_CUE, [])
    ):
        tag_end = None  # "Scammers are imitating a Royal Mail webpage - …" is not a tag
    for absolute, org in message.mentions:
        if absolute < offset:
            continue
        position = absolute - offset
        if position >= len(first_line) or position > MAX_TAG:
            break
        if tag_end is not None and position < tag_end.start():
            return Claim(org.name, "tag")
        before = first_line[:position]
        if message.hits.has(TALK_CUE):
            continue  # a warning's "texts from DVLA" names who scammers pretend to be
        if _SPEAKER.search(before) or (
            not before.strip()
            and _SPEAKER_AFTER.match(
                first_line[position:], len(_alias_at(first_line, position, org))
            )
        ):
            return Claim(org.name, "tag")
    zone_start = max(0, len(text) - SIGNATURE_ZONE)
    # The names in the last lines (an organisation named first at the top is named again in
    # its signature, so the message's first mentions are not enough).
    tail = [(zone_start + p, org) for p, org in _mentions(text[zone_start:], message.content)]
    for position, org in reversed(tail):
        line_start = text.rfind("\n", 0, position) + 1
        line_end = text.find("\n", position)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        # A last line of its own ("Your Barclays Team", "HALIFAX PLC."), or "… - Apple".
        own_line = line_start > 0 and (len(line) <= SIGNATURE_LINE or _SIGN_OFF.search(line))
        dashed = text[:position].rstrip().endswith(("-", "–")) and len(text) - position < 40
        if own_line or line.startswith("-") or dashed:
            return Claim(org.name, "signature")
    for position, org in message.mentions:
        if position > GREETING_ZONE:
            break
        line_start = text.rfind("\n", 0, position) + 1
        if not message.hits.has(TALK_CUE) and _SELF_INTRODUCTION.search(
            text[max(line_start, position - 60) : position]
        ):
            return Claim(org.name, "tag")
        if _GREETING_BEFORE.search(text[line_start:position]) and _GREETING_AFTER.match(
            text, position + len(_alias_at(text, position, org))
        ):
            return Claim(org.name, "tag")
    if len(text) <= SHORT_MESSAGE and not message.hits.has(TALK_CUE) and not message.sender:
        # A short text about one organisation speaks for it (unless a sender says otherwise).
        # (Not a long one, even said to be a text: a 500-character emergency alert pointing to
        # a province's site does not speak as that province.)
        return Claim(message.mentions[0][1].name, "named")
    return None


#: Most short lines tacked on before a message's opening that are passed over to find its tag.
_MOST_LINES_BEFORE_TAG = 2


def _opening_line_start(text: str, hits: Hits) -> int:
    """Where the line that may hold the opening tag starts: the first line, unless it is only a
    short line about scams tacked on before the message ("Beware of scams.\nPost Office: …"),
    or empty."""
    tacked = hits.spans.get(TACKED_ON_TALK, [])
    start = 0
    for _ in range(_MOST_LINES_BEFORE_TAG):
        end = text.find("\n", start)
        if end == -1:
            break
        line = text[start:end]
        if line.strip() and (
            len(line.strip()) > _TOKEN_TALK_LENGTH or not any(start <= s < end for s, _ in tacked)
        ):
            break
        start = end + 1
    return start


def _alias_at(line: str, position: int, org: Organisation) -> str:
    """The alias of ``org`` written at ``position`` (for the word after it)."""
    lowered = line[position:].lower()
    for alias in sorted(org.aliases, key=len, reverse=True):
        compact = alias.lower()
        if lowered.startswith(compact) or lowered.replace(" ", "").startswith(
            compact.replace(" ", "")
        ):
            return line[position : position + len(alias)]
    return org.name


def _requests(message: _Message, reports: list[links.LinkReport]) -> tuple[str, ...]:
    """What the message asks the reader to do, from its ``request-*`` cues (in content)."""
    kinds: dict[str, None] = {}
    for cue_id in message.hits.spans:
        if cue_id.startswith(REQUEST_PREFIX):
            kinds[cue_id.removeprefix(REQUEST_PREFIX)] = None
    if not reports and _only_to_the_app(message):
        # ("Acesse o app CAIXA Tem": "acesse" asks you to go somewhere, and where is the app
        # the reader already has, not a link the quote left out.)
        del kinds["link"]
    # Words pointing to a missing link, or (in a text) a placeholder where a quote removed
    # one: the message offered a link to use. (A long email's "[URL]" or rule of underscores
    # is not an offer.)
    if "link" not in kinds and (
        any(message.hits.has(cue) for cue in _POINTER_CUES)
        or (message.hits.has("link-placeholder") and _reads_as_text(message))
    ):
        kinds["link"] = None
    return tuple(sorted(kinds))


def _only_to_the_app(message: _Message) -> bool:
    """Whether every request to go somewhere is a request to open a route the reader trusts
    (each lies within that route's words: "acesse o app", "abre la app de tu banco")."""
    asked = message.hits.spans.get(REQUEST_PREFIX + "link")
    routes = message.hits.spans.get(TRUSTED_ROUTE)
    if not asked or not routes:
        return False
    return all(any(r[0] <= a[0] and a[1] <= r[1] for r in routes) for a in asked)


#: Facts: name -> where in the text (an empty list: present, place unknown).
Facts = dict[str, list[tuple[int, int]]]
#: Most places one fact is kept at.
_FACT_PLACES = 20


def _reads_as_text(message: _Message) -> bool:
    """True if the message is read as a text message: up to :data:`SHORT_MESSAGE` characters,
    or up to :data:`SHORT_TEXT_MESSAGE` when it is said to be a text or chat message."""
    length = len(message.text)
    if message.channel in SHORT_MESSAGE_CHANNELS:
        return length <= SHORT_TEXT_MESSAGE
    return length <= SHORT_MESSAGE


def _facts(
    message: _Message,
    reports: list[links.LinkReport],
    claim: Claim | None,
    requests: tuple[str, ...],
    language: Language | None,
) -> Facts:
    """The ``@facts`` families may combine (see ``content.FACTS``), with their places where
    known, so a family's window applies to them too."""
    text = message.text
    facts: Facts = {}
    hidden_link = _hidden_link(message, reports, requests)
    link_places = _link_places(message, reports)
    hidden_places = [
        span
        for cue in (*_LINK_POINTER_CUES, "request-link")
        for span in message.hits.spans.get(cue, [])
    ]
    if reports:
        facts["@real-link"] = link_places
    if reports or hidden_link:
        facts["@link"] = link_places + (hidden_places if hidden_link else [])
    elif message.template_link:
        facts["@link"] = list(message.hits.spans.get(TEMPLATE_LINK, []))
    unofficial = [r for r in reports if not r.official_for]
    if hidden_link or unofficial:
        places = _link_places(message, unofficial) if unofficial else []
        facts["@unofficial-link"] = places + (hidden_places if hidden_link else [])
    free_hosted = [r for r in unofficial if any(f.code == "free-host" for f in r.flags)]
    if free_hosted:
        facts["@free-host"] = _link_places(message, free_hosted)
    if claim is not None and claim.how != "named":
        facts["@claimed-org"] = []
    if claim is not None:
        org = next((o for _, o in message.mentions if o.name == claim.organisation), None)
        org = org or next((o for o in message.sender_orgs if o.name == claim.organisation), None)
        if org is not None:
            facts[f"@claimed:{org.kind}"] = []
    if message.mentions or message.sender_orgs:
        facts["@org"] = []
    phones = message.phones
    if phones:
        facts["@phone"] = [m.span() for m in phones]
        # (A UK reader's own firms give 0800 or 0345 numbers; a number with a country code
        # is how adverts written for many countries at once give theirs.)
        international = [m for m in phones if _has_country_code(m)]
        if international:
            facts["@intl-phone"] = [m.span() for m in international]
        first = phones[0]
        if (
            international
            and international[0] is first
            and _NUMBER_FIRST.fullmatch(text[: first.start()])
            and _NUMBER_THEN_SENTENCE.match(text, first.end())
        ):
            facts["@number-first"] = [first.span()]
    premium = [
        m.span()
        for m in phones
        if _PREMIUM.match(digits := _PHONE_CHARS.sub("", m.group(0)))
        and not (message.zero_is_domestic and digits.startswith("0"))
    ]
    rule_by_id = message.content.rule_by_id
    for rule_id, spans in message.hits.spans.items():
        rule = rule_by_id.get(rule_id)
        if rule is not None and rule.flag == PREMIUM_FLAG and rule_id != PREMIUM_RULE:
            premium.extend(spans)
    head = text[:50_000]
    # (five-digit short codes asked to be texted or called)
    for short_code in (_SHORT_CODE, _SHORT_CODE_OTHER_LANGUAGES):
        premium.extend(m.span() for m in islice(short_code.finditer(head), _FACT_PLACES))
    if premium:
        facts["@premium"] = premium
    facts.update(_repeated_numbers(head))
    if (
        (reports or phones or message.named_sites)
        and "@unofficial-link" not in facts
        and all(_is_public_body_number(m.group(0)) for m in phones)
        # (a form attached to fill in is a route of the message's own)
        and not message.hits.has(SEE_ATTACHMENT)
    ):
        facts["@official-routes"] = []
    money = [m.span() for m in islice(_MONEY.finditer(head), _FACT_PLACES)]
    if money:
        facts["@money"] = money
    if requests:
        facts["@request"] = [
            span
            for cue, spans in message.hits.spans.items()
            if cue.startswith(REQUEST_PREFIX) or cue in _POINTER_CUES
            for span in spans
        ]
    if language != "english":
        # (the concepts are other languages' words: an English message is left to the rules)
        facts.update(_concept_facts(message))
    if _reads_as_text(message):
        facts["@short"] = []
    if message.mail is not None or message.channel is Channel.EMAIL:
        facts["@email"] = []
    if message.channel is Channel.CALL:
        facts["@call"] = []
    if message.channel is Channel.LETTER:
        facts["@letter"] = []
    if message.webmail_addresses:
        facts["@webmail"] = []
    if claim is None and _sender_site(message, unofficial):
        # (Only for a business sochelp does not know: "Evri:" and evri.top is an imitation.)
        facts["@sender-site"] = []
    return facts


def _concept_facts(message: _Message) -> dict[str, list[tuple[int, int]]]:
    """The scam concepts of other languages found (see :mod:`sochelp.message.concepts`)."""
    lexicon = message.content.concepts
    if lexicon is None:
        return {}
    from sochelp.message.concepts import find

    found = find(lexicon, message.clean.text)
    named = {"@concept-lure": found.lures, "@concept-ask": found.asks}
    named["@concept-link-lure"] = found.link_lures
    named["@concept-not-you"] = found.not_you
    named["@concept-call-lure"] = found.call_lures
    named["@concept-relative-call"] = found.relative_calls
    return {fact: spans[:_FACT_PLACES] for fact, spans in named.items() if spans}


_NOT_ALNUM = lazy(r"[^a-z0-9]+")
#: Words a business adds to its name in an opening tag ("Citi Alert:", "Discover Card Alert:"):
#: the name without them is the name of its site too.
_TAG_SUFFIX = lazy(
    r"(?:\s+(?:card|cards|bank|banking|mobile|account|fraud|security|service|services|customer|"
    r"alert|alerts|notice|notification|notifications|message|msg|info|update|updates|reminder|"
    r"team))+\s*$",
    re.IGNORECASE,
)


#: "Your Team at IX Web Hosting", "The Acme team", "— Acme Support": who signs the message.
_SIGN_OFF_WORDS = lazy(
    r"^\W*(?:(?:your|the|from|regards|thanks|cheers|best)\W+)*(?:(?:team|staff|folks|people|"
    r"crew)\s+(?:at|@)\s+)?",
    re.IGNORECASE,
)
#: Lines from the end read as a possible sign-off, and the longest such line.
_SIGN_OFF_LINES = 5
_SIGN_OFF_CHARS = 50
#: A shorter name is too generic to say whose site a link is on ("Bank", "Team").
_SIGN_OFF_MIN = 4


def _in_rupees(text: str) -> bool:
    """Whether the message names an amount in rupees and none in pounds."""
    return "£" not in text and _RUPEES.search(text[:50_000]) is not None


def _east_asian(text: str) -> bool:
    """Whether the message is written in Chinese, Japanese or Korean (by its opening)."""
    enough = islice(EAST_ASIAN.finditer(text, 0, 5_000), _EAST_ASIAN_CHARS - 1, None)
    return next(enough, None) is not None


def _repeated_numbers(text: str) -> dict[str, list[tuple[int, int]]]:
    """The places of the phone number written most often (compared by its last ten digits,
    whatever separates them): as ``@repeated-number`` if at least :data:`_REPEATS` times, and
    as ``@thrice-number`` if at least :data:`_THRICE` times; no entry for fewer."""
    places: dict[str, list[tuple[int, int]]] = {}
    for match in _NUMBER_RUN.finditer(text):
        digits = "".join(ch for ch in match.group(0) if ch.isdigit())[-10:]
        places.setdefault(digits, []).append(match.span())
    most = max(places.values(), key=len, default=[])[:_FACT_PLACES]
    facts: dict[str, list[tuple[int, int]]] = {}
    if len(most) >= _THRICE:
        facts["@thrice-number"] = most
    if len(most) >= _REPEATS:
        facts["@repeated-number"] = most
    return facts


def _sign_off_names(text: str) -> list[str]:
    """The names that may sign off a message: its last short lines with the sign-off words
    ("Your Team at", "Team") taken away. Lines holding a link or an address are skipped."""
    names: list[str] = []
    lines = [line.strip() for line in text[-1000:].splitlines() if line.strip()]
    for line in lines[-_SIGN_OFF_LINES:]:
        if len(line) > _SIGN_OFF_CHARS or "/" in line or "@" in line:
            continue
        name = _TAG_SUFFIX.sub("", _SIGN_OFF_WORDS.sub("", line))
        if len(_NOT_ALNUM.sub("", name)) >= _SIGN_OFF_MIN:
            names.append(name)
    return names


def _sender_site(message: _Message, reports: list[links.LinkReport]) -> bool:
    """Whether a link's site is named exactly as the opening tag, the sender or the sign-off
    ("ScotRail:" and scotrail.co.uk; "Citi Alert:" and citi.com; "Your Team at IX Web Hosting"
    and ixwebhosting.com): a business sending to its own site, not one dressed up as another."""
    names: list[str] = []
    _, first_line, tag_end = message.opening()
    if tag_end is not None:
        tag = first_line[: tag_end.start()]
        names.extend((tag, _TAG_SUFFIX.sub("", tag)))
    if message.sender:
        names.append(message.sender)
    names.extend(_sign_off_names(message.text))
    names.extend(_log_in_names(message.text))
    compact = {_NOT_ALNUM.sub("", name.lower()) for name in names} - {""}
    return any(report.domain.split(".", 1)[0] in compact for report in reports)


#: The service a message asks you to sign in to, by its capitalised name ("please log in to
#: TheyWorkForYou", "sign in to Acme Cloud", "log back into [Heroku](…)").
_LOG_IN_NAME = lazy(
    r"\b(?i:(?:log(?:ging)?|sign(?:ing)?)(?: back)? ?in ?(?:to|at|on)) (?:the |your )?\[?"
    r"([A-Z][A-Za-z0-9]+(?: [A-Z][A-Za-z0-9]+){0,2})"
)


def _log_in_names(text: str) -> list[str]:
    """The names of the services a message asks you to sign in to, each word-prefix of one
    ("Acme Cloud Console" gives "Acme", "Acme Cloud" and itself)."""
    names: list[str] = []
    for match in _LOG_IN_NAME.finditer(text[:5000]):
        words = match.group(1).split()
        if words[0].lower() in _GENERIC_LOG_IN_WORDS:
            continue  # ("log in to Your Account", "sign in to Online Banking": no one's name)
        names.extend(" ".join(words[: n + 1]) for n in range(len(words)))
    return names


_GENERIC_LOG_IN_WORDS = frozenset({
    "your", "my", "our", "the", "this", "account", "accounts", "online", "internet", "mobile",
    "web", "secure", "security", "app", "portal", "banking", "bank", "email", "mail", "member",
    "members", "customer", "customers", "here", "it",
})  # fmt: skip


def _link_places(message: _Message, reports: list[links.LinkReport]) -> list[tuple[int, int]]:
    """Where the links are written (found by their host name; [] when written disguised)."""
    plain = message.clean.plain.lower()
    places: list[tuple[int, int]] = []
    for report in reports[:_FACT_PLACES]:
        host = report.host.lower()
        position = plain.find(host) if host else -1
        if position == -1:
            return []  # one cannot be placed: treat them all as present anywhere
        places.append((position, position + len(host)))
    return places


def _hidden_link(
    message: _Message, reports: list[links.LinkReport], requests: tuple[str, ...]
) -> bool:
    """A link the reader is sent to but that cannot be checked here: a placeholder left where
    a quote removed it, words pointing to one that is missing, or "use the link" with none."""
    if message.template_link:
        return False  # (the words point to the template's own link field)
    if _script_links(message.mail):
        return True
    if any(message.hits.has(cue) for cue in _LINK_POINTER_CUES):
        return True
    # ("Visit Amazon.com" asks you to use a site it names: that is not a missing link.)
    return not reports and "link" in requests and not message.named_sites


def _family_flags(message: _Message, facts: Facts) -> list[Flag]:
    content = message.content
    flags: list[Flag] = []
    facts = dict(facts)
    for family in content.families:
        span = _family_span(family, message, facts)
        if span is None:
            continue
        facts[f"family:{family.id}"] = []  # later families may refer to it
        start, end = span
        flags.append(
            Flag(
                kind=family.flag,
                name=content.flag_names.get(family.flag, family.flag),
                evidence=_evidence(message.clean.plain[start:end]) if end > start else family.id,
                explanation=family.explanation,
                weight=family.weight,
                source=f"family:{family.id}",
            )
        )
    return flags


def _route_flags(
    message: _Message, reports: list[links.LinkReport], requests: tuple[str, ...]
) -> list[Flag]:
    """How a recognised scam wants the reader to act: through a link that is on no official
    site (or cannot be seen), or a phone number given in the message."""
    if "link" not in requests:
        return []
    unofficial = [r for r in reports if not r.official_for]
    if unofficial or _hidden_link(message, reports, requests):
        where = unofficial[0].url if unofficial else "a link"
        return [
            Flag(
                "suspicious-link",
                "Suspicious link",
                _evidence(where),
                "It wants you to act through a link that is on no official site: open the "
                "organisation's own app or site yourself instead.",
                2,
                "combination:link-route",
            )
        ]
    return []


def _places(item: str, message: _Message, facts: Facts) -> list[tuple[int, int]] | None:
    """Where an item of a family is (an empty list: present, place unknown), or None."""
    if item.startswith(("@", "family:")):
        return facts.get(item)
    return message.hits.spans.get(item)


def _family_span(family: Family, message: _Message, facts: Facts) -> tuple[int, int] | None:
    """Where the family's items were found (for the evidence), or None if it is not there.

    Each group of ``all`` needs an item present; with a window, the placed items of every
    group must lie within it of one another (an item whose place is unknown fits anywhere)."""
    if any(_places(item, message, facts) is not None for item in family.none):
        return None
    groups: list[list[tuple[int, int]] | None] = []  # None: fits anywhere
    for group in family.all:
        found = [_places(item, message, facts) for item in group]
        present = [places for places in found if places is not None]
        if not present:
            return None
        if any(not places for places in present):
            groups.append(None)
        else:
            groups.append(sorted(span for places in present for span in places))
    placed = [spans for spans in groups if spans is not None]
    if not placed:
        return (0, 0)
    window = family.window or WHOLE_MESSAGE
    for anchor in placed[0]:
        chosen = [anchor]
        for spans in placed[1:]:
            near = [s for s in spans if abs(s[0] - anchor[0]) <= window]
            if not near:
                break
            chosen.append(min(near, key=lambda s: abs(s[0] - anchor[0])))
        else:
            start = min(s[0] for s in chosen)
            end = max(s[1] for s in chosen)
            return anchor if end - start > MAX_EVIDENCE else (start, end)
    return None


#: Words just before a link that offer it for feedback ("Tell us on this short feedback form").
_FEEDBACK_WORDS = lazy(
    r"\b(?:feedback|survey|questionnaire|tell us what you think|how (?:did|was) we do)\b",
    re.IGNORECASE,
)


def _feedback_form(report: links.LinkReport, text: str, content: MessageContent) -> bool:
    """Whether the link is a published form (a Microsoft or Google Form) offered for feedback
    on the message's service: public bodies collect feedback so, and it is no route of theirs
    to pass for (it is still named as a form anyone can publish)."""
    if links.hosted_kind(report, content) != "form":
        return False
    at = text.find(report.url[:40])
    if at <= 0:
        return False
    # (In the link's own sentence: a word about feedback elsewhere offers nothing.)
    window = max(0, at - 120)
    breaks = [text.rfind(mark, window, at) for mark in (". ", "! ", "? ", "\n")]
    start = max([window] + [place + 1 for place in breaks if place >= 0])
    return _FEEDBACK_WORDS.search(text, start, at) is not None


#: Address problems that mean it imitates an organisation.
_IMITATION = {"lookalike-domain", "official-domain-inside", "other-ending", "org-name-in-domain"}
_RISKY_KINDS = {"asks-for-details", "unusual-payment", "small-fee", "threat", "remote-access"}
#: The family of a short text's lure and request ("your account is blocked, confirm your details").
_LURE_REQUEST_FAMILY = "family:text-lure-request"


def _combination_flags(
    message: _Message,
    flags: list[Flag],
    reports: list[links.LinkReport],
    addresses: list[links.AddressReport],
    orgs: list[Organisation],
    claim: Claim | None,
    requests: tuple[str, ...],
) -> list[Flag]:
    """Impersonation: an organisation's name with a route that is not theirs."""
    content = message.content
    name = content.flag_names.get("impersonation", "impersonation")

    def flag(evidence: str, explanation: str, weight: int) -> list[Flag]:
        return [
            Flag("impersonation", name, _evidence(evidence), explanation, weight, "combination")
        ]

    imitating = [r for r in reports if r.imitates]  # type: ignore[attr-defined]
    claimed = next((o for o in orgs if claim is not None and o.name == claim.organisation), None)
    org = claimed or (orgs[0] if orgs else None)
    if org is None:
        if not imitating:
            return []
        report = imitating[0]
        return flag(
            f"{report.imitates} → {report.domain}",  # type: ignore[attr-defined]
            f"The link imitates {report.imitates}'s web address, but goes to "  # type: ignore[attr-defined]
            f"'{report.domain}'.",
            4,
        )
    strong_claim = claim is not None and claim.how != "named"
    unofficial = [
        r for r in reports if not r.official_for and not _feedback_form(r, message.text, content)
    ]
    if org.name in message.verified_senders:
        # Sent from the organisation's own domain: its links to partner sites are its own.
        return []
    if unofficial:
        report = unofficial[0]
        if strong_claim or claim is not None or imitating:
            return flag(
                f"{org.name} → {report.domain}",
                f"Writes as {org.name} but the link goes to '{report.domain}', not "
                f"{org.name}'s official site ({', '.join(org.domains[:2])}).",
                4,
            )
        # Only named in a longer message (a newsletter naming BT beside an advert link).
        return flag(
            f"{org.name} → {report.domain}",
            f"Names {org.name} beside a link to '{report.domain}', which is not "
            f"{org.name}'s official site ({', '.join(org.domains[:2])}).",
            1,
        )
    lookalike_addresses = [a for a in addresses if any(f.code in _IMITATION for f in a.flags)]
    if lookalike_addresses:
        address = lookalike_addresses[0]
        return flag(
            f"{org.name} → {address.address}",
            f"Uses {org.name}'s name but gives an email address on '{address.domain}', "
            f"not {org.name}'s official domain ({', '.join(org.domains[:2])}).",
            4,
        )
    hidden_link = _hidden_link(message, reports, requests)
    if claim is not None and not reports and "link" in requests and hidden_link:
        return flag(
            f"{org.name} → a link",
            f"Writes as {org.name} and asks you to use a link you cannot check here; go to "
            f"{org.name}'s own site or app ({org.domains[0]}) yourself instead.",
            4 if strong_claim else 3,
        )
    if claim is not None and not reports and "link" in requests and not message.names_its_route:
        return flag(
            f"{org.name} → a link",
            f"Writes as {org.name} and asks you to follow a link; go to {org.name}'s own site "
            f"or app ({org.domains[0]}) yourself instead.",
            3 if strong_claim else 2,
        )
    # (a lone price, "£2.49 a day" in a roaming text, is a weight-1 sign: no risk by itself)
    # (The lure-and-request family is the request itself, which the last sign below reads
    # more exactly: "asks you to confirm your details through the message itself".)
    risky = sorted(
        {
            f.kind
            for f in flags
            if f.kind in _RISKY_KINDS and f.weight >= 2 and f.source != _LURE_REQUEST_FAMILY
        }
    )
    own_route = any(message.hits.has(cue) for cue in _OWN_ROUTES)
    if (
        claim is not None
        and "call" in requests
        and org.kind in ("bank", "government", "tech")
        # (a call to "the number on the back of your card", with no number written, gives
        # none)
        and (bool(message.phones) or not own_route)
        # (An 030 number can only be a public body's or a charity's: a government body giving
        # one gives its own kind of number.)
        and not (org.kind == "government" and _only_public_body_numbers(message.phones))
        and not _only_its_own_numbers(org, message.phones)
    ):
        return flag(
            f"{org.name} → a number in the message",
            f"Writes as {org.name} and gives a number to call; call {org.name} only on a number "
            "you find yourself (the back of your card, their official site).",
            3 if strong_claim else 2,
        )
    if risky and not reports and claim is not None and not own_route:
        # (a message that itself sends you to your own banking app or card's number has
        # already given the advice this sign would give)
        return flag(
            org.name,
            f"Uses {org.name}'s name while showing other warning signs; contact "
            f"{org.name} yourself using details you already trust.",
            2,
        )
    acts = [r for r in requests if r in _OWN_ROUTE_REQUESTS]
    if message.hits.has(YES_NO_REPLY):
        acts = [r for r in acts if r != "reply"]
    if message.hits.has(APPOINTMENT_ADMIN) and _APPOINTMENT.search(message.text[:5000]):
        # A reminder's number or reply to cancel or rearrange is how the appointment is kept,
        # not a route for acting on a lure.
        acts = [r for r in acts if r not in ("call", "reply")]
    if claim is not None and acts and not reports and not message.names_its_route and not own_route:
        # Says who it is from and asks you to act through the message itself (reply, call
        # the number it gives, pay, log in, confirm details): check with the organisation.
        return flag(
            f"{org.name} → {_REQUEST_WORDS[acts[0]]}",
            f"Says it is from {org.name} and asks you to {_REQUEST_WORDS[acts[0]]} through "
            f"the message itself; contact {org.name} yourself using details you already trust "
            f"({org.domains[0]}).",
            3 if strong_claim else 2,
        )
    return []


_APPOINTMENT = lazy(r"(?i)\b(?:appointments?|appts?)\b")

#: Requests a message can ask to be done through itself, and how the answer words them.
_REQUEST_WORDS = {
    "call": "call a number it gives",
    "reply": "reply",
    "pay": "pay",
    "log-in": "log in",
    "details": "confirm your details",
    "code": "share a code",
    "install": "install something",
}
_OWN_ROUTE_REQUESTS = frozenset(_REQUEST_WORDS)


#: A link's problems weighing this much (a look-alike, an organisation's name in a stranger's
#: domain, a shortener, or two small ones such as a risky ending on a plain-http link) are the
#: message's own, template or not. (One small problem alone is common in real senders'
#: templates: a form on a free host.)
_TEMPLATE_LINK_LIMIT = 2
#: Cues for a private route to a stranger, which a long advert gives instead of a request.
_PRIVATE_ROUTES = ("off-platform-contact", "contact-by-email", "webmail-address")


def _disguised(flags: Iterable[Flag]) -> bool:
    """A sender, header or disguise problem: it outweighs any good route the message names."""
    return any(f.source.startswith(("sender:", "email:", "hidden:")) for f in flags)


def _asks_something(
    message: _Message,
    flags: list[Flag],
    requests: tuple[str, ...],
    reports: list[links.LinkReport],
) -> bool:
    """Whether the message asks the reader for anything (a request, an answer if interested,
    details, a payment) or carries a link with problems: a long message without one cannot be a
    strong sign."""
    if requests or message.hits.has(ASKS_INTEREST):
        return True
    # A private route to a stranger (a messaging app, a personal email address) is how an
    # advert or a testimonial asks: "WhatsApp info: +1…", "Email: fixer@gmail.com".
    if any(message.hits.has(cue) for cue in _PRIVATE_ROUTES):
        return True
    if any(r.flags for r in reports):
        return True
    return any(
        f.kind in ("asks-for-details", "unusual-payment", "remote-access", "money-through-account")
        for f in flags
    )


def _score(flags: Iterable[Flag]) -> int:
    by_kind: dict[str, int] = {}
    link_total = 0
    for flag in flags:
        if flag.source.startswith("link:"):
            link_total += flag.weight
        else:
            by_kind[flag.kind] = by_kind.get(flag.kind, 0) + flag.weight
    return sum(min(KIND_CAP, value) for value in by_kind.values()) + min(LINK_CAP, link_total)


def _second_kinds_weight(flags: list[Flag]) -> int:
    """What the signs outside the heaviest kind weigh together: a short link to an alert plus
    one weak, incidental word ("evacuations") is one concern, not two."""
    by_kind: dict[str, int] = {}
    for flag in flags:
        by_kind[flag.kind] = by_kind.get(flag.kind, 0) + flag.weight
    return sum(by_kind.values()) - max(by_kind.values(), default=0)


def _verdict(
    score: int, flags: list[Flag], at_most_some: bool = False, *, short: bool = False
) -> Verdict:
    kinds = {flag.kind for flag in flags}
    bar = SCAM_SCORE
    if short and any(flag.weight >= 3 for flag in flags) and _second_kinds_weight(flags) >= 2:
        bar = SHORT_SCAM_SCORE
    if score >= bar and (len(kinds) >= 2 or score >= SCAM_SCORE + 3) and not at_most_some:
        return Verdict.SCAM
    if score >= SUSPICIOUS_SCORE:
        return Verdict.SUSPICIOUS
    return Verdict.NONE_FOUND


#: Words only a call or voicemail uses about itself ("this call is to notify you", "I'm
#: calling from", "press 1", "on a recorded line"): a transcript pasted without --channel.
_CALL_TRANSCRIPT = lazy(
    r"\bthis (?:call|voicemail|voice message|automated message) is (?:from|to|regarding|about|"
    r"in reference|for|being)\b"
    r"|\b(?:i'?m|i am|we are|we're|is) calling (?:you )?(?:today |now )?(?:from|on behalf of|"
    r"regarding|about|in regard|in reference|to (?:let you know|inform|notify|tell))\b"
    r"|\bon a recorded line\b|\bpress (?:1|one|2|two|9|nine|0|zero)\b(?! (?:on|in) the app)"
    r"|\(-?\s?phone rings\s?-?\)"
    r"|\bthis is (?:an?|the|your) (?:automated|recorded|pre-?recorded|courtesy) (?:call|message)\b"
    r"|\b(?:i'?m|i am|we are|we're) ringing (?:you )?(?:to|about|from|regarding|in regards? to)\b"
    r"|\bam i (?:speaking|talking) (?:to|with)\b|\bcan you hear me\b"
    # "Is that Felicity Everett?": a caller checking who answered (a full name, as callers
    # read it from a list; a wrong-number text asks for a first name only)
    r"|\A\W{0,3}(?:(?:hello|hi),? )?is (?:that|this) (?:(?:mr|mrs|ms|miss)\.? )?"
    r"(?-i:[A-Z][a-z]+ [A-Z][a-z]+)\s?\?",
    re.IGNORECASE,
)


def _without_merchant_names(text: str) -> str:
    """``text`` with the merchants a payment record names in capitals blanked out (same length),
    so that "to ASOS.COM" is not read as a link."""
    # Only the few places a domain ending is written in capitals are looked at (a scan of the
    # whole text with the merchant pattern costs a 1 MB message a tenth more time).
    pieces: list[str] = []
    done = 0
    for ending in islice(_CAPITAL_ENDING.finditer(text), _MOST_MERCHANT_NAMES):
        start = max(done, ending.start() - _MERCHANT_WINDOW)
        for match in _MERCHANT_NAME.compiled.finditer(text, start, ending.end()):
            if match.end() == ending.end():
                pieces += [text[done : match.start("name")], " " * len(match.group("name"))]
                done = match.end()
                break
    return "".join(pieces) + text[done:] if pieces else text


def _guess_channel(sender: str | None) -> Channel | None:
    if sender and "@" in sender:
        return Channel.EMAIL
    if sender and re.search(r"\d{3}", sender):
        return Channel.SMS
    return None


#: Situations that only say which way a scam came (a text or an email), and the channels they
#: follow.
_BY_CHANNEL = frozenset({CHANNEL_SITUATIONS[Channel.SMS], CHANNEL_SITUATIONS[Channel.EMAIL]})
_WRITTEN = SHORT_MESSAGE_CHANNELS | {Channel.EMAIL}


def _situation(flags: list[Flag], content: MessageContent, channel: Channel | None) -> str:
    families = {family.id: family for family in content.families}
    best: tuple[int, str] | None = None
    for flag in flags:
        situation: str | None = None
        if flag.source.startswith("family:"):
            family = families.get(flag.source.removeprefix("family:"))
            situation = family.report_situation if family is not None else None
        else:
            rule = content.rule_by_id.get(flag.source)
            situation = rule.report_situation if rule is not None else None
        if situation and (best is None or flag.weight > best[0]):
            best = (flag.weight, situation)
    if best is None:
        return CHANNEL_SITUATIONS[channel]
    if best[1] in _BY_CHANNEL and channel in _WRITTEN:
        # A text family's "report as a scam text" on an email (or the other way round) is
        # the same scam arriving another way: report it the way it came.
        return CHANNEL_SITUATIONS[channel]
    return best[1]


def advice(verdict: Verdict, channel: Channel | None, situation: str) -> tuple[str, ...]:
    """What to do now, in order, for this verdict and channel (one numbered sequence)."""
    steps: list[str] = []
    if verdict is Verdict.NONE_FOUND:
        steps.append(
            "Finding no known warning signs does not make a message safe: if it asks you to "
            "pay, log in or share details, check with the sender using contact details you "
            "already trust."
        )
    else:
        steps.append(
            "Do not click links, reply, call numbers or scan codes from this message, and do "
            "not pay or share any codes or details."
        )
        steps.append(
            "To check it, contact the organisation or person yourself, using a number or "
            "website you find independently (the back of your card, their official site, the "
            "number you already have)."
        )
    lead = "If you still think it is a scam: " if verdict is Verdict.NONE_FOUND else ""

    def report(step: str) -> None:
        steps.append(lead + (step[0].lower() + step[1:] if lead else step))

    if channel in (Channel.SMS, None):
        report("Forward a scam text to 7726 (free), then delete it.")
    if channel is Channel.WHATSAPP:
        report("In WhatsApp, use Block and Report on the sender.")
    if channel is Channel.CHAT:
        report(
            "In the app, block the sender and report the chat as spam or a scam: Telegram, "
            "Signal, Viber, Messenger and most others offer both when you open the chat and tap "
            "the sender's name."
        )
    if channel is Channel.EMAIL or channel is None:
        report("Forward a scam email to report@phishing.gov.uk, then delete it.")
    if channel is Channel.CALL:
        report(
            "Hang up. Report the number by texting 'Call' followed by the number to 7726. "
            "Before calling your bank, wait a few minutes or use a different phone."
        )
    if channel is Channel.WEB:
        report(
            "Report a scam website to the NCSC: "
            "ncsc.gov.uk/section/about-this-website/report-scam-website"
        )
    if channel is Channel.DOORSTEP:
        steps.append(
            "Do not agree to work or go to the bank with a cold caller; ask them to leave. "
            "If you feel threatened, call 999."
        )
    steps.append(
        "If you have already paid or shared card or bank details, call your bank now on the "
        f"number on your card, or 159 (see: sochelp report {MONEY_LOST_SITUATION})."
    )
    steps.append(f"Who to tell and what else to do: sochelp report {situation}")
    return tuple(steps)
