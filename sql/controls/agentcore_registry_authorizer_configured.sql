-- Control: every registry should authorize the consumers of its Search and Invoke calls:
-- AWS_IAM, or CUSTOM_JWT trusting an https discovery URL (agentcore.authorizer_finding judges,
-- as for every door).
CREATE OR REPLACE VIEW agentcore.agentcore_registry_authorizer_configured AS
SELECT
    'agentcore_registry_authorizer_configured'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_registry_authorizer_configured') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_registry_authorizer_configured') AS severity,
    r.registry_arn AS resource,
    f.status,
    f.reason,
    r.account_id,
    r.region
FROM agentcore.registries AS r
CROSS JOIN LATERAL agentcore.authorizer_finding(
    format('Registry %s (%s)', r.name, r.registry_id),
    r.authorizer_type, r.discovery_url, r.authorizer_configuration, NULL, r.detail_error, NULL
) AS f;

COMMENT ON VIEW agentcore.agentcore_registry_authorizer_configured IS
    'Control: alarm for each registry whose JWT authorizer trusts a plain http discovery URL; '
    'error where its authorizer is unknown, unusable or unread.';
