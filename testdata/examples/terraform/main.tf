# Example: the data tier of a small shop, with the classic single points of failure.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

# SPOF-RDS-001: the orders database lives in one Availability Zone.
resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 50
  multi_az          = false
  username          = "orders"
  manage_master_user_password = true
}

# Healthy: a standby in a second Availability Zone takes over on failure.
resource "aws_db_instance" "payments" {
  identifier        = "payments"
  engine            = "postgres"
  instance_class    = "db.t3.medium"
  allocated_storage = 50
  multi_az          = true
  username          = "payments"
  manage_master_user_password = true
}

# Unknown until a value is given: run with --var reporting_multi_az=true to decide it.
resource "aws_db_instance" "reporting" {
  identifier        = "reporting"
  engine            = "postgres"
  instance_class    = "db.t3.small"
  allocated_storage = 20
  multi_az          = var.reporting_multi_az
  username          = "reporting"
  manage_master_user_password = true
}

# SPOF-REDIS-001: a single cache node, no replication group.
resource "aws_elasticache_cluster" "sessions" {
  cluster_id      = "sessions"
  engine          = "redis"
  node_type       = "cache.t3.small"
  num_cache_nodes = 1
}

# SPOF-REDIS-002: a replica exists, but nothing promotes it.
resource "aws_elasticache_replication_group" "carts" {
  replication_group_id       = "carts"
  description                = "shopping carts"
  engine                     = "redis"
  node_type                  = "cache.t3.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = false
  multi_az_enabled           = false
}

# Healthy: two nodes in different zones with automatic failover.
resource "aws_elasticache_replication_group" "catalog" {
  replication_group_id       = "catalog"
  description                = "product catalogue cache"
  engine                     = "redis"
  node_type                  = "cache.t3.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

# Accepted on purpose, with a reason: a suppressed finding is counted, not reported.
# spofscan:ignore SPOF-REDIS-001 throwaway rate-limit counters, rebuilt in seconds
resource "aws_elasticache_cluster" "rate_limits" {
  cluster_id      = "rate-limits"
  engine          = "redis"
  node_type       = "cache.t3.micro"
  num_cache_nodes = 1
}
