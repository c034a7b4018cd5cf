resource "aws_rds_cluster" "orders" { # expect: SPOF-RDS-004
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  master_username    = "app"
}

resource "aws_rds_cluster_instance" "orders_writer" {
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.orders.engine
}

module "aurora" {
  source  = "terraform-aws-modules/rds-aurora/aws"
  version = "9.3.0"

  name   = "reports"
  engine = "aurora-mysql"
  instances = { # expect: SPOF-RDS-004
    one = {}
  }
}
