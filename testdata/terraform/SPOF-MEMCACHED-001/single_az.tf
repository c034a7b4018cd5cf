variable "memcached_mode" {
  type = string
}

resource "aws_elasticache_cluster" "sessions" {
  cluster_id      = "sessions"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 1 # expect: SPOF-MEMCACHED-001 "loses the whole cache in one failure"
}

resource "aws_elasticache_cluster" "pages" { # expect: SPOF-MEMCACHED-001
  cluster_id      = "pages"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 3
}

resource "aws_elasticache_cluster" "fragments" {
  cluster_id      = "fragments"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 3
  az_mode         = var.memcached_mode # expect-unknown: SPOF-MEMCACHED-001
}
