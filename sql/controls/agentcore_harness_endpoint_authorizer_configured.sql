-- Control: every harness endpoint should serve a version that authorizes its callers, as for
-- runtime endpoints: the current version may have a JWT authorizer while an endpoint still
-- serves an older, open one.
CREATE OR REPLACE VIEW agentcore.agentcore_harness_endpoint_authorizer_configured AS
SELECT
    'agentcore_harness_endpoint_authorizer_configured'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_harness_endpoint_authorizer_configured') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_harness_endpoint_authorizer_configured') AS severity,
    p.door_arn AS resource,
    p.status,
    p.reason,
    p.account_id,
    p.region
FROM agentcore.invocation_paths AS p
WHERE p.door_type = 'harness_endpoint';

COMMENT ON VIEW agentcore.agentcore_harness_endpoint_authorizer_configured IS
    'Control: alarm for each harness endpoint that serves (or is about to serve) a version '
    'with no authorizer configuration; error where that version could not be read.';
