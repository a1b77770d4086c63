#!/usr/bin/env bash
# Starts or stops Debian's nginx as an HTTP remote cache (Bazel's protocol: GET and PUT of
# /ac/<sha256> and /cas/<sha256>) on 127.0.0.1 only, with its own config and pid file under DIR.
#   nginx-cache.sh start PORT DIR   serve DIR/root on http://127.0.0.1:PORT (DIR is created)
#   nginx-cache.sh stop PORT DIR    stop the server started with the same DIR (by its pid file)
set -euo pipefail

usage() { echo "usage: $0 start|stop PORT DIR" >&2; exit 2; }
[ $# -eq 3 ] || usage
cmd=$1 port=$2 dir=$3
[[ "$port" =~ ^[0-9]+$ ]] || usage
nginx=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx" ] || { echo "$0: nginx not found: install it (toolchains/setup.sh)" >&2; exit 1; }

case "$cmd" in
start)
  mkdir -p "$dir/root/ac" "$dir/root/cas" "$dir/tmp" "$dir/logs"
  dir=$(cd "$dir" && pwd)
  # The body temp directory shares root's file system, so a finished PUT is a rename.
  # Started as root, nginx would run its worker as nobody, who cannot write DIR: keep the
  # invoking user (as a non-root start does anyway).
  user=""
  [ "$(id -u)" -ne 0 ] || user="user $(id -un) $(id -gn);"
  cat > "$dir/nginx.conf" <<CONF
$user
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
daemon on;
events { worker_connections 256; }
http {
  access_log $dir/logs/access.log;
  client_body_temp_path $dir/tmp;
  proxy_temp_path $dir/tmp;
  fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp;
  scgi_temp_path $dir/tmp;
  server {
    listen 127.0.0.1:$port;
    root $dir/root;
    client_max_body_size 1g;
    location / {
      dav_methods PUT;
      create_full_put_path on;
      dav_access user:rw group:r all:r;
    }
  }
}
CONF
  "$nginx" -q -p "$dir" -c "$dir/nginx.conf"
  for _ in $(seq 50); do
    [ -s "$dir/nginx.pid" ] && break
    sleep 0.1
  done
  [ -s "$dir/nginx.pid" ] || { echo "$0: nginx did not start (see $dir/logs/error.log)" >&2; exit 1; }
  echo "http://127.0.0.1:$port"
  ;;
stop)
  pidfile="$dir/nginx.pid"
  [ -s "$pidfile" ] || { echo "$0: no pid file $pidfile: nothing to stop" >&2; exit 0; }
  pid=$(cat "$pidfile")
  kill -QUIT "$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$pidfile"
  ;;
*) usage ;;
esac
