-- Who can invoke each door that relies on IAM (a runtime or harness version with no
-- authorizer, an AWS_IAM gateway, registry or payment manager): the principals
-- agentcore.iam_invokers found for the ARN the door's invoke call names. Doors with a JWT
-- authorizer have no IAM invokers and no rows. An account whose IAM could not be read has one
-- row naming the action to grant, with no door.
CREATE OR REPLACE VIEW agentcore.invokers AS
SELECT
    d.door_arn,
    d.door_type,
    d.door_name,
    i.principal_arn,
    i.principal_type,
    i.access,
    i.missing_context,
    i.granted_by,
    i.matched_policies,
    NULL::text AS error,
    d.account_id,
    d.region
FROM agentcore.invocation_paths AS d
JOIN agentcore.iam_invokers AS i
    ON i.resource_arn = d.invoked_arn
   AND i.account_id = d.account_id
   AND i.region = d.region
WHERE d.relies_on_iam
UNION ALL
SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, i.error, i.account_id, i.region
FROM agentcore.iam_invokers AS i
WHERE i.error IS NOT NULL;

COMMENT ON VIEW agentcore.invokers IS
    'One row per door that relies on IAM and principal that may invoke it (AWS''s policy '
    'simulator for this account''s roles and users; the door''s resource policy for others and '
    'for *); an account whose IAM could not be read has one row with only error set.';
COMMENT ON COLUMN agentcore.invokers.door_arn IS 'The door, as in invocation_paths.';
COMMENT ON COLUMN agentcore.invokers.door_type IS
    'runtime_endpoint, harness_endpoint, gateway, registry or payment_manager, as in '
    'invocation_paths.';
COMMENT ON COLUMN agentcore.invokers.door_name IS 'The door''s name, as in invocation_paths.';
