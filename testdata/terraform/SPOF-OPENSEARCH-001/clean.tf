resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3
    zone_awareness_enabled = true
    zone_awareness_config {
      availability_zone_count = 3
    }
  }
}

resource "aws_opensearch_domain" "big" {
  domain_name = "big"
  cluster_config {
    instance_count           = 12
    zone_awareness_enabled   = true
    dedicated_master_enabled = true
    dedicated_master_count   = 3
  }
}
