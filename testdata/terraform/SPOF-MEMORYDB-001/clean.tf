resource "aws_memorydb_cluster" "sessions" {
  name      = "sessions"
  node_type = "db.t4g.small"
  acl_name  = "open-access"
  # num_replicas_per_shard defaults to 1
}

resource "aws_memorydb_cluster" "orders" {
  name                   = "orders"
  node_type              = "db.r7g.large"
  acl_name               = "open-access"
  num_replicas_per_shard = 2
}
