-- Control: no principal outside the audited accounts, and not anyone (*), should be able to
-- invoke a door that relies on IAM (agentcore.invokers: AWS's policy simulator, and what the
-- door's resource policy grants). A grant only under conditions the request must meet is not
-- an alarm: its reason names it. The inside is the door's account and every account the
-- server options read (agentcore.accounts): the organization, when it is read.
CREATE OR REPLACE VIEW agentcore.agentcore_door_invokers_inside AS
SELECT
    'agentcore_door_invokers_inside'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_door_invokers_inside') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_door_invokers_inside') AS severity,
    d.door_arn AS resource,
    CASE
        WHEN d.invoker_count IS NULL THEN 'error'
        WHEN o.outside IS NOT NULL THEN 'alarm'
        ELSE 'ok'
    END AS status,
    CASE
        WHEN d.invoker_count IS NULL THEN format(
            'Who IAM lets invoke %s %s could not be read.', d.door_type, d.door_arn)
        WHEN o.outside IS NOT NULL THEN format(
            'Principals outside the audited accounts may invoke %s %s: %s.',
            d.door_type, d.door_arn, o.outside)
        ELSE format(
            'Only principals of the audited accounts may invoke %s %s (%s%s).',
            d.door_type, d.door_arn, d.invoker_count,
            CASE WHEN d.invoker_count = 1 THEN ' principal' ELSE ' principals' END)
    END AS reason,
    d.account_id,
    d.region
FROM (
    SELECT DISTINCT ON (door_arn, account_id, region) *
    FROM agentcore.invocation_paths
    WHERE relies_on_iam
    ORDER BY door_arn, account_id, region, invoker_count NULLS FIRST
) AS d
CROSS JOIN LATERAL (
    SELECT string_agg(DISTINCT i.principal_arn, ', ') AS outside
    FROM agentcore.invokers AS i
    WHERE i.door_arn = d.door_arn AND i.account_id = d.account_id AND i.region = d.region
      AND i.access = 'allowed'
      AND (i.principal_arn = '*'
           OR (CASE WHEN i.principal_arn ~ '^[0-9]{12}$' THEN i.principal_arn
                    ELSE split_part(i.principal_arn, ':', 5) END) NOT IN (
               SELECT a.account_id FROM agentcore.accounts AS a
               UNION SELECT d.account_id))
) AS o;

COMMENT ON VIEW agentcore.agentcore_door_invokers_inside IS
    'Control: alarm for each door relying on IAM that anyone (*) or a principal of an account '
    'outside the audited ones may invoke; error where IAM could not be read.';
