# min_size 1 but desired_capacity 3 and no scaling policy or schedule: the group keeps three instances.
resource "aws_autoscaling_group" "app" {
  name                = "app"
  min_size            = 1
  max_size            = 6
  desired_capacity    = 3
  vpc_zone_identifier = ["subnet-a", "subnet-b"]
}

# The same, with a scheduled action that scales it in at night: then the minimum is what it may run.
resource "aws_autoscaling_group" "office_hours" {
  name                = "office-hours"
  min_size            = 1 # expect: SPOF-ASG-001
  max_size            = 6
  desired_capacity    = 3
  vpc_zone_identifier = ["subnet-a", "subnet-b"]
}

resource "aws_autoscaling_schedule" "night" {
  scheduled_action_name  = "night"
  autoscaling_group_name = aws_autoscaling_group.office_hours.name
  desired_capacity       = 1
  min_size               = 1
  max_size               = 6
  recurrence             = "0 20 * * *"
}

variable "desired" {
  type = number
}

resource "aws_autoscaling_group" "from_input" {
  name                = "from-input"
  min_size            = 1
  max_size            = 6
  desired_capacity    = var.desired # expect-unknown: SPOF-ASG-001
  vpc_zone_identifier = ["subnet-a", "subnet-b"]
}
