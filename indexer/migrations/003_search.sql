-- Indexes for GET /search: exact lookups by an inference's input or output hash and by a model's developer, and
-- case-insensitive name prefixes (lower(name) LIKE 'abc%') of datanets and models.
CREATE INDEX inferences_input_hash ON inference_snapshots (input_hash) WHERE latest;
CREATE INDEX inferences_output_hash ON inference_snapshots (output_hash) WHERE latest AND output_hash IS NOT NULL;
CREATE INDEX models_developer ON model_snapshots (developer) WHERE latest;
CREATE INDEX datanets_name_prefix ON datanet_snapshots (lower(name) text_pattern_ops) WHERE latest;
CREATE INDEX models_name_prefix ON model_snapshots (lower(name) text_pattern_ops) WHERE latest;
