-- Control: every gateway should be encrypted with a customer managed KMS key
-- (AWS Security Hub BedrockAgentCore.4).
CREATE OR REPLACE VIEW agentcore.agentcore_gateway_encrypted_with_cmk AS
SELECT
    'agentcore_gateway_encrypted_with_cmk'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_encrypted_with_cmk') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_gateway_encrypted_with_cmk') AS severity,
    g.gateway_arn AS resource,
    CASE
        WHEN g.detail_error IS NOT NULL THEN 'error'
        WHEN g.kms_key_arn IS NOT NULL THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN g.detail_error IS NOT NULL THEN format(
            'Gateway %s (%s) could not be read (%s).', g.name, g.gateway_id, g.detail_error)
        WHEN g.kms_key_arn IS NOT NULL THEN format(
            'Gateway %s (%s) is encrypted with customer managed key %s.',
            g.name, g.gateway_id, g.kms_key_arn)
        ELSE format(
            'Gateway %s (%s) is encrypted with a key AWS owns, not a customer managed KMS key.',
            g.name, g.gateway_id)
    END AS reason,
    g.account_id,
    g.region
FROM agentcore.gateways AS g;

COMMENT ON VIEW agentcore.agentcore_gateway_encrypted_with_cmk IS
    'Control: alarm for each gateway not encrypted with a customer managed KMS key.';
