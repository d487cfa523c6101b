-- Domain data: datanets, contributions, versions, models, inferences, attestations, settlements, contributor earnings,
-- nodes and rewards. Every row belongs to the block it was read in (ON DELETE CASCADE), so rolling back a fork removes it.
--
-- Mutable objects are stored as snapshots: one row per block in which the object changed, read from that block's chain
-- state; `latest` marks the current one (the views below). A rollback deletes the fork's snapshots and re-marks the
-- newest remaining ones (store.ts), so the previous state comes back without replaying anything.

CREATE TABLE datanet_snapshots (
  id integer NOT NULL,
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  latest boolean NOT NULL,
  owner text NOT NULL,
  name text NOT NULL,
  metadata text NOT NULL,
  tags jsonb NOT NULL,
  kind text NOT NULL,
  license text NOT NULL,
  policy text NOT NULL,
  contribution_deposit numeric(39, 0) NOT NULL,
  status text NOT NULL,
  created integer NOT NULL,
  latest_version integer NOT NULL,
  contributions integer NOT NULL,
  accepted integer NOT NULL,
  accepted_bytes bigint NOT NULL,
  curators jsonb NOT NULL,
  PRIMARY KEY (id, block_number)
);
CREATE UNIQUE INDEX datanet_snapshots_latest ON datanet_snapshots (id) WHERE latest;

CREATE TABLE contribution_snapshots (
  id bigint NOT NULL,
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  latest boolean NOT NULL,
  datanet_id integer NOT NULL,
  contributor text NOT NULL,
  content_hash text NOT NULL,
  size integer NOT NULL,
  chunks_root text NOT NULL,
  metadata text NOT NULL,
  license text NOT NULL,
  status text NOT NULL,
  quality smallint,
  reject_reason smallint,
  deposit numeric(39, 0) NOT NULL,
  submitted integer NOT NULL,
  reviewed integer,
  reviewer text,
  PRIMARY KEY (id, block_number)
);
CREATE UNIQUE INDEX contribution_snapshots_latest ON contribution_snapshots (id) WHERE latest;
CREATE INDEX contributions_datanet ON contribution_snapshots (datanet_id, id DESC) WHERE latest;
CREATE INDEX contributions_contributor ON contribution_snapshots (contributor, id DESC) WHERE latest;
CREATE INDEX contributions_hash ON contribution_snapshots (content_hash) WHERE latest;

CREATE TABLE model_snapshots (
  id integer NOT NULL,
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  latest boolean NOT NULL,
  developer text NOT NULL,
  name text NOT NULL,
  metadata text NOT NULL,
  kind text NOT NULL,
  training_set jsonb NOT NULL,
  manifest_hash text NOT NULL,
  base_fee numeric(39, 0) NOT NULL,
  per_token_fee numeric(39, 0) NOT NULL,
  developer_ppm integer NOT NULL,
  contributors_ppm integer NOT NULL,
  protocol_ppm integer NOT NULL,
  operators jsonb NOT NULL,
  status text NOT NULL,
  registered integer NOT NULL,
  inferences bigint NOT NULL,
  revenue numeric(39, 0) NOT NULL,
  training_bytes bigint NOT NULL,
  PRIMARY KEY (id, block_number)
);
CREATE UNIQUE INDEX model_snapshots_latest ON model_snapshots (id) WHERE latest;

CREATE TABLE inference_snapshots (
  id bigint NOT NULL,
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  latest boolean NOT NULL,
  model_id integer NOT NULL,
  consumer text NOT NULL,
  input_hash text NOT NULL,
  max_fee numeric(39, 0) NOT NULL,
  fee numeric(39, 0) NOT NULL,
  output_hash text,
  tokens_in integer NOT NULL,
  tokens_out integer NOT NULL,
  operator text,
  status text NOT NULL,
  requested integer NOT NULL,
  output_at integer,
  deadline integer NOT NULL,
  PRIMARY KEY (id, block_number)
);
CREATE UNIQUE INDEX inference_snapshots_latest ON inference_snapshots (id) WHERE latest;
CREATE INDEX inferences_model ON inference_snapshots (model_id, id DESC) WHERE latest;
CREATE INDEX inferences_consumer ON inference_snapshots (consumer, id DESC) WHERE latest;

-- Registered nodes; a withdrawn node leaves the chain state, its last snapshot is kept with status Withdrawn.
CREATE TABLE node_snapshots (
  id integer NOT NULL,
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  latest boolean NOT NULL,
  operator text NOT NULL,
  kind text NOT NULL,
  peer_id text NOT NULL,
  bond numeric(39, 0) NOT NULL,
  status text NOT NULL,
  unbonding_until integer,
  registered integer NOT NULL,
  last_heartbeat integer,
  era_points integer NOT NULL,
  total_points bigint NOT NULL,
  earned numeric(39, 0) NOT NULL,
  PRIMARY KEY (id, block_number)
);
CREATE UNIQUE INDEX node_snapshots_latest ON node_snapshots (id) WHERE latest;
CREATE INDEX nodes_operator ON node_snapshots (operator, id) WHERE latest;

CREATE VIEW datanets AS SELECT * FROM datanet_snapshots WHERE latest;
CREATE VIEW contributions AS SELECT * FROM contribution_snapshots WHERE latest;
CREATE VIEW models AS SELECT * FROM model_snapshots WHERE latest;
CREATE VIEW inferences AS SELECT * FROM inference_snapshots WHERE latest;
CREATE VIEW nodes AS SELECT * FROM node_snapshots WHERE latest;

-- Published datanet versions (immutable) and their contributions.
CREATE TABLE versions (
  datanet_id integer NOT NULL,
  version integer NOT NULL,
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  root text NOT NULL,
  count integer NOT NULL,
  bytes bigint NOT NULL,
  PRIMARY KEY (datanet_id, version)
);
CREATE TABLE version_contributions (
  datanet_id integer NOT NULL,
  version integer NOT NULL,
  contribution_id bigint NOT NULL,
  PRIMARY KEY (datanet_id, version, contribution_id),
  FOREIGN KEY (datanet_id, version) REFERENCES versions ON DELETE CASCADE
);
CREATE INDEX version_contributions_contribution ON version_contributions (contribution_id);

-- The rows below are one per event (block_number, event_index).
CREATE TABLE attestations (
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  event_index integer NOT NULL,
  inference_id bigint NOT NULL,
  attestor text NOT NULL,
  result_hash text NOT NULL,
  PRIMARY KEY (block_number, event_index)
);
CREATE INDEX attestations_inference ON attestations (inference_id);
CREATE INDEX attestations_attestor ON attestations (attestor, block_number DESC);

CREATE TABLE slashes (
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  event_index integer NOT NULL,
  inference_id bigint NOT NULL,
  attestor text NOT NULL,
  amount numeric(39, 0) NOT NULL,
  PRIMARY KEY (block_number, event_index)
);
CREATE INDEX slashes_inference ON slashes (inference_id);

-- Final (or disputed) attribution of an inference and the split of its fee.
CREATE TABLE settlements (
  inference_id bigint PRIMARY KEY,
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  event_index integer NOT NULL,
  model_id integer NOT NULL,
  fee numeric(39, 0) NOT NULL,
  developer numeric(39, 0) NOT NULL,
  contributors numeric(39, 0) NOT NULL,
  protocol numeric(39, 0) NOT NULL,
  fallback boolean NOT NULL,
  result_hash text,
  attestations integer
);
CREATE INDEX settlements_model ON settlements (model_id, block_number);

-- A contribution's weight in a settled inference and its share of the fee (Attribution.ContributionAttributed).
CREATE TABLE attributions (
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  event_index integer NOT NULL,
  inference_id bigint NOT NULL,
  contribution_id bigint NOT NULL,
  weight_ppm integer NOT NULL,
  amount numeric(39, 0) NOT NULL,
  PRIMARY KEY (block_number, event_index)
);
CREATE INDEX attributions_inference ON attributions (inference_id);
CREATE INDEX attributions_contribution ON attributions (contribution_id, block_number);

-- What a contributor earned from an inference (Models.ContributorRewarded; claimable).
CREATE TABLE contributor_earnings (
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  event_index integer NOT NULL,
  inference_id bigint NOT NULL,
  contribution_id bigint NOT NULL,
  contributor text NOT NULL,
  amount numeric(39, 0) NOT NULL,
  PRIMARY KEY (block_number, event_index)
);
CREATE INDEX contributor_earnings_contributor ON contributor_earnings (contributor, block_number);
CREATE INDEX contributor_earnings_contribution ON contributor_earnings (contribution_id, block_number);

-- Rewards credited (kind author | node) or paid out (kind contributor_claim | node_claim).
CREATE TABLE rewards (
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  event_index integer NOT NULL,
  kind text NOT NULL,
  account text NOT NULL,
  node_id integer,
  era integer,
  points integer,
  amount numeric(39, 0) NOT NULL,
  PRIMARY KEY (block_number, event_index)
);
CREATE INDEX rewards_account ON rewards (account, block_number DESC);
CREATE INDEX rewards_node ON rewards (node_id, block_number DESC) WHERE node_id IS NOT NULL;

CREATE TABLE eras (
  era integer PRIMARY KEY,
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  total numeric(39, 0) NOT NULL,
  nodes integer NOT NULL,
  points bigint NOT NULL
);

CREATE TABLE heartbeats (
  block_number integer NOT NULL REFERENCES blocks (number) ON DELETE CASCADE,
  event_index integer NOT NULL,
  node_id integer NOT NULL,
  era integer NOT NULL,
  points integer NOT NULL,
  PRIMARY KEY (block_number, event_index)
);
CREATE INDEX heartbeats_node ON heartbeats (node_id, block_number DESC);

CREATE INDEX blocks_timestamp ON blocks (timestamp);
