CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE EVENT TRIGGER note_table_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION note_ddl();
CREATE EVENT TRIGGER note_drops ON sql_drop EXECUTE FUNCTION note_ddl();
ALTER EVENT TRIGGER note_drops DISABLE;
CREATE EVENT TRIGGER note_rewrites ON table_rewrite EXECUTE FUNCTION note_ddl();
ALTER EVENT TRIGGER note_rewrites ENABLE ALWAYS;
COMMENT ON EVENT TRIGGER note_table_ddl IS 'watches tables';
