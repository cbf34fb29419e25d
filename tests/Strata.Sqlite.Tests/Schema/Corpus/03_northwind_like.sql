-- A small hand-written schema in the style of the public Northwind sample (orders).
CREATE TABLE categories (category_id INTEGER PRIMARY KEY, category_name TEXT NOT NULL, description TEXT);
CREATE TABLE suppliers (supplier_id INTEGER PRIMARY KEY, company_name TEXT NOT NULL, country TEXT);
CREATE TABLE products (
    product_id INTEGER PRIMARY KEY,
    product_name TEXT NOT NULL,
    supplier_id INTEGER REFERENCES suppliers (supplier_id) ON DELETE SET NULL,
    category_id INTEGER REFERENCES categories (category_id),
    unit_price REAL DEFAULT 0 CHECK (unit_price >= 0),
    discontinued INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX products_name_idx ON products (product_name);
CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id TEXT, order_date TEXT, shipped_date TEXT);
CREATE TABLE order_details (
    order_id INTEGER NOT NULL REFERENCES orders (order_id),
    product_id INTEGER NOT NULL REFERENCES products (product_id),
    unit_price REAL NOT NULL,
    quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id)
);
CREATE TRIGGER orders_no_delete BEFORE DELETE ON orders BEGIN SELECT RAISE(ABORT, 'orders are kept'); END;
