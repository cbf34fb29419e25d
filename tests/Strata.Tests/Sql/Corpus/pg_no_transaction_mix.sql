CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TABLE moods (id int, m mood);
ALTER TYPE mood ADD VALUE 'happy';
CREATE INDEX CONCURRENTLY moods_m ON moods (m);
VACUUM moods;
REINDEX INDEX CONCURRENTLY moods_m;
