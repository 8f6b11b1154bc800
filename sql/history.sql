-- History for trends: snapshots of control_results in a regular table, which survives
-- restarts and reinstalls (only uninstall drops it). Take one with
--   SELECT agentcore.snapshot_controls();
-- by hand, from cron (agentcore-fdw check --save) or from pg_cron (see README).
CREATE TABLE IF NOT EXISTS agentcore.control_history (
    snapshot_at timestamptz NOT NULL,
    control_id text NOT NULL,
    control_title text NOT NULL,
    severity text NOT NULL,
    resource text NOT NULL,
    status text NOT NULL,
    reason text NOT NULL,
    account_id text,
    region text
);
CREATE INDEX IF NOT EXISTS control_history_snapshot_at
    ON agentcore.control_history (snapshot_at);
COMMENT ON TABLE agentcore.control_history IS
    'Snapshots of agentcore.control_results, one row per control and resource per snapshot, '
    'taken by agentcore.snapshot_controls().';

COMMENT ON COLUMN agentcore.control_history.snapshot_at IS
    'When the snapshot was taken: one value for every row of a snapshot. The other columns '
    'are those of agentcore.control_results (commented in views/column_comments.sql).';

ALTER TABLE agentcore.control_history ADD COLUMN IF NOT EXISTS data_fetched_at timestamptz;
COMMENT ON COLUMN agentcore.control_history.data_fetched_at IS
    'When AWS was read for the oldest data the snapshot judged (rows served from the shared '
    'cache are older than the snapshot; without the cache, the snapshot''s own time).';

-- A plpgsql function: control_results is read first, and agentcore.cache after it, in the
-- same transaction, names the cached rows those scans used.
CREATE OR REPLACE FUNCTION agentcore.snapshot_controls() RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    taken timestamptz := now();
    saved bigint;
BEGIN
    INSERT INTO agentcore.control_history
        (snapshot_at, control_id, control_title, severity, resource, status, reason,
         account_id, region)
    SELECT taken, control_id, control_title, severity, resource, status, reason,
           account_id, region
    FROM agentcore.control_results;
    GET DIAGNOSTICS saved = ROW_COUNT;
    UPDATE agentcore.control_history
    SET data_fetched_at = coalesce(
        (SELECT min(fetched_at) FROM agentcore.cache WHERE in_this_transaction), taken)
    WHERE snapshot_at = taken AND data_fetched_at IS NULL;
    RETURN saved;
END
$$;
REVOKE EXECUTE ON FUNCTION agentcore.snapshot_controls() FROM PUBLIC;
COMMENT ON FUNCTION agentcore.snapshot_controls() IS
    'Stores the current agentcore.control_results in agentcore.control_history; returns the rows stored.';

-- Per day (in the session's time zone) and control: the last snapshot of the day, counted.
CREATE OR REPLACE VIEW agentcore.control_trends AS
WITH last_of_day AS (
    SELECT max(snapshot_at) AS snapshot_at
    FROM agentcore.control_history
    GROUP BY snapshot_at::date
)
SELECT
    h.snapshot_at::date AS day,
    h.control_id,
    count(*) FILTER (WHERE h.status = 'ok') AS ok,
    count(*) FILTER (WHERE h.status = 'alarm') AS alarm,
    count(*) FILTER (WHERE h.status = 'error') AS error,
    count(*) FILTER (WHERE h.status = 'skip') AS skip
FROM agentcore.control_history AS h
JOIN last_of_day USING (snapshot_at)
GROUP BY h.snapshot_at::date, h.control_id;

COMMENT ON VIEW agentcore.control_trends IS
    'Per day and control, how many resources were ok, alarm, error and skip in the day''s '
    'last snapshot of agentcore.control_history.';
COMMENT ON COLUMN agentcore.control_trends.day IS
    'The day of the snapshot, in the session''s time zone (TimeZone).';
COMMENT ON COLUMN agentcore.control_trends.ok IS 'Resources the control found ok that day.';
COMMENT ON COLUMN agentcore.control_trends.alarm IS 'Resources in alarm that day.';
COMMENT ON COLUMN agentcore.control_trends.error IS 'Resources that could not be judged that day.';
COMMENT ON COLUMN agentcore.control_trends.skip IS 'Resources the control did not apply to that day.';
