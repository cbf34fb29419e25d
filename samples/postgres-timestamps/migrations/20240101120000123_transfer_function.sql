-- A plpgsql function: the $$ body holds semicolons; Strata's lexer keeps it one statement.
CREATE OR REPLACE FUNCTION transfer(from_id bigint, to_id bigint, cents bigint)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    IF cents <= 0 THEN
        RAISE EXCEPTION 'amount must be positive; got %', cents;
    END IF;
    UPDATE accounts SET balance_cents = balance_cents - cents WHERE id = from_id;
    UPDATE accounts SET balance_cents = balance_cents + cents WHERE id = to_id;
    INSERT INTO ledger (account_id, delta_cents, memo) VALUES (from_id, -cents, 'transfer; out');
    INSERT INTO ledger (account_id, delta_cents, memo) VALUES (to_id, cents, 'transfer; in');
END;
$$;

COMMENT ON FUNCTION transfer(bigint, bigint, bigint) IS 'Moves money between accounts; writes two ledger rows';

-- strata:down
DROP FUNCTION transfer(bigint, bigint, bigint);
