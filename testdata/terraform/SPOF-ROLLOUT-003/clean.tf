resource "aws_autoscaling_group" "default_refresh" {
  name                = "default-refresh"
  min_size            = 3
  max_size            = 6
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  instance_refresh {
    strategy = "Rolling"
  }
}

resource "aws_autoscaling_group" "half" {
  name                = "half"
  min_size            = 4
  max_size            = 8
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 50
    }
  }
}

# One instance: SPOF-ASG-001 reports it, replacing it at once changes nothing.
resource "aws_autoscaling_group" "single" {
  name                = "single"
  min_size            = 1
  max_size            = 1
  vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 0
    }
  }
}
