CREATE SCHEMA reporting;
CREATE TABLE reporting.sales (id int, amount numeric, note text DEFAULT 'grant; revoke');
CREATE FUNCTION reporting.total() RETURNS numeric LANGUAGE sql STABLE AS $$ SELECT sum(amount) FROM reporting.sales $$;

GRANT USAGE ON SCHEMA reporting TO PUBLIC;
GRANT SELECT, INSERT (id, amount) ON reporting.sales TO PUBLIC;
REVOKE INSERT (amount) ON reporting.sales FROM PUBLIC;
REVOKE ALL ON FUNCTION reporting.total() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reporting.total() TO PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
