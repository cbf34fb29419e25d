-- A plpgsql function whose $$ body holds semicolons.
CREATE TABLE accounts (id int PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);

CREATE FUNCTION credit(account int, amount numeric) RETURNS numeric AS $$
DECLARE
  result numeric;
BEGIN
  UPDATE accounts SET balance = balance + amount WHERE id = account;
  SELECT balance INTO result FROM accounts WHERE id = account;
  RETURN result;
END;
$$ LANGUAGE plpgsql;

SELECT credit(1, 10);
