#!/bin/bash
# Creates the broker instance at its first start, with the login from the Docker secret
# broker_password (user ARENA_BROKER_USER, default arena; it is the console's login too) and
# --require-login: no anonymous client. Then runs it.
set -euo pipefail
instance=/var/lib/artemis-instance
secret=/run/secrets/broker_password
[[ -s $secret ]] || { echo "the secret broker_password is missing (docs/operations.md, security)" >&2; exit 2; }
if [[ ! -f $instance/etc/broker.xml ]]; then
  "/opt/apache-artemis-${ARTEMIS_VERSION}/bin/artemis" create "$instance" --name arena --force \
    --user "${ARENA_BROKER_USER:-arena}" --password "$(cat "$secret")" --require-login \
    --host 0.0.0.0 --default-port 61616 \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
    --http-host 0.0.0.0 --relax-jolokia --silent
  sed -i 's|protocols=CORE,AMQP,STOMP,HORNETQ,MQTT,OPENWIRE|protocols=CORE|' "$instance/etc/broker.xml"
fi
exec "$instance/bin/artemis" run
