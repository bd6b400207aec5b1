#!/bin/bash
# Container health check without curl or wget: exits 0 when GET http://127.0.0.1:PORT/PATH answers
# 200 and, if TEXT is given, the body contains TEXT. Usage: http-ok.sh PORT [PATH [TEXT]]
# Payara's /health/ready answers 200 {"status":"UP","checks":[]} while the application is still
# deploying; asking for the app's own check ("database") waits for the application.
port=${1:?usage: http-ok.sh PORT [PATH [TEXT]]}
path=${2:-/}
text=${3:-}
{ exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS=' ' read -r -t 5 _ status _ <&3 || exit 1
[[ $status == 200 ]] || exit 1
[[ -z $text ]] && exit 0
body=$(timeout 5 cat <&3) || exit 1
[[ $body == *"$text"* ]]
