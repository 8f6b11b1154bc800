-- The schema every engine fills with the same tables, and every view reads.
CREATE SCHEMA IF NOT EXISTS agentcore;
COMMENT ON SCHEMA agentcore IS
    'Amazon Bedrock AgentCore runtimes, their inbound authorizers, the Cognito user pools '
    'they trust, and the audit over them (agentcore-fdw).';
