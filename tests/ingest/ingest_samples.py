"""Sample inputs for the reader tests: an article page, a page of links, a WARC writer."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Cambodia backs UN resolution on Ukraine</title>
<meta property="article:published_time" content="2022-03-03T09:15:00+07:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport menu link</a></nav>
<article><h1>Cambodia backs UN resolution on Ukraine</h1>
<p>Cambodia voted on Wednesday in favour of a United Nations General Assembly resolution that
demands Russia withdraw its troops from Ukraine, the foreign ministry said in a statement.</p>
<p>Prime Minister Hun Sen said the kingdom opposed the use of force against any sovereign state
and called for talks between the two sides to end the fighting as soon as possible.</p>
<p>Analysts in Phnom Penh said the vote marked a departure from the position of several of its
neighbours in Southeast Asia, which abstained in the vote at the assembly in New York.</p>
</article>
<footer>Copyright 2022 Example News. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""

NO_ARTICLE_HTML = """<html><head><title>Index</title></head><body>
<ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li><li><a href="/c">C</a></li></ul>
</body></html>"""

#: (target URI, status line, content type, body)
WarcPage = tuple[str, str, str, bytes]


def write_warc(path: Path, pages: Sequence[WarcPage], gzip: bool = True) -> bytes:
    """A WARC of response records (plus a request record before each), returned as bytes too."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for uri, status, content_type, body in pages:
        request = StatusAndHeaders(
            "GET / HTTP/1.0", [("Host", "example.org")], is_http_request=True
        )
        for_request = writer.create_warc_record(
            uri, "request", payload=io.BytesIO(b""), http_headers=request
        )
        writer.write_record(for_request)
        for_request.raw_stream.close()  # warcio buffers payloads in temporary files
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
        record.raw_stream.close()
    data = buffer.getvalue()
    path.write_bytes(data)
    return data
