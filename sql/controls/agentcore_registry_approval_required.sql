-- Control: every registry should require an explicit approval of each record before its
-- consumers see it (autoApproval false, AWS's default).
CREATE OR REPLACE VIEW agentcore.agentcore_registry_approval_required AS
SELECT
    'agentcore_registry_approval_required'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_registry_approval_required') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_registry_approval_required') AS severity,
    r.registry_arn AS resource,
    CASE
        WHEN r.detail_error IS NOT NULL THEN 'error'
        WHEN r.auto_approval THEN 'alarm'
        ELSE 'ok'
    END AS status,
    CASE
        WHEN r.detail_error IS NOT NULL THEN format(
            'Registry %s (%s) could not be read (%s).', r.name, r.registry_id, r.detail_error)
        WHEN r.auto_approval THEN format(
            'Registry %s (%s) approves every record as it is created: consumers see it unreviewed.',
            r.name, r.registry_id)
        ELSE format(
            'Registry %s (%s) requires each record to be approved.', r.name, r.registry_id)
    END AS reason,
    r.account_id,
    r.region
FROM agentcore.registries AS r;

COMMENT ON VIEW agentcore.agentcore_registry_approval_required IS
    'Control: alarm for each registry that approves records automatically.';
