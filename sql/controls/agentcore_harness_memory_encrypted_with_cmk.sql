-- Control: a harness's managed memory should be encrypted with a customer managed KMS key,
-- as memories should (AWS Security Hub BedrockAgentCore.3 for memories). Harnesses with no
-- managed memory are skip.
CREATE OR REPLACE VIEW agentcore.agentcore_harness_memory_encrypted_with_cmk AS
SELECT
    'agentcore_harness_memory_encrypted_with_cmk'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_harness_memory_encrypted_with_cmk') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_harness_memory_encrypted_with_cmk') AS severity,
    h.harness_arn AS resource,
    CASE
        WHEN h.detail_error IS NOT NULL THEN 'error'
        WHEN h.memory_kind IS DISTINCT FROM 'managedMemoryConfiguration' THEN 'skip'
        WHEN h.memory_encryption_key_arn IS NOT NULL THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN h.detail_error IS NOT NULL THEN format(
            'Harness %s (%s) could not be read (%s).', h.harness_name, h.harness_id,
            h.detail_error)
        WHEN h.memory_kind IS DISTINCT FROM 'managedMemoryConfiguration' THEN format(
            'Harness %s (%s) has no managed memory (%s).', h.harness_name, h.harness_id,
            coalesce(h.memory_kind, 'none configured'))
        WHEN h.memory_encryption_key_arn IS NOT NULL THEN format(
            'Harness %s (%s) keeps its managed memory encrypted with customer managed key %s.',
            h.harness_name, h.harness_id, h.memory_encryption_key_arn)
        ELSE format(
            'Harness %s (%s) keeps its managed memory encrypted with a key AWS owns, not a '
            'customer managed KMS key.', h.harness_name, h.harness_id)
    END AS reason,
    h.account_id,
    h.region
FROM agentcore.harnesses AS h;

COMMENT ON VIEW agentcore.agentcore_harness_memory_encrypted_with_cmk IS
    'Control: alarm for each harness whose managed memory is not encrypted with a customer '
    'managed KMS key.';
