resource "aws_redshift_cluster" "reports" {
  cluster_identifier = "reports"
  node_type          = "ra3.xlplus"
  cluster_type       = "multi-node"
  number_of_nodes    = 2
}

resource "aws_redshift_cluster" "sized" {
  cluster_identifier = "sized"
  node_type          = "ra3.xlplus"
  number_of_nodes    = 4
}
