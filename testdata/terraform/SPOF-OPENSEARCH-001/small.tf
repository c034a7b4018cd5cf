variable "search_nodes" {
  type = number
}

resource "aws_opensearch_domain" "logs" { # expect: SPOF-OPENSEARCH-001 "cannot survive the loss of a node"
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
}

resource "aws_opensearch_domain" "two_nodes" {
  domain_name = "two-nodes"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 2 # expect: SPOF-OPENSEARCH-001
    zone_awareness_enabled = true
  }
}

resource "aws_elasticsearch_domain" "big" {
  domain_name = "big"
  cluster_config {
    instance_count         = 12
    zone_awareness_enabled = true
    zone_awareness_config {
      availability_zone_count = 3
    }
    dedicated_master_enabled = false # expect: SPOF-OPENSEARCH-001
  }
}

resource "aws_opensearch_domain" "sized_later" {
  domain_name = "sized-later"
  cluster_config {
    instance_count         = var.search_nodes # expect-unknown: SPOF-OPENSEARCH-001
    zone_awareness_enabled = true
  }
}
