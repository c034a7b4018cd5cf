locals {
  greeting = "こんにちは ${var.name} 👋"
  k        = { "ключ" = "значение" }
}
