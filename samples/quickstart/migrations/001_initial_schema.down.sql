-- Drops in reverse dependency order.
DROP TABLE notification_preferences;
DROP TABLE analytics_snapshots;
DROP TABLE rebalance_events;
DROP TABLE portfolios;
