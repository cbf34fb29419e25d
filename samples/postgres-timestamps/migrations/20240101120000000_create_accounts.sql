-- node-pg-migrate's layout: 17-digit UTC timestamps (YYYYMMDDHHMMSSmmm_slug.sql), one file with its down section.
CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL,
    balance_cents bigint NOT NULL DEFAULT 0 CHECK (balance_cents >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ledger (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    delta_cents bigint NOT NULL,
    memo text NOT NULL DEFAULT ''
);

-- strata:down
DROP TABLE ledger;
DROP TABLE accounts;
