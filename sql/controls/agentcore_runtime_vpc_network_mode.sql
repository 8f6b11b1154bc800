-- Control: every runtime should run in VPC network mode (AWS Security Hub
-- BedrockAgentCore.1).
CREATE OR REPLACE VIEW agentcore.agentcore_runtime_vpc_network_mode AS
SELECT
    'agentcore_runtime_vpc_network_mode'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_runtime_vpc_network_mode') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_runtime_vpc_network_mode') AS severity,
    r.agent_runtime_arn AS resource,
    CASE
        WHEN r.detail_error IS NOT NULL THEN 'error'
        WHEN r.network_mode = 'VPC' THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN r.detail_error IS NOT NULL THEN format(
            'Agent runtime %s (%s) could not be read (%s).',
            r.agent_runtime_name, r.agent_runtime_id, r.detail_error)
        WHEN r.network_mode = 'VPC' THEN format(
            'Agent runtime %s (%s) runs in VPC network mode (subnets %s).',
            r.agent_runtime_name, r.agent_runtime_id, array_to_string(r.vpc_subnets, ', '))
        ELSE format(
            'Agent runtime %s (%s) runs in %s network mode, on the public internet, not in a VPC.',
            r.agent_runtime_name, r.agent_runtime_id, coalesce(r.network_mode, 'an unnamed'))
    END AS reason,
    r.account_id,
    r.region
FROM agentcore.agent_runtimes AS r;

COMMENT ON VIEW agentcore.agentcore_runtime_vpc_network_mode IS
    'Control: alarm for each runtime whose network mode is not VPC.';
