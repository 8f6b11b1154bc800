-- Every bundled control, one row per control and resource: what a compliance report reads.
-- Each control through agentcore.control_rows, so that one that cannot be read gives error
-- rows and the others their own; a filter on control_id narrows the catalog first, so only
-- the controls asked for run.
CREATE OR REPLACE VIEW agentcore.control_results AS
SELECT c.control_id, r.control_title, r.severity, r.resource, r.status, r.reason,
       r.account_id, r.region
FROM agentcore.controls AS c
CROSS JOIN LATERAL agentcore.control_rows(c.control_id) AS r;

COMMENT ON VIEW agentcore.control_results IS
    'Every bundled control as rows of control_id, control_title, severity, resource (an ARN), '
    'status (ok, alarm, error, skip), reason, account_id and region.';
