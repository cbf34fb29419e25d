-- strata:no-transactions
SELECT 9;
