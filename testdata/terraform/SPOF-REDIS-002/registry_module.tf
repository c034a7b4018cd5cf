module "sessions" { # expect: SPOF-REDIS-002
  source  = "terraform-aws-modules/elasticache/aws"
  version = "1.2.0"

  replication_group_id = "sessions"
  node_type            = "cache.t4g.small"
}

module "cache" {
  source  = "terraform-aws-modules/elasticache/aws"
  version = "1.2.0"

  replication_group_id       = "cache"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = false # expect: SPOF-REDIS-002
}

module "ha" {
  source  = "terraform-aws-modules/elasticache/aws"
  version = "1.2.0"

  replication_group_id       = "ha"
  num_cache_clusters         = 3
  automatic_failover_enabled = true
  multi_az_enabled           = true
}
