variable "source_db" {
  type    = string
  default = "orders"
}

resource "aws_db_instance" "orders" {
  engine   = "postgres"
  multi_az = true
}

# A read replica gets its redundancy from its source.
resource "aws_db_instance" "orders_replica" {
  replicate_source_db = var.source_db
  instance_class      = "db.t3.micro"
}

# Aurora members are covered by the cluster's other instances.
resource "aws_db_instance" "aurora_member" {
  cluster_identifier = "orders-aurora"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster_instance" "other_type" {
  cluster_identifier = "orders-aurora"
}
