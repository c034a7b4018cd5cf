resource "aws_instance" "a" {
  lifecycle {
    create_before_destroy = true
    ignore_changes        = [tags, ami]
    replace_triggered_by  = [aws_instance.b.id]
    precondition {
      condition     = var.x != ""
      error_message = "x"
    }
    postcondition {
      condition     = self.id != ""
      error_message = "y"
    }
  }
}
