"""The web UI: Jinja2 templates and hand-written CSS/JS served by the API process (no CDN)."""
