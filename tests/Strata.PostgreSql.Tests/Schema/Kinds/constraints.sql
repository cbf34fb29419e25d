CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE bookings (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room int NOT NULL,
    during tsrange NOT NULL,
    guests int CONSTRAINT positive_guests CHECK (guests > 0) NO INHERIT,
    EXCLUDE USING gist (during WITH &&) WHERE (room > 0)
);
ALTER TABLE bookings ADD CONSTRAINT bookings_room_during_excl EXCLUDE USING gist (room WITH <>, during WITH &&) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE bookings ADD CONSTRAINT late_check CHECK (room < 1000) NOT VALID;
COMMENT ON CONSTRAINT late_check ON bookings IS 'added later';
CREATE TABLE rooms (id int, floor int, UNIQUE (floor, id), UNIQUE (id) DEFERRABLE INITIALLY DEFERRED);
ALTER TABLE bookings ADD CONSTRAINT bookings_room_fkey FOREIGN KEY (room, id) REFERENCES rooms (floor, id) MATCH FULL ON DELETE SET NULL NOT VALID;
-- since 18
CREATE TABLE named_not_null (id int CONSTRAINT id_must_be_set NOT NULL, other int NOT NULL);
ALTER TABLE named_not_null RENAME COLUMN other TO renamed;
