CREATE SCHEMA app;
CREATE TABLE app.items (id int, name text);

CREATE FUNCTION app.add_item(p_name text) RETURNS int
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, app
SET statement_timeout = '5s'
AS $$
DECLARE
  next_id int;
BEGIN
  SELECT coalesce(max(id), 0) + 1 INTO next_id FROM items;
  INSERT INTO items VALUES (next_id, p_name);
  RETURN next_id;
END;
$$;

CREATE FUNCTION app.item_names() RETURNS text
LANGUAGE sql STABLE
SET search_path FROM CURRENT
RETURN (SELECT name FROM app.items LIMIT 1);

ALTER FUNCTION app.add_item(text) SET search_path TO pg_catalog, "app", pg_temp;
ALTER FUNCTION app.item_names() RESET search_path;
SELECT app.add_item('first; item');
