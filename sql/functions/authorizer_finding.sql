-- One place that judges an inbound authorizer, for every door into an agent: a runtime (its
-- current version), an endpoint (the version it serves) and a gateway. `subject` names the
-- door ("Agent runtime x (id)"); the reason is a sentence about it.
-- ok     a custom JWT authorizer trusting an https OIDC discovery URL; AWS_IAM (SigV4);
--        AUTHENTICATE_ONLY with a policy engine in ENFORCE mode;
-- alarm  no authorizer (a runtime without authorizerConfiguration, a gateway with NONE), or
--        AUTHENTICATE_ONLY without an enforcing policy engine;
-- error  the configuration could not be read, is of a shape this version does not know, or
--        names no usable discovery URL: an unknown is never ok.

-- A set-returning function (of one row) so that PostgreSQL inlines it into the views' plans:
-- as a function returning one record it ran as a call per door, 12 us each (36 ms for the
-- audit of 3,000 runtimes). Versions before made it that way: PostgreSQL cannot replace it
-- in place, so it goes, with the views over it, which views.sql makes again below.
-- Whether a discovery URL is one an authorizer can use: https://<host>/[<path>/].well-known/
-- openid-configuration, with no ?, # or white space anywhere. LIKE, substr and a match of one
-- class say what the regular expression
--   ^https://[^/?#[:space:]]+/([^?#[:space:]]*/)?\.well-known/openid-configuration$
-- says, five times faster: that expression took 11 of the audit's 50 ms for 3,000 runtimes.
-- A plain SQL expression: PostgreSQL inlines it where it is called.
CREATE OR REPLACE FUNCTION agentcore.is_discovery_url(url text)
RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$
SELECT url LIKE 'https://_%/.well-known/openid-configuration'
    AND substr(url, 9, 1) <> '/'
    AND url !~ '[?#[:space:]]'
$$;
COMMENT ON FUNCTION agentcore.is_discovery_url(text) IS
    'Whether a URL is an https OIDC discovery URL (ending in /.well-known/openid-configuration, '
    'with a host, and no query, fragment or white space): what authorizer_finding accepts.';

DO $$ BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_proc AS p WHERE NOT p.proretset AND p.oid =
        to_regprocedure('agentcore.authorizer_finding(text, text, text, jsonb, text, text)'))
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
    OUT status text,
    OUT reason text
)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE
AS $$
SELECT
    CASE
        WHEN detail_error IS NOT NULL THEN 'error'
        WHEN authorizer_type IS NULL OR authorizer_type = 'NONE' THEN 'alarm'
        WHEN authorizer_type = 'AWS_IAM' THEN 'ok'
        WHEN authorizer_type = 'AUTHENTICATE_ONLY' THEN
            CASE WHEN policy_engine_mode = 'ENFORCE' THEN 'ok' ELSE 'alarm' END
        WHEN authorizer_type <> 'CUSTOM_JWT' THEN 'error'
        WHEN agentcore.is_discovery_url(discovery_url) THEN 'ok'
        ELSE 'error'
    END,
    CASE
        WHEN detail_error IS NOT NULL THEN format(
            '%s could not be read (%s), so whether it has an authorizer is unknown.',
            subject, detail_error)
        WHEN authorizer_type IS NULL THEN format(
            '%s has no authorizer configuration and accepts any caller that IAM allows to call InvokeAgentRuntime.',
            subject)
        WHEN authorizer_type = 'NONE' THEN format(
            '%s has authorizer type NONE and accepts any caller.', subject)
        WHEN authorizer_type = 'AWS_IAM' THEN format(
            '%s requires callers to sign with AWS credentials (AWS_IAM).', subject)
        WHEN authorizer_type = 'AUTHENTICATE_ONLY' AND policy_engine_mode = 'ENFORCE' THEN format(
            '%s checks only that a caller''s token is valid (AUTHENTICATE_ONLY), and its policy engine decides what each caller may do (ENFORCE).',
            subject)
        WHEN authorizer_type = 'AUTHENTICATE_ONLY' THEN format(
            '%s checks only that a caller''s token is valid (AUTHENTICATE_ONLY), and no policy engine in ENFORCE mode decides what each caller may do (%s).',
            subject, coalesce('policy engine mode ' || policy_engine_mode, 'no policy engine'))
        WHEN authorizer_type <> 'CUSTOM_JWT' THEN format(
            '%s has an authorizer configuration this version of agentcore-fdw does not recognise (%s), so whether it authorizes callers is unknown.',
            subject, coalesce(authorizer_configuration::text, authorizer_type))
        WHEN coalesce(discovery_url, '') = '' THEN format(
            '%s has a custom JWT authorizer that names no discovery URL, so which tokens it accepts is unknown.',
            subject)
        WHEN NOT agentcore.is_discovery_url(discovery_url)
            THEN format(
            '%s has a custom JWT authorizer whose discovery URL %s is not an https URL ending in /.well-known/openid-configuration, so which tokens it accepts is unknown.',
            subject, to_json(discovery_url))
        ELSE format(
            '%s validates bearer tokens with a custom JWT authorizer trusting %s.',
            subject, discovery_url)
    END
$$;

COMMENT ON FUNCTION agentcore.authorizer_finding(text, text, text, jsonb, text, text) IS
    'The status (ok, alarm, error) and reason for one door''s inbound authorizer: what the '
    'audit, invocation_paths and the authorizer controls share.';
