-- One line of normalised terms per account (src-shared/accounts/search-terms.ts).
-- Contentless with deletes: the terms live only in the index; rowid = accounts.search_key.
-- detail=none: no phrase queries needed, so the doclists stay small and prefix scans fast.
CREATE VIRTUAL TABLE `account_search` USING fts5(
  terms,
  content = '',
  contentless_delete = 1,
  detail = none,
  tokenize = 'unicode61 remove_diacritics 0',
  prefix = '2 3'
);
