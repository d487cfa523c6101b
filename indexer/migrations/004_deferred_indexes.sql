-- Secondary indexes of the chain tables dropped for a long catch-up (src/indexes.ts), with the statements that build them
-- again once it reaches the head; recorded in the transaction that drops them, so that a crash loses none.
CREATE TABLE deferred_indexes (
  name text PRIMARY KEY,
  definition text NOT NULL
);
