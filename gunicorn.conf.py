"""gunicorn settings for the quotetrail web app; gunicorn reads ./gunicorn.conf.py itself,
and the Docker image runs it from /app, where this file is.

``limit_request_line`` is gunicorn's maximum (8190 bytes; its default 4094 answered a
bare 414 to a GET /api/v1/check with a claim over about 4 KB). Claims longer than a URL
carries (the API takes 10,000 characters) go by ``POST /api/v1/check``. ``timeout`` stays
at gunicorn's 30 s: ``POST /api/v1/articles`` answers within its time budget (20 s, see
``webapp.writes``).
"""

bind = "0.0.0.0:8000"
workers = 2
timeout = 30
limit_request_line = 8190
