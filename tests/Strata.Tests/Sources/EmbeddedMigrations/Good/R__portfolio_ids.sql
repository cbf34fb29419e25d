CREATE OR REPLACE VIEW portfolio_ids AS SELECT id FROM portfolios;
