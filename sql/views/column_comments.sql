-- Every view column carries a COMMENT, for BI tools. The control-result columns mean the same
-- in every control, in control_results and in control_history; a view column named as a
-- column of the tables means what that column means, and takes its comment where the view's
-- file gave none. The tables are views too, on both engines: those whose namesake is in the
-- engine's schema.
DO $$
DECLARE
    control regclass;
    item record;
BEGIN
    FOR control IN
        SELECT c.oid::regclass FROM pg_class c
        WHERE c.relnamespace = 'agentcore'::regnamespace
          AND (c.relkind = 'v' AND (c.relname LIKE 'agentcore\_%' OR c.relname = 'control_results')
               OR c.relkind = 'r' AND c.relname = 'control_history')
    LOOP
        EXECUTE format('COMMENT ON COLUMN %s.control_id IS %L', control,
            'The control''s ID: one file of sql/controls/.');
        EXECUTE format('COMMENT ON COLUMN %s.control_title IS %L', control,
            'What the control expects, in a sentence.');
        EXECUTE format('COMMENT ON COLUMN %s.severity IS %L', control, 'high, medium or low.');
        EXECUTE format('COMMENT ON COLUMN %s.resource IS %L', control,
            'The ARN of the resource the result is about.');
        EXECUTE format('COMMENT ON COLUMN %s.status IS %L', control,
            'ok; alarm; error (it could not be judged: never ok by default); skip (it does not apply).');
        EXECUTE format('COMMENT ON COLUMN %s.reason IS %L', control,
            'Why, in a sentence naming the resource.');
        EXECUTE format('COMMENT ON COLUMN %s.account_id IS %L', control, 'The AWS account ID.');
        EXECUTE format('COMMENT ON COLUMN %s.region IS %L', control, 'The AWS region.');
    END LOOP;
    FOR item IN
        SELECT v.oid::regclass AS view, a.attname AS name, (
            SELECT col_description(t.oid, ta.attnum)
            FROM pg_class t
            JOIN pg_attribute ta ON ta.attrelid = t.oid AND ta.attname = a.attname
            WHERE t.relnamespace = v.relnamespace AND t.oid <> v.oid
              AND col_description(t.oid, ta.attnum) IS NOT NULL
            ORDER BY (to_regclass('agentcore_multicorn.' || quote_ident(t.relname)) IS NOT NULL
                      OR to_regproc('agentcore_plpython.' || quote_ident(t.relname)) IS NOT NULL)
                     DESC, t.relname
            LIMIT 1
        ) AS comment
        FROM pg_class v
        JOIN pg_attribute a ON a.attrelid = v.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE v.relnamespace = 'agentcore'::regnamespace AND v.relkind = 'v'
          AND col_description(v.oid, a.attnum) IS NULL
    LOOP
        IF item.comment IS NOT NULL THEN
            EXECUTE format('COMMENT ON COLUMN %s.%I IS %L', item.view, item.name, item.comment);
        END IF;
    END LOOP;
END $$;
