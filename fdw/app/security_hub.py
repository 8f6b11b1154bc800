"""`check --to-security-hub`: the results as AWS Security Hub findings, each imported into its
resource's account, by the credentials that read that account.

The command line runs where the server's options say how each account is reached (profiles,
roles, an organization), but reads AWS inside PostgreSQL. The import reuses that knowledge:
the server options, read from the database, make the same core settings, accounts and
credentials (core/options.py, accounts.py, aws.py) in this process, from this process's own
credential chain (the service's server shares it; for `--dsn`, the chain must be the server's
equal). Security Hub takes a finding only from its own account (`AwsAccountId` is the caller's
with the default product), so each account's findings go through that account's role.

Per account and hub region (the resource's region, or the one `--security-hub-region` names):
1. GetFindings: this product's earlier findings there (ProductFields ProviderName
   agentcore-fdw), whose CreatedAt a finding keeps, and whose ACTIVE ones tell what is gone;
2. BatchImportFindings, 100 at a time: every result (asff.py), and every earlier finding no
   result produced any more (the resource is gone, or no longer judged so), again as ARCHIVED;
3. BatchUpdateFindings: Workflow RESOLVED for the earlier findings now PASSED or ARCHIVED whose
   workflow was NEW or NOTIFIED (BatchImportFindings never changes a Workflow; a SUPPRESSED one
   is the customer's and stays; Security Hub itself sets NEW again when one fails anew).

A finding is archived only when its absence means something: the report is complete (no
region or account skipped), no `--where` narrowed it, its control ran, its account and region
were read, and its control could be judged there (no error row saying it could not). Throttled
calls are retried with backoff by botocore's adaptive mode (`max_attempts` of the server).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..core.accounts import Account, accounts
from ..core.aws import AwsContext, error_code, error_message
from ..core.options import OptionError, Settings
from ..core.results import AwsError
from . import asff
from .findings import PRODUCT, finding_id

# The calls the import makes, for `agentcore-fdw iam-policy --with-security-hub`.
CALLS = tuple(
    ("securityhub", operation)
    for operation in ("BatchImportFindings", "BatchUpdateFindings", "GetFindings")
)
BATCH = 100  # findings per BatchImportFindings, identifiers per BatchUpdateFindings
NOT_ENABLED = "InvalidAccessException"
SERVICE = "bedrock-agentcore-control"  # whose regions the scan reads
OPEN_WORKFLOWS = ("NEW", "NOTIFIED")


class ExportError(RuntimeError):
    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint


@dataclass
class Outcome:
    """What the import did, and what it could not."""

    imported: Counter = field(default_factory=Counter)  # by Compliance.Status
    archived: int = 0  # earlier findings no longer produced
    resolved: int = 0  # Workflow set to RESOLVED
    hubs: list[tuple[str, str]] = field(default_factory=list)  # (account, region) imported into
    unrouted: int = 0  # results naming no account, region or resource
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(self.imported.items()))
        places = ", ".join(f"{account} {region}" for account, region in self.hubs) or "none"
        return (
            f"imported {sum(self.imported.values())} findings ({counts or 'none'}) into "
            f"{len(self.hubs)} hub{'s' if len(self.hubs) != 1 else ''} (account and region: "
            f"{places}); archived {self.archived} no longer found; set {self.resolved} "
            "RESOLVED"
        )


@dataclass(frozen=True)
class Scope:
    """What the results say of what was judged, so that only a finding whose absence means
    its resource is gone (or no longer fails that way) is archived."""

    archive: bool  # complete and unfiltered
    controls: frozenset[str] | None  # the controls run; None: every one
    unjudged: frozenset[tuple[str, str | None, str | None]]  # (control, account, region)
    read: dict[str, frozenset[str]]  # account -> regions read

    @classmethod
    def of(
        cls,
        rows: list[dict],
        archive: bool,
        controls: list[str] | None,
        read: dict[str, frozenset[str]],
    ) -> Scope:
        """A control that could not be judged in an account and region says so with an error
        row whose resource is `arn:<partition>:<service>:<region>:<account>:*`, or, not at
        all, with one that names no account."""
        unjudged = frozenset(
            (row["control_id"], row.get("account_id"), row.get("region"))
            for row in rows
            if row["status"] == "error"
            and (row.get("account_id") is None or str(row.get("resource")).endswith(":*"))
        )
        return cls(archive, frozenset(controls) if controls else None, unjudged, read)

    def may_archive(self, previous: dict) -> bool:
        control = (previous.get("ProductFields") or {}).get(asff.CONTROL)
        resources = previous.get("Resources") or [{}]
        account, region = previous.get("AwsAccountId"), resources[0].get("Region")
        return (
            self.archive
            and control is not None
            and (self.controls is None or control in self.controls)
            and region in self.read.get(account, ())
            and (control, account, region) not in self.unjudged
            and (control, None, None) not in self.unjudged
        )


def export(
    rows: list[dict],
    settings: Settings,
    observed: datetime,
    now: datetime,
    hub_region: str | None = None,
    controls: list[str] | None = None,
    archive: bool = True,
    current: dict[str, dict] | None = None,
) -> Outcome:
    """Import `rows` (control_results) into Security Hub; AWS was read for them at
    `observed`. `controls`: those the check ran (None: all); `archive`: whether earlier
    findings no longer produced may be archived (a complete, unfiltered report); `current`:
    the settings CLI examples repeat, by resource (findings.current_settings)."""
    outcome = Outcome()
    try:
        aws = AwsContext(settings)
        reached = {a.account_id: a for a in accounts(aws) if a.skipped is None}
        read = {
            account_id: frozenset(aws.regions(account.credentials, SERVICE))
            for account_id, account in reached.items()
        }
    except (AwsError, OptionError) as exc:
        raise ExportError(
            "--to-security-hub reaches the accounts with this command's own AWS credentials, "
            f"as the server options name them, and could not: {exc}",
            getattr(exc, "hint", None),
        ) from exc
    by_hub: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        if row.get("account_id") in reached and row.get("region") and row.get("resource"):
            hub = (row["account_id"], hub_region or row["region"])
            by_hub.setdefault(hub, []).append(row)
        else:
            outcome.unrouted += 1
    for account_id, regions in read.items():
        for region in [hub_region] if hub_region else sorted(regions):
            by_hub.setdefault((account_id, region), [])
    scope = Scope.of(rows, archive, controls, read)
    for (account_id, region), hub_rows in sorted(by_hub.items()):
        hub = Hub(aws, reached[account_id], region)
        try:
            hub.update(hub_rows, scope, observed, now, outcome, current or {})
        except HubFailure as failure:
            outcome.failures.append(str(failure))
    return outcome


class HubFailure(Exception):
    pass


class Hub:
    """One account's Security Hub in one region, through that account's credentials."""

    def __init__(self, aws: AwsContext, account: Account, region: str):
        self.aws, self.account, self.region = aws, account, region
        self.client = aws.client(account.credentials, "securityhub", region)
        name = account.credentials.session.get_partition_for_region(region)
        self.product_arn = asff.product_arn(name, region, account.account_id)

    def update(
        self,
        rows: list[dict],
        scope: Scope,
        observed: datetime,
        now: datetime,
        outcome: Outcome,
        current: dict[str, dict],
    ) -> None:
        try:
            previous = self._previous()
        except Exception as exc:
            if error_code(exc) == NOT_ENABLED and not rows:
                return  # no hub here, and nothing to put in one
            raise self._failure("GetFindings", exc) from exc
        findings = [
            asff.finding(
                row, self.product_arn, observed, now,
                first_seen=previous.get(finding_id(row), {}).get("CreatedAt"),
                current=current.get(row["resource"]),
            )
            for row in rows
        ]  # fmt: skip
        produced = {finding["Id"] for finding in findings}
        gone = [
            asff.archived(found, now)
            for found_id, found in previous.items()
            if found_id not in produced
            and found.get("RecordState") == "ACTIVE"
            and scope.may_archive(found)
        ]
        for start in range(0, len(findings) + len(gone), BATCH):
            batch = (findings + gone)[start : start + BATCH]
            self._import(batch)
        outcome.hubs.append((self.account.account_id, self.region))
        outcome.imported.update(finding["Compliance"]["Status"] for finding in findings)
        outcome.archived += len(gone)
        closed = [
            finding["Id"]
            for finding in findings + gone
            if finding["Id"] in previous
            and (
                finding["Compliance"]["Status"] == "PASSED" or finding["RecordState"] == "ARCHIVED"
            )
            and previous[finding["Id"]].get("Workflow", {}).get("Status") in OPEN_WORKFLOWS
        ]
        for start in range(0, len(closed), BATCH):
            self._resolve(closed[start : start + BATCH])
        outcome.resolved += len(closed)

    def _previous(self) -> dict[str, dict]:
        """This product's findings in this hub, by Id, archived ones too (a skip's CreatedAt
        is kept like any other's)."""
        filters = {
            "ProductArn": [{"Value": self.product_arn, "Comparison": "EQUALS"}],
            "ProductFields": [{"Key": asff.PROVIDER, "Value": PRODUCT, "Comparison": "EQUALS"}],
        }
        found: dict[str, dict] = {}
        arguments: dict[str, Any] = {"Filters": filters, "MaxResults": BATCH}
        while True:
            answer = self.client.get_findings(**arguments)
            for finding in answer.get("Findings") or []:
                ours = (finding.get("ProductFields") or {}).get(asff.PROVIDER) == PRODUCT
                if ours and finding.get("ProductArn") == self.product_arn and finding.get("Id"):
                    found[finding["Id"]] = finding  # never another product's, whatever AWS sent
            if not answer.get("NextToken"):
                return found
            arguments["NextToken"] = answer["NextToken"]

    def _import(self, batch: list[dict]) -> None:
        try:
            answer = self.client.batch_import_findings(Findings=batch)
        except Exception as exc:
            raise self._failure("BatchImportFindings", exc) from exc
        refused = answer.get("FailedFindings") or []
        if refused or answer.get("FailedCount"):
            first = refused[0] if refused else {}
            raise HubFailure(
                f"Security Hub refused {answer.get('FailedCount') or len(refused)} of "
                f"{len(batch)} findings in account {self.account.account_id}, region "
                f"{self.region}: {first.get('ErrorCode')}: {first.get('ErrorMessage')} "
                f"(finding {first.get('Id')})"
            )

    def _resolve(self, ids: list[str]) -> None:
        identifiers = [{"Id": finding_id, "ProductArn": self.product_arn} for finding_id in ids]
        try:
            answer = self.client.batch_update_findings(
                FindingIdentifiers=identifiers,
                Workflow={"Status": "RESOLVED"},
            )
        except Exception as exc:
            raise self._failure("BatchUpdateFindings", exc) from exc
        left = answer.get("UnprocessedFindings") or []
        if left:
            raise HubFailure(
                f"Security Hub did not resolve {len(left)} findings in account "
                f"{self.account.account_id}, region {self.region}: {left[0].get('ErrorCode')}: "
                f"{left[0].get('ErrorMessage')}"
            )

    def _failure(self, operation: str, exc: BaseException) -> HubFailure:
        code = error_code(exc)
        text = (
            f"{operation} failed in account {self.account.account_id}, region {self.region}: "
            f"{code}: {error_message(exc, self.aws.settings)}"
        )
        if code == NOT_ENABLED:
            text += " (enable Security Hub there, or name a region where it is with "
            text += "--security-hub-region)"
        return HubFailure(text)
