-- Control: every client a gateway allows should be an app client of the pool it trusts.
-- The check itself is agentcore.cognito_clients_finding, shared by runtimes and gateways.
CREATE OR REPLACE VIEW agentcore.agentcore_gateway_cognito_clients_exist AS
SELECT
    'agentcore_gateway_cognito_clients_exist'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_cognito_clients_exist') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_cognito_clients_exist') AS severity,
    c.resource,
    f.status,
    f.reason,
    c.account_id,
    c.region
FROM agentcore.cognito_authorizers AS c
CROSS JOIN LATERAL agentcore.cognito_clients_finding(
    c.subject, c.detail_error, c.response_problems, c.user_pool_found, c.user_pool_id,
    c.allowed_clients, c.unknown_clients, c.allowed_client_names
) AS f
WHERE c.authorizer_source = 'gateway';

COMMENT ON VIEW agentcore.agentcore_gateway_cognito_clients_exist IS
    'Control: alarm for each gateway that allows a client ID which is not an app client of '
    'the Cognito user pool it trusts.';
