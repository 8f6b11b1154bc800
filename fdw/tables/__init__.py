"""Every table of the SQL contract, in the order they are installed."""

from __future__ import annotations

from ..core import cache
from ..core.table import Table
from . import (
    accounts,
    agent_runtime_endpoints,
    agent_runtime_versions,
    agent_runtimes,
    api_coverage,
    browsers,
    cache_entries,
    code_interpreters,
    cognito_resource_servers,
    cognito_user_pool_clients,
    cognito_user_pools,
    gateway_targets,
    gateways,
    harness_endpoints,
    harness_versions,
    harnesses,
    iam_invokers,
    memories,
    payment_managers,
    registries,
    resource_policies,
)

TABLES: dict[str, Table] = {
    module.TABLE.name: module.TABLE
    for module in (
        accounts,
        agent_runtimes,
        agent_runtime_endpoints,
        agent_runtime_versions,
        gateways,
        gateway_targets,
        resource_policies,
        memories,
        browsers,
        code_interpreters,
        harnesses,
        harness_versions,
        harness_endpoints,
        registries,
        payment_managers,
        iam_invokers,
        cognito_user_pools,
        cognito_user_pool_clients,
        cognito_resource_servers,
        cache_entries,
        api_coverage,
    )
}
cache.serve(TABLES.values())
api_coverage.cover(TABLES.values())


def table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"no table {name!r}; tables: {', '.join(TABLES)}") from None
