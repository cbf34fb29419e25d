CREATE FUNCTION is_slug(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT value ~ '^[a-z0-9-]+$' $$;
CREATE DOMAIN slug AS text COLLATE "C" DEFAULT 'x' NOT NULL CONSTRAINT slug_format CHECK (is_slug(VALUE)) CONSTRAINT slug_length CHECK (length(VALUE) < 64);
COMMENT ON DOMAIN slug IS 'url part';
COMMENT ON CONSTRAINT slug_length ON DOMAIN slug IS 'short enough';
CREATE DOMAIN short_slug AS slug CHECK (length(VALUE) < 10);
ALTER DOMAIN short_slug ADD CONSTRAINT not_empty CHECK (VALUE <> '') NOT VALID;
CREATE DOMAIN percent AS numeric(5,2) CHECK (VALUE BETWEEN 0 AND 100);
CREATE TABLE pages (s slug PRIMARY KEY, short short_slug, done percent DEFAULT 0);
