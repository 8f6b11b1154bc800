-- The runtime slice of agentcore.cognito_authorizers: runtimes (their current version) whose
-- authorizer trusts an Amazon Cognito user pool, joined to that pool, its app clients and its
-- resource servers.
CREATE OR REPLACE VIEW agentcore.runtime_cognito_authorizers AS
SELECT
    c.resource AS agent_runtime_arn,
    c.name AS agent_runtime_name,
    c.account_id,
    c.region,
    c.discovery_url,
    c.user_pool_region,
    c.user_pool_id,
    c.user_pool_found,
    c.user_pool_name,
    c.mfa_configuration,
    c.allowed_clients,
    c.unknown_clients,
    c.allowed_client_names,
    c.allowed_scopes,
    c.unknown_scopes,
    c.detail_error,
    c.response_problems
FROM agentcore.cognito_authorizers AS c
WHERE c.authorizer_source = 'runtime';

COMMENT ON VIEW agentcore.runtime_cognito_authorizers IS
    'One row per AgentCore runtime whose authorizer trusts a Cognito user pool (its discovery '
    'URL is a cognito-idp URL), joined on region and pool ID to the inventoried pools, app '
    'clients and resource servers of every account.';
COMMENT ON COLUMN agentcore.runtime_cognito_authorizers.user_pool_region IS
    'The region the discovery URL names (a pool lives in one region).';
COMMENT ON COLUMN agentcore.runtime_cognito_authorizers.user_pool_id IS
    'The pool the discovery URL names.';
COMMENT ON COLUMN agentcore.runtime_cognito_authorizers.detail_error IS
    'The runtime''s detail_error: when set, its allowed clients and scopes are not known.';
COMMENT ON COLUMN agentcore.runtime_cognito_authorizers.response_problems IS
    'The runtime''s response_problems: what was wrong with AWS''s answer for it.';
COMMENT ON COLUMN agentcore.runtime_cognito_authorizers.user_pool_found IS
    'Whether the pool was found in an inventoried account and region.';
COMMENT ON COLUMN agentcore.runtime_cognito_authorizers.unknown_clients IS
    'Allowed client IDs that are not app clients of the pool; NULL when the pool was not found.';
COMMENT ON COLUMN agentcore.runtime_cognito_authorizers.allowed_client_names IS
    'Names of the allowed clients that are app clients of the pool, in the allowed order.';
COMMENT ON COLUMN agentcore.runtime_cognito_authorizers.unknown_scopes IS
    'Allowed scopes that no resource server of the pool defines (Cognito''s own openid, email, '
    'phone, profile and aws.cognito.signin.user.admin excepted); NULL when the pool was not found.';
