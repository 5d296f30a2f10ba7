"""The HTTP API (FastAPI): read-only JSON routes under /api, the web UI, and OpenAPI docs at /docs."""

from storyline.api.app import create_app

__all__ = ["create_app"]
