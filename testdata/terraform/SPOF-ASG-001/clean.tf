resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = ["subnet-a", "subnet-b", "subnet-c"]
}

# Switched off on purpose.
resource "aws_autoscaling_group" "parked" {
  name                = "parked"
  min_size            = 0
  max_size            = 0
  vpc_zone_identifier = ["subnet-a"]
}

module "asg" {
  source  = "terraform-aws-modules/autoscaling/aws"
  version = "7.4.1"

  name                = "api"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = ["subnet-a", "subnet-b"]
}
