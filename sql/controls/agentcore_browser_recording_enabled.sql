-- Control: every custom browser should record its sessions to S3 (AWS Security
-- Hub BedrockAgentCore.6).
CREATE OR REPLACE VIEW agentcore.agentcore_browser_recording_enabled AS
SELECT
    'agentcore_browser_recording_enabled'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_browser_recording_enabled') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_browser_recording_enabled') AS severity,
    b.arn AS resource,
    CASE
        WHEN b.detail_error IS NOT NULL THEN 'error'
        WHEN b.recording_enabled AND b.recording_s3_location IS NOT NULL THEN 'ok'
        ELSE 'alarm'
    END AS status,
    CASE
        WHEN b.detail_error IS NOT NULL THEN format(
            'Browser %s (%s) could not be read (%s).', b.name, b.browser_id, b.detail_error)
        WHEN b.recording_enabled AND b.recording_s3_location IS NOT NULL THEN format(
            'Browser %s (%s) records its sessions to %s.',
            b.name, b.browser_id, b.recording_s3_location)
        ELSE format(
            'Browser %s (%s) does not record its sessions to S3.', b.name, b.browser_id)
    END AS reason,
    b.account_id,
    b.region
FROM agentcore.browsers AS b;

COMMENT ON VIEW agentcore.agentcore_browser_recording_enabled IS
    'Control: alarm for each custom browser that does not record its sessions to S3.';
