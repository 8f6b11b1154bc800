"""The Docker image, checked without a Docker engine: what it installs, and its init script
run for real against the test PostgreSQL."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import yaml

from .test_install import RELATIONS, objects, user_options

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "docker" / "Dockerfile").read_text()
INIT_SCRIPT = ROOT / "docker" / "initdb" / "10-agentcore.sh"


def test_the_image_installs_this_package_and_nothing_else_from_pypi():
    installs = re.findall(r"pip install ([^\n\\&]+)", DOCKERFILE)
    # The package itself, with the requirements setup.py declares: no second list to drift.
    assert [line.split()[-1] for line in installs] == ["/opt/agentcore-fdw/src"]
    for copied in ("setup.py", "fdw", "sql"):
        assert re.search(rf"^COPY .*\b{copied}\b", DOCKERFILE, re.M), copied


def test_multicorn2_comes_from_a_distribution_package():
    assert "postgresql-15-python3-multicorn" in DOCKERFILE
    assert not re.search(r"git clone|\bmake\b|multicorn2\.git", DOCKERFILE)
    assert "FROM postgres:15" in DOCKERFILE  # the same major version the tests run


def test_the_server_python_path_names_the_images_python():
    version = re.search(r"PYTHONPATH=/opt/agentcore-fdw/venv/lib/python(3\.\d+)/", DOCKERFILE)
    assert version and version.group(1) == "3.11"  # Debian bookworm's python3, as here


def test_compose_builds_the_image_and_passes_aws_credentials():
    compose = yaml.safe_load((ROOT / "docker" / "compose.yaml").read_text())
    service = compose["services"]["agentcore"]
    assert (ROOT / "docker" / service["build"]["context"] / service["build"]["dockerfile"]).exists()
    assert service["ports"] == ["127.0.0.1:5432:5432"]
    environment = service["environment"]
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        assert name in environment  # passed through from the shell, unset when unset there
    # Every variable the init script reads is passed through.
    script = INIT_SCRIPT.read_text()
    options = re.search(r"for option in ([a-z_ ]+); do", script).group(1).split()
    for name in ["AGENTCORE_ENGINE"] + [f"AGENTCORE_{o.upper()}" for o in options]:
        assert name in environment, name
    assert "${HOME}/.aws:/var/lib/postgresql/.aws:ro" in service["volumes"]


def test_the_init_script_installs_what_the_tests_install(empty_database, postgres, engine, aws):
    """Run as the image runs it (sh, env), against the test cluster instead of the image's."""
    with psycopg.connect(empty_database) as conn:
        dbname = conn.info.dbname
    env = dict(
        os.environ,
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        PGHOST=str(postgres.cluster.socket_dir),
        PGPORT=str(postgres.port),
        POSTGRES_DB=dbname,
        POSTGRES_USER="postgres",
        AGENTCORE_ENGINE=engine,
        AGENTCORE_REGIONS="eu-west-1,us-east-1",
        AGENTCORE_ENDPOINT_URL=aws.endpoint_url,
    )
    done = subprocess.run(["sh", str(INIT_SCRIPT)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"installed with the {engine} engine" in done.stdout
    installed = objects(empty_database)
    assert user_options(installed["servers"]) == [
        ("agentcore", ["regions=eu-west-1,us-east-1", f"endpoint_url={aws.endpoint_url}"])
    ]
    assert len(installed["relations"]) == RELATIONS[engine]
