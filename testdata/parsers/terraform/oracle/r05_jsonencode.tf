resource "aws_iam_role" "r" {
 policy = jsonencode({
 S = [1, 2]
 })
}
