namespace Strata.Tests.Lint;

/// <summary>For every statement rule: a script where it fires and a close one where it must not.</summary>
internal static class LintCases
{
    public static readonly (string Rule, string Fires, string Quiet)[] Postgres =
    [
        ("drop-table", "DROP TABLE users;", "CREATE TABLE tmp (id int);\nDROP TABLE tmp;"),
        ("drop-column", "ALTER TABLE users DROP COLUMN email;", "ALTER TABLE users DROP CONSTRAINT users_email_key;"),
        ("drop-schema", "DROP SCHEMA legacy CASCADE;", "CREATE SCHEMA reporting;"),
        ("truncate", "TRUNCATE TABLE sessions;", "CREATE TABLE staging (id int);\nTRUNCATE staging;"),
        ("alter-column-type", "ALTER TABLE users ALTER COLUMN id SET DATA TYPE bigint;", "ALTER TABLE users ALTER COLUMN name SET DEFAULT 'x';"),
        ("set-not-null", "ALTER TABLE users ALTER email SET NOT NULL;", "ALTER TABLE users ALTER email DROP NOT NULL;"),
        ("add-not-null-column", "ALTER TABLE users ADD COLUMN plan text NOT NULL;", "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';"),
        ("create-index-non-concurrently", "CREATE UNIQUE INDEX users_email ON users (email);", "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);"),
        ("drop-index-non-concurrently", "DROP INDEX IF EXISTS users_email;", "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nDROP INDEX t_a;"),
        ("foreign-key-not-valid", "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);", "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"),
        ("check-not-valid", "ALTER TABLE orders ADD CHECK (total >= 0);", "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID;"),
        ("unique-without-index", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);", "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email;"),
        ("volatile-default", "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();", "ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT now();"),
        ("rename", "ALTER TABLE users RENAME COLUMN email TO mail;", "ALTER TABLE users RENAME CONSTRAINT a TO b;"),
        ("concurrently-in-transaction", "CREATE INDEX CONCURRENTLY users_email ON users (email);", "REFRESH MATERIALIZED VIEW CONCURRENTLY totals;"),
        ("update-without-where", "UPDATE users SET email = lower(email);", "UPDATE users SET email = lower(email) WHERE email <> lower(email);"),
        ("mixed-schema-and-data", "ALTER TABLE users ADD COLUMN plan text;\nUPDATE users SET plan = 'free' WHERE plan IS NULL;", "CREATE TABLE plans (id int, name text);\nINSERT INTO plans VALUES (1, 'free');"),
        ("new-required-column", "ALTER TABLE users ADD COLUMN plan text;\nALTER TABLE users ALTER COLUMN plan SET NOT NULL;", "ALTER TABLE users ADD COLUMN plan text DEFAULT 'free';\nALTER TABLE users ALTER COLUMN plan SET NOT NULL;"),
        ("validate-in-same-transaction", "ALTER TABLE orders ADD CONSTRAINT positive CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive;", "ALTER TABLE orders VALIDATE CONSTRAINT positive;"),
        ("exclusion-constraint", "ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);", "CREATE TABLE rooms (room int, during tstzrange);\nALTER TABLE rooms ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);"),
        ("set-logged", "ALTER TABLE events SET LOGGED;", "CREATE UNLOGGED TABLE staging (id int);\nALTER TABLE staging SET LOGGED;"),
        ("concurrent-index-not-rerunnable", NoTransaction + "CREATE INDEX CONCURRENTLY users_email ON users (email);", NoTransaction + "DROP INDEX CONCURRENTLY IF EXISTS users_email;\nCREATE INDEX CONCURRENTLY users_email ON users (email);"),
        ("reindex-non-concurrently", "REINDEX INDEX users_email;", NoTransaction + "REINDEX INDEX CONCURRENTLY users_email;"),
        ("cluster", "CLUSTER users USING users_pkey;", "CREATE TABLE t (a int);\nCLUSTER t;"),
        ("vacuum-full", NoTransaction + "VACUUM FULL users;", NoTransaction + "VACUUM (ANALYZE) users;"),
        ("vacuum-in-transaction", "VACUUM ANALYZE users;", NoTransaction + "VACUUM ANALYZE users;"),
        ("lock-table", "LOCK TABLE users;", "LOCK TABLE users IN ROW EXCLUSIVE MODE;"),
        ("refresh-materialized-view", "REFRESH MATERIALIZED VIEW totals;", "REFRESH MATERIALIZED VIEW CONCURRENTLY totals;"),
        ("identifier-too-long", "CREATE INDEX idx_event_deliveries_status_processing_project_source_endpoint_created ON e (a);", "DROP INDEX idx_event_deliveries_status_processing_project_source_endpoint_created;"),
    ];

    /// <summary>The opt-in style pack: cases linted with <c>"style": true</c>.</summary>
    public static readonly (string Rule, string Fires, string Quiet)[] Style =
    [
        ("prefer-text", "CREATE TABLE t (name varchar(255));", "CREATE TABLE t (name text, other varchar);"),
        ("prefer-bigint", "CREATE TABLE t (id int PRIMARY KEY);", "CREATE TABLE t (id bigint PRIMARY KEY, n int);"),
        ("prefer-timestamptz", "CREATE TABLE t (at timestamp);", "CREATE TABLE t (at timestamp with time zone, on_day date);"),
        ("prefer-identity", "CREATE TABLE t (id bigserial PRIMARY KEY);", "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);"),
        ("no-char", "CREATE TABLE t (code char(2));", "CREATE TABLE t (code text, name character varying(10));"),
        ("enum-value-inserted", "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'happy';", "ALTER TYPE mood ADD VALUE 'meh';"),
    ];

    /// <summary>A case starting with this line is linted as a no-transaction migration.</summary>
    public const string NoTransaction = "-- no-transaction\n";

    public static readonly (string Rule, string Fires, string Quiet)[] Sqlite =
    [
        ("sqlite-alter-unsupported", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;", "ALTER TABLE users RENAME COLUMN email TO mail;"),
        ("sqlite-add-column", "ALTER TABLE users ADD COLUMN created_at text DEFAULT CURRENT_TIMESTAMP;", "ALTER TABLE users ADD COLUMN created_at text DEFAULT '1970-01-01';"),
        ("add-not-null-column", "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int NOT NULL;", "ALTER TABLE users ADD COLUMN b int NOT NULL DEFAULT 0;"),
        ("drop-column", "ALTER TABLE users DROP COLUMN email;", "ALTER TABLE users ADD COLUMN email text;"),
    ];
}
