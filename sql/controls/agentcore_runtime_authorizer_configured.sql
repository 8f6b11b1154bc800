-- Control: every AgentCore runtime should authorize its callers (the audit, as a control).
CREATE OR REPLACE VIEW agentcore.agentcore_runtime_authorizer_configured AS
SELECT
    'agentcore_runtime_authorizer_configured'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_runtime_authorizer_configured') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_runtime_authorizer_configured') AS severity,
    a.resource,
    a.status,
    a.reason,
    a.account_id,
    a.region
FROM agentcore.runtime_authorization_audit AS a;

COMMENT ON VIEW agentcore.agentcore_runtime_authorizer_configured IS
    'Control: alarm for each AgentCore runtime with no authorizer configuration, error where '
    'its configuration could not be read.';
