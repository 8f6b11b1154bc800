-- Every door into an agent, and what each checks. Callers never invoke a runtime as such:
-- they invoke an endpoint of it (DEFAULT or a named one), which serves a version that may be
-- older than the current one, with another authorizer; or a gateway, which applies its own
-- authorizer and may reach runtimes as targets. One row per
--   runtime endpoint and version it serves (its live version; also its target version while
--   an update is in flight), with that version's authorizer;
--   gateway and runtime it reaches (one row, with no runtime, for a gateway that reaches none);
--   registry (its consumers' Search and Invoke calls) and payment manager;
--   harness endpoint and version it serves, as for runtime endpoints.
-- Registries, payment managers and harnesses carry no resource policy (AWS's documentation
-- names runtimes and their endpoints, gateways and memories as the kinds that can).
-- A public resource policy (any AWS principal may invoke) makes a door that relies on IAM
-- (no authorizer, or AWS_IAM) an alarm. An endpoint's door is governed by the runtime's policy
-- and the endpoint's own (AWS evaluates both): it is public when either lets anyone in, and
-- error when either could not be read or judged.
CREATE OR REPLACE VIEW agentcore.invocation_paths AS
-- The policies are read once, whole: a lateral subquery over the table itself would hand
-- each door's account and region to the foreign scan, and read each policy twice.
WITH policies AS MATERIALIZED (
    SELECT * FROM agentcore.resource_policies
),
-- Who may invoke what IAM authorizes, read once too, and only when a door relies on IAM.
invokers AS MATERIALIZED (
    SELECT * FROM agentcore.iam_invokers
),
served AS (
    SELECT e.*, v.served_version, v.version_role
    FROM agentcore.agent_runtime_endpoints AS e
    CROSS JOIN LATERAL (VALUES (e.live_version, 'live'), (e.target_version, 'target'))
        AS v(served_version, version_role)
    WHERE v.version_role = 'live' OR e.target_version IS DISTINCT FROM e.live_version
),
served_harnesses AS (
    SELECT e.*, v.served_version, v.version_role
    FROM agentcore.harness_endpoints AS e
    CROSS JOIN LATERAL (VALUES (e.live_version, 'live'), (e.target_version, 'target'))
        AS v(served_version, version_role)
    WHERE v.version_role = 'live' OR e.target_version IS DISTINCT FROM e.live_version
),
doors AS (
    SELECT
        'runtime_endpoint'::text AS door_type,
        s.endpoint_arn AS door_arn,
        s.endpoint_name AS door_name,
        s.agent_runtime_arn AS invoked_arn,
        s.account_id,
        s.region,
        s.agent_runtime_arn,
        coalesce(v.agent_runtime_name, s.agent_runtime_id) AS agent_runtime_name,
        s.served_version,
        s.version_role,
        v.authorizer_type,
        v.discovery_url,
        v.allowed_audience,
        v.allowed_clients,
        v.authorizer_configuration,
        NULL::text AS policy_engine_mode,
        'runtime'::text AS policy_resource_type,
        s.agent_runtime_id AS policy_resource_id,
        s.agent_runtime_id || '/runtime-endpoint/' || s.endpoint_name AS endpoint_policy_id,
        CASE WHEN v.agent_runtime_id IS NULL THEN 'ResourceNotFoundException'
             ELSE v.detail_error END AS detail_error,
        format('Endpoint %s of agent runtime %s, serving version %s%s,', s.endpoint_name,
               coalesce(v.agent_runtime_name, s.agent_runtime_id), s.served_version,
               CASE WHEN s.version_role = 'target' THEN ' once its update completes' ELSE '' END)
            AS subject,
        'InvokeAgentRuntime'::text AS iam_actions
    FROM served AS s
    LEFT JOIN agentcore.agent_runtime_versions AS v
        ON v.region = s.region
       AND v.agent_runtime_id = s.agent_runtime_id
       AND v.agent_runtime_version = s.served_version
       AND v.account_id = s.account_id
    UNION ALL
    SELECT
        'gateway',
        g.gateway_arn,
        g.name,
        g.gateway_arn,
        g.account_id,
        g.region,
        t.target_runtime_arn,
        r.agent_runtime_name,
        t.target_runtime_qualifier,
        NULL,
        g.authorizer_type,
        g.discovery_url,
        g.allowed_audience,
        g.allowed_clients,
        g.authorizer_configuration,
        g.policy_engine_mode,
        'gateway',
        g.gateway_id,
        NULL,
        g.detail_error,
        format('Gateway %s (%s)', g.name, g.gateway_id),
        'InvokeGateway'
    FROM agentcore.gateways AS g
    LEFT JOIN LATERAL (
        SELECT t.target_runtime_arn, t.target_runtime_qualifier
        FROM agentcore.gateway_targets AS t
        WHERE t.region = g.region AND t.gateway_id = g.gateway_id AND t.account_id = g.account_id
          AND t.target_runtime_arn IS NOT NULL
    ) AS t ON true
    LEFT JOIN agentcore.agent_runtimes AS r ON r.agent_runtime_arn = t.target_runtime_arn
    UNION ALL
    SELECT
        'registry', x.registry_arn, x.name, x.registry_arn, x.account_id, x.region, NULL, NULL,
        NULL, NULL, x.authorizer_type, x.discovery_url, x.allowed_audience, x.allowed_clients,
        x.authorizer_configuration, NULL, NULL, NULL, NULL, x.detail_error,
        format('Registry %s (%s)', x.name, x.registry_id),
        -- What its consumers call (AWS's registry guide): InvokeRegistryMcp alone only lists
        -- the MCP endpoint's tools.
        'SearchRegistryRecords (and InvokeRegistryMcp through its MCP endpoint)'
    FROM agentcore.registries AS x
    UNION ALL
    SELECT
        'payment_manager', m.payment_manager_arn, m.name, m.payment_manager_arn, m.account_id,
        m.region, NULL, NULL, NULL, NULL, m.authorizer_type, m.discovery_url, m.allowed_audience,
        m.allowed_clients, m.authorizer_configuration, NULL, NULL, NULL, NULL, m.detail_error,
        format('Payment manager %s (%s)', m.name, m.payment_manager_id),
        -- The action that pays; its other data-plane actions manage instruments and sessions.
        'ProcessPayment'
    FROM agentcore.payment_managers AS m
    UNION ALL
    SELECT
        'harness_endpoint', s.endpoint_arn, s.endpoint_name, v.harness_arn, s.account_id,
        s.region, NULL, NULL, s.served_version, s.version_role, v.authorizer_type, v.discovery_url,
        v.allowed_audience, v.allowed_clients, v.authorizer_configuration, NULL, NULL, NULL,
        NULL,
        CASE WHEN v.harness_id IS NULL THEN 'ResourceNotFoundException' ELSE v.detail_error END,
        format('Endpoint %s of harness %s, serving version %s%s,', s.endpoint_name,
               coalesce(v.harness_name, s.harness_name), s.served_version,
               CASE WHEN s.version_role = 'target' THEN ' once its update completes' ELSE '' END),
        -- Invoking a harness takes both actions on it (the Service Authorization Reference).
        'InvokeHarness and InvokeAgentRuntime on the harness'
    FROM served_harnesses AS s
    LEFT JOIN agentcore.harness_versions AS v
        ON v.region = s.region
       AND v.harness_id = s.harness_id
       AND v.harness_version = s.served_version
       AND v.account_id = s.account_id
)
SELECT
    d.door_type,
    d.door_arn,
    d.door_name,
    d.account_id,
    d.region,
    d.agent_runtime_arn,
    d.agent_runtime_name,
    d.served_version,
    d.version_role,
    d.authorizer_type,
    d.discovery_url,
    d.allowed_audience,
    d.allowed_clients,
    d.policy_engine_mode,
    coalesce(p.allows_public, false) AS public_policy,
    CASE
        WHEN f.status = 'ok' AND d.authorizer_type = 'AWS_IAM' AND p.allows_public THEN 'alarm'
        WHEN f.status = 'ok' AND (p.unread IS NOT NULL OR p.undecided IS NOT NULL) THEN 'error'
        ELSE f.status
    END AS status,
    f.reason
        || coalesce(' ' || p.public || '.', '')
        || coalesce(' ' || p.unread || '.', '')
        || coalesce(' ' || p.undecided || ', so who may invoke it is unknown.', '')
        || CASE WHEN i.unread IS NOT NULL THEN format(
                    ' Who IAM lets invoke it could not be read: %s.', i.unread)
                WHEN i.invokers > 0 THEN format(
                    ' %s IAM principal%s may invoke it: %s%s.', i.invokers,
                    CASE WHEN i.invokers > 1 THEN 's' ELSE '' END, i.first_few,
                    CASE WHEN i.invokers > 3 THEN format(', and %s more', i.invokers - 3)
                         ELSE '' END)
                WHEN d.relies_on_iam AND i.invokers = 0 THEN
                    ' No IAM principal of the account may invoke it.'
                ELSE '' END
        || CASE WHEN d.door_type = 'gateway' AND d.agent_runtime_arn IS NOT NULL THEN format(
               ' Through it callers reach agent runtime %s (%s).',
               coalesce(d.agent_runtime_name, d.agent_runtime_arn), d.served_version)
           ELSE '' END AS reason,
    -- Columns a release adds come last: CREATE OR REPLACE VIEW can only append.
    d.invoked_arn,
    d.relies_on_iam,
    i.invokers AS invoker_count
FROM (
    SELECT doors.*,
           doors.detail_error IS NULL
           AND (doors.authorizer_type IS NULL
                AND doors.door_type IN ('runtime_endpoint', 'harness_endpoint')
                OR doors.authorizer_type = 'AWS_IAM') AS relies_on_iam
    FROM doors
) AS d
-- The policies that govern the door, on the IDs the lists gave, in the door's account and
-- region: an ARN can be spelt otherwise by another answer, and a policy that could not be
-- read still has its ID.
CROSS JOIN LATERAL (
    SELECT
        bool_or(p.allows_public) AS allows_public,
        string_agg(format('%s lets any AWS principal invoke it (%s)', p.whose,
                          array_to_string(p.public_statements, ', ')), '. '
                   ORDER BY p.resource_type)
            FILTER (WHERE p.allows_public) AS public,
        string_agg(format('%s could not be read (%s)', p.whose, p.detail_error), '. '
                   ORDER BY p.resource_type)
            FILTER (WHERE p.detail_error IS NOT NULL) AS unread,
        string_agg(format('%s could not be judged (%s)', p.whose,
                          array_to_string(p.undecided_statements, '; ')), '; '
                   ORDER BY p.resource_type)
            FILTER (WHERE p.detail_error IS NULL AND p.allows_public IS NULL) AS undecided
    FROM (
        SELECT p.*,
               CASE WHEN d.endpoint_policy_id IS NULL THEN 'Its resource policy'
                    WHEN p.resource_type = 'runtime' THEN 'The runtime''s resource policy'
                    ELSE 'The endpoint''s resource policy' END AS whose
        FROM policies AS p
        WHERE p.account_id = d.account_id
          AND p.region = d.region
          AND ((p.resource_type = d.policy_resource_type AND p.resource_id = d.policy_resource_id)
               OR (p.resource_type = 'runtime-endpoint'
                   AND p.resource_id = d.endpoint_policy_id))
    ) AS p
) AS p
-- The principals AWS's simulator and the resource's policy let invoke a door relying on IAM
-- (iam_invokers simulates every kind of door).
LEFT JOIN LATERAL (
    SELECT
        CASE WHEN max(i.error) IS NULL THEN count(DISTINCT i.principal_arn) END AS invokers,
        (SELECT string_agg(name, ', ' ORDER BY name) FROM (
             SELECT DISTINCT CASE WHEN j.principal_arn = '*' THEN 'anyone (*)'
                                  WHEN j.principal_type = 'account'
                                      THEN 'account ' || j.principal_arn
                                  ELSE split_part(j.principal_arn, ':', 6) END AS name
             FROM invokers AS j
             WHERE j.account_id = d.account_id AND j.region = d.region
               AND j.resource_arn = d.invoked_arn AND j.error IS NULL
             ORDER BY 1 LIMIT 3) AS named) AS first_few,
        max(i.error) AS unread
    FROM invokers AS i
    WHERE d.relies_on_iam AND i.account_id = d.account_id
      AND (i.error IS NOT NULL OR (i.resource_arn = d.invoked_arn AND i.region = d.region))
) AS i ON d.relies_on_iam
CROSS JOIN LATERAL agentcore.authorizer_finding(
    d.subject, d.authorizer_type, d.discovery_url, d.authorizer_configuration,
    d.policy_engine_mode, d.detail_error, d.iam_actions
) AS f;

COMMENT ON VIEW agentcore.invocation_paths IS
    'Every door into an AgentCore agent: each runtime endpoint (with the version it serves, '
    'and its target version while an update is in flight), each gateway (with each runtime '
    'it reaches), each registry and payment manager, each harness endpoint (as for runtime '
    'endpoints), the authorizer that door applies, '
    'whether a resource policy opens it to any AWS principal, and a status (ok, alarm, error) '
    'with its reason.';
COMMENT ON COLUMN agentcore.invocation_paths.door_type IS
    'runtime_endpoint, gateway, registry, payment_manager or harness_endpoint.';
COMMENT ON COLUMN agentcore.invocation_paths.door_arn IS 'The door''s ARN (the endpoint''s, ...).';
COMMENT ON COLUMN agentcore.invocation_paths.door_name IS 'The endpoint''s (gateway''s, ...) name.';
COMMENT ON COLUMN agentcore.invocation_paths.invoked_arn IS
    'The ARN a caller''s invoke call names, which IAM authorizes: the runtime''s (or harness''s) '
    'for an endpoint, the door''s own otherwise.';
COMMENT ON COLUMN agentcore.invocation_paths.agent_runtime_arn IS
    'The runtime callers reach through the door (NULL for a gateway that reaches none, and '
    'for registries, payment managers and harnesses).';
COMMENT ON COLUMN agentcore.invocation_paths.served_version IS
    'For an endpoint, the runtime (or harness) version it serves; for a gateway, the runtime '
    'endpoint (qualifier) it invokes.';
COMMENT ON COLUMN agentcore.invocation_paths.version_role IS
    'live (served now) or target (served once an update in flight completes); NULL for doors '
    'that are not endpoints.';
COMMENT ON COLUMN agentcore.invocation_paths.authorizer_type IS
    'The authorizer the door applies: CUSTOM_JWT, AWS_IAM, AUTHENTICATE_ONLY, NONE, or NULL '
    '(a runtime or harness version with no authorizer configuration), or UNKNOWN(...) for a '
    'kind this version does not know.';
COMMENT ON COLUMN agentcore.invocation_paths.public_policy IS
    'Whether a resource policy of the door (the gateway''s; for an endpoint, the runtime''s or '
    'the endpoint''s own) lets any AWS principal invoke it.';
COMMENT ON COLUMN agentcore.invocation_paths.relies_on_iam IS
    'Whether IAM alone decides who gets in: an endpoint serving a version with no authorizer, '
    'or an AWS_IAM door.';
COMMENT ON COLUMN agentcore.invocation_paths.invoker_count IS
    'For a door relying on IAM, how many principals may invoke it (agentcore.invokers); '
    'NULL for other doors, or when IAM could not be read.';
COMMENT ON COLUMN agentcore.invocation_paths.status IS 'ok, alarm or error.';
COMMENT ON COLUMN agentcore.invocation_paths.reason IS 'Why, in sentences naming the door.';
