variable "private_subnets" {
  type = list(string)
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = aws_iam_role.worker.arn
  runtime       = "python3.12"
  handler       = "main.handler"
  filename      = "worker.zip"
  vpc_config {
    subnet_ids         = [aws_subnet.private_a.id] # expect: SPOF-LAMBDA-001 "lives in one Availability Zone"
    security_group_ids = [aws_security_group.worker.id]
  }
}

resource "aws_lambda_function" "from_input" {
  function_name = "from-input"
  role          = aws_iam_role.worker.arn
  runtime       = "python3.12"
  handler       = "main.handler"
  filename      = "worker.zip"
  vpc_config {
    subnet_ids         = var.private_subnets # expect-unknown: SPOF-LAMBDA-001
    security_group_ids = [aws_security_group.worker.id]
  }
}
