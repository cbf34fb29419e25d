-- A small hand-written schema in the style of the public Chinook sample (music store).
CREATE TABLE artist (artist_id INTEGER PRIMARY KEY, name NVARCHAR(120));
CREATE TABLE album (album_id INTEGER PRIMARY KEY, title NVARCHAR(160) NOT NULL, artist_id INTEGER NOT NULL REFERENCES artist (artist_id));
CREATE INDEX ifk_album_artist_id ON album (artist_id);
CREATE TABLE genre (genre_id INTEGER PRIMARY KEY, name NVARCHAR(120));
CREATE TABLE track (
    track_id INTEGER PRIMARY KEY,
    name NVARCHAR(200) NOT NULL,
    album_id INTEGER REFERENCES album (album_id),
    genre_id INTEGER REFERENCES genre (genre_id),
    milliseconds INTEGER NOT NULL,
    unit_price NUMERIC(10,2) NOT NULL
);
CREATE TABLE invoice (invoice_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, invoice_date DATETIME NOT NULL, total NUMERIC(10,2) NOT NULL);
CREATE TABLE invoice_line (
    invoice_line_id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoice (invoice_id),
    track_id INTEGER NOT NULL REFERENCES track (track_id),
    unit_price NUMERIC(10,2) NOT NULL,
    quantity INTEGER NOT NULL
);
CREATE VIEW sales_by_genre AS SELECT g.name, sum(il.unit_price * il.quantity) AS total FROM invoice_line il JOIN track t ON t.track_id = il.track_id JOIN genre g ON g.genre_id = t.genre_id GROUP BY g.name;
