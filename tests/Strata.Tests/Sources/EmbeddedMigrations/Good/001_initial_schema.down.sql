-- strata:no-transaction
DROP TABLE portfolios;
