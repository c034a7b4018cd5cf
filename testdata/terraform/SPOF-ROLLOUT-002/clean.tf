resource "aws_ecs_service" "default_percent" {
  name            = "default-percent"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 3
}

resource "aws_ecs_service" "half" {
  name                               = "half"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 4
  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 200
}

# A failed deployment rolls back on its own.
resource "aws_ecs_service" "rolls_back" {
  name                               = "rolls-back"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 3
  deployment_minimum_healthy_percent = 0
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

# One task: SPOF-ECS-001 reports the single task, this rule stays silent.
resource "aws_ecs_service" "single" {
  name                               = "single"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 1
  deployment_minimum_healthy_percent = 0
}

# CodeDeploy performs the deployment (blue/green); the percent only bounds draining.
resource "aws_ecs_service" "blue_green" {
  name                               = "blue-green"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 3
  deployment_minimum_healthy_percent = 0
  deployment_controller {
    type = "CODE_DEPLOY"
  }
}

# Daemon services default to 0% and replace one task per container instance.
resource "aws_ecs_service" "agent" {
  name                               = "agent"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.agent.arn
  scheduling_strategy                = "DAEMON"
  deployment_minimum_healthy_percent = 0
}

# Scaled to nothing on purpose (no lifecycle rule hands the count to another tool).
resource "aws_ecs_service" "parked" {
  name                               = "parked"
  cluster                            = aws_ecs_cluster.main.id
  task_definition                    = aws_ecs_task_definition.api.arn
  desired_count                      = 0
  deployment_minimum_healthy_percent = 0
}
