resource "aws_redshift_cluster" "reports" {
  cluster_identifier = "reports"
  node_type          = "ra3.xlplus"
  cluster_type       = "single-node" # expect: SPOF-REDSHIFT-001 "keeps one copy of its data"
}

resource "aws_redshift_cluster" "by_default" { # expect: SPOF-REDSHIFT-001
  cluster_identifier = "by-default"
  node_type          = "ra3.xlplus"
}
