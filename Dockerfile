# The quotetrail image: the web app by default; docker-compose.yml also runs it as the indexer.
FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY . /app
RUN pip install /app

EXPOSE 8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "webapp:create_app()"]
