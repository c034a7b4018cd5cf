resource "aws_lambda_function" "orders" {
  function_name = "orders"
  environment {
    variables = {
      DB_HOST = aws_rds_cluster.orders.endpoint
      QUEUE   = module.queue.url
    }
  }
}

resource "aws_rds_cluster" "orders" {
  engine = "aurora-postgresql"
}
