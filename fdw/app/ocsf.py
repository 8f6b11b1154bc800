"""`check --output ocsf`: every control result, ok ones too, as an OCSF Detection Finding
(class 2004), in one JSON array.

Each finding is made with py-ocsf-models, the models of the OCSF schema that Prowler maintains
(the `ocsf` extra), so the schema is theirs, never written out here. A consumer matches a
finding to the one before by `finding_info.uid` (findings.finding_id): an ok result closes what
an alarm opened.

| result | status_code | status_id (status) |
| --- | --- | --- |
| ok | PASS | 4 (Resolved): nothing left to do |
| alarm | FAIL | 1 (New) |
| error | FAIL | 1 (New): fail closed, what could not be judged is no pass |
| skip | SKIP | 5 (Archived): the control does not apply to the resource |

An error's `status_detail` says what could not be read, and `unmapped.agentcore_fdw.status`
keeps our own status (`error`) for a consumer that tells the two FAILs apart.
"""

from __future__ import annotations

import json
from datetime import datetime

from .. import __version__
from ..schema.controls import BY_ID, FRAMEWORKS
from .findings import PRODUCT, finding_id, partition

MISSING = (
    "--output ocsf needs py-ocsf-models (Prowler's OCSF models), which is not installed",
    "pip install 'agentcore-fdw[ocsf]' (or pip install 'py-ocsf-models>=0.10,<0.11')",
)
STATUS_CODES = {"ok": "PASS", "alarm": "FAIL", "error": "FAIL", "skip": "SKIP"}
FINDING_STATUS = {"ok": "Resolved", "alarm": "New", "error": "New", "skip": "Archived"}


def missing() -> tuple[str, str] | None:
    """(message, hint) when py-ocsf-models cannot be imported, else None."""
    try:
        import py_ocsf_models  # noqa: F401
    except ImportError:
        return MISSING
    return None


def findings(
    rows: list[dict], observed: datetime, demo: bool = False, current: dict | None = None
) -> list:
    """One DetectionFinding per row, each validated by its model as it is made; `current`:
    the settings CLI examples repeat, by resource (findings.current_settings)."""
    return [_finding(row, observed, demo, (current or {}).get(row.get("resource"))) for row in rows]


def render(
    rows: list[dict], observed: datetime, demo: bool = False, current: dict | None = None
) -> str:
    made = findings(rows, observed, demo, current)
    return json.dumps([f.model_dump(mode="json", exclude_none=True) for f in made], indent=2) + "\n"


def _finding(row: dict, observed: datetime, demo: bool, current: dict | None):
    from py_ocsf_models.events.base_event import SeverityID, StatusID
    from py_ocsf_models.events.findings.detection_finding import (
        DetectionFinding,
        DetectionFindingTypeID,
    )
    from py_ocsf_models.events.findings.finding import ActivityID, FindingInformation
    from py_ocsf_models.objects.account import Account, TypeID
    from py_ocsf_models.objects.cloud import Cloud
    from py_ocsf_models.objects.metadata import Metadata
    from py_ocsf_models.objects.product import Product
    from py_ocsf_models.objects.remediation import Remediation
    from py_ocsf_models.objects.resource_details import ResourceDetails

    control = BY_ID.get(row["control_id"])
    status = row["status"]
    severity = getattr(SeverityID, str(row.get("severity") or "").capitalize(), SeverityID.Unknown)
    finding_status = getattr(StatusID, FINDING_STATUS.get(status, "Unknown"))
    seconds = int(observed.timestamp())
    region, account_id, resource = row.get("region"), row.get("account_id"), row.get("resource")
    account = (
        Account(uid=account_id, name=account_id, type_id=TypeID.AWS_Account, type="AWS Account")
        if account_id
        else None
    )
    remediation = None
    if control is not None:
        text = control.remediation
        if status == "alarm" and resource:
            text += "\nAWS CLI example: " + control.cli_for(resource, region, current)
        remediation = Remediation(desc=text)
    frameworks = {
        name: [control.frameworks[name]]
        for name in FRAMEWORKS
        if control is not None and name in control.frameworks
    }
    return DetectionFinding(
        activity_id=ActivityID.Create,
        activity_name=ActivityID.Create.name,
        type_uid=DetectionFindingTypeID.Create,
        type_name=f"Detection Finding: {DetectionFindingTypeID.Create.name}",
        time=seconds,
        time_dt=observed,
        message=row.get("reason"),
        finding_info=FindingInformation(
            uid=finding_id(row),
            title=row.get("control_title") or (control.title if control else row["control_id"]),
            desc=control.description if control else None,
            created_time=seconds,
            created_time_dt=observed,
        ),
        severity_id=severity,
        severity=severity.name,
        status_code=STATUS_CODES.get(status, status),
        status_detail=row.get("reason"),
        status_id=finding_status,
        status=finding_status.name,
        risk_details=control.rationale if control else None,
        remediation=remediation,
        resources=[
            ResourceDetails(
                uid=resource,
                type=control.resource_type if control else None,
                region=region,
                cloud_partition=partition(resource, region),
            )
        ]
        if resource
        else None,
        cloud=Cloud(provider="aws", region=region, account=account),
        metadata=Metadata(
            event_code=row["control_id"],
            product=Product(uid=PRODUCT, name=PRODUCT, vendor_name=PRODUCT, version=__version__),
            profiles=["cloud", "datetime"],
            labels=["demo estate"] if demo else None,
        ),
        unmapped={
            "agentcore_fdw": {"control_id": row["control_id"], "status": status},
            "compliance": frameworks,
        },
    )
