#!/bin/bash
# Starts one Payara Micro instance of a Bot Arena cluster: the image's entry point, and usable
# outside Docker too (ARENA_HOME = a folder with payara-micro.jar, artemis-rar.rar and arena.war).
# Every other setting is a MicroProfile Config key read from the environment (ARENA_DB_URL,
# ARENA_DB_USER, ARENA_DB_PASSWORD, ...; docs/operations.md lists them). Extra arguments go to
# Payara Micro.
set -euo pipefail
home=${ARENA_HOME:-/opt/arena}
id=${ARENA_INSTANCE_ID:?ARENA_INSTANCE_ID must be set, and differ per instance}
broker_host=${ARENA_BROKER_HOST:-artemis}
# passwords from Docker secrets when given so (MicroProfile Config reads them from the environment)
if [[ -s /run/secrets/broker_password ]]; then ARENA_BROKER_PASSWORD=$(cat /run/secrets/broker_password); export ARENA_BROKER_PASSWORD; fi
if [[ -s /run/secrets/db_password ]]; then ARENA_DB_PASSWORD=$(cat /run/secrets/db_password); export ARENA_DB_PASSWORD; fi
broker_port=${ARENA_BROKER_PORT:-61616}
# The composed keys are given whole: the deployment (MDB activation, connection factory) resolves
# them before the application's own config sources are in place.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java -XX:MaxRAMPercentage="${ARENA_MAX_RAM_PERCENTAGE:-70}" ${JAVA_OPTS:-} \
  -Darena.instance.id="$id" \
  "-Darena.io.selector=instance = '$id'" \
  "-Darena.broker.connection-parameters=host=$broker_host;port=$broker_port" \
  -jar "$home/payara-micro.jar" \
  --deploy "$home/artemis-rar.rar" --deploy "$home/arena.war" --contextroot arena \
  --port "${ARENA_HTTP_PORT:-8080}" --name "$id" --clustername "${ARENA_CLUSTER:-arena}" --nohostaware \
  "$@"
