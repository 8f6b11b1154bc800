"""Server options: PostgreSQL's strings in, one typed and validated Settings out.

Both engines read the options of `SERVER agentcore` and hand them to `parse_options`, so
an option means the same thing, and is rejected with the same message, whichever engine
runs the query.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlparse

ALL_REGIONS = "all"

# Options that belong to the engine rather than to us: Multicorn's own `wrapper` option,
# and `table`, which tells one Multicorn wrapper class which table to serve.
ENGINE_OPTIONS = frozenset({"wrapper", "table"})

OPTION_HELP = {
    "regions": "comma-separated AWS regions, or 'all' for every region the service is offered in "
    "(default: the region of the server's AWS credential chain)",
    "profile": "comma-separated named profiles of the server's AWS config, one credential set "
    "(account) each (default: the default credential chain)",
    "endpoint_url": "an http(s) URL that replaces every AWS endpoint (LocalStack, a moto server)",
    "max_concurrency": "how many AWS requests may run at once, 1 to 64 (default 16)",
    "max_attempts": "attempts per AWS request, with backoff on throttling, 1 to 20 (default 5)",
    "max_key_lookups": "how many items one query may read one by one (the keys its filter "
    "names, in each account and region read), 1 to 100000 (default 2000); past it the query "
    "fails and says how to narrow it",
    "connect_timeout": "seconds to wait for a connection to an AWS endpoint, 1 to 60 (default 5)",
    "read_timeout": "seconds to wait for an AWS answer, 1 to 300 (default 15); a request "
    "that times out is tried once more, then fails",
    "ignore_error_codes": "comma-separated AWS error codes (or HTTP statuses such as 429) that "
    "skip a region or a detail instead of failing the query, e.g. AccessDeniedException",
    "cache_ttl": "seconds rows read from AWS are served again, to every connection, 0 to 86400 "
    "(default 300; 0: every query reads AWS)",
    "detail_cache_ttl": "seconds an item's row is reused when a new listing shows it unchanged "
    "(same version and last update), 0 to 2592000 (default 86400)",
    "role_arn": "an IAM role to assume with the server's credentials: the one account read",
    "accounts": "comma-separated 12-digit account IDs, each read by assuming member_role_name",
    "organization": "'true': read every ACTIVE account of the AWS Organization the server's "
    "credentials (management or delegated administrator) belong to, by member_role_name",
    "member_role_name": "the role (name, or path/name) assumed in each account of accounts or "
    "organization",
    "organization_units": "comma-separated OU or root IDs (ou-..., r-...): with organization, "
    "read only the accounts under them",
    "skip_accounts": "comma-separated account IDs not to read (listed as skipped in "
    "agentcore.accounts)",
    "include_base_account": "'true': also read the account of the server's own credentials, "
    "with those credentials, when roles are assumed (default 'false')",
    "external_id": "the ExternalId the assumed roles' trust policies require",
    "role_session_name": "the RoleSessionName of assumed roles, 2 to 64 characters of "
    "[A-Za-z0-9+=,.@_-] (default agentcore-fdw)",
    "session_duration": "seconds an assumed role's credentials last, 1800 to 43200 (default "
    "3600); they are renewed 15 minutes before they expire",
}
# The options that reach accounts by assuming roles, and those that only mean something then.
ROLE_OPTIONS = ("role_arn", "accounts", "organization")
ROLE_DETAILS = ("member_role_name", "organization_units", "skip_accounts", "include_base_account",
                "external_id", "role_session_name", "session_duration")  # fmt: skip
ACCOUNT_ID = re.compile(r"[0-9]{12}", re.ASCII)
ROLE_ARN = re.compile(
    r"arn:aws(-cn|-us-gov|-iso|-iso-b)?:iam::([0-9]{12}):role/[\w+=,.@/-]{1,512}", re.ASCII
)
ROLE_NAME = re.compile(r"[\w+=,.@-]{1,64}(/[\w+=,.@-]{1,64})*", re.ASCII)
ORGANIZATION_UNIT = re.compile(r"ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32}", re.ASCII)
SESSION_NAME = re.compile(r"[\w+=,.@-]{2,64}", re.ASCII)
EXTERNAL_ID = re.compile(r"[\w+=,.@:/-]{2,1224}", re.ASCII)
DEFAULT_SESSION_NAME = "agentcore-fdw"
DEFAULT_SESSION_DURATION = 3600

# Longer than any sane value (every region of every partition, comma-separated, is shorter).
MAX_OPTION_LENGTH = 2000
# 16 made the cold audit of 1,500 runtimes at 50 ms latency 1.04x a plain 16-thread script's
# time, where 8 made it 2x (tests/benchmark_scale.py).
DEFAULT_MAX_CONCURRENCY = 16
DEFAULT_MAX_KEY_LOOKUPS = 2000
DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_CONNECT_TIMEOUT = 5
DEFAULT_READ_TIMEOUT = 15
DEFAULT_CACHE_TTL = 300
DEFAULT_DETAIL_CACHE_TTL = 86400
# An AWS error code is a word (AccessDeniedException, Throttling, InternalFailure); an answer
# with a status but no code (a proxy's bare 429) is known by its HTTP status.
ERROR_CODE = re.compile(r"[A-Za-z][A-Za-z0-9.]*|[45][0-9][0-9]")
# What a Python exception that is neither AWS's nor botocore's is reported as: never ignorable.
UNEXPECTED = "UnexpectedError"


VALID_OPTIONS = "valid options: " + ", ".join(sorted(OPTION_HELP))


def unknown_option(name: str) -> str:
    """The refusal of a misspelt option, naming the closest known key when one is close:
    "unknown option 'region' for server agentcore; did you mean 'regions'?". ALTER SERVER's
    (through parse_options) and the command line's --option alike."""
    message = f"unknown option {name!r} for server agentcore"
    close = difflib.get_close_matches(name, OPTION_HELP, n=1)
    return f"{message}; did you mean {close[0]!r}?" if close else message


class OptionError(ValueError):
    """A server option has a bad name or value. The message names both."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Settings:
    """What the server options ask for, validated."""

    regions: tuple[str, ...] | None = None  # None: the credential chain's region
    all_regions: bool = False
    profiles: tuple[str | None, ...] = (None,)  # None: the default credential chain
    endpoint_url: str | None = None
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY
    max_attempts: int = DEFAULT_MAX_ATTEMPTS
    max_key_lookups: int = DEFAULT_MAX_KEY_LOOKUPS
    connect_timeout: int = DEFAULT_CONNECT_TIMEOUT
    read_timeout: int = DEFAULT_READ_TIMEOUT
    ignore_error_codes: frozenset[str] = field(default_factory=frozenset)
    cache_ttl: int = DEFAULT_CACHE_TTL
    detail_cache_ttl: int = DEFAULT_DETAIL_CACHE_TTL
    # Accounts reached by assuming a role with the base credentials (profiles' only one).
    role_arn: str | None = None
    accounts: tuple[str, ...] = ()
    organization: bool = False
    member_role_name: str | None = None
    organization_units: tuple[str, ...] = ()
    skip_accounts: frozenset[str] = field(default_factory=frozenset)
    include_base_account: bool = False
    external_id: str | None = None
    role_session_name: str = DEFAULT_SESSION_NAME
    session_duration: int = DEFAULT_SESSION_DURATION

    @property
    def assumes_roles(self) -> bool:
        return bool(self.role_arn or self.accounts or self.organization)


def parse_options(options: Mapping[str, str], *, look_up_regions: bool = True) -> Settings:
    """Turn server options into Settings, or raise OptionError naming the option and value.

    Whether each region exists is looked up in botocore's endpoint data, whose import costs a
    new backend 0.1 s: look_up_regions=False leaves that to check_regions_exist(), which
    AwsContext calls before any request, so that a query served from the cache skips it."""
    unknown = sorted(set(options) - set(OPTION_HELP) - ENGINE_OPTIONS)
    if unknown:
        raise OptionError(unknown_option(unknown[0]), hint=VALID_OPTIONS)
    for name, value in options.items():
        if name not in ENGINE_OPTIONS and len(value) > MAX_OPTION_LENGTH:
            raise OptionError(
                f"option {name} is {len(value)} characters long; the most any option takes is "
                f"{MAX_OPTION_LENGTH}"
            )
    settings = {}
    if "regions" in options:
        regions = _parse_regions(options["regions"])
        if regions == (ALL_REGIONS,):
            settings["all_regions"] = True
        else:
            settings["regions"] = regions
    if "profile" in options:
        settings["profiles"] = _split_list("profile", options["profile"])
    if "endpoint_url" in options:
        settings["endpoint_url"] = _parse_endpoint_url(options["endpoint_url"])
    if "max_concurrency" in options:
        settings["max_concurrency"] = _parse_int(
            "max_concurrency", options["max_concurrency"], 1, 64
        )
    if "max_attempts" in options:
        settings["max_attempts"] = _parse_int("max_attempts", options["max_attempts"], 1, 20)
    for option, lowest, highest in (
        ("max_key_lookups", 1, 100000),
        ("connect_timeout", 1, 60),
        ("read_timeout", 1, 300),
        ("cache_ttl", 0, 86400),
        ("detail_cache_ttl", 0, 2592000),
    ):
        if option in options:
            settings[option] = _parse_int(option, options[option], lowest, highest)
    if "ignore_error_codes" in options:
        codes = _split_list("ignore_error_codes", options["ignore_error_codes"])
        for code in codes:
            if not is_error_code(code):
                raise OptionError(
                    f"invalid value {code!r} in option ignore_error_codes: an AWS error code "
                    "is a word such as AccessDeniedException, or an HTTP status from 400 to 599"
                )
        settings["ignore_error_codes"] = frozenset(codes)
    settings.update(_parse_roles(options, settings.get("profiles", (None,))))
    parsed = Settings(**settings)
    if look_up_regions:
        check_regions_exist(parsed)
    return parsed


def check_regions_exist(settings: Settings) -> None:
    known = known_regions()
    for region in settings.regions or ():
        if region not in known:
            raise OptionError(
                f"unknown region {region!r} in option regions",
                hint="a region is a name such as us-east-1; if it is a new AWS region, "
                "upgrade botocore on the PostgreSQL server",
            )


def _parse_roles(options: Mapping[str, str], profiles: tuple) -> dict:
    """The options that reach accounts by role assumption, checked together."""
    named = [name for name in ROLE_OPTIONS if name in options]
    if len(named) > 1:
        raise OptionError(f"options {named[0]} and {named[1]} cannot be combined: use one")
    details = [name for name in ROLE_DETAILS if name in options]
    if not named:
        if details:
            raise OptionError(
                f"option {details[0]} only applies when roles are assumed",
                hint="add role_arn, accounts or organization",
            )
        return {}
    if len(profiles) > 1:
        raise OptionError(
            f"option profile names {len(profiles)} profiles, and option {named[0]} assumes "
            "roles with one: name the one profile whose credentials assume the roles"
        )
    settings: dict = {}
    if "role_arn" in options:
        value = _matching(
            "role_arn", options["role_arn"].strip(), ROLE_ARN,
            "an IAM role ARN such as arn:aws:iam::123456789012:role/agentcore-audit",
        )  # fmt: skip
        if "member_role_name" in options or "organization_units" in options:
            other = "member_role_name" if "member_role_name" in options else "organization_units"
            raise OptionError(f"option {other} does not apply with role_arn (one role, named)")
        settings["role_arn"] = value
    else:
        if "member_role_name" not in options:
            raise OptionError(
                f"option {named[0]} needs member_role_name: the role assumed in each account",
                hint="for example member_role_name 'agentcore-audit'",
            )
        settings["member_role_name"] = _matching(
            "member_role_name", options["member_role_name"].strip().strip("/"), ROLE_NAME,
            "a role name, or path/name, of [A-Za-z0-9+=,.@_-]",
        )  # fmt: skip
    if "accounts" in options:
        settings["accounts"] = tuple(dict.fromkeys(_account_ids("accounts", options["accounts"])))
        if "organization_units" in options:
            raise OptionError("option organization_units only applies with organization 'true'")
    if "organization" in options:
        settings["organization"] = _parse_bool("organization", options["organization"])
        if not settings["organization"]:
            raise OptionError(
                "option organization 'false' reads nothing: drop the option, or set it to 'true'"
            )
    if "organization_units" in options:
        units = _split_list("organization_units", options["organization_units"])
        for unit in units:
            if not ORGANIZATION_UNIT.fullmatch(unit):
                raise OptionError(
                    f"invalid value {unit!r} in option organization_units: expected an "
                    "organizational unit ID (ou-...) or a root ID (r-...)"
                )
        settings["organization_units"] = tuple(dict.fromkeys(units))
    if "skip_accounts" in options:
        settings["skip_accounts"] = frozenset(
            _account_ids("skip_accounts", options["skip_accounts"])
        )
    if "include_base_account" in options:
        settings["include_base_account"] = _parse_bool(
            "include_base_account", options["include_base_account"]
        )
    if "external_id" in options:
        if not EXTERNAL_ID.fullmatch(options["external_id"]):
            raise OptionError(  # the value is not repeated: it is shared with the role's owner
                "invalid value for option external_id: expected 2 to 1224 characters of "
                "[A-Za-z0-9+=,.@:/_-]"
            )
        settings["external_id"] = options["external_id"]
    if "role_session_name" in options:
        settings["role_session_name"] = _matching(
            "role_session_name", options["role_session_name"].strip(), SESSION_NAME,
            "2 to 64 characters of [A-Za-z0-9+=,.@_-]",
        )  # fmt: skip
    if "session_duration" in options:
        # Credentials are renewed 15 minutes before they expire: a shorter session would be
        # renewed at nearly every request.
        settings["session_duration"] = _parse_int(
            "session_duration", options["session_duration"], 1800, 43200
        )
    return settings


def _matching(option: str, value: str, pattern: re.Pattern, expected: str) -> str:
    if not pattern.fullmatch(value):
        raise OptionError(f"invalid value {value!r} for option {option}: expected {expected}")
    return value


def _account_ids(option: str, value: str) -> tuple[str, ...]:
    ids = _split_list(option, value)
    for account in ids:
        if not ACCOUNT_ID.fullmatch(account):
            raise OptionError(
                f"invalid account ID {account!r} in option {option}: expected 12 digits"
            )
    return ids


def _parse_bool(option: str, value: str) -> bool:
    text = value.strip().lower()
    if text not in ("true", "false"):
        raise OptionError(
            f"invalid value {value!r} for option {option}: expected 'true' or 'false'"
        )
    return text == "true"


def is_error_code(text: str) -> bool:
    """Whether ignore_error_codes can name `text`."""
    return text != UNEXPECTED and ERROR_CODE.fullmatch(text) is not None


def _split_list(option: str, value: str) -> tuple[str, ...]:
    items = tuple(item.strip() for item in value.split(","))
    if not value.strip() or any(not item for item in items):
        raise OptionError(
            f"invalid value {value!r} for option {option}: expected a comma-separated list "
            "with no empty items"
        )
    return items


def _parse_regions(value: str) -> tuple[str, ...]:
    regions = _split_list("regions", value)
    if ALL_REGIONS in regions:
        if len(regions) > 1:
            raise OptionError(
                f"invalid value {value!r} for option regions: 'all' cannot be combined "
                "with named regions"
            )
        return regions
    return tuple(dict.fromkeys(regions))


def _parse_endpoint_url(value: str) -> str:
    """An http(s) URL with a host and nothing that could carry a credential or a header: the
    value is never repeated in a message (an option may be read by whoever sees an error)."""
    problem = None
    if any(char in value for char in "\r\n\t ") or not value.isprintable():
        problem = "it holds white space or control characters"
    else:
        parsed = urlparse(value)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            problem = "expected an http:// or https:// URL with a host"
        elif parsed.username is not None or parsed.password is not None:
            problem = "it names a user or password; credentials come from the AWS credential chain"
    if problem:
        raise OptionError(f"invalid value for option endpoint_url: {problem}")
    return value


def _parse_int(option: str, value: str, low: int, high: int) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise OptionError(
            f"invalid value {value!r} for option {option}: expected a whole number "
            f"from {low} to {high}"
        )
    return number


@lru_cache(maxsize=1)
def known_regions() -> frozenset[str]:
    """Every region of every partition that botocore's endpoint data names."""
    from botocore.loaders import create_loader

    endpoints = create_loader().load_data("endpoints")
    return frozenset(
        region for partition in endpoints["partitions"] for region in partition["regions"]
    )
