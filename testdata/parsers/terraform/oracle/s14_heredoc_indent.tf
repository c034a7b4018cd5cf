resource "aws_instance" "a" {
  user_data = <<-EOT
    #!/bin/bash
    echo "${var.name}"
      indented
    EOT
  other = 1
}
