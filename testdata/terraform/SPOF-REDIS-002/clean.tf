resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "primary + replica in two AZs"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

resource "aws_elasticache_replication_group" "sharded" {
  replication_group_id       = "sharded"
  description                = "cluster mode, one replica per shard"
  node_type                  = "cache.t4g.small"
  num_node_groups            = 3
  replicas_per_node_group    = 1
  automatic_failover_enabled = true
  multi_az_enabled           = true
}
