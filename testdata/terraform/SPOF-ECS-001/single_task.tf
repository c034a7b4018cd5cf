variable "task_count" {
  type = number
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 1 # expect: SPOF-ECS-001 "can be stopped by one failure"
  launch_type     = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  }
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.worker.arn
  desired_count   = 3
  launch_type     = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.private_a.id] # expect: SPOF-ECS-001
  }
}

resource "aws_ecs_service" "batch" {
  name            = "batch"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.batch.arn
  desired_count   = 4
  ordered_placement_strategy {
    type  = "binpack" # expect: SPOF-ECS-001
    field = "memory"
  }
}

resource "aws_ecs_service" "scaled" {
  name            = "scaled"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 1 # expect: SPOF-ECS-001
  launch_type     = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  }
}

resource "aws_appautoscaling_target" "scaled" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.scaled.name}"
  min_capacity       = 1
  max_capacity       = 10
}

resource "aws_ecs_service" "from_input" {
  name            = "from-input"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = var.task_count # expect-unknown: SPOF-ECS-001
  launch_type     = "FARGATE"
  network_configuration {
    subnets = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  }
}
