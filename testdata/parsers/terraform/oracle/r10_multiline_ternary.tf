locals { m = var.on ? {
 a = 1
} : {} }
