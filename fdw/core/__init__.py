"""Collection: options, AWS sessions and accounts, the table model, scans, the shared
cache. Knows no PostgreSQL."""
