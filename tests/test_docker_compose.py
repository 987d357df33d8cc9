"""Someone with Docker gets Elasticsearch, the indexer and the web app from docker-compose.yml."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ES_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch"


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_elasticsearch_is_the_official_single_node_image_of_the_test_nodes_version(
    compose: dict,
) -> None:
    es = compose["services"]["elasticsearch"]
    image, _, tag = es["image"].partition(":")
    assert image == ES_IMAGE
    pom = ET.parse(ROOT / "tests/elasticsearch/pom.xml").getroot()
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    assert tag == pom.findtext("m:properties/m:elasticsearch.version", namespaces=ns)
    assert tag.startswith("8.")
    env = es["environment"]
    assert env["discovery.type"] == "single-node"
    assert env["xpack.security.enabled"] == "false"
    assert "-Xmx" in env["ES_JAVA_OPTS"]
    assert es["mem_limit"]
    assert es["ulimits"]["memlock"] == {"soft": -1, "hard": -1}


def test_elasticsearch_keeps_its_data_and_listens_on_loopback_only(compose: dict) -> None:
    es = compose["services"]["elasticsearch"]
    assert "esdata:/usr/share/elasticsearch/data" in es["volumes"]
    assert "esdata" in compose["volumes"]
    assert es["ports"] == ["127.0.0.1:9200:9200"]


def test_elasticsearch_reports_healthy_only_once_the_cluster_is_yellow(compose: dict) -> None:
    check = compose["services"]["elasticsearch"]["healthcheck"]
    assert check["test"][0] == "CMD-SHELL"
    assert "curl" in check["test"][1]
    assert "_cluster/health" in check["test"][1]
    assert check["retries"] > 0


@pytest.mark.parametrize("service", ["webapp", "indexer", "watch"])
def test_the_app_services_wait_for_a_healthy_elasticsearch(compose: dict, service: str) -> None:
    app = compose["services"][service]
    assert app["build"] == "."
    assert app["environment"]["ES_URL"] == "http://elasticsearch:9200"
    assert app["depends_on"]["elasticsearch"]["condition"] == "service_healthy"


def test_the_webapp_is_served_by_gunicorn_on_loopback_port_8000(compose: dict) -> None:
    assert compose["services"]["webapp"]["ports"] == ["127.0.0.1:8000:8000"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert dockerfile.startswith("#") and "FROM python:3.11-slim" in dockerfile
    assert "pip install /app" in dockerfile
    assert '"gunicorn", "-c", "gunicorn.conf.py", "webapp:create_app()"' in dockerfile
    assert "WORKDIR /app" in dockerfile and "COPY . /app" in dockerfile


def test_gunicorn_takes_a_claim_of_6000_characters_in_the_url(tmp_path: Path) -> None:
    """gunicorn's default request-line limit (4094 bytes) answered a bare 414 to long claims."""
    import os
    import socket
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "QUOTETRAIL_DB": str(tmp_path / "g.db")}
    env.pop("ES_URL", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "gunicorn.conf.py",
            "-w",
            "1",
            "-b",
            f"127.0.0.1:{port}",
            "webapp:create_app()",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    claim = "budget " * 857  # 5,999 characters
    url = f"http://127.0.0.1:{port}/api/v1/check?text={claim.strip().replace(' ', '+')}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    assert response.status == 200
                    break
            except ConnectionError:
                time.sleep(0.2)
            except urllib.error.URLError as error:
                if isinstance(error, urllib.error.HTTPError):
                    raise
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not start")
    finally:
        server.terminate()
        server.wait(10)


def test_the_indexer_indexes_the_demo_fixtures_once(compose: dict) -> None:
    indexer = compose["services"]["indexer"]
    assert indexer["command"] == ["quotetrail", "index", "/app/fixtures"]
    assert indexer["restart"] == "no"
    assert (ROOT / "fixtures").is_dir()


def test_the_watcher_polls_the_listed_feeds_and_shares_its_queue_with_the_webapp(
    compose: dict,
) -> None:
    from indexer.fetch.watch import read_feed_list

    watch, webapp = compose["services"]["watch"], compose["services"]["webapp"]
    assert watch["command"][:4] == ["quotetrail", "watch", "--feeds", "/app/feeds.txt"]
    assert watch["restart"] == "unless-stopped"
    assert "./feeds.txt:/app/feeds.txt:ro" in watch["volumes"]
    read_feed_list(str(ROOT / "feeds.txt"))  # the mounted file exists and parses
    state = watch["environment"]["QUOTETRAIL_STATE_DIR"]
    assert webapp["environment"]["QUOTETRAIL_STATE_DIR"] == state
    assert f"watchstate:{state}" in watch["volumes"] and f"watchstate:{state}" in webapp["volumes"]
    assert "watchstate" in compose["volumes"]


def _compose_command() -> list[str] | None:
    docker = shutil.which("docker")
    if docker:
        probe = subprocess.run([docker, "compose", "version"], capture_output=True, timeout=30)
        if probe.returncode == 0:
            return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy else None


def test_docker_compose_accepts_the_file() -> None:
    command = _compose_command()
    if command is None:
        pytest.skip("neither the docker compose plugin nor docker-compose is installed here")
    result = subprocess.run(
        [*command, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
