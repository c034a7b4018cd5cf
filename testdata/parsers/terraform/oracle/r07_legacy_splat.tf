output "o" { value = aws_instance.web.*.id }
