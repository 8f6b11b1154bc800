-- Control: every client a runtime allows should be an app client of the pool it trusts.
CREATE OR REPLACE VIEW agentcore.agentcore_runtime_cognito_clients_exist AS
SELECT
    'agentcore_runtime_cognito_clients_exist'::text AS control_id,
    'Clients allowed by AgentCore runtimes should be app clients of the trusted user pool'::text
        AS control_title,
    'low'::text AS severity,
    c.agent_runtime_arn AS resource,
    CASE
        WHEN c.detail_error IS NOT NULL THEN 'error'
        WHEN NOT c.user_pool_found THEN 'skip'
        WHEN coalesce(cardinality(c.allowed_clients), 0) = 0 THEN 'skip'
        WHEN cardinality(c.unknown_clients) > 0 THEN 'alarm'
        ELSE 'ok'
    END AS status,
    CASE
        WHEN c.detail_error IS NOT NULL THEN format(
            'Agent runtime %s could not be read in full (%s: %s), so its allowed clients are unknown.',
            c.agent_runtime_name, c.detail_error,
            coalesce(array_to_string(c.response_problems, '; '), 'no details'))
        WHEN NOT c.user_pool_found THEN format(
            'Agent runtime %s trusts user pool %s, which was not found, so its clients cannot be checked.',
            c.agent_runtime_name, c.user_pool_id)
        WHEN coalesce(cardinality(c.allowed_clients), 0) = 0 THEN format(
            'Agent runtime %s names no allowed clients.', c.agent_runtime_name)
        WHEN cardinality(c.unknown_clients) > 0 THEN format(
            'Agent runtime %s allows client IDs that are not app clients of user pool %s: %s.',
            c.agent_runtime_name, c.user_pool_id, array_to_string(c.unknown_clients, ', '))
        ELSE format(
            'Agent runtime %s allows only app clients of user pool %s: %s.',
            c.agent_runtime_name, c.user_pool_id, array_to_string(c.allowed_client_names, ', '))
    END AS reason,
    c.account_id,
    c.region
FROM agentcore.runtime_cognito_authorizers AS c;

COMMENT ON VIEW agentcore.agentcore_runtime_cognito_clients_exist IS
    'Control: alarm for each runtime that allows a client ID which is not an app client of '
    'the Cognito user pool it trusts.';
