-- Control: no custom browser should use public network mode (AWS Security Hub
-- BedrockAgentCore.5).
CREATE OR REPLACE VIEW agentcore.agentcore_browser_not_public AS
SELECT
    'agentcore_browser_not_public'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_browser_not_public') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_browser_not_public') AS severity,
    b.arn AS resource,
    CASE
        WHEN b.detail_error IS NOT NULL THEN 'error'
        WHEN b.network_mode IS DISTINCT FROM 'PUBLIC' AND b.network_mode IS NOT NULL THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN b.detail_error IS NOT NULL THEN format(
            'Browser %s (%s) could not be read (%s).', b.name, b.browser_id, b.detail_error)
        WHEN b.network_mode IS DISTINCT FROM 'PUBLIC' AND b.network_mode IS NOT NULL THEN format(
            'Browser %s (%s) uses %s network mode.', b.name, b.browser_id, b.network_mode)
        ELSE format(
            'Browser %s (%s) uses %s network mode, outside your VPC.',
            b.name, b.browser_id, coalesce(b.network_mode, 'an unnamed'))
    END AS reason,
    b.account_id,
    b.region
FROM agentcore.browsers AS b;

COMMENT ON VIEW agentcore.agentcore_browser_not_public IS
    'Control: alarm for each custom browser in public network mode.';
