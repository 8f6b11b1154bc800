-- Control: a JWT authorizer should name the audiences or the clients it accepts. One that
-- names neither accepts every token its identity provider issues, to anyone.
CREATE OR REPLACE VIEW agentcore.agentcore_runtime_authorizer_restricts_callers AS
SELECT
    'agentcore_runtime_authorizer_restricts_callers'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_runtime_authorizer_restricts_callers') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_runtime_authorizer_restricts_callers') AS severity,
    r.agent_runtime_arn AS resource,
    CASE
        WHEN r.detail_error IS NOT NULL THEN 'error'
        WHEN r.authorizer_type IS DISTINCT FROM 'CUSTOM_JWT' THEN 'skip'
        WHEN coalesce(cardinality(r.allowed_audience), 0) = 0
         AND coalesce(cardinality(r.allowed_clients), 0) = 0 THEN 'alarm'
        ELSE 'ok'
    END AS status,
    CASE
        WHEN r.detail_error IS NOT NULL THEN format(
            'Agent runtime %s (%s) could not be read (%s).',
            r.agent_runtime_name, r.agent_runtime_id, r.detail_error)
        WHEN r.authorizer_type IS DISTINCT FROM 'CUSTOM_JWT' THEN format(
            'Agent runtime %s (%s) has no custom JWT authorizer to check.',
            r.agent_runtime_name, r.agent_runtime_id)
        WHEN coalesce(cardinality(r.allowed_audience), 0) = 0
         AND coalesce(cardinality(r.allowed_clients), 0) = 0 THEN format(
            'Agent runtime %s (%s) accepts tokens for any audience from any client of %s.',
            r.agent_runtime_name, r.agent_runtime_id, r.discovery_url)
        ELSE format(
            'Agent runtime %s (%s) accepts only %s allowed audiences and %s allowed clients.',
            r.agent_runtime_name, r.agent_runtime_id,
            coalesce(cardinality(r.allowed_audience), 0), coalesce(cardinality(r.allowed_clients), 0))
    END AS reason,
    r.account_id,
    r.region
FROM agentcore.agent_runtimes AS r;

COMMENT ON VIEW agentcore.agentcore_runtime_authorizer_restricts_callers IS
    'Control: alarm for each custom JWT authorizer that allows any audience and any client.';
