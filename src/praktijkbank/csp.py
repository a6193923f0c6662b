"""A Content-Security-Policy for every built page: the site itself, and nothing else.

The policy goes into the page as a ``<meta http-equiv>`` tag, because a static
site cannot count on its host to send headers. Material's templates put a few
small inline scripts in every page; instead of allowing all inline script
(``'unsafe-inline'``, which would also let injected markup run), the policy
names the SHA-256 hash of each inline script the page really contains.

Data blocks such as ``<script type="application/ld+json">`` and Material's
``<script type="application/json">`` configuration are never executed, and the
browser checks the policy only for scripts it is about to execute (HTML,
"prepare the script element"), so they need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable

# Everything the site needs comes from the site itself. 'data:' images are the
# icons Material draws from its own stylesheet; they are part of the page, not a
# request to anyone. A meta tag cannot carry frame-ancestors, report-uri or
# sandbox (browsers ignore them and complain in the console), so they are absent.
_BASE_DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# A script element as the HTML parser sees it: it ends at the first '</script'
# followed by white space, '/' or '>'. Attribute values may contain '>'.
_SCRIPT = re.compile(
    r"<script\b(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?P<body>.*?)</script[\s/>]",
    re.IGNORECASE | re.DOTALL,
)
_ATTRIBUTE = r"""\b{name}\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))"""
_TYPE = re.compile(_ATTRIBUTE.format(name="type"), re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)

# The types a browser executes (HTML's "JavaScript MIME type essence match",
# plus modules and import maps). Any other type makes the element a data block.
_EXECUTED_TYPES = frozenset({
    "", "module", "importmap",
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript",
})

# The policy meta tag (with the white space after it, which goes when the tag goes).
# The one pattern for it: this module writes, replaces and rewrites the tag with it,
# and so does the offline copy (offline/finish.py, through ``rewrite_policy``).
_POLICY_META = re.compile(
    r"""<meta\b[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy["']?[^>]*>\s*""",
    re.IGNORECASE,
)
_CONTENT = re.compile(_ATTRIBUTE.format(name="content"), re.IGNORECASE)
_CHARSET_META = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def _value(match: re.Match) -> str:
    """The value of an attribute matched with ``_ATTRIBUTE``, however it is quoted."""
    return match.group("dq") if match.group("dq") is not None else (match.group("sq") or match.group("bare") or "")


def _script_type(attrs: str) -> str:
    match = _TYPE.search(attrs)
    if not match:
        return ""
    return _value(match).split(";")[0].strip().lower()


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script in ``html`` that a browser would execute."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if _SRC.search(attrs) or _script_type(attrs) not in _EXECUTED_TYPES:
            continue
        # The parser turns CR LF and CR into LF before the browser hashes the text.
        scripts.append(match.group("body").replace("\r\n", "\n").replace("\r", "\n"))
    return scripts


def script_hash(script: str) -> str:
    """The CSP source expression ``'sha256-…'`` that allows exactly this inline script text.

    The one place the site hashes a script: the page policy here, and the offline
    copy's worker shim (offline/worker_shim.py), both use it.
    """
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(html: str) -> str:
    """The policy for one page: only the site itself, plus the hashes of its inline scripts."""
    hashes = sorted({script_hash(script) for script in inline_scripts(html)})
    directives = []
    for name, sources in _BASE_DIRECTIVES:
        if name == "script-src" and hashes:
            sources = " ".join([sources, *hashes])
        directives.append(f"{name} {sources}")
    return "; ".join(directives)


def with_content_security_policy(html: str) -> str:
    """``html`` with a policy meta tag as early in its head as possible.

    The policy only governs what comes after it, so it goes straight after the
    charset declaration (or the opening ``<head>``). A policy already in the
    page is replaced, so a later step that changes the page can call this again.
    Text without a ``<head>`` (not an HTML page) comes back unchanged.
    """
    html = _POLICY_META.sub("", html)
    anchor = _CHARSET_META.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    policy = content_security_policy(html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return html[: anchor.end()] + "\n    " + meta + html[anchor.end():]


def rewrite_policy(html: str, change: Callable[[str], str]) -> str:
    """``html`` with the policy in its (first) policy meta tag replaced by ``change(policy)``.

    Only the tag's ``content`` attribute changes; it is written back in double quotes.
    A page without a policy meta tag, or with one without content, comes back unchanged.
    """
    tag = _POLICY_META.search(html)
    content = _CONTENT.search(html, tag.start(), tag.end()) if tag else None
    if content is None:
        return html
    return html[: content.start()] + f'content="{change(_value(content))}"' + html[content.end():]
