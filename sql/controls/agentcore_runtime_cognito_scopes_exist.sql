-- Control: every scope a runtime requires should be defined by the pool it trusts.
CREATE OR REPLACE VIEW agentcore.agentcore_runtime_cognito_scopes_exist AS
SELECT
    'agentcore_runtime_cognito_scopes_exist'::text AS control_id,
    'Scopes required by AgentCore runtimes should be defined by the trusted user pool'::text
        AS control_title,
    'low'::text AS severity,
    c.agent_runtime_arn AS resource,
    CASE
        WHEN c.detail_error IS NOT NULL THEN 'error'
        WHEN NOT c.user_pool_found THEN 'skip'
        WHEN coalesce(cardinality(c.allowed_scopes), 0) = 0 THEN 'skip'
        WHEN cardinality(c.unknown_scopes) > 0 THEN 'alarm'
        ELSE 'ok'
    END AS status,
    CASE
        WHEN c.detail_error IS NOT NULL THEN format(
            'Agent runtime %s could not be read in full (%s: %s), so its allowed scopes are unknown.',
            c.agent_runtime_name, c.detail_error,
            coalesce(array_to_string(c.response_problems, '; '), 'no details'))
        WHEN NOT c.user_pool_found THEN format(
            'Agent runtime %s trusts user pool %s, which was not found, so its scopes cannot be checked.',
            c.agent_runtime_name, c.user_pool_id)
        WHEN coalesce(cardinality(c.allowed_scopes), 0) = 0 THEN format(
            'Agent runtime %s requires no scopes.', c.agent_runtime_name)
        WHEN cardinality(c.unknown_scopes) > 0 THEN format(
            'Agent runtime %s requires scopes that no resource server of user pool %s defines: %s.',
            c.agent_runtime_name, c.user_pool_id, array_to_string(c.unknown_scopes, ', '))
        ELSE format(
            'Agent runtime %s requires only scopes defined by user pool %s.',
            c.agent_runtime_name, c.user_pool_id)
    END AS reason,
    c.account_id,
    c.region
FROM agentcore.runtime_cognito_authorizers AS c;

COMMENT ON VIEW agentcore.agentcore_runtime_cognito_scopes_exist IS
    'Control: alarm for each runtime that requires a scope no resource server of its trusted '
    'Cognito user pool defines (a token can never carry it, so no caller gets in).';
