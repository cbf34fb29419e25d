CREATE TABLE animals (id int NOT NULL, name text DEFAULT 'unnamed', CHECK (id > 0));
CREATE TABLE pets (owner text) INHERITS (animals);
CREATE TABLE tagged (tag text NOT NULL);
CREATE TABLE tagged_pets (id int, chip text) INHERITS (pets, tagged);
ALTER TABLE pets ALTER COLUMN name SET DEFAULT 'rex';
ALTER TABLE tagged_pets ADD CONSTRAINT chip_length CHECK (length(chip) = 15);
CREATE INDEX pets_owner ON pets (owner);
COMMENT ON TABLE pets IS 'animals with owners';
COMMENT ON COLUMN pets.owner IS 'who feeds it';
