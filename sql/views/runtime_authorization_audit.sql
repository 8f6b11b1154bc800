-- The audit: does every AgentCore runtime authorize its callers?
-- ok     a custom JWT authorizer validates each call's bearer token;
-- alarm  no authorizer configuration: any caller allowed InvokeAgentRuntime by IAM gets in;
-- error  the runtime's configuration could not be read, or is of a shape this version does
--        not know (a new kind of authorizer, a JWT authorizer without a discovery URL): nobody
--        can say, and an unknown is never reported as ok.
CREATE OR REPLACE VIEW agentcore.runtime_authorization_audit AS
SELECT
    r.agent_runtime_arn AS resource,
    CASE
        WHEN r.detail_error IS NOT NULL THEN 'error'
        WHEN r.authorizer_type IS NULL THEN 'alarm'
        WHEN r.authorizer_type = 'CUSTOM_JWT' AND r.discovery_url IS NOT NULL THEN 'ok'
        ELSE 'error'
    END AS status,
    CASE
        WHEN r.detail_error IS NOT NULL THEN format(
            'Agent runtime %s (%s) could not be read (%s), so whether it has an authorizer is unknown.',
            r.agent_runtime_name, r.agent_runtime_id, r.detail_error)
        WHEN r.authorizer_type IS NULL THEN format(
            'Agent runtime %s (%s) has no authorizer configuration and accepts any caller that IAM allows to call InvokeAgentRuntime.',
            r.agent_runtime_name, r.agent_runtime_id)
        WHEN r.authorizer_type = 'CUSTOM_JWT' AND r.discovery_url IS NOT NULL THEN format(
            'Agent runtime %s (%s) validates bearer tokens with a custom JWT authorizer trusting %s.',
            r.agent_runtime_name, r.agent_runtime_id, r.discovery_url)
        ELSE format(
            'Agent runtime %s (%s) has an authorizer configuration this version of agentcore-fdw does not recognise (%s), so whether it authorizes callers is unknown.',
            r.agent_runtime_name, r.agent_runtime_id, r.authorizer_configuration)
    END AS reason,
    r.account_id,
    r.region,
    r.agent_runtime_id,
    r.agent_runtime_name,
    r.authorizer_type,
    r.discovery_url
FROM agentcore.agent_runtimes AS r;

COMMENT ON VIEW agentcore.runtime_authorization_audit IS
    'One row per AgentCore runtime: ok when a custom JWT authorizer validates its callers, '
    'alarm when it has no authorizer configuration (any IAM principal allowed '
    'InvokeAgentRuntime gets in), error when its configuration could not be read or is of an '
    'unrecognised shape.';
COMMENT ON COLUMN agentcore.runtime_authorization_audit.resource IS 'The runtime''s ARN.';
COMMENT ON COLUMN agentcore.runtime_authorization_audit.status IS 'ok, alarm or error.';
COMMENT ON COLUMN agentcore.runtime_authorization_audit.reason IS
    'Why, in a sentence naming the runtime.';
