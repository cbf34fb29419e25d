CREATE TABLE portfolios (id serial PRIMARY KEY);
