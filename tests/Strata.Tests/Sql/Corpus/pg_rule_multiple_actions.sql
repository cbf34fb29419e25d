CREATE TABLE accounts (id int PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);
CREATE TABLE account_audit (id int, action text, at_balance numeric);
CREATE TABLE account_counts (n int);
INSERT INTO account_counts VALUES (0);

CREATE RULE accounts_ins AS ON INSERT TO accounts DO ALSO (
  INSERT INTO account_audit VALUES (NEW.id, 'insert; new', NEW.balance);
  UPDATE account_counts SET n = n + 1;
  NOTIFY accounts_changed, 'payload; with semicolon'
);

CREATE RULE accounts_del AS ON DELETE TO accounts DO INSTEAD (
  INSERT INTO account_audit VALUES (OLD.id, 'delete refused (soft);', OLD.balance);
);

CREATE RULE accounts_noop AS ON UPDATE TO accounts WHERE NEW.balance = OLD.balance DO INSTEAD NOTHING;

INSERT INTO accounts VALUES (1, 10), (2, 20);
DELETE FROM accounts WHERE id = 2;
UPDATE accounts SET balance = balance WHERE id = 1;
