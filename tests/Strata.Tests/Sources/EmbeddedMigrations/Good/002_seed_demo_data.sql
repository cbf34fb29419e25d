-- strata:env development,staging
INSERT INTO portfolios DEFAULT VALUES;

-- strata:down
DELETE FROM portfolios;
