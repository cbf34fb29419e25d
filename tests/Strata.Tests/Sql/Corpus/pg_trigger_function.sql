CREATE TABLE items (id int, updated_at timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;
CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
CREATE CONSTRAINT TRIGGER items_check AFTER INSERT ON items DEFERRABLE FOR EACH ROW EXECUTE FUNCTION touch();
