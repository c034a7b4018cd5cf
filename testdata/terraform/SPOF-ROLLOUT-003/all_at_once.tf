variable "min_healthy" {
  type = number
}

resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 3
  max_size            = 6
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  launch_template {
    id      = aws_launch_template.web.id
    version = aws_launch_template.web.latest_version
  }
  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 0 # expect: SPOF-ROLLOUT-003 "refreshes its instances with min_healthy_percentage"
    }
  }
}

# The minimum is 1 but the group is meant to run 4.
resource "aws_autoscaling_group" "desired" {
  name                = "desired"
  min_size            = 1
  max_size            = 8
  desired_capacity    = 4
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 0 # expect: SPOF-ROLLOUT-003
    }
  }
}

resource "aws_autoscaling_group" "from_input" {
  name                = "from-input"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = var.min_healthy # expect-unknown: SPOF-ROLLOUT-003
    }
  }
}
