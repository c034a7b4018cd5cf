resource "aws_eks_node_group" "general" {
  cluster_name    = "main"
  node_group_name = "general"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-a", "subnet-b", "subnet-c"]

  scaling_config {
    desired_size = 3
    min_size     = 3
    max_size     = 6
  }
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.8.5"

  cluster_name = "main"
  eks_managed_node_groups = {
    workers = {
      min_size     = 2
      max_size     = 10
      desired_size = 3
    }
  }
}
