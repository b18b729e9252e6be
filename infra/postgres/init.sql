-- PostgreSQL for the Parallax fleet: runs once, when the data directory is first created
-- (docker-entrypoint-initdb.d). The schema itself is not here: every worker applies the store's
-- migrations at start-up under an advisory lock, so the schema always matches the code that runs.

-- The application role owns its database; the workers connect as it (DATABASE_URL).
CREATE ROLE parallax LOGIN PASSWORD 'parallax';
CREATE DATABASE parallax OWNER parallax ENCODING 'UTF8' TEMPLATE template0;

\connect parallax
ALTER SCHEMA public OWNER TO parallax;

-- Statement timeouts keep a stuck query from holding a job's lock forever; a job that hits one fails
-- with a retryable error and BullMQ tries it again.
ALTER ROLE parallax SET statement_timeout = '60s';
ALTER ROLE parallax SET idle_in_transaction_session_timeout = '60s';
