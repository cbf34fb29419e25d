-- Identifiers that start like BEGIN/END/CASE/ATOMIC must not confuse the splitter.
CREATE TABLE pending (id int, begin_date date, end_date date, atomic_x int, case_id int, ends_at timestamptz);
CREATE TABLE "end" ("begin" int, "case" int);
CREATE FUNCTION pending_count() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
  SELECT count(*) FROM pending WHERE begin_date < end_date AND atomic_x IS NOT NULL AND case_id > 0;
END;
INSERT INTO "end" VALUES (1, 2);
SELECT pending_count();
