CREATE TYPE price AS (amount numeric, currency text);
CREATE FUNCTION make_price(amount numeric) RETURNS price LANGUAGE sql IMMUTABLE AS $$ SELECT ROW(amount, 'EUR')::price $$;
CREATE VIEW list_prices AS SELECT make_price(9.99) AS p;
CREATE VIEW cheap_prices AS SELECT p FROM list_prices WHERE (p).amount < 10;
CREATE TABLE products (id int PRIMARY KEY, name text);
CREATE FUNCTION products_named(pattern text) RETURNS SETOF products LANGUAGE sql STABLE AS $$ SELECT * FROM products WHERE name LIKE pattern $$;
CREATE DOMAIN product_name AS text CHECK (VALUE <> '');
CREATE FUNCTION normalise(n product_name) RETURNS product_name LANGUAGE sql IMMUTABLE SET search_path FROM CURRENT AS 'SELECT lower(n)::product_name';
CREATE TABLE catalog (name product_name DEFAULT normalise('x'), p price);
CREATE INDEX catalog_lower ON catalog (normalise(name));
-- since 14
CREATE FUNCTION product_count() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM products; SELECT 1; END;
CREATE VIEW product_stats AS SELECT product_count() AS n;
