-- Control: the Cognito user pool a runtime trusts should exist in an inventoried account.
CREATE OR REPLACE VIEW agentcore.agentcore_runtime_cognito_pool_exists AS
SELECT
    'agentcore_runtime_cognito_pool_exists'::text AS control_id,
    'Cognito user pools trusted by AgentCore runtimes should exist'::text AS control_title,
    'medium'::text AS severity,
    c.agent_runtime_arn AS resource,
    CASE WHEN c.user_pool_found THEN 'ok' ELSE 'alarm' END AS status,
    CASE
        WHEN c.user_pool_found THEN format(
            'Agent runtime %s trusts Cognito user pool %s (%s) in %s.',
            c.agent_runtime_name, c.user_pool_id, c.user_pool_name, c.user_pool_region)
        ELSE format(
            'Agent runtime %s trusts Cognito user pool %s in %s, which was not found in any inventoried account.',
            c.agent_runtime_name, c.user_pool_id, c.user_pool_region)
    END AS reason,
    c.account_id,
    c.region
FROM agentcore.runtime_cognito_authorizers AS c;

COMMENT ON VIEW agentcore.agentcore_runtime_cognito_pool_exists IS
    'Control: alarm for each runtime whose authorizer names a Cognito user pool that was not '
    'found in any inventoried account and region.';
