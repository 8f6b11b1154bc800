"""Everything about talking to AWS that is not about one table.

Credential sets and their account IDs, the regions a service is read in, clients with
retries, the bounded thread pool, and the classes of error (not found, not offered in
this region, ignored by the user, a real failure). Nothing here knows PostgreSQL.
"""

from __future__ import annotations

import contextlib
import functools
import json
import socket
import sys
import threading
import time
import traceback
import weakref
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable

from .. import __version__
from .answers import MALFORMED, MalformedResponse, check_identity, items_of
from .options import UNEXPECTED, OptionError, Settings, check_regions_exist
from .results import AwsError

# botocore's endpoint data does not list AgentCore's regions (the service resolves its
# endpoints by rules), so the regions where AgentCore Runtime is offered are kept here,
# from https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/agentcore-regions.html
# (read 2026-11). A region named explicitly in the `regions` option is always called,
# listed here or not; this list only decides what `regions 'all'` means and whether a
# region that cannot be reached at all is "not offered" or a failure.
AGENTCORE_RUNTIME_REGIONS = frozenset(
    {
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2",
        "ca-central-1",
        "sa-east-1",
        "eu-central-1",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "eu-south-1",
        "eu-south-2",
        "eu-north-1",
        "ap-south-1",
        "ap-south-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-5",
        "ap-southeast-7",
        "ap-northeast-1",
        "ap-northeast-2",
        "us-gov-west-1",
    }
)

CREDENTIALS_HINT = (
    "AWS credentials are those of the PostgreSQL server process: its environment "
    "(AWS_ACCESS_KEY_ID, AWS_PROFILE, ...), the ~/.aws of the user it runs as, or an "
    "instance role; the server option profile names a profile there"
)
NOT_FOUND_CODES = frozenset({"ResourceNotFoundException", "NotFoundException"})
CONTEXT_MAX_AGE_SECONDS = 600
# A request whose answer timed out is tried this often at most, whatever max_attempts says:
# an endpoint that accepted the connection and went silent twice is not going to answer.
TIMED_OUT_ATTEMPTS = 2
JSON_PROTOCOLS = frozenset({"json", "rest-json"})
# The calls made here rather than by a table (fdw/tables declare theirs): each credential
# set's account, the roles that reach accounts, and the enabled regions for regions 'all'.
# `agentcore-fdw iam-policy` is made of these, the tables' and core/accounts.py's.
CALLS = (("sts", "GetCallerIdentity"), ("sts", "AssumeRole"), ("ec2", "DescribeRegions"))


def error_code(exc: BaseException) -> str:
    """The AWS error code of a failure: AWS's own, the HTTP status of an answer that named
    none (a proxy's bare 429), MalformedResponse, botocore's class name (ReadTimeoutError),
    or UnexpectedError for any other Python exception."""
    from botocore.exceptions import BotoCoreError
    from botocore.parsers import ResponseParserError

    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        if code:
            return str(code)
        status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if status:
            return str(status)
    if isinstance(exc, (ResponseParserError, UnicodeDecodeError)) or _raised_parsing(exc):
        return MALFORMED
    if isinstance(exc, BotoCoreError):
        return type(exc).__name__
    return UNEXPECTED


def _raised_parsing(exc: BaseException) -> bool:
    """Whether botocore raised `exc` while parsing an answer (a timestamp that is no date,
    an object where a list belongs): the answer is malformed."""
    return any(
        frame.f_code.co_filename.endswith("botocore/parsers.py")
        for frame, _ in traceback.walk_tb(exc.__traceback__)
    )


def answered(exc: BaseException) -> bool:
    """Whether AWS, or something in its place, answered: with an error, or malformed."""
    return hasattr(exc, "response") or error_code(exc) == MALFORMED


def error_message(exc: BaseException, settings: Settings | None = None) -> str:
    from botocore.exceptions import ConnectTimeoutError, ReadTimeoutError

    settings = settings or Settings()
    if isinstance(exc, ReadTimeoutError):
        attempts = min(TIMED_OUT_ATTEMPTS, settings.max_attempts)
        return (
            f"no answer within read_timeout = {settings.read_timeout} s, "
            f"{attempts} attempt{'s' if attempts > 1 else ''}"
        )
    if isinstance(exc, ConnectTimeoutError):
        return (
            f"no connection within connect_timeout = {settings.connect_timeout} s, "
            f"{settings.max_attempts} attempt{'s' if settings.max_attempts > 1 else ''}"
        )
    if _raised_parsing(exc):  # its text quotes the value it could not parse
        return f"botocore could not parse the answer ({type(exc).__name__})"
    if error_code(exc) == UNEXPECTED:
        return f"{type(exc).__name__} {where_raised(exc)}"
    message = str(exc) or type(exc).__name__
    response = getattr(exc, "response", None)
    if isinstance(response, dict) and response.get("Error", {}).get("Message"):
        message = str(response["Error"]["Message"])
    if settings.external_id:  # AWS may quote the value it refused
        message = message.replace(settings.external_id, "<external_id>")
    return message


def where_raised(exc: BaseException) -> str:
    """`at module.py:123`: where in agentcore-fdw an unexpected exception was raised. Its
    text is left out, since it may quote a value from the answer."""
    ours = [
        (frame.f_code.co_filename, line)
        for frame, line in traceback.walk_tb(exc.__traceback__)
        if "agentcore_fdw" in frame.f_code.co_filename or "/fdw/" in frame.f_code.co_filename
    ]
    if not ours:
        return "outside agentcore-fdw"
    filename, line = ours[-1]
    return f"at {filename.rsplit('/', 1)[-1]}:{line}"


def is_not_found(exc: BaseException) -> bool:
    return error_code(exc) in NOT_FOUND_CODES


def offered_regions(service: str, partition: str = "aws") -> frozenset[str]:
    """The regions where `service` is offered, as far as this installation knows."""
    if service == "bedrock-agentcore-control":
        return AGENTCORE_RUNTIME_REGIONS
    import boto3

    return frozenset(boto3.session.Session().get_available_regions(service, partition))


def is_not_offered(exc: BaseException, service: str, region: str, settings: Settings) -> bool:
    """True when a region cannot be reached because the service does not exist there.

    Only a region we do not know the service in qualifies, and never behind an endpoint_url
    (that endpoint is the user's): an endpoint that cannot be reached where the service is
    offered is a failure, never an empty region. The scan reports each such region.
    """
    from botocore.exceptions import EndpointConnectionError, UnknownEndpointError

    if settings.endpoint_url or region in offered_regions(service):
        return False
    return isinstance(exc, (EndpointConnectionError, UnknownEndpointError))


class CredentialSet:
    """One AWS credential chain (a named profile or the default) and its account."""

    reached_by = "profile"
    role_arn: str | None = None

    def __init__(self, profile: str | None, settings: Settings):
        import boto3
        from botocore.exceptions import ProfileNotFound

        self.profile = profile
        self._settings = settings
        try:
            self.session = boto3.session.Session(profile_name=profile)
        except ProfileNotFound as exc:
            where = (
                f"profile {profile!r} in option profile"
                if profile
                else f"profile {exc.kwargs.get('profile')!r} named by AWS_PROFILE in the "
                "server's environment"
            )
            raise OptionError(
                f"{where} is not in the AWS config of the PostgreSQL server",
                hint="profiles are read from the server process's ~/.aws/config and "
                "~/.aws/credentials, or AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE",
            ) from exc
        if profile is None:
            self.reached_by = "default credentials"

    @property
    def key(self) -> str | None:
        """What tells this credential set from the others of one context."""
        return self.profile

    @property
    def label(self) -> str:
        return f"profile {self.profile}" if self.profile else "the default credentials"

    @property
    def known_account(self) -> str | None:
        """The account these credentials reach, when known without asking AWS."""
        return None

    def default_region(self) -> str:
        region = self.session.region_name
        if not region:
            raise OptionError(
                f"option regions is not set and {self.label} of the PostgreSQL server "
                "name no region",
                hint="ALTER SERVER agentcore OPTIONS (ADD regions 'us-east-1'), or set "
                "AWS_REGION in the server's environment",
            )
        return region

    def ready(self) -> None:
        """Make sure the credentials can sign a request: nothing to do for a chain."""


class AssumedRole(CredentialSet):
    """The credentials of a role, assumed with `base`'s when first used and renewed by
    botocore 15 minutes before they expire."""

    def __init__(self, base: CredentialSet, role_arn: str, reached_by: str, sts: Callable):
        import boto3
        import botocore.session
        from botocore.credentials import (
            AssumeRoleCredentialFetcher,
            CredentialProvider,
            CredentialResolver,
            DeferredRefreshableCredentials,
        )

        settings = base._settings
        self.profile = base.profile
        self._settings = settings
        self.base = base
        self.role_arn = role_arn
        self.reached_by = reached_by
        arguments = {
            "RoleSessionName": settings.role_session_name,
            "DurationSeconds": settings.session_duration,
        }
        if settings.external_id:
            arguments["ExternalId"] = settings.external_id
        fetcher = AssumeRoleCredentialFetcher(
            client_creator=sts,
            source_credentials=base.session.get_credentials(),
            role_arn=role_arn,
            extra_args=arguments,
        )
        self.credentials = DeferredRefreshableCredentials(
            refresh_using=fetcher.fetch_credentials, method="assume-role"
        )

        class Assumed(CredentialProvider):
            METHOD = "assume-role"

            def load(inner):  # noqa: N805 - the provider hands out the one object
                return self.credentials

        session = botocore.session.Session()
        # Service models are read once, whichever account's client needs them.
        session.register_component(
            "data_loader", base.session._session.get_component("data_loader")
        )
        session.register_component("credential_provider", CredentialResolver([Assumed()]))
        self.session = boto3.session.Session(
            botocore_session=session, region_name=base.session.region_name
        )

    @property
    def key(self) -> str:
        return self.role_arn

    @property
    def label(self) -> str:
        return f"role {self.role_arn}"

    @property
    def known_account(self) -> str:
        return self.role_arn.split(":")[4]

    def default_region(self) -> str:
        return self.base.default_region()

    def ready(self) -> None:
        """Assume the role now (once; again only when its credentials near their end)."""
        self.credentials.get_frozen_credentials()


class AwsContext:
    """Clients and accounts for one Settings, reused across scans for a while."""

    def __init__(self, settings: Settings, client_factory: Callable[..., Any] | None = None):
        check_regions_exist(settings)
        self.settings = settings
        self.created = time.monotonic()
        self.credential_sets = [CredentialSet(profile, settings) for profile in settings.profiles]
        self._client_factory = client_factory or self._make_client
        self._clients: dict[tuple[str | None, str, str], Any] = {}
        self._accounts: dict[str | None, str] = {}
        self.reach: list | None = None  # the accounts the settings name (accounts.py)
        self._enabled: dict[str | None, frozenset[str]] = {}
        self._lock = threading.Lock()

    @property
    def expired(self) -> bool:
        return time.monotonic() - self.created > CONTEXT_MAX_AGE_SECONDS

    def _client_config(self) -> Any:
        from botocore.config import Config

        return Config(
            # botocore's own max_attempts counts retries; total_max_attempts counts attempts.
            # Adaptive: after a throttling answer, a client (one account, region and service)
            # also slows its own sending rate instead of only backing off each retry.
            retries={"mode": "adaptive", "total_max_attempts": self.settings.max_attempts},
            connect_timeout=self.settings.connect_timeout,
            read_timeout=self.settings.read_timeout,
            max_pool_connections=self.settings.max_concurrency,
            user_agent_extra=f"agentcore-fdw/{__version__}",
        )

    def _make_client(
        self, credentials: CredentialSet, service: str, region: str, **keys: Any
    ) -> Any:
        client = credentials.session.client(
            service,
            region_name=region,
            endpoint_url=self.settings.endpoint_url,
            config=self._client_config(),
            **keys,
        )
        return _with_guards(client)

    def sts_client_maker(self, base: CredentialSet) -> Callable[..., Any]:
        """What botocore's role fetcher calls for an STS client with `base`'s credentials."""
        region = self.home_region(base)

        def make(service: str, **keys: Any) -> Any:
            with self._lock:  # boto3 sessions are not thread-safe; roles are assumed in threads
                return self._make_client(base, service, region, **keys)

        return make

    def client(self, credentials: CredentialSet, service: str, region: str) -> Any:
        # boto3 sessions are not thread-safe; clients are. Create under a lock, share after.
        key = (credentials.key, service, region)
        with self._lock:
            if key not in self._clients:
                self._clients[key] = self._client_factory(credentials, service, region)
            return self._clients[key]

    def account_id(self, credentials: CredentialSet) -> str:
        """The account behind a credential set, from STS GetCallerIdentity, asked once."""
        if credentials.known_account:
            return credentials.known_account
        if credentials.key not in self._accounts:
            region = self.home_region(credentials)
            sts = self.client(credentials, "sts", region)
            try:
                account = sts.get_caller_identity().get("Account")
                if not (isinstance(account, str) and account.isdigit() and len(account) == 12):
                    raise MalformedResponse("the answer has no 12-digit Account")
            except Exception as exc:  # botocore raises many classes; all mean "no account"
                raise AwsError(
                    f"unknown ({credentials.label})",
                    region,
                    "GetCallerIdentity",
                    error_code(exc),
                    error_message(exc, self.settings),
                    hint=CREDENTIALS_HINT,
                ) from exc
            self._accounts[credentials.key] = account
        return self._accounts[credentials.key]

    def home_region(self, credentials: CredentialSet) -> str:
        if self.settings.regions:
            return self.settings.regions[0]
        return credentials.session.region_name or "us-east-1"

    def regions(self, credentials: CredentialSet, service: str) -> list[str]:
        """The regions to read `service` in with these credentials."""
        if self.settings.regions:
            return list(self.settings.regions)
        if not self.settings.all_regions:
            return [credentials.default_region()]
        return sorted(offered_regions(service) & self._enabled_regions(credentials))

    def _enabled_regions(self, credentials: CredentialSet) -> frozenset[str]:
        """The account's enabled regions, asked once per credential set, as its account is."""
        with self._lock:
            known = self._enabled.get(credentials.key)
        if known is None:
            known = self._describe_regions(credentials)
            with self._lock:
                self._enabled[credentials.key] = known
        return known

    def _describe_regions(self, credentials: CredentialSet) -> frozenset[str]:
        region = self.home_region(credentials)
        ec2 = self.client(credentials, "ec2", region)
        try:
            regions = items_of(ec2.describe_regions(AllRegions=False), "Regions")
            for item in regions:
                check_identity(item, ("RegionName",), "a region")
        except Exception as exc:
            raise AwsError(
                self.account_id(credentials),
                region,
                "DescribeRegions",
                error_code(exc),
                error_message(exc, self.settings),
                hint="regions 'all' asks EC2 DescribeRegions for the account's enabled "
                "regions: allow ec2:DescribeRegions, or name the regions",
            ) from exc
        return frozenset(item["RegionName"] for item in regions)

    def executor(self, in_flight: InFlight) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(
            max_workers=self.settings.max_concurrency,
            thread_name_prefix="agentcore-fdw",
            initializer=in_flight.enlist,
        )


# The requests of a scan that has ended (cancelled, or failed elsewhere) are abandoned. Inside
# PostgreSQL this cannot wait for them: the server's Python runs only while a query runs Python
# (PL/Python never lets go of the interpreter lock), so a thread left blocked on a socket stays
# alive, frozen, until some later query. Abandoning therefore shuts down the sockets the scan's
# threads opened, so that each blocked call returns at once and sends nothing more, and joins
# those threads, for a bounded time, before the scan returns.

ABANDON_WAIT_SECONDS = 2.0
_current = threading.local()
_sockets_lock = threading.Lock()
_pool_sockets: weakref.WeakSet = weakref.WeakSet()  # sockets opened by a scan's threads


class ScanAbandoned(Exception):
    """The scan this request was made for has ended."""


class InFlight:
    """One scan's pool threads and the switch that abandons what they are doing."""

    def __init__(self) -> None:
        self.abandoned = False
        self.threads: set[threading.Thread] = set()
        self.throttled: Counter[str] = Counter()  # answers AWS throttled, by operation

    def enlist(self) -> None:
        """The initializer of each pool thread: it works for this scan alone."""
        _current.scan = self
        self.threads.add(threading.current_thread())

    def abandon(self) -> None:
        self.abandoned = True
        with _sockets_lock:
            sockets = list(_pool_sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):  # closed already, or never connected
                sock.shutdown(socket.SHUT_RDWR)

    def join(self, seconds: float = ABANDON_WAIT_SECONDS) -> None:
        deadline = time.monotonic() + seconds
        for thread in list(self.threads):
            thread.join(max(0.0, deadline - time.monotonic()))


def _with_guards(client: Any) -> Any:
    events = client.meta.events
    events.register_first("before-send", _stop_if_abandoned)
    events.register_first("needs-retry", _retry_guard)
    events.register("after-call", _require_json)
    return client


def _track_sockets(event: str, args: tuple) -> None:
    if event == "socket.connect" and getattr(_current, "scan", None) is not None:
        with _sockets_lock:
            _pool_sockets.add(args[0])


sys.addaudithook(_track_sockets)


def _stop_if_abandoned(**_: Any) -> None:
    scan = getattr(_current, "scan", None)
    if scan is not None and scan.abandoned:
        raise ScanAbandoned()


def _retry_guard(
    attempts: int, caught_exception: BaseException | None = None, **event: Any
) -> None:
    from botocore.exceptions import ReadTimeoutError

    _stop_if_abandoned()
    if isinstance(caught_exception, ReadTimeoutError) and attempts >= TIMED_OUT_ATTEMPTS:
        raise caught_exception
    scan = getattr(_current, "scan", None)
    throttled = (
        scan is not None
        and event.get("response") is not None
        and _throttling().is_throttling_error(
            attempts=attempts, caught_exception=caught_exception, **event
        )
    )
    if throttled:
        scan.throttled[event["operation"].name] += 1


@functools.cache
def _throttling() -> Any:
    from botocore.retries.standard import RetryEventAdapter, ThrottlingErrorDetector

    return ThrottlingErrorDetector(RetryEventAdapter())


def _require_json(http_response: Any, model: Any, **_: Any) -> None:
    """A 2xx answer of a JSON API must be JSON: botocore reads an HTML page as {}."""
    if model.service_model.protocol not in JSON_PROTOCOLS or http_response is None:
        return
    if getattr(http_response, "raw", None) is None or not 200 <= http_response.status_code < 300:
        return
    body = http_response.content
    if not body:
        return
    try:
        json.loads(body)
    except ValueError:
        kind = http_response.headers.get("Content-Type") or "no Content-Type"
        raise MalformedResponse(
            f"the answer is not JSON ({kind}, {len(body)} bytes)", model.name
        ) from None


@dataclass(frozen=True)
class Scope:
    """One credential set in one region: where a list call runs."""

    credentials: CredentialSet
    account_id: str
    region: str
    client: Any


@functools.cache
def iam_prefix(service: str) -> str:
    """The IAM prefix of a botocore service (its signing name): bedrock-agentcore for
    bedrock-agentcore-control, cognito-idp, sts."""
    import botocore.session

    return botocore.session.get_session().get_service_model(service).signing_name
