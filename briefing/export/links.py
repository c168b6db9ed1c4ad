"""Links in notes and the Sources list: which URLs become links, and how.

URLs (:func:`safe_url`): only an http, https or ftp URL with a host, or a
``mailto:`` URL whose every recipient has a local part and a domain, becomes
a link.  Anything else in a source's URL field (``mailto:desk``,
``javascript:…``, ``file:///…``, ``www.example.org`` without a scheme) is
shown as plain text, never as a live link.  A link is the URL as recorded
except that: the scheme is lower-cased; every character outside RFC 3986's
unreserved and reserved ASCII sets is percent-encoded as UTF-8 (space,
``< > " \\ ^ { | }``, the backtick, non-ASCII); ``[`` and ``]`` are encoded
too (but around an IPv6 host), and so are ``( ) # ' /`` in a ``mailto:``
link; a ``%`` that does not start a ``%XX`` escape becomes ``%25``; and the
``;`` that would end a character reference (``&amp;``, ``&#38;``) becomes
``%3B``.  So ``urllib.parse.unquote`` of the link is ``unquote`` of the
recorded URL, ``&`` stays ``&``, and no Markdown or HTML reader finds a
construct (link, image, emphasis, code, entity, raw HTML) inside it; what
each reader makes of the Markdown export is pinned down in
``tests/export/test_markdown_urls.py``.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from briefing.core.model import Source
from briefing.export.sanitize import clean_line

_HOST_SCHEMES = ("http", "https", "ftp")
_URL_SAFE = "/:?#@!$&'()*+,;=%~-._"
"""Left as they are: RFC 3986 reserved and unreserved characters but ``[`` ``]``."""
_MAILTO_SAFE = ":?@!$&*+,;=%~-._"
"""A mailto link is a Markdown link destination, where python-markdown reads
parentheses as nesting, a quote as the start of a title and ``&#38`` as ``&``
(RFC 6068 wants ``#`` encoded anyway); markdown-it-py reads ``mailto://@x``
as an empty user at host ``x``."""
_STRAY_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_REFERENCE_END = re.compile(r"(&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[0-9A-Za-z]+));")
"""``&name;`` / ``&#n;``: readers would resolve it to one character (pandoc does)."""
_AUTHORITY = re.compile(r"([^/?#]*)(.*)", re.DOTALL)
_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+")


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of note text; a link when ``url`` is set (``text`` is then shown)."""

    text: str
    url: str = ""


def safe_url(url: str) -> str:
    """*url* as a link (normalised as the module says), or ``""`` when it is not one.

    Only http(s) and ftp URLs with a host and mailto URLs with addresses become
    links: a ``javascript:`` URL in a source record must never become clickable
    in a colleague's copy.
    """
    url = clean_line(url)
    scheme, colon, rest = url.partition(":")
    scheme = scheme.lower()
    if not colon or not _is_link(scheme, rest):
        return ""
    if scheme == "mailto":
        return "mailto:" + _encode(rest, _MAILTO_SAFE)
    parts = _AUTHORITY.match(rest[2:])
    assert parts is not None  # the pattern matches any text
    authority, path = parts.groups()
    host_start = authority.rfind("@") + 1
    userinfo, host = authority[:host_start], authority[host_start:]
    ipv6, bracketed, port = host.partition("]")
    if host.startswith("[") and bracketed and _is_ipv6(ipv6[1:]):
        host = ipv6 + "]" + _encode(port, _URL_SAFE)
    else:
        host = _encode(host, _URL_SAFE)
    return f"{scheme}://{_encode(userinfo, _URL_SAFE)}{host}{_encode(path, _URL_SAFE)}"


def _is_link(scheme: str, rest: str) -> bool:
    if scheme == "mailto":
        recipients = rest.partition("?")[0].split(",")
        return all(_ADDRESS.fullmatch(r) for r in recipients)
    if scheme not in _HOST_SCHEMES or not rest.startswith("//"):
        return False
    try:
        return bool(urlsplit("x:" + rest).hostname)
    except ValueError:  # a malformed IPv6 host or port
        return False


def _is_ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text.partition("%")[0])
    except ValueError:
        return False
    return True


def _encode(text: str, safe: str) -> str:
    text = _STRAY_PERCENT.sub("%25", quote(text, safe=safe))
    return _REFERENCE_END.sub(r"\1%3B", text)


def source_url(source: Source) -> str:
    """The link of a source: its URL, else its DOI as a doi.org link."""
    url = safe_url(source.url)
    if not url and clean_line(source.doi):
        url = safe_url("https://doi.org/" + clean_line(source.doi))
    return url


def source_address(source: Source) -> Segment:
    """Where a note says the source is: its link (:func:`source_url`), else what its
    URL field holds as plain text (not a link), else an empty segment."""
    url = source_url(source)
    return Segment(url, url) if url else Segment(clean_line(source.url))
