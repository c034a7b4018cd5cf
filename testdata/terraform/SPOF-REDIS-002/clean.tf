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

# Failover on, two nodes placed in two zones: Multi-AZ left unset does not make the primary's loss fatal.
resource "aws_elasticache_replication_group" "two_zones_without_multi_az" {
  replication_group_id        = "two-zones"
  description                 = "primary and replica in two AZs"
  node_type                   = "cache.t4g.small"
  num_cache_clusters          = 2
  automatic_failover_enabled  = true
  preferred_cache_cluster_azs = ["eu-west-1a", "eu-west-1b"]
}

# Failover on, two nodes, placement left to ElastiCache and Multi-AZ unset: nothing says they share a zone.
resource "aws_elasticache_replication_group" "placement_unknown" {
  replication_group_id       = "placement-unknown"
  description                = "primary and replica"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
}
