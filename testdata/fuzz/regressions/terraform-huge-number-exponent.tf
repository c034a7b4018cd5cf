# Found by fuzzing: exact arithmetic on 1e9999993 builds ten million digits (about 12 s per expression).
locals {
  n0 = -1.5e3 * (2 + 1e9999990) % 4 != 0
  n1 = -1.5e3 * (2 + 1e9999991) % 4 != 0
  n2 = -1.5e3 * (2 + 1e9999992) % 4 != 0
  n3 = -1.5e3 * (2 + 1e9999993) % 4 != 0
  n4 = -1.5e3 * (2 + 1e9999994) % 4 != 0
  n5 = -1.5e3 * (2 + 1e9999995) % 4 != 0
  n6 = -1.5e3 * (2 + 1e9999996) % 4 != 0
  n7 = -1.5e3 * (2 + 1e9999997) % 4 != 0
  n8 = -1.5e3 * (2 + 1e9999998) % 4 != 0
  n9 = -1.5e3 * (2 + 1e9999999) % 4 != 0
  n10 = -1.5e3 * (2 + 1e9999990) % 4 != 0
  n11 = -1.5e3 * (2 + 1e9999991) % 4 != 0
}
resource "aws_db_instance" "d" {
  multi_az = local.n0
  tags = {
    n0 = local.n0
    n1 = local.n1
    n2 = local.n2
    n3 = local.n3
    n4 = local.n4
    n5 = local.n5
    n6 = local.n6
    n7 = local.n7
    n8 = local.n8
    n9 = local.n9
    n10 = local.n10
    n11 = local.n11
  }
}
