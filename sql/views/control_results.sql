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
SELECT * FROM agentcore.agentcore_resource_policy_not_public
UNION ALL
SELECT * FROM agentcore.agentcore_runtime_vpc_network_mode
UNION ALL
SELECT * FROM agentcore.agentcore_memory_encrypted_with_cmk
UNION ALL
SELECT * FROM agentcore.agentcore_gateway_encrypted_with_cmk
UNION ALL
SELECT * FROM agentcore.agentcore_browser_not_public
UNION ALL
SELECT * FROM agentcore.agentcore_browser_recording_enabled
UNION ALL
SELECT * FROM agentcore.agentcore_code_interpreter_private_network
UNION ALL
SELECT * FROM agentcore.agentcore_runtime_requires_mmdsv2
UNION ALL
SELECT * FROM agentcore.agentcore_gateway_policy_engine_enforced
UNION ALL
SELECT * FROM agentcore.agentcore_gateway_debug_exceptions_disabled
UNION ALL
SELECT * FROM agentcore.agentcore_gateway_waf_attached;

COMMENT ON VIEW agentcore.control_results IS
    'Every bundled control as rows of control_id, control_title, severity, resource (an ARN), '
    'status (ok, alarm, error, skip), reason, account_id and region.';
