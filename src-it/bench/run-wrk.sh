#!/usr/bin/env bash
# End-to-end benchmark of usersession's stores with wrk on WildFly.
#
# Builds the benchmark WARs (mvn -Pbench-e2e package -DskipTests) and starts the WildFly that the
# build unpacks into target/ on a loopback address of its own. It deploys the WARs and loads their
# endpoints with wrk in interleaved rounds: no session (the floor), HttpSession, and usersession
# with the memory, cookie, JDBC (PostgreSQL) and Redis stores. Then it measures one connection's
# latency, counts the store round trips per request, and measures the JDBC store's cleanup of
# expired rows while load runs. It prints a Markdown report, also written to
# target/bench-wrk/report.md, and stops the server, drops its tables and deletes its Redis keys
# on exit.
#
# Needs: Java 17, Maven, wrk (Debian: apt-get install wrk), curl, psql and redis-cli; PostgreSQL
# as wildfly-config/postgresql-datasource.cli expects it (127.0.0.1:5432, user postgres, trust,
# database test) and Redis (REDIS_URI). Every setting below is an environment variable:
#   ROUNDS=1 DURATION=2s WARMUP=1s SERIAL_DURATION=1s CLEANUP_ROWS=20000 src-it/bench/run-wrk.sh
# is a quick smoke run, and PROFILE=memory/write adds a JFR recording of that target's load.
# wrk shares the machine with WildFly, PostgreSQL and Redis, so compare the ratios of one run,
# not absolute numbers of different runs. Where other jobs share the machine, run it under
# flock(1) with the lock file those jobs use.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_SRC="$ROOT/src-it/bench"
OUT="$ROOT/target/bench-wrk"

# Loopback address of the benchmark's WildFly: HTTP on 8080, management on 9990.
BENCH_ADDRESS="${BENCH_ADDRESS:-127.0.0.4}"
# Interleaved rounds. The report shows the median of the rounds.
ROUNDS="${ROUNDS:-3}"
# Length of one wrk run, of one warm-up run per target, and of the one-connection runs.
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-10s}"
SERIAL_DURATION="${SERIAL_DURATION:-3s}"
# wrk threads and open connections of the loaded runs.
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
# Sessions per target. Each wrk thread cycles through its share of them.
SESSIONS="${SESSIONS:-64}"
# Sequential requests per endpoint when counting store round trips.
TRIPS_REQUESTS="${TRIPS_REQUESTS:-100}"
# Expired rows for the cleanup phase, the JDBC deployment's cleanup interval (for the whole run,
# so that the cleanup phase loads the warm deployment), and the most wrk runs of DURATION to wait
# for the cleanup to finish.
CLEANUP_ROWS="${CLEANUP_ROWS:-1000000}"
CLEANUP_INTERVAL="${CLEANUP_INTERVAL:-2s}"
CLEANUP_MAX_RUNS="${CLEANUP_MAX_RUNS:-30}"
REDIS_URI="${REDIS_URI:-redis://127.0.0.1:6379}"
# Heap of the benchmark's WildFly.
BENCH_JAVA_SIZING="${BENCH_JAVA_SIZING:--Xms1g -Xmx1g}"
# true: use the WARs of an earlier build.
SKIP_BUILD="${SKIP_BUILD:-false}"
# Comma-separated target/operation pairs (memory/write, cookie/read, ...) to profile with JFR.
PROFILE="${PROFILE:-}"
# Length of each profiled wrk run.
PROFILE_DURATION="${PROFILE_DURATION:-20s}"

# PostgreSQL of wildfly-config/postgresql-datasource.cli, for psql.
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-test}"

WILDFLY_VERSION="39.0.1.Final"
WILDFLY_HOME="$ROOT/target/wildfly-$WILDFLY_VERSION"
TABLE_PREFIX="bench_wrk_"
KEY_PREFIX="bench-wrk:"

# Targets: the WAR (context path) and the resource each one loads.
TARGETS=(none http none-us memory cookie jdbc redis)
declare -A CONTEXT=([none]=bench-plain [http]=bench-plain [none-us]=bench-memory [memory]=bench-memory
    [cookie]=bench-cookie [jdbc]=bench-jdbc [redis]=bench-redis)
declare -A RESOURCE=([none]=none [http]=http [none-us]=none [memory]=us [cookie]=us [jdbc]=us [redis]=us)
# The target whose sessions a target's requests carry: the no-session endpoints get the cookies
# of the session in their WAR, as a browser sends them to every path.
declare -A COOKIES_OF=([none]=http [http]=http [none-us]=memory [memory]=memory [cookie]=cookie [jdbc]=jdbc
    [redis]=redis)
declare -A LABEL=([none]="no session" [http]="HttpSession" [none-us]="no session, usersession in the WAR"
    [memory]="usersession memory" [cookie]="usersession cookie" [jdbc]="usersession jdbc" [redis]="usersession redis")

SERVER_PID=""
JAVA_PID=""

log() {
    printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
}

fail() {
    log "ERROR: $*"
    exit 1
}

# ---------------------------------------------------------------------------------------------
# Preparation: tools, build, WARs, server

check_tools() {
    local tool
    for tool in wrk curl psql redis-cli java mvn jar openssl awk sort; do
        command -v "$tool" >/dev/null || fail "$tool is missing. Install it (wrk: apt-get install -y wrk) and run again."
    done
    psql -Atqc "SELECT 1" >/dev/null || fail "PostgreSQL at $PGHOST:$PGPORT (database $PGDATABASE, user $PGUSER) does not answer."
    redis-cli -u "$REDIS_URI" PING >/dev/null || fail "Redis at $REDIS_URI does not answer; set REDIS_URI."
}

# Fails when something listens on a port of the benchmark's address.
check_ports_free() {
    local port
    for port in 8080 8443 9990; do
        if (exec 3<>"/dev/tcp/$BENCH_ADDRESS/$port") 2>/dev/null; then
            fail "$BENCH_ADDRESS:$port is in use. Stop what listens there or set BENCH_ADDRESS to another 127.x.y.z."
        fi
    done
}

build() {
    if [[ "$SKIP_BUILD" == true ]]; then
        log "Using the WARs of an earlier build (SKIP_BUILD=true)"
    else
        log "Building: mvn -Pbench-e2e package -DskipTests"
        # Maven's output goes to standard error, so that standard output is the report only.
        (cd "$ROOT" && mvn -B -q -Pbench-e2e package -DskipTests >&2)
    fi
    [[ -f "$ROOT/target/usersession-bench.war" && -f "$ROOT/target/usersession-bench-plain.war" ]] \
        || fail "The benchmark WARs are missing in target/; run without SKIP_BUILD."
    [[ -x "$WILDFLY_HOME/bin/standalone.sh" ]] || fail "No WildFly in $WILDFLY_HOME; run without SKIP_BUILD."
}

# Copies the benchmark WAR to $OUT/wars/<name>.war with a microprofile-config.properties read
# from standard input, and with Lettuce's jars when the second argument is "with-redis-client".
make_war() {
    local name="$1" libraries="${2:-}"
    local stage="$OUT/stage/$name"
    mkdir -p "$stage/WEB-INF/classes/META-INF"
    cat >"$stage/WEB-INF/classes/META-INF/microprofile-config.properties"
    if [[ "$libraries" == with-redis-client ]]; then
        mkdir -p "$stage/WEB-INF/lib"
        cp "$ROOT"/target/redis-lib/*.jar "$stage/WEB-INF/lib/"
    fi
    cp "$ROOT/target/usersession-bench.war" "$OUT/wars/$name.war"
    jar uf "$OUT/wars/$name.war" -C "$stage" WEB-INF
    rm -rf "$stage"
}

make_wars() {
    log "Packing one WAR per store into $OUT/wars"
    rm -rf "$OUT/wars" "$OUT/stage"
    mkdir -p "$OUT/wars"
    cp "$ROOT/target/usersession-bench-plain.war" "$OUT/wars/bench-plain.war"

    printf 'usersession.store=memory\n' | make_war bench-memory
    # A new secret per run, never printed; the WAR is deleted on exit.
    printf 'usersession.store=cookie\nusersession.secret=%s\n' "$(openssl rand -base64 48)" | make_war bench-cookie
    printf '%s\n' "usersession.store=jdbc" "usersession.jdbc.datasource=java:jboss/datasources/UserSessionDS" \
        "usersession.jdbc.table-prefix=$TABLE_PREFIX" "usersession.jdbc.cleanup-interval=$CLEANUP_INTERVAL" \
        | make_war bench-jdbc
    printf '%s\n' "usersession.store=redis" "usersession.redis.uri=$REDIS_URI" \
        "usersession.redis.key-prefix=$KEY_PREFIX" | make_war bench-redis with-redis-client
}

cli() {
    "$WILDFLY_HOME/bin/jboss-cli.sh" --connect --controller="$BENCH_ADDRESS:9990" "$@"
}

# Starts WildFly with a fresh copy of its standalone configuration under $OUT/server, so that
# no deployment or setting of the demo or the integration tests comes along.
start_server() {
    local base="$OUT/server"
    rm -rf "$base"
    mkdir -p "$base/configuration" "$base/deployments"
    cp -r "$WILDFLY_HOME/standalone/configuration/." "$base/configuration/"
    rm -rf "$base/configuration/standalone_xml_history"
    sed -i '/<deployments>/,/<\/deployments>/d' "$base/configuration/standalone.xml"

    log "Starting WildFly $WILDFLY_VERSION on $BENCH_ADDRESS ($BENCH_JAVA_SIZING); log: $base/log/server.log"
    LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$OUT/wildfly.pid" JBOSS_JAVA_SIZING="$BENCH_JAVA_SIZING" \
        "$WILDFLY_HOME/bin/standalone.sh" -Djboss.server.base.dir="$base" \
        -b "$BENCH_ADDRESS" -bmanagement "$BENCH_ADDRESS" >"$OUT/server.out" 2>&1 &
    SERVER_PID=$!

    local attempt
    for attempt in $(seq 1 120); do
        if cli --commands=':read-attribute(name=server-state)' 2>/dev/null | grep -q '"result" => "running"'; then
            JAVA_PID="$(cat "$OUT/wildfly.pid")"
            return
        fi
        kill -0 "$SERVER_PID" 2>/dev/null || fail "WildFly exited during start; see $OUT/server.out"
        sleep 1
    done
    fail "WildFly did not start within 120 s; see $OUT/server.out"
}

stop_server() {
    [[ -n "$SERVER_PID" ]] || return 0
    log "Stopping WildFly"
    cli --commands=':shutdown' >/dev/null 2>&1 || kill "$SERVER_PID" 2>/dev/null || true
    local attempt
    for attempt in $(seq 1 60); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        log "WildFly still runs after 60 s; ending its process $JAVA_PID"
        [[ -n "$JAVA_PID" ]] && kill -9 "$JAVA_PID" 2>/dev/null || true
        kill "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

# Adds the PostgreSQL data source with the project's CLI script, usersession's log category at
# INFO, and the WARs of the main phase.
deploy() {
    log "Adding the PostgreSQL data source (wildfly-config/postgresql-datasource.cli)"
    (cd "$ROOT" && cli --file=wildfly-config/postgresql-datasource.cli >/dev/null)

    log "Deploying the benchmark WARs"
    local name commands="/subsystem=logging/logger=io.github.usersession:add(level=INFO)"
    for name in bench-plain bench-memory bench-cookie bench-jdbc bench-redis; do
        commands+=",deploy $OUT/wars/$name.war"
    done
    cli --commands="$commands" >/dev/null
}

# ---------------------------------------------------------------------------------------------
# Sessions: SESSIONS per target, created with curl. Their Cookie headers go to files that only
# wrk and curl read, never to the output.

url_of() {
    local target="$1" operation="$2"
    printf 'http://%s:8080/%s/api/%s/%s' "$BENCH_ADDRESS" "${CONTEXT[$target]}" "${RESOURCE[$target]}" "$operation"
}

# Prints the Cookie header value of a curl cookie jar: name=value pairs joined with "; ".
cookie_header() {
    awk -F '\t' 'NF == 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { pairs = pairs sep $6 "=" $7; sep = "; " }
        END { print pairs }' "$1"
}

create_sessions() {
    local target="$1"
    local file="$OUT/cookies/$target" jar="$OUT/cookies/jar" index status
    : >"$file"
    chmod 600 "$file"
    for index in $(seq 1 "$SESSIONS"); do
        rm -f "$jar"
        status="$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -X POST "$(url_of "$target" start)")"
        [[ "$status" == 200 ]] || fail "POST $(url_of "$target" start) returned HTTP $status; see $OUT/server/log/server.log"
        cookie_header "$jar" >>"$file"
    done
    rm -f "$jar"

    status="$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $(head -n 1 "$file")" "$(url_of "$target" read)")"
    [[ "$status" == 200 ]] || fail "GET $(url_of "$target" read) with a new session returned HTTP $status"
}

create_all_sessions() {
    log "Creating $SESSIONS sessions per store"
    mkdir -p "$OUT/cookies"
    chmod 700 "$OUT/cookies"
    local target
    for target in http memory cookie jdbc redis; do
        create_sessions "$target"
    done
}

# ---------------------------------------------------------------------------------------------
# wrk runs. Each run appends one line to $OUT/results.tsv: phase, round, target, operation,
# requests/s, p50 ms, p99 ms, requests, errors, then the CPU use during the run in % of the
# machine: all processes, WildFly, wrk, and the rest (PostgreSQL, Redis and whatever else runs).

method_of() {
    [[ "$1" == write ]] && echo POST || echo GET
}

# Prints the busy and total CPU ticks of the machine and WildFly's CPU ticks (USER_HZ).
cpu_ticks() {
    awk '/^cpu / { busy = $2 + $3 + $4 + $7 + $8 + $9; printf "%d %d ", busy, busy + $5 + $6 }' /proc/stat
    awk '{ print $14 + $15 }' "/proc/$JAVA_PID/stat"
}

# Runs wrk once: phase round target operation duration threads connections.
run_wrk() {
    local phase="$1" round="$2" target="$3" operation="$4" duration="$5" threads="$6" connections="$7"
    local raw="$OUT/raw/$phase-$round-$target-$operation.txt" before after wrk_seconds status=0
    local TIMEFORMAT='%U %S'
    before="$(cpu_ticks)"
    { time BENCH_COOKIES="$OUT/cookies/${COOKIES_OF[$target]}" BENCH_THREADS="$threads" BENCH_METHOD="$(method_of "$operation")" \
        wrk --latency --timeout 10s -t"$threads" -c"$connections" -d"$duration" -s "$BENCH_SRC/sessions.lua" \
        "$(url_of "$target" "$operation")" >"$raw" 2>&1 || status=$?; } 2>"$OUT/wrk-time"
    after="$(cpu_ticks)"
    [[ "$status" == 0 ]] || fail "wrk failed with status $status; see $raw"
    wrk_seconds="$(awk '{ print $1 + $2 }' "$OUT/wrk-time")"

    paste <(parse_wrk "$raw") <(awk -v before="$before" -v after="$after" -v wrk="$wrk_seconds" 'BEGIN {
        split(before, b, " "); split(after, a, " "); total = a[2] - b[2]
        busy = 100 * (a[1] - b[1]) / total; wildfly = 100 * (a[3] - b[3]) / total; client = 100 * wrk * 100 / total
        printf "%.1f\t%.1f\t%.1f\t%.1f\n", busy, wildfly, client, busy - wildfly - client }') \
        | awk -v prefix="$phase	$round	$target	$operation" '{ print prefix "\t" $0 }' >>"$OUT/results.tsv"
}

# Prints requests/s, p50 ms, p99 ms, requests and errors (non-2xx responses and socket errors)
# of one wrk output.
parse_wrk() {
    awk '
        function ms(value) {
            if (value ~ /us$/) return value / 1000
            if (value ~ /ms$/) return value + 0
            if (value ~ /s$/) return value * 1000
            if (value ~ /m$/) return value * 60000
            return value * 3600000
        }
        /^Requests\/sec:/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        / requests in / { requests = $1 }
        /Non-2xx or 3xx responses:/ { errors += $NF }
        /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
        END { printf "%.2f\t%.3f\t%.3f\t%d\t%d\n", rps, p50, p99, requests, errors }
    ' "$1"
}

# Prints TARGETS rotated by $1 places, so that no target always runs first or last.
rotated_targets() {
    local shift="$1" count="${#TARGETS[@]}" index
    for index in $(seq 0 $((count - 1))); do
        echo "${TARGETS[$(((index + shift) % count))]}"
    done
}

warm_up() {
    log "Warming up: $WARMUP per target and operation"
    local target operation
    for target in "${TARGETS[@]}"; do
        for operation in read write; do
            run_wrk warmup 0 "$target" "$operation" "$WARMUP" "$THREADS" "$CONNECTIONS"
        done
    done
}

run_rounds() {
    local round target operation
    for round in $(seq 1 "$ROUNDS"); do
        log "Round $round of $ROUNDS: ${#TARGETS[@]} targets x read, write, $DURATION each"
        for operation in read write; do
            for target in $(rotated_targets "$round"); do
                run_wrk loaded "$round" "$target" "$operation" "$DURATION" "$THREADS" "$CONNECTIONS"
            done
        done
    done
}

run_serial() {
    log "One connection: $SERIAL_DURATION per target and operation"
    local target operation
    for operation in read write; do
        for target in "${TARGETS[@]}"; do
            run_wrk serial 1 "$target" "$operation" "$SERIAL_DURATION" 1 1
        done
    done
}

# ---------------------------------------------------------------------------------------------
# Profiling with JDK Flight Recorder (PROFILE=target/operation,...)

run_profiles() {
    [[ -n "$PROFILE" ]] || return 0
    local pair target operation recording

    # The first recording of a JVM is slower to start; keep that out of the profiled runs.
    jcmd "$JAVA_PID" JFR.start name=warmup settings=profile >/dev/null
    sleep 3
    jcmd "$JAVA_PID" JFR.stop name=warmup >/dev/null
    for pair in ${PROFILE//,/ }; do
        target="${pair%/*}"
        operation="${pair#*/}"
        [[ -n "${CONTEXT[$target]:-}" && ( "$operation" == read || "$operation" == write ) ]] \
            || fail "PROFILE entry $pair is not target/read or target/write with a target of: ${TARGETS[*]}"
        recording="$OUT/profile-$target-$operation.jfr"
        log "Profiling $target $operation with JFR: $recording"
        jcmd "$JAVA_PID" JFR.start name=bench settings=profile "jdk.ExecutionSample#period=1ms" filename="$recording" >/dev/null
        sleep 2
        run_wrk profile 1 "$target" "$operation" "$PROFILE_DURATION" "$THREADS" "$CONNECTIONS"
        jcmd "$JAVA_PID" JFR.stop name=bench >/dev/null
        summarize_profile "$recording" >"$OUT/profile-$target-$operation.txt"
    done
}

# Prints where WildFly's threads spent their samples in a JFR recording: the samples per thread
# pool, the top frames of all threads (where the CPU time goes), and the share of request-thread
# samples that have each of the most frequent methods on the stack. "default task-" threads run
# the requests, and "default I/O-" threads read and write the sockets.
summarize_profile() {
    jfr print --stack-depth 128 --events jdk.ExecutionSample "$1" | awk '
        function pool(name) {
            if (name ~ /^"default task-/) return "request threads"
            if (name ~ /^"default I\/O-/) return "I/O threads"
            return "other threads"
        }
        /sampledThread = / { thread = pool($3 " " $4) }
        /stackTrace = \[/ { inside = 1; depth = 0; delete seen; next }
        inside && /^[[:space:]]*\]/ { inside = 0; samples[thread]++; all++; next }
        inside && /^[[:space:]]*\.\.\./ { next }
        inside {
            frame = $1
            if (depth == 0) top[frame]++
            if (thread == "request threads" && !(frame in seen)) { inclusive[frame]++; seen[frame] = 1 }
            depth++
        }
        END {
            printf "samples: %d\n", all
            for (name in samples) printf "  %s: %d\n", name, samples[name]
            print "-- top frames, all threads, % of all samples"
            for (frame in top) printf "%6.2f%% %s\n", 100 * top[frame] / all, frame | "sort -rn | head -30"
            close("sort -rn | head -30")
            print "-- methods on the stack of request threads, % of request-thread samples"
            for (frame in inclusive) printf "%6.2f%% %s\n", 100 * inclusive[frame] / samples["request threads"], frame | "sort -rn | head -120"
        }'
}

# ---------------------------------------------------------------------------------------------
# Store round trips per request, counted on the wire protocol's side: pgjdbc's protocol trace
# ("FE=> Sync" ends each round trip) and Redis MONITOR, both for TRIPS_REQUESTS sequential
# requests. The traces contain session IDs, so they are counted and deleted, never printed.

send_requests() {
    local target="$1" operation="$2" header index
    header="Cookie: $(head -n 1 "$OUT/cookies/${COOKIES_OF[$target]}")"
    for index in $(seq 1 "$TRIPS_REQUESTS"); do
        curl -sS -o /dev/null -X "$(method_of "$operation")" -H "$header" "$(url_of "$target" "$operation")"
    done
}

count_jdbc_round_trips() {
    local trace="$OUT/server/log/pgjdbc-trace.log" operation syncs validations
    cli --commands="/subsystem=logging/pattern-formatter=BENCH_THREAD:add(pattern=\"%t %s%n\"),/subsystem=logging/file-handler=BENCH_PGJDBC:add(file={relative-to=jboss.server.log.dir,path=pgjdbc-trace.log},named-formatter=BENCH_THREAD,autoflush=true,level=ALL),/subsystem=logging/logger=org.postgresql.core.v3:add(level=ALL,handlers=[BENCH_PGJDBC],use-parent-handlers=false)" >/dev/null
    for operation in none read write; do
        : >"$trace"
        if [[ "$operation" == none ]]; then
            send_requests jdbc-none read
        else
            send_requests jdbc "$operation"
        fi
        # Request threads only: the cleanup task runs on the managed executor's threads.
        grep '^default task-' "$trace" >"$trace.requests" || true
        syncs="$(grep -c 'FE=> Sync' "$trace.requests" || true)"
        # The data source's connection check (validate-on-match) sends an empty query.
        validations="$(grep -c 'FE=> Parse(stmt=null,query="",' "$trace.requests" || true)"
        printf 'jdbc\t%s\t%s\t%s\t%s\n' "$operation" "$TRIPS_REQUESTS" "$syncs" "$validations" >>"$OUT/trips.tsv"
    done
    cli --commands="/subsystem=logging/logger=org.postgresql.core.v3:remove,/subsystem=logging/file-handler=BENCH_PGJDBC:remove,/subsystem=logging/pattern-formatter=BENCH_THREAD:remove" >/dev/null
    rm -f "$trace" "$trace.requests"
}

# Prints "total, name count, ..." of the MONITOR lines in file $2 that a client sent ($1 = client)
# or that a script ran ($1 = script).
redis_commands() {
    awk -F '"' -v source="$1" '
        { from_script = ($1 ~ /\[[0-9]+ lua\]/) }
        (source == "client" && !from_script) || (source == "script" && from_script) { count[tolower($2)]++; total++ }
        END { printf "%d", total; for (name in count) printf ", %s %d", name, count[name] }' "$2"
}

count_redis_commands() {
    local trace="$OUT/redis-monitor.log" operation monitor commands
    for operation in none read write; do
        redis-cli -u "$REDIS_URI" MONITOR >"$trace" &
        monitor=$!
        sleep 0.5
        if [[ "$operation" == none ]]; then
            send_requests redis-none read
        else
            send_requests redis "$operation"
        fi
        sleep 0.5
        kill "$monitor"
        wait "$monitor" 2>/dev/null || true
        # The benchmark's keys only, so that other clients of the same Redis do not count. MONITOR
        # also lists the commands that a script runs, marked "[<db> lua]": those are no round trip.
        grep -F "\"$KEY_PREFIX" "$trace" >"$trace.bench" || true
        printf 'redis\t%s\t%s\t%s\t%s\n' "$operation" "$TRIPS_REQUESTS" \
            "$(redis_commands client "$trace.bench")" "$(redis_commands script "$trace.bench")" >>"$OUT/trips.tsv"
    done
    rm -f "$trace" "$trace.bench"
}

count_round_trips() {
    log "Counting store round trips: $TRIPS_REQUESTS sequential requests per endpoint"
    CONTEXT[jdbc-none]=bench-jdbc RESOURCE[jdbc-none]=none COOKIES_OF[jdbc-none]=jdbc
    CONTEXT[redis-none]=bench-redis RESOURCE[redis-none]=none COOKIES_OF[redis-none]=redis
    : >"$OUT/trips.tsv"
    count_jdbc_round_trips
    count_redis_commands
}

# ---------------------------------------------------------------------------------------------
# JDBC cleanup of CLEANUP_ROWS expired rows while wrk loads the read endpoint of the same tables,
# on the JDBC deployment that the rounds warmed up.

epoch_millis() {
    date +%s%3N
}

# Prints how many of the inserted expired sessions are left.
expired_rows_left() {
    psql -Atqc "SELECT count(*) FROM ${TABLE_PREFIX}session WHERE id LIKE 'expired-%'"
}

insert_expired_rows() {
    local expired_at=$(($(epoch_millis) - 86400000))
    psql -q -v ON_ERROR_STOP=1 <<SQL
BEGIN;
INSERT INTO ${TABLE_PREFIX}session (id, created_at, last_accessed, expires_at)
    SELECT 'expired-' || n, $expired_at - 3600000, $expired_at, $expired_at FROM generate_series(1, $CLEANUP_ROWS) AS n;
INSERT INTO ${TABLE_PREFIX}attribute (session_pk, name, content)
    SELECT pk, 'color', 'red' FROM ${TABLE_PREFIX}session WHERE id LIKE 'expired-%';
COMMIT;
SQL
}

# Writes the time at which no expired row is left to $OUT/cleanup-done, polling every 0.5 s
# through the expires_at index.
watch_cleanup() {
    local now
    while true; do
        now="$(epoch_millis)"
        if [[ "$(psql -Atqc "SELECT EXISTS (SELECT 1 FROM ${TABLE_PREFIX}session WHERE expires_at <= $now AND id LIKE 'expired-%')")" == f ]]; then
            echo "$now" >"$OUT/cleanup-done"
            return
        fi
        sleep 0.5
    done
}

stop_watcher() {
    if [[ -f "$OUT/watcher.pid" ]]; then
        kill "$(cat "$OUT/watcher.pid")" 2>/dev/null || true
        rm -f "$OUT/watcher.pid"
    fi
}

run_cleanup_phase() {
    log "Cleanup phase: the JDBC read endpoint before, while and after the cleanup runs"
    # The round-trip count before this changed the server's logging and sent slow requests.
    run_wrk cleanup-warmup 0 jdbc read "$WARMUP" "$THREADS" "$CONNECTIONS"
    run_wrk cleanup-before 1 jdbc read "$DURATION" "$THREADS" "$CONNECTIONS"
    run_wrk cleanup-before 2 jdbc read "$DURATION" "$THREADS" "$CONNECTIONS"

    log "Inserting $CLEANUP_ROWS expired sessions, each with one attribute"
    local started inserted run=0
    started="$(epoch_millis)"
    insert_expired_rows
    inserted="$(epoch_millis)"
    rm -f "$OUT/cleanup-done"
    # Started from a subshell, so that this shell never reaps it: the CPU time of its psql
    # processes would otherwise count as wrk's in the run during which it ends.
    (watch_cleanup & echo $! >"$OUT/watcher.pid")

    log "Loading the read endpoint while the cleanup runs (at most $CLEANUP_MAX_RUNS runs of $DURATION)"
    while [[ ! -f "$OUT/cleanup-done" && $run -lt $CLEANUP_MAX_RUNS ]]; do
        run=$((run + 1))
        run_wrk cleanup-during "$run" jdbc read "$DURATION" "$THREADS" "$CONNECTIONS"
    done
    run_wrk cleanup-after 1 jdbc read "$DURATION" "$THREADS" "$CONNECTIONS"
    run_wrk cleanup-after 2 jdbc read "$DURATION" "$THREADS" "$CONNECTIONS"

    local done_at="" left
    if [[ -f "$OUT/cleanup-done" ]]; then
        done_at="$(cat "$OUT/cleanup-done")"
    fi
    stop_watcher
    left="$(expired_rows_left)"
    printf '%s\t%s\t%s\t%s\t%s\n' "$CLEANUP_ROWS" "$((inserted - started))" "$inserted" "${done_at:-}" "$left" >"$OUT/cleanup.tsv"
}

# ---------------------------------------------------------------------------------------------
# Report

median() {
    sort -g | awk '{ value[NR] = $1 } END {
        if (NR == 0) print "nan"; else if (NR % 2) print value[(NR + 1) / 2]; else print (value[NR / 2] + value[NR / 2 + 1]) / 2 }'
}

# Prints column $4 (1-based in results.tsv) of phase $1, target $2, operation $3, one per line.
values() {
    awk -F '\t' -v phase="$1" -v target="$2" -v operation="$3" -v column="$4" \
        '$1 == phase && $3 == target && $4 == operation { print $column }' "$OUT/results.tsv"
}

# Median of a metric over the rounds of a phase: 5 requests/s, 6 p50, 7 p99, 11 to 13 CPU.
metric() {
    values "$1" "$2" "$3" "$4" | median
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0 || a == "nan" || b == "nan") print "n/a"; else printf "%.2f", a / b }'
}

print_machine() {
    local commit
    commit="$(git -C "$ROOT" rev-parse --short HEAD)"
    # Only changes to what the benchmark builds or runs count.
    git -C "$ROOT" diff --quiet HEAD -- pom.xml src/main src-it wildfly-config 2>/dev/null \
        || commit="$commit (with uncommitted changes)"
    cat <<EOF
- Command: \`src-it/bench/run-wrk.sh\` with ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP SERIAL_DURATION=$SERIAL_DURATION THREADS=$THREADS CONNECTIONS=$CONNECTIONS SESSIONS=$SESSIONS CLEANUP_ROWS=$CLEANUP_ROWS CLEANUP_INTERVAL=$CLEANUP_INTERVAL${PROFILE:+ PROFILE=$PROFILE PROFILE_DURATION=$PROFILE_DURATION}
- Commit: $commit
- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Machine: $(nproc) cores ($(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM; wrk, WildFly, PostgreSQL and Redis share the cores
- JDK: $(java -version 2>&1 | head -n 1); WildFly $WILDFLY_VERSION with $BENCH_JAVA_SIZING
- $(wrk --version 2>&1 | head -n 1 | cut -d ' ' -f 1-2); PostgreSQL $(psql -Atqc 'SHOW server_version'); Redis $(redis-cli -u "$REDIS_URI" INFO server | awk -F ':' '/^redis_version/ { sub(/\r/, "", $2); print $2 }')
EOF
}

print_loaded_tables() {
    local target operation rounds rps p50 p99 errors
    cat <<EOF

### Throughput and latency under load

wrk -t$THREADS -c$CONNECTIONS, $DURATION per run, $ROUNDS interleaved rounds; medians of the rounds.
Requests cycle through $SESSIONS sessions per store. Read: GET, one session value read. Write: POST,
one value read and one written.

CPU columns: % of the machine's $(nproc) cores used by WildFly, by wrk and by all other processes
(PostgreSQL and Redis for their stores, and anything else that ran), medians of the rounds.

| Target | Op | req/s per round | req/s | p50 ms | p99 ms | errors | CPU WildFly | CPU wrk | CPU other |
| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
EOF
    for operation in read write; do
        for target in "${TARGETS[@]}"; do
            rounds="$(values loaded "$target" "$operation" 5 | awk '{ printf "%s%.0f", sep, $1; sep = " / " }')"
            errors="$(values loaded "$target" "$operation" 9 | awk '{ sum += $1 } END { print sum + 0 }')"
            printf '| %s | %s | %s | %.0f | %.3f | %.3f | %s | %.0f %% | %.0f %% | %.0f %% |\n' "${LABEL[$target]}" \
                "$operation" "$rounds" "$(metric loaded "$target" "$operation" 5)" "$(metric loaded "$target" "$operation" 6)" \
                "$(metric loaded "$target" "$operation" 7)" "$errors" "$(metric loaded "$target" "$operation" 11)" \
                "$(metric loaded "$target" "$operation" 12)" "$(metric loaded "$target" "$operation" 13)"
        done
    done

    cat <<EOF

### Ratios

Throughput ratio above 1 is faster; latency ratio above 1 is slower. "Floor" is the no-session
endpoint of the same operation, in the WAR without usersession.

| Target | Op | req/s ÷ HttpSession | req/s ÷ floor | p50 ÷ HttpSession | p99 ÷ HttpSession | p50 ÷ floor | p99 ÷ floor |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
EOF
    for operation in read write; do
        for target in "${TARGETS[@]}"; do
            printf '| %s | %s |' "${LABEL[$target]}" "$operation"
            printf ' %s | %s | %s | %s | %s | %s |\n' \
                "$(ratio "$(metric loaded "$target" "$operation" 5)" "$(metric loaded http "$operation" 5)")" \
                "$(ratio "$(metric loaded "$target" "$operation" 5)" "$(metric loaded none "$operation" 5)")" \
                "$(ratio "$(metric loaded "$target" "$operation" 6)" "$(metric loaded http "$operation" 6)")" \
                "$(ratio "$(metric loaded "$target" "$operation" 7)" "$(metric loaded http "$operation" 7)")" \
                "$(ratio "$(metric loaded "$target" "$operation" 6)" "$(metric loaded none "$operation" 6)")" \
                "$(ratio "$(metric loaded "$target" "$operation" 7)" "$(metric loaded none "$operation" 7)")"
        done
    done
}

# Prints one goal line: description, measured ratio, goal ratio.
print_goal() {
    awk -v text="$1" -v measured="$2" -v goal="$3" 'BEGIN {
        if (measured == "n/a") { printf "| %s | n/a | ≥ %.2f | not measured |\n", text, goal; exit }
        verdict = measured >= goal ? "met" : sprintf("missed by %.0f %% of the goal", 100 * (goal - measured) / goal)
        printf "| %s | %.2f | ≥ %.2f | %s |\n", text, measured, goal, verdict }'
}

print_goals() {
    local operation
    cat <<EOF

### Goals

| Goal | Measured | Goal | Verdict |
| --- | ---: | ---: | --- |
EOF
    for operation in read write; do
        print_goal "memory ÷ HttpSession req/s, $operation" \
            "$(ratio "$(metric loaded memory "$operation" 5)" "$(metric loaded http "$operation" 5)")" 0.95
        print_goal "cookie ÷ HttpSession req/s, $operation" \
            "$(ratio "$(metric loaded cookie "$operation" 5)" "$(metric loaded http "$operation" 5)")" 0.90
        print_goal "memory ÷ floor req/s, $operation" \
            "$(ratio "$(metric loaded memory "$operation" 5)" "$(metric loaded none "$operation" 5)")" 0.90
    done
}

print_serial_table() {
    local target operation memory50
    cat <<EOF

### Latency of one connection

wrk -t1 -c1, $SERIAL_DURATION per run: the time one request takes without queueing. "Added"
is the p50 minus that of the memory store, the latency that the store's round trips add.

| Target | Op | req/s | p50 ms | p99 ms | added p50 ms vs memory |
| --- | --- | ---: | ---: | ---: | ---: |
EOF
    for operation in read write; do
        memory50="$(metric serial memory "$operation" 6)"
        for target in "${TARGETS[@]}"; do
            printf '| %s | %s | %.0f | %.3f | %.3f | %s |\n' "${LABEL[$target]}" "$operation" \
                "$(metric serial "$target" "$operation" 5)" "$(metric serial "$target" "$operation" 6)" \
                "$(metric serial "$target" "$operation" 7)" \
                "$(awk -v a="$(metric serial "$target" "$operation" 6)" -v b="$memory50" 'BEGIN { printf "%+.3f", a - b }')"
        done
    done
}

print_trips() {
    cat <<EOF

### Store round trips per request

$TRIPS_REQUESTS sequential requests per row; "none" is the no-session endpoint in the same WAR. JDBC:
round trips are pgjdbc's Sync messages on WildFly's request threads (each waits for the server's
ReadyForQuery; BEGIN travels with the statement after it), of which the data source's connection
checks are the empty queries that validate-on-match sends. Redis: commands on the benchmark's keys
from MONITOR; round trips are the commands that WildFly sent, and the commands the scripts ran
follow, per $TRIPS_REQUESTS requests.

| Store | Endpoint | Round trips per request | Of which connection checks | Commands sent | Commands run by scripts |
| --- | --- | ---: | ---: | --- | --- |
EOF
    awk -F '\t' '
        function total(list) { split(list, part, ","); return part[1] }
        function names(list) { sub(/^[0-9]+(, )?/, "", list); return list == "" ? "none" : list }
        $1 == "jdbc" { printf "| jdbc | %s | %.2f | %.2f | | |\n", $2, $4 / $3, $5 / $3 }
        $1 == "redis" { printf "| redis | %s | %.2f | | %s | %s |\n", $2, total($4) / $3, names($4), names($5) }
    ' "$OUT/trips.tsv"
}

print_cleanup() {
    local rows insert_ms inserted done_at left before during_max during_median after runs
    IFS=$'\t' read -r rows insert_ms inserted done_at left <"$OUT/cleanup.tsv"
    before="$(metric cleanup-before jdbc read 7)"
    during_max="$(values cleanup-during jdbc read 7 | sort -g | tail -n 1)"
    during_median="$(metric cleanup-during jdbc read 7)"
    after="$(metric cleanup-after jdbc read 7)"
    runs="$(values cleanup-during jdbc read 7 | awk '{ printf "%s%.2f", sep, $1; sep = " / " }')"
    cat <<EOF

### JDBC cleanup under load

$rows expired sessions (one attribute each) inserted in one transaction in $((insert_ms / 1000)) s into the
tables of the JDBC deployment, which runs with usersession.jdbc.cleanup-interval=$CLEANUP_INTERVAL (the whole
run) and the default batch size (500, at most 100 batches per cleanup run). wrk -t$THREADS -c$CONNECTIONS loads
its read endpoint in runs of $DURATION.

| | p99 ms | req/s (median) |
| --- | ---: | ---: |
| before the insert (median of 2 runs) | $(printf '%.3f' "$before") | $(printf '%.0f' "$(metric cleanup-before jdbc read 5)") |
| while the cleanup runs, worst run | $(printf '%.3f' "${during_max:-nan}") | $(printf '%.0f' "$(metric cleanup-during jdbc read 5)") |
| while the cleanup runs, median run | $(printf '%.3f' "$during_median") | |
| after it (median of 2 runs) | $(printf '%.3f' "$after") | $(printf '%.0f' "$(metric cleanup-after jdbc read 5)") |

p99 of each run during the cleanup: ${runs:-none}. Worst p99 ÷ p99 before: $(ratio "${during_max:-nan}" "$before") (goal ≤ 2).
EOF
    if [[ -n "$done_at" ]]; then
        echo "The cleanup deleted all $rows rows $(awk -v ms="$((done_at - inserted))" 'BEGIN { printf "%.1f", ms / 1000 }') s after the insert committed ($(awk -v rows="$rows" -v ms="$((done_at - inserted))" 'BEGIN { printf "%.0f", rows / (ms / 1000) }') rows/s)."
    else
        echo "The cleanup had not finished after $CLEANUP_MAX_RUNS runs: $left of $rows rows left."
    fi
}

print_report() {
    echo "## End to end (wrk on WildFly)"
    echo
    print_machine
    print_loaded_tables
    print_goals
    print_serial_table
    print_trips
    print_cleanup
    cat <<EOF

Raw wrk outputs: target/bench-wrk/raw/; all runs: target/bench-wrk/results.tsv.
EOF
}

# ---------------------------------------------------------------------------------------------
# Clean-up on exit: server, tables, keys, cookies and the WAR with the secret.

clean_up() {
    local status=$?
    set +e
    stop_watcher
    stop_server
    log "Dropping the benchmark's tables and deleting its Redis keys"
    local table
    for table in flash attribute session; do
        psql -Atqc "DROP TABLE IF EXISTS ${TABLE_PREFIX}${table}" >/dev/null 2>&1
    done
    redis-cli -u "$REDIS_URI" --scan --pattern "${KEY_PREFIX}*" 2>/dev/null \
        | xargs -r -n 500 redis-cli -u "$REDIS_URI" DEL >/dev/null 2>&1
    # The traces and cookie files contain session IDs, and the cookie store's WAR its secret.
    rm -rf "$OUT/cookies" "$OUT/wars" "$OUT/stage" "$OUT/cleanup-done" "$OUT/wrk-time" "$OUT"/redis-monitor.log* \
        "$OUT"/server/log/pgjdbc-trace.log*
    exit "$status"
}

main() {
    check_tools
    check_ports_free
    build
    rm -rf "$OUT/raw" "$OUT/results.tsv" "$OUT/trips.tsv" "$OUT/cleanup.tsv"
    mkdir -p "$OUT/raw"
    trap clean_up EXIT
    trap 'exit 130' INT TERM
    make_wars
    start_server
    deploy
    create_all_sessions
    warm_up
    run_rounds
    run_serial
    run_profiles
    count_round_trips
    run_cleanup_phase
    print_report | tee "$OUT/report.md"
    log "Report: $OUT/report.md"
}

main "$@"
