-- Control: every memory should be encrypted with a customer managed KMS key
-- (AWS Security Hub BedrockAgentCore.3).
CREATE OR REPLACE VIEW agentcore.agentcore_memory_encrypted_with_cmk AS
SELECT
    'agentcore_memory_encrypted_with_cmk'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_memory_encrypted_with_cmk') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_memory_encrypted_with_cmk') AS severity,
    m.memory_arn AS resource,
    CASE
        WHEN m.detail_error IS NOT NULL THEN 'error'
        WHEN m.encryption_key_arn IS NOT NULL THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN m.detail_error IS NOT NULL THEN format(
            'Memory %s (%s) could not be read (%s).', m.name, m.memory_id, m.detail_error)
        WHEN m.encryption_key_arn IS NOT NULL THEN format(
            'Memory %s (%s) is encrypted with customer managed key %s.',
            m.name, m.memory_id, m.encryption_key_arn)
        ELSE format(
            'Memory %s (%s) is encrypted with a key AWS owns, not a customer managed KMS key.',
            m.name, m.memory_id)
    END AS reason,
    m.account_id,
    m.region
FROM agentcore.memories AS m;

COMMENT ON VIEW agentcore.agentcore_memory_encrypted_with_cmk IS
    'Control: alarm for each memory not encrypted with a customer managed KMS key.';
