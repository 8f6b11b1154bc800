"""Everything about talking to AWS that is not about one table.

Credential sets and their account IDs, the regions a service is read in, clients with
retries, the bounded thread pool, and the classes of error (not found, not offered in
this region, ignored by the user, a real failure). Nothing here knows PostgreSQL.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Callable

from . import __version__
from .options import OptionError, Settings

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


class AwsError(Exception):
    """A failure to read AWS, named by account, region, operation and error code."""

    def __init__(
        self,
        account_id: str,
        region: str,
        operation: str,
        code: str,
        message: str,
        hint: str | None = None,
    ):
        self._hint = hint
        self.account_id = account_id
        self.region = region
        self.operation = operation
        self.code = code
        self.aws_message = message
        super().__init__(
            f"{operation} failed in account {account_id}, region {region}: {code}: {message}"
        )

    @property
    def hint(self) -> str:
        if self._hint:
            return self._hint
        return (
            f"to skip what fails with {self.code} instead of failing the query, add it to "
            "the server option ignore_error_codes"
        )


def error_code(exc: BaseException) -> str:
    """The AWS error code of a botocore exception, or the exception's class name."""
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        code = response.get("Error", {}).get("Code")
        if code:
            return str(code)
    return type(exc).__name__


def error_message(exc: BaseException) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        message = response.get("Error", {}).get("Message")
        if message:
            return str(message)
    return str(exc) or type(exc).__name__


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
        self._account_id: str | None = None

    @property
    def label(self) -> str:
        return f"profile {self.profile}" if self.profile else "the default credentials"

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


class AwsContext:
    """Clients and accounts for one Settings, reused across scans for a while."""

    def __init__(self, settings: Settings, client_factory: Callable[..., Any] | None = None):
        self.settings = settings
        self.created = time.monotonic()
        self.credential_sets = [CredentialSet(profile, settings) for profile in settings.profiles]
        self._client_factory = client_factory or self._make_client
        self._clients: dict[tuple[str | None, str, str], Any] = {}
        self._accounts: dict[str | None, str] = {}
        self._enabled: dict[str | None, frozenset[str]] = {}
        self._lock = threading.Lock()

    @property
    def expired(self) -> bool:
        return time.monotonic() - self.created > CONTEXT_MAX_AGE_SECONDS

    def _make_client(self, credentials: CredentialSet, service: str, region: str) -> Any:
        from botocore.config import Config

        config = Config(
            retries={"mode": "standard", "max_attempts": self.settings.max_attempts},
            connect_timeout=10,
            read_timeout=60,
            max_pool_connections=self.settings.max_concurrency,
            user_agent_extra=f"agentcore-fdw/{__version__}",
        )
        return credentials.session.client(
            service, region_name=region, endpoint_url=self.settings.endpoint_url, config=config
        )

    def client(self, credentials: CredentialSet, service: str, region: str) -> Any:
        # boto3 sessions are not thread-safe; clients are. Create under a lock, share after.
        key = (credentials.profile, service, region)
        with self._lock:
            if key not in self._clients:
                self._clients[key] = self._client_factory(credentials, service, region)
            return self._clients[key]

    def account_id(self, credentials: CredentialSet) -> str:
        """The account behind a credential set, from STS GetCallerIdentity, asked once."""
        if credentials.profile not in self._accounts:
            region = self._home_region(credentials)
            sts = self.client(credentials, "sts", region)
            try:
                identity = sts.get_caller_identity()
            except Exception as exc:  # botocore raises many classes; all mean "no account"
                raise AwsError(
                    f"unknown ({credentials.label})",
                    region,
                    "GetCallerIdentity",
                    error_code(exc),
                    error_message(exc),
                    hint=CREDENTIALS_HINT,
                ) from exc
            self._accounts[credentials.profile] = identity["Account"]
        return self._accounts[credentials.profile]

    def _home_region(self, credentials: CredentialSet) -> str:
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
        if credentials.profile not in self._enabled:
            self._enabled[credentials.profile] = self._describe_regions(credentials)
        return self._enabled[credentials.profile]

    def _describe_regions(self, credentials: CredentialSet) -> frozenset[str]:
        region = self._home_region(credentials)
        ec2 = self.client(credentials, "ec2", region)
        try:
            answer = ec2.describe_regions(AllRegions=False)
        except Exception as exc:
            raise AwsError(
                self.account_id(credentials),
                region,
                "DescribeRegions",
                error_code(exc),
                error_message(exc),
                hint="regions 'all' asks EC2 DescribeRegions for the account's enabled "
                "regions: allow ec2:DescribeRegions, or name the regions",
            ) from exc
        return frozenset(item["RegionName"] for item in answer["Regions"])

    def executor(self) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(
            max_workers=self.settings.max_concurrency, thread_name_prefix="agentcore-fdw"
        )


@dataclass(frozen=True)
class Scope:
    """One credential set in one region: where a list call runs."""

    credentials: CredentialSet
    account_id: str
    region: str
    client: Any
