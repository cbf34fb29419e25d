ALTER TABLE accounts ADD COLUMN name text;
-- strata:down
ALTER TABLE accounts DROP COLUMN name;
