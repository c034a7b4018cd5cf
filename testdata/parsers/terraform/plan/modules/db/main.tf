resource "aws_elasticache_replication_group" "cache" {
  count                = 1
  num_cache_clusters   = 1
}
