resource "aws_elasticache_replication_group" "single" { # expect: SPOF-REDIS-002 "cannot survive the loss of its primary"
  replication_group_id = "single"
  description          = "one node, defaults everywhere"
  node_type            = "cache.t4g.small"
}

resource "aws_elasticache_replication_group" "no_failover" {
  replication_group_id       = "no-failover"
  description                = "a replica but nobody promotes it"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = false # expect: SPOF-REDIS-002
  multi_az_enabled           = false
}

resource "aws_elasticache_replication_group" "cluster_mode_no_replicas" {
  replication_group_id       = "sharded"
  description                = "three shards, no replicas"
  node_type                  = "cache.t4g.small"
  num_node_groups            = 3
  replicas_per_node_group    = 0 # expect: SPOF-REDIS-002
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

resource "aws_elasticache_replication_group" "may_share_az" {
  replication_group_id       = "may-share-az"
  description                = "failover, Multi-AZ off, placement left to ElastiCache"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = false # expect-unknown: SPOF-REDIS-002
}

resource "aws_elasticache_replication_group" "same_az" {
  replication_group_id        = "same-az"
  description                 = "failover, but both nodes are placed in one AZ"
  node_type                   = "cache.t4g.small"
  num_cache_clusters          = 2
  automatic_failover_enabled  = true
  preferred_cache_cluster_azs = ["eu-west-1a", "eu-west-1a"] # expect: SPOF-REDIS-002
}

variable "replicas" {
  type = number
}

resource "aws_elasticache_replication_group" "from_input" {
  replication_group_id       = "input"
  description                = "replica count given at apply time"
  node_type                  = "cache.t4g.small"
  num_node_groups            = 2
  replicas_per_node_group    = var.replicas # expect-unknown: SPOF-REDIS-002
  automatic_failover_enabled = true
  multi_az_enabled           = true
}
