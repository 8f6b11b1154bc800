-- Control: no resource-based policy should let any AWS principal invoke a runtime, an
-- endpoint or a gateway, or use a memory (Principal * or {"AWS": "*"} in an Allow statement
-- that neither a condition of its own nor a Deny for everyone outside bounds to an account,
-- organisation, network or source: fdw/core/policy_access.py judges, with IAM's condition
-- operators). A statement it cannot judge is an error, never ok.
CREATE OR REPLACE VIEW agentcore.agentcore_resource_policy_not_public AS
SELECT
    'agentcore_resource_policy_not_public'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_resource_policy_not_public') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_resource_policy_not_public') AS severity,
    p.resource_arn AS resource,
    CASE
        WHEN p.detail_error IS NOT NULL THEN 'error'
        WHEN p.allows_public THEN 'alarm'
        WHEN p.allows_public IS NULL THEN 'error'
        ELSE 'ok'
    END AS status,
    CASE
        WHEN p.detail_error IS NOT NULL THEN format(
            'The resource policy of %s %s could not be read (%s).',
            p.resource_type, p.resource_arn, p.detail_error)
        WHEN p.allows_public THEN format(
            'The resource policy of %s %s lets any AWS principal in (statements %s).',
            p.resource_type, p.resource_arn, array_to_string(p.public_statements, ', '))
        WHEN p.allows_public IS NULL THEN format(
            'The resource policy of %s %s could not be judged (%s), so who it lets in is unknown.',
            p.resource_type, p.resource_arn, array_to_string(p.undecided_statements, '; '))
        ELSE format(
            'The resource policy of %s %s names the principals it lets in.',
            p.resource_type, p.resource_arn)
    END AS reason,
    p.account_id,
    p.region
FROM agentcore.resource_policies AS p;

COMMENT ON VIEW agentcore.agentcore_resource_policy_not_public IS
    'Control: alarm for each runtime, runtime endpoint, gateway or memory whose resource policy '
    'allows any AWS principal.';
