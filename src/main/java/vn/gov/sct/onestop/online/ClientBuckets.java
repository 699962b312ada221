package vn.gov.sct.onestop.online;

/**
 * The token buckets of the citizen API's rate limit, one per client address: {@link SharedBuckets} in the database
 * (several nodes on PostgreSQL: one limit for all of them), {@link LocalBuckets} in the node's memory (the single
 * node on the embedded H2 database).
 */
public interface ClientBuckets {

  /** Takes one token of the client's bucket; false when the bucket is empty. */
  boolean tryTake(String client);
}
