-- Control: every scope a runtime requires should be defined by the pool it trusts.
-- The check itself is agentcore.cognito_scopes_finding, shared by runtimes and gateways.
CREATE OR REPLACE VIEW agentcore.agentcore_runtime_cognito_scopes_exist AS
SELECT
    'agentcore_runtime_cognito_scopes_exist'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_runtime_cognito_scopes_exist') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_runtime_cognito_scopes_exist') AS severity,
    c.resource,
    f.status,
    f.reason,
    c.account_id,
    c.region
FROM agentcore.cognito_authorizers AS c
CROSS JOIN LATERAL agentcore.cognito_scopes_finding(
    c.subject, c.detail_error, c.response_problems, c.user_pool_found, c.user_pool_id,
    c.allowed_scopes, c.unknown_scopes
) AS f
WHERE c.authorizer_source = 'runtime';

COMMENT ON VIEW agentcore.agentcore_runtime_cognito_scopes_exist IS
    'Control: alarm for each runtime that requires a scope no resource server of its trusted '
    'Cognito user pool defines (a token can never carry it, so no caller gets in).';
