"""WSGI entry point for gunicorn: ``gunicorn -w 2 webapp.wsgi:app`` (store from the env)."""

from webapp import create_app

app = create_app()
