-- The audit: does every AgentCore runtime authorize its callers?
-- ok     a custom JWT authorizer validates each call's bearer token against an identity
--        provider named by an https OIDC discovery URL;
-- alarm  no authorizer configuration: any caller allowed InvokeAgentRuntime by IAM gets in;
-- error  the runtime's configuration could not be read (denied, or AWS's answer was
--        malformed), is of a shape this version does not know (a new kind of authorizer),
--        or names no usable discovery URL: nobody can say, and an unknown is never ok.
-- A reason ends by naming what was wrong with AWS's answer, when anything was.
CREATE OR REPLACE VIEW agentcore.runtime_authorization_audit AS
WITH judged AS (
    SELECT
        r.*,
        CASE
            WHEN r.detail_error IS NOT NULL THEN 'unreadable'
            WHEN r.authorizer_type IS NULL THEN 'none'
            WHEN r.authorizer_type <> 'CUSTOM_JWT' THEN 'unknown'
            WHEN coalesce(r.discovery_url, '') = '' THEN 'no_discovery_url'
            WHEN r.discovery_url !~ '^https://[^/?#[:space:]]+/([^?#[:space:]]*/)?\.well-known/openid-configuration$'
                THEN 'bad_discovery_url'
            ELSE 'jwt'
        END AS verdict
    FROM agentcore.agent_runtimes AS r
)
SELECT
    j.agent_runtime_arn AS resource,
    CASE j.verdict WHEN 'jwt' THEN 'ok' WHEN 'none' THEN 'alarm' ELSE 'error' END AS status,
    CASE j.verdict
        WHEN 'unreadable' THEN format(
            'Agent runtime %s (%s) could not be read (%s), so whether it has an authorizer is unknown.',
            j.agent_runtime_name, j.agent_runtime_id, j.detail_error)
        WHEN 'none' THEN format(
            'Agent runtime %s (%s) has no authorizer configuration and accepts any caller that IAM allows to call InvokeAgentRuntime.',
            j.agent_runtime_name, j.agent_runtime_id)
        WHEN 'unknown' THEN format(
            'Agent runtime %s (%s) has an authorizer configuration this version of agentcore-fdw does not recognise (%s), so whether it authorizes callers is unknown.',
            j.agent_runtime_name, j.agent_runtime_id, j.authorizer_configuration)
        WHEN 'no_discovery_url' THEN format(
            'Agent runtime %s (%s) has a custom JWT authorizer that names no discovery URL, so which tokens it accepts is unknown.',
            j.agent_runtime_name, j.agent_runtime_id)
        WHEN 'bad_discovery_url' THEN format(
            'Agent runtime %s (%s) has a custom JWT authorizer whose discovery URL %s is not an https URL ending in /.well-known/openid-configuration, so which tokens it accepts is unknown.',
            j.agent_runtime_name, j.agent_runtime_id, to_json(j.discovery_url))
        ELSE format(
            'Agent runtime %s (%s) validates bearer tokens with a custom JWT authorizer trusting %s.',
            j.agent_runtime_name, j.agent_runtime_id, j.discovery_url)
    END || CASE WHEN j.response_problems IS NOT NULL THEN format(
        ' AWS''s answer for it was not clean: %s.', array_to_string(j.response_problems, '; '))
        ELSE '' END AS reason,
    j.account_id,
    j.region,
    j.agent_runtime_id,
    j.agent_runtime_name,
    j.authorizer_type,
    j.discovery_url
FROM judged AS j;

COMMENT ON VIEW agentcore.runtime_authorization_audit IS
    'One row per AgentCore runtime: ok when a custom JWT authorizer validates its callers, '
    'alarm when it has no authorizer configuration (any IAM principal allowed '
    'InvokeAgentRuntime gets in), error when its configuration could not be read, is of an '
    'unrecognised shape or names no https OIDC discovery URL.';
COMMENT ON COLUMN agentcore.runtime_authorization_audit.resource IS 'The runtime''s ARN.';
COMMENT ON COLUMN agentcore.runtime_authorization_audit.status IS 'ok, alarm or error.';
COMMENT ON COLUMN agentcore.runtime_authorization_audit.reason IS
    'Why, in a sentence naming the runtime.';
