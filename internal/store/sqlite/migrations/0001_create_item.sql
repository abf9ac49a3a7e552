-- item holds every stored value under its (bucket, key). Keys compare with
-- the BINARY collation, so scans return them in byte order.
CREATE TABLE item (
    bucket   TEXT NOT NULL,
    item_key TEXT NOT NULL,
    value    BLOB NOT NULL,
    PRIMARY KEY (bucket, item_key)
) STRICT, WITHOUT ROWID;
