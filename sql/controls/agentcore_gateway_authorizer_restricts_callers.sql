-- Control: a gateway's JWT authorizer should name the audiences or the clients it accepts.
CREATE OR REPLACE VIEW agentcore.agentcore_gateway_authorizer_restricts_callers AS
SELECT
    'agentcore_gateway_authorizer_restricts_callers'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_authorizer_restricts_callers') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_authorizer_restricts_callers') AS severity,
    g.gateway_arn AS resource,
    CASE
        WHEN g.detail_error IS NOT NULL THEN 'error'
        WHEN g.authorizer_type IS DISTINCT FROM 'CUSTOM_JWT' THEN 'skip'
        WHEN coalesce(cardinality(g.allowed_audience), 0) = 0
         AND coalesce(cardinality(g.allowed_clients), 0) = 0 THEN 'alarm'
        ELSE 'ok'
    END AS status,
    CASE
        WHEN g.detail_error IS NOT NULL THEN format(
            'Gateway %s (%s) could not be read (%s).', g.name, g.gateway_id, g.detail_error)
        WHEN g.authorizer_type IS DISTINCT FROM 'CUSTOM_JWT' THEN format(
            'Gateway %s (%s) has no custom JWT authorizer to check.', g.name, g.gateway_id)
        WHEN coalesce(cardinality(g.allowed_audience), 0) = 0
         AND coalesce(cardinality(g.allowed_clients), 0) = 0 THEN format(
            'Gateway %s (%s) accepts tokens for any audience from any client of %s.',
            g.name, g.gateway_id, g.discovery_url)
        ELSE format(
            'Gateway %s (%s) accepts only %s allowed audiences and %s allowed clients.',
            g.name, g.gateway_id,
            coalesce(cardinality(g.allowed_audience), 0), coalesce(cardinality(g.allowed_clients), 0))
    END AS reason,
    g.account_id,
    g.region
FROM agentcore.gateways AS g;

COMMENT ON VIEW agentcore.agentcore_gateway_authorizer_restricts_callers IS
    'Control: alarm for each gateway JWT authorizer that allows any audience and any client.';
