variable "replicas" {
  type = number
}

resource "aws_memorydb_cluster" "sessions" {
  name                   = "sessions"
  node_type              = "db.t4g.small"
  acl_name               = "open-access"
  num_replicas_per_shard = 0 # expect: SPOF-MEMORYDB-001 "has no replica to fail over"
}

resource "aws_memorydb_cluster" "chosen_later" {
  name                   = "chosen-later"
  node_type              = "db.t4g.small"
  acl_name               = "open-access"
  num_replicas_per_shard = var.replicas # expect-unknown: SPOF-MEMORYDB-001
}
