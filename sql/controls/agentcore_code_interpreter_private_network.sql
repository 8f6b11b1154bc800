-- Control: every custom code interpreter should use a VPC; PUBLIC and SANDBOX
-- fail (AWS Security Hub BedrockAgentCore.7).
CREATE OR REPLACE VIEW agentcore.agentcore_code_interpreter_private_network AS
SELECT
    'agentcore_code_interpreter_private_network'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_code_interpreter_private_network') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_code_interpreter_private_network') AS severity,
    c.arn AS resource,
    CASE
        WHEN c.detail_error IS NOT NULL THEN 'error'
        WHEN c.network_mode = 'VPC' THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN c.detail_error IS NOT NULL THEN format(
            'Code interpreter %s (%s) could not be read (%s).',
            c.name, c.code_interpreter_id, c.detail_error)
        WHEN c.network_mode = 'VPC' THEN format(
            'Code interpreter %s (%s) runs code in VPC network mode.',
            c.name, c.code_interpreter_id)
        ELSE format(
            'Code interpreter %s (%s) runs code in %s network mode, not in a VPC.',
            c.name, c.code_interpreter_id, coalesce(c.network_mode, 'an unnamed'))
    END AS reason,
    c.account_id,
    c.region
FROM agentcore.code_interpreters AS c;

COMMENT ON VIEW agentcore.agentcore_code_interpreter_private_network IS
    'Control: alarm for each custom code interpreter not in VPC network mode.';
