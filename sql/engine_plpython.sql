-- Generated from fdw/tables/*.py by `python -m agentcore_fdw.sqlgen`: do not edit by hand.

-- The plpython engine: each table is a view over a set-returning plpython3u function.
CREATE EXTENSION IF NOT EXISTS plpython3u;
CREATE SCHEMA IF NOT EXISTS agentcore_plpython;
COMMENT ON SCHEMA agentcore_plpython IS 'Functions behind the agentcore views of the plpython engine.';

-- Fail here, with a hint, when the server's own Python cannot import what we need.
DO $python$
try:
    import agentcore_fdw, boto3
except ImportError as exc:
    plpy.error("agentcore: the PostgreSQL server's Python cannot import %s" % exc.name,
               hint="install agentcore-fdw and boto3 where the server's Python finds them, e.g. PYTHONPATH in the server's environment naming a virtual environment's site-packages (see README)")
$python$ LANGUAGE plpython3u;

CREATE OR REPLACE FUNCTION agentcore_plpython.validate_options(options text[], catalog oid)
RETURNS void
LANGUAGE plpython3u VOLATILE SECURITY DEFINER
SET search_path = pg_catalog
AS $python$
try:
    from agentcore_fdw.engines import plpython as engine
except ImportError as exc:
    plpy.error("agentcore: the PostgreSQL server's Python cannot import %s" % exc.name,
               hint="install agentcore-fdw and boto3 where the server's Python finds them, e.g. PYTHONPATH in the server's environment naming a virtual environment's site-packages (see README)")
engine.validate_options(plpy, options, catalog)
$python$;
REVOKE EXECUTE ON FUNCTION agentcore_plpython.validate_options(options text[], catalog oid) FROM PUBLIC;

-- The server holds the options; a handler-less wrapper gives it a validator, so bad
-- options fail at CREATE SERVER and ALTER SERVER.
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_foreign_data_wrapper WHERE fdwname = 'agentcore_fdw')
    THEN
        CREATE FOREIGN DATA WRAPPER agentcore_fdw
            VALIDATOR agentcore_plpython.validate_options;
    END IF;
END $$;
CREATE SERVER IF NOT EXISTS agentcore FOREIGN DATA WRAPPER agentcore_fdw;

CREATE OR REPLACE FUNCTION agentcore_plpython.agent_runtimes()
RETURNS TABLE (
    account_id text,
    region text,
    agent_runtime_id text,
    agent_runtime_arn text,
    agent_runtime_name text,
    agent_runtime_version text,
    status text,
    description text,
    created_at timestamptz,
    last_updated_at timestamptz,
    role_arn text,
    network_mode text,
    server_protocol text,
    authorizer_type text,
    discovery_url text,
    allowed_audience text[],
    allowed_clients text[],
    allowed_scopes text[],
    custom_claims jsonb,
    authorizer_configuration jsonb,
    request_header_allowlist text[],
    workload_identity_arn text,
    environment_variable_names text[],
    detail_error text,
    response_problems text[]
)
LANGUAGE plpython3u VOLATILE SECURITY DEFINER
SET search_path = pg_catalog
AS $python$
try:
    from agentcore_fdw.engines import plpython as engine
except ImportError as exc:
    plpy.error("agentcore: the PostgreSQL server's Python cannot import %s" % exc.name,
               hint="install agentcore-fdw and boto3 where the server's Python finds them, e.g. PYTHONPATH in the server's environment naming a virtual environment's site-packages (see README)")
return engine.scan(plpy, 'agent_runtimes')
$python$;
REVOKE EXECUTE ON FUNCTION agentcore_plpython.agent_runtimes() FROM PUBLIC;
CREATE OR REPLACE VIEW agentcore.agent_runtimes AS
    SELECT * FROM agentcore_plpython.agent_runtimes();
COMMENT ON VIEW agentcore.agent_runtimes IS 'Amazon Bedrock AgentCore runtimes, one row per runtime (its current version), with their inbound authorizer flattened. Environment variable values are never read out; only their names are.';
COMMENT ON COLUMN agentcore.agent_runtimes.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.agent_runtimes.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.agent_runtimes.agent_runtime_id IS 'The runtime''s ID.';
COMMENT ON COLUMN agentcore.agent_runtimes.agent_runtime_arn IS 'The runtime''s ARN.';
COMMENT ON COLUMN agentcore.agent_runtimes.agent_runtime_name IS 'The runtime''s name.';
COMMENT ON COLUMN agentcore.agent_runtimes.agent_runtime_version IS 'The current version.';
COMMENT ON COLUMN agentcore.agent_runtimes.status IS 'CREATING, READY, UPDATING, DELETING or a failure.';
COMMENT ON COLUMN agentcore.agent_runtimes.description IS 'The runtime''s description.';
COMMENT ON COLUMN agentcore.agent_runtimes.created_at IS 'When the runtime was created.';
COMMENT ON COLUMN agentcore.agent_runtimes.last_updated_at IS 'When it last changed.';
COMMENT ON COLUMN agentcore.agent_runtimes.role_arn IS 'The IAM role the runtime runs as.';
COMMENT ON COLUMN agentcore.agent_runtimes.network_mode IS 'PUBLIC or VPC.';
COMMENT ON COLUMN agentcore.agent_runtimes.server_protocol IS 'HTTP, MCP or A2A.';
COMMENT ON COLUMN agentcore.agent_runtimes.authorizer_type IS 'CUSTOM_JWT when a custom JWT authorizer validates each call''s bearer token; NULL when the runtime has no authorizer configuration and accepts any caller allowed to call InvokeAgentRuntime.';
COMMENT ON COLUMN agentcore.agent_runtimes.discovery_url IS 'The OIDC discovery URL of the identity provider the authorizer trusts.';
COMMENT ON COLUMN agentcore.agent_runtimes.allowed_audience IS 'Token audiences (aud) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.agent_runtimes.allowed_clients IS 'Client IDs (client_id) the authorizer accepts; NULL when any.';
COMMENT ON COLUMN agentcore.agent_runtimes.allowed_scopes IS 'Scopes the authorizer requires; NULL when none.';
COMMENT ON COLUMN agentcore.agent_runtimes.custom_claims IS 'Custom claim validations, as the API returns them.';
COMMENT ON COLUMN agentcore.agent_runtimes.authorizer_configuration IS 'The whole authorizerConfiguration object, as the API returns it.';
COMMENT ON COLUMN agentcore.agent_runtimes.request_header_allowlist IS 'Request headers passed through to the agent.';
COMMENT ON COLUMN agentcore.agent_runtimes.workload_identity_arn IS 'The runtime''s workload identity.';
COMMENT ON COLUMN agentcore.agent_runtimes.environment_variable_names IS 'Names of the runtime''s environment variables (never their values).';
COMMENT ON COLUMN agentcore.agent_runtimes.detail_error IS 'NULL normally; the AWS error code when the runtime''s details could not be read, in which case every detail column is NULL.';
COMMENT ON COLUMN agentcore.agent_runtimes.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';

CREATE OR REPLACE FUNCTION agentcore_plpython.cognito_user_pools()
RETURNS TABLE (
    account_id text,
    region text,
    user_pool_id text,
    user_pool_name text,
    arn text,
    status text,
    mfa_configuration text,
    deletion_protection text,
    user_pool_tier text,
    domain text,
    custom_domain text,
    created_at timestamptz,
    last_modified_at timestamptz,
    estimated_number_of_users bigint,
    issuer text,
    discovery_url text,
    response_problems text[]
)
LANGUAGE plpython3u VOLATILE SECURITY DEFINER
SET search_path = pg_catalog
AS $python$
try:
    from agentcore_fdw.engines import plpython as engine
except ImportError as exc:
    plpy.error("agentcore: the PostgreSQL server's Python cannot import %s" % exc.name,
               hint="install agentcore-fdw and boto3 where the server's Python finds them, e.g. PYTHONPATH in the server's environment naming a virtual environment's site-packages (see README)")
return engine.scan(plpy, 'cognito_user_pools')
$python$;
REVOKE EXECUTE ON FUNCTION agentcore_plpython.cognito_user_pools() FROM PUBLIC;
CREATE OR REPLACE VIEW agentcore.cognito_user_pools AS
    SELECT * FROM agentcore_plpython.cognito_user_pools();
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

CREATE OR REPLACE FUNCTION agentcore_plpython.cognito_user_pool_clients()
RETURNS TABLE (
    account_id text,
    region text,
    user_pool_id text,
    client_id text,
    client_name text,
    allowed_oauth_flows text[],
    allowed_oauth_scopes text[],
    allowed_oauth_flows_user_pool_client boolean,
    explicit_auth_flows text[],
    has_client_secret boolean,
    created_at timestamptz,
    last_modified_at timestamptz,
    response_problems text[]
)
LANGUAGE plpython3u VOLATILE SECURITY DEFINER
SET search_path = pg_catalog
AS $python$
try:
    from agentcore_fdw.engines import plpython as engine
except ImportError as exc:
    plpy.error("agentcore: the PostgreSQL server's Python cannot import %s" % exc.name,
               hint="install agentcore-fdw and boto3 where the server's Python finds them, e.g. PYTHONPATH in the server's environment naming a virtual environment's site-packages (see README)")
return engine.scan(plpy, 'cognito_user_pool_clients')
$python$;
REVOKE EXECUTE ON FUNCTION agentcore_plpython.cognito_user_pool_clients() FROM PUBLIC;
CREATE OR REPLACE VIEW agentcore.cognito_user_pool_clients AS
    SELECT * FROM agentcore_plpython.cognito_user_pool_clients();
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

CREATE OR REPLACE FUNCTION agentcore_plpython.cognito_resource_servers()
RETURNS TABLE (
    account_id text,
    region text,
    user_pool_id text,
    identifier text,
    name text,
    scopes text[],
    response_problems text[]
)
LANGUAGE plpython3u VOLATILE SECURITY DEFINER
SET search_path = pg_catalog
AS $python$
try:
    from agentcore_fdw.engines import plpython as engine
except ImportError as exc:
    plpy.error("agentcore: the PostgreSQL server's Python cannot import %s" % exc.name,
               hint="install agentcore-fdw and boto3 where the server's Python finds them, e.g. PYTHONPATH in the server's environment naming a virtual environment's site-packages (see README)")
return engine.scan(plpy, 'cognito_resource_servers')
$python$;
REVOKE EXECUTE ON FUNCTION agentcore_plpython.cognito_resource_servers() FROM PUBLIC;
CREATE OR REPLACE VIEW agentcore.cognito_resource_servers AS
    SELECT * FROM agentcore_plpython.cognito_resource_servers();
COMMENT ON VIEW agentcore.cognito_resource_servers IS 'Resource servers of Amazon Cognito user pools, with the full custom scopes (identifier/scope_name) they define.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.account_id IS 'The AWS account ID.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.region IS 'The AWS region.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.user_pool_id IS 'The pool the resource server belongs to.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.identifier IS 'The resource server''s identifier.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.name IS 'The resource server''s name.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.scopes IS 'Full scope strings, identifier/scope_name.';
COMMENT ON COLUMN agentcore.cognito_resource_servers.response_problems IS 'What was wrong with AWS''s answer for this row, one entry per column: a malformed value (the column is then NULL, and detail_error, where the table has one, is MalformedResponse), or text holding characters PostgreSQL cannot store (replaced with U+FFFD). NULL when none.';
