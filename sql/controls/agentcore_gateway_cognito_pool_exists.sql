-- Control: the Cognito user pool a gateway trusts should exist in an inventoried account.
-- The check itself is agentcore.cognito_pool_finding, shared by runtimes and gateways.
CREATE OR REPLACE VIEW agentcore.agentcore_gateway_cognito_pool_exists AS
SELECT
    'agentcore_gateway_cognito_pool_exists'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_cognito_pool_exists') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_cognito_pool_exists') AS severity,
    c.resource,
    f.status,
    f.reason,
    c.account_id,
    c.region
FROM agentcore.cognito_authorizers AS c
CROSS JOIN LATERAL agentcore.cognito_pool_finding(
    c.subject, c.user_pool_found, c.user_pool_id, c.user_pool_name, c.user_pool_region
) AS f
WHERE c.authorizer_source = 'gateway';

COMMENT ON VIEW agentcore.agentcore_gateway_cognito_pool_exists IS
    'Control: alarm for each gateway whose authorizer names a Cognito user pool that was not '
    'found in any inventoried account and region.';
