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
resource "aws_rds_cluster" "billing" { # expect: SPOF-RDS-004 "has 0 instances in the scan"
  cluster_identifier = "billing"
  engine             = "aurora-postgresql"
}

# One writer, and Aurora Auto Scaling keeps at least one reader beside it.
resource "aws_rds_cluster" "catalog" {
  cluster_identifier = "catalog"
  engine             = "aurora-mysql"
}

resource "aws_rds_cluster_instance" "catalog_writer" {
  cluster_identifier = aws_rds_cluster.catalog.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.catalog.engine
}

resource "aws_appautoscaling_target" "catalog_readers" {
  service_namespace  = "rds"
  scalable_dimension = "rds:cluster:ReadReplicaCount"
  resource_id        = "cluster:${aws_rds_cluster.catalog.cluster_identifier}"
  min_capacity       = 1
  max_capacity       = 5
}
