locals { n = var.a - 1 }
