"""One control result as an AWS Security Finding Format (ASFF) finding, for
`check --to-security-hub` (security_hub.py imports them).

A finding's `Id` is the result's finding ID (findings.py: control, resource, account and
region), so a rerun updates it; `ProductArn` is the account's default product in the hub's
region (`product/<account>/default`, the one any account may import into), and `AwsAccountId`
the resource's account, which Security Hub requires to be the importing account's.

| result | Compliance.Status | Severity.Label | Workflow.Status (new finding) | RecordState |
| --- | --- | --- | --- | --- |
| ok | PASSED | INFORMATIONAL | RESOLVED | ACTIVE |
| alarm | FAILED | the control's | NEW | ACTIVE |
| error | NOT_AVAILABLE | the control's | NEW | ACTIVE |
| skip | NOT_AVAILABLE | INFORMATIONAL | RESOLVED | ARCHIVED |

An error is NOT_AVAILABLE, "the check could not be performed", as Security Hub's own controls
say of an API error; a skip (the control does not apply) is archived, as Security Hub archives
its own not-applicable findings. Passed findings are INFORMATIONAL, as Security Hub's own are;
`Severity.Original` keeps the control's severity.
"""

from __future__ import annotations

from datetime import datetime, timezone

from .. import __version__
from ..schema.controls import BY_ID, FRAMEWORKS
from .findings import PRODUCT, finding_id, partition

SCHEMA_VERSION = "2018-10-08"
TYPES = ["Software and Configuration Checks/AWS Security Best Practices"]
COMPLIANCE = {"ok": "PASSED", "alarm": "FAILED", "error": "NOT_AVAILABLE", "skip": "NOT_AVAILABLE"}
SEVERITY_LABELS = {"low": "LOW", "medium": "MEDIUM", "high": "HIGH", "critical": "CRITICAL"}
PASSING = ("ok", "skip")
# ProductFields that say whose finding it is: the import finds its own earlier findings by
# PROVIDER, and reads which control made one from CONTROL.
PROVIDER = "ProviderName"
CONTROL = f"{PRODUCT}/ControlId"
# ASFF's limits on the free-text fields used here.
TITLE_MAX, DESCRIPTION_MAX, RECOMMENDATION_MAX, PRODUCT_FIELD_MAX = 256, 1024, 512, 2048


def product_arn(partition_name: str, region: str, account_id: str) -> str:
    return f"arn:{partition_name}:securityhub:{region}:{account_id}:product/{account_id}/default"


def finding(
    row: dict,
    product: str,
    observed: datetime,
    now: datetime,
    first_seen: str | None = None,
    current: dict | None = None,
) -> dict:
    """The ASFF finding of one result (with its account, region and resource), imported as
    `product` (product_arn() of the hub's region). AWS was read for it at `observed`;
    `first_seen` is the CreatedAt of the finding already there; `current` the settings its
    CLI example repeats (findings.current_settings)."""
    status, severity = row["status"], row.get("severity") or ""
    control = BY_ID.get(row["control_id"])
    account_id, region, resource = row["account_id"], row["region"], row["resource"]
    where = partition(resource, region)
    label = "INFORMATIONAL" if status in PASSING else SEVERITY_LABELS.get(severity, "MEDIUM")
    created = first_seen or _utc(observed)
    fields = {
        PROVIDER: PRODUCT,
        "ProviderVersion": __version__,
        CONTROL: row["control_id"],
        f"{PRODUCT}/Status": status,
    }
    if control is not None:
        fields[f"{PRODUCT}/ResourceType"] = control.resource_type
        for name, framework_id in control.frameworks.items():
            fields[f"{PRODUCT}/{name}"] = framework_id
        if status == "alarm":
            fields[f"{PRODUCT}/RemediationCli"] = control.cli_for(resource, region, current)
    title = row.get("control_title") or (control.title if control else row["control_id"])
    answer = {
        "SchemaVersion": SCHEMA_VERSION,
        "Id": finding_id(row),
        "ProductArn": product,
        "GeneratorId": row["control_id"],
        "AwsAccountId": account_id,
        "Types": TYPES,
        "CreatedAt": created,
        "FirstObservedAt": created,
        "LastObservedAt": _utc(observed),
        "UpdatedAt": _utc(now),
        "Severity": {"Label": label, "Original": severity or "unknown"},
        # What a provider may change after the finding exists (not Severity and Types).
        "FindingProviderFields": {
            "Severity": {"Label": label, "Original": severity or "unknown"},
            "Types": TYPES,
        },
        "Title": _clip(title, TITLE_MAX),
        "Description": _clip(row.get("reason") or title, DESCRIPTION_MAX),
        "ProductFields": {key: _clip(value, PRODUCT_FIELD_MAX) for key, value in fields.items()},
        "Resources": [
            {
                "Type": "Other",
                "Id": resource,
                "Partition": where,
                "Region": region,
                "Details": {
                    "Other": {"ResourceType": control.resource_type if control else "unknown"}
                },
            }
        ],
        "Compliance": {"Status": COMPLIANCE.get(status, "NOT_AVAILABLE")},
        # Taken when the finding is made; after that the workflow is the customer's (and
        # BatchUpdateFindings', see security_hub.py).
        "Workflow": {"Status": "RESOLVED" if status in PASSING else "NEW"},
        "RecordState": "ARCHIVED" if status == "skip" else "ACTIVE",
    }
    if control is not None:
        answer["Remediation"] = {
            "Recommendation": {"Text": _clip(control.remediation, RECOMMENDATION_MAX)}
        }
        related = [f"{FRAMEWORKS[name]} {value}" for name, value in control.frameworks.items()]
        if related:
            answer["Compliance"]["RelatedRequirements"] = related
    return answer


def archived(previous: dict, now: datetime) -> dict:
    """An earlier finding whose resource (or result) is gone, imported again as ARCHIVED."""
    return dict(previous, RecordState="ARCHIVED", UpdatedAt=_utc(now))


def _utc(moment: datetime) -> str:
    """ASFF's timestamps: RFC 3339 in UTC, with milliseconds."""
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
