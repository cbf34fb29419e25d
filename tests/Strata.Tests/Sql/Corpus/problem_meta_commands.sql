\set ON_ERROR_STOP on
CREATE TABLE m (a int);
\i other.sql
INSERT INTO m VALUES (1) \g
\connect other_db
\copy m FROM 'data.csv'
SELECT 1;
