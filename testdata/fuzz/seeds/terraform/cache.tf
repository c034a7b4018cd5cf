terraform {
  required_version = ">= 1.5"
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "c"
  description                = "cache"
  num_cache_clusters         = 1
  automatic_failover_enabled = false
  for_each                   = toset(["a", "b"])
  node_type                  = each.key == "a" ? "cache.t3.small" : null
  weird                      = -1.5e3 * (2 + 3) % 4 != 0 && !true || null == null
}
