locals { m = { (var.k) = "v" } }
