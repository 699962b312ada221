-- Token buckets of the citizen API's rate limit when they are shared by the nodes (online/SharedBuckets, Bucket4j's
-- PostgreSQL backend): one row per client address, changed under SELECT ... FOR UPDATE. expires_at (epoch
-- milliseconds) is when the bucket would be full again; rows past it are deleted by the nodes.
create table rate_limit_bucket (
    id          varchar(64) not null primary key,
    state       bytea,
    expires_at  bigint
);
create index rate_limit_bucket_expires on rate_limit_bucket (expires_at);
