-- strata:no-transaction
CREATE INDEX CONCURRENTLY portfolios_id ON portfolios (id);
