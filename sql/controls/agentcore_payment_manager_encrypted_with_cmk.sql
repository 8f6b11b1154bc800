-- Control: every payment manager should encrypt its data with a customer managed KMS key.
CREATE OR REPLACE VIEW agentcore.agentcore_payment_manager_encrypted_with_cmk AS
SELECT
    'agentcore_payment_manager_encrypted_with_cmk'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_payment_manager_encrypted_with_cmk') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_payment_manager_encrypted_with_cmk') AS severity,
    m.payment_manager_arn AS resource,
    CASE
        WHEN m.detail_error IS NOT NULL THEN 'error'
        WHEN m.kms_key_arn IS NOT NULL THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN m.detail_error IS NOT NULL THEN format(
            'Payment manager %s (%s) could not be read (%s).',
            m.name, m.payment_manager_id, m.detail_error)
        WHEN m.kms_key_arn IS NOT NULL THEN format(
            'Payment manager %s (%s) is encrypted with customer managed key %s.',
            m.name, m.payment_manager_id, m.kms_key_arn)
        ELSE format(
            'Payment manager %s (%s) is encrypted with a key AWS owns, not a customer managed '
            'KMS key.', m.name, m.payment_manager_id)
    END AS reason,
    m.account_id,
    m.region
FROM agentcore.payment_managers AS m;

COMMENT ON VIEW agentcore.agentcore_payment_manager_encrypted_with_cmk IS
    'Control: alarm for each payment manager not encrypted with a customer managed KMS key.';
