-- Control: every gateway should have a policy engine in ENFORCE mode deciding
-- what each caller may call (Trend Micro; Prowler's proposed check).
CREATE OR REPLACE VIEW agentcore.agentcore_gateway_policy_engine_enforced AS
SELECT
    'agentcore_gateway_policy_engine_enforced'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_policy_engine_enforced') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_policy_engine_enforced') AS severity,
    g.gateway_arn AS resource,
    CASE
        WHEN g.detail_error IS NOT NULL THEN 'error'
        WHEN g.policy_engine_mode = 'ENFORCE' THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN g.detail_error IS NOT NULL THEN format(
            'Gateway %s (%s) could not be read (%s).', g.name, g.gateway_id, g.detail_error)
        WHEN g.policy_engine_mode = 'ENFORCE' THEN format(
            'Gateway %s (%s) has policy engine %s in ENFORCE mode.',
            g.name, g.gateway_id, g.policy_engine_arn)
        ELSE format(
            'Gateway %s (%s) has %s: no policy decides which tools each caller may use.',
            g.name, g.gateway_id,
            CASE WHEN g.policy_engine_arn IS NULL THEN 'no policy engine'
                 ELSE 'its policy engine in ' || coalesce(g.policy_engine_mode, 'no') || ' mode' END)
    END AS reason,
    g.account_id,
    g.region
FROM agentcore.gateways AS g;

COMMENT ON VIEW agentcore.agentcore_gateway_policy_engine_enforced IS
    'Control: alarm for each gateway without a policy engine in ENFORCE mode.';
