resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

# A member of the replication group above: the group is what is judged.
resource "aws_elasticache_cluster" "member" {
  cluster_id           = "sessions-extra"
  replication_group_id = "sessions"
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "pages"
  engine          = "memcached"
  node_type       = "cache.t4g.small"
  num_cache_nodes = 2
}
