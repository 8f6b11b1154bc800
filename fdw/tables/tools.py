"""What custom browsers and code interpreters share."""

from __future__ import annotations

from ..answers import MalformedValue


def get_tool(answer: dict) -> dict:
    answer.pop("ResponseMetadata", None)
    return answer


def recording_location(item):
    """s3://bucket/prefix from a browser's recording configuration, or NULL."""
    location = (item.get("recording") or {}).get("s3Location")
    if location is None:
        return None
    bucket, prefix = location.get("bucket"), location.get("prefix") or ""
    if not isinstance(bucket, str) or not isinstance(prefix, str):
        raise MalformedValue("names no bucket")
    return f"s3://{bucket}/{prefix}"
