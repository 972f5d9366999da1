-- A phone shrinks a camera photo before sending it (issue 11): the evidence row keeps the
-- SHA-256 and size of the file the consumer chose, beside the hash of the file received.
-- Both or neither: an upload that is the original has none.
ALTER TABLE evidence ADD COLUMN original_sha256 text CHECK (original_sha256 ~ '^[0-9a-f]{64}$');
ALTER TABLE evidence ADD COLUMN original_size_bytes bigint CHECK (original_size_bytes > 0);
ALTER TABLE evidence ADD CONSTRAINT evidence_original_both CHECK ((original_sha256 IS NULL) = (original_size_bytes IS NULL));
