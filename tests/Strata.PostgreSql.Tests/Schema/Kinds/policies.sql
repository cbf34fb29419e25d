CREATE TABLE documents (id int PRIMARY KEY, owner name NOT NULL DEFAULT current_user, secret boolean NOT NULL DEFAULT false);
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE FUNCTION may_see(who name) RETURNS boolean LANGUAGE sql STABLE AS 'SELECT who = current_user';
CREATE POLICY own_documents ON documents FOR ALL TO :role USING (may_see(owner)) WITH CHECK (owner = current_user);
CREATE POLICY no_secrets ON documents AS RESTRICTIVE FOR SELECT USING (NOT secret);
COMMENT ON POLICY own_documents ON documents IS 'owners see theirs';
CREATE TABLE notes (id int);
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
