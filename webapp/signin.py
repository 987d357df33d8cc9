"""Signing in to the web UI with the API token, for the pages that change records.

The session is Flask's signed cookie (HttpOnly, SameSite=Lax); every form that changes
something carries the session's CSRF token (a random value kept in the session, compared
in constant time), so another site cannot post on a signed-in user's behalf. The signing
key is ``SECRET_KEY`` (app setting), else env ``QUOTETRAIL_SECRET_KEY``, else a random key
generated once into the state directory (``secret_key``, readable by its owner only).
"""

from __future__ import annotations

import hmac
import os
import secrets
from typing import Any

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from werkzeug.wrappers import Request, Response

from schemas.attribution import SPEAKER_TYPES
from store.config import StoreConfig

signin = Blueprint("signin", __name__)
KEY_FILE = "secret_key"
SIGN_IN_PATH = "/sign-in"


def secret_key(app: Flask) -> str:
    """The key that signs sessions (see the module's docstring for where it comes from)."""
    given = app.config.get("SECRET_KEY") or os.environ.get("QUOTETRAIL_SECRET_KEY")
    if given:
        return str(given)
    directory = app.config.get("STATE_DIR") or StoreConfig.from_env().state_dir()
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, KEY_FILE)
    try:
        with open(path, encoding="ascii") as file:
            key = file.read().strip()
        if key:
            return key
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as file:
        file.write(key)
    return key


def configure(app: Flask) -> None:
    """Session cookie settings, and the signing key when configured; a generated key is
    read (or made) on the first request that needs a session, so a site nobody signs in to
    writes no key file."""
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.secret_key = app.config.get("SECRET_KEY") or os.environ.get("QUOTETRAIL_SECRET_KEY")

    app.session_interface = _KeyOnFirstUse()

    @app.context_processor
    def _signed_in() -> dict[str, Any]:
        return {"signed_in": signed_in(), "csrf_token": csrf_token,
                "speaker_types": SPEAKER_TYPES}


class _KeyOnFirstUse(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with a generated key read or made (:func:`secret_key`)
    by the first request that carries a session or signs in."""

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if app.secret_key is None and (
            self.get_cookie_name(app) in request.cookies
            or (request.method == "POST" and request.path == SIGN_IN_PATH)
        ):
            app.secret_key = secret_key(app)
        return super().open_session(app, request)


def signed_in() -> str | None:
    """Who is signed in (the name they gave), or None."""
    return session.get("editor")


def csrf_token() -> str:
    """This session's CSRF token, made on first use."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


def require_editor() -> str:
    """The signed-in editor for a form post that changes records: 403 without a session
    or with a missing or wrong CSRF token."""
    editor = signed_in()
    if not editor:
        abort(403, "Sign in with the API token to change records.")
    sent = request.form.get("csrf", "")
    if not hmac.compare_digest(sent.encode("utf-8"), str(session.get("csrf", "")).encode()):
        abort(403, "The form has expired or did not come from this site: reload and retry.")
    return str(editor)


def _safe_next(target: str | None) -> str:
    """Only a path on this site (never ``//host`` or a scheme) is followed after sign-in."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("pages.search")


@signin.get(SIGN_IN_PATH)
def form() -> str:
    return render_template("sign_in.html", next=_safe_next(request.args.get("next")), error=None)


@signin.post(SIGN_IN_PATH)
def sign_in() -> Any:
    token = current_app.config.get("API_TOKEN")
    given = request.form.get("token", "")
    name = request.form.get("name", "").strip()[:100] or "editor"
    target = _safe_next(request.form.get("next"))
    if not token:
        abort(403, "Sign-in is disabled: set QUOTETRAIL_API_TOKEN on the server to enable it.")
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        page = render_template("sign_in.html", next=target, error="That is not the API token.")
        return page, 401
    session.clear()
    session["editor"] = name
    csrf_token()
    return redirect(target, 303)


@signin.post("/sign-out")
def sign_out() -> Response:
    require_editor()
    session.clear()
    return redirect(url_for("pages.search"), 303)
