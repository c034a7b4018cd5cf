# A node group capped at one node: it runs a single node whatever it is asked to scale to.
resource "aws_eks_node_group" "tools" {
  cluster_name    = "main"
  node_group_name = "tools"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-a", "subnet-b"]

  scaling_config {
    desired_size = 1
    min_size     = 1
    max_size     = 1 # expect: SPOF-EKS-001 "(node group) runs at most"
  }
}
