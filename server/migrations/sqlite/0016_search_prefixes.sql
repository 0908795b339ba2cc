-- A prefix index of two characters for the customer search (issue 6). A query of
-- pinyin initials such as `ww` is a prefix query (`"ww"*`): without a prefix index FTS5 reads
-- and merges the match list of every distinct token starting with `ww` (initials and pinyin
-- suffixes of every name: thousands of tokens, 23,793 customers at a million, 4.5 ms each
-- time); with it, one list (0.6 ms). Writing a document costs about a third more (200,000
-- documents: 14 s → 19 s; with three-character prefixes as well 25 s, so those are left
-- out: fewer distinct tokens share three letters). Rebuilding it reads the stored keys
-- again: about three minutes at a million customers, once.
CREATE VIRTUAL TABLE customer_search_prefixed USING fts5(keys, tokenize = 'unicode61', prefix = '2');
INSERT INTO customer_search_prefixed(rowid, keys) SELECT rowid, keys FROM customer_search;
DROP TABLE customer_search;
ALTER TABLE customer_search_prefixed RENAME TO customer_search;
