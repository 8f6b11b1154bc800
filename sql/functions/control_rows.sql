-- One control's rows, or, when its data could not be read, an error row for each account and
-- region that failed: a missing permission costs the controls that need it, never the whole
-- report. The base tables still fail loudly; here their error is caught (a subtransaction per
-- control) and its DETAIL, which the engines fill with what failed as JSON (operation, error
-- code, account, region and the IAM action to grant), becomes the reasons. A cancelled query
-- is not caught (OTHERS does not match query_canceled). The rows are gathered whole before any
-- is returned, so a control that fails half-way returns none of its half.
CREATE OR REPLACE FUNCTION agentcore.control_rows(wanted text)
RETURNS TABLE (control_id text, control_title text, severity text, resource text,
               status text, reason text, account_id text, region text)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found jsonb;
    error_text text;
    error_detail text;
    failed jsonb;
BEGIN
    EXECUTE format('SELECT coalesce(jsonb_agg(r), ''[]'') FROM agentcore.%I AS r', wanted)
        INTO found;
    RETURN QUERY
        SELECT r.control_id, r.control_title, r.severity, r.resource, r.status, r.reason,
               r.account_id, r.region
        FROM jsonb_to_recordset(found) AS r(control_id text, control_title text,
             severity text, resource text, status text, reason text, account_id text,
             region text);
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS error_text = MESSAGE_TEXT, error_detail = PG_EXCEPTION_DETAIL;
    BEGIN
        failed := CASE WHEN error_detail LIKE '[%' THEN error_detail::jsonb END;
    EXCEPTION WHEN OTHERS THEN
        failed := NULL;  -- a DETAIL of another error: the message alone says what failed
    END;
    RETURN QUERY
        SELECT c.control_id, c.title, c.severity,
               CASE WHEN f.region IS NULL THEN format('agentcore:%s', c.control_id)
                    ELSE format('arn:%s:%s:%s:%s:*',
                                CASE WHEN f.region LIKE 'cn-%' THEN 'aws-cn'
                                     WHEN f.region LIKE 'us-gov-%' THEN 'aws-us-gov'
                                     ELSE 'aws' END,
                                coalesce(split_part(f.iam_action, ':', 1), 'bedrock-agentcore'),
                                f.region, f.account_id) END,
               'error'::text,
               CASE WHEN f.operation IS NULL THEN format(
                        'This control could not be judged: %s', error_text)
                    WHEN f.iam_action IS NOT NULL AND f.code IN
                        ('AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation')
                    THEN format(
                        'This control could not be judged in account %s, region %s: %s was denied (%s). Grant %s to the role agentcore-fdw reads that account with.',
                        f.account_id, f.region, f.operation, f.code, f.iam_action)
                    ELSE format(
                        'This control could not be judged in account %s, region %s: %s failed with %s: %s',
                        f.account_id, f.region, f.operation, f.code,
                        rtrim(coalesce(f.message, 'no message'), '.') || '.') END,
               f.account_id, f.region
        FROM agentcore.controls AS c
        LEFT JOIN jsonb_to_recordset(coalesce(failed, '[{}]')) AS f(account_id text,
             region text, operation text, code text, iam_action text, message text) ON true
        WHERE c.control_id = wanted;
END
$$;
COMMENT ON FUNCTION agentcore.control_rows(text) IS
    'One control''s rows; when its data could not be read, an error row per account and region '
    'that failed, naming the operation and the IAM action to grant.';
