-- A repeatable migration: re-applied whenever this file changes, after all versioned ones.
DROP VIEW IF EXISTS portfolio_summary;
CREATE VIEW portfolio_summary AS
SELECT p.id, p.name, count(e.id) AS rebalances, max(e.executed_at) AS last_rebalance
FROM portfolios p
LEFT JOIN rebalance_events e ON e.portfolio_id = p.id
GROUP BY p.id, p.name;
