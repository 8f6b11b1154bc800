-- Control: no gateway should return debug exception details to callers
-- (Prowler's proposed check).
CREATE OR REPLACE VIEW agentcore.agentcore_gateway_debug_exceptions_disabled AS
SELECT
    'agentcore_gateway_debug_exceptions_disabled'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_debug_exceptions_disabled') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_debug_exceptions_disabled') AS severity,
    g.gateway_arn AS resource,
    CASE
        WHEN g.detail_error IS NOT NULL THEN 'error'
        WHEN g.exception_level IS DISTINCT FROM 'DEBUG' THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN g.detail_error IS NOT NULL THEN format(
            'Gateway %s (%s) could not be read (%s).', g.name, g.gateway_id, g.detail_error)
        WHEN g.exception_level IS DISTINCT FROM 'DEBUG' THEN format(
            'Gateway %s (%s) returns generic error messages to its callers.', g.name, g.gateway_id)
        ELSE format(
            'Gateway %s (%s) returns DEBUG exception details to its callers.', g.name, g.gateway_id)
    END AS reason,
    g.account_id,
    g.region
FROM agentcore.gateways AS g;

COMMENT ON VIEW agentcore.agentcore_gateway_debug_exceptions_disabled IS
    'Control: alarm for each gateway whose exceptionLevel is DEBUG.';
