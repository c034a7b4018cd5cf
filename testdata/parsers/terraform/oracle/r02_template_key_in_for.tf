locals { m = { for v in var.l : "${v.a}-${v.b}" => v } }
