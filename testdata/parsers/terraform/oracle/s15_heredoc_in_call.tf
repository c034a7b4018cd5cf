locals {
  policy = jsonencode(yamldecode(<<-YAML
    a: 1
    YAML
  ))
  t = trimspace(<<EOT
hello
EOT
  )
}
