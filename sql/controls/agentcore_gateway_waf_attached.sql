-- Control: every gateway should be protected by an AWS WAF web ACL (Prowler's
-- proposed check).
CREATE OR REPLACE VIEW agentcore.agentcore_gateway_waf_attached AS
SELECT
    'agentcore_gateway_waf_attached'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_waf_attached') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_waf_attached') AS severity,
    g.gateway_arn AS resource,
    CASE
        WHEN g.detail_error IS NOT NULL THEN 'error'
        WHEN g.web_acl_arn IS NOT NULL THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN g.detail_error IS NOT NULL THEN format(
            'Gateway %s (%s) could not be read (%s).', g.name, g.gateway_id, g.detail_error)
        WHEN g.web_acl_arn IS NOT NULL THEN format(
            'Gateway %s (%s) is protected by web ACL %s.', g.name, g.gateway_id, g.web_acl_arn)
        ELSE format(
            'Gateway %s (%s) has no AWS WAF web ACL in front of it.', g.name, g.gateway_id)
    END AS reason,
    g.account_id,
    g.region
FROM agentcore.gateways AS g;

COMMENT ON VIEW agentcore.agentcore_gateway_waf_attached IS
    'Control: alarm for each gateway with no AWS WAF web ACL.';
