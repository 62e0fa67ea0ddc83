"""Self-contained, printable HTML pages: a tiny builder, no template engine.

Every page is one file with its CSS and (at most one) script inline, so it opens from a USB stick
on a library computer and prints the same anywhere. Text from the content and from a local overlay
is always escaped here (:func:`el` escapes every child string and attribute value); only
:class:`Markup` made by this module is trusted. Each page carries a Content-Security-Policy that
allows no network request at all and no script but its own inline one (by hash).

- :mod:`.style`: the colours (with their contrast ratios) and the shared CSS.
- :mod:`.leaflet`: one-page leaflets for ``report`` and ``signs``.
- :mod:`.quiz`: the quiz's slide view and print view.
- :mod:`.rollup`: the organisation summary of check-up returns.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable
from urllib.parse import urlsplit

from sochelp.render.safe import shown

#: The page language: British English (screen readers pick the voice from it).
LANG = "en-GB"


class Markup(str):
    """HTML that is already safe: built by :func:`el` or :func:`esc`, never from raw input."""

    __slots__ = ()


def esc(value: object) -> Markup:
    """Escape any value as text (quotes too, so it is safe in attributes); controls, bidi
    overrides and invisible characters are shown as ``<U+XXXX>`` markers first
    (:func:`sochelp.render.safe.shown`), as on a terminal."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(shown(str(value)), quote=True))


def _children(children: Iterable[object]) -> str:
    out: list[str] = []
    for child in children:
        if child is None or child is False:
            continue
        if isinstance(child, str):
            out.append(esc(child))
        elif isinstance(child, Iterable):
            out.append(_children(child))
        else:
            out.append(esc(child))
    return "".join(out)


def _attribute(name: str, value: object) -> str:
    key = name.rstrip("_").replace("_", "-")
    if value is True:
        return f" {key}"
    return f' {key}="{esc(value)}"'


_VOID = frozenset({"meta", "br", "hr", "img", "input", "link"})


def el(tag: str, *children: object, **attrs: object) -> Markup:
    """``<tag attrs>children</tag>``: strings are escaped, :class:`Markup` is kept as it is.

    ``class_="x"`` gives ``class="x"``, ``data_slide="1"`` gives ``data-slide="1"``; None and
    False attributes are left out, True gives a bare attribute.
    """
    attributes = "".join(
        _attribute(name, value)
        for name, value in attrs.items()
        if value is not None and value is not False
    )
    if tag in _VOID:
        return Markup(f"<{tag}{attributes}>")
    return Markup(f"<{tag}{attributes}>{_children(children)}</{tag}>")


def join(*parts: object) -> Markup:
    """Several pieces as one (strings escaped)."""
    return Markup(_children(parts))


def safe_href(url: str | None) -> str | None:
    """The address if it is an https link; None otherwise (then it is shown as text only).

    The content validator only lets https through, but a page must be safe on its own.
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() != "https" or not parts.hostname:
        return None
    if any(ord(c) < 0x20 or c in " \"'<>`" for c in url):
        return None
    return url.strip()


def link(url: str, text: str | None = None, **attrs: object) -> Markup:
    """An https link, or the address as plain text when it is anything else."""
    href = safe_href(url)
    label = text if text is not None else url
    if href is None:
        return el("span", label, **attrs)
    return el("a", label, href=href, **attrs)


def script_hash(script: str) -> str:
    """The CSP source for one inline script: ``'sha256-…'`` of its exact text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script: str | None) -> str:
    """No network request of any kind; styles inline; the page's own script only (by hash)."""
    scripts = script_hash(script) if script else "'none'"
    return (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src {scripts}; img-src data:; font-src 'none'; connect-src 'none'; "
        "media-src 'none'; object-src 'none'; frame-src 'none'; "
        "form-action 'none'; base-uri 'none'"
    )


def page(title: str, body: Markup, *, css: str, script: str | None = None) -> str:
    """A whole HTML document: language set, CSP meta first, CSS and script inline."""
    head = join(
        Markup('<meta charset="utf-8">'),
        el("meta", http_equiv="Content-Security-Policy", content=content_security_policy(script)),
        el("meta", name="viewport", content="width=device-width, initial-scale=1"),
        el("meta", name="referrer", content="no-referrer"),
        el("meta", name="generator", content="sochelp"),
        el("title", title),
        Markup(f"<style>{_css_safe(css)}</style>"),
    )
    if script and "</" in script:
        raise ValueError("an inline script must not contain '</'")
    tail = Markup(f"<script>{script}</script>") if script else Markup("")
    return (
        "<!DOCTYPE html>\n"
        + el("html", el("head", head), Markup(f"<body>{body}{tail}</body>"), lang=LANG)
        + "\n"
    )


def _css_safe(css: str) -> str:
    # CSS is ours, but make sure it can never close the style element.
    return css.replace("</", "<\\/")
