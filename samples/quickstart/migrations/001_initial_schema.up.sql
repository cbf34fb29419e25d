-- Portfolios and their history (the custom up/down runner's layout: NNN_description.up.sql / .down.sql).
CREATE TABLE portfolios (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner_email TEXT NOT NULL,
    target_allocation TEXT NOT NULL DEFAULT '{}',
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE rebalance_events (
    id INTEGER PRIMARY KEY,
    portfolio_id TEXT NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
    executed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    trades TEXT NOT NULL,
    note TEXT
);

CREATE INDEX rebalance_events_portfolio ON rebalance_events (portfolio_id, executed_at);

CREATE TABLE analytics_snapshots (
    portfolio_id TEXT NOT NULL REFERENCES portfolios (id) ON DELETE CASCADE,
    taken_on DATE NOT NULL,
    total_value NUMERIC NOT NULL,
    PRIMARY KEY (portfolio_id, taken_on)
);

CREATE TABLE notification_preferences (
    owner_email TEXT PRIMARY KEY,
    rebalance_alerts BOOLEAN NOT NULL DEFAULT TRUE,
    weekly_digest BOOLEAN NOT NULL DEFAULT FALSE
);
