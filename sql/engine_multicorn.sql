-- Generated from fdw/tables/*.py by `python -m agentcore_fdw.schema.sqlgen`: do not edit by hand.

-- The multicorn engine: each table is a foreign table of server agentcore in schema
-- agentcore_multicorn, created by IMPORT FOREIGN SCHEMA from the wrapper's own definitions,
-- behind a view of the same name in agentcore. BI tools list views and tables, not
-- foreign tables; a view this simple is inlined, so filters still reach the wrapper.
CREATE EXTENSION IF NOT EXISTS multicorn;
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_foreign_server WHERE srvname = 'agentcore') THEN
        CREATE SERVER agentcore FOREIGN DATA WRAPPER multicorn
            OPTIONS (wrapper 'agentcore_fdw.engines.foreign_tables.AgentCoreForeignDataWrapper');
    ELSIF EXISTS (SELECT FROM pg_foreign_server s
                  JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
                  WHERE s.srvname = 'agentcore' AND w.fdwname = 'multicorn') THEN
        -- An older install may name the wrapper class by another path.
        ALTER SERVER agentcore OPTIONS (SET wrapper 'agentcore_fdw.engines.foreign_tables.AgentCoreForeignDataWrapper');
    END IF;
END $$;
CREATE SCHEMA IF NOT EXISTS agentcore_multicorn;
COMMENT ON SCHEMA agentcore_multicorn IS 'Foreign tables behind the agentcore views of the multicorn engine.';

-- Releases before held the foreign tables in agentcore itself: move each here, and
-- put in its place a view granted what it was. Views over it follow it: the bundled
-- ones, which views.sql then makes anew over the view, and yours, which keep reading
-- it here.
DO $$
DECLARE
    name text;
    granted record;
BEGIN
    FOR name IN
        SELECT c.relname FROM pg_class c
        WHERE c.relnamespace = 'agentcore'::regnamespace AND c.relkind = 'f'
          AND c.relname = ANY(ARRAY['accounts', 'agent_runtimes', 'agent_runtime_endpoints', 'agent_runtime_versions', 'gateways', 'gateway_targets', 'resource_policies', 'memories', 'browsers', 'code_interpreters', 'harnesses', 'harness_versions', 'harness_endpoints', 'registries', 'payment_managers', 'iam_invokers', 'cognito_user_pools', 'cognito_user_pool_clients', 'cognito_resource_servers', 'cache', 'api_coverage'])
    LOOP
        IF to_regclass('agentcore_multicorn.' || quote_ident(name)) IS NOT NULL THEN
            EXECUTE format('DROP FOREIGN TABLE agentcore.%I CASCADE', name);
            CONTINUE;
        END IF;
        EXECUTE format('ALTER FOREIGN TABLE agentcore.%I SET SCHEMA agentcore_multicorn', name);
        EXECUTE format('CREATE VIEW agentcore.%I AS SELECT * FROM agentcore_multicorn.%I', name, name);
        FOR granted IN
            SELECT a.privilege_type, a.is_grantable,
                   CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END
                       AS grantee
            FROM pg_class c, aclexplode(c.relacl) AS a
            WHERE c.oid = format('agentcore_multicorn.%I', name)::regclass
              AND a.grantee <> c.relowner
        LOOP
            EXECUTE format('GRANT %s ON agentcore.%I TO %s', granted.privilege_type,
                name, granted.grantee)
                || CASE WHEN granted.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END;
            EXECUTE format('REVOKE %s ON agentcore_multicorn.%I FROM %s',
                granted.privilege_type, name, granted.grantee);
        END LOOP;
    END LOOP;
END $$;

-- Import the tables that are missing; existing ones (and views over them) are kept.
DO $$
DECLARE
    missing text;
BEGIN
    SELECT string_agg(quote_ident(name), ', ') INTO missing
    FROM unnest(ARRAY['accounts', 'agent_runtimes', 'agent_runtime_endpoints', 'agent_runtime_versions', 'gateways', 'gateway_targets', 'resource_policies', 'memories', 'browsers', 'code_interpreters', 'harnesses', 'harness_versions', 'harness_endpoints', 'registries', 'payment_managers', 'iam_invokers', 'cognito_user_pools', 'cognito_user_pool_clients', 'cognito_resource_servers', 'cache', 'api_coverage']) AS name
    WHERE to_regclass('agentcore_multicorn.' || quote_ident(name)) IS NULL;
    IF missing IS NOT NULL THEN
        EXECUTE 'IMPORT FOREIGN SCHEMA agentcore LIMIT TO (' || missing
            || ') FROM SERVER agentcore INTO agentcore_multicorn';
    END IF;
END $$;

-- Bad option values are refused at ALTER SERVER, as with the plpython engine:
-- Multicorn2's validator looks only at its own wrapper option, so an event trigger
-- checks ours where PL/Python is installed (without it, they fail at the next query).
DO $do$ BEGIN
    IF EXISTS (SELECT FROM pg_available_extensions WHERE name = 'plpython3u') THEN
        CREATE EXTENSION IF NOT EXISTS plpython3u;
        -- PL/Python has no event triggers: a PL/pgSQL one calls it.
        CREATE OR REPLACE FUNCTION agentcore.validate_server_options()
        RETURNS void
        LANGUAGE plpython3u SECURITY DEFINER
        SET search_path = pg_catalog
        AS $python$
from agentcore_fdw.engines import plpython as engine
engine.check_server_options(plpy)
$python$;
        REVOKE EXECUTE ON FUNCTION agentcore.validate_server_options() FROM PUBLIC;
        CREATE OR REPLACE FUNCTION agentcore.check_server_options()
        RETURNS event_trigger
        LANGUAGE plpgsql
        SET search_path = pg_catalog
        AS $plpgsql$ BEGIN PERFORM agentcore.validate_server_options(); END $plpgsql$;
        REVOKE EXECUTE ON FUNCTION agentcore.check_server_options() FROM PUBLIC;
        DROP EVENT TRIGGER IF EXISTS agentcore_server_options;
        CREATE EVENT TRIGGER agentcore_server_options ON ddl_command_end
            WHEN TAG IN ('ALTER SERVER')
            EXECUTE FUNCTION agentcore.check_server_options();
CREATE OR REPLACE FUNCTION agentcore.refresh(table_name text DEFAULT NULL)
RETURNS integer
LANGUAGE plpython3u VOLATILE SECURITY DEFINER
SET search_path = pg_catalog
AS $python$
try:
    from agentcore_fdw.engines import plpython as engine
except ImportError as exc:
    plpy.error("agentcore: the PostgreSQL server's Python cannot import %s" % exc.name,
               hint="install agentcore-fdw and boto3 where the server's Python finds them, e.g. PYTHONPATH in the server's environment naming a virtual environment's site-packages (see README)")
return engine.refresh(plpy, table_name)
$python$;
REVOKE EXECUTE ON FUNCTION agentcore.refresh(text) FROM PUBLIC;
COMMENT ON FUNCTION agentcore.refresh(text) IS 'Forget what the shared cache holds for the server''s options, for one table (by name) or all: the next query of each reads AWS. Returns how many cached scans were dropped.';
    END IF;
END $do$;

COMMENT ON FOREIGN TABLE agentcore_multicorn.accounts IS 'Every AWS account the server options name: those read through profiles or the default credentials, through role_arn, accounts or the organization, and those skipped, with why.';
COMMENT ON COLUMN agentcore_multicorn.accounts.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.accounts.account_name IS 'The account''s name in AWS Organizations, when the organization was read.';
COMMENT ON COLUMN agentcore_multicorn.accounts.reached_by IS 'How it is reached: profile, default credentials, role (role_arn or accounts), or organization.';
COMMENT ON COLUMN agentcore_multicorn.accounts.profile IS 'The named profile whose credentials read it, or assume its role (NULL: the default credentials).';
COMMENT ON COLUMN agentcore_multicorn.accounts.role_arn IS 'The role assumed to read it; NULL when none is.';
COMMENT ON COLUMN agentcore_multicorn.accounts.status IS 'ok when it can be read (its role was assumed), skipped when the options leave it out, or the error code that stops it being read (AccessDenied).';
COMMENT ON COLUMN agentcore_multicorn.accounts.status_reason IS 'Why it is skipped, or the error''s message; NULL when ok.';
COMMENT ON COLUMN agentcore_multicorn.accounts.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.accounts AS
    SELECT * FROM agentcore_multicorn.accounts;
COMMENT ON VIEW agentcore.accounts IS 'Every AWS account the server options name: those read through profiles or the default credentials, through role_arn, accounts or the organization, and those skipped, with why.';
COMMENT ON COLUMN agentcore.accounts.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.accounts.account_name IS 'The account''s name in AWS Organizations, when the organization was read.';
COMMENT ON COLUMN agentcore.accounts.reached_by IS 'How it is reached: profile, default credentials, role (role_arn or accounts), or organization.';
COMMENT ON COLUMN agentcore.accounts.profile IS 'The named profile whose credentials read it, or assume its role (NULL: the default credentials).';
COMMENT ON COLUMN agentcore.accounts.role_arn IS 'The role assumed to read it; NULL when none is.';
COMMENT ON COLUMN agentcore.accounts.status IS 'ok when it can be read (its role was assumed), skipped when the options leave it out, or the error code that stops it being read (AccessDenied).';
COMMENT ON COLUMN agentcore.accounts.status_reason IS 'Why it is skipped, or the error''s message; NULL when ok.';
COMMENT ON COLUMN agentcore.accounts.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.agent_runtimes IS 'Amazon Bedrock AgentCore runtimes, one row per runtime (its current version), with their inbound authorizer flattened. Environment variable values are never read out; only their names are.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.agent_runtime_id IS 'The runtime''s ID.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.agent_runtime_arn IS 'The runtime''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.agent_runtime_name IS 'The runtime''s name.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.agent_runtime_version IS 'The version (in agent_runtimes, the current one).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.description IS 'The runtime''s description.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.created_at IS 'When the runtime was created.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.role_arn IS 'The IAM role the runtime runs as.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.network_mode IS 'PUBLIC or VPC.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.server_protocol IS 'HTTP, MCP or A2A.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.authorizer_type IS 'CUSTOM_JWT when a custom JWT authorizer validates each call''s bearer token; NULL when the runtime has no authorizer configuration and accepts any caller allowed to call InvokeAgentRuntime; UNKNOWN(name) for an authorizer kind this version''s model does not define (judged error).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.request_header_allowlist IS 'Request headers passed through to the agent.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.workload_identity_arn IS 'The runtime''s workload identity.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.environment_variable_names IS 'Names of the runtime''s environment variables (never their values).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.vpc_subnets IS 'The subnets of a VPC-mode runtime.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.vpc_security_groups IS 'The security groups of a VPC-mode runtime.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.require_mmdsv2 IS 'Whether the runtime''s microVM metadata service accepts only session-token (MMDSv2) requests; NULL when not configured (v1 requests are accepted).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.idle_session_timeout IS 'Seconds an idle session is kept (lifecycleConfiguration).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.max_lifetime IS 'Seconds a session may last at most (lifecycleConfiguration).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.artifact_type IS 'container or code.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.container_uri IS 'The container image a container runtime runs (never the code of a code one).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.detail_error IS 'NULL normally; the AWS error code when the runtime''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtimes.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.agent_runtimes AS
    SELECT * FROM agentcore_multicorn.agent_runtimes;
COMMENT ON VIEW agentcore.agent_runtimes IS 'Amazon Bedrock AgentCore runtimes, one row per runtime (its current version), with their inbound authorizer flattened. Environment variable values are never read out; only their names are.';
COMMENT ON COLUMN agentcore.agent_runtimes.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.agent_runtimes.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.agent_runtimes.agent_runtime_id IS 'The runtime''s ID.';
COMMENT ON COLUMN agentcore.agent_runtimes.agent_runtime_arn IS 'The runtime''s ARN.';
COMMENT ON COLUMN agentcore.agent_runtimes.agent_runtime_name IS 'The runtime''s name.';
COMMENT ON COLUMN agentcore.agent_runtimes.agent_runtime_version IS 'The version (in agent_runtimes, the current one).';
COMMENT ON COLUMN agentcore.agent_runtimes.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.agent_runtimes.description IS 'The runtime''s description.';
COMMENT ON COLUMN agentcore.agent_runtimes.created_at IS 'When the runtime was created.';
COMMENT ON COLUMN agentcore.agent_runtimes.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.agent_runtimes.role_arn IS 'The IAM role the runtime runs as.';
COMMENT ON COLUMN agentcore.agent_runtimes.network_mode IS 'PUBLIC or VPC.';
COMMENT ON COLUMN agentcore.agent_runtimes.server_protocol IS 'HTTP, MCP or A2A.';
COMMENT ON COLUMN agentcore.agent_runtimes.authorizer_type IS 'CUSTOM_JWT when a custom JWT authorizer validates each call''s bearer token; NULL when the runtime has no authorizer configuration and accepts any caller allowed to call InvokeAgentRuntime; UNKNOWN(name) for an authorizer kind this version''s model does not define (judged error).';
COMMENT ON COLUMN agentcore.agent_runtimes.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore.agent_runtimes.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.agent_runtimes.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.agent_runtimes.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore.agent_runtimes.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore.agent_runtimes.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore.agent_runtimes.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore.agent_runtimes.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore.agent_runtimes.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore.agent_runtimes.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore.agent_runtimes.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore.agent_runtimes.request_header_allowlist IS 'Request headers passed through to the agent.';
COMMENT ON COLUMN agentcore.agent_runtimes.workload_identity_arn IS 'The runtime''s workload identity.';
COMMENT ON COLUMN agentcore.agent_runtimes.environment_variable_names IS 'Names of the runtime''s environment variables (never their values).';
COMMENT ON COLUMN agentcore.agent_runtimes.vpc_subnets IS 'The subnets of a VPC-mode runtime.';
COMMENT ON COLUMN agentcore.agent_runtimes.vpc_security_groups IS 'The security groups of a VPC-mode runtime.';
COMMENT ON COLUMN agentcore.agent_runtimes.require_mmdsv2 IS 'Whether the runtime''s microVM metadata service accepts only session-token (MMDSv2) requests; NULL when not configured (v1 requests are accepted).';
COMMENT ON COLUMN agentcore.agent_runtimes.idle_session_timeout IS 'Seconds an idle session is kept (lifecycleConfiguration).';
COMMENT ON COLUMN agentcore.agent_runtimes.max_lifetime IS 'Seconds a session may last at most (lifecycleConfiguration).';
COMMENT ON COLUMN agentcore.agent_runtimes.artifact_type IS 'container or code.';
COMMENT ON COLUMN agentcore.agent_runtimes.container_uri IS 'The container image a container runtime runs (never the code of a code one).';
COMMENT ON COLUMN agentcore.agent_runtimes.detail_error IS 'NULL normally; the AWS error code when the runtime''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore.agent_runtimes.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.agent_runtime_endpoints IS 'Endpoints of Amazon Bedrock AgentCore runtimes (DEFAULT and named ones): callers invoke an endpoint, which serves its live version (and, while an update is in flight, moves to its target version).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.agent_runtime_id IS 'The runtime the endpoint serves.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.agent_runtime_arn IS 'The runtime''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.endpoint_name IS 'DEFAULT, or the endpoint''s own name.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.endpoint_id IS 'The endpoint''s ID.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.endpoint_arn IS 'The endpoint''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.live_version IS 'The runtime version the endpoint serves now.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.target_version IS 'The version the endpoint is moving to; equal to live_version when no update is in flight.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.description IS 'The endpoint''s description.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.created_at IS 'When the endpoint was created.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_endpoints.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.agent_runtime_endpoints AS
    SELECT * FROM agentcore_multicorn.agent_runtime_endpoints;
COMMENT ON VIEW agentcore.agent_runtime_endpoints IS 'Endpoints of Amazon Bedrock AgentCore runtimes (DEFAULT and named ones): callers invoke an endpoint, which serves its live version (and, while an update is in flight, moves to its target version).';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.agent_runtime_id IS 'The runtime the endpoint serves.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.agent_runtime_arn IS 'The runtime''s ARN.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.endpoint_name IS 'DEFAULT, or the endpoint''s own name.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.endpoint_id IS 'The endpoint''s ID.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.endpoint_arn IS 'The endpoint''s ARN.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.live_version IS 'The runtime version the endpoint serves now.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.target_version IS 'The version the endpoint is moving to; equal to live_version when no update is in flight.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.description IS 'The endpoint''s description.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.created_at IS 'When the endpoint was created.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.agent_runtime_endpoints.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.agent_runtime_versions IS 'Every version of every Amazon Bedrock AgentCore runtime, with the inbound authorizer that version applies: the endpoints that serve it let callers in through it. Environment variable values are never read out; only their names are.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.agent_runtime_id IS 'The runtime''s ID.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.agent_runtime_arn IS 'The runtime''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.agent_runtime_name IS 'The runtime''s name.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.agent_runtime_version IS 'The version (in agent_runtimes, the current one).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.description IS 'The runtime''s description.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.created_at IS 'When the runtime was created.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.role_arn IS 'The IAM role the runtime runs as.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.network_mode IS 'PUBLIC or VPC.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.server_protocol IS 'HTTP, MCP or A2A.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.authorizer_type IS 'CUSTOM_JWT when a custom JWT authorizer validates each call''s bearer token; NULL when the runtime has no authorizer configuration and accepts any caller allowed to call InvokeAgentRuntime; UNKNOWN(name) for an authorizer kind this version''s model does not define (judged error).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.request_header_allowlist IS 'Request headers passed through to the agent.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.workload_identity_arn IS 'The runtime''s workload identity.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.environment_variable_names IS 'Names of the runtime''s environment variables (never their values).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.vpc_subnets IS 'The subnets of a VPC-mode runtime.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.vpc_security_groups IS 'The security groups of a VPC-mode runtime.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.require_mmdsv2 IS 'Whether the runtime''s microVM metadata service accepts only session-token (MMDSv2) requests; NULL when not configured (v1 requests are accepted).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.idle_session_timeout IS 'Seconds an idle session is kept (lifecycleConfiguration).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.max_lifetime IS 'Seconds a session may last at most (lifecycleConfiguration).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.artifact_type IS 'container or code.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.container_uri IS 'The container image a container runtime runs (never the code of a code one).';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.detail_error IS 'NULL normally; the AWS error code when the runtime''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore_multicorn.agent_runtime_versions.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.agent_runtime_versions AS
    SELECT * FROM agentcore_multicorn.agent_runtime_versions;
COMMENT ON VIEW agentcore.agent_runtime_versions IS 'Every version of every Amazon Bedrock AgentCore runtime, with the inbound authorizer that version applies: the endpoints that serve it let callers in through it. Environment variable values are never read out; only their names are.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.agent_runtime_id IS 'The runtime''s ID.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.agent_runtime_arn IS 'The runtime''s ARN.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.agent_runtime_name IS 'The runtime''s name.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.agent_runtime_version IS 'The version (in agent_runtimes, the current one).';
COMMENT ON COLUMN agentcore.agent_runtime_versions.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.description IS 'The runtime''s description.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.created_at IS 'When the runtime was created.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.role_arn IS 'The IAM role the runtime runs as.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.network_mode IS 'PUBLIC or VPC.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.server_protocol IS 'HTTP, MCP or A2A.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.authorizer_type IS 'CUSTOM_JWT when a custom JWT authorizer validates each call''s bearer token; NULL when the runtime has no authorizer configuration and accepts any caller allowed to call InvokeAgentRuntime; UNKNOWN(name) for an authorizer kind this version''s model does not define (judged error).';
COMMENT ON COLUMN agentcore.agent_runtime_versions.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.request_header_allowlist IS 'Request headers passed through to the agent.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.workload_identity_arn IS 'The runtime''s workload identity.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.environment_variable_names IS 'Names of the runtime''s environment variables (never their values).';
COMMENT ON COLUMN agentcore.agent_runtime_versions.vpc_subnets IS 'The subnets of a VPC-mode runtime.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.vpc_security_groups IS 'The security groups of a VPC-mode runtime.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.require_mmdsv2 IS 'Whether the runtime''s microVM metadata service accepts only session-token (MMDSv2) requests; NULL when not configured (v1 requests are accepted).';
COMMENT ON COLUMN agentcore.agent_runtime_versions.idle_session_timeout IS 'Seconds an idle session is kept (lifecycleConfiguration).';
COMMENT ON COLUMN agentcore.agent_runtime_versions.max_lifetime IS 'Seconds a session may last at most (lifecycleConfiguration).';
COMMENT ON COLUMN agentcore.agent_runtime_versions.artifact_type IS 'container or code.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.container_uri IS 'The container image a container runtime runs (never the code of a code one).';
COMMENT ON COLUMN agentcore.agent_runtime_versions.detail_error IS 'NULL normally; the AWS error code when the runtime''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore.agent_runtime_versions.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.gateways IS 'Amazon Bedrock AgentCore gateways, with the inbound authorizer each applies (CUSTOM_JWT, AWS_IAM, AUTHENTICATE_ONLY or NONE) flattened as for runtimes.';
COMMENT ON COLUMN agentcore_multicorn.gateways.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.gateways.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.gateways.gateway_id IS 'The gateway''s ID.';
COMMENT ON COLUMN agentcore_multicorn.gateways.gateway_arn IS 'The gateway''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.gateways.name IS 'The gateway''s name.';
COMMENT ON COLUMN agentcore_multicorn.gateways.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.gateways.gateway_url IS 'The URL callers invoke.';
COMMENT ON COLUMN agentcore_multicorn.gateways.protocol_type IS 'MCP, or NULL for HTTP targets.';
COMMENT ON COLUMN agentcore_multicorn.gateways.authorizer_type IS 'CUSTOM_JWT (a bearer token checked against an identity provider), AWS_IAM (SigV4), AUTHENTICATE_ONLY (a token checked for validity only) or NONE (anyone).';
COMMENT ON COLUMN agentcore_multicorn.gateways.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore_multicorn.gateways.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.gateways.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.gateways.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore_multicorn.gateways.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore_multicorn.gateways.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore_multicorn.gateways.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.gateways.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore_multicorn.gateways.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.gateways.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore_multicorn.gateways.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore_multicorn.gateways.role_arn IS 'The IAM role the gateway uses.';
COMMENT ON COLUMN agentcore_multicorn.gateways.kms_key_arn IS 'The customer managed key encrypting it; NULL for an AWS owned key.';
COMMENT ON COLUMN agentcore_multicorn.gateways.policy_engine_arn IS 'The policy engine that authorizes each tool call, if any.';
COMMENT ON COLUMN agentcore_multicorn.gateways.policy_engine_mode IS 'ENFORCE or LOG_ONLY.';
COMMENT ON COLUMN agentcore_multicorn.gateways.exception_level IS 'DEBUG returns detailed errors to callers; NULL returns generic ones.';
COMMENT ON COLUMN agentcore_multicorn.gateways.web_acl_arn IS 'The AWS WAF web ACL in front of it.';
COMMENT ON COLUMN agentcore_multicorn.gateways.waf_failure_mode IS 'What the gateway does when AWS WAF cannot be reached.';
COMMENT ON COLUMN agentcore_multicorn.gateways.workload_identity_arn IS 'The gateway''s workload identity.';
COMMENT ON COLUMN agentcore_multicorn.gateways.created_at IS 'When the gateway was created.';
COMMENT ON COLUMN agentcore_multicorn.gateways.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.gateways.detail_error IS 'NULL normally; the AWS error code when the gateway''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore_multicorn.gateways.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.gateways AS
    SELECT * FROM agentcore_multicorn.gateways;
COMMENT ON VIEW agentcore.gateways IS 'Amazon Bedrock AgentCore gateways, with the inbound authorizer each applies (CUSTOM_JWT, AWS_IAM, AUTHENTICATE_ONLY or NONE) flattened as for runtimes.';
COMMENT ON COLUMN agentcore.gateways.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.gateways.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.gateways.gateway_id IS 'The gateway''s ID.';
COMMENT ON COLUMN agentcore.gateways.gateway_arn IS 'The gateway''s ARN.';
COMMENT ON COLUMN agentcore.gateways.name IS 'The gateway''s name.';
COMMENT ON COLUMN agentcore.gateways.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.gateways.gateway_url IS 'The URL callers invoke.';
COMMENT ON COLUMN agentcore.gateways.protocol_type IS 'MCP, or NULL for HTTP targets.';
COMMENT ON COLUMN agentcore.gateways.authorizer_type IS 'CUSTOM_JWT (a bearer token checked against an identity provider), AWS_IAM (SigV4), AUTHENTICATE_ONLY (a token checked for validity only) or NONE (anyone).';
COMMENT ON COLUMN agentcore.gateways.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore.gateways.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.gateways.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.gateways.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore.gateways.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore.gateways.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore.gateways.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore.gateways.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore.gateways.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore.gateways.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore.gateways.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore.gateways.role_arn IS 'The IAM role the gateway uses.';
COMMENT ON COLUMN agentcore.gateways.kms_key_arn IS 'The customer managed key encrypting it; NULL for an AWS owned key.';
COMMENT ON COLUMN agentcore.gateways.policy_engine_arn IS 'The policy engine that authorizes each tool call, if any.';
COMMENT ON COLUMN agentcore.gateways.policy_engine_mode IS 'ENFORCE or LOG_ONLY.';
COMMENT ON COLUMN agentcore.gateways.exception_level IS 'DEBUG returns detailed errors to callers; NULL returns generic ones.';
COMMENT ON COLUMN agentcore.gateways.web_acl_arn IS 'The AWS WAF web ACL in front of it.';
COMMENT ON COLUMN agentcore.gateways.waf_failure_mode IS 'What the gateway does when AWS WAF cannot be reached.';
COMMENT ON COLUMN agentcore.gateways.workload_identity_arn IS 'The gateway''s workload identity.';
COMMENT ON COLUMN agentcore.gateways.created_at IS 'When the gateway was created.';
COMMENT ON COLUMN agentcore.gateways.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.gateways.detail_error IS 'NULL normally; the AWS error code when the gateway''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore.gateways.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.gateway_targets IS 'Targets of Amazon Bedrock AgentCore gateways: what a caller let in by the gateway reaches (a Lambda function, an API, an MCP server, an AgentCore runtime), and the kind of credential the gateway uses for it. No secret is read out.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.gateway_id IS 'The gateway the target belongs to.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.target_id IS 'The target''s ID.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.name IS 'The target''s name.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.target_type IS 'What the target is: mcp.lambda, mcp.openApiSchema, mcp.smithyModel, mcp.mcpServer, mcp.apiGateway, http.agentcoreRuntime, ...';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.credential_provider_type IS 'GATEWAY_IAM_ROLE, OAUTH, API_KEY, CALLER_IAM_CREDENTIALS or JWT_PASSTHROUGH.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.credential_provider_arn IS 'The AgentCore Identity provider holding the OAuth client or API key.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.oauth_scopes IS 'Scopes the gateway asks for when it gets an OAuth token for the target.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.oauth_grant_type IS 'CLIENT_CREDENTIALS, AUTHORIZATION_CODE or TOKEN_EXCHANGE.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.target_runtime_arn IS 'When the target is an AgentCore runtime, its ARN: callers reach that runtime through this gateway.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.target_runtime_qualifier IS 'The runtime endpoint (or version) the gateway invokes, DEFAULT when unnamed.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.created_at IS 'When the target was created.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.detail_error IS 'NULL normally; the AWS error code when the target''s details could not be read.';
COMMENT ON COLUMN agentcore_multicorn.gateway_targets.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.gateway_targets AS
    SELECT * FROM agentcore_multicorn.gateway_targets;
COMMENT ON VIEW agentcore.gateway_targets IS 'Targets of Amazon Bedrock AgentCore gateways: what a caller let in by the gateway reaches (a Lambda function, an API, an MCP server, an AgentCore runtime), and the kind of credential the gateway uses for it. No secret is read out.';
COMMENT ON COLUMN agentcore.gateway_targets.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.gateway_targets.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.gateway_targets.gateway_id IS 'The gateway the target belongs to.';
COMMENT ON COLUMN agentcore.gateway_targets.target_id IS 'The target''s ID.';
COMMENT ON COLUMN agentcore.gateway_targets.name IS 'The target''s name.';
COMMENT ON COLUMN agentcore.gateway_targets.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.gateway_targets.target_type IS 'What the target is: mcp.lambda, mcp.openApiSchema, mcp.smithyModel, mcp.mcpServer, mcp.apiGateway, http.agentcoreRuntime, ...';
COMMENT ON COLUMN agentcore.gateway_targets.credential_provider_type IS 'GATEWAY_IAM_ROLE, OAUTH, API_KEY, CALLER_IAM_CREDENTIALS or JWT_PASSTHROUGH.';
COMMENT ON COLUMN agentcore.gateway_targets.credential_provider_arn IS 'The AgentCore Identity provider holding the OAuth client or API key.';
COMMENT ON COLUMN agentcore.gateway_targets.oauth_scopes IS 'Scopes the gateway asks for when it gets an OAuth token for the target.';
COMMENT ON COLUMN agentcore.gateway_targets.oauth_grant_type IS 'CLIENT_CREDENTIALS, AUTHORIZATION_CODE or TOKEN_EXCHANGE.';
COMMENT ON COLUMN agentcore.gateway_targets.target_runtime_arn IS 'When the target is an AgentCore runtime, its ARN: callers reach that runtime through this gateway.';
COMMENT ON COLUMN agentcore.gateway_targets.target_runtime_qualifier IS 'The runtime endpoint (or version) the gateway invokes, DEFAULT when unnamed.';
COMMENT ON COLUMN agentcore.gateway_targets.created_at IS 'When the target was created.';
COMMENT ON COLUMN agentcore.gateway_targets.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.gateway_targets.detail_error IS 'NULL normally; the AWS error code when the target''s details could not be read.';
COMMENT ON COLUMN agentcore.gateway_targets.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.resource_policies IS 'Resource-based policies of Amazon Bedrock AgentCore runtimes, runtime endpoints, gateways and memories: which IAM principals may invoke or use them. One row per resource that has a policy.';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.resource_arn IS 'The resource''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.resource_id IS 'The runtime''s, gateway''s or memory''s ID, as its list names it; for an endpoint <runtime ID>/runtime-endpoint/<name>: what doors join on.';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.resource_type IS 'runtime, runtime-endpoint, gateway or memory.';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.policy IS 'The policy document.';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.allows_public IS 'Whether an Allow statement lets in any AWS principal (Principal * or {"AWS": "*"}, or a NotPrincipal) that no condition of its own, and no Deny for everyone outside, bounds to an account, organisation, network or source (IAM''s condition operators: IfExists, negated operators and wildcard values bound nothing). NULL when a statement could not be judged (undecided_statements).';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.public_statements IS 'The Sids (or #positions) of those statements.';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.undecided_statements IS 'Statements that could not be judged, each with why (an operator IAM does not have, a principal with a partial wildcard); NULL when none.';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.detail_error IS 'NULL normally; the AWS error code when the policy could not be read, or MalformedResponse when it is not a policy document.';
COMMENT ON COLUMN agentcore_multicorn.resource_policies.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.resource_policies AS
    SELECT * FROM agentcore_multicorn.resource_policies;
COMMENT ON VIEW agentcore.resource_policies IS 'Resource-based policies of Amazon Bedrock AgentCore runtimes, runtime endpoints, gateways and memories: which IAM principals may invoke or use them. One row per resource that has a policy.';
COMMENT ON COLUMN agentcore.resource_policies.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.resource_policies.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.resource_policies.resource_arn IS 'The resource''s ARN.';
COMMENT ON COLUMN agentcore.resource_policies.resource_id IS 'The runtime''s, gateway''s or memory''s ID, as its list names it; for an endpoint <runtime ID>/runtime-endpoint/<name>: what doors join on.';
COMMENT ON COLUMN agentcore.resource_policies.resource_type IS 'runtime, runtime-endpoint, gateway or memory.';
COMMENT ON COLUMN agentcore.resource_policies.policy IS 'The policy document.';
COMMENT ON COLUMN agentcore.resource_policies.allows_public IS 'Whether an Allow statement lets in any AWS principal (Principal * or {"AWS": "*"}, or a NotPrincipal) that no condition of its own, and no Deny for everyone outside, bounds to an account, organisation, network or source (IAM''s condition operators: IfExists, negated operators and wildcard values bound nothing). NULL when a statement could not be judged (undecided_statements).';
COMMENT ON COLUMN agentcore.resource_policies.public_statements IS 'The Sids (or #positions) of those statements.';
COMMENT ON COLUMN agentcore.resource_policies.undecided_statements IS 'Statements that could not be judged, each with why (an operator IAM does not have, a principal with a partial wildcard); NULL when none.';
COMMENT ON COLUMN agentcore.resource_policies.detail_error IS 'NULL normally; the AWS error code when the policy could not be read, or MalformedResponse when it is not a policy document.';
COMMENT ON COLUMN agentcore.resource_policies.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.memories IS 'Amazon Bedrock AgentCore memories: what they keep, for how long, and the KMS key that encrypts them (NULL: a key AWS owns).';
COMMENT ON COLUMN agentcore_multicorn.memories.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.memories.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.memories.memory_id IS 'The memory''s ID.';
COMMENT ON COLUMN agentcore_multicorn.memories.memory_arn IS 'The memory''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.memories.name IS 'The memory''s name.';
COMMENT ON COLUMN agentcore_multicorn.memories.status IS 'CREATING, ACTIVE, FAILED or DELETING.';
COMMENT ON COLUMN agentcore_multicorn.memories.encryption_key_arn IS 'The customer managed KMS key that encrypts the memory; NULL when AWS''s own key does (it can only be chosen when the memory is created).';
COMMENT ON COLUMN agentcore_multicorn.memories.memory_execution_role_arn IS 'The IAM role the memory''s strategies run as.';
COMMENT ON COLUMN agentcore_multicorn.memories.event_expiry_days IS 'Days events are kept.';
COMMENT ON COLUMN agentcore_multicorn.memories.strategies IS 'The memory''s strategies (semantic, summary, user preference, custom).';
COMMENT ON COLUMN agentcore_multicorn.memories.created_at IS 'When the memory was created.';
COMMENT ON COLUMN agentcore_multicorn.memories.updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.memories.detail_error IS 'NULL normally; the AWS error code when the memory''s details could not be read.';
COMMENT ON COLUMN agentcore_multicorn.memories.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.memories AS
    SELECT * FROM agentcore_multicorn.memories;
COMMENT ON VIEW agentcore.memories IS 'Amazon Bedrock AgentCore memories: what they keep, for how long, and the KMS key that encrypts them (NULL: a key AWS owns).';
COMMENT ON COLUMN agentcore.memories.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.memories.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.memories.memory_id IS 'The memory''s ID.';
COMMENT ON COLUMN agentcore.memories.memory_arn IS 'The memory''s ARN.';
COMMENT ON COLUMN agentcore.memories.name IS 'The memory''s name.';
COMMENT ON COLUMN agentcore.memories.status IS 'CREATING, ACTIVE, FAILED or DELETING.';
COMMENT ON COLUMN agentcore.memories.encryption_key_arn IS 'The customer managed KMS key that encrypts the memory; NULL when AWS''s own key does (it can only be chosen when the memory is created).';
COMMENT ON COLUMN agentcore.memories.memory_execution_role_arn IS 'The IAM role the memory''s strategies run as.';
COMMENT ON COLUMN agentcore.memories.event_expiry_days IS 'Days events are kept.';
COMMENT ON COLUMN agentcore.memories.strategies IS 'The memory''s strategies (semantic, summary, user preference, custom).';
COMMENT ON COLUMN agentcore.memories.created_at IS 'When the memory was created.';
COMMENT ON COLUMN agentcore.memories.updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.memories.detail_error IS 'NULL normally; the AWS error code when the memory''s details could not be read.';
COMMENT ON COLUMN agentcore.memories.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.browsers IS 'Amazon Bedrock AgentCore custom browsers (AWS''s own aws.browser.v1 is not listed): the network they reach and whether their sessions are recorded.';
COMMENT ON COLUMN agentcore_multicorn.browsers.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.browsers.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.browsers.browser_id IS 'The browser''s ID.';
COMMENT ON COLUMN agentcore_multicorn.browsers.arn IS 'The browser''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.browsers.name IS 'The browser''s name.';
COMMENT ON COLUMN agentcore_multicorn.browsers.status IS 'CREATING, READY, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.browsers.network_mode IS 'PUBLIC (the internet) or VPC.';
COMMENT ON COLUMN agentcore_multicorn.browsers.recording_enabled IS 'Whether sessions are recorded; NULL when recording is not configured.';
COMMENT ON COLUMN agentcore_multicorn.browsers.recording_s3_location IS 'Where recordings go, as s3://bucket/prefix.';
COMMENT ON COLUMN agentcore_multicorn.browsers.execution_role_arn IS 'The IAM role the browser runs as.';
COMMENT ON COLUMN agentcore_multicorn.browsers.detail_error IS 'NULL normally; the AWS error code when the browser''s details could not be read.';
COMMENT ON COLUMN agentcore_multicorn.browsers.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.browsers AS
    SELECT * FROM agentcore_multicorn.browsers;
COMMENT ON VIEW agentcore.browsers IS 'Amazon Bedrock AgentCore custom browsers (AWS''s own aws.browser.v1 is not listed): the network they reach and whether their sessions are recorded.';
COMMENT ON COLUMN agentcore.browsers.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.browsers.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.browsers.browser_id IS 'The browser''s ID.';
COMMENT ON COLUMN agentcore.browsers.arn IS 'The browser''s ARN.';
COMMENT ON COLUMN agentcore.browsers.name IS 'The browser''s name.';
COMMENT ON COLUMN agentcore.browsers.status IS 'CREATING, READY, DELETING or a failure.';
COMMENT ON COLUMN agentcore.browsers.network_mode IS 'PUBLIC (the internet) or VPC.';
COMMENT ON COLUMN agentcore.browsers.recording_enabled IS 'Whether sessions are recorded; NULL when recording is not configured.';
COMMENT ON COLUMN agentcore.browsers.recording_s3_location IS 'Where recordings go, as s3://bucket/prefix.';
COMMENT ON COLUMN agentcore.browsers.execution_role_arn IS 'The IAM role the browser runs as.';
COMMENT ON COLUMN agentcore.browsers.detail_error IS 'NULL normally; the AWS error code when the browser''s details could not be read.';
COMMENT ON COLUMN agentcore.browsers.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.code_interpreters IS 'Amazon Bedrock AgentCore custom code interpreters (AWS''s own aws.codeinterpreter.v1 is not listed) and the network the code they run can reach.';
COMMENT ON COLUMN agentcore_multicorn.code_interpreters.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.code_interpreters.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.code_interpreters.code_interpreter_id IS 'The code interpreter''s ID.';
COMMENT ON COLUMN agentcore_multicorn.code_interpreters.arn IS 'The code interpreter''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.code_interpreters.name IS 'The code interpreter''s name.';
COMMENT ON COLUMN agentcore_multicorn.code_interpreters.status IS 'CREATING, READY, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.code_interpreters.network_mode IS 'PUBLIC (the internet), SANDBOX (no network but AWS''s S3 and the like) or VPC.';
COMMENT ON COLUMN agentcore_multicorn.code_interpreters.execution_role_arn IS 'The IAM role the code interpreter runs as.';
COMMENT ON COLUMN agentcore_multicorn.code_interpreters.detail_error IS 'NULL normally; the AWS error code when its details could not be read.';
COMMENT ON COLUMN agentcore_multicorn.code_interpreters.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.code_interpreters AS
    SELECT * FROM agentcore_multicorn.code_interpreters;
COMMENT ON VIEW agentcore.code_interpreters IS 'Amazon Bedrock AgentCore custom code interpreters (AWS''s own aws.codeinterpreter.v1 is not listed) and the network the code they run can reach.';
COMMENT ON COLUMN agentcore.code_interpreters.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.code_interpreters.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.code_interpreters.code_interpreter_id IS 'The code interpreter''s ID.';
COMMENT ON COLUMN agentcore.code_interpreters.arn IS 'The code interpreter''s ARN.';
COMMENT ON COLUMN agentcore.code_interpreters.name IS 'The code interpreter''s name.';
COMMENT ON COLUMN agentcore.code_interpreters.status IS 'CREATING, READY, DELETING or a failure.';
COMMENT ON COLUMN agentcore.code_interpreters.network_mode IS 'PUBLIC (the internet), SANDBOX (no network but AWS''s S3 and the like) or VPC.';
COMMENT ON COLUMN agentcore.code_interpreters.execution_role_arn IS 'The IAM role the code interpreter runs as.';
COMMENT ON COLUMN agentcore.code_interpreters.detail_error IS 'NULL normally; the AWS error code when its details could not be read.';
COMMENT ON COLUMN agentcore.code_interpreters.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.harnesses IS 'Amazon Bedrock AgentCore harnesses (managed agents), one row per harness (its current version), with their inbound authorizer flattened. Environment variable values, system prompts, MCP tool URLs'' paths and header values are never read out.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.harness_id IS 'The harness''s ID.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.harness_arn IS 'The harness''s ARN (what InvokeHarness takes).';
COMMENT ON COLUMN agentcore_multicorn.harnesses.harness_name IS 'The harness''s name.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.harness_version IS 'The version (in harnesses, the current one).';
COMMENT ON COLUMN agentcore_multicorn.harnesses.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.failure_reason IS 'Why it failed, when it did.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.created_at IS 'When the harness was created.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.execution_role_arn IS 'The IAM role the harness''s agent runs as.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.authorizer_type IS 'CUSTOM_JWT when a custom JWT authorizer validates each call''s bearer token; NULL when the version has no authorizer configuration and accepts any caller IAM allows to call InvokeHarness (and InvokeAgentRuntime on the harness); UNKNOWN(name) for a kind this version''s model does not define (judged error).';
COMMENT ON COLUMN agentcore_multicorn.harnesses.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.environment_variable_names IS 'Names of the harness''s environment variables (never their values).';
COMMENT ON COLUMN agentcore_multicorn.harnesses.model_provider IS 'bedrock, openai, gemini or litellm: who serves the model.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.model_id IS 'The model the harness calls.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.tools IS 'Each tool: type, name, config kind, and for a remote MCP server its scheme, host, header names and outbound auth (never its path, query or header values), for a gateway its ARN and outbound auth, for a browser or code interpreter its ARN.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.allowed_tools IS 'The tools the agent may call.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.skills IS 'Each skill''s source: s3 (uri), git (https url, credential_arn), path or awsSkills.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.memory_kind IS 'managedMemoryConfiguration, agentCoreMemoryConfiguration or disabled; NULL when not configured.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.memory_arn IS 'The memory the harness keeps.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.memory_encryption_key_arn IS 'The customer managed KMS key of its managed memory; NULL: a key AWS owns.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.agent_runtime_arn IS 'The runtime the harness runs in.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.network_mode IS 'PUBLIC or VPC: the network of the runtime the harness runs in.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.hook_kinds IS 'The kind of each hook it runs.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.max_iterations IS 'Agent loop iterations at most.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.timeout_seconds IS 'Seconds an invocation may last.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.detail_error IS 'NULL normally; the AWS error code when the harness''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore_multicorn.harnesses.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.harnesses AS
    SELECT * FROM agentcore_multicorn.harnesses;
COMMENT ON VIEW agentcore.harnesses IS 'Amazon Bedrock AgentCore harnesses (managed agents), one row per harness (its current version), with their inbound authorizer flattened. Environment variable values, system prompts, MCP tool URLs'' paths and header values are never read out.';
COMMENT ON COLUMN agentcore.harnesses.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.harnesses.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.harnesses.harness_id IS 'The harness''s ID.';
COMMENT ON COLUMN agentcore.harnesses.harness_arn IS 'The harness''s ARN (what InvokeHarness takes).';
COMMENT ON COLUMN agentcore.harnesses.harness_name IS 'The harness''s name.';
COMMENT ON COLUMN agentcore.harnesses.harness_version IS 'The version (in harnesses, the current one).';
COMMENT ON COLUMN agentcore.harnesses.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.harnesses.failure_reason IS 'Why it failed, when it did.';
COMMENT ON COLUMN agentcore.harnesses.created_at IS 'When the harness was created.';
COMMENT ON COLUMN agentcore.harnesses.updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.harnesses.execution_role_arn IS 'The IAM role the harness''s agent runs as.';
COMMENT ON COLUMN agentcore.harnesses.authorizer_type IS 'CUSTOM_JWT when a custom JWT authorizer validates each call''s bearer token; NULL when the version has no authorizer configuration and accepts any caller IAM allows to call InvokeHarness (and InvokeAgentRuntime on the harness); UNKNOWN(name) for a kind this version''s model does not define (judged error).';
COMMENT ON COLUMN agentcore.harnesses.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore.harnesses.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.harnesses.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.harnesses.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore.harnesses.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore.harnesses.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore.harnesses.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore.harnesses.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore.harnesses.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore.harnesses.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore.harnesses.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore.harnesses.environment_variable_names IS 'Names of the harness''s environment variables (never their values).';
COMMENT ON COLUMN agentcore.harnesses.model_provider IS 'bedrock, openai, gemini or litellm: who serves the model.';
COMMENT ON COLUMN agentcore.harnesses.model_id IS 'The model the harness calls.';
COMMENT ON COLUMN agentcore.harnesses.tools IS 'Each tool: type, name, config kind, and for a remote MCP server its scheme, host, header names and outbound auth (never its path, query or header values), for a gateway its ARN and outbound auth, for a browser or code interpreter its ARN.';
COMMENT ON COLUMN agentcore.harnesses.allowed_tools IS 'The tools the agent may call.';
COMMENT ON COLUMN agentcore.harnesses.skills IS 'Each skill''s source: s3 (uri), git (https url, credential_arn), path or awsSkills.';
COMMENT ON COLUMN agentcore.harnesses.memory_kind IS 'managedMemoryConfiguration, agentCoreMemoryConfiguration or disabled; NULL when not configured.';
COMMENT ON COLUMN agentcore.harnesses.memory_arn IS 'The memory the harness keeps.';
COMMENT ON COLUMN agentcore.harnesses.memory_encryption_key_arn IS 'The customer managed KMS key of its managed memory; NULL: a key AWS owns.';
COMMENT ON COLUMN agentcore.harnesses.agent_runtime_arn IS 'The runtime the harness runs in.';
COMMENT ON COLUMN agentcore.harnesses.network_mode IS 'PUBLIC or VPC: the network of the runtime the harness runs in.';
COMMENT ON COLUMN agentcore.harnesses.hook_kinds IS 'The kind of each hook it runs.';
COMMENT ON COLUMN agentcore.harnesses.max_iterations IS 'Agent loop iterations at most.';
COMMENT ON COLUMN agentcore.harnesses.timeout_seconds IS 'Seconds an invocation may last.';
COMMENT ON COLUMN agentcore.harnesses.detail_error IS 'NULL normally; the AWS error code when the harness''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore.harnesses.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.harness_versions IS 'Every version of every Amazon Bedrock AgentCore harness, with the inbound authorizer that version applies: the endpoints that serve it let callers in through it. What a harness holds in confidence is never read out (see harnesses).';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.harness_id IS 'The harness''s ID.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.harness_arn IS 'The harness''s ARN (what InvokeHarness takes).';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.harness_name IS 'The harness''s name.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.harness_version IS 'The version (in harnesses, the current one).';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.failure_reason IS 'Why it failed, when it did.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.created_at IS 'When the harness was created.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.execution_role_arn IS 'The IAM role the harness''s agent runs as.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.authorizer_type IS 'CUSTOM_JWT when a custom JWT authorizer validates each call''s bearer token; NULL when the version has no authorizer configuration and accepts any caller IAM allows to call InvokeHarness (and InvokeAgentRuntime on the harness); UNKNOWN(name) for a kind this version''s model does not define (judged error).';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.environment_variable_names IS 'Names of the harness''s environment variables (never their values).';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.model_provider IS 'bedrock, openai, gemini or litellm: who serves the model.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.model_id IS 'The model the harness calls.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.tools IS 'Each tool: type, name, config kind, and for a remote MCP server its scheme, host, header names and outbound auth (never its path, query or header values), for a gateway its ARN and outbound auth, for a browser or code interpreter its ARN.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.allowed_tools IS 'The tools the agent may call.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.skills IS 'Each skill''s source: s3 (uri), git (https url, credential_arn), path or awsSkills.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.memory_kind IS 'managedMemoryConfiguration, agentCoreMemoryConfiguration or disabled; NULL when not configured.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.memory_arn IS 'The memory the harness keeps.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.memory_encryption_key_arn IS 'The customer managed KMS key of its managed memory; NULL: a key AWS owns.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.agent_runtime_arn IS 'The runtime the harness runs in.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.network_mode IS 'PUBLIC or VPC: the network of the runtime the harness runs in.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.hook_kinds IS 'The kind of each hook it runs.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.max_iterations IS 'Agent loop iterations at most.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.timeout_seconds IS 'Seconds an invocation may last.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.detail_error IS 'NULL normally; the AWS error code when the harness''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore_multicorn.harness_versions.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.harness_versions AS
    SELECT * FROM agentcore_multicorn.harness_versions;
COMMENT ON VIEW agentcore.harness_versions IS 'Every version of every Amazon Bedrock AgentCore harness, with the inbound authorizer that version applies: the endpoints that serve it let callers in through it. What a harness holds in confidence is never read out (see harnesses).';
COMMENT ON COLUMN agentcore.harness_versions.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.harness_versions.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.harness_versions.harness_id IS 'The harness''s ID.';
COMMENT ON COLUMN agentcore.harness_versions.harness_arn IS 'The harness''s ARN (what InvokeHarness takes).';
COMMENT ON COLUMN agentcore.harness_versions.harness_name IS 'The harness''s name.';
COMMENT ON COLUMN agentcore.harness_versions.harness_version IS 'The version (in harnesses, the current one).';
COMMENT ON COLUMN agentcore.harness_versions.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.harness_versions.failure_reason IS 'Why it failed, when it did.';
COMMENT ON COLUMN agentcore.harness_versions.created_at IS 'When the harness was created.';
COMMENT ON COLUMN agentcore.harness_versions.updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.harness_versions.execution_role_arn IS 'The IAM role the harness''s agent runs as.';
COMMENT ON COLUMN agentcore.harness_versions.authorizer_type IS 'CUSTOM_JWT when a custom JWT authorizer validates each call''s bearer token; NULL when the version has no authorizer configuration and accepts any caller IAM allows to call InvokeHarness (and InvokeAgentRuntime on the harness); UNKNOWN(name) for a kind this version''s model does not define (judged error).';
COMMENT ON COLUMN agentcore.harness_versions.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore.harness_versions.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.harness_versions.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.harness_versions.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore.harness_versions.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore.harness_versions.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore.harness_versions.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore.harness_versions.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore.harness_versions.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore.harness_versions.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore.harness_versions.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore.harness_versions.environment_variable_names IS 'Names of the harness''s environment variables (never their values).';
COMMENT ON COLUMN agentcore.harness_versions.model_provider IS 'bedrock, openai, gemini or litellm: who serves the model.';
COMMENT ON COLUMN agentcore.harness_versions.model_id IS 'The model the harness calls.';
COMMENT ON COLUMN agentcore.harness_versions.tools IS 'Each tool: type, name, config kind, and for a remote MCP server its scheme, host, header names and outbound auth (never its path, query or header values), for a gateway its ARN and outbound auth, for a browser or code interpreter its ARN.';
COMMENT ON COLUMN agentcore.harness_versions.allowed_tools IS 'The tools the agent may call.';
COMMENT ON COLUMN agentcore.harness_versions.skills IS 'Each skill''s source: s3 (uri), git (https url, credential_arn), path or awsSkills.';
COMMENT ON COLUMN agentcore.harness_versions.memory_kind IS 'managedMemoryConfiguration, agentCoreMemoryConfiguration or disabled; NULL when not configured.';
COMMENT ON COLUMN agentcore.harness_versions.memory_arn IS 'The memory the harness keeps.';
COMMENT ON COLUMN agentcore.harness_versions.memory_encryption_key_arn IS 'The customer managed KMS key of its managed memory; NULL: a key AWS owns.';
COMMENT ON COLUMN agentcore.harness_versions.agent_runtime_arn IS 'The runtime the harness runs in.';
COMMENT ON COLUMN agentcore.harness_versions.network_mode IS 'PUBLIC or VPC: the network of the runtime the harness runs in.';
COMMENT ON COLUMN agentcore.harness_versions.hook_kinds IS 'The kind of each hook it runs.';
COMMENT ON COLUMN agentcore.harness_versions.max_iterations IS 'Agent loop iterations at most.';
COMMENT ON COLUMN agentcore.harness_versions.timeout_seconds IS 'Seconds an invocation may last.';
COMMENT ON COLUMN agentcore.harness_versions.detail_error IS 'NULL normally; the AWS error code when the harness''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore.harness_versions.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.harness_endpoints IS 'Endpoints of Amazon Bedrock AgentCore harnesses: InvokeHarness names one (its qualifier), which serves its live version (and, while an update is in flight, moves to its target version).';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.harness_id IS 'The harness the endpoint serves.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.harness_name IS 'The harness''s name.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.endpoint_name IS 'The endpoint''s name (InvokeHarness''s qualifier).';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.endpoint_arn IS 'The endpoint''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.live_version IS 'The harness version the endpoint serves now.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.target_version IS 'The version it moves to; the live one when no update is in flight.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.failure_reason IS 'Why it failed, when it did.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.created_at IS 'When the endpoint was created.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.harness_endpoints.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.harness_endpoints AS
    SELECT * FROM agentcore_multicorn.harness_endpoints;
COMMENT ON VIEW agentcore.harness_endpoints IS 'Endpoints of Amazon Bedrock AgentCore harnesses: InvokeHarness names one (its qualifier), which serves its live version (and, while an update is in flight, moves to its target version).';
COMMENT ON COLUMN agentcore.harness_endpoints.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.harness_endpoints.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.harness_endpoints.harness_id IS 'The harness the endpoint serves.';
COMMENT ON COLUMN agentcore.harness_endpoints.harness_name IS 'The harness''s name.';
COMMENT ON COLUMN agentcore.harness_endpoints.endpoint_name IS 'The endpoint''s name (InvokeHarness''s qualifier).';
COMMENT ON COLUMN agentcore.harness_endpoints.endpoint_arn IS 'The endpoint''s ARN.';
COMMENT ON COLUMN agentcore.harness_endpoints.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.harness_endpoints.live_version IS 'The harness version the endpoint serves now.';
COMMENT ON COLUMN agentcore.harness_endpoints.target_version IS 'The version it moves to; the live one when no update is in flight.';
COMMENT ON COLUMN agentcore.harness_endpoints.failure_reason IS 'Why it failed, when it did.';
COMMENT ON COLUMN agentcore.harness_endpoints.created_at IS 'When the endpoint was created.';
COMMENT ON COLUMN agentcore.harness_endpoints.updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.harness_endpoints.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.registries IS 'Amazon Bedrock AgentCore registries: the authorizer their consumers'' Search and Invoke calls pass (CUSTOM_JWT or AWS_IAM), flattened as for runtimes, and whether records are approved before consumers see them. Descriptions are not read out (the API marks them sensitive).';
COMMENT ON COLUMN agentcore_multicorn.registries.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.registries.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.registries.registry_id IS 'The registry''s ID.';
COMMENT ON COLUMN agentcore_multicorn.registries.registry_arn IS 'The registry''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.registries.name IS 'The registry''s name.';
COMMENT ON COLUMN agentcore_multicorn.registries.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.registries.status_reason IS 'Why it is in that status, when AWS says.';
COMMENT ON COLUMN agentcore_multicorn.registries.created_at IS 'When the registry was created.';
COMMENT ON COLUMN agentcore_multicorn.registries.updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.registries.authorizer_type IS 'CUSTOM_JWT (a bearer token from the identity provider below) or AWS_IAM (SigV4) for consumers'' Search and Invoke calls; UNKNOWN(...) for a type the model does not list, none, or a configuration of another kind (judged error).';
COMMENT ON COLUMN agentcore_multicorn.registries.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore_multicorn.registries.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.registries.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.registries.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore_multicorn.registries.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore_multicorn.registries.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore_multicorn.registries.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.registries.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore_multicorn.registries.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.registries.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore_multicorn.registries.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore_multicorn.registries.auto_approval IS 'Whether records are approved as they are created; NULL when not set (AWS''s default: each record needs an explicit approval).';
COMMENT ON COLUMN agentcore_multicorn.registries.detail_error IS 'NULL normally; the AWS error code when the registry''s details could not be read.';
COMMENT ON COLUMN agentcore_multicorn.registries.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.registries AS
    SELECT * FROM agentcore_multicorn.registries;
COMMENT ON VIEW agentcore.registries IS 'Amazon Bedrock AgentCore registries: the authorizer their consumers'' Search and Invoke calls pass (CUSTOM_JWT or AWS_IAM), flattened as for runtimes, and whether records are approved before consumers see them. Descriptions are not read out (the API marks them sensitive).';
COMMENT ON COLUMN agentcore.registries.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.registries.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.registries.registry_id IS 'The registry''s ID.';
COMMENT ON COLUMN agentcore.registries.registry_arn IS 'The registry''s ARN.';
COMMENT ON COLUMN agentcore.registries.name IS 'The registry''s name.';
COMMENT ON COLUMN agentcore.registries.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.registries.status_reason IS 'Why it is in that status, when AWS says.';
COMMENT ON COLUMN agentcore.registries.created_at IS 'When the registry was created.';
COMMENT ON COLUMN agentcore.registries.updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.registries.authorizer_type IS 'CUSTOM_JWT (a bearer token from the identity provider below) or AWS_IAM (SigV4) for consumers'' Search and Invoke calls; UNKNOWN(...) for a type the model does not list, none, or a configuration of another kind (judged error).';
COMMENT ON COLUMN agentcore.registries.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore.registries.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.registries.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.registries.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore.registries.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore.registries.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore.registries.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore.registries.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore.registries.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore.registries.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore.registries.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore.registries.auto_approval IS 'Whether records are approved as they are created; NULL when not set (AWS''s default: each record needs an explicit approval).';
COMMENT ON COLUMN agentcore.registries.detail_error IS 'NULL normally; the AWS error code when the registry''s details could not be read.';
COMMENT ON COLUMN agentcore.registries.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.payment_managers IS 'Amazon Bedrock AgentCore payment managers: the authorizer their callers pass (CUSTOM_JWT or AWS_IAM), flattened as for runtimes, the role they act as and the KMS key that encrypts their data (NULL: a key AWS owns). Descriptions and tags are not read out.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.payment_manager_id IS 'The payment manager''s ID.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.payment_manager_arn IS 'The payment manager''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.name IS 'The payment manager''s name.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.created_at IS 'When it was created.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.role_arn IS 'The IAM role the payment manager acts as.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.kms_key_arn IS 'The customer managed KMS key encrypting its data at rest; NULL: a key AWS owns.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.authorizer_type IS 'CUSTOM_JWT (a bearer token from the identity provider below) or AWS_IAM (SigV4); UNKNOWN(...) for a type the model does not list, none, or a configuration of another kind (judged error).';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.workload_identity_arn IS 'The payment manager''s workload identity.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.detail_error IS 'NULL normally; the AWS error code when the payment manager''s details could not be read.';
COMMENT ON COLUMN agentcore_multicorn.payment_managers.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.payment_managers AS
    SELECT * FROM agentcore_multicorn.payment_managers;
COMMENT ON VIEW agentcore.payment_managers IS 'Amazon Bedrock AgentCore payment managers: the authorizer their callers pass (CUSTOM_JWT or AWS_IAM), flattened as for runtimes, the role they act as and the KMS key that encrypts their data (NULL: a key AWS owns). Descriptions and tags are not read out.';
COMMENT ON COLUMN agentcore.payment_managers.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.payment_managers.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.payment_managers.payment_manager_id IS 'The payment manager''s ID.';
COMMENT ON COLUMN agentcore.payment_managers.payment_manager_arn IS 'The payment manager''s ARN.';
COMMENT ON COLUMN agentcore.payment_managers.name IS 'The payment manager''s name.';
COMMENT ON COLUMN agentcore.payment_managers.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.payment_managers.created_at IS 'When it was created.';
COMMENT ON COLUMN agentcore.payment_managers.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.payment_managers.role_arn IS 'The IAM role the payment manager acts as.';
COMMENT ON COLUMN agentcore.payment_managers.kms_key_arn IS 'The customer managed KMS key encrypting its data at rest; NULL: a key AWS owns.';
COMMENT ON COLUMN agentcore.payment_managers.authorizer_type IS 'CUSTOM_JWT (a bearer token from the identity provider below) or AWS_IAM (SigV4); UNKNOWN(...) for a type the model does not list, none, or a configuration of another kind (judged error).';
COMMENT ON COLUMN agentcore.payment_managers.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore.payment_managers.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.payment_managers.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.payment_managers.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore.payment_managers.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore.payment_managers.advertised_scope_mapping IS 'Scopes advertised to clients, mapped to the scopes the authorizer checks.';
COMMENT ON COLUMN agentcore.payment_managers.private_endpoint IS 'The private (VPC) endpoint through which the authorizer reaches its identity provider.';
COMMENT ON COLUMN agentcore.payment_managers.private_endpoint_overrides IS 'Per-domain overrides of the private endpoint.';
COMMENT ON COLUMN agentcore.payment_managers.certificate_configurations IS 'Certificates the authorizer trusts when it reaches its identity provider.';
COMMENT ON COLUMN agentcore.payment_managers.allowed_workload_configuration IS 'Workload identities allowed to call without a user''s token.';
COMMENT ON COLUMN agentcore.payment_managers.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore.payment_managers.workload_identity_arn IS 'The payment manager''s workload identity.';
COMMENT ON COLUMN agentcore.payment_managers.detail_error IS 'NULL normally; the AWS error code when the payment manager''s details could not be read.';
COMMENT ON COLUMN agentcore.payment_managers.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.iam_invokers IS 'The IAM principals that may invoke each runtime, harness, gateway, registry and payment manager: those iam:SimulatePrincipalPolicy allows (identity policies, permissions boundaries, SCPs), and those the resource''s own policy names. agentcore.invokers keeps the doors that rely on IAM. One row per account with only `error` set when IAM could not be read there.';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.region IS 'The resource''s region.';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.resource_arn IS 'The runtime''s, harness''s, gateway''s, registry''s or payment manager''s ARN, or a runtime''s workload identity''s.';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.resource_type IS 'runtime, harness, gateway, registry (SearchRegistryRecords), payment_manager (ProcessPayment), or workload_identity (principals that may call GetWorkloadAccessTokenForUserId for it).';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.principal_arn IS 'The role, user or account (or * for anyone) that may invoke it.';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.principal_type IS 'role, user, account, * or other.';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.access IS 'allowed, or conditional when AWS allows it only under conditions the request must meet (missing_context names their keys).';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.missing_context IS 'The condition keys a conditional grant depends on.';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.granted_by IS 'identity_policy (what the simulator allows) or resource_policy (the resource''s own policy names the principal).';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.matched_policies IS 'The policies whose statements grant it (ResourcePolicy for the resource''s own).';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.error IS 'NULL normally; why the account''s principals could not be read or simulated, and the IAM action to grant.';
COMMENT ON COLUMN agentcore_multicorn.iam_invokers.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.iam_invokers AS
    SELECT * FROM agentcore_multicorn.iam_invokers;
COMMENT ON VIEW agentcore.iam_invokers IS 'The IAM principals that may invoke each runtime, harness, gateway, registry and payment manager: those iam:SimulatePrincipalPolicy allows (identity policies, permissions boundaries, SCPs), and those the resource''s own policy names. agentcore.invokers keeps the doors that rely on IAM. One row per account with only `error` set when IAM could not be read there.';
COMMENT ON COLUMN agentcore.iam_invokers.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.iam_invokers.region IS 'The resource''s region.';
COMMENT ON COLUMN agentcore.iam_invokers.resource_arn IS 'The runtime''s, harness''s, gateway''s, registry''s or payment manager''s ARN, or a runtime''s workload identity''s.';
COMMENT ON COLUMN agentcore.iam_invokers.resource_type IS 'runtime, harness, gateway, registry (SearchRegistryRecords), payment_manager (ProcessPayment), or workload_identity (principals that may call GetWorkloadAccessTokenForUserId for it).';
COMMENT ON COLUMN agentcore.iam_invokers.principal_arn IS 'The role, user or account (or * for anyone) that may invoke it.';
COMMENT ON COLUMN agentcore.iam_invokers.principal_type IS 'role, user, account, * or other.';
COMMENT ON COLUMN agentcore.iam_invokers.access IS 'allowed, or conditional when AWS allows it only under conditions the request must meet (missing_context names their keys).';
COMMENT ON COLUMN agentcore.iam_invokers.missing_context IS 'The condition keys a conditional grant depends on.';
COMMENT ON COLUMN agentcore.iam_invokers.granted_by IS 'identity_policy (what the simulator allows) or resource_policy (the resource''s own policy names the principal).';
COMMENT ON COLUMN agentcore.iam_invokers.matched_policies IS 'The policies whose statements grant it (ResourcePolicy for the resource''s own).';
COMMENT ON COLUMN agentcore.iam_invokers.error IS 'NULL normally; why the account''s principals could not be read or simulated, and the IAM action to grant.';
COMMENT ON COLUMN agentcore.iam_invokers.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.cognito_user_pools IS 'Amazon Cognito user pools, with the issuer and OIDC discovery URL an AgentCore authorizer uses to trust them.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.user_pool_id IS 'The pool''s ID, <region>_<id>.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.user_pool_name IS 'The pool''s name.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.arn IS 'The pool''s ARN.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.status IS 'The pool''s status, where Cognito reports one.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.mfa_configuration IS 'OFF, ON or OPTIONAL.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.deletion_protection IS 'ACTIVE or INACTIVE.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.user_pool_tier IS 'LITE, ESSENTIALS or PLUS.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.domain IS 'The Cognito-hosted domain prefix.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.custom_domain IS 'The custom domain, if any.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.created_at IS 'When the pool was created.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.last_modified_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.estimated_number_of_users IS 'Cognito''s estimate of the pool''s users.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.issuer IS 'The issuer (iss) of the pool''s tokens.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.discovery_url IS 'The pool''s OIDC discovery URL, as an AgentCore authorizer names it.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pools.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.cognito_user_pools AS
    SELECT * FROM agentcore_multicorn.cognito_user_pools;
COMMENT ON VIEW agentcore.cognito_user_pools IS 'Amazon Cognito user pools, with the issuer and OIDC discovery URL an AgentCore authorizer uses to trust them.';
COMMENT ON COLUMN agentcore.cognito_user_pools.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.cognito_user_pools.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.cognito_user_pools.user_pool_id IS 'The pool''s ID, <region>_<id>.';
COMMENT ON COLUMN agentcore.cognito_user_pools.user_pool_name IS 'The pool''s name.';
COMMENT ON COLUMN agentcore.cognito_user_pools.arn IS 'The pool''s ARN.';
COMMENT ON COLUMN agentcore.cognito_user_pools.status IS 'The pool''s status, where Cognito reports one.';
COMMENT ON COLUMN agentcore.cognito_user_pools.mfa_configuration IS 'OFF, ON or OPTIONAL.';
COMMENT ON COLUMN agentcore.cognito_user_pools.deletion_protection IS 'ACTIVE or INACTIVE.';
COMMENT ON COLUMN agentcore.cognito_user_pools.user_pool_tier IS 'LITE, ESSENTIALS or PLUS.';
COMMENT ON COLUMN agentcore.cognito_user_pools.domain IS 'The Cognito-hosted domain prefix.';
COMMENT ON COLUMN agentcore.cognito_user_pools.custom_domain IS 'The custom domain, if any.';
COMMENT ON COLUMN agentcore.cognito_user_pools.created_at IS 'When the pool was created.';
COMMENT ON COLUMN agentcore.cognito_user_pools.last_modified_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.cognito_user_pools.estimated_number_of_users IS 'Cognito''s estimate of the pool''s users.';
COMMENT ON COLUMN agentcore.cognito_user_pools.issuer IS 'The issuer (iss) of the pool''s tokens.';
COMMENT ON COLUMN agentcore.cognito_user_pools.discovery_url IS 'The pool''s OIDC discovery URL, as an AgentCore authorizer names it.';
COMMENT ON COLUMN agentcore.cognito_user_pools.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.cognito_user_pool_clients IS 'App clients of Amazon Cognito user pools: the client IDs an AgentCore authorizer can allow. Client secrets are never read out, only whether one exists.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.user_pool_id IS 'The pool the client belongs to.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.client_id IS 'The app client''s ID (the token''s client_id).';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.client_name IS 'The app client''s name.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.allowed_oauth_flows IS 'code, implicit, client_credentials.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.allowed_oauth_scopes IS 'Scopes the client may request.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.allowed_oauth_flows_user_pool_client IS 'Whether the client may use the OAuth flows above.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.explicit_auth_flows IS 'Authentication flows the client allows.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.has_client_secret IS 'Whether the client has a secret (the secret itself is never read out).';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.created_at IS 'When the client was created.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.last_modified_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore_multicorn.cognito_user_pool_clients.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.cognito_user_pool_clients AS
    SELECT * FROM agentcore_multicorn.cognito_user_pool_clients;
COMMENT ON VIEW agentcore.cognito_user_pool_clients IS 'App clients of Amazon Cognito user pools: the client IDs an AgentCore authorizer can allow. Client secrets are never read out, only whether one exists.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.user_pool_id IS 'The pool the client belongs to.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.client_id IS 'The app client''s ID (the token''s client_id).';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.client_name IS 'The app client''s name.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.allowed_oauth_flows IS 'code, implicit, client_credentials.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.allowed_oauth_scopes IS 'Scopes the client may request.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.allowed_oauth_flows_user_pool_client IS 'Whether the client may use the OAuth flows above.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.explicit_auth_flows IS 'Authentication flows the client allows.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.has_client_secret IS 'Whether the client has a secret (the secret itself is never read out).';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.created_at IS 'When the client was created.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.last_modified_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.cognito_user_pool_clients.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.cognito_resource_servers IS 'Resource servers of Amazon Cognito user pools, with the full custom scopes (identifier/scope_name) they define.';
COMMENT ON COLUMN agentcore_multicorn.cognito_resource_servers.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.cognito_resource_servers.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore_multicorn.cognito_resource_servers.user_pool_id IS 'The pool the resource server belongs to.';
COMMENT ON COLUMN agentcore_multicorn.cognito_resource_servers.identifier IS 'The resource server''s identifier.';
COMMENT ON COLUMN agentcore_multicorn.cognito_resource_servers.name IS 'The resource server''s name.';
COMMENT ON COLUMN agentcore_multicorn.cognito_resource_servers.scopes IS 'Full scope strings, identifier/scope_name.';
COMMENT ON COLUMN agentcore_multicorn.cognito_resource_servers.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.cognito_resource_servers AS
    SELECT * FROM agentcore_multicorn.cognito_resource_servers;
COMMENT ON VIEW agentcore.cognito_resource_servers IS 'Resource servers of Amazon Cognito user pools, with the full custom scopes (identifier/scope_name) they define.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.user_pool_id IS 'The pool the resource server belongs to.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.identifier IS 'The resource server''s identifier.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.name IS 'The resource server''s name.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.scopes IS 'Full scope strings, identifier/scope_name.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.cache IS 'What the shared cache holds for the server''s current options: one row per cached scan, table, account and region. Rows are served again to every connection for cache_ttl seconds; agentcore.refresh() forgets them.';
COMMENT ON COLUMN agentcore_multicorn.cache.table_name IS 'The agentcore table the rows belong to.';
COMMENT ON COLUMN agentcore_multicorn.cache.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore_multicorn.cache.region IS 'The AWS region (NULL for agentcore.accounts).';
COMMENT ON COLUMN agentcore_multicorn.cache.row_count IS 'How many rows of this account and region it holds.';
COMMENT ON COLUMN agentcore_multicorn.cache.fetched_at IS 'When AWS was read for them (the scan''s start: they are at least this old).';
COMMENT ON COLUMN agentcore_multicorn.cache.age_seconds IS 'Seconds since fetched_at.';
COMMENT ON COLUMN agentcore_multicorn.cache.expires_at IS 'When they stop being served (fetched_at + cache_ttl); a later query reads AWS.';
COMMENT ON COLUMN agentcore_multicorn.cache.narrowed_to IS 'The filters of the scan that read them (everything, or regions, accounts, keys); it serves the same or narrower queries.';
COMMENT ON COLUMN agentcore_multicorn.cache.in_this_transaction IS 'Whether the current transaction''s queries were answered from these rows (or stored them): the age of what it shows.';
COMMENT ON COLUMN agentcore_multicorn.cache.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.cache AS
    SELECT * FROM agentcore_multicorn.cache;
COMMENT ON VIEW agentcore.cache IS 'What the shared cache holds for the server''s current options: one row per cached scan, table, account and region. Rows are served again to every connection for cache_ttl seconds; agentcore.refresh() forgets them.';
COMMENT ON COLUMN agentcore.cache.table_name IS 'The agentcore table the rows belong to.';
COMMENT ON COLUMN agentcore.cache.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.cache.region IS 'The AWS region (NULL for agentcore.accounts).';
COMMENT ON COLUMN agentcore.cache.row_count IS 'How many rows of this account and region it holds.';
COMMENT ON COLUMN agentcore.cache.fetched_at IS 'When AWS was read for them (the scan''s start: they are at least this old).';
COMMENT ON COLUMN agentcore.cache.age_seconds IS 'Seconds since fetched_at.';
COMMENT ON COLUMN agentcore.cache.expires_at IS 'When they stop being served (fetched_at + cache_ttl); a later query reads AWS.';
COMMENT ON COLUMN agentcore.cache.narrowed_to IS 'The filters of the scan that read them (everything, or regions, accounts, keys); it serves the same or narrower queries.';
COMMENT ON COLUMN agentcore.cache.in_this_transaction IS 'Whether the current transaction''s queries were answered from these rows (or stored them): the age of what it shows.';
COMMENT ON COLUMN agentcore.cache.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

COMMENT ON FOREIGN TABLE agentcore_multicorn.api_coverage IS 'What agentcore-fdw reads of Amazon Bedrock AgentCore: one row per List operation of the bedrock-agentcore-control model the server''s botocore holds, with the table it feeds, or why it is not read.';
COMMENT ON COLUMN agentcore_multicorn.api_coverage.operation IS 'The List operation of the model.';
COMMENT ON COLUMN agentcore_multicorn.api_coverage.table_name IS 'The agentcore table it feeds; NULL when no table reads it.';
COMMENT ON COLUMN agentcore_multicorn.api_coverage.reason IS 'Why it is not read, when it is not (''not read by this version'' for an operation newer than this version of agentcore-fdw).';
COMMENT ON COLUMN agentcore_multicorn.api_coverage.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
CREATE OR REPLACE VIEW agentcore.api_coverage AS
    SELECT * FROM agentcore_multicorn.api_coverage;
COMMENT ON VIEW agentcore.api_coverage IS 'What agentcore-fdw reads of Amazon Bedrock AgentCore: one row per List operation of the bedrock-agentcore-control model the server''s botocore holds, with the table it feeds, or why it is not read.';
COMMENT ON COLUMN agentcore.api_coverage.operation IS 'The List operation of the model.';
COMMENT ON COLUMN agentcore.api_coverage.table_name IS 'The agentcore table it feeds; NULL when no table reads it.';
COMMENT ON COLUMN agentcore.api_coverage.reason IS 'Why it is not read, when it is not (''not read by this version'' for an operation newer than this version of agentcore-fdw).';
COMMENT ON COLUMN agentcore.api_coverage.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
