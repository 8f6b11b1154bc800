-- The session's own search_path again, after pin_search_path.sql.
RESET search_path;
