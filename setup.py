from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).parent
# The layers of the package, lowest first (fdw/README.md draws them).
LAYERS = ("core", "tables", "demo", "engines", "schema", "app")


def read_version() -> str:
    for line in (ROOT / "fdw" / "__init__.py").read_text().splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip('"')
    raise RuntimeError("no __version__ in fdw/__init__.py")


setup(
    name="agentcore-fdw",
    version=read_version(),
    description="SQL over Amazon Bedrock AgentCore's identity posture: runtimes, "
    "their authorizers and the Cognito user pools they trust, as PostgreSQL tables.",
    long_description=(ROOT / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    license="Apache-2.0",
    # boto3 1.44 (below) supports Python 3.10 and newer.
    python_requires=">=3.10",
    # The Python package lives in fdw/ and the SQL it installs in sql/; both ship inside
    # the importable package agentcore_fdw so that an installed CLI finds its SQL.
    package_dir={
        "agentcore_fdw": "fdw",
        "agentcore_fdw.sql": "sql",
    },
    packages=[
        "agentcore_fdw",
        *(f"agentcore_fdw.{layer}" for layer in LAYERS),
        "agentcore_fdw.sql",
    ],
    package_data={
        "agentcore_fdw.sql": ["*.sql", "functions/*.sql", "views/*.sql", "controls/*.sql"]
    },
    install_requires=[
        # 1.44.1: the first whose AgentCore model has every authorizer member read; it has the
        # harness, registry and payment manager operations too (from 1.42.94, 1.42.87 and
        # 1.43.6), and its 40 List operations are each read or explained in api_coverage.
        "boto3>=1.44.1,<2",
        "botocore>=1.44.1,<2",
        "psycopg[binary]>=3.1,<4",
    ],
    extras_require={
        # The demo estate: a moto server standing in for AWS.
        "demo": ["moto[server]>=5.2.1,<6"],
        # check --output ocsf: Prowler's models of the OCSF schema build and validate each
        # finding. 0.10 models OCSF 1.5.0; its minor versions follow the schema's, so the
        # next one may change a finding's shape.
        "ocsf": ["py-ocsf-models>=0.10,<0.11"],
        "test": [
            "pytest>=8",
            "moto[server]>=5.2.1,<6",
            "py-ocsf-models>=0.10,<0.11",
            "ruff>=0.6",
            "pyyaml>=6",
            "sqlalchemy>=2",
        ],
    },
    entry_points={"console_scripts": ["agentcore-fdw = agentcore_fdw.app.cli:main"]},
)
