-- The three Cognito checks of an authorizer that trusts a user pool, for runtimes and
-- gateways alike (one row of agentcore.cognito_authorizers each): does the pool exist, are
-- the allowed clients its app clients, are the required scopes defined by its resource
-- servers. Each returns a status (ok, alarm, error, skip) and a reason naming `subject`.

CREATE OR REPLACE FUNCTION agentcore.cognito_pool_finding(
    subject text, user_pool_found boolean, user_pool_id text, user_pool_name text,
    user_pool_region text, OUT status text, OUT reason text)
LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
SELECT
    CASE WHEN user_pool_found THEN 'ok' ELSE 'alarm' END,
    CASE WHEN user_pool_found THEN pg_catalog.format(
        '%s trusts Cognito user pool %s (%s) in %s.',
        subject, user_pool_id, user_pool_name, user_pool_region)
    ELSE pg_catalog.format(
        '%s trusts Cognito user pool %s in %s, which was not found in any inventoried account.',
        subject, user_pool_id, user_pool_region)
    END;
END;

CREATE OR REPLACE FUNCTION agentcore.cognito_clients_finding(
    subject text, detail_error text, response_problems text[], user_pool_found boolean,
    user_pool_id text, allowed_clients text[], unknown_clients text[],
    allowed_client_names text[], OUT status text, OUT reason text)
LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
SELECT
    CASE
        WHEN detail_error IS NOT NULL THEN 'error'
        WHEN NOT user_pool_found THEN 'skip'
        WHEN coalesce(pg_catalog.cardinality(allowed_clients), 0) = 0 THEN 'skip'
        WHEN pg_catalog.cardinality(unknown_clients) > 0 THEN 'alarm'
        ELSE 'ok'
    END,
    CASE
        WHEN detail_error IS NOT NULL THEN pg_catalog.format(
            '%s could not be read in full (%s: %s), so its allowed clients are unknown.',
            subject, detail_error, coalesce(pg_catalog.array_to_string(response_problems, '; '), 'no details'))
        WHEN NOT user_pool_found THEN pg_catalog.format(
            '%s trusts user pool %s, which was not found, so its clients cannot be checked.',
            subject, user_pool_id)
        WHEN coalesce(pg_catalog.cardinality(allowed_clients), 0) = 0 THEN pg_catalog.format(
            '%s names no allowed clients.', subject)
        WHEN pg_catalog.cardinality(unknown_clients) > 0 THEN pg_catalog.format(
            '%s allows client IDs that are not app clients of user pool %s: %s.',
            subject, user_pool_id, pg_catalog.array_to_string(unknown_clients, ', '))
        ELSE pg_catalog.format(
            '%s allows only app clients of user pool %s: %s.',
            subject, user_pool_id, pg_catalog.array_to_string(allowed_client_names, ', '))
    END;
END;

CREATE OR REPLACE FUNCTION agentcore.cognito_scopes_finding(
    subject text, detail_error text, response_problems text[], user_pool_found boolean,
    user_pool_id text, allowed_scopes text[], unknown_scopes text[],
    OUT status text, OUT reason text)
LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
SELECT
    CASE
        WHEN detail_error IS NOT NULL THEN 'error'
        WHEN NOT user_pool_found THEN 'skip'
        WHEN coalesce(pg_catalog.cardinality(allowed_scopes), 0) = 0 THEN 'skip'
        WHEN pg_catalog.cardinality(unknown_scopes) > 0 THEN 'alarm'
        ELSE 'ok'
    END,
    CASE
        WHEN detail_error IS NOT NULL THEN pg_catalog.format(
            '%s could not be read in full (%s: %s), so its allowed scopes are unknown.',
            subject, detail_error, coalesce(pg_catalog.array_to_string(response_problems, '; '), 'no details'))
        WHEN NOT user_pool_found THEN pg_catalog.format(
            '%s trusts user pool %s, which was not found, so its scopes cannot be checked.',
            subject, user_pool_id)
        WHEN coalesce(pg_catalog.cardinality(allowed_scopes), 0) = 0 THEN pg_catalog.format(
            '%s requires no scopes.', subject)
        WHEN pg_catalog.cardinality(unknown_scopes) > 0 THEN pg_catalog.format(
            '%s requires scopes that no resource server of user pool %s defines: %s.',
            subject, user_pool_id, pg_catalog.array_to_string(unknown_scopes, ', '))
        ELSE pg_catalog.format(
            '%s requires only scopes defined by user pool %s.', subject, user_pool_id)
    END;
END;

COMMENT ON FUNCTION agentcore.cognito_pool_finding(text, boolean, text, text, text) IS
    'Whether the Cognito pool an authorizer trusts exists: status and reason.';
COMMENT ON FUNCTION agentcore.cognito_clients_finding(text, text, text[], boolean, text, text[], text[], text[]) IS
    'Whether the clients an authorizer allows are app clients of its pool: status and reason.';
COMMENT ON FUNCTION agentcore.cognito_scopes_finding(text, text, text[], boolean, text, text[], text[]) IS
    'Whether the scopes an authorizer requires are defined by its pool: status and reason.';
