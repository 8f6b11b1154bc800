-- Runtimes whose authorizer trusts an Amazon Cognito user pool, joined to that pool, its
-- app clients and its resource servers. Pool IDs are unique within a region, so the join
-- is on region and pool ID across every inventoried account.
CREATE OR REPLACE VIEW agentcore.runtime_cognito_authorizers AS
WITH cognito_runtimes AS (
    SELECT
        r.*,
        m[1] AS user_pool_region,
        m[2] AS user_pool_id
    FROM agentcore.agent_runtimes AS r
    CROSS JOIN LATERAL regexp_match(
        r.discovery_url,
        '^https://cognito-idp\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/([a-z0-9-]+_[0-9A-Za-z]+)/\.well-known/openid-configuration$'
    ) AS m
    WHERE m IS NOT NULL
)
SELECT
    c.agent_runtime_arn,
    c.agent_runtime_name,
    c.account_id,
    c.region,
    c.discovery_url,
    c.user_pool_region,
    c.user_pool_id,
    p.user_pool_id IS NOT NULL AS user_pool_found,
    p.user_pool_name,
    p.mfa_configuration,
    c.allowed_clients,
    CASE WHEN p.user_pool_id IS NOT NULL THEN ARRAY(
        SELECT allowed.client_id
        FROM unnest(c.allowed_clients) WITH ORDINALITY AS allowed(client_id, n)
        WHERE NOT coalesce(clients.names ? allowed.client_id, false)
        ORDER BY allowed.n
    ) END AS unknown_clients,
    CASE WHEN p.user_pool_id IS NOT NULL THEN ARRAY(
        SELECT clients.names ->> allowed.client_id
        FROM unnest(c.allowed_clients) WITH ORDINALITY AS allowed(client_id, n)
        WHERE clients.names ? allowed.client_id
        ORDER BY allowed.n
    ) END AS allowed_client_names,
    c.allowed_scopes,
    -- Cognito's own OIDC scopes are defined by Cognito, not by a resource server.
    CASE WHEN p.user_pool_id IS NOT NULL THEN ARRAY(
        SELECT allowed.scope
        FROM unnest(c.allowed_scopes) WITH ORDINALITY AS allowed(scope, n)
        WHERE allowed.scope <> ALL (coalesce(scopes.defined, '{}'))
          AND allowed.scope NOT IN ('openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin')
        ORDER BY allowed.n
    ) END AS unknown_scopes,
    c.detail_error,
    c.response_problems
FROM cognito_runtimes AS c
LEFT JOIN agentcore.cognito_user_pools AS p
    ON p.region = c.user_pool_region AND p.user_pool_id = c.user_pool_id
LEFT JOIN LATERAL (
    SELECT jsonb_object_agg(k.client_id, k.client_name) AS names
    FROM agentcore.cognito_user_pool_clients AS k
    WHERE k.region = c.user_pool_region AND k.user_pool_id = c.user_pool_id
) AS clients ON true
LEFT JOIN LATERAL (
    SELECT array_agg(s.scope) AS defined
    FROM agentcore.cognito_resource_servers AS rs
    CROSS JOIN LATERAL unnest(rs.scopes) AS s(scope)
    WHERE rs.region = c.user_pool_region AND rs.user_pool_id = c.user_pool_id
) AS scopes ON true;

COMMENT ON VIEW agentcore.runtime_cognito_authorizers IS
    'One row per AgentCore runtime whose authorizer trusts a Cognito user pool (its discovery '
    'URL is a cognito-idp URL), joined on region and pool ID to the inventoried pools, app '
    'clients and resource servers of every account.';
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
