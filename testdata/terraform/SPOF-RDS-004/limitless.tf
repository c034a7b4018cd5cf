# Aurora Limitless: the cluster has no member instances; its capacity and redundancy come from the shard group.
resource "aws_rds_cluster" "orders" {
  cluster_identifier       = "orders"
  engine                   = "aurora-postgresql"
  engine_mode              = ""
  cluster_scalability_type = "limitless"
  storage_type             = "aurora-iopt1"
}

resource "aws_rds_shard_group" "orders" {
  db_cluster_identifier     = aws_rds_cluster.orders.id
  db_shard_group_identifier = "orders"
  compute_redundancy        = 2
  max_acu                   = 768
}

# The same cluster without limitless scalability and without instances is a single point of failure.
resource "aws_rds_cluster" "billing" { # expect: SPOF-RDS-004
  cluster_identifier = "billing"
  engine             = "aurora-postgresql"
}
