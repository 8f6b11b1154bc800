-- The views over the tables: identical for every engine, installed in this order.
\ir views/runtime_authorization_audit.sql
\ir views/runtime_cognito_authorizers.sql
\ir controls/agentcore_runtime_authorizer_configured.sql
\ir controls/agentcore_runtime_authorizer_restricts_callers.sql
\ir controls/agentcore_runtime_cognito_pool_exists.sql
\ir controls/agentcore_runtime_cognito_clients_exist.sql
\ir controls/agentcore_runtime_cognito_scopes_exist.sql
\ir views/control_results.sql
\ir history.sql
