CREATE TABLE entries (id int, body text);
CREATE TABLE entries_log (id int, at timestamptz DEFAULT now());
CREATE RULE entries_audit AS ON INSERT TO entries DO ALSO INSERT INTO entries_log (id) VALUES (NEW.id);
CREATE RULE entries_keep AS ON DELETE TO entries DO INSTEAD NOTHING;
ALTER TABLE entries DISABLE RULE entries_keep;
COMMENT ON RULE entries_audit ON entries IS 'keeps a log';
CREATE VIEW entry_bodies AS SELECT id, body FROM entries;
CREATE RULE entry_bodies_insert AS ON INSERT TO entry_bodies DO INSTEAD INSERT INTO entries VALUES (NEW.id, NEW.body);
