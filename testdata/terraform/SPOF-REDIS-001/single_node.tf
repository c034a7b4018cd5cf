resource "aws_elasticache_cluster" "sessions" {
  cluster_id      = "sessions"
  engine          = "redis"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1 # expect: SPOF-REDIS-001 "is a single redis node"
}

resource "aws_elasticache_cluster" "queue" {
  cluster_id = "queue"
  engine     = "valkey" # expect: SPOF-REDIS-001
  node_type  = "cache.t4g.small"
}

variable "cache_engine" {
  type = string
}

resource "aws_elasticache_cluster" "unknown_engine" {
  cluster_id = "maybe"
  engine     = var.cache_engine # expect-unknown: SPOF-REDIS-001
  node_type  = "cache.t4g.small"
}
