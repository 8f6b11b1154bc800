-- The audit: does every AgentCore runtime authorize its callers? Judged (ok, alarm, error)
-- by agentcore.authorizer_finding, as every door is. A reason ends by naming what was wrong
-- with AWS's answer, when anything was.
CREATE OR REPLACE VIEW agentcore.runtime_authorization_audit AS
SELECT
    r.agent_runtime_arn AS resource,
    f.status,
    f.reason || CASE WHEN r.response_problems IS NOT NULL THEN format(
        ' AWS''s answer for it was not clean: %s.', array_to_string(r.response_problems, '; '))
        ELSE '' END AS reason,
    r.account_id,
    r.region,
    r.agent_runtime_id,
    r.agent_runtime_name,
    r.authorizer_type,
    r.discovery_url
FROM agentcore.agent_runtimes AS r
CROSS JOIN LATERAL agentcore.authorizer_finding(
    format('Agent runtime %s (%s)', r.agent_runtime_name, r.agent_runtime_id),
    r.authorizer_type, r.discovery_url, r.authorizer_configuration, NULL, r.detail_error,
    'InvokeAgentRuntime'
) AS f;

COMMENT ON VIEW agentcore.runtime_authorization_audit IS
    'One row per AgentCore runtime (its current version): ok when a custom JWT authorizer '
    'validates its callers, alarm when it has no authorizer configuration (any IAM principal '
    'allowed InvokeAgentRuntime gets in), error when its configuration could not be read, is '
    'of an unrecognised shape or names no https OIDC discovery URL. Endpoints serving older '
    'versions are in invocation_paths.';
COMMENT ON COLUMN agentcore.runtime_authorization_audit.resource IS 'The runtime''s ARN.';
COMMENT ON COLUMN agentcore.runtime_authorization_audit.status IS 'ok, alarm or error.';
COMMENT ON COLUMN agentcore.runtime_authorization_audit.reason IS
    'Why, in a sentence naming the runtime.';
