CREATE TABLE orders (id int, total numeric);
CREATE TABLE order_log (id int, note text);
CREATE TABLE order_log2 (id int);
CREATE RULE log_orders AS ON INSERT TO orders DO ALSO (
  INSERT INTO order_log VALUES (NEW.id, 'new; order');
  INSERT INTO order_log2 VALUES (NEW.id)
);
INSERT INTO orders VALUES (1, 9.5);
