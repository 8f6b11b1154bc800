"""agentcore_fdw: Amazon Bedrock AgentCore runtimes and the Cognito pools they trust, as SQL."""

__version__ = "0.1.0"
