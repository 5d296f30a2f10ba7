"""ASGI middleware of the served app: security headers on every answer, HEAD for every GET, and
empty query parameters dropped.

Reads: nothing. Writes: response headers. Pure ASGI (no per-request task or buffering), so it adds
next to nothing to a request's time.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: The pages run only the scripts and styles served from this host: no inline script, no inline
#: style, no plugin, no framing, and forms post only here.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
#: Swagger UI and ReDoc (at /docs and /redoc) inject <style> elements; their scripts are files here.
DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'", "connect-src 'self'; worker-src 'self' blob:"
)
DOCS_PATHS = frozenset({"/docs", "/redoc"})

_COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
_HEADERS = [(b"content-security-policy", CSP.encode()), *_COMMON]
_DOCS_HEADERS = [(b"content-security-policy", DOCS_CSP.encode()), *_COMMON]


def drop_empty(query: bytes) -> bytes:
    """A query string without its empty parameters: a filter form's "Any" sends ``type=``, which
    means no filter, not an invalid type."""
    # latin-1 both ways keeps every byte (and every percent-escape) as it was
    text = query.decode("latin-1")
    pairs = urllib.parse.parse_qsl(text, keep_blank_values=True, encoding="latin-1")
    kept = [(k, v) for k, v in pairs if v != ""]
    return urllib.parse.urlencode(kept, encoding="latin-1").encode("latin-1")


class SecurityHeaders:
    """Adds the Content-Security-Policy, X-Content-Type-Options and related headers; answers
    HEAD requests as the GET of the same URL without its body (Starlette's routes say 405); and
    drops empty query parameters (``?type=&actor=`` is no filter, as a form's "Any" means)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        query = scope.get("query_string", b"")
        if b"=&" in query or query.endswith(b"="):
            scope = {**scope, "query_string": drop_empty(query)}
        extra = _DOCS_HEADERS if scope["path"] in DOCS_PATHS else _HEADERS

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                added = [(n, v) for n, v in extra if n not in names]
                message = {**message, "headers": [*message.get("headers", []), *added]}
            elif head and message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return  # the body of a HEAD answer is dropped, its headers are kept
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)
