-- strata:env development,test
-- Demo data: applied only in development and test; skipped (and shown as such) in production.
INSERT INTO portfolios (id, name, owner_email, target_allocation)
VALUES ('demo-portfolio-1', 'Demo: 60/40', 'demo@example.com', '{"stocks": 60, "bonds": 40}')
ON CONFLICT DO NOTHING;

INSERT INTO rebalance_events (portfolio_id, trades, note)
VALUES ('demo-portfolio-1', '[{"sell": "bonds", "amount": 1200}]', 'quarterly; drift above 5%')
ON CONFLICT DO NOTHING;
