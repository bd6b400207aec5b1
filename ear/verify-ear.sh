#!/usr/bin/env bash
# Verifies the EAR on a real Payara Server: unpacks Payara Server under ear/target, creates a domain
# whose every listener is on EAR_PORT_BASE+n (38000 + n by default), starts an embedded Artemis
# broker and a fresh database, deploys the resource adapter and the EAR with asadmin (the steps of
# docs/operations.md), plays matches between two protocol bots (the Python SDK), checks that the
# matches are stored FINISHED and that the leaderboard page lists the bots, then stops everything it
# started. Exits non-zero on any failure.
#
#   ear/verify-ear.sh [--no-build] [--keep]      (or ./arena verify-ear ...)
#     --no-build   use the artifacts already in */target (e.g. after mvn verify in CI)
#     --keep       leave the server, broker and database running for a look (stop with --stop)
#     --stop       stop what a --keep run left running
#
# Environment: EAR_PORT_BASE (38000), EAR_BROKER_PORT (61666), EAR_DB (arena_ear),
# ARENA_DB_USER/ARENA_DB_PASSWORD (postgres/postgres), PGHOST/PGPORT (127.0.0.1/5432).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=0.1.0-SNAPSHOT
PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT/pom.xml")

PORT_BASE=${EAR_PORT_BASE:-38000}
BROKER_PORT=${EAR_BROKER_PORT:-61666}
# the broker's one user, as the launcher makes it: a password of its own for this run
BROKER_USER=arena
BROKER_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
DB=${EAR_DB:-arena_ear}
DB_USER=${ARENA_DB_USER:-postgres}
DB_PASSWORD=${ARENA_DB_PASSWORD:-postgres}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
DB_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB
INSTANCE=ear-1
DOMAIN=arena

# create-domain --portbase B puts the listeners at these offsets (checked on 6.2025.10):
# admin +48, HTTP +80, HTTPS +81, IIOP +37, IIOP/SSL +38, IIOP/mutual auth +39, JMS (OpenMQ) +76,
# JMX +86, OSGi shell +66, debugger +9, Hazelcast DAS +49, Hazelcast members from +59
ADMIN_PORT=$((PORT_BASE + 48))
HTTP_PORT=$((PORT_BASE + 80))
DOMAIN_PORTS="48 80 81 37 38 39 76 86 66 9 49 59"

TARGET=$ROOT/ear/target
SERVER=$TARGET/payara6
WORK=$TARGET/verify
DOMAINS=$WORK/domains
LOGS=$WORK/logs
PIDS=$WORK/pids
PASSFILE=$WORK/asadmin-password.txt
ASADMIN=$SERVER/bin/asadmin
EAR=$ROOT/ear/target/arena.ear
RAR=$ROOT/rar/target/artemis-rar.rar

log() { printf '[verify-ear %4ds] %s\n' "$SECONDS" "$*" >&2; }
fail() {
  printf '[verify-ear] FAILED: %s\n' "$*" >&2
  exit 1
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
asadmin() { "$ASADMIN" --port "$ADMIN_PORT" --user admin --passwordfile "$PASSFILE" "$@"; }
psql_() { PGPASSWORD=$DB_PASSWORD psql -X -q -h "$PGHOST" -p "$PGPORT" -U "$DB_USER" "$@"; }
admin_cli() {
  ARENA_DB_URL=$DB_URL ARENA_DB_USER=$DB_USER ARENA_DB_PASSWORD=$DB_PASSWORD \
    java -cp "$ROOT/db/target/arena-db-$VERSION.jar:$ROOT/db/target/lib/*" org.botarena.db.AdminMain "$@"
}
wait_for() { # description seconds command...
  local what=$1 seconds=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    ((SECONDS < deadline)) || fail "$what: not within $seconds s"
    sleep 1
  done
}

# ---------------------------------------------------------------- stopping

stop_pid() { # name: TERM, then KILL after 20 s, by the PID file the start wrote
  local f=$PIDS/$1.pid pid
  [[ -f $f ]] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

stop_all() {
  local f
  for f in "$PIDS"/bot-*.pid; do [[ -f $f ]] && stop_pid "$(basename "$f" .pid)"; done
  if [[ -f $PIDS/domain.pid ]]; then
    local pid
    pid=$(cat "$PIDS/domain.pid")
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping the domain (PID $pid)"
      "$ASADMIN" stop-domain --domaindir "$DOMAINS" "$DOMAIN" >>"$LOGS/asadmin.log" 2>&1 || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
    stop_pid domain
  fi
  if [[ -f $PIDS/broker.pid ]]; then
    log "stopping the broker"
    stop_pid broker
  fi
}

on_exit() {
  local status=$?
  if ((status != 0)); then
    local server_log=$DOMAINS/$DOMAIN/logs/server.log
    if [[ -f $server_log ]]; then
      printf '\n--- last SEVERE entries of %s ---\n' "$server_log" >&2
      grep -A12 'SEVERE' "$server_log" | tail -40 >&2 || true
    fi
    printf 'logs: %s\n' "$LOGS" >&2
  fi
  if ((KEEP && status == 0)); then
    log "left running (--keep): http://127.0.0.1:$HTTP_PORT/arena/ , admin console http://127.0.0.1:$ADMIN_PORT ; stop with $0 --stop"
  else
    stop_all
  fi
  exit "$status"
}

# ---------------------------------------------------------------- steps

build() {
  log "building the EAR, the RAR and the admin tools (mvn package, tests skipped)"
  local modules=ear,rar,db,broker
  # -am builds the EAR's modules from this tree, never the SNAPSHOTs in ~/.m2
  if ! (cd "$ROOT" && "${MVN:-mvn}" -B -o -q package -DskipTests -pl "$modules" -am >"$LOGS/build.log" 2>&1); then
    log "offline build failed; trying online"
    (cd "$ROOT" && "${MVN:-mvn}" -B -q package -DskipTests -pl "$modules" -am >"$LOGS/build.log" 2>&1) ||
      fail "build failed (see $LOGS/build.log)"
  fi
}

unpack_server() {
  if [[ -x $ASADMIN ]]; then return; fi
  local zip=$TARGET/download/payara-$PAYARA_VERSION.zip
  if [[ ! -f $zip ]]; then
    log "fetching Payara Server $PAYARA_VERSION (fish.payara.distributions:payara:zip, ~170 MB)"
    local get=(org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy
      "-Dartifact=fish.payara.distributions:payara:$PAYARA_VERSION:zip"
      "-DoutputDirectory=$TARGET/download")
    (cd "$ROOT/ear" && { "${MVN:-mvn}" -B -o -q -N "${get[@]}" || "${MVN:-mvn}" -B -q -N "${get[@]}"; }) >"$LOGS/fetch.log" 2>&1 ||
      fail "could not fetch Payara Server (see $LOGS/fetch.log)"
  fi
  log "unpacking Payara Server"
  unzip -q -o "$zip" -d "$TARGET"
  [[ -x $ASADMIN ]] || fail "no $ASADMIN after unpacking $zip"
}

check_ports() {
  local n busy=()
  for n in $DOMAIN_PORTS; do port_open $((PORT_BASE + n)) && busy+=($((PORT_BASE + n))); done
  port_open "$BROKER_PORT" && busy+=("$BROKER_PORT")
  ((${#busy[@]} == 0)) || fail "ports already in use: ${busy[*]} (set EAR_PORT_BASE / EAR_BROKER_PORT, or $0 --stop)"
}

start_broker() {
  log "starting the embedded Artemis broker on 127.0.0.1:$BROKER_PORT"
  rm -rf "$WORK/broker"
  ARENA_BROKER_HOST=127.0.0.1 ARENA_BROKER_PORT=$BROKER_PORT ARENA_BROKER_DATA=$WORK/broker \
    ARENA_BROKER_USER=$BROKER_USER ARENA_BROKER_PASSWORD=$BROKER_PASSWORD \
    setsid java -Xmx256m -cp "$ROOT/broker/target/arena-broker-$VERSION.jar:$ROOT/broker/target/lib/*" \
    org.botarena.broker.EmbeddedBroker >"$LOGS/broker.log" 2>&1 </dev/null &
  echo $! >"$PIDS/broker.pid"
  wait_for "the broker" 60 port_open "$BROKER_PORT"
}

create_database() {
  log "database $DB: dropped, created and migrated (Flyway)"
  psql_ -d postgres -c "drop database if exists $DB with (force)" >/dev/null
  admin_cli init >>"$LOGS/admin.log" 2>&1 || fail "arena admin init failed (see $LOGS/admin.log)"
}

create_domain() {
  log "creating domain '$DOMAIN' in $DOMAINS (port base $PORT_BASE: admin $ADMIN_PORT, HTTP $HTTP_PORT)"
  rm -rf "$DOMAINS"
  mkdir -p "$DOMAINS"
  "$ASADMIN" --user admin --passwordfile "$PASSFILE" create-domain --domaindir "$DOMAINS" \
    --portbase "$PORT_BASE" --checkports=false --nopassword "$DOMAIN" >>"$LOGS/asadmin.log" 2>&1 ||
    fail "create-domain failed (see $LOGS/asadmin.log)"
}

start_domain() {
  log "starting the domain"
  "$ASADMIN" start-domain --domaindir "$DOMAINS" "$DOMAIN" >>"$LOGS/asadmin.log" 2>&1 ||
    fail "start-domain failed (see $LOGS/asadmin.log)"
  cp "$DOMAINS/$DOMAIN/config/pid" "$PIDS/domain.pid"
}

configure() {
  log "configuring: system properties read by MicroProfile Config"
  # every value the deployment itself needs (@DataSourceDefinition, @JMSConnectionFactoryDefinition,
  # MDB activation config) must be a server-level property: at deploy time Payara resolves
  # ${MPCONFIG=...} without the application's own config sources. ':' separates properties and
  # '=' splits name from value, so both are escaped inside values.
  local url=${DB_URL//:/\\:}
  asadmin create-system-properties \
    "arena.db.url=$url:arena.db.user=$DB_USER:arena.db.password=$DB_PASSWORD:arena.instance.id=$INSTANCE:arena.broker.host=127.0.0.1:arena.broker.port=$BROKER_PORT:arena.broker.user=$BROKER_USER:arena.broker.password=$BROKER_PASSWORD" \
    >>"$LOGS/asadmin.log" 2>&1 || fail "create-system-properties failed"
  asadmin create-system-properties "arena.broker.connection-parameters=host\\=127.0.0.1;port\\=$BROKER_PORT" \
    >>"$LOGS/asadmin.log" 2>&1 || fail "create-system-properties failed"
  asadmin create-system-properties "arena.io.selector=instance \\= \\'$INSTANCE\\'" \
    >>"$LOGS/asadmin.log" 2>&1 || fail "create-system-properties failed"
  asadmin list-system-properties >>"$LOGS/asadmin.log" 2>&1
  grep -q "arena.io.selector=instance = '$INSTANCE'" "$LOGS/asadmin.log" || fail "arena.io.selector was not stored as intended"
}

deploy() {
  local t=$SECONDS
  log "deploying the resource adapter $(basename "$RAR") (name artemis-rar)"
  asadmin deploy --name artemis-rar "$RAR" >>"$LOGS/asadmin.log" 2>&1 || fail "deploying the RAR failed"
  log "deploying $(basename "$EAR") (name arena)"
  asadmin deploy --name arena "$EAR" >>"$LOGS/asadmin.log" 2>&1 || fail "deploying the EAR failed"
  DEPLOY_SECONDS=$((SECONDS - t))
  wait_for "readiness (/health/ready)" 60 ready
}

# /health/ready answers UP with no checks while an application is still deploying: wait for ours
ready() { curl -fsS -m 5 "http://127.0.0.1:$HTTP_PORT/health/ready" 2>/dev/null | grep -q '"name":"database"'; }

play() {
  log "two protocol bots (Python SDK) play $GAMES games each"
  admin_cli add-team ear-verify >>"$LOGS/admin.log" 2>&1 || fail "add-team failed"
  local name token pids=()
  for name in ear-bot-a ear-bot-b; do
    token=$(admin_cli add-bot --team ear-verify "$name" 2>>"$LOGS/admin.log" | tail -1) || fail "add-bot $name failed"
    (cd "$ROOT/clients/python" && ARENA_TOKEN=$token exec timeout 180 /usr/bin/python3 -m arena_client \
      --url "ws://127.0.0.1:$HTTP_PORT/arena/ws/bot" --games "$GAMES" --no-reconnect \
      examples/random_agent.py:RandomAgent) >"$LOGS/bot-$name.log" 2>&1 &
    echo $! >"$PIDS/bot-$name.pid"
    pids+=($!)
  done
  local pid status=0
  for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
  rm -f "$PIDS"/bot-*.pid
  ((status == 0)) || fail "a bot exited with status $status (see $LOGS/bot-*.log)"
}

check() {
  local finished
  finished=$(psql_ -d "$DB" -Atc "select count(*) from matches where state = 'FINISHED'")
  log "matches FINISHED: $finished"
  ((finished >= GAMES)) || fail "expected at least $GAMES finished matches, found $finished"
  local page=$LOGS/leaderboard.html
  curl -fsS -m 20 -o "$page" "http://127.0.0.1:$HTTP_PORT/arena/leaderboard.xhtml" || fail "GET /arena/leaderboard.xhtml failed"
  local bot
  for bot in ear-bot-a ear-bot-b; do
    grep -q "$bot" "$page" || fail "the leaderboard does not list $bot (page saved in $page)"
  done
  log "the leaderboard lists ear-bot-a and ear-bot-b"
}

# ---------------------------------------------------------------- main

BUILD=1 KEEP=0 GAMES=3
while (($#)); do
  case $1 in
    --no-build) BUILD=0 ;;
    --keep) KEEP=1 ;;
    --stop) mkdir -p "$PIDS" "$LOGS"; stop_all; exit 0 ;;
    -h | --help) echo "usage: $0 [--no-build] [--keep] | --stop"; exit 0 ;;
    *) echo "usage: $0 [--no-build] [--keep] | --stop" >&2; exit 2 ;;
  esac
  shift
done

mkdir -p "$LOGS" "$PIDS"
[[ -z $(ls -A "$PIDS") ]] || fail "a previous run left processes (PID files in $PIDS): $0 --stop"
rm -f "$LOGS"/*
printf 'AS_ADMIN_PASSWORD=\n' >"$PASSFILE"
command -v psql >/dev/null || fail "psql is needed"
PGPASSWORD=$DB_PASSWORD pg_isready -q -h "$PGHOST" -p "$PGPORT" || fail "PostgreSQL is not up on $PGHOST:$PGPORT"
check_ports
trap on_exit EXIT

if ((BUILD)); then build; fi
for f in "$EAR" "$RAR" "$ROOT/db/target/arena-db-$VERSION.jar" "$ROOT/broker/target/arena-broker-$VERSION.jar"; do
  [[ -f $f ]] || fail "$f is missing (run without --no-build)"
done
t_setup=$SECONDS
unpack_server
start_broker
create_database
create_domain
start_domain
configure
t_deploy=$SECONDS
deploy
t_play=$SECONDS
play
check
log "PASSED: set-up $((t_deploy - t_setup)) s, deploy + ready $((t_play - t_deploy)) s (EAR deploy $DEPLOY_SECONDS s), play + checks $((SECONDS - t_play)) s, total $SECONDS s"
