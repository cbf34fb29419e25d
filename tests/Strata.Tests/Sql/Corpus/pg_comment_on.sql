CREATE TABLE documented (id int);
COMMENT ON TABLE documented IS 'Holds things; one per row.
Second line with ''quotes'' and $$dollars$$ and -- dashes';
COMMENT ON COLUMN documented.id IS E'The id\; unique';
