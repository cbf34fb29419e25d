-- A small hand-written schema in the style of the public Chinook sample (music store).
CREATE TABLE artist (artist_id integer PRIMARY KEY, name varchar(120));
CREATE TABLE album (
    album_id integer PRIMARY KEY,
    title varchar(160) NOT NULL,
    artist_id integer NOT NULL REFERENCES artist (artist_id)
);
CREATE INDEX album_artist_id_idx ON album (artist_id);
CREATE TABLE media_type (media_type_id integer PRIMARY KEY, name varchar(120));
CREATE TABLE genre (genre_id integer PRIMARY KEY, name varchar(120));
CREATE TABLE track (
    track_id integer PRIMARY KEY,
    name varchar(200) NOT NULL,
    album_id integer REFERENCES album (album_id),
    media_type_id integer NOT NULL REFERENCES media_type (media_type_id),
    genre_id integer REFERENCES genre (genre_id),
    composer varchar(220),
    milliseconds integer NOT NULL,
    bytes integer,
    unit_price numeric(10,2) NOT NULL
);
CREATE TABLE customer (
    customer_id integer PRIMARY KEY,
    first_name varchar(40) NOT NULL,
    last_name varchar(20) NOT NULL,
    email varchar(60) NOT NULL,
    support_rep_id integer
);
CREATE TABLE invoice (
    invoice_id integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES customer (customer_id),
    invoice_date timestamp NOT NULL,
    total numeric(10,2) NOT NULL
);
CREATE TABLE invoice_line (
    invoice_line_id integer PRIMARY KEY,
    invoice_id integer NOT NULL REFERENCES invoice (invoice_id),
    track_id integer NOT NULL REFERENCES track (track_id),
    unit_price numeric(10,2) NOT NULL,
    quantity integer NOT NULL
);
CREATE VIEW sales_by_genre AS
    SELECT g.name, sum(il.unit_price * il.quantity) AS total
    FROM invoice_line il JOIN track t ON t.track_id = il.track_id JOIN genre g ON g.genre_id = t.genre_id
    GROUP BY g.name;
CREATE TABLE play_log (track_id integer NOT NULL, played_at timestamptz NOT NULL) PARTITION BY RANGE (played_at);
