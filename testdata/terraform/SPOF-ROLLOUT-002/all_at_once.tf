variable "min_healthy" {
  type = number
}

variable "rollback" {
  type = bool
}

resource "aws_ecs_service" "api" {
  name                               = "api"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 3
  deployment_minimum_healthy_percent = 0 # expect: SPOF-ROLLOUT-002 "deploys with deployment_minimum_healthy_percent = 0"
  deployment_maximum_percent         = 100
}

# A circuit breaker that only stops the deployment leaves the failed tasks in place.
resource "aws_ecs_service" "breaker_without_rollback" {
  name                               = "breaker-without-rollback"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 2
  deployment_minimum_healthy_percent = 0 # expect: SPOF-ROLLOUT-002
  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }
}

# One task desired, but autoscaling keeps at least two.
resource "aws_ecs_service" "scaled" {
  name                               = "scaled"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 1
  deployment_minimum_healthy_percent = 0 # expect: SPOF-ROLLOUT-002
}

resource "aws_appautoscaling_target" "scaled" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.scaled.name}"
  min_capacity       = 2
  max_capacity       = 10
}

# Unknown: the percent comes from an input without a value.
resource "aws_ecs_service" "from_input" {
  name                               = "from-input"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 4
  deployment_minimum_healthy_percent = var.min_healthy # expect-unknown: SPOF-ROLLOUT-002
}

# Unknown: whether the circuit breaker rolls back depends on an input.
resource "aws_ecs_service" "rollback_from_input" {
  name                               = "rollback-from-input"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 2
  deployment_minimum_healthy_percent = 0 # expect-unknown: SPOF-ROLLOUT-002
  deployment_circuit_breaker {
    enable   = true
    rollback = var.rollback
  }
}

# Unknown: no task count in the scan (Terraform's default 0 means something else sets it).
resource "aws_ecs_service" "count_elsewhere" {
  name                               = "count-elsewhere"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  deployment_minimum_healthy_percent = 0 # expect-unknown: SPOF-ROLLOUT-002
  lifecycle {
    ignore_changes = [desired_count]
  }
}
