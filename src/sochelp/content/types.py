"""Field types and the base model shared by every content model."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from sochelp.scopes import Audience, Region

__all__ = [
    "Audience",
    "CheckedDate",
    "ContentModel",
    "Email",
    "HttpsUrl",
    "Phone",
    "Region",
    "Slug",
    "Text",
]


class ContentModel(BaseModel):
    """Base for content items: immutable, and unknown keys are errors (typos must not pass)."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True
    )


_PHONE = re.compile(r"^\+?[0-9](?:[0-9 ]{0,18}[0-9])?$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def _check_phone(value: str) -> str:
    if not _PHONE.match(value):
        raise ValueError("not a phone number (digits and single spaces, optional leading +)")
    if "  " in value:
        raise ValueError("phone number has a double space")
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError("not an email address")
    return value


def _check_https_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https":
        raise ValueError("address must start with https://")
    host = parts.hostname or ""
    if "." not in host or " " in value:
        raise ValueError("not a web address with a host name")
    return value


def _check_not_future(value: dt.date) -> dt.date:
    if value > dt.date.today():
        raise ValueError("date is in the future")
    return value


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=60)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Phone = Annotated[str, AfterValidator(_check_phone)]
Email = Annotated[str, AfterValidator(_check_email)]
HttpsUrl = Annotated[str, AfterValidator(_check_https_url)]
CheckedDate = Annotated[dt.date, AfterValidator(_check_not_future)]
