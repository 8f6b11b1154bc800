"""Server options: parsed in one place, rejected with messages that name what is wrong."""

from __future__ import annotations

import pytest

from agentcore_fdw.core.aws import AGENTCORE_RUNTIME_REGIONS
from agentcore_fdw.core.options import OptionError, Settings, parse_options

ROLE = "arn:aws:iam::111111111111:role/agentcore-audit"


def test_defaults():
    assert parse_options({}) == Settings()


def test_every_option_parsed():
    settings = parse_options(
        {
            "regions": "us-east-1, eu-west-1",
            "profile": "prod,audit",
            "endpoint_url": "http://127.0.0.1:5000",
            "max_concurrency": "4",
            "max_attempts": "9",
            "max_key_lookups": "300",
            "connect_timeout": "3",
            "read_timeout": "40",
            "ignore_error_codes": "AccessDeniedException,UnrecognizedClientException,429",
            "wrapper": "agentcore_fdw.engines.foreign_tables.AgentCoreForeignDataWrapper",
        }
    )
    assert settings == Settings(
        regions=("us-east-1", "eu-west-1"),
        profiles=("prod", "audit"),
        endpoint_url="http://127.0.0.1:5000",
        max_concurrency=4,
        max_attempts=9,
        max_key_lookups=300,
        connect_timeout=3,
        read_timeout=40,
        ignore_error_codes=frozenset(
            {"AccessDeniedException", "UnrecognizedClientException", "429"}
        ),
    )
    assert parse_options({"regions": "all"}).all_regions


def test_role_options_parsed():
    settings = parse_options(
        {
            "profile": "security",
            "organization": "TRUE",
            "member_role_name": "/audit/agentcore-reader/",
            "organization_units": "ou-ab12-cdefgh34,r-ab12",
            "skip_accounts": "999999999999",
            "include_base_account": "true",
            "external_id": "agentcore:fdw-2026",
            "role_session_name": "audit@security",
            "session_duration": "7200",
        }
    )
    assert settings == Settings(
        profiles=("security",),
        organization=True,
        member_role_name="audit/agentcore-reader",
        organization_units=("ou-ab12-cdefgh34", "r-ab12"),
        skip_accounts=frozenset({"999999999999"}),
        include_base_account=True,
        external_id="agentcore:fdw-2026",
        role_session_name="audit@security",
        session_duration=7200,
    )
    assert parse_options({"role_arn": ROLE}).assumes_roles
    assert not parse_options({"profile": "a,b"}).assumes_roles


@pytest.mark.parametrize(
    "options, named",
    [
        ({"regions": "us-east-1,mars-north-7"}, "mars-north-7"),
        ({"regions": "us-east-1,,eu-west-1"}, "regions"),
        ({"regions": "all,us-east-1"}, "'all' cannot be combined"),
        ({"region": "us-east-1"}, "unknown option 'region'"),
        ({"max_concurrency": "0"}, "max_concurrency"),
        ({"max_concurrency": "lots"}, "'lots'"),
        ({"max_attempts": "21"}, "max_attempts"),
        ({"max_key_lookups": "0"}, "max_key_lookups"),
        ({"endpoint_url": "localhost:5000"}, "endpoint_url"),
        ({"endpoint_url": "http://user:secret@127.0.0.1:5000"}, "names a user or password"),
        ({"endpoint_url": "http://127.0.0.1:5000/\r\nX-Header: 1"}, "white space or control"),
        ({"endpoint_url": "http://127.0.0.1:5000/a b"}, "white space"),
        ({"regions": "us-east-1," * 1000}, "option regions is 10000 characters long"),
        ({"ignore_error_codes": "Access Denied"}, "ignore_error_codes"),
        ({"ignore_error_codes": "42"}, "'42' in option ignore_error_codes"),
        (
            {"ignore_error_codes": "UnexpectedError"},
            "'UnexpectedError' in option ignore_error_codes",
        ),
        ({"connect_timeout": "0"}, "connect_timeout: expected a whole number from 1 to 60"),
        ({"read_timeout": "forever"}, "'forever' for option read_timeout"),
        ({"read_timeout": "301"}, "read_timeout"),
        ({"profile": ""}, "profile"),
        ({"accounts": "111111111111"}, "option accounts needs member_role_name"),
        ({"accounts": "1111,222222222222", "member_role_name": "r"}, "invalid account ID '1111'"),
        ({"role_arn": "arn:aws:iam::1:role/x"}, "invalid value 'arn:aws:iam::1:role/x' for"),
        ({"role_arn": ROLE, "accounts": "111111111111"}, "role_arn and accounts cannot be"),
        ({"role_arn": ROLE, "member_role_name": "r"}, "member_role_name does not apply"),
        ({"member_role_name": "audit"}, "option member_role_name only applies when roles"),
        ({"organization": "yes", "member_role_name": "r"}, "expected 'true' or 'false'"),
        ({"organization": "false", "member_role_name": "r"}, "organization 'false' reads"),
        ({"organization": "true", "member_role_name": "a b"}, "member_role_name: expected"),
        (
            {"accounts": "111111111111", "member_role_name": "r", "organization_units": "r-ab12"},
            "organization_units only applies with organization",
        ),
        (
            {"organization": "true", "member_role_name": "r", "organization_units": "ou-1"},
            "'ou-1' in option organization_units",
        ),
        ({"role_arn": ROLE, "profile": "a,b"}, "names 2 profiles, and option role_arn"),
        ({"role_arn": ROLE, "session_duration": "900"}, "from 1800 to 43200"),
        ({"role_arn": ROLE, "role_session_name": "x"}, "role_session_name"),
        ({"role_arn": ROLE, "external_id": "secret id"}, "invalid value for option external_id"),
        ({"role_arn": ROLE, "skip_accounts": "12"}, "invalid account ID '12' in option skip"),
    ],
)
def test_bad_options_are_named(options, named):
    with pytest.raises(OptionError, match=named.replace("(", r"\(")) as raised:
        parse_options(options)
    assert "secret" not in str(raised.value)  # a credential in a URL is never repeated


@pytest.mark.parametrize(
    "name, refusal",
    [
        ("region", "unknown option 'region' for server agentcore; did you mean 'regions'?"),
        ("max_concurency", "unknown option 'max_concurency' for server agentcore; did you mean "
         "'max_concurrency'?"),
        ("colour", "unknown option 'colour' for server agentcore"),  # nothing close
    ],
)  # fmt: skip
def test_a_misspelt_option_is_refused_with_the_closest_known_one(name, refusal):
    with pytest.raises(OptionError) as raised:
        parse_options({name: "x"})
    assert str(raised.value) == refusal
    assert raised.value.hint.startswith("valid options: accounts, cache_ttl, ")


def option_error(sql, clause: str):
    """The error a bad ALTER SERVER option gives, at ALTER SERVER on both engines: the
    plpython engine's validator, or the multicorn engine's event trigger."""
    return sql.error(f"ALTER SERVER agentcore OPTIONS ({clause})")


def test_a_bad_region_is_named(sql):
    error = option_error(sql, "SET regions 'us-east-1,mars-north-7'")
    assert (
        error.diag.message_primary == "agentcore: unknown region 'mars-north-7' in option regions"
    )
    assert "us-east-1" in error.diag.message_hint
    assert error.diag.sqlstate == "HV00D"


@pytest.mark.parametrize(
    "clause, named",
    [
        ("ADD max_concurrency '100'", "max_concurrency"),
        ("ADD colour 'blue'", "unknown option 'colour'"),
        (
            "ADD cache_tll '0'",
            "unknown option 'cache_tll' for server agentcore; did you mean 'cache_ttl'?",
        ),
        ("SET endpoint_url 'ftp://x'", "endpoint_url"),
    ],
)
def test_bad_options_are_refused(sql, clause, named):
    assert named in option_error(sql, clause).diag.message_primary


def test_options_on_other_objects_are_refused_by_the_plpython_validator(sql):
    if sql.engine != "plpython":
        return  # Multicorn2 merges user mapping options into the server's
    error = sql.error("CREATE USER MAPPING FOR CURRENT_USER SERVER agentcore OPTIONS (profile 'x')")
    assert "on its server only" in error.diag.message_primary


def test_an_unknown_profile_fails_at_the_first_query(sql):
    sql.set_options(profile="nobody")
    error = sql.error("SELECT * FROM agentcore.agent_runtimes")
    assert error.diag.message_primary == (
        "agentcore: profile 'nobody' in option profile is not in the AWS config of the "
        "PostgreSQL server"
    )


def test_all_regions_reads_every_enabled_region_agentcore_is_offered_in(sql, aws):
    sql.set_options(regions="all", profile="default")
    mark = aws.mark()
    names = {
        name for (name,) in sql.rows("SELECT agent_runtime_name FROM agentcore.agent_runtimes")
    }
    assert "sydney_agent" in names and "open_agent" in names
    called = {r.region for r in aws.since(mark) if r.operation == "ListAgentRuntimes"}
    assert called == AGENTCORE_RUNTIME_REGIONS  # moto enables every region it knows
    assert "af-south-1" not in called  # enabled, but AgentCore is not offered there
    assert aws.count(mark, "DescribeRegions") == 1


def test_without_regions_the_credential_chains_region_is_used(sql, aws):
    sql.set_options(regions=None, profile="default")
    mark = aws.mark()
    sql.rows("SELECT * FROM agentcore.agent_runtimes")
    assert {r.region for r in aws.since(mark) if r.operation == "ListAgentRuntimes"} == {
        "us-east-1"
    }
