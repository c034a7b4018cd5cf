module "aurora" {
  source    = "terraform-aws-modules/rds-aurora/aws"
  instances = { 1 = {}, 2 = { instance_class = "db.r6g.large" } }
  secondary = {
    "${var.name}-${var.region}" = ["x"]
  }
}
