-- Control: every runtime should accept only session-token (MMDSv2) requests to
-- its metadata service (Trend Micro: Require MMDSv2 for AgentCore Runtime).
CREATE OR REPLACE VIEW agentcore.agentcore_runtime_requires_mmdsv2 AS
SELECT
    'agentcore_runtime_requires_mmdsv2'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_runtime_requires_mmdsv2') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_runtime_requires_mmdsv2') AS severity,
    r.agent_runtime_arn AS resource,
    CASE
        WHEN r.detail_error IS NOT NULL THEN 'error'
        WHEN r.require_mmdsv2 IS TRUE THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN r.detail_error IS NOT NULL THEN format(
            'Agent runtime %s (%s) could not be read (%s).',
            r.agent_runtime_name, r.agent_runtime_id, r.detail_error)
        WHEN r.require_mmdsv2 IS TRUE THEN format(
            'Agent runtime %s (%s) requires MMDSv2 for its metadata service.',
            r.agent_runtime_name, r.agent_runtime_id)
        ELSE format(
            'Agent runtime %s (%s) accepts MMDSv1 requests to its metadata service.',
            r.agent_runtime_name, r.agent_runtime_id)
    END AS reason,
    r.account_id,
    r.region
FROM agentcore.agent_runtimes AS r;

COMMENT ON VIEW agentcore.agentcore_runtime_requires_mmdsv2 IS
    'Control: alarm for each runtime that does not require MMDSv2.';
