-- Chain data. Block numbers are u32 on SLMnet (integer); balances are u128 (numeric, never floats).
CREATE TABLE blocks (
  number integer PRIMARY KEY,
  hash text NOT NULL UNIQUE,
  parent_hash text NOT NULL,
  state_root text NOT NULL,
  extrinsics_root text NOT NULL,
  author text,
  timestamp timestamptz,
  spec_version integer NOT NULL,
  finalized boolean NOT NULL DEFAULT false,
  extrinsic_count integer NOT NULL,
  event_count integer NOT NULL
);

CREATE TABLE extrinsics (
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  index integer NOT NULL,
  hash text NOT NULL,
  signer text,
  pallet text NOT NULL,
  call text NOT NULL,
  args jsonb NOT NULL,
  fee numeric(39, 0),
  tip numeric(39, 0),
  success boolean NOT NULL,
  error text,
  PRIMARY KEY (block_number, index)
);
CREATE INDEX extrinsics_hash ON extrinsics (hash);
CREATE INDEX extrinsics_signer ON extrinsics (signer, block_number DESC, index DESC);
CREATE INDEX extrinsics_call ON extrinsics (pallet, call, block_number DESC, index DESC);

CREATE TABLE events (
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  index integer NOT NULL,
  phase text NOT NULL,
  extrinsic_index integer,
  pallet text NOT NULL,
  name text NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (block_number, index)
);
CREATE INDEX events_name ON events (pallet, name, block_number DESC, index DESC);

CREATE TABLE transfers (
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  event_index integer NOT NULL,
  extrinsic_index integer,
  from_address text NOT NULL,
  to_address text NOT NULL,
  amount numeric(39, 0) NOT NULL,
  PRIMARY KEY (block_number, event_index)
);
CREATE INDEX transfers_from ON transfers (from_address, block_number DESC, event_index DESC);
CREATE INDEX transfers_to ON transfers (to_address, block_number DESC, event_index DESC);

-- Accounts seen as a signer or in a transfer; recomputed for the affected ones on rollback.
CREATE TABLE accounts (
  address text PRIMARY KEY,
  last_seen_block integer NOT NULL
);
