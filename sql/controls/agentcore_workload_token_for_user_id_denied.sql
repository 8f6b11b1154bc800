-- Control: no principal should be allowed GetWorkloadAccessTokenForUserId on the workload
-- identity of a runtime, gateway or payment manager: it issues that agent's workload token for
-- any user ID its caller names, with no identity provider checking it (AWS's documentation
-- advises denying it in production). From agentcore.iam_invokers: AWS's policy simulator.
CREATE OR REPLACE VIEW agentcore.agentcore_workload_token_for_user_id_denied AS
SELECT
    'agentcore_workload_token_for_user_id_denied'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_workload_token_for_user_id_denied') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_workload_token_for_user_id_denied') AS severity,
    r.workload_identity_arn AS resource,
    CASE
        WHEN e.unread IS NOT NULL THEN 'error'
        WHEN w.principals IS NOT NULL THEN 'alarm'
        ELSE 'ok'
    END AS status,
    CASE
        WHEN e.unread IS NOT NULL THEN format(
            'Who may get the workload token of %s for any user ID could not be read: %s.',
            r.subject, e.unread)
        WHEN w.principals IS NOT NULL THEN format(
            'IAM lets %s get the workload token of %s for any user ID they name, with no '
            'identity provider checking it.', w.principals, r.subject)
        ELSE format(
            'No IAM principal of the account may get the workload token of %s for a user ID it '
            'names.', r.subject)
    END AS reason,
    r.account_id,
    r.region
FROM (
    SELECT format('agent runtime %s (%s)', agent_runtime_name, agent_runtime_id) AS subject,
           workload_identity_arn, account_id, region
    FROM agentcore.agent_runtimes
    UNION ALL
    SELECT format('gateway %s (%s)', name, gateway_id), workload_identity_arn, account_id, region
    FROM agentcore.gateways
    UNION ALL
    SELECT format('payment manager %s (%s)', name, payment_manager_id), workload_identity_arn,
           account_id, region
    FROM agentcore.payment_managers
) AS r
CROSS JOIN LATERAL (
    SELECT string_agg(DISTINCT split_part(i.principal_arn, ':', 6)
                      || CASE WHEN i.access = 'conditional' THEN ' (on a condition)' ELSE '' END,
                      ', ') AS principals
    FROM agentcore.iam_invokers AS i
    WHERE i.resource_type = 'workload_identity' AND i.resource_arn = r.workload_identity_arn
      AND i.account_id = r.account_id AND i.region = r.region
) AS w
CROSS JOIN LATERAL (
    SELECT max(i.error) AS unread
    FROM agentcore.iam_invokers AS i
    WHERE i.error IS NOT NULL AND i.account_id = r.account_id
) AS e
WHERE r.workload_identity_arn IS NOT NULL;

COMMENT ON VIEW agentcore.agentcore_workload_token_for_user_id_denied IS
    'Control: alarm for each runtime, gateway or payment manager whose workload token some IAM '
    'principal may get for any user ID (GetWorkloadAccessTokenForUserId); error where IAM '
    'could not be read.';
