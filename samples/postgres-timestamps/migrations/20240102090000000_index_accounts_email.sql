-- strata:no-transaction
-- CREATE INDEX CONCURRENTLY cannot run inside a transaction: this migration runs statement by statement.
CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (lower(email));

-- strata:down
-- strata:no-transaction
DROP INDEX CONCURRENTLY accounts_email_key;
