-- Every bundled control, one row per control and resource: what a compliance report reads.
CREATE OR REPLACE VIEW agentcore.control_results AS
SELECT * FROM agentcore.agentcore_runtime_authorizer_configured
UNION ALL
SELECT * FROM agentcore.agentcore_runtime_authorizer_restricts_callers
UNION ALL
SELECT * FROM agentcore.agentcore_runtime_cognito_pool_exists
UNION ALL
SELECT * FROM agentcore.agentcore_runtime_cognito_clients_exist
UNION ALL
SELECT * FROM agentcore.agentcore_runtime_cognito_scopes_exist
UNION ALL
SELECT * FROM agentcore.agentcore_runtime_endpoint_authorizer_configured
UNION ALL
SELECT * FROM agentcore.agentcore_gateway_authorizer_configured
UNION ALL
SELECT * FROM agentcore.agentcore_gateway_authorizer_restricts_callers
UNION ALL
SELECT * FROM agentcore.agentcore_gateway_cognito_pool_exists
UNION ALL
SELECT * FROM agentcore.agentcore_gateway_cognito_clients_exist
UNION ALL
SELECT * FROM agentcore.agentcore_gateway_cognito_scopes_exist
UNION ALL
SELECT * FROM agentcore.agentcore_resource_policy_not_public;

COMMENT ON VIEW agentcore.control_results IS
    'Every bundled control as rows of control_id, control_title, severity, resource (an ARN), '
    'status (ok, alarm, error, skip), reason, account_id and region.';
