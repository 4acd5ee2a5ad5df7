#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory.
# Three roles: the owner runs the migrations (npm run migrate) and owns every
# table; the application role (the API's requests) gets row access only, granted
# by the migrate service (DATABASE_APP_ROLE), and INSERT/SELECT on audit_event;
# the system role (workers, viewer lookup) gets the same plus system scope
# (DATABASE_SYSTEM_ROLE).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE samverka_owner LOGIN PASSWORD '${SAMVERKA_OWNER_PASSWORD}';
CREATE ROLE samverka_app LOGIN PASSWORD '${SAMVERKA_APP_PASSWORD}';
CREATE ROLE samverka_system LOGIN PASSWORD '${SAMVERKA_SYSTEM_PASSWORD}';
ALTER DATABASE "${POSTGRES_DB}" OWNER TO samverka_owner;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
ALTER SCHEMA public OWNER TO samverka_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
