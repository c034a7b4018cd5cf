resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 1 # expect: SPOF-ASG-001 "(Auto Scaling group) runs a single instance"
  max_size            = 4
  vpc_zone_identifier = ["subnet-a", "subnet-b"]
}

resource "aws_autoscaling_group" "batch" {
  name                = "batch"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-a"] # expect: SPOF-ASG-001
}

module "asg" {
  source  = "terraform-aws-modules/autoscaling/aws"
  version = "7.4.1"

  name                = "api"
  min_size            = 1 # expect: SPOF-ASG-001
  max_size            = 3
  vpc_zone_identifier = ["subnet-a", "subnet-b"]
}
