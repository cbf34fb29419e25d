CREATE TABLE notes (id int, owner text NOT NULL DEFAULT current_user, body text, visible boolean DEFAULT true);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes FORCE ROW LEVEL SECURITY;
CREATE POLICY notes_read ON notes FOR SELECT USING (visible AND body <> ';' AND owner = current_user);
CREATE POLICY notes_write ON notes FOR INSERT TO PUBLIC WITH CHECK (owner = current_user AND body NOT LIKE '%;--%');
CREATE POLICY "notes; update" ON notes AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK (CASE WHEN body IS NULL THEN false ELSE true END);
ALTER POLICY notes_read ON notes USING (visible);
INSERT INTO notes (id, body) VALUES (1, 'first; note');
