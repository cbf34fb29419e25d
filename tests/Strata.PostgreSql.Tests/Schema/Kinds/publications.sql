CREATE TABLE orders_out (id int PRIMARY KEY, total numeric, region text);
CREATE TABLE customers_out (id int PRIMARY KEY, name text);
CREATE PUBLICATION everything FOR ALL TABLES;
CREATE PUBLICATION some_tables FOR TABLE orders_out, customers_out WITH (publish = 'insert, update');
COMMENT ON PUBLICATION some_tables IS 'for the warehouse';
CREATE PUBLICATION empty_publication WITH (publish_via_partition_root = true);
-- since 15
CREATE SCHEMA outbound;
CREATE TABLE outbound.shipments (id int PRIMARY KEY);
CREATE PUBLICATION filtered FOR TABLE orders_out (id, region) WHERE (region <> 'test');
CREATE PUBLICATION by_schema FOR TABLES IN SCHEMA outbound;
