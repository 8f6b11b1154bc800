#!/bin/sh
# First start only (the image's entrypoint runs /docker-entrypoint-initdb.d once): install
# the agentcore schema with the same installer, and the same sql/ files, as everywhere else.
# AGENTCORE_<OPTION> variables become server options (AGENTCORE_REGIONS=us-east-1,eu-west-1).
set -eu

dsn="host=${PGHOST:-/var/run/postgresql} port=${PGPORT:-5432} dbname=${POSTGRES_DB:-postgres} user=${POSTGRES_USER:-postgres}"
set -- install --dsn "$dsn" \
    --engine "${AGENTCORE_ENGINE:-multicorn}"
for option in regions profile endpoint_url max_concurrency max_attempts ignore_error_codes; do
    value=$(printenv "AGENTCORE_$(echo "$option" | tr a-z A-Z)" || true)
    if [ -n "$value" ]; then
        set -- "$@" --option "$option=$value"
    fi
done
agentcore-fdw "$@"
