-- Every JWT authorizer whose discovery URL is an Amazon Cognito user pool's, joined to that
-- pool, its app clients and its resource servers: runtimes (their current version), the
-- versions runtime endpoints serve, and gateways. Pool IDs are unique within a region, so the
-- join is on region and pool ID across every inventoried account.
CREATE OR REPLACE VIEW agentcore.cognito_authorizers AS
WITH authorizers AS (
    SELECT
        'runtime'::text AS authorizer_source,
        r.agent_runtime_arn AS resource,
        r.agent_runtime_name AS name,
        format('Agent runtime %s', r.agent_runtime_name) AS subject,
        r.account_id,
        r.region,
        r.agent_runtime_version AS version,
        r.discovery_url,
        r.allowed_clients,
        r.allowed_scopes,
        r.detail_error,
        r.response_problems
    FROM agentcore.agent_runtimes AS r
    UNION ALL
    SELECT
        'runtime_version',
        e.endpoint_arn,
        v.agent_runtime_name,
        format('Endpoint %s of agent runtime %s (version %s)',
               e.endpoint_name, v.agent_runtime_name, v.agent_runtime_version),
        e.account_id,
        e.region,
        v.agent_runtime_version,
        v.discovery_url,
        v.allowed_clients,
        v.allowed_scopes,
        v.detail_error,
        v.response_problems
    FROM agentcore.agent_runtime_endpoints AS e
    JOIN agentcore.agent_runtime_versions AS v
        ON v.region = e.region
       AND v.agent_runtime_id = e.agent_runtime_id
       AND v.agent_runtime_version = e.live_version
       AND v.account_id = e.account_id
    UNION ALL
    SELECT
        'gateway',
        g.gateway_arn,
        g.name,
        format('Gateway %s', g.name),
        g.account_id,
        g.region,
        NULL,
        g.discovery_url,
        g.allowed_clients,
        g.allowed_scopes,
        g.detail_error,
        g.response_problems
    FROM agentcore.gateways AS g
),
cognito AS (
    SELECT a.*, m[1] AS user_pool_region, m[2] AS user_pool_id
    FROM authorizers AS a
    CROSS JOIN LATERAL regexp_match(
        a.discovery_url,
        '^https://cognito-idp\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/([a-z0-9-]+_[0-9A-Za-z]+)/\.well-known/openid-configuration$'
    ) AS m
    WHERE m IS NOT NULL
)
SELECT
    c.authorizer_source,
    c.resource,
    c.name,
    c.subject,
    c.account_id,
    c.region,
    c.version,
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
FROM cognito AS c
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

COMMENT ON VIEW agentcore.cognito_authorizers IS
    'One row per JWT authorizer that trusts a Cognito user pool (its discovery URL is a '
    'cognito-idp URL): of runtimes, of the versions runtime endpoints serve, and of gateways, '
    'joined on region and pool ID to the inventoried pools, app clients and resource servers.';
COMMENT ON COLUMN agentcore.cognito_authorizers.authorizer_source IS
    'runtime (its current version), runtime_version (the live version of an endpoint) or gateway.';
COMMENT ON COLUMN agentcore.cognito_authorizers.resource IS
    'The runtime''s, endpoint''s or gateway''s ARN.';
COMMENT ON COLUMN agentcore.cognito_authorizers.name IS 'The runtime''s or gateway''s name.';
COMMENT ON COLUMN agentcore.cognito_authorizers.subject IS 'How reasons name it.';
COMMENT ON COLUMN agentcore.cognito_authorizers.version IS
    'The runtime version whose authorizer this is; NULL for gateways.';
COMMENT ON COLUMN agentcore.cognito_authorizers.user_pool_region IS
    'The region the discovery URL names (a pool lives in one region).';
COMMENT ON COLUMN agentcore.cognito_authorizers.user_pool_id IS
    'The pool the discovery URL names.';
COMMENT ON COLUMN agentcore.cognito_authorizers.user_pool_found IS
    'Whether the pool was found in an inventoried account and region.';
COMMENT ON COLUMN agentcore.cognito_authorizers.unknown_clients IS
    'Allowed client IDs that are not app clients of the pool; NULL when the pool was not found.';
COMMENT ON COLUMN agentcore.cognito_authorizers.allowed_client_names IS
    'Names of the allowed clients that are app clients of the pool, in the allowed order.';
COMMENT ON COLUMN agentcore.cognito_authorizers.unknown_scopes IS
    'Allowed scopes that no resource server of the pool defines (Cognito''s own openid, email, '
    'phone, profile and aws.cognito.signin.user.admin excepted); NULL when the pool was not found.';
COMMENT ON COLUMN agentcore.cognito_authorizers.detail_error IS
    'When set, the authorizer was not read in full: its allowed clients and scopes are not known.';
COMMENT ON COLUMN agentcore.cognito_authorizers.response_problems IS
    'What was wrong with AWS''s answer for it.';
