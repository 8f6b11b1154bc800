-- Control: every gateway should authorize its callers (AWS Security Hub BedrockAgentCore.2).
-- NONE is alarm; AUTHENTICATE_ONLY is alarm unless a policy engine in ENFORCE mode decides
-- what each caller may do; AWS_IAM and CUSTOM_JWT are ok.
CREATE OR REPLACE VIEW agentcore.agentcore_gateway_authorizer_configured AS
SELECT
    'agentcore_gateway_authorizer_configured'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_authorizer_configured') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_authorizer_configured') AS severity,
    g.gateway_arn AS resource,
    f.status,
    f.reason,
    g.account_id,
    g.region
FROM agentcore.gateways AS g
CROSS JOIN LATERAL agentcore.authorizer_finding(
    format('Gateway %s (%s)', g.name, g.gateway_id),
    g.authorizer_type, g.discovery_url, g.authorizer_configuration, g.policy_engine_mode,
    g.detail_error, NULL
) AS f;

COMMENT ON VIEW agentcore.agentcore_gateway_authorizer_configured IS
    'Control: alarm for each gateway whose authorizer type is NONE, or AUTHENTICATE_ONLY '
    'without a policy engine in ENFORCE mode; error where it could not be read.';
