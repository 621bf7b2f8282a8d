#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 cluster and makes a role the tests can log in with over TCP.
# Prints the connection string for TEST_DATABASE_URL on stdout.
set -euo pipefail
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  pg_createcluster 15 main >/dev/null 2>&1
fi
pg_ctlcluster 15 main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
su postgres -c "psql -q -v ON_ERROR_STOP=1" >/dev/null <<'SQL'
do $$ begin
  if not exists (select from pg_roles where rolname = 'socialaftale') then
    create role socialaftale login createdb password 'socialaftale';
  end if;
end $$;
-- The tests drop their databases `with (force)`; on PostgreSQL 15 that must be allowed to end
-- an autovacuum worker still busy on the database, which takes pg_signal_backend.
grant pg_signal_backend to socialaftale;
select 'create database socialaftale owner socialaftale'
where not exists (select from pg_database where datname = 'socialaftale')\gexec
SQL
echo "postgres://socialaftale:socialaftale@127.0.0.1:5432/socialaftale"
