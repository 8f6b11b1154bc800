-- Control: a harness's remote MCP tools should be reached over https and sign their calls
-- (outbound auth awsIam): a tool over http, or with no outbound auth, is alarm. One row per
-- harness (its current version); a harness with no remote MCP tool is ok.
CREATE OR REPLACE VIEW agentcore.agentcore_harness_remote_mcp_secure AS
SELECT
    'agentcore_harness_remote_mcp_secure'::text AS control_id,
    -- Title and severity: the catalog's (fdw/schema/controls.py, generated into sql/catalog.sql).
    (SELECT title FROM agentcore.controls
     WHERE control_id = 'agentcore_harness_remote_mcp_secure') AS control_title,
    (SELECT severity FROM agentcore.controls
     WHERE control_id = 'agentcore_harness_remote_mcp_secure') AS severity,
    h.harness_arn AS resource,
    CASE
        WHEN h.detail_error IS NOT NULL THEN 'error'
        WHEN t.weak IS NOT NULL THEN 'alarm'
        ELSE 'ok'
    END AS status,
    CASE
        WHEN h.detail_error IS NOT NULL THEN format(
            'Harness %s (%s) could not be read (%s).', h.harness_name, h.harness_id,
            h.detail_error)
        WHEN t.weak IS NOT NULL THEN format(
            'Harness %s (%s) reaches remote MCP tools insecurely: %s.', h.harness_name,
            h.harness_id, t.weak)
        WHEN t.tools = 0 THEN format(
            'Harness %s (%s) has no remote MCP tool.', h.harness_name, h.harness_id)
        ELSE format(
            'Harness %s (%s) reaches its %s remote MCP tools over https with outbound auth.',
            h.harness_name, h.harness_id, t.tools)
    END AS reason,
    h.account_id,
    h.region
FROM agentcore.harnesses AS h
CROSS JOIN LATERAL (
    SELECT
        count(*) AS tools,
        string_agg(
            format('%s (%s)', coalesce(tool ->> 'name', tool ->> 'type'), concat_ws(', ',
                CASE WHEN tool ->> 'scheme' IS DISTINCT FROM 'https' THEN
                    format('over %s', coalesce(tool ->> 'scheme', 'an unknown scheme')) END,
                CASE WHEN coalesce(tool ->> 'outbound_auth', 'none') = 'none' THEN
                    'no outbound auth' END)),
            '; ')
            FILTER (WHERE tool ->> 'scheme' IS DISTINCT FROM 'https'
                       OR coalesce(tool ->> 'outbound_auth', 'none') = 'none') AS weak
    FROM jsonb_array_elements(coalesce(h.tools, '[]'::jsonb)) AS tool
    WHERE tool ->> 'config' = 'remoteMcp'
) AS t;

COMMENT ON VIEW agentcore.agentcore_harness_remote_mcp_secure IS
    'Control: alarm for each harness with a remote MCP tool reached over http or without '
    'outbound auth.';
