# comment
// another
/* block
   comment */
resource "aws_iam_policy" "p" {
  policy = <<-EOT
    {"Version": "2012-10-17", "x": "${var.a}"}
  EOT
  description = <<EOF
plain %{ if var.b }yes%{ else }no%{ endif }
EOF
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
  azs     = slice(data.aws_availability_zones.all.names, 0, 1)
}

data "aws_availability_zones" "all" {}

output "id" { value = module.vpc.vpc_id }
