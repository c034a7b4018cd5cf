resource "aws_elasticache_cluster" "cache" {
  engine          = "redis"
  node_type       = "cache.t3.micro"
  num_cache_nodes = 1
}
