DELETE FROM rebalance_events WHERE portfolio_id = 'demo-portfolio-1';
DELETE FROM portfolios WHERE id = 'demo-portfolio-1';
