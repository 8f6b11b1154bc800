-- One place that judges an inbound authorizer, for every door into an agent: a runtime (its
-- current version), an endpoint (the version it serves), a gateway, a registry, a payment
-- manager. `subject` names the door ("Agent runtime x (id)"), `iam_actions` what IAM must let
-- a caller do where there is no authorizer ("InvokeAgentRuntime"); the reason is a sentence
-- about it.
-- ok     a custom JWT authorizer trusting an https discovery URL AWS accepts; AWS_IAM (SigV4);
--        AUTHENTICATE_ONLY with a policy engine in ENFORCE mode;
-- alarm  no authorizer (a runtime without authorizerConfiguration, a gateway with NONE), or
--        AUTHENTICATE_ONLY without an enforcing policy engine, or a discovery URL over http;
-- error  the configuration could not be read, is of a shape this version does not know, or
--        names no usable discovery URL: an unknown is never ok.

-- A set-returning function (of one row) so that PostgreSQL inlines it into the views' plans:
-- as a function returning one record it ran as a call per door, 12 us each (36 ms for the
-- audit of 3,000 runtimes).
-- The bodies are SQL-standard (BEGIN ATOMIC): PostgreSQL binds every name in them when the
-- function is made (under pin_search_path.sql), not again where it inlines them under the
-- reader's search_path, so no format() a role planted ahead of pg_catalog runs as whoever
-- reads the views. They are inlined all the same. Their calls name pg_catalog too, to say so.

-- The scheme of a discovery URL that AWS's DiscoveryUrl pattern accepts
--   [^\s?#]+/\.well-known/(openid-configuration|oauth-authorization-server)(/[^\s?#]+)?
-- (botocore's bedrock-agentcore-control model), when it is http or https and names a host:
-- 'https', 'http', or NULL for any other URL.
CREATE OR REPLACE FUNCTION agentcore.discovery_url_scheme(url text)
RETURNS text
LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
SELECT CASE WHEN url OPERATOR(pg_catalog.~) '^https?://[^/[:space:]?#][^[:space:]?#]*/\.well-known/(openid-configuration|oauth-authorization-server)(/[^[:space:]?#]+)?$'
            THEN pg_catalog.split_part(url, ':', 1) END;
END;
COMMENT ON FUNCTION agentcore.discovery_url_scheme(text) IS
    'https or http for a discovery URL AWS accepts (a host, then a path with '
    '/.well-known/openid-configuration or /.well-known/oauth-authorization-server, perhaps '
    'followed by a path; no query, fragment or white space); NULL for any other.';

-- Whether a discovery URL is one an authorizer can use: one AWS accepts, over https.
CREATE OR REPLACE FUNCTION agentcore.is_discovery_url(url text)
RETURNS boolean
LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
SELECT coalesce(agentcore.discovery_url_scheme(url) OPERATOR(pg_catalog.=) 'https', false);
END;
COMMENT ON FUNCTION agentcore.is_discovery_url(text) IS
    'Whether a URL is an https OIDC or OAuth discovery URL that AWS accepts: what '
    'authorizer_finding finds ok.';

-- Earlier versions made it with six arguments (before iam_actions), some returning one record:
-- PostgreSQL cannot replace either in place, so it goes, with the views over it, which
-- views.sql makes again below.
DO $$ BEGIN
    IF to_regprocedure('agentcore.authorizer_finding(text, text, text, jsonb, text, text)')
        IS NOT NULL
    THEN
        DROP FUNCTION agentcore.authorizer_finding(text, text, text, jsonb, text, text) CASCADE;
    END IF;
END $$;

CREATE OR REPLACE FUNCTION agentcore.authorizer_finding(
    subject text,
    authorizer_type text,
    discovery_url text,
    authorizer_configuration jsonb,
    policy_engine_mode text,
    detail_error text,
    iam_actions text,
    OUT status text,
    OUT reason text
)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
SELECT
    CASE
        WHEN detail_error IS NOT NULL THEN 'error'
        WHEN authorizer_type IS NULL OR authorizer_type = 'NONE' THEN 'alarm'
        WHEN authorizer_type = 'AWS_IAM' THEN 'ok'
        WHEN authorizer_type = 'AUTHENTICATE_ONLY' THEN
            CASE WHEN policy_engine_mode = 'ENFORCE' THEN 'ok' ELSE 'alarm' END
        WHEN authorizer_type <> 'CUSTOM_JWT' THEN 'error'
        WHEN agentcore.is_discovery_url(discovery_url) THEN 'ok'
        WHEN agentcore.discovery_url_scheme(discovery_url) = 'http' THEN 'alarm'
        ELSE 'error'
    END,
    CASE
        WHEN detail_error IS NOT NULL THEN pg_catalog.format(
            '%s could not be read (%s), so whether it has an authorizer is unknown.',
            subject, detail_error)
        WHEN authorizer_type IS NULL THEN pg_catalog.format(
            '%s has no authorizer configuration and accepts any caller that IAM allows to call %s.',
            subject, iam_actions)
        WHEN authorizer_type = 'NONE' THEN pg_catalog.format(
            '%s has authorizer type NONE and accepts any caller.', subject)
        WHEN authorizer_type = 'AWS_IAM' THEN pg_catalog.format(
            '%s requires callers to sign with AWS credentials (AWS_IAM).', subject)
        WHEN authorizer_type = 'AUTHENTICATE_ONLY' AND policy_engine_mode = 'ENFORCE' THEN pg_catalog.format(
            '%s checks only that a caller''s token is valid (AUTHENTICATE_ONLY), and its policy engine decides what each caller may do (ENFORCE).',
            subject)
        WHEN authorizer_type = 'AUTHENTICATE_ONLY' THEN pg_catalog.format(
            '%s checks only that a caller''s token is valid (AUTHENTICATE_ONLY), and no policy engine in ENFORCE mode decides what each caller may do (%s).',
            subject, coalesce('policy engine mode ' || policy_engine_mode, 'no policy engine'))
        WHEN authorizer_type <> 'CUSTOM_JWT' THEN pg_catalog.format(
            '%s has an authorizer configuration this version of agentcore-fdw does not recognise (%s), so whether it authorizes callers is unknown.',
            subject, coalesce(authorizer_configuration::text, authorizer_type))
        WHEN coalesce(discovery_url, '') = '' THEN pg_catalog.format(
            '%s has a custom JWT authorizer that names no discovery URL, so which tokens it accepts is unknown.',
            subject)
        WHEN agentcore.discovery_url_scheme(discovery_url) = 'http' THEN pg_catalog.format(
            '%s has a custom JWT authorizer whose discovery URL %s is plain http: the keys it checks tokens with travel unencrypted, so whoever can alter them in transit can forge tokens it accepts.',
            subject, pg_catalog.to_json(discovery_url))
        WHEN NOT agentcore.is_discovery_url(discovery_url)
            THEN pg_catalog.format(
            '%s has a custom JWT authorizer whose discovery URL %s is not one AWS accepts (https, a host, then /.well-known/openid-configuration or /.well-known/oauth-authorization-server), so which tokens it accepts is unknown.',
            subject, pg_catalog.to_json(discovery_url))
        ELSE pg_catalog.format(
            '%s validates bearer tokens with a custom JWT authorizer trusting %s.',
            subject, discovery_url)
    END;
END;

COMMENT ON FUNCTION agentcore.authorizer_finding(text, text, text, jsonb, text, text, text) IS
    'The status (ok, alarm, error) and reason for one door''s inbound authorizer: what the '
    'audit, invocation_paths and the authorizer controls share.';
