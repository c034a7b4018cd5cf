resource "aws_rds_cluster" "orders" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  master_username    = "app"
}

resource "aws_rds_cluster_instance" "orders" {
  count              = 2
  identifier         = "orders-${count.index}"
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
}

resource "aws_rds_cluster" "legacy_serverless" {
  cluster_identifier = "legacy"
  engine             = "aurora-mysql"
  engine_mode        = "serverless"
}

module "aurora" {
  source  = "terraform-aws-modules/rds-aurora/aws"
  version = "9.3.0"

  name   = "reports"
  engine = "aurora-mysql"
  instances = {
    one = {}
    two = {}
  }
}
