-- Control: every payment manager should authorize its callers: AWS_IAM, or CUSTOM_JWT
-- trusting an https discovery URL (agentcore.authorizer_finding judges, as for every door).
CREATE OR REPLACE VIEW agentcore.agentcore_payment_manager_authorizer_configured AS
SELECT
    'agentcore_payment_manager_authorizer_configured'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_payment_manager_authorizer_configured') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_payment_manager_authorizer_configured') AS severity,
    m.payment_manager_arn AS resource,
    f.status,
    f.reason,
    m.account_id,
    m.region
FROM agentcore.payment_managers AS m
CROSS JOIN LATERAL agentcore.authorizer_finding(
    format('Payment manager %s (%s)', m.name, m.payment_manager_id),
    m.authorizer_type, m.discovery_url, m.authorizer_configuration, NULL, m.detail_error, NULL
) AS f;

COMMENT ON VIEW agentcore.agentcore_payment_manager_authorizer_configured IS
    'Control: alarm for each payment manager whose JWT authorizer trusts a plain http '
    'discovery URL; error where its authorizer is unknown, unusable or unread.';
